package org.rnn4j.cli;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The peers' timing protocol: warm up for at least {@code warmupSeconds}, {@code WARMUP_STEPS} steps and
 * one step past the workload's cycle; choose the steps per window so a window lasts about
 * {@code windowSeconds}, then time {@code windows} windows; the result is the median window throughput
 * with the slowest and fastest, and the bytes all threads allocated per step while the windows ran (−1
 * where the JVM cannot count them).
 */
record Throughput(double median, double min, double max, int windows, int stepsPerWindow, double bytesPerStep) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static final int WARMUP_STEPS = 3;

    static Throughput measure(BenchWorkload workload, double warmupSeconds, double windowSeconds, int windows) {
        long start = System.nanoTime();
        int warmed = 0;
        int warmupSteps = Math.max(WARMUP_STEPS, workload.cycleSteps() + 1);
        while (warmed < warmupSteps || seconds(start) < warmupSeconds) {
            workload.step();
            warmed++;
        }
        int stepsPerWindow = (int) Math.max(1, Math.round(windowSeconds / secondsPerStep(workload)));
        double[] rates = new double[windows];
        long allocatedBefore = allocatedBytes();
        for (int w = 0; w < windows; w++) {
            long windowStart = System.nanoTime();
            for (int s = 0; s < stepsPerWindow; s++) {
                workload.step();
            }
            rates[w] = (double) workload.tokensPerStep() * stepsPerWindow / seconds(windowStart);
        }
        long allocatedAfter = allocatedBytes();
        double bytesPerStep = allocatedBefore < 0 || allocatedAfter < 0 ? -1
                : (double) (allocatedAfter - allocatedBefore) / ((long) windows * stepsPerWindow);
        Arrays.sort(rates);
        return new Throughput(rates[windows / 2], rates[0], rates[windows - 1], windows, stepsPerWindow, bytesPerStep);
    }

    // the warm-up's first steps include compilation; time a few more for the calibration
    private static double secondsPerStep(BenchWorkload workload) {
        long start = System.nanoTime();
        int steps = 0;
        while (steps < WARMUP_STEPS || seconds(start) < 0.5) {
            workload.step();
            steps++;
        }
        return seconds(start) / steps;
    }

    private static long allocatedBytes() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled()
                ? THREADS.getTotalThreadAllocatedBytes() : -1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
