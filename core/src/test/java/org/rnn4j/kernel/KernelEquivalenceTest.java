package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.kernel.vector.VectorKernels;

/**
 * Holds every {@link VectorKernels} method to the {@link ScalarKernels} specification over sizes that
 * straddle the lane count and the blocking, with offsets and padded leading dimensions. Tolerances are
 * relative to the magnitude of the terms summed, since the accumulation order differs.
 */
class KernelEquivalenceTest {

    private static final Kernels SPEC = new ScalarKernels();
    private static final Kernels FAST = VectorKernels.create();
    private static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 33, 207};
    /** Float rounding per summed term, with headroom for different summation orders. */
    private static final double EPS = 2e-6;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    record GemmCase(Transpose transA, Transpose transB, int m, int n, int k, float alpha, float beta) {
    }

    static Stream<GemmCase> gemmCases() {
        List<int[]> shapes = new ArrayList<>();
        for (int s : SIZES) {
            shapes.add(new int[] {s, s, s});
            shapes.add(new int[] {s, 17, 33});
            shapes.add(new int[] {33, s, 7});
            shapes.add(new int[] {7, 16, s});
        }
        shapes.add(new int[] {1, 4099, 33});     // row × matrix, columns split across threads
        shapes.add(new int[] {4099, 3, 17});     // tall and thin
        shapes.add(new int[] {9, 4099, 20});     // more columns than one packed B block
        shapes.add(new int[] {20, 40, 600});     // several depth blocks
        shapes.add(new int[] {301, 70, 300});    // several row blocks
        shapes.add(new int[] {64, 300, 129});
        shapes.add(new int[] {0, 5, 5});
        shapes.add(new int[] {5, 5, 0});
        float[][] scalars = {{1f, 0f}, {0.5f, 1.5f}, {-1f, 1f}, {0f, 2f}};
        List<GemmCase> cases = new ArrayList<>();
        int variant = 0;
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    float[] ab = scalars[variant++ % scalars.length];
                    cases.add(new GemmCase(ta, tb, s[0], s[1], s[2], ab[0], ab[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemmMatchesSpecification(GemmCase g) {
        Random random = new Random(31L * g.m() + 7L * g.n() + g.k());
        Operands o = Operands.random(g, random);
        float[] expected = o.c.clone();
        float[] actual = o.c.clone();
        if (g.beta() == 0f) {
            // beta 0 must overwrite, NaNs included
            Arrays.fill(actual, Float.NaN);
        }
        SPEC.gemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(), o.a, o.aOffset, o.lda,
                o.b, o.bOffset, o.ldb, g.beta(), expected, o.cOffset, o.ldc);
        FAST.gemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(), o.a, o.aOffset, o.lda,
                o.b, o.bOffset, o.ldb, g.beta(), actual, o.cOffset, o.ldc);
        // error bound per element: EPS·(k + 2)·(|alpha|·Σ|a||b| + |beta·c|)
        float[] magnitude = o.c.clone();
        SPEC.gemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), Math.abs(g.alpha()), abs(o.a), o.aOffset, o.lda,
                abs(o.b), o.bOffset, o.ldb, 0f, magnitude, o.cOffset, o.ldc);
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                int at = o.cOffset + i * o.ldc + j;
                double bound = EPS * (g.k() + 2) * (magnitude[at] + Math.abs(g.beta() * o.c[at])) + 1e-30;
                if (!(Math.abs(expected[at] - actual[at]) <= bound)) {
                    fail(g + " at (" + i + ", " + j + "): expected " + expected[at] + ", got " + actual[at]);
                }
            }
        }
        // outside the C block nothing changes
        for (int at = 0; at < o.c.length; at++) {
            int rel = at - o.cOffset;
            boolean inside = rel >= 0 && rel / o.ldc < g.m() && rel % o.ldc < g.n();
            if (!inside && !(g.beta() == 0f)) {
                assertEquals(o.c[at], actual[at], 0f, "written outside C at " + at);
            }
        }
    }

    /** Operands with random offsets and padded leading dimensions. */
    private record Operands(float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                            float[] c, int cOffset, int ldc) {

        static Operands random(GemmCase g, Random random) {
            int aRows = g.transA() == Transpose.NO_TRANS ? g.m() : g.k();
            int aCols = g.transA() == Transpose.NO_TRANS ? g.k() : g.m();
            int bRows = g.transB() == Transpose.NO_TRANS ? g.k() : g.n();
            int bCols = g.transB() == Transpose.NO_TRANS ? g.n() : g.k();
            int lda = aCols + random.nextInt(5);
            int ldb = bCols + random.nextInt(5);
            int ldc = g.n() + random.nextInt(5);
            int aOffset = random.nextInt(9);
            int bOffset = random.nextInt(9);
            int cOffset = random.nextInt(9);
            return new Operands(
                    randomArray(random, aOffset + aRows * lda + 3), aOffset, lda,
                    randomArray(random, bOffset + bRows * ldb + 3), bOffset, ldb,
                    randomArray(random, cOffset + g.m() * ldc + 3), cOffset, ldc);
        }
    }

    @Test
    void gemmIsBitIdenticalAcrossThreadCountsAndCalls() {
        int[][] shapes = {{300, 500, 700}, {64, 2048, 129}, {1, 3000, 700}, {5, 4099, 300}, {700, 40, 513}};
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    GemmCase g = new GemmCase(ta, tb, s[0], s[1], s[2], 0.75f, 0.5f);
                    Operands o = Operands.random(g, new Random(s[0] + s[1] + s[2]));
                    float[] reference = null;
                    for (int threads : new int[] {1, 2, 3, 2, 1}) {
                        Parallel.setThreads(threads);
                        float[] c = o.c.clone();
                        FAST.gemm(ta, tb, g.m(), g.n(), g.k(), g.alpha(), o.a, o.aOffset, o.lda,
                                o.b, o.bOffset, o.ldb, g.beta(), c, o.cOffset, o.ldc);
                        if (reference == null) {
                            reference = c;
                        } else {
                            assertArrayEquals(reference, c, g + " with " + threads + " threads");
                        }
                    }
                }
            }
        }
    }

    static Stream<Arguments> packedShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : SIZES) {
            for (int k : new int[] {1, 7, 16, 33}) {
                cases.add(Arguments.of(n, k));
            }
        }
        cases.add(Arguments.of(4099, 33));   // many panels, split across threads
        cases.add(Arguments.of(2048, 512));  // an LSTM step's W_hh at H = 512
        cases.add(Arguments.of(65, 4099));   // two panels, one partial, split across threads
        cases.add(Arguments.of(0, 5));
        cases.add(Arguments.of(5, 0));
        return cases.stream();
    }

    /**
     * y += W·x over a packed W: bit for bit the specification with every thread count, nothing outside y
     * written, and a repacked matrix follows W. The specification itself agrees with the unpacked GEMM.
     */
    @ParameterizedTest
    @MethodSource("packedShapes")
    void packedProductIsBitIdenticalToTheSpecification(int n, int k) {
        Random random = new Random(n * 59L + k);
        int ld = k + random.nextInt(5);
        int wOffset = random.nextInt(9);
        int xOffset = random.nextInt(9);
        int yOffset = random.nextInt(9);
        float[] x = randomArray(random, xOffset + k + 3);
        float[] y = randomArray(random, yOffset + n + 3);
        PackedMatrix specW = SPEC.packedMatrix(n, k);
        PackedMatrix fastW = FAST.packedMatrix(n, k);
        for (int version = 0; version < 2; version++) {
            float[] w = randomArray(random, wOffset + n * ld + 3);
            specW.pack(w, wOffset, ld);
            fastW.pack(w, wOffset, ld);
            float[] expected = y.clone();
            SPEC.addPackedProduct(specW, x, xOffset, expected, yOffset);
            float[] unpacked = y.clone();
            SPEC.gemm(Transpose.NO_TRANS, Transpose.TRANS, 1, n, k, 1f, x, xOffset, k, w, wOffset, ld, 1f, unpacked, yOffset, n);
            assertClose(unpacked, expected, EPS * (k + 2), n + "×" + k + " specification against GEMM");
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                float[] actual = y.clone();
                FAST.addPackedProduct(fastW, x, xOffset, actual, yOffset);
                assertArrayEquals(expected, actual, n + "×" + k + " with " + threads + " threads");
            }
        }
    }

    static Stream<Arguments> packedRowsShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (int m : new int[] {1, 2, 7, 32}) {
            for (int[] nk : new int[][] {{3, 5}, {17, 33}, {65, 300}, {2048, 512}, {70, 600}}) {
                cases.add(Arguments.of(m, nk[0], nk[1]));
            }
        }
        cases.add(Arguments.of(301, 40, 129));   // more rows than columns: split by rows
        cases.add(Arguments.of(9, 4099, 20));    // more columns than one B block
        cases.add(Arguments.of(0, 5, 5));
        cases.add(Arguments.of(5, 5, 0));
        return cases.stream();
    }

    /**
     * Y += X·Wᵀ over a W packed for many rows: the specification to float tolerance, and bit for bit the
     * vector GEMM on the unpacked W wherever that GEMM takes its blocked path (more than one row, more than
     * the tiny-product limit), with every thread count; nothing outside Y written; a repacked matrix follows W.
     */
    @ParameterizedTest
    @MethodSource("packedRowsShapes")
    void packedRowsProductMatchesTheGemm(int m, int n, int k) {
        Random random = new Random(m * 101L + n * 59L + k);
        int ld = k + random.nextInt(5);
        int ldx = k + random.nextInt(5);
        int ldy = n + random.nextInt(5);
        int wOffset = random.nextInt(9);
        int xOffset = random.nextInt(9);
        int yOffset = random.nextInt(9);
        float[] x = randomArray(random, xOffset + m * ldx + 3);
        float[] y = randomArray(random, yOffset + m * ldy + 3);
        PackedMatrix specW = SPEC.packedRowsMatrix(n, k);
        PackedMatrix fastW = FAST.packedRowsMatrix(n, k);
        boolean blocked = m > 1 && (long) m * n * k > 16 * 16 * 16;
        for (int version = 0; version < 2; version++) {
            float[] w = randomArray(random, wOffset + n * ld + 3);
            specW.pack(w, wOffset, ld);
            fastW.pack(w, wOffset, ld);
            float[] expected = y.clone();
            SPEC.gemm(Transpose.NO_TRANS, Transpose.TRANS, m, n, k, 1f, x, xOffset, ldx, w, wOffset, ld, 1f, expected, yOffset, ldy);
            float[] spec = y.clone();
            SPEC.addPackedProducts(specW, m, x, xOffset, ldx, spec, yOffset, ldy);
            assertArrayEquals(expected, spec, m + "×" + n + "×" + k + " specification");
            float[] unpacked = y.clone();
            FAST.gemm(Transpose.NO_TRANS, Transpose.TRANS, m, n, k, 1f, x, xOffset, ldx, w, wOffset, ld, 1f, unpacked, yOffset, ldy);
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                float[] actual = y.clone();
                FAST.addPackedProducts(fastW, m, x, xOffset, ldx, actual, yOffset, ldy);
                assertClose(expected, actual, EPS * (k + 2) * 4, m + "×" + n + "×" + k + " with " + threads + " threads");
                if (blocked) {
                    assertArrayEquals(unpacked, actual, m + "×" + n + "×" + k + " against the GEMM with " + threads + " threads");
                }
                for (int at = 0; at < y.length; at++) {
                    int rel = at - yOffset;
                    boolean inside = rel >= 0 && rel / ldy < m && rel % ldy < n;
                    if (!inside) {
                        assertEquals(y[at], actual[at], 0f, "written outside Y at " + at);
                    }
                }
            }
        }
    }

    @Test
    void aPackedMatrixIsReadOnlyByTheKernelsThatPackedIt() {
        float[] x = new float[2];
        float[] y = new float[2];
        assertThrows(IllegalArgumentException.class, () -> FAST.addPackedProduct(SPEC.packedMatrix(2, 2), x, 0, y, 0));
        assertThrows(IllegalArgumentException.class, () -> SPEC.addPackedProduct(FAST.packedMatrix(2, 2), x, 0, y, 0));
        assertThrows(IllegalArgumentException.class, () -> FAST.addPackedProducts(FAST.packedMatrix(2, 2), 1, x, 0, 2, y, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> SPEC.addPackedProducts(FAST.packedRowsMatrix(2, 2), 1, x, 0, 2, y, 0, 2));
    }

    static Stream<Arguments> rowsAndWidths() {
        List<Arguments> cases = new ArrayList<>();
        for (int width : SIZES) {
            cases.add(Arguments.of(1, width));
            cases.add(Arguments.of(3, width));
        }
        cases.add(Arguments.of(64, 512)); // one LSTM step, split across threads
        cases.add(Arguments.of(2, 4099));
        cases.add(Arguments.of(33, 17));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("rowsAndWidths")
    void broadcastRowsAndColumnSums(int rows, int width) {
        Random random = new Random(rows * 1000L + width);
        float[] bias = randomArray(random, width + 5);
        float[] expected = randomArray(random, rows * width + 9);
        float[] actual = expected.clone();
        SPEC.broadcastRows(bias, 5, width, rows, expected, 9);
        FAST.broadcastRows(bias, 5, width, rows, actual, 9);
        assertArrayEquals(expected, actual);

        float[] block = randomArray(random, rows * width + 4);
        float[] sumsExpected = randomArray(random, width + 2);
        float[] sumsActual = sumsExpected.clone();
        SPEC.addColumnSums(block, 4, rows, width, sumsExpected, 2);
        FAST.addColumnSums(block, 4, rows, width, sumsActual, 2);
        assertClose(sumsExpected, sumsActual, EPS * (rows + 2) * 2, "addColumnSums");
    }

    @ParameterizedTest
    @MethodSource("rowsAndWidths")
    void activationsAndTheirBackward(int rows, int width) {
        int n = rows * width;
        for (Activation activation : Activation.values()) {
            Random random = new Random(n + activation.ordinal());
            float[] x = randomArray(random, n + 6);
            for (int i = 0; i < x.length; i += 5) {
                x[i] *= 12f; // saturated tanh
            }
            float[] expected = x.clone();
            float[] actual = x.clone();
            SPEC.activate(activation, expected, 6, n);
            FAST.activate(activation, actual, 6, n);
            assertClose(expected, actual, 4e-6, activation + " forward");

            float[] d = randomArray(random, n + 2);
            float[] dExpected = d.clone();
            float[] dActual = d.clone();
            SPEC.activationBackward(activation, expected, 6, dExpected, 2, n);
            FAST.activationBackward(activation, expected, 6, dActual, 2, n);
            assertClose(dExpected, dActual, 1e-6, activation + " backward");
        }
    }

    /** The plain LSTM step and the one with peepholes, run by the same tests. */
    enum LstmStep {
        PLAIN,
        PEEPHOLE;

        void forward(Kernels kernels, int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                     float[] cells, int prevCell, int cell, float[] h, int hOffset) {
            switch (this) {
                case PLAIN -> kernels.lstmForward(rows, hidden, gates, gatesOffset, cells, prevCell, cell, h, hOffset);
                case PEEPHOLE -> kernels.peepholeLstmForward(rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell,
                        h, hOffset);
            }
        }

        void backward(Kernels kernels, int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                      float[] cells, int prevCell, int cell, float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
            switch (this) {
                case PLAIN -> kernels.lstmBackward(rows, hidden, gates, gatesOffset, cells, prevCell, cell, dh, dhOffset, dc,
                        dGates, dGatesOffset);
                case PEEPHOLE -> kernels.peepholeLstmBackward(rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell,
                        dh, dhOffset, dc, dGates, dGatesOffset);
            }
        }
    }

    static Stream<Arguments> lstmStepsRowsAndWidths() {
        return Stream.of(LstmStep.values()).flatMap(step -> rowsAndWidths().map(c -> Arguments.of(step, c.get()[0], c.get()[1])));
    }

    @ParameterizedTest
    @MethodSource("lstmStepsRowsAndWidths")
    void lstmStepForwardAndBackward(LstmStep lstm, int rows, int hidden) {
        Random random = new Random(rows * 31L + hidden);
        int gatesOffset = 3;
        int prevCell = 2;
        int cell = prevCell + rows * hidden + 1;
        float[] gates = randomArray(random, gatesOffset + rows * 4 * hidden, 4f);
        float[] cells = randomArray(random, cell + rows * hidden + 2, 2f);
        float[] h = randomArray(random, rows * hidden + 4);
        float[] peepholes = randomArray(random, 3 * hidden, 2f);
        float[][] expected = {gates.clone(), cells.clone(), h.clone()};
        float[][] actual = {gates.clone(), cells.clone(), h.clone()};
        lstm.forward(SPEC, rows, hidden, expected[0], gatesOffset, peepholes, expected[1], prevCell, cell, expected[2], 4);
        lstm.forward(FAST, rows, hidden, actual[0], gatesOffset, peepholes, actual[1], prevCell, cell, actual[2], 4);
        assertClose(expected[0], actual[0], 4e-6, lstm + " LSTM gates");
        assertClose(expected[1], actual[1], 1e-5, lstm + " LSTM cells");
        assertClose(expected[2], actual[2], 1e-5, lstm + " LSTM h");

        float[] dh = randomArray(random, rows * hidden + 1);
        float[] dc = randomArray(random, rows * hidden);
        float[] dcExpected = dc.clone();
        float[] dcActual = dc.clone();
        float[] dGatesExpected = randomArray(random, 7 + rows * 4 * hidden);
        float[] dGatesActual = dGatesExpected.clone();
        lstm.backward(SPEC, rows, hidden, expected[0], gatesOffset, peepholes, expected[1], prevCell, cell,
                dh, 1, dcExpected, dGatesExpected, 7);
        lstm.backward(FAST, rows, hidden, expected[0], gatesOffset, peepholes, expected[1], prevCell, cell,
                dh, 1, dcActual, dGatesActual, 7);
        assertClose(dcExpected, dcActual, 1e-5, lstm + " LSTM dc");
        assertClose(dGatesExpected, dGatesActual, 1e-5, lstm + " LSTM dGates");
    }

    @ParameterizedTest
    @MethodSource("rowsAndWidths")
    void gruStepForwardAndBackward(int rows, int hidden) {
        Random random = new Random(rows * 37L + hidden);
        int giOffset = 5;
        int ghOffset = 2;
        int prevH = 1;
        int hAt = prevH + rows * hidden + 3;
        float[] gi = randomArray(random, giOffset + rows * 3 * hidden, 4f);
        float[] gh = randomArray(random, ghOffset + rows * 3 * hidden, 4f);
        float[] h = randomArray(random, hAt + rows * hidden);
        float[] giExpected = gi.clone();
        float[] giActual = gi.clone();
        float[] hExpected = h.clone();
        float[] hActual = h.clone();
        SPEC.gruForward(rows, hidden, giExpected, giOffset, gh, ghOffset, hExpected, prevH, hAt);
        FAST.gruForward(rows, hidden, giActual, giOffset, gh, ghOffset, hActual, prevH, hAt);
        assertClose(giExpected, giActual, 4e-6, "GRU gates");
        assertClose(hExpected, hActual, 1e-5, "GRU h");

        float[] dh = randomArray(random, 2 + rows * hidden);
        float[][] expected = {randomArray(random, 4 + rows * 3 * hidden), null, randomArray(random, rows * hidden)};
        expected[1] = expected[0].clone();
        float[][] actual = {expected[0].clone(), expected[1].clone(), expected[2].clone()};
        SPEC.gruBackward(rows, hidden, giExpected, giOffset, gh, ghOffset, h, prevH, dh, 2,
                expected[0], expected[1], 4, expected[2]);
        FAST.gruBackward(rows, hidden, giExpected, giOffset, gh, ghOffset, h, prevH, dh, 2,
                actual[0], actual[1], 4, actual[2]);
        assertClose(expected[0], actual[0], 1e-5, "GRU dGi");
        assertClose(expected[1], actual[1], 1e-5, "GRU dGh");
        assertClose(expected[2], actual[2], 1e-6, "GRU dhPrev");
    }

    /**
     * dGates may be the gates array at the gates' offset: both kernels must then give what they give into
     * a separate array, bit for bit, whether the rows run on one thread or are split across three.
     */
    @ParameterizedTest
    @MethodSource("lstmStepsRowsAndWidths")
    void lstmBackwardInPlaceOverTheGates(LstmStep lstm, int rows, int hidden) {
        Random random = new Random(rows * 53L + hidden);
        int gatesOffset = 3;
        int prevCell = 2;
        int cell = prevCell + rows * hidden + 1;
        float[] gates = randomArray(random, gatesOffset + rows * 4 * hidden + 5, 4f);
        float[] cells = randomArray(random, cell + rows * hidden + 2, 2f);
        float[] peepholes = randomArray(random, 3 * hidden, 2f);
        lstm.forward(SPEC, rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell, new float[rows * hidden], 0);
        float[] dh = randomArray(random, rows * hidden + 1);
        float[] dc = randomArray(random, rows * hidden);
        for (Kernels kernels : new Kernels[] {SPEC, FAST}) {
            for (int threads : new int[] {1, 3}) {
                Parallel.setThreads(threads);
                String what = kernels.name() + " " + lstm + " LSTM with " + threads + " threads";
                float[] dcApart = dc.clone();
                float[] dGatesApart = gates.clone();
                lstm.backward(kernels, rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell,
                        dh, 1, dcApart, dGatesApart, gatesOffset);
                float[] dcInPlace = dc.clone();
                float[] inPlace = gates.clone();
                lstm.backward(kernels, rows, hidden, inPlace, gatesOffset, peepholes, cells, prevCell, cell,
                        dh, 1, dcInPlace, inPlace, gatesOffset);
                assertArrayEquals(dGatesApart, inPlace, what + ": dGates");
                assertArrayEquals(dcApart, dcInPlace, what + ": dc");
            }
        }
    }

    /** dGi may be gi and dGh may be gh at their offsets, as {@link #lstmBackwardInPlaceOverTheGates} for the GRU. */
    @ParameterizedTest
    @MethodSource("rowsAndWidths")
    void gruBackwardInPlaceOverTheGates(int rows, int hidden) {
        Random random = new Random(rows * 59L + hidden);
        int gatesOffset = 4;
        int prevH = 1;
        int hAt = prevH + rows * hidden + 3;
        float[] gi = randomArray(random, gatesOffset + rows * 3 * hidden + 2, 4f);
        float[] gh = randomArray(random, gatesOffset + rows * 3 * hidden + 6, 4f);
        float[] h = randomArray(random, hAt + rows * hidden);
        SPEC.gruForward(rows, hidden, gi, gatesOffset, gh, gatesOffset, h, prevH, hAt);
        float[] dh = randomArray(random, 2 + rows * hidden);
        float[] dhPrev = randomArray(random, rows * hidden);
        for (Kernels kernels : new Kernels[] {SPEC, FAST}) {
            for (int threads : new int[] {1, 3}) {
                Parallel.setThreads(threads);
                String what = kernels.name() + " GRU with " + threads + " threads";
                float[] dGiApart = gi.clone();
                float[] dGhApart = gh.clone();
                float[] dhPrevApart = dhPrev.clone();
                kernels.gruBackward(rows, hidden, gi, gatesOffset, gh, gatesOffset, h, prevH, dh, 2,
                        dGiApart, dGhApart, gatesOffset, dhPrevApart);
                float[] giInPlace = gi.clone();
                float[] ghInPlace = gh.clone();
                float[] dhPrevInPlace = dhPrev.clone();
                kernels.gruBackward(rows, hidden, giInPlace, gatesOffset, ghInPlace, gatesOffset, h, prevH, dh, 2,
                        giInPlace, ghInPlace, gatesOffset, dhPrevInPlace);
                assertArrayEquals(dGiApart, giInPlace, what + ": dGi");
                assertArrayEquals(dGhApart, ghInPlace, what + ": dGh");
                assertArrayEquals(dhPrevApart, dhPrevInPlace, what + ": dhPrev");
            }
        }
    }

    static Stream<Arguments> softmaxShapes() {
        return Stream.concat(rowsAndWidths(), Stream.of(
                Arguments.of(700, 65),     // a character model's window, rows split across threads
                Arguments.of(37, 1003),
                Arguments.of(1, 40009)));  // one row is never split
    }

    @ParameterizedTest
    @MethodSource("softmaxShapes")
    void softmaxCrossEntropyAndBackward(int rows, int classes) {
        Random random = new Random(rows * 41L + classes);
        float[] logits = randomArray(random, rows * classes, 8f);
        int[] targets = randomTargets(random, rows, classes);
        for (int r = 3 + 4; r < targets.length; r += 5) {
            targets[r] = Kernels.PADDING;
        }
        float[] expected = logits.clone();
        float[] actual = logits.clone();
        long[] correctExpected = {5};
        long[] correctActual = {5};
        double lossExpected = SPEC.softmaxCrossEntropy(expected, rows, classes, targets, 3, correctExpected);
        double lossActual = FAST.softmaxCrossEntropy(actual, rows, classes, targets, 3, correctActual);
        assertEquals(lossExpected, lossActual, 1e-5 * rows * (1 + Math.abs(lossExpected) / rows));
        assertEquals(correctExpected[0], correctActual[0]);
        assertClose(expected, actual, 2e-6, "softmax");

        SPEC.softmaxCrossEntropyBackward(expected, rows, classes, targets, 3, 0.25f);
        FAST.softmaxCrossEntropyBackward(actual, rows, classes, targets, 3, 0.25f);
        assertClose(expected, actual, 1e-6, "softmax backward");
    }

    @Test
    void paddingRowsAddNoLossAndGetNoGradient() {
        int rows = 6;
        int classes = 70;
        Random random = new Random(11);
        float[] logits = randomArray(random, rows * classes, 8f);
        int[] targets = randomTargets(random, rows, classes);
        int[] padded = targets.clone();
        padded[1] = Kernels.PADDING;
        padded[4] = Kernels.PADDING;
        for (Kernels kernels : new Kernels[] {SPEC, FAST}) {
            float[] all = logits.clone();
            float[] some = logits.clone();
            long[] correct = {0};
            double full = kernels.softmaxCrossEntropy(all, rows, classes, targets, 0, correct);
            double partial = kernels.softmaxCrossEntropy(some, rows, classes, padded, 0, correct);
            double paddedLoss = -Math.log(all[classes + targets[1]]) - Math.log(all[4 * classes + targets[4]]);
            assertEquals(full - paddedLoss, partial, 1e-4);
            assertClose(all, some, 0, "probabilities of padded rows");
            kernels.softmaxCrossEntropyBackward(some, rows, classes, padded, 0, 1f);
            for (int v = 0; v < classes; v++) {
                assertEquals(0f, some[classes + v]);
                assertEquals(0f, some[4 * classes + v]);
            }
        }
    }

    @Test
    void softmaxCrossEntropyIsBitIdenticalAcrossThreadCounts() {
        int[][] shapes = {{700, 65}, {37, 1003}, {3, 20011}};
        for (int[] s : shapes) {
            int rows = s[0];
            int classes = s[1];
            Random random = new Random(rows + classes);
            float[] logits = randomArray(random, rows * classes, 8f);
            int[] targets = randomTargets(random, rows, classes);
            double referenceLoss = Double.NaN;
            long referenceCorrect = -1;
            float[] referenceGradient = null;
            for (int threads : new int[] {1, 2, 3, 2, 1}) {
                Parallel.setThreads(threads);
                float[] x = logits.clone();
                long[] correct = {0};
                double loss = FAST.softmaxCrossEntropy(x, rows, classes, targets, 3, correct);
                FAST.softmaxCrossEntropyBackward(x, rows, classes, targets, 3, 0.125f);
                if (referenceGradient == null) {
                    referenceLoss = loss;
                    referenceCorrect = correct[0];
                    referenceGradient = x;
                } else {
                    String what = rows + "×" + classes + " with " + threads + " threads";
                    assertEquals(Double.doubleToRawLongBits(referenceLoss), Double.doubleToRawLongBits(loss), what);
                    assertEquals(referenceCorrect, correct[0], what);
                    assertArrayEquals(referenceGradient, x, what);
                }
            }
        }
    }

    static Stream<Arguments> lengthsAndOffsets() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : SIZES) {
            cases.add(Arguments.of(n, 0));
            cases.add(Arguments.of(n, 5));
        }
        cases.add(Arguments.of(4099, 3));
        cases.add(Arguments.of(0, 2));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("lengthsAndOffsets")
    void sumOfSquares(int n, int offset) {
        float[] x = randomArray(new Random(n * 43L + offset), offset + n + 4, 3f);
        double expected = SPEC.sumOfSquares(x, offset, n);
        // squares of floats are exact in double, so only the order of the n additions differs
        assertEquals(expected, FAST.sumOfSquares(x, offset, n), 1e-15 * (n + 2) * expected);
    }

    /** The element-wise passes: ⊙, its accumulating backward, and the gate mix z⊙a + (1−z)⊙b with its backward. */
    @ParameterizedTest
    @MethodSource("lengthsAndOffsets")
    void elementWisePassesAndTheirBackward(int n, int offset) {
        Random random = new Random(n * 59L + offset);
        float[] a = randomArray(random, offset + n + 3, 2f);    // read from offset
        float[] b = randomArray(random, n + 2, 2f);             // read from 2
        float[] z = abs(randomArray(random, offset + n + 1));   // gates in [0, 1), read from offset
        float[] d = randomArray(random, n + 4);                 // read from 4
        float[] out = randomArray(random, n + 7);               // written from 7
        float[] expected = out.clone();
        float[] actual = out.clone();
        SPEC.multiply(a, offset, b, 2, expected, 7, n);
        FAST.multiply(a, offset, b, 2, actual, 7, n);
        assertClose(expected, actual, 1e-6, "multiply");
        SPEC.addProduct(d, 4, z, offset, expected, 7, n);
        FAST.addProduct(d, 4, z, offset, actual, 7, n);
        assertClose(expected, actual, 1e-6, "addProduct");
        SPEC.interpolate(z, offset, a, offset, b, 2, expected, 7, n);
        FAST.interpolate(z, offset, a, offset, b, 2, actual, 7, n);
        assertClose(expected, actual, 1e-6, "interpolate");

        float[][] grads = new float[3][n + 1]; // dz, da, db from 1
        SPEC.interpolateBackward(d, 4, z, offset, a, offset, b, 2, grads[0], 1, grads[1], 1, grads[2], 1, n);
        // in place: dz over z, da over d, db over b, each at its input's offset
        float[] dz = z.clone();
        float[] da = d.clone();
        float[] db = b.clone();
        FAST.interpolateBackward(da, 4, dz, offset, a, offset, db, 2, dz, offset, da, 4, db, 2, n);
        assertClose(Arrays.copyOfRange(grads[0], 1, n + 1), Arrays.copyOfRange(dz, offset, offset + n), 1e-6, "dz");
        assertClose(Arrays.copyOfRange(grads[1], 1, n + 1), Arrays.copyOfRange(da, 4, 4 + n), 1e-6, "da");
        assertClose(Arrays.copyOfRange(grads[2], 1, n + 1), Arrays.copyOfRange(db, 2, 2 + n), 1e-6, "db");
    }

    @Test
    void nameSaysVector() {
        assertTrue(FAST.name().startsWith("vector("), FAST.name());
    }

    /** |expected − actual| ≤ tolerance·max(1, |expected|) element-wise. */
    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double bound = tolerance * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(what + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** R targets in [0, V) after 3 unused ones: the kernels read them from offset 3. */
    private static int[] randomTargets(Random random, int rows, int classes) {
        int[] targets = new int[rows + 3];
        for (int r = 0; r < targets.length; r++) {
            targets[r] = random.nextInt(classes);
        }
        return targets;
    }

    private static float[] randomArray(Random random, int length) {
        return randomArray(random, length, 1f);
    }

    /** Uniform in [−scale, scale). */
    private static float[] randomArray(Random random, int length, float scale) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = scale * (2f * random.nextFloat() - 1f);
        }
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
        }
        return y;
    }
}
