package org.rnn4j.kernel.vector;

import java.util.Arrays;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.Transpose;

/**
 * Row-major SGEMM C = alpha·op(A)·op(B) + beta·C in the BLIS structure: op(B) is packed into (KC, NR)
 * column panels, op(A) into (MR, KC) row panels, and a register-blocked micro-kernel of MR × 2 vectors
 * multiplies one panel pair. Loops, outside in: column block NC, depth block KC, row block MC, NR panel,
 * MR panel.
 *
 * <p>Determinism: the depth blocks are fixed by k alone and each C element is summed by one micro-kernel
 * lane in the order p = 0..k−1, so the result does not depend on how C is split into tasks or on the
 * thread count. Tasks split C into row or column ranges.
 *
 * <p>Legend: op(A) (m, k), op(B) (k, n), C (m, n); all row-major with leading dimensions.
 */
final class Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Micro-tile: MR rows × NR = 2 vectors of columns of accumulators. */
    static final int MR = 6;
    static final int NR = 2 * L;
    /** Depth of a packed block: the (KC, NR) B micro-panel stays in L1. */
    static final int KC = 256;
    /** Rows per packed A block: (MC, KC) floats live in L2. */
    static final int MC = 144;
    /** Columns per packed B block: (KC, NC) floats live in L3. */
    static final int NC = 2048;
    /** Below this many multiply-adds the plain loops beat packing. */
    private static final long SMALL = 16 * 16 * 16;
    /** Below this many multiply-adds one thread does the whole product. */
    private static final long SERIAL = 64 * 64 * 64;

    /** Packing buffers of the running thread, grown on demand. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /** The arguments of the caller's current product, read by the tasks. */
    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    private Gemm() {
    }

    static void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        long work = (long) m * n * k;
        if (m == 1) {
            Gemv.rowTimesMatrix(transA == Transpose.TRANS, transB == Transpose.TRANS, n, k, alpha,
                    a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset);
            return;
        }
        if (work <= SMALL) {
            small(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        Call call = CALLS.get();
        call.set(transA == Transpose.TRANS, transB == Transpose.TRANS, m, n, k, alpha,
                a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        runBlocked(call, work);
    }

    /**
     * C (m, n) += A (m, k)·op(B) with op(B) packed once in {@code b} ({@link GemmPanels}): the product of
     * {@link #gemm} without packing B, for the steps of a window that all multiply by the same W_hhᵀ.
     */
    static void addProduct(int m, float[] a, int aOffset, int lda, GemmPanels b, float[] c, int cOffset, int ldc) {
        int n = b.rows();
        int k = b.columns();
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        Call call = CALLS.get();
        call.set(false, true, m, n, k, 1f, a, aOffset, lda, null, 0, 0, 1f, c, cOffset, ldc);
        call.packedB = b.panels();
        runBlocked(call, (long) m * n * k);
    }

    /** Runs the product set in {@code call} block by block, on the pool when {@code work} multiply-adds are worth more than one thread. */
    private static void runBlocked(Call call, long work) {
        call.split(work <= SERIAL ? 1 : Parallel.threads());
        Parallel.forEach(call.tasks, call.task);
        call.clear();
    }

    /** Equal depth blocks of at most {@link #KC}, fixed by k alone: the depth of every block but maybe the last. */
    static int depthBlock(int k) {
        int kBlocks = Math.max(1, (k + KC - 1) / KC);
        return Math.max(1, (k + kBlocks - 1) / kBlocks);
    }

    /** n rounded up to whole {@link #NR} panels. */
    static int paddedWidth(int n) {
        return (n + NR - 1) / NR * NR;
    }

    /** C = beta·C over (m, n); beta 0 overwrites. */
    static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, row, row + n, 0f);
            } else if (beta != 1f) {
                int j = 0;
                // vector body
                for (; j <= n - L; j += L) {
                    FloatVector.fromArray(S, c, row + j).mul(beta).intoArray(c, row + j);
                }
                // scalar tail
                for (; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    /** Tiny products: plain loops in the order of the specification. */
    private static void small(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                              float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                              float beta, float[] c, int cOffset, int ldc) {
        boolean ta = transA == Transpose.TRANS;
        boolean tb = transB == Transpose.TRANS;
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    float aip = ta ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bpj = tb ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum = Math.fma(aip, bpj, sum);
                }
                c[cRow + j] = beta == 0f ? alpha * sum : Math.fma(alpha, sum, beta * c[cRow + j]);
            }
        }
    }

    /** Per-thread packing buffers: A block (MC, KC) in MR panels, B block (KC, NC) in NR panels. */
    private static final class Buffers {
        float[] a = new float[MC * KC];
        float[] tile = new float[MR * NR];
        float[] b = new float[0];

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    /** One product's arguments and its split into tasks; reused by the calling thread. */
    private static final class Call {
        final IntConsumer task = this::runTask;
        boolean ta;
        boolean tb;
        int m;
        int n;
        int k;
        float alpha;
        float[] a;
        int aOffset;
        int lda;
        float[] b;
        int bOffset;
        int ldb;
        float beta;
        float[] c;
        int cOffset;
        int ldc;
        /** op(B) packed whole ({@link GemmPanels}), or null when each block packs its part of b. */
        float[] packedB;
        /** Tasks split C by rows (true) or by columns (false) into chunks of {@code chunk}. */
        boolean byRows;
        int chunk;
        int tasks;

        void set(boolean ta, boolean tb, int m, int n, int k, float alpha,
                 float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                 float beta, float[] c, int cOffset, int ldc) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOffset = aOffset;
            this.lda = lda;
            this.b = b;
            this.bOffset = bOffset;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOffset = cOffset;
            this.ldc = ldc;
        }

        /** Splits the longer side of C into {@code threads} chunks aligned to the micro-tile. */
        void split(int threads) {
            byRows = m >= n;
            int side = byRows ? m : n;
            int unit = byRows ? MR : NR;
            int units = (side + unit - 1) / unit;
            int perTask = (units + threads - 1) / threads;
            chunk = perTask * unit;
            tasks = (side + chunk - 1) / chunk;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
            packedB = null;
        }

        private void runTask(int t) {
            int start = t * chunk;
            if (byRows) {
                int rows = Math.min(chunk, m - start);
                block(this, start, rows, 0, n);
            } else {
                int cols = Math.min(chunk, n - start);
                block(this, 0, m, start, cols);
            }
        }
    }

    /** C[i0:i0+rows, j0:j0+cols] of the product in {@code call}, on the running thread. */
    private static void block(Call call, int i0, int rows, int j0, int cols) {
        Buffers buffers = BUFFERS.get();
        int k = call.k;
        int kc = depthBlock(k);
        float[] packedA = buffers.a;
        float[] tile = buffers.tile;
        boolean prepacked = call.packedB != null;
        for (int jc = 0; jc < cols; jc += NC) {
            int nc = Math.min(NC, cols - jc);
            float[] packedB = prepacked ? call.packedB : buffers.b(paddedWidth(nc) * kc);
            for (int pc = 0; pc < k; pc += kc) {
                int depth = Math.min(kc, k - pc);
                boolean first = pc == 0;
                int bBlock = 0;
                if (prepacked) {
                    bBlock = GemmPanels.blockOffset(call.n, pc, j0 + jc, depth);
                } else {
                    packB(call.tb, call.b, call.bOffset, call.ldb, pc, depth, j0 + jc, nc, packedB, 0);
                }
                for (int ic = 0; ic < rows; ic += MC) {
                    int mc = Math.min(MC, rows - ic);
                    packA(call, i0 + ic, mc, pc, depth, packedA);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bPanel = bBlock + jr * depth;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int cIndex = call.cOffset + (i0 + ic + ir) * call.ldc + j0 + jc + jr;
                            microKernel(depth, packedA, ir * depth, packedB, bPanel, tile);
                            update(tile, call.c, cIndex, call.ldc, mr, nr, call.alpha, first ? call.beta : 1f);
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs op(B)[pc:pc+depth, j0:j0+nc] (op(B) = Bᵀ when {@code tb}) into NR-column panels from
     * {@code packedOffset} on: panel q holds (depth, NR) row-major, columns past nc zero.
     */
    static void packB(boolean tb, float[] b, int bOffset, int ldb, int pc, int depth, int j0, int nc,
                      float[] packed, int packedOffset) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = packedOffset + jr * depth;
            if (tb) {
                // op(B)[p, j] = B[j, p]: read each stored row along p, write a panel column
                for (int jj = 0; jj < nr; jj++) {
                    int src = bOffset + (j0 + jr + jj) * ldb + pc;
                    for (int p = 0; p < depth; p++) {
                        packed[dst + p * NR + jj] = b[src + p];
                    }
                }
                for (int jj = nr; jj < NR; jj++) {
                    for (int p = 0; p < depth; p++) {
                        packed[dst + p * NR + jj] = 0f;
                    }
                }
            } else if (nr == NR) {
                // vector body: two vectors per panel row
                for (int p = 0; p < depth; p++) {
                    int src = bOffset + (pc + p) * ldb + j0 + jr;
                    FloatVector.fromArray(S, b, src).intoArray(packed, dst + p * NR);
                    FloatVector.fromArray(S, b, src + L).intoArray(packed, dst + p * NR + L);
                }
            } else {
                // vector tail: masked loads leave the padding columns zero
                VectorMask<Float> m0 = S.indexInRange(0, nr);
                VectorMask<Float> m1 = S.indexInRange(L, nr);
                for (int p = 0; p < depth; p++) {
                    int src = bOffset + (pc + p) * ldb + j0 + jr;
                    FloatVector.fromArray(S, b, src, m0).intoArray(packed, dst + p * NR);
                    FloatVector.fromArray(S, b, src + L, m1).intoArray(packed, dst + p * NR + L);
                }
            }
        }
    }

    /**
     * Packs op(A)[i0:i0+mc, pc:pc+depth] into MR-row panels: panel r holds (depth, MR) so that one
     * depth step reads MR consecutive values; rows past mc zero.
     */
    private static void packA(Call call, int i0, int mc, int pc, int depth, float[] packed) {
        float[] a = call.a;
        int lda = call.lda;
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * depth;
            if (call.ta) {
                // op(A)[i, p] = A[p, i]: MR consecutive stored values per depth step
                for (int p = 0; p < depth; p++) {
                    int src = call.aOffset + (pc + p) * lda + i0 + ir;
                    int d = dst + p * MR;
                    for (int ii = 0; ii < mr; ii++) {
                        packed[d + ii] = a[src + ii];
                    }
                    for (int ii = mr; ii < MR; ii++) {
                        packed[d + ii] = 0f;
                    }
                }
            } else {
                for (int ii = 0; ii < MR; ii++) {
                    if (ii < mr) {
                        int src = call.aOffset + (i0 + ir + ii) * lda + pc;
                        for (int p = 0; p < depth; p++) {
                            packed[dst + p * MR + ii] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < depth; p++) {
                            packed[dst + p * MR + ii] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * tile (MR, NR) = A panel (depth, MR) · B panel (depth, NR); accumulators c{row}{vector}.
     */
    private static void microKernel(int depth, float[] pa, int aIndex, float[] pb, int bIndex, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        int ai = aIndex;
        int bi = bIndex;
        for (int p = 0; p < depth; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        // the accumulators leave through the tile, so no vector escapes into a call (that would box them)
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    /**
     * C tile (mr, nr) at cIndex = scale·C + alpha·tile; scale 0 overwrites. tile is (MR, NR). A tile at the
     * column edge (nr < NR) is written element by element, with the same two roundings as the vector path:
     * a masked store whose mask is known only at run time checks its lanes one by one.
     */
    private static void update(float[] tile, float[] c, int cIndex, int ldc, int mr, int nr,
                               float alpha, float scale) {
        for (int i = 0; i < mr; i++) {
            int row = cIndex + i * ldc;
            if (nr < NR) {
                for (int j = 0; j < nr; j++) {
                    float product = tile[i * NR + j] * alpha;
                    c[row + j] = scale != 0f ? Math.fma(c[row + j], scale, product) : product;
                }
                continue;
            }
            FloatVector r0 = FloatVector.fromArray(S, tile, i * NR).mul(alpha);
            FloatVector r1 = FloatVector.fromArray(S, tile, i * NR + L).mul(alpha);
            if (scale != 0f) {
                r0 = FloatVector.fromArray(S, c, row).fma(FloatVector.broadcast(S, scale), r0);
                r1 = FloatVector.fromArray(S, c, row + L).fma(FloatVector.broadcast(S, scale), r1);
            }
            r0.intoArray(c, row);
            r1.intoArray(c, row + L);
        }
    }
}
