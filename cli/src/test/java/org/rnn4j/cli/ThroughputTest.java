package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The timing protocol of {@code rnn4j bench}. */
class ThroughputTest {

    private static final int CYCLE = 40;
    private static final int ONE_OFF_BYTES = 16 << 20;

    /**
     * A workload whose data starts over after {@value #CYCLE} steps of 20 ms, and whose first step of the second
     * cycle allocates 16 MB once, as code that runs for the first time there may: with a warm-up of a few steps
     * and the half-second calibration, that step would fall in the timed windows.
     */
    private static final class CyclingWorkload implements BenchWorkload {

        private int steps;
        private byte[] kept;

        @Override
        public void step() {
            if (steps++ == CYCLE) {
                kept = new byte[ONE_OFF_BYTES];
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int tokensPerStep() {
            return 1;
        }

        @Override
        public long parameters() {
            return 0;
        }

        @Override
        public int cycleSteps() {
            return CYCLE;
        }
    }

    @Test
    void theWarmUpRunsPastTheFirstTimeTheDataStartsOver() {
        CyclingWorkload workload = new CyclingWorkload();
        Throughput result = Throughput.measure(workload, 0, 0.1, 3);
        double timedBytes = result.bytesPerStep() * result.windows() * result.stepsPerWindow();
        // other threads of the test JVM may allocate a little while the windows run; the one-off is 16 MB
        assertTrue(result.bytesPerStep() >= 0 && timedBytes < ONE_OFF_BYTES / 4,
                () -> "the one-off allocation fell in the timed windows: " + result);
        assertTrue(workload.kept != null, "the workload never reached its second cycle");
    }
}
