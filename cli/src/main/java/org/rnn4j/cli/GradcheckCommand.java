package org.rnn4j.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.FloatModelGradients;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j gradcheck}: per parameter tensor, the maximum relative error between analytic and
 * centred-difference gradients in double precision, and between the float model and that reference.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a cell's backward pass against centred differences (double precision).")
final class GradcheckCommand implements java.util.concurrent.Callable<Integer> {

    private static final double TOLERANCE = 1e-6;
    private static final double FLOAT_TOLERANCE = 1e-3;
    private static final int EMBEDDING = 4;

    @Option(names = "--cell", completionCandidates = Cells.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", defaultValue = "lstm")
    String cell;

    @Option(names = "--layers", description = "Stacked layers (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int layers;

    @Option(names = "--hidden", description = "Hidden size H (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int hidden;

    @Option(names = "--embedding", description = "Embedding size; 0 = one-hot input (default: " + EMBEDDING
            + ", or the --hidden for mut1 and mut2, which need their input as wide as their state)")
    Integer embedding;

    @Option(names = "--factors", paramLabel = "F", description = "Factors of --cell mrnn (default: the --hidden)")
    Integer factors;

    @Option(names = "--vocab", description = "Vocabulary size V (default: ${DEFAULT-VALUE})", defaultValue = "5")
    int vocab;

    @Option(names = "--learn-initial-state", description = "Run the window from a learned initial state and check its tensors "
            + "rnn.initial_state_l<k> instead of a free initial state")
    boolean learnInitialState;

    @Option(names = "--seed", description = "Random seed of the problem (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
        Cell chosen = CellOptions.withFactors(Cells.of(cell), factors, hidden);
        int embeddingSize = CellOptions.embedding(chosen, embedding, EMBEDDING, hidden);
        CellOptions.requireInput(chosen, embeddingSize, vocab, hidden, "--embedding", "--hidden");
        ModelConfig config = new ModelConfig(chosen, vocab, embeddingSize, hidden, layers, 0f)
                .withInitialState(learnInitialState ? InitialState.LEARNED : InitialState.ZERO);
        GradientCheck.Options options = GradientCheck.Options.defaults(seed);
        GradientCheck check = new GradientCheck(config, options);
        GradientCheck.Gradients analytic = check.analyticGradients();
        List<TensorError> numeric = check.check(analytic);
        Map<String, TensorError> floats = GradientCheck.compare(check.model().layout(), analytic.params(),
                FloatModelGradients.of(check, KernelProvider.kernels())).stream()
                .collect(Collectors.toMap(TensorError::tensor, Function.identity()));
        System.out.printf(Locale.ROOT, "gradient check: %s, V=%d %s H=%d L=%d, T=%d N=%d, seed %d, step h=%.0e%n",
                CellOptions.describe(chosen, hidden), vocab, embeddingSize == 0 ? "one-hot" : "E=" + embeddingSize, hidden, layers, options.steps(), options.rows(),
                seed, options.step());
        System.out.printf(Locale.ROOT, "relative error |a-n| / max(|a|, |n|, %.0e)%n", options.floor());
        System.out.printf(Locale.ROOT, "%-22s %-10s %8s %22s %18s%n", "tensor", "shape", "checked", "analytic vs numeric", "float vs double");
        for (TensorError error : numeric) {
            TensorError f = floats.get(error.tensor());
            System.out.printf(Locale.ROOT, "%-22s %-10s %8d %22.2e %18s%n", error.tensor(),
                    Arrays.toString(error.shape()).replace(" ", ""), error.checked(), error.maxRelativeError(),
                    f == null ? "-" : String.format(Locale.ROOT, "%.2e", f.maxRelativeError()));
        }
        double worst = GradientCheck.worst(numeric);
        double worstFloat = GradientCheck.worst(List.copyOf(floats.values()));
        boolean pass = worst <= TOLERANCE && worstFloat <= FLOAT_TOLERANCE;
        System.out.printf(Locale.ROOT, "max relative error %.2e (limit %.0e), float path %.2e (limit %.0e, kernels %s): %s%n",
                worst, TOLERANCE, worstFloat, FLOAT_TOLERANCE, KernelProvider.kernels().name(), pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }
}
