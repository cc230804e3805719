package org.rnn4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.rnn4j.InvalidInputException;

/**
 * Decodes a UTF-8 file into code points from any byte offset, through a buffer of its own refilled by
 * positional reads, so that several readers share one channel. Strict as {@link TextLoader}: a malformed
 * or truncated sequence, an overlong form, a surrogate or a NUL byte fails with the byte offset where the
 * sequence starts.
 */
final class Utf8Reader {

    static final int END = -1;
    private static final int BUFFER = 1 << 16;

    /** Where the bytes come from: a file channel's positional read, or bytes in memory. */
    @FunctionalInterface
    interface Bytes {
        /** Reads bytes from {@code position} into {@code buffer}; how many, or −1 past the end. */
        int read(ByteBuffer buffer, long position) throws IOException;
    }

    private final Bytes source;
    private final Path file;                 // named in errors
    private final long size;                 // bytes in the file
    private final byte[] bytes = new byte[BUFFER];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private long bufferStart;                // file offset of bytes[0]
    private int at;                          // next byte in bytes
    private int limit;                       // bytes read into bytes

    Utf8Reader(Bytes source, Path file, long size) {
        this.source = source;
        this.file = file;
        this.size = size;
    }

    /** The next code point comes from byte {@code offset}, which must start a sequence. */
    void seek(long offset) {
        bufferStart = offset;
        at = 0;
        limit = 0;
    }

    /** The file offset of the next byte to decode. */
    long offset() {
        return bufferStart + at;
    }

    /** The next code point, or {@link #END} after the last. */
    int next() {
        long start = offset();
        if (start >= size) {
            return END;
        }
        int lead = nextByte();
        if (lead < 0x80) {
            if (lead == 0) {
                throw TextLoader.binary(file, start);
            }
            return lead;
        }
        // the lead byte fixes the length and the range of the second byte (RFC 3629's table)
        int length;
        int low = 0x80;
        int high = 0xBF;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw TextLoader.notUtf8(file, lead, start);
        }
        for (int i = 1; i < length; i++) {
            if (offset() >= size) {
                throw TextLoader.notUtf8(file, lead, start);
            }
            int b = nextByte();
            if (b < low || b > high) {
                throw TextLoader.notUtf8(file, lead, start);
            }
            codePoint = codePoint << 6 | b & 0x3F;
            low = 0x80;
            high = 0xBF;
        }
        return codePoint;
    }

    private int nextByte() {
        if (at == limit) {
            fill();
        }
        return bytes[at++] & 0xFF;
    }

    private void fill() {
        bufferStart += limit;
        at = 0;
        buffer.clear();
        try {
            while (buffer.hasRemaining() && bufferStart + buffer.position() < size) {
                if (source.read(buffer, bufferStart + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        limit = buffer.position();
        if (limit == 0) {
            throw new InvalidInputException(file + " became shorter while it was read; give a file nothing writes to");
        }
    }
}
