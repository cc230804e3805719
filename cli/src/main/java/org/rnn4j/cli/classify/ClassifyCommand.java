package org.rnn4j.cli.classify;

import picocli.CommandLine.Command;

/** {@code rnn4j classify}: sequence classification; a subcommand is required. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify texts, each a sequence of characters, words or part-of-speech tags.",
        subcommands = {ClassifyTrainCommand.class, ClassifyEvalCommand.class, ClassifyPredictCommand.class,
                ClassifyBaselineCommand.class})
public final class ClassifyCommand {
}
