package org.rnn4j.kernel;

/**
 * Plain-Java kernels: the specification every faster implementation is tested against. Single-threaded,
 * straightforward loops, no tricks beyond a cache-friendly loop order.
 */
public class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[cRow + j] = beta == 0f ? 0f : beta * c[cRow + j];
            }
            for (int p = 0; p < k; p++) {
                float aip = transA == Transpose.NO_TRANS ? a[aOffset + i * lda + p] : a[aOffset + p * lda + i];
                float scaled = alpha * aip;
                if (transB == Transpose.NO_TRANS) {
                    int bRow = bOffset + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += scaled * b[bRow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += scaled * b[bOffset + j * ldb + p];
                    }
                }
            }
        }
    }

    @Override
    public PackedMatrix packedMatrix(int rows, int columns) {
        return new RowMajorMatrix(rows, columns);
    }

    @Override
    public PackedMatrix packedRowsMatrix(int rows, int columns) {
        return new RowMajorMatrix(rows, columns);
    }

    @Override
    public void addPackedProducts(PackedMatrix w, int m, float[] x, int xOffset, int ldx, float[] y, int yOffset, int ldy) {
        gemm(Transpose.NO_TRANS, Transpose.TRANS, m, w.rows(), w.columns(), 1f, x, xOffset, ldx,
                RowMajorMatrix.of(w).values(), 0, w.columns(), 1f, y, yOffset, ldy);
    }

    @Override
    public void addPackedProduct(PackedMatrix w, float[] x, int xOffset, float[] y, int yOffset) {
        float[] values = RowMajorMatrix.of(w).values();
        int k = w.columns();
        for (int j = 0; j < w.rows(); j++) {
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum = Math.fma(values[j * k + p], x[xOffset + p], sum);
            }
            y[yOffset + j] += sum;
        }
    }

    @Override
    public void broadcastRows(float[] bias, int biasOffset, int width, int rows, float[] out, int outOffset) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, biasOffset, out, outOffset + r * width, width);
        }
    }

    @Override
    public void addColumnSums(float[] block, int blockOffset, int rows, int width, float[] sums, int sumsOffset) {
        for (int r = 0; r < rows; r++) {
            int row = blockOffset + r * width;
            for (int j = 0; j < width; j++) {
                sums[sumsOffset + j] += block[row + j];
            }
        }
    }

    @Override
    public void activate(Activation activation, float[] x, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            x[i] = switch (activation) {
                case TANH -> (float) Math.tanh(x[i]);
                case RELU -> Math.max(x[i], 0f);
                case SIGMOID -> sigmoid(x[i]);
            };
        }
    }

    @Override
    public void activationBackward(Activation activation, float[] y, int yOffset, float[] d, int dOffset, int n) {
        for (int i = 0; i < n; i++) {
            float out = y[yOffset + i];
            d[dOffset + i] *= switch (activation) {
                case TANH -> 1f - out * out;
                case RELU -> out > 0f ? 1f : 0f;
                case SIGMOID -> out * (1f - out);
            };
        }
    }

    @Override
    public void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void addProduct(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] += a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void interpolate(float[] z, int zOffset, float[] a, int aOffset, float[] b, int bOffset,
                            float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            float g = z[zOffset + i];
            out[outOffset + i] = g * a[aOffset + i] + (1f - g) * b[bOffset + i];
        }
    }

    @Override
    public void interpolateBackward(float[] d, int dOffset, float[] z, int zOffset, float[] a, int aOffset,
                                    float[] b, int bOffset, float[] dz, int dzOffset, float[] da, int daOffset,
                                    float[] db, int dbOffset, int n) {
        for (int i = 0; i < n; i++) {
            float di = d[dOffset + i];
            float g = z[zOffset + i];
            float diff = a[aOffset + i] - b[bOffset + i];
            dz[dzOffset + i] = di * diff;
            da[daOffset + i] = di * g;
            db[dbOffset + i] = di * (1f - g);
        }
    }

    @Override
    public void lstmForward(int rows, int hidden, float[] gates, int gatesOffset,
                            float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        lstmStep(rows, hidden, gates, gatesOffset, null, cells, prevCellOffset, cellOffset, h, hOffset);
    }

    @Override
    public void lstmBackward(int rows, int hidden, float[] gates, int gatesOffset,
                             float[] cells, int prevCellOffset, int cellOffset,
                             float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        lstmStepBackward(rows, hidden, gates, gatesOffset, null, cells, prevCellOffset, cellOffset, dh, dhOffset, dc,
                dGates, dGatesOffset);
    }

    @Override
    public void peepholeLstmForward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                    float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        lstmStep(rows, hidden, gates, gatesOffset, peepholes, cells, prevCellOffset, cellOffset, h, hOffset);
    }

    @Override
    public void peepholeLstmBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                     float[] cells, int prevCellOffset, int cellOffset,
                                     float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        lstmStepBackward(rows, hidden, gates, gatesOffset, peepholes, cells, prevCellOffset, cellOffset, dh, dhOffset, dc,
                dGates, dGatesOffset);
    }

    /** The peephole weight w (3H: w_ci|w_cf|w_co) of gate {@code gate} (0, 1, 2) at column j; 0 for the plain LSTM (null). */
    private static float peephole(float[] peepholes, int gate, int hidden, int j) {
        return peepholes == null ? 0f : peepholes[gate * hidden + j];
    }

    /** An LSTM step; {@code peepholes} (3H) w_ci|w_cf|w_co, or null for the plain LSTM, whose gates see no cell. */
    private static void lstmStep(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                 float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset) {
        for (int r = 0; r < rows; r++) {
            int g = gatesOffset + r * 4 * hidden;
            int s = r * hidden;
            for (int j = 0; j < hidden; j++) {
                float cPrev = cells[prevCellOffset + s + j];
                float i = sigmoid(gates[g + j] + peephole(peepholes, 0, hidden, j) * cPrev);
                float f = sigmoid(gates[g + hidden + j] + peephole(peepholes, 1, hidden, j) * cPrev);
                float cand = (float) Math.tanh(gates[g + 2 * hidden + j]);
                float c = f * cPrev + i * cand;
                float o = sigmoid(gates[g + 3 * hidden + j] + peephole(peepholes, 2, hidden, j) * c);
                gates[g + j] = i;
                gates[g + hidden + j] = f;
                gates[g + 2 * hidden + j] = cand;
                gates[g + 3 * hidden + j] = o;
                cells[cellOffset + s + j] = c;
                h[hOffset + s + j] = o * (float) Math.tanh(c);
            }
        }
    }

    /** The backward of {@link #lstmStep}: dc_t also takes w_co⊙da_o, dc_{t-1} = dc_t⊙f + w_ci⊙da_i + w_cf⊙da_f. */
    private static void lstmStepBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                                         float[] cells, int prevCellOffset, int cellOffset,
                                         float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset) {
        for (int r = 0; r < rows; r++) {
            int g = gatesOffset + r * 4 * hidden;
            int dg = dGatesOffset + r * 4 * hidden;
            int s = r * hidden;
            for (int j = 0; j < hidden; j++) {
                // all four gates of column j are read before any gradient is written: dGates may be gates
                float i = gates[g + j];
                float f = gates[g + hidden + j];
                float cand = gates[g + 2 * hidden + j];
                float o = gates[g + 3 * hidden + j];
                float cPrev = cells[prevCellOffset + s + j];
                float tanhC = (float) Math.tanh(cells[cellOffset + s + j]);
                float dhj = dh[dhOffset + s + j];
                float dO = dhj * tanhC * o * (1f - o);
                // dL/dc_t: from later steps, through h_t = o⊙tanh(c_t) and through o's peephole
                float dct = dc[s + j] + dhj * o * (1f - tanhC * tanhC) + dO * peephole(peepholes, 2, hidden, j);
                float dI = dct * cand * i * (1f - i);
                float dF = dct * cPrev * f * (1f - f);
                dGates[dg + j] = dI;
                dGates[dg + hidden + j] = dF;
                dGates[dg + 2 * hidden + j] = dct * i * (1f - cand * cand);
                dGates[dg + 3 * hidden + j] = dO;
                // c_{t-1} reaches c_t through f, and the gates i and f through their peepholes
                dc[s + j] = dct * f + dI * peephole(peepholes, 0, hidden, j) + dF * peephole(peepholes, 1, hidden, j);
            }
        }
    }

    @Override
    public void gruForward(int rows, int hidden, float[] gi, int giOffset, float[] gh, int ghOffset,
                           float[] h, int prevHOffset, int hOffset) {
        for (int row = 0; row < rows; row++) {
            int g = giOffset + row * 3 * hidden;
            int q = ghOffset + row * 3 * hidden;
            int s = row * hidden;
            for (int j = 0; j < hidden; j++) {
                float r = sigmoid(gi[g + j] + gh[q + j]);
                float z = sigmoid(gi[g + hidden + j] + gh[q + hidden + j]);
                float n = (float) Math.tanh(gi[g + 2 * hidden + j] + r * gh[q + 2 * hidden + j]);
                gi[g + j] = r;
                gi[g + hidden + j] = z;
                gi[g + 2 * hidden + j] = n;
                h[hOffset + s + j] = (1f - z) * n + z * h[prevHOffset + s + j];
            }
        }
    }

    @Override
    public void gruBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] gh, int ghOffset,
                            float[] h, int prevHOffset, float[] dh, int dhOffset,
                            float[] dGi, float[] dGh, int dGatesOffset, float[] dhPrev) {
        for (int row = 0; row < rows; row++) {
            int g = gatesOffset + row * 3 * hidden;
            int q = ghOffset + row * 3 * hidden;
            int d = dGatesOffset + row * 3 * hidden;
            int s = row * hidden;
            for (int j = 0; j < hidden; j++) {
                // column j of gates and gh is read before any gradient is written: dGi, dGh may be them
                float r = gates[g + j];
                float z = gates[g + hidden + j];
                float n = gates[g + 2 * hidden + j];
                float ghn = gh[q + 2 * hidden + j];
                float hPrev = h[prevHOffset + s + j];
                float dhj = dh[dhOffset + s + j];
                float dnPre = dhj * (1f - z) * (1f - n * n);
                float dzPre = dhj * (hPrev - n) * z * (1f - z);
                float drPre = dnPre * ghn * r * (1f - r);
                dGi[d + j] = drPre;
                dGi[d + hidden + j] = dzPre;
                dGi[d + 2 * hidden + j] = dnPre;
                dGh[d + j] = drPre;
                dGh[d + hidden + j] = dzPre;
                dGh[d + 2 * hidden + j] = dnPre * r;
                dhPrev[s + j] = dhj * z;
            }
        }
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets, int targetsOffset,
                                      long[] correct) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            int best = 0;
            float max = logits[row];
            for (int v = 1; v < classes; v++) {
                if (logits[row + v] > max) {
                    max = logits[row + v];
                    best = v;
                }
            }
            int target = targets[targetsOffset + r];
            float targetLogit = target == PADDING ? 0f : logits[row + target];
            float sum = 0f;
            for (int v = 0; v < classes; v++) {
                float e = (float) Math.exp(logits[row + v] - max);
                logits[row + v] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int v = 0; v < classes; v++) {
                logits[row + v] *= inv;
            }
            if (target == PADDING) {
                continue;
            }
            // −log p[target] = log Σ exp(l − max) − (l[target] − max), exact even when p underflows
            loss += Math.log(sum) - (targetLogit - max);
            if (best == target) {
                correct[0]++;
            }
        }
        return loss;
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] probs, int rows, int classes, int[] targets, int targetsOffset,
                                            float scale) {
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            int target = targets[targetsOffset + r];
            for (int v = 0; v < classes; v++) {
                probs[row + v] = target == PADDING ? 0f : probs[row + v] * scale;
            }
            if (target != PADDING) {
                probs[row + target] -= scale;
            }
        }
    }

    @Override
    public double sumOfSquares(float[] x, int offset, int n) {
        double sum = 0;
        for (int i = offset; i < offset + n; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }

    static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }
}
