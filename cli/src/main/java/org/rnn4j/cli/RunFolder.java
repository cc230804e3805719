package org.rnn4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.train.Trainer;

/**
 * The folder a training run writes to: created if needed, checked writable, never silently reused, and
 * locked for the run's lifetime so that a second run into it is refused. The lock is an OS lock on
 * {@value #LOCK_FILE} in the folder, which the kernel releases when the process ends however it ends: the
 * file a killed run leaves behind blocks nothing, and the temporary file of a write it was killed in is
 * deleted once the folder is locked again.
 */
final class RunFolder {

    /** The file in a run folder that a running training holds locked. */
    static final String LOCK_FILE = ".lock";

    private RunFolder() {
    }

    /**
     * The lock on a run folder; closing releases it (the lock file stays). {@code created} says whether the
     * folder was made for it, {@code before} names the files it held then.
     */
    record Lock(FileChannel channel, Path folder, boolean created, Set<String> before) implements AutoCloseable {

        /**
         * Deletes the files that appeared in the folder since it was locked, and the folder when it was made
         * for this run: what a run refused before it trained leaves behind. The lock is released.
         */
        void discardNewFiles() {
            close();
            try {
                for (Path file : files(folder)) {
                    if (!before.contains(file.getFileName().toString())) {
                        Files.deleteIfExists(file);
                    }
                }
                if (created) {
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove what a refused run wrote to " + folder, e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock whatever the channel reports, and exiting would as well
            }
        }
    }

    /**
     * Creates, checks and locks {@code folder}; a folder that already holds a run is only accepted when
     * resuming, and a folder another training holds is refused.
     */
    static Lock prepare(Path folder, boolean resuming) {
        requireNoRun(folder, resuming);
        FileChannel channel;
        boolean created = !Files.isDirectory(folder);
        Set<String> before;
        try {
            Files.createDirectories(folder);
            before = created ? Set.of() : files(folder).stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet());
            Path probe = Files.createTempFile(folder, ".write-test", ".tmp");
            Files.delete(probe);
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("cannot write to " + folder + " (" + reason(e) + "); choose another --out folder");
        }
        Lock lock = new Lock(channel, folder, created, before);
        try {
            if (lockOf(channel, folder) == null) {
                throw new InvalidInputException(folder + " is in use by another training run; wait for it to end or choose another --out folder");
            }
            requireNoRun(folder, resuming); // a run may have finished there between the first look and the lock
            AtomicFiles.removeLeftovers(folder);
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** The lock on the whole file, or null when another process (or this one) holds it. */
    private static FileLock lockOf(FileChannel channel, Path folder) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        } catch (IOException e) {
            throw new InvalidInputException("cannot lock " + folder.resolve(LOCK_FILE) + " (" + e.getMessage() + "); choose another --out folder");
        }
    }

    private static void requireNoRun(Path folder, boolean resuming) {
        if (!resuming && Files.exists(folder.resolve(Trainer.LATEST))) {
            throw new InvalidInputException(folder + " already holds a run; resume it with --resume "
                    + folder.resolve(Trainer.LATEST) + " or choose another --out folder");
        }
    }

    /** Why a folder cannot be written, in words: "permission denied", "read-only file system". */
    private static String reason(Exception e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + " is a file";
            case NoSuchFileException missing -> "cannot create " + missing.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason().toLowerCase(Locale.ROOT);
            case SecurityException denied -> "not allowed";
            default -> e.getMessage() == null ? "an input/output error" : e.getMessage();
        };
    }
}
