package org.rnn4j.cli.classify;

import picocli.CommandLine.Command;

/** {@code rnn4j label}: sequence labelling; a subcommand is required. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label every token of a sequence: train, score and run labellers.",
        subcommands = {LabelTrainCommand.class, LabelEvalCommand.class, LabelPredictCommand.class})
public final class LabelCommand {
}
