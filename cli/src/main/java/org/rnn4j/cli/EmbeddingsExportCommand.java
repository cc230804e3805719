package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.embed.Word2VecWriter;
import org.rnn4j.embed.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j embeddings export}: writes a model's embedding as word2vec text. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a model's embedding in the word2vec text format: a line \"V E\", then \"token v1 ... vE\" per token.",
                "Whitespace, control characters and backslashes in tokens are escaped: \\s space, \\n newline, \\t tab, "
                        + "\\r return, \\\\ backslash, \\uXXXX the rest."})
final class EmbeddingsExportCommand implements Runnable {

    @Mixin
    EmbeddingCheckpoint checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Text file to write; replaced atomically if it exists")
    Path out;

    @Override
    public void run() {
        WordVectors vectors = checkpoint.load();
        int escaped = Word2VecWriter.write(out, vectors);
        System.out.printf(Locale.ROOT, "wrote %,d vectors of dimension %d to %s (word2vec text%s)%n", vectors.vocabulary().size(),
                vectors.dimension(), out, escaped == 0 ? "" : ", " + escaped + " token(s) escaped");
    }
}
