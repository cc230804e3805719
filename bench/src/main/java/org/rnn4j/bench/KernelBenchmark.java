package org.rnn4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.vector.VectorKernels;

/**
 * What every benchmark of the kernels shares: the run settings (time per operation in µs, 3 × 1 s of
 * warm-up and of measurement, one fork with the Vector API module; all can be overridden on the JMH
 * command line) and the kernels and thread count as parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC"})
public abstract class KernelBenchmark {

    /** "vector": the Vector API kernels; "scalar": the specification, single-threaded whatever {@link #threads} is. */
    @Param({"vector", "scalar"})
    public String kernels;

    /** Threads of the kernels' pool, the caller's included. */
    @Param({"1", "2"})
    public int threads;

    /**
     * Sets the thread count and returns the kernels {@link #kernels} names, built directly rather than
     * through {@code KernelProvider}, whose choice is fixed once per process.
     */
    protected final Kernels setUpKernels() {
        Parallel.setThreads(threads);
        return switch (kernels) {
            case "vector" -> VectorKernels.create();
            case "scalar" -> new ScalarKernels();
            default -> throw new IllegalArgumentException(
                    "kernels=" + kernels + " is not a kernel choice: use vector or scalar");
        };
    }
}
