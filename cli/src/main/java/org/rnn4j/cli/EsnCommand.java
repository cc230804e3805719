package org.rnn4j.cli;

import picocli.CommandLine.Command;

/** {@code rnn4j esn}: echo state networks; a subcommand is required. */
@Command(name = "esn", mixinStandardHelpOptions = true,
        description = "Echo state networks: a fixed random reservoir whose linear read-out alone is fitted (ridge regression).",
        subcommands = {EsnTrainCommand.class, EsnEvalCommand.class})
final class EsnCommand {
}
