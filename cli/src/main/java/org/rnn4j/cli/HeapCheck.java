package org.rnn4j.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.model.MemoryEstimate;

/**
 * Refuses a model before any of its arrays is allocated when the heap cannot hold them, or one of them is
 * longer than a Java array can be, with a line that says how much it needs and what to change.
 */
final class HeapCheck {

    /** The options that make a training run need less memory. */
    static final String SMALLER_MODEL = "start a smaller model: --rnn-size, --num-layers, --batch-size, --seq-length";
    private static final double GB = 1024.0 * 1024 * 1024;

    private HeapCheck() {
    }

    /**
     * Throws when {@code memory}, needed {@code purpose} ("for training"), does not fit this JVM; {@code smaller}
     * says how to need less (null when nothing can, as for a saved model).
     */
    static void require(MemoryEstimate memory, String purpose, String smaller) {
        String needs = "the model needs " + size(memory.bytes()) + " " + purpose;
        if (!memory.arraysFit()) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s, and %s (%,d values) would exceed the %,d one Java array holds; %s",
                    needs, memory.longestArray(), memory.longestLength(), MemoryEstimate.MAX_ARRAY_LENGTH,
                    smaller != null ? smaller : "this rnn4j cannot load it"));
        }
        Runtime runtime = Runtime.getRuntime();
        if (memory.bytes() <= runtime.maxMemory() - used(runtime)) {
            return;
        }
        System.gc(); // what looked used may be garbage: only a full collection tells
        long used = used(runtime);
        if (memory.bytes() <= runtime.maxMemory() - used) {
            return;
        }
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long suggested = (long) Math.ceil((memory.bytes() + used) * 1.25 / GB);
        if (smaller != null && suggested * GB > physical) {
            throw new InvalidInputException(needs + ", more than this machine's " + size(physical) + " of memory; " + smaller);
        }
        String inUse = used > runtime.maxMemory() / 10 ? ", " + size(used) + " of it in use" : "";
        throw new InvalidInputException(needs + "; the heap is " + size(runtime.maxMemory()) + inUse + " (raise it with JAVA_OPTS=-Xmx"
                + suggested + "g" + (smaller != null ? " or " + smaller : "") + ")");
    }

    private static long used(Runtime runtime) {
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Bytes as GB with one decimal, or MB below a gigabyte. */
    static String size(long bytes) {
        return bytes >= GB / 10 ? String.format(Locale.ROOT, "%.1f GB", bytes / GB)
                : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }
}
