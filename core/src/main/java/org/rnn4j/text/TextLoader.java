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
        if (Files.isDirectory(path)) {
            List<Path> files = textFilesIn(path);
            StringBuilder text = new StringBuilder();
            for (Path file : files) {
                text.append(readFile(file));
            }
            return text.toString();
        }
        return readFile(path);
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
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + file + "; check the path");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(file + " is empty; give a text file with some content");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidInputException(file + " looks like a binary file (NUL byte at byte offset " + i
                        + "); give a UTF-8 text file");
            }
        }
        return decode(file, bytes);
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
            throw new InvalidInputException(String.format(
                    "%s is not valid UTF-8: byte 0x%02X at byte offset %d; convert the file to UTF-8 (for example with iconv)",
                    file, bytes[offset] & 0xFF, offset));
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
