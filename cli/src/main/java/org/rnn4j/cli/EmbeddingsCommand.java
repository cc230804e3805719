package org.rnn4j.cli;

import picocli.CommandLine.Command;

/** {@code rnn4j embeddings}: the commands on a model's embedding as a whole; a subcommand is required. */
@Command(name = "embeddings", mixinStandardHelpOptions = true, description = "Work with a model's learned embedding.",
        subcommands = EmbeddingsExportCommand.class)
final class EmbeddingsCommand {
}
