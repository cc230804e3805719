package org.rnn4j.kernel.vector;

import java.util.Arrays;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Parallel;

/**
 * The softmax cross-entropy kernels of {@link VectorKernels}, with the arguments and semantics of
 * {@link org.rnn4j.kernel.Kernels}. Rows are independent, so large calls split their rows across
 * threads. Each row of the forward writes its loss and whether its arg-max hit the target into its own
 * slot, and the slots are summed in row order afterwards, so the summed loss has the same bits for any
 * thread count.
 *
 * <p>Legend: R rows, V classes; logits and probabilities (R, V) row-major from offset 0.
 */
final class SoftmaxCrossEntropy {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Below this many logits (R·V) a call stays on the calling thread. */
    private static final int SERIAL = 1 << 15;

    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    private SoftmaxCrossEntropy() {
    }

    static double forward(float[] logits, int rows, int classes, int[] targets, int targetsOffset, long[] correct) {
        Call call = CALLS.get();
        call.set(logits, rows, classes, targets, targetsOffset);
        if (call.rowLoss.length < rows) {
            call.rowLoss = new double[rows];
            call.rowHit = new boolean[rows];
        }
        call.run(call.forwardTask);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += call.rowLoss[r];
            if (call.rowHit[r]) {
                correct[0]++;
            }
        }
        return loss;
    }

    static void backward(float[] probs, int rows, int classes, int[] targets, int targetsOffset, float scale) {
        Call call = CALLS.get();
        call.set(probs, rows, classes, targets, targetsOffset);
        call.scale = scale;
        call.run(call.backwardTask);
    }

    /** One call's arguments, per-row results and split into tasks; reused by the calling thread. */
    private static final class Call {
        final IntConsumer forwardTask = this::forwardRows;
        final IntConsumer backwardTask = this::backwardRows;
        /** (R, V) logits in the forward, probabilities in the backward. */
        float[] block;
        int rows;
        int classes;
        int[] targets;
        int targetsOffset;
        float scale;
        /** (R) −log p[target] of each row. */
        double[] rowLoss = new double[0];
        /** (R) whether each row's arg-max is its target. */
        boolean[] rowHit = new boolean[0];
        int rowsPerTask;

        void set(float[] block, int rows, int classes, int[] targets, int targetsOffset) {
            this.block = block;
            this.rows = rows;
            this.classes = classes;
            this.targets = targets;
            this.targetsOffset = targetsOffset;
        }

        /** Runs {@code task} over the rows, split across threads when the call is large. */
        void run(IntConsumer task) {
            int threads = (long) rows * classes < SERIAL ? 1 : Math.min(Parallel.threads(), rows);
            rowsPerTask = (rows + threads - 1) / threads;
            Parallel.forEach(rowsPerTask == 0 ? 0 : (rows + rowsPerTask - 1) / rowsPerTask, task);
            block = null;
            targets = null;
        }

        private void forwardRows(int t) {
            int r1 = Math.min(rows, (t + 1) * rowsPerTask);
            for (int r = t * rowsPerTask; r < r1; r++) {
                forwardRow(this, r);
            }
        }

        private void backwardRows(int t) {
            int r1 = Math.min(rows, (t + 1) * rowsPerTask);
            for (int r = t * rowsPerTask; r < r1; r++) {
                backwardRow(this, r);
            }
        }
    }

    /** Row r of the logits becomes its softmax; records its loss and whether its arg-max hit. */
    private static void forwardRow(Call call, int r) {
        float[] logits = call.block;
        int classes = call.classes;
        int row = r * classes;
        float max = rowMax(logits, row, classes);
        int best = row;
        while (best < row + classes - 1 && logits[best] != max) {
            best++; // first arg-max, as the specification finds it
        }
        int target = call.targets[call.targetsOffset + r];
        float targetLogit = target == Kernels.PADDING ? max : logits[row + target];
        float sum = expMinusMax(logits, row, classes, max);
        scaleRow(logits, row, classes, 1f / sum);
        // −log p[target] = log Σ exp(l − max) − (l[target] − max), exact even when p underflows
        call.rowLoss[r] = target == Kernels.PADDING ? 0 : Math.log(sum) - (targetLogit - max);
        call.rowHit[r] = best - row == target;
    }

    /** Row r of the probabilities becomes scale·(p − onehot(target)). */
    private static void backwardRow(Call call, int r) {
        int row = r * call.classes;
        int target = call.targets[call.targetsOffset + r];
        if (target == Kernels.PADDING) {
            Arrays.fill(call.block, row, row + call.classes, 0f);
            return;
        }
        scaleRow(call.block, row, call.classes, call.scale);
        call.block[row + target] -= call.scale;
    }

    /** max of x[at:at+n], n ≥ 1. */
    private static float rowMax(float[] x, int at, int n) {
        FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int v = 0;
        // vector body
        for (; v <= n - L; v += L) {
            max = max.max(FloatVector.fromArray(S, x, at + v));
        }
        float result = max.reduceLanes(VectorOperators.MAX);
        // scalar tail
        for (; v < n; v++) {
            result = Math.max(result, x[at + v]);
        }
        return result;
    }

    /** x[at:at+n] = exp(x − max); returns their sum. */
    private static float expMinusMax(float[] x, int at, int n, float max) {
        VectorMath.exp(x, at, 1f, -max, x, at, n);
        return VectorMath.sum(x, at, n);
    }

    /** x[at:at+n] *= scale. */
    private static void scaleRow(float[] x, int at, int n, float scale) {
        int v = 0;
        // vector body
        for (; v <= n - L; v += L) {
            FloatVector.fromArray(S, x, at + v).mul(scale).intoArray(x, at + v);
        }
        // vector tail: masked
        if (v < n) {
            VectorMask<Float> m = S.indexInRange(v, n);
            FloatVector.fromArray(S, x, at + v, m).mul(scale).intoArray(x, at + v, m);
        }
    }
}
