package org.rnn4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.rnn4j.InvalidInputException;
import org.rnn4j.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rnn4j} command. Errors become one line on stderr and a non-zero exit code here, only here. */
@Command(name = "rnn4j", mixinStandardHelpOptions = true, version = "rnn4j 0.1.0",
        description = "Train, sample, score and inspect recurrent neural network language models, and explore their embeddings.",
        subcommands = {TrainCommand.class, SampleCommand.class, EvalCommand.class, InspectCommand.class,
                EmbeddingsCommand.class, NeighborsCommand.class, AnalogyCommand.class,
                GradcheckCommand.class, PlotCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for bad input (files, options, checkpoints). */
    static final int BAD_INPUT = 2;
    /** Exit code for a run that stopped because training diverged or an I/O error occurred. */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("rnn4j: " + message(exception));
            err.flush();
            return exitCode(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args1) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("rnn4j: " + exception.getMessage() + " (see: " + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return BAD_INPUT;
        });
        try {
            return commandLine.execute(Preset.expand(args));
        } catch (InvalidInputException e) {
            commandLine.getErr().println("rnn4j: " + e.getMessage());
            commandLine.getErr().flush();
            return BAD_INPUT;
        }
    }

    private static int exitCode(Exception exception) {
        if (exception instanceof TrainingDivergedException) {
            return FAILED; // the input was accepted; the run failed
        }
        return exception instanceof InvalidInputException || exception instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
    }

    private static String message(Exception exception) {
        if (exception instanceof UncheckedIOException io && io.getCause() != null) {
            return io.getMessage() + ": " + io.getCause().getMessage();
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
