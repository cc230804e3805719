package org.rnn4j.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rnn4j.InvalidInputException;

/**
 * Reads a corpus: one UTF-8 text file, or every {@code .txt} file of a folder in name order, joined.
 * Rejects missing, unreadable, empty and binary files and invalid UTF-8 with a message that says where.
 */
public final class TextLoader {

    private TextLoader() {
    }

    public static String read(Path path) {
        List<Path> files = files(path);
        if (files.size() == 1) {
            return readFile(files.getFirst());
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(readFile(file));
        }
        return text.toString();
    }

    /** The files a corpus path names, read in this order: the file itself, or the .txt files of a folder by name. */
    static List<Path> files(Path path) {
        return Files.isDirectory(path) ? textFilesIn(path) : List.of(path);
    }

    private static List<Path> textFilesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException("folder " + folder + " has no .txt files; put the corpus in .txt files or give a file");
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException("cannot list folder " + folder + ": " + e.getMessage());
        }
    }

    private static String readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return read(bytes, file);
    }

    /**
     * Text that did not come from a file (standard input), with the checks a file gets; {@code name} stands for it
     * in error messages.
     */
    public static String read(byte[] bytes, Path name) {
        Path file = name;
        if (bytes.length == 0) {
            throw empty(file);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw binary(file, i);
            }
        }
        return decode(file, bytes);
    }

    /** The one-line error for a file that cannot be read. */
    static InvalidInputException unreadable(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> new InvalidInputException("no such file: " + file + "; check the path");
            case AccessDeniedException denied -> new InvalidInputException("cannot read " + file + ": permission denied");
            default -> new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        };
    }

    static InvalidInputException empty(Path file) {
        return new InvalidInputException(file + " is empty; give a text file with some content");
    }

    static InvalidInputException binary(Path file, long offset) {
        return new InvalidInputException(file + " looks like a binary file (NUL byte at byte offset " + offset
                + "); give a UTF-8 text file");
    }

    /** The error for invalid UTF-8 whose malformed sequence starts with {@code value} at byte {@code offset}. */
    static InvalidInputException notUtf8(Path file, int value, long offset) {
        return new InvalidInputException(String.format(
                "%s is not valid UTF-8: byte 0x%02X at byte offset %d; convert the file to UTF-8 (for example with iconv)",
                file, value & 0xFF, offset));
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw notUtf8(file, bytes[offset], offset);
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new InvalidInputException(file + " is not valid UTF-8", e);
        }
        out.flip();
        return out.toString();
    }
}
