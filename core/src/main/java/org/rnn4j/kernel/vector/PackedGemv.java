package org.rnn4j.kernel.vector;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Parallel;

/**
 * y (n) += W·x over a {@link PanelMatrix}: the outputs of one panel accumulate in four vectors, each lane
 * summing its output's products by fused multiply-adds over p = 0..k−1 (the specification's order), and
 * are then added to y through a small buffer (two short loops, which C1 compiles, rather than one that
 * runs out of its registers). No lane sums, and each panel is one sequential read. Panels are split across
 * threads in contiguous ranges; which thread runs a panel does not change its bits.
 */
final class PackedGemv {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int WIDTH = PanelMatrix.WIDTH;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** A task's stretch of the sums buffer: one panel's sums, then a cache line no other task writes. */
    private static final int SUMS_STRIDE = WIDTH + 16;
    /** Below this many multiply-adds one thread does the whole product. */
    private static final long SERIAL = 1 << 17;

    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    private PackedGemv() {
    }

    /** y (n) += W·x for x (k) at {@code xOffset} and y at {@code yOffset}. */
    static void addProduct(PanelMatrix w, float[] x, int xOffset, float[] y, int yOffset) {
        int panels = w.panelCount();
        if (panels == 0) {
            return;
        }
        Call call = CALLS.get();
        call.panels = w.panels();
        call.panelCount = panels;
        call.n = w.rows();
        call.k = w.columns();
        call.x = x;
        call.xOffset = xOffset;
        call.y = y;
        call.yOffset = yOffset;
        int threads = (long) call.n * call.k < SERIAL ? 1 : Math.min(Parallel.threads(), panels);
        call.panelsPerTask = (panels + threads - 1) / threads;
        int tasks = (panels + call.panelsPerTask - 1) / call.panelsPerTask;
        call.sums(tasks);
        Parallel.forEach(tasks, call.task);
        call.panels = null;
        call.x = null;
        call.y = null;
    }

    /** One product's arguments, reused by the calling thread. */
    private static final class Call {
        final IntConsumer task = this::runTask;
        float[] sums = new float[0]; // per task: one panel's WIDTH sums, then a cache line no other task writes
        MemorySegment panels;
        int panelCount;
        int n;
        int k;
        float[] x;
        int xOffset;
        float[] y;
        int yOffset;
        int panelsPerTask;

        void sums(int tasks) {
            if (sums.length < tasks * SUMS_STRIDE) {
                sums = new float[tasks * SUMS_STRIDE];
            }
        }

        private void runTask(int t) {
            int first = t * panelsPerTask;
            int end = Math.min(panelCount, first + panelsPerTask);
            int at = t * SUMS_STRIDE;
            for (int q = first; q < end; q++) {
                panelSums(this, q, at);
                addSums(this, q * WIDTH, at);
            }
        }
    }

    /** sums[at, at + WIDTH) = panel q of W times x. */
    private static void panelSums(Call call, int q, int at) {
        MemorySegment b = call.panels;
        float[] x = call.x;
        int k = call.k;
        long start = (long) q * k * WIDTH * Float.BYTES;
        // accumulators: lane l of s_i sums output q·WIDTH + i·L + l over p; panels are padded, so no tail
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            // row p of the panel: W[q·WIDTH .. q·WIDTH + WIDTH, p]
            FloatVector xp = FloatVector.broadcast(S, x[call.xOffset + p]);
            long row = start + (long) p * WIDTH * Float.BYTES;
            s0 = xp.fma(FloatVector.fromMemorySegment(S, b, row, NATIVE), s0);
            s1 = xp.fma(FloatVector.fromMemorySegment(S, b, row + L * Float.BYTES, NATIVE), s1);
            s2 = xp.fma(FloatVector.fromMemorySegment(S, b, row + 2 * L * Float.BYTES, NATIVE), s2);
            s3 = xp.fma(FloatVector.fromMemorySegment(S, b, row + 3 * L * Float.BYTES, NATIVE), s3);
        }
        s0.intoArray(call.sums, at);
        s1.intoArray(call.sums, at + L);
        s2.intoArray(call.sums, at + 2 * L);
        s3.intoArray(call.sums, at + 3 * L);
    }

    /** y[j, j + WIDTH) += sums[at, at + WIDTH), up to y's n outputs. */
    private static void addSums(Call call, int j, int at) {
        int count = Math.min(WIDTH, call.n - j);
        for (int i = 0; i < count; i += L) {
            // vector body for whole vectors, masked vector tail past n
            VectorMask<Float> m = S.indexInRange(i, count);
            int to = call.yOffset + j + i;
            FloatVector.fromArray(S, call.y, to, m).add(FloatVector.fromArray(S, call.sums, at + i, m)).intoArray(call.y, to, m);
        }
    }
}
