package org.rnn4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A UTF-8 text file as the ids of its code points, read from the file as they are needed: memory holds
 * one buffer per cursor and a sparse index, never the text. Opening reads the file once, which checks it
 * as {@link TextLoader} and {@link Vocabulary#encodeCodePoints} would (strict UTF-8, no NUL byte, no
 * character outside the vocabulary), counts its code points and notes the byte offset of every
 * {@value #INDEX_STRIDE}th, where cursors start decoding.
 */
public final class CodePointFile implements TokenSequence, AutoCloseable {

    static final int INDEX_STRIDE = 1 << 16;

    private final FileChannel channel;
    private final Path file;
    private final long size;        // bytes
    private final int[] ids;        // code point → id, −1 outside the vocabulary
    private final long length;      // code points
    private final long[] index;     // byte offset of code point k·INDEX_STRIDE

    private CodePointFile(FileChannel channel, Path file, long size, int[] ids, long length, long[] index) {
        this.channel = channel;
        this.file = file;
        this.size = size;
        this.ids = ids;
        this.length = length;
        this.index = index;
    }

    /** Opens and checks {@code file}; {@code what} names it in the message about unknown characters. */
    public static CodePointFile open(Path file, Vocabulary vocabulary, String what) {
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        } catch (IOException e) {
            throw TextLoader.unreadable(file, e);
        }
        try {
            if (size == 0) {
                throw TextLoader.empty(file);
            }
            int[] ids = vocabulary.codePointIds();
            Utf8Reader reader = new Utf8Reader(channel::read, file, size);
            reader.seek(0);
            long[] index = new long[16];
            TreeSet<String> unknown = new TreeSet<>();
            long count = 0;
            for (long offset = 0; ; count++) {
                if (count % INDEX_STRIDE == 0) {
                    int entry = (int) (count / INDEX_STRIDE);
                    if (entry == index.length) {
                        index = Arrays.copyOf(index, 2 * entry);
                    }
                    index[entry] = offset;
                }
                int codePoint = reader.next();
                if (codePoint == Utf8Reader.END) {
                    break;
                }
                if (codePoint >= ids.length || ids[codePoint] < 0) {
                    unknown.add(Vocabulary.describe(codePoint));
                }
                offset = reader.offset();
            }
            if (!unknown.isEmpty()) {
                throw Vocabulary.unknownCharacters(what, unknown);
            }
            return new CodePointFile(channel, file, size, ids, count, index);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, RuntimeException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public TokenCursor cursor() {
        Utf8Reader reader = new Utf8Reader(channel::read, file, size);
        return new TokenCursor() {
            @Override
            public void seek(long start) {
                if (start < 0 || start > length) {
                    throw new IndexOutOfBoundsException("token " + start + " of " + length);
                }
                reader.seek(index[(int) (start / INDEX_STRIDE)]);
                for (long skip = start % INDEX_STRIDE; skip > 0; skip--) {
                    reader.next();
                }
            }

            @Override
            public int next() {
                return ids[reader.next()];
            }
        };
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
