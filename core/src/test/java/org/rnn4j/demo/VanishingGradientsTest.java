package org.rnn4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.KernelProvider;

/** The gradient demo's curves, at the CLI's defaults (H = 64, seed 1, k = 0…50): the sign of the fitted slope of ln‖dL/dh_{T−k}‖. */
class VanishingGradientsTest {

    private static final VanishingGradients DEMO = new VanishingGradients(KernelProvider.kernels(), new VanishingGradients.Setup(64, 50, 0f, 1));

    @Test
    void aSigmoidRnnWithASmallRecurrentMatrixForgetsGeometrically() {
        VanishingGradients.Curve curve = DEMO.measure(Cells.of("rnn-sigmoid"), 0.5);
        assertEquals(1, curve.norms()[0], 1e-6);
        assertTrue(curve.slope() < -1, "slope " + curve.slope()); // σ' ≤ 1/4 and ρ = 1/2: at most e^−2.08 a step
        assertTrue(curve.norms()[10] < 1e-8, "k = 10: " + curve.norms()[10]);
    }

    @Test
    void aReluRnnWithALargeRecurrentMatrixExplodes() {
        VanishingGradients.Curve curve = DEMO.measure(Cells.of("rnn-relu"), 1.5);
        assertTrue(curve.slope() > 0, "slope " + curve.slope());
        assertTrue(curve.norms()[50] > 10, "k = 50: " + curve.norms()[50]);
    }

    @Test
    void theSlopeGrowsWithTheSpectralRadius() {
        for (String cell : new String[] {"rnn-sigmoid", "rnn", "rnn-relu", "lstm"}) {
            double below = DEMO.measure(Cells.of(cell), 0.5).slope();
            double above = DEMO.measure(Cells.of(cell), 1.5).slope();
            assertTrue(below < above, cell + ": slope " + below + " at ρ = 0.5, " + above + " at ρ = 1.5");
        }
    }

    @Test
    void aForgetGateBiasLetsTheLstmRemember() {
        VanishingGradients remembering = new VanishingGradients(KernelProvider.kernels(), new VanishingGradients.Setup(64, 50, 3f, 1));
        double open = remembering.measure(Cells.of("lstm"), 1).slope();
        double half = DEMO.measure(Cells.of("lstm"), 1).slope();
        assertTrue(open > half / 4, "slope " + open + " with forget bias 3, " + half + " with none");
    }

    @Test
    void refusesANonPositiveRadiusAndACellWithoutFusedGates() {
        assertThrows(InvalidInputException.class, () -> DEMO.measure(Cells.of("rnn"), 0));
        assertThrows(InvalidInputException.class, () -> DEMO.measure(Cells.of("gru-cho"), 1));
    }
}
