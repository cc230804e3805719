package org.rnn4j.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.FloatModelGradients;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.check.GradientCheck.Options;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.head.labeller.LabelOutput;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;

/**
 * Every head, on rows of random lengths: the reference's gradients agree with centred differences, and the float
 * model's with the reference, for both kernels. Padded steps carry random tokens, so any leak changes the loss.
 */
class HeadGradientTest {

    static Stream<Arguments> configs() {
        List<Arguments> configs = new ArrayList<>();
        List<Head> heads = new ArrayList<>();
        for (Pooling pooling : Pooling.values()) {
            heads.add(new ClassifierHead(3, pooling));
        }
        heads.add(new LabellerHead(3));
        heads.add(new LabellerHead(2, LabelOutput.SIGMOID));
        for (Head head : heads) {
            for (String cell : new String[] {"lstm", "gru", "rnn"}) {
                configs.add(Arguments.of(new ModelConfig(Cells.of(cell), 5, 4, 3, 2, 0f, false, head)));
            }
            configs.add(Arguments.of(new ModelConfig(Cells.of("gru"), 4, 0, 3, 1, 0f, false, head)));
        }
        return configs.stream();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void theReferenceMatchesCentredDifferences(ModelConfig config) {
        for (long seed = 1; seed <= 3; seed++) {
            List<TensorError> errors = new GradientCheck(config, new Options(seed, 4, 3, GradientCheck.DEFAULT_STEP,
                    GradientCheck.DEFAULT_FLOOR, GradientCheck.ALL_ENTRIES)).run();
            assertEquals(ModelLayout.of(config).tensors().size() + config.layers() * config.cell().stateVectors(), errors.size());
            for (TensorError error : errors) {
                assertTrue(error.maxRelativeError() <= 1e-6, "seed " + seed + ": " + error);
            }
        }
    }

    static Stream<Arguments> configsAndKernels() {
        return configs().flatMap(c -> Stream.of(
                Arguments.of(c.get()[0], new ScalarKernels()),
                Arguments.of(c.get()[0], KernelProvider.kernels())));
    }

    @ParameterizedTest
    @MethodSource("configsAndKernels")
    void theFloatModelMatchesTheReference(ModelConfig config, Kernels kernels) {
        GradientCheck check = new GradientCheck(config, new Options(11, 5, 4, GradientCheck.DEFAULT_STEP,
                GradientCheck.DEFAULT_FLOOR, GradientCheck.ALL_ENTRIES));
        float[] candidate = FloatModelGradients.of(check, kernels);
        List<TensorError> errors = GradientCheck.compare(check.model().layout(), check.analyticGradients().params(), candidate);
        assertTrue(GradientCheck.worst(errors) < 1e-3, () -> kernels.name() + " " + errors);
    }
}
