package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rnn4j.embed.Metric;
import org.rnn4j.embed.Word2VecWriter;
import org.rnn4j.embed.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnn4j analogy A B C}: the words nearest to vector(A) − vector(B) + vector(C), by cosine and by Euclidean distance. */
@Command(name = "analogy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer A - B + C by vector arithmetic on the embedding (king - man + woman = queen): the nearest words "
                + "by cosine similarity and by Euclidean distance.", "A, B, C and the special tokens <unk>, <s>, </s> are never answers."})
final class AnalogyCommand implements Runnable {

    @Mixin
    EmbeddingCheckpoint checkpoint;

    @Option(names = "--count", description = "Answers listed per metric (default: ${DEFAULT-VALUE})", defaultValue = "5")
    int count;

    @Parameters(index = "0", paramLabel = "A", description = "The word to start from (king)")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The word to subtract (man)")
    String b;

    @Parameters(index = "2", paramLabel = "C", description = "The word to add (woman)")
    String c;

    @Override
    public void run() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        WordVectors vectors = checkpoint.load();
        List<Metric> metrics = List.of(Metric.COSINE, Metric.EUCLIDEAN);
        var answers = metrics.stream().map(metric -> vectors.analogy(a, b, c, metric, count)).toList();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String title = Word2VecWriter.escape(a) + " - " + Word2VecWriter.escape(b) + " + " + Word2VecWriter.escape(c);
        out.print(NeighborTable.format(title, metrics, answers));
        out.flush();
    }
}
