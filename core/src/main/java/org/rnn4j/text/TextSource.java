package org.rnn4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A corpus's text read as a stream, never whole: a UTF-8 file, the {@code .txt} files of a folder in name
 * order (one text, as {@link TextLoader#read} joins them), or bytes in memory (a text bundled in a jar).
 * Each pass reads the bytes again through a buffer of 64 KB, decoding strictly as {@link TextLoader} does
 * and failing with its messages (the file and byte offset of a NUL byte or an invalid sequence, an empty file).
 */
public final class TextSource {

    private static final int CHUNK = 1 << 20; // bytes hashed at a time

    private final List<Part> parts;

    /** One file, or bytes in memory that {@code name} stands for in messages. */
    private record Part(Path name, byte[] bytes) {

        FileChannel open() {
            try {
                return FileChannel.open(name, StandardOpenOption.READ);
            } catch (IOException e) {
                throw TextLoader.unreadable(name, e);
            }
        }
    }

    private TextSource(List<Part> parts) {
        this.parts = parts;
    }

    /** The text of a file, or of the {@code .txt} files of a folder; refuses a folder without any. */
    public static TextSource of(Path path) {
        return new TextSource(TextLoader.files(path).stream().map(file -> new Part(file, null)).toList());
    }

    /** Text held in memory; {@code name} stands for it in error messages. */
    public static TextSource of(byte[] bytes, Path name) {
        return new TextSource(List.of(new Part(name, bytes)));
    }

    /** Its fingerprint, {@code source} saying where it was read: one pass that hashes the bytes as they are. */
    public TextFingerprint fingerprint(String source) {
        MessageDigest digest = TextFingerprint.newSha256();
        long size = 0;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (Part part : parts) {
            if (part.bytes() != null) {
                requireContent(part, part.bytes().length);
                digest.update(part.bytes());
                size += part.bytes().length;
                continue;
            }
            try (FileChannel channel = part.open()) {
                requireContent(part, channel.size());
                for (int read; (read = channel.read(buffer.clear())) >= 0; size += read) {
                    digest.update(buffer.flip());
                }
            } catch (IOException e) {
                throw TextLoader.unreadable(part.name(), e);
            }
        }
        return new TextFingerprint(source, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void requireContent(Part part, long size) {
        if (size == 0) {
            throw TextLoader.empty(part.name());
        }
    }

    /** A reader from the first code point on; close it to release its file. */
    public Reader reader() {
        return new Reader(parts);
    }

    /** The text's lines in order, each with the {@code '\n'} that ends it (the last may have none); closed at the end. */
    public Iterator<String> lines() {
        Reader reader = reader();
        return new Iterator<>() {
            private String next = reader.nextLine();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = reader.nextLine();
                return line;
            }
        };
    }

    /** Reads the code points of the text, part after part, each file through a buffer of its own. */
    public static final class Reader implements AutoCloseable {

        /** What {@link #next()} returns after the last code point. */
        public static final int END = Utf8Reader.END;

        private final Iterator<Part> parts;
        private FileChannel channel;    // the open file, null for bytes in memory or at the end
        private Utf8Reader current;     // null at the end

        private Reader(List<Part> parts) {
            this.parts = new ArrayList<>(parts).iterator();
            advance();
        }

        private void advance() {
            close();
            current = null;
            if (!parts.hasNext()) {
                return;
            }
            Part part = parts.next();
            long size;
            Utf8Reader.Bytes source;
            if (part.bytes() != null) {
                byte[] bytes = part.bytes();
                size = bytes.length;
                source = (buffer, position) -> {
                    int count = (int) Math.min(buffer.remaining(), bytes.length - position);
                    buffer.put(bytes, (int) position, count);
                    return count;
                };
            } else {
                channel = part.open();
                try {
                    size = channel.size();
                } catch (IOException e) {
                    throw TextLoader.unreadable(part.name(), e);
                }
                source = channel::read;
            }
            requireContent(part, size);
            current = new Utf8Reader(source, part.name(), size);
            current.seek(0);
        }

        /** The next code point, or {@link #END} after the last. */
        public int next() {
            while (current != null) {
                int codePoint = current.next();
                if (codePoint != END) {
                    return codePoint;
                }
                advance();
            }
            return END;
        }

        /** The next line with its {@code '\n'} (the text's last may have none), or null at the end. */
        public String nextLine() {
            StringBuilder line = new StringBuilder();
            for (int codePoint; (codePoint = next()) != END; ) {
                line.appendCodePoint(codePoint);
                if (codePoint == '\n') {
                    break;
                }
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close a text file", e);
                } finally {
                    channel = null;
                }
            }
        }
    }
}
