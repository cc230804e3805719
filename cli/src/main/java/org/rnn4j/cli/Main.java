package org.rnn4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cli.classify.ClassifyCommand;
import org.rnn4j.cli.classify.LabelCommand;
import org.rnn4j.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code rnn4j} command. Errors become one line on stderr and a non-zero exit code here, only here. */
@Command(name = "rnn4j", mixinStandardHelpOptions = true, version = "rnn4j 0.1.0",
        description = "Train, sample, score and inspect recurrent neural network language models, explore their embeddings, fit echo state networks, and run demonstrations of how recurrent nets learn.",
        subcommands = {TrainCommand.class, SampleCommand.class, EvalCommand.class, InspectCommand.class,
                EmbeddingsCommand.class, NeighborsCommand.class, AnalogyCommand.class,
                GradcheckCommand.class, PlotCommand.class, BenchCommand.class, EsnCommand.class, DemoCommand.class,
                ClassifyCommand.class, LabelCommand.class, CommandLine.HelpCommand.class})
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
            err.println("rnn4j: " + parameterMessage(exception) + " (see: " + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return BAD_INPUT;
        });
        commandLine.setExecutionStrategy(Main::refuseUnknownCommands);
        try {
            return commandLine.execute(Preset.expand(args));
        } catch (InvalidInputException e) {
            commandLine.getErr().println("rnn4j: " + e.getMessage());
            commandLine.getErr().flush();
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("rnn4j: " + outOfMemory(Runtime.getRuntime().maxMemory()));
            commandLine.getErr().flush();
            return FAILED;
        }
    }

    /** What to do when the heap of {@code maxHeap} bytes ran out: give the JVM twice as much. */
    static String outOfMemory(long maxHeap) {
        long doubled = Math.max(1, Math.ceilDiv(2 * maxHeap, 1L << 30));
        return "out of memory: the Java heap of " + HeapCheck.size(maxHeap) + " is full; raise it with JAVA_OPTS=-Xmx"
                + doubled + "g (the launcher's default is 2 GB, or half the machine's memory when that is less)";
    }

    /**
     * Runs the command unless an argument was left unmatched, which picocli forgives when --help is among
     * them: {@code rnn4j nosuchcommand --help} is an error, not the top-level help.
     */
    private static int refuseUnknownCommands(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** An unknown command is named with the known ones; other parameter errors keep picocli's message. */
    private static String parameterMessage(ParameterException exception) {
        Map<String, CommandLine> subcommands = exception.getCommandLine().getSubcommands();
        String word = exception instanceof UnmatchedArgumentException unmatched
                ? unmatched.getUnmatched().stream().findFirst().orElse(null)
                : exception.getArgSpec() == null ? exception.getValue() : null; // help COMMAND names no option
        if (subcommands.isEmpty() || word == null || word.startsWith("-") || subcommands.containsKey(word)) {
            return exception.getMessage();
        }
        return "unknown command '" + word + "'; the commands are " + String.join(", ", subcommands.keySet());
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
