package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.train.Trainer;

/** The folder a training run writes to: created if needed, checked writable, never silently reused. */
final class RunFolder {

    private RunFolder() {
    }

    /** Creates and checks {@code folder}; a folder that already holds a run is only accepted when resuming. */
    static Path prepare(Path folder, boolean resuming) {
        if (!resuming && Files.exists(folder.resolve(Trainer.LATEST))) {
            throw new InvalidInputException(folder + " already holds a run; resume it with --resume "
                    + folder.resolve(Trainer.LATEST) + " or choose another --out folder");
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("cannot write to " + folder + " (" + reason(e) + "); choose another --out folder");
        }
        return folder;
    }

    /** Why a folder cannot be written, in words: "permission denied", "read-only file system". */
    private static String reason(Exception e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + " is a file";
            case FileSystemException other when other.getReason() != null -> other.getReason().toLowerCase(Locale.ROOT);
            case SecurityException denied -> "not allowed";
            default -> e.getMessage() == null ? "an input/output error" : e.getMessage();
        };
    }
}
