package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rnn4j.embed.Metric;
import org.rnn4j.embed.Neighbor;
import org.rnn4j.embed.Word2VecWriter;
import org.rnn4j.embed.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnn4j neighbors}: for each word, the words whose embedding vectors have the highest cosine similarity to its own. */
@Command(name = "neighbors", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the words nearest to each WORD by the cosine similarity of their embedding vectors.",
                "The word itself and the special tokens <unk>, <s>, </s> are never listed."})
final class NeighborsCommand implements Runnable {

    @Mixin
    EmbeddingCheckpoint checkpoint;

    @Option(names = "--count", description = "Neighbours listed per word (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int count;

    @Parameters(paramLabel = "WORD", arity = "1..*", description = "Tokens of the model's vocabulary (characters for a character model)")
    List<String> words;

    @Override
    public void run() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        WordVectors vectors = checkpoint.load();
        List<List<Neighbor>> neighbors = vectors.neighbors(words, count);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.print(NeighborTable.format(Word2VecWriter.escape(words.get(i)), List.of(Metric.COSINE), List.of(neighbors.get(i))));
        }
        out.flush();
    }
}
