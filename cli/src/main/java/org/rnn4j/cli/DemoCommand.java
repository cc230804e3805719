package org.rnn4j.cli;

import picocli.CommandLine.Command;

/** {@code rnn4j demo}: experiments that show how recurrent nets behave; a subcommand is required. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Experiments on the library's own layers that show how recurrent nets behave.",
        subcommands = {GradientsCommand.class, ParityCommand.class, AdditionCommand.class})
final class DemoCommand {
}
