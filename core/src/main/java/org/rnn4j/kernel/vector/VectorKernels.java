package org.rnn4j.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.Transpose;

/**
 * Vector API kernels: packed, register-blocked, multi-threaded GEMM ({@link Gemm}, {@link Gemv}), the
 * matrix–vector product over packed panels ({@link PackedGemv}), fused recurrent steps ({@link Recurrent}),
 * softmax cross-entropy ({@link SoftmaxCrossEntropy}) and SIMD element-wise kernels. {@link #broadcastRows}
 * keeps the specification's {@link System#arraycopy}, which is already a vector copy.
 */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Doubles of the same vector size: half as many lanes as S. */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, S.vectorShape());

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
    public PackedMatrix packedMatrix(int rows, int columns) {
        return new PanelMatrix(rows, columns);
    }

    @Override
    public PackedMatrix packedRowsMatrix(int rows, int columns) {
        return new GemmPanels(rows, columns);
    }

    @Override
    public void addPackedProducts(PackedMatrix w, int m, float[] x, int xOffset, int ldx, float[] y, int yOffset, int ldy) {
        Gemm.addProduct(m, x, xOffset, ldx, GemmPanels.of(w), y, yOffset, ldy);
    }

    @Override
    public void addPackedProduct(PackedMatrix w, float[] x, int xOffset, float[] y, int yOffset) {
        PackedGemv.addProduct(PanelMatrix.of(w), x, xOffset, y, yOffset);
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
        switch (activation) {
            case TANH -> VectorMath.tanh(x, offset, x, offset, n);
            case RELU -> relu(x, offset, n);
            case SIGMOID -> VectorMath.sigmoid(x, offset, x, offset, n);
        }
    }

    private static void relu(float[] x, int offset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, offset + i, m).max(0f).intoArray(x, offset + i, m);
        }
    }

    /** d·f'(a) with f' in terms of the output y: tanh' = 1 − y², relu' = [y > 0], σ' = y(1 − y). */
    @Override
    public void activationBackward(Activation activation, float[] y, int yOffset, float[] d, int dOffset, int n) {
        switch (activation) {
            case TANH -> tanhBackward(y, yOffset, d, dOffset, n);
            case RELU -> reluBackward(y, yOffset, d, dOffset, n);
            case SIGMOID -> sigmoidBackward(y, yOffset, d, dOffset, n);
        }
    }

    private static void tanhBackward(float[] y, int yOffset, float[] d, int dOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector out = FloatVector.fromArray(S, y, yOffset + i, m);
            FloatVector.fromArray(S, d, dOffset + i, m).mul(out.mul(out).neg().add(1f)).intoArray(d, dOffset + i, m);
        }
    }

    private static void sigmoidBackward(float[] y, int yOffset, float[] d, int dOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector out = FloatVector.fromArray(S, y, yOffset + i, m);
            FloatVector.fromArray(S, d, dOffset + i, m).mul(out.mul(out.neg().add(1f))).intoArray(d, dOffset + i, m);
        }
    }

    private static void reluBackward(float[] y, int yOffset, float[] d, int dOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector out = FloatVector.fromArray(S, y, yOffset + i, m);
            FloatVector.fromArray(S, d, dOffset + i, m).blend(0f, out.compare(VectorOperators.GT, 0f).not())
                    .intoArray(d, dOffset + i, m);
        }
    }

    @Override
    public void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, a, aOffset + i, m).mul(FloatVector.fromArray(S, b, bOffset + i, m))
                    .intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void addProduct(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector product = FloatVector.fromArray(S, a, aOffset + i, m).mul(FloatVector.fromArray(S, b, bOffset + i, m));
            FloatVector.fromArray(S, out, outOffset + i, m).add(product).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void interpolate(float[] z, int zOffset, float[] a, int aOffset, float[] b, int bOffset,
                            float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector g = FloatVector.fromArray(S, z, zOffset + i, m);
            FloatVector fromA = g.mul(FloatVector.fromArray(S, a, aOffset + i, m));
            FloatVector fromB = g.neg().add(1f).mul(FloatVector.fromArray(S, b, bOffset + i, m));
            fromA.add(fromB).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void interpolateBackward(float[] d, int dOffset, float[] z, int zOffset, float[] a, int aOffset,
                                    float[] b, int bOffset, float[] dz, int dzOffset, float[] da, int daOffset,
                                    float[] db, int dbOffset, int n) {
        for (int i = 0; i < n; i += L) {
            // vector body for whole vectors, masked vector tail for the last partial one; all loads before any store
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector di = FloatVector.fromArray(S, d, dOffset + i, m);
            FloatVector g = FloatVector.fromArray(S, z, zOffset + i, m);
            FloatVector diff = FloatVector.fromArray(S, a, aOffset + i, m).sub(FloatVector.fromArray(S, b, bOffset + i, m));
            di.mul(diff).intoArray(dz, dzOffset + i, m);
            di.mul(g).intoArray(da, daOffset + i, m);
            di.mul(g.neg().add(1f)).intoArray(db, dbOffset + i, m);
        }
    }

    @Override
    public void lstmForward(int rows, int hidden, float[] gates, int gatesOffset,
                            float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        lstmForward(Recurrent.Kind.LSTM_FORWARD, rows, hidden, gates, gatesOffset, null, cells, prevCellOffset, cellOffset, h, hOffset);
    }

    @Override
    public void lstmBackward(int rows, int hidden, float[] gates, int gatesOffset,
                             float[] cells, int prevCellOffset, int cellOffset,
                             float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        lstmBackward(Recurrent.Kind.LSTM_BACKWARD, rows, hidden, gates, gatesOffset, null, cells, prevCellOffset, cellOffset,
                dh, dhOffset, dc, dGates, dGatesOffset);
    }

    @Override
    public void peepholeLstmForward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                    float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        lstmForward(Recurrent.Kind.PEEPHOLE_FORWARD, rows, hidden, gates, gatesOffset, peepholes, cells, prevCellOffset,
                cellOffset, h, hOffset);
    }

    @Override
    public void peepholeLstmBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                     float[] cells, int prevCellOffset, int cellOffset,
                                     float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        lstmBackward(Recurrent.Kind.PEEPHOLE_BACKWARD, rows, hidden, gates, gatesOffset, peepholes, cells, prevCellOffset,
                cellOffset, dh, dhOffset, dc, dGates, dGatesOffset);
    }

    /** An LSTM step of {@code kind}, plain or with {@code peepholes} (3H; null for the plain LSTM). */
    private static void lstmForward(Recurrent.Kind kind, int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                    float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        Recurrent.Step step = Recurrent.step(kind, rows, hidden);
        step.gates = gates;
        step.gatesOffset = gatesOffset;
        step.peepholes = peepholes;
        step.state = cells;
        step.prevOffset = prevCellOffset;
        step.offset = cellOffset;
        step.out = h;
        step.outOffset = hOffset;
        Recurrent.run(step);
    }

    /** The backward of an LSTM step of {@code kind}, plain or with {@code peepholes} (3H; null for the plain LSTM). */
    private static void lstmBackward(Recurrent.Kind kind, int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                     float[] cells, int prevCellOffset, int cellOffset,
                                     float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        Recurrent.Step step = Recurrent.step(kind, rows, hidden);
        step.gates = gates;
        step.gatesOffset = gatesOffset;
        step.peepholes = peepholes;
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
        return SoftmaxCrossEntropy.forward(logits, rows, classes, targets, targetsOffset, correct);
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] probs, int rows, int classes, int[] targets, int targetsOffset,
                                            float scale) {
        SoftmaxCrossEntropy.backward(probs, rows, classes, targets, targetsOffset, scale);
    }

    @Override
    public double sumOfSquares(float[] x, int offset, int n) {
        // a float vector widens into two double vectors: its low half squared into low, its high half into high
        DoubleVector low = DoubleVector.zero(D);
        DoubleVector high = DoubleVector.zero(D);
        int i = 0;
        // vector body
        for (; i <= n - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, offset + i);
            DoubleVector lowHalf = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector highHalf = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
            low = low.add(lowHalf.mul(lowHalf));
            high = high.add(highHalf.mul(highHalf));
        }
        double[] lanes = VectorMath.doubleLanes();
        low.add(high).intoArray(lanes, 0);
        double sum = VectorMath.sumLanes(lanes, D.length());
        // scalar tail
        for (; i < n; i++) {
            sum += (double) x[offset + i] * x[offset + i];
        }
        return sum;
    }
}
