package org.rnn4j.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.Transpose;

/**
 * Vector API kernels: packed, register-blocked, multi-threaded GEMM ({@link Gemm}, {@link Gemv}), fused
 * recurrent steps ({@link Recurrent}) and SIMD element-wise kernels. {@link #broadcastRows} keeps the
 * specification's {@link System#arraycopy}, which is already a vector copy.
 */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    public static Kernels create() {
        return new VectorKernels();
    }

    @Override
    public String name() {
        return "vector(FloatVector " + S.vectorBitSize() + "-bit, " + Parallel.threads() + " threads)";
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        Gemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    @Override
    public void addColumnSums(float[] block, int blockOffset, int rows, int width, float[] sums, int sumsOffset) {
        // block (R, W); each column sums in row order, as the specification does
        int j = 0;
        // vector body: four vectors of columns accumulate in registers over all rows
        for (; j <= width - 4 * L; j += 4 * L) {
            int out = sumsOffset + j;
            FloatVector s0 = FloatVector.fromArray(S, sums, out);
            FloatVector s1 = FloatVector.fromArray(S, sums, out + L);
            FloatVector s2 = FloatVector.fromArray(S, sums, out + 2 * L);
            FloatVector s3 = FloatVector.fromArray(S, sums, out + 3 * L);
            for (int r = 0; r < rows; r++) {
                int row = blockOffset + r * width + j;
                s0 = s0.add(FloatVector.fromArray(S, block, row));
                s1 = s1.add(FloatVector.fromArray(S, block, row + L));
                s2 = s2.add(FloatVector.fromArray(S, block, row + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, block, row + 3 * L));
            }
            s0.intoArray(sums, out);
            s1.intoArray(sums, out + L);
            s2.intoArray(sums, out + 2 * L);
            s3.intoArray(sums, out + 3 * L);
        }
        // vector tail: one masked vector of columns at a time
        for (; j < width; j += L) {
            VectorMask<Float> m = S.indexInRange(j, width);
            FloatVector s0 = FloatVector.fromArray(S, sums, sumsOffset + j, m);
            for (int r = 0; r < rows; r++) {
                s0 = s0.add(FloatVector.fromArray(S, block, blockOffset + r * width + j, m));
            }
            s0.intoArray(sums, sumsOffset + j, m);
        }
    }

    @Override
    public void activate(Activation activation, float[] x, int offset, int n) {
        int i = 0;
        // vector body
        for (; i <= n - L; i += L) {
            activate(activation, FloatVector.fromArray(S, x, offset + i)).intoArray(x, offset + i);
        }
        // vector tail: masked
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            activate(activation, FloatVector.fromArray(S, x, offset + i, m)).intoArray(x, offset + i, m);
        }
    }

    private static FloatVector activate(Activation activation, FloatVector x) {
        return switch (activation) {
            case TANH -> VectorMath.tanh(x);
            case RELU -> x.max(0f);
        };
    }

    @Override
    public void activationBackward(Activation activation, float[] y, int yOffset, float[] d, int dOffset, int n) {
        int i = 0;
        // vector body
        for (; i <= n - L; i += L) {
            FloatVector out = FloatVector.fromArray(S, y, yOffset + i);
            FloatVector grad = FloatVector.fromArray(S, d, dOffset + i);
            derivativeTimes(activation, out, grad).intoArray(d, dOffset + i);
        }
        // vector tail: masked
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector out = FloatVector.fromArray(S, y, yOffset + i, m);
            FloatVector grad = FloatVector.fromArray(S, d, dOffset + i, m);
            derivativeTimes(activation, out, grad).intoArray(d, dOffset + i, m);
        }
    }

    /** d·f'(a) with f' in terms of the output y: tanh' = 1 − y², relu' = [y > 0]. */
    private static FloatVector derivativeTimes(Activation activation, FloatVector y, FloatVector d) {
        return switch (activation) {
            case TANH -> d.mul(y.mul(y).neg().add(1f));
            case RELU -> d.blend(0f, y.compare(VectorOperators.GT, 0f).not());
        };
    }

    @Override
    public void lstmForward(int rows, int hidden, float[] gates, int gatesOffset,
                            float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        Recurrent.Step step = Recurrent.step(Recurrent.Kind.LSTM_FORWARD, rows, hidden);
        step.gates = gates;
        step.gatesOffset = gatesOffset;
        step.state = cells;
        step.prevOffset = prevCellOffset;
        step.offset = cellOffset;
        step.out = h;
        step.outOffset = hOffset;
        Recurrent.run(step);
    }

    @Override
    public void lstmBackward(int rows, int hidden, float[] gates, int gatesOffset,
                             float[] cells, int prevCellOffset, int cellOffset,
                             float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        Recurrent.Step step = Recurrent.step(Recurrent.Kind.LSTM_BACKWARD, rows, hidden);
        step.gates = gates;
        step.gatesOffset = gatesOffset;
        step.state = cells;
        step.prevOffset = prevCellOffset;
        step.offset = cellOffset;
        step.dh = dh;
        step.dhOffset = dhOffset;
        step.carry = dc;
        step.dGates = dGates;
        step.dGatesOffset = dGatesOffset;
        Recurrent.run(step);
    }

    @Override
    public void gruForward(int rows, int hidden, float[] gi, int giOffset, float[] gh, int ghOffset,
                           float[] h, int prevHOffset, int hOffset) {
        Recurrent.Step step = Recurrent.step(Recurrent.Kind.GRU_FORWARD, rows, hidden);
        step.gates = gi;
        step.gatesOffset = giOffset;
        step.gh = gh;
        step.ghOffset = ghOffset;
        step.state = h;
        step.prevOffset = prevHOffset;
        step.offset = hOffset;
        Recurrent.run(step);
    }

    @Override
    public void gruBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] gh, int ghOffset,
                            float[] h, int prevHOffset, float[] dh, int dhOffset,
                            float[] dGi, float[] dGh, int dGatesOffset, float[] dhPrev) {
        Recurrent.Step step = Recurrent.step(Recurrent.Kind.GRU_BACKWARD, rows, hidden);
        step.gates = gates;
        step.gatesOffset = gatesOffset;
        step.gh = gh;
        step.ghOffset = ghOffset;
        step.state = h;
        step.prevOffset = prevHOffset;
        step.dh = dh;
        step.dhOffset = dhOffset;
        step.dGates = dGi;
        step.dGh = dGh;
        step.dGatesOffset = dGatesOffset;
        step.carry = dhPrev;
        Recurrent.run(step);
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets, int targetsOffset,
                                      long[] correct) {
        // logits (R, V), softmaxed in place row by row
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            float max = rowMax(logits, row, classes);
            int best = row;
            while (best < row + classes - 1 && logits[best] != max) {
                best++; // first arg-max, as the specification finds it
            }
            int target = targets[targetsOffset + r];
            float targetLogit = logits[row + target];
            float sum = expMinusMax(logits, row, classes, max);
            float inv = 1f / sum;
            scaleRow(logits, row, classes, inv);
            // −log p[target] = log Σ exp(l − max) − (l[target] − max), exact even when p underflows
            loss += Math.log(sum) - (targetLogit - max);
            if (best - row == target) {
                correct[0]++;
            }
        }
        return loss;
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
        FloatVector sum = FloatVector.zero(S);
        int v = 0;
        // vector body
        for (; v <= n - L; v += L) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, at + v).sub(max));
            e.intoArray(x, at + v);
            sum = sum.add(e);
        }
        // vector tail: masked lanes hold exp(0 − max) but are neither stored nor summed
        if (v < n) {
            VectorMask<Float> m = S.indexInRange(v, n);
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, at + v, m).sub(max));
            e.intoArray(x, at + v, m);
            sum = sum.add(e, m);
        }
        return VectorMath.sumLanes(sum);
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

    @Override
    public void softmaxCrossEntropyBackward(float[] probs, int rows, int classes, int[] targets, int targetsOffset,
                                            float scale) {
        // probs (R, V) become scale·(p − onehot(target))
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            scaleRow(probs, row, classes, scale);
            probs[row + targets[targetsOffset + r]] -= scale;
        }
    }
}
