package org.rnn4j.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.model.InitialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rnn4j bench}: throughput of the benchmark configurations on random data, timed as the peers'
 * scripts time theirs, each ending with a {@code RESULT} line in their format.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure training and sampling throughput on the benchmark configurations C1-C5.")
final class BenchCommand implements Callable<Integer> {

    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

    @Parameters(paramLabel = "CONFIG", arity = "0..*",
            description = "Configurations to run: C1 (RNN 1x100, B=1), C2 (LSTM 2x128), C3 (LSTM 2x512), "
                    + "C4 (GRU 2x512), C5 (sampling from C3) (default: these five); W1, W2 (the ptb-small and ptb-medium word LSTMs); "
                    + "CHO, RRU, PEEPHOLE, MUT1, MUT2, MUT3, MRNN (C3 with --cell gru-cho, rru, lstm-peephole, mut1, mut2, mut3, mrnn); "
                    + "CLS (the default sequence classifier)")
    List<BenchConfig> configs;

    @Option(names = "--warmup", description = "Warm-up seconds per configuration (default: ${DEFAULT-VALUE})", defaultValue = "5")
    double warmupSeconds;

    @Option(names = "--window", description = "Seconds per timed window (default: ${DEFAULT-VALUE})", defaultValue = "3")
    double windowSeconds;

    @Option(names = "--windows", description = "Timed windows; the median is reported (default: ${DEFAULT-VALUE})", defaultValue = "7")
    int windows;

    @Option(names = "--streams", description = "Streams sampled at once in C5 (default: ${DEFAULT-VALUE}, as the peers)", defaultValue = "1")
    int streams;

    @Option(names = "--seed", description = "Random seed of weights and data (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--learn-initial-state", description = "Give every model a learned initial state (h0, c0), as train --learn-initial-state does")
    boolean learnInitialState;

    @Mixin
    Threads threads;

    @Override
    public Integer call() {
        threads.apply();
        if (windows < 1 || streams < 1 || !(warmupSeconds >= 0) || !(windowSeconds > 0)) {
            throw new IllegalArgumentException("--windows and --streams must be at least 1, --warmup zero or more and --window positive");
        }
        String mode = "t" + Parallel.threads();
        System.out.printf(Locale.ROOT, "rnn4j bench: kernels %s, %d thread(s), Java %s, %d cores, seed %d%s%n",
                KernelProvider.kernels().name(), Parallel.threads(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), seed, learnInitialState ? ", learned initial state" : "");
        InitialState initialState = learnInitialState ? InitialState.LEARNED : InitialState.ZERO;
        for (BenchConfig config : configs == null || configs.isEmpty() ? BenchConfig.PEERS : EnumSet.copyOf(configs)) {
            resetHeapPeaks();
            BenchWorkload workload = switch (config.task) {
                case TRAIN -> new TrainingWorkload(config, initialState, seed);
                case SAMPLE -> new SamplingWorkload(config, initialState, streams, seed);
                case CLASSIFY -> new ClassifierWorkload(config, initialState, seed);
            };
            System.out.printf(Locale.ROOT, "%s  %s (%,d parameters, %.2f MFLOP/token)%n", config, config.description,
                    workload.parameters(), config.flopsPerToken() / 1e6);
            Throughput result = Throughput.measure(workload, warmupSeconds, windowSeconds, windows);
            double gflops = result.median() * config.flopsPerToken() / 1e9;
            double heapMb = heapPeakBytes() / 1e6;
            double rssMb = peakResidentBytes() / 1e6;
            System.out.printf(Locale.ROOT, "    %,.0f tokens/s median (%,.0f-%,.0f over %d windows of %d steps), %.1f GFLOP/s, "
                            + "%.0f bytes allocated per step, peak heap %.0f MB, peak RSS %s%n",
                    result.median(), result.min(), result.max(), result.windows(), result.stepsPerWindow(), gflops,
                    result.bytesPerStep(), heapMb,
                    rssMb < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB (process so far)", rssMb));
            System.out.printf(Locale.ROOT, "RESULT peer=rnn4j config=%s mode=%s tokens_per_s=%.1f min=%.1f max=%.1f step_ms=%.3f "
                            + "windows=%dx%dsteps gflops=%.1f heap_mb=%.0f rss_mb=%.0f alloc_bytes_per_step=%.0f streams=%d%n",
                    config, mode, result.median(), result.min(), result.max(),
                    1000.0 * workload.tokensPerStep() / result.median(), result.windows(), result.stepsPerWindow(),
                    gflops, heapMb, rssMb, result.bytesPerStep(), config.task == BenchTask.SAMPLE ? streams : config.batch);
            System.out.flush();
        }
        return 0;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set (VmHWM) where the system reports it, else −1. */
    private static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(PROCESS_STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
