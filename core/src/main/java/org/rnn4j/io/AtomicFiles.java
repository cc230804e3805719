package org.rnn4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.rnn4j.InvalidInputException;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes go to
 * {@code .NAME.tmp-RANDOM} in the target's folder, are forced to disk, and the temporary file is then
 * renamed over the target in one atomic move. On any failure the temporary file is deleted and the
 * target is left as it was. Missing parent folders are created. A process killed while it writes cannot
 * delete its temporary file: {@link #removeLeftovers} does, once no process writes to the folder.
 */
public final class AtomicFiles {

    /** Writes the new content; may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T target) throws IOException;
    }

    /** The temporary file of a write: {@code .NAME.tmp-} and 16 hex digits. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-[0-9a-f]{16}");

    private AtomicFiles() {
    }

    /**
     * Deletes the temporary files that writes into {@code folder} left behind when their process was killed;
     * the caller makes sure that no write into the folder is under way. Returns how many it deleted.
     */
    public static int removeLeftovers(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp-*")) {
            for (Path file : files) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches() && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot remove the unfinished writes in " + folder + ": " + reason(e)
                    + "; check the permissions of that folder", e);
        }
        return removed;
    }

    /**
     * A name beside {@code target} for a scratch file that {@link #removeLeftovers} deletes should its process be
     * killed before it deletes the file itself: the name a write of {@code target} would use.
     */
    public static Path temporary(Path target) {
        Path file = target.toAbsolutePath();
        return file.resolveSibling("." + file.getFileName() + ".tmp-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    }

    /** Replaces {@code target} with what {@code writer} writes to the channel (positioned at 0). */
    public static void write(Path target, IoConsumer<FileChannel> writer) {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Path temporary = temporary(file);
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write to " + folder + ": " + reason(e) + "; choose a writable folder", e);
        }
        boolean moved = false;
        try {
            try (channel) {
                writer.accept(channel);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + reason(e) + "; check the free space and permissions of that folder", e);
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Replaces {@code target} with what {@code writer} writes to a buffered stream; the writer need not close it. */
    public static void writeStream(Path target, IoConsumer<OutputStream> writer) {
        write(target, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            writer.accept(out);
            out.flush(); // not closed: closing would close the channel before it is forced to disk
        });
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, channel -> writeFully(channel, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Writes all remaining bytes of {@code buffer}; a channel may accept fewer per call. */
    static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** A short human reason for an I/O failure, without the path the caller already names. */
    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or folder";
            case FileAlreadyExistsException x -> "a file is in the way of a folder";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
