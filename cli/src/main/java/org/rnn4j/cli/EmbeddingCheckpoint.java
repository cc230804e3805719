package org.rnn4j.cli;

import java.nio.file.Path;
import org.rnn4j.embed.WordVectors;
import org.rnn4j.train.Checkpoint;
import picocli.CommandLine.Option;

/** The --checkpoint option of the commands that read a model's embedding. */
final class EmbeddingCheckpoint {

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint of a model with an embedding")
    Path checkpoint;

    /** The checkpoint's word vectors; a one-hot model is refused. */
    WordVectors load() {
        return WordVectors.of(Checkpoint.load(checkpoint));
    }
}
