package org.rnn4j.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.rnn4j.data.ScoringStreams;
import org.rnn4j.train.TokenScores;

/**
 * Puts the scores of streams read side by side back in text order. Each row writes its positions, one
 * record (token id, log-probability) each, into its own stretch of a temporary file through a small buffer;
 * {@link #replay} then reads the file from the start. Memory stays one buffer per row whatever the text's size.
 */
final class TextOrderScores implements TokenScores, AutoCloseable {

    private static final int RECORD = Integer.BYTES + Double.BYTES;
    private static final int RECORDS_PER_FLUSH = 4096;

    private final long[] cuts;            // (N + 1) row n holds positions (cuts[n], cuts[n + 1]]
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer[] buffers;   // per row: records not yet written
    private final long[] written;         // per row: the file offset its buffer goes to

    TextOrderScores(ScoringStreams streams) {
        int rows = streams.rows();
        this.cuts = new long[rows + 1];
        for (int r = 0; r <= rows; r++) {
            cuts[r] = r == rows ? Long.MAX_VALUE : streams.cut(r);
        }
        this.buffers = new ByteBuffer[rows];
        this.written = new long[rows];
        for (int r = 0; r < rows; r++) {
            buffers[r] = ByteBuffer.allocate(RECORDS_PER_FLUSH * RECORD);
            written[r] = cuts[r] * RECORD;
        }
        try {
            this.file = Files.createTempFile("rnn4j-scores", ".bin");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for the per-token scores", e);
        }
    }

    @Override
    public void score(long position, int token, double logProbability) {
        int row = Arrays.binarySearch(cuts, position - 1);
        row = row >= 0 ? row : -row - 2;     // the last cut below the position
        ByteBuffer buffer = buffers[row];
        buffer.putInt(token).putDouble(logProbability);
        if (!buffer.hasRemaining()) {
            flush(row);
        }
    }

    private void flush(int row) {
        ByteBuffer buffer = buffers[row];
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                written[row] += channel.write(buffer, written[row]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the per-token scores to " + file, e);
        }
        buffer.clear();
    }

    /** Hands every score to {@code scores} in text order, positions 1 to the last. */
    void replay(TokenScores scores) {
        for (int r = 0; r < buffers.length; r++) {
            flush(r);
        }
        try {
            channel.position(0);
            InputStream stream = Channels.newInputStream(channel);
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            long positions = channel.size() / RECORD;
            for (long p = 1; p <= positions; p++) {
                scores.score(p, in.readInt(), in.readDouble());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the per-token scores back from " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
