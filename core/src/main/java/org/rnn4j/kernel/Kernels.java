package org.rnn4j.kernel;

/**
 * The numeric kernels every layer runs on. All matrices are row-major {@code float[]} slices given by
 * an offset and a leading dimension (the stride between rows). {@link ScalarKernels} is the
 * specification; faster implementations must agree with it to float tolerance.
 *
 * <p>Legend: R rows, H hidden size, V classes. Gate blocks are row-major (R, G·H) with the gates of one
 * row side by side in PyTorch's order (LSTM i|f|g|o, GRU r|z|n).
 */
public interface Kernels {

    /** The target of a padding position: predicted, but never scored or trained on. */
    int PADDING = -1;

    /** Short name for logs: "scalar" or "vector(…)". */
    String name();

    /**
     * C = alpha·op(A)·op(B) + beta·C with op(A) (m×k), op(B) (k×n), C (m×n). When beta is 0, C is
     * overwritten (NaNs in C do not propagate).
     */
    void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
              float[] a, int aOffset, int lda,
              float[] b, int bOffset, int ldb,
              float beta, float[] c, int cOffset, int ldc);

    /** An all-zero (n, k) {@link PackedMatrix} in this implementation's layout. */
    PackedMatrix packedMatrix(int rows, int columns);

    /**
     * An all-zero (n, k) {@link PackedMatrix} in the layout that {@link #addPackedProducts} reads: the product
     * of many rows, packed once for all the products that use it rather than by each.
     */
    PackedMatrix packedRowsMatrix(int rows, int columns);

    /**
     * Y (m, n) += X (m, k)·Wᵀ for W (n, k) packed by {@link #packedRowsMatrix}: {@link #gemm} with
     * (NO_TRANS, TRANS) and beta 1 on the W it was packed from. Y must not overlap X.
     */
    void addPackedProducts(PackedMatrix w, int m, float[] x, int xOffset, int ldx, float[] y, int yOffset, int ldy);

    /**
     * y (n) += W·x for x (k) and W (n, k) packed by these kernels: y[j] += Σ_p W[j, p]·x[p], the sum taken by
     * fused multiply-adds in the order p = 0..k−1 starting from zero, so every implementation gives the same
     * bits. y must not overlap x.
     */
    void addPackedProduct(PackedMatrix w, float[] x, int xOffset, float[] y, int yOffset);

    /** out[r, :] = bias for each of the R rows of width {@code bias.length}: (R, W). */
    void broadcastRows(float[] bias, int biasOffset, int width, int rows, float[] out, int outOffset);

    /** sums[:] += column sums of the (R, W) block: the bias gradient. */
    void addColumnSums(float[] block, int blockOffset, int rows, int width, float[] sums, int sumsOffset);

    /** In place over n values: x = tanh(x), x = max(x, 0) or x = σ(x) as {@code activation} says. */
    void activate(Activation activation, float[] x, int offset, int n);

    /**
     * Turns an activation's output gradient into its input gradient, in place over n values:
     * d = d·f'(a) where f' is written in terms of the activation's output y.
     */
    void activationBackward(Activation activation, float[] y, int yOffset, float[] d, int dOffset, int n);

    /** out = a⊙b over n values; out may be a or b at the same offset. */
    void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

    /** out += a⊙b over n values: the backward of ⊙, dL/da += dL/d(a⊙b)⊙b. */
    void addProduct(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int n);

    /** out = z⊙a + (1−z)⊙b over n values: gate z mixes a and b. out may be any input at the same offset. */
    void interpolate(float[] z, int zOffset, float[] a, int aOffset, float[] b, int bOffset,
                     float[] out, int outOffset, int n);

    /**
     * Backward of {@link #interpolate} over n values: from d = dL/dout, writes dz = d⊙(a − b), da = d⊙z and
     * db = d⊙(1−z). Each output may be an input at the same offset: an element is read before it is written.
     */
    void interpolateBackward(float[] d, int dOffset, float[] z, int zOffset, float[] a, int aOffset,
                             float[] b, int bOffset, float[] dz, int dzOffset, float[] da, int daOffset,
                             float[] db, int dbOffset, int n);

    /**
     * One LSTM step for R rows. On entry {@code gates} (R, 4H) holds the pre-activations i|f|g|o;
     * on exit the activations. Writes c_t = f⊙c_{t-1} + i⊙g and h_t = o⊙tanh(c_t), both (R, H).
     */
    void lstmForward(int rows, int hidden, float[] gates, int gatesOffset,
                     float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset);

    /**
     * Backward of one LSTM step. {@code dh} (R, H) is dL/dh_t; {@code dc} (R, H) holds dL/dc_t from
     * later steps on entry and dL/dc_{t-1} on exit. Writes the pre-activation gradients (R, 4H).
     * {@code dGates} may be {@code gates} at the same offset: the gradients then replace the activations.
     */
    void lstmBackward(int rows, int hidden, float[] gates, int gatesOffset,
                      float[] cells, int prevCellOffset, int cellOffset,
                      float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset);

    /**
     * One peephole LSTM step for R rows: {@link #lstmForward} with the diagonal weights {@code peepholes} (3H)
     * w_ci|w_cf|w_co, through which i and f see c_{t-1} and o sees c_t: i = σ(a_i + w_ci⊙c_{t-1}),
     * f = σ(a_f + w_cf⊙c_{t-1}), o = σ(a_o + w_co⊙c_t). {@code gates} (R, 4H) goes from pre-activations to
     * activations; writes c_t and h_t = o⊙tanh(c_t), both (R, H).
     */
    void peepholeLstmForward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                             float[] cells, int prevCellOffset, int cellOffset, float[] h, int hOffset);

    /**
     * Backward of one peephole LSTM step, as {@link #lstmBackward}: dc_t also takes w_co⊙da_o, and dc on exit
     * is dL/dc_{t-1} = dc_t⊙f + w_ci⊙da_i + w_cf⊙da_f. The peephole weights' gradients are the caller's to
     * sum (Σ da_i⊙c_{t-1}, Σ da_f⊙c_{t-1}, Σ da_o⊙c_t). {@code dGates} may be {@code gates} at the same offset.
     */
    void peepholeLstmBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] peepholes,
                              float[] cells, int prevCellOffset, int cellOffset,
                              float[] dh, int dhOffset, float[] dc, float[] dGates, int dGatesOffset);

    /**
     * One GRU step (PyTorch's formulation) for R rows. {@code gi} (R, 3H) holds x·W_ihᵀ + b_ih and is
     * overwritten with the activations r|z|n; {@code gh} (R, 3H) holds h_{t-1}·W_hhᵀ + b_hh and is kept
     * (backward needs its n part). Writes h_t = (1−z)⊙n + z⊙h_{t-1}.
     */
    void gruForward(int rows, int hidden, float[] gi, int giOffset, float[] gh, int ghOffset,
                    float[] h, int prevHOffset, int hOffset);

    /**
     * Backward of one GRU step. {@code dh} (R, H) is dL/dh_t. Writes dGi (R, 3H) = dL/d(x·W_ihᵀ + b_ih),
     * dGh (R, 3H) = dL/d(h_{t-1}·W_hhᵀ + b_hh), and sets {@code dhPrev} (R, H) to the direct part
     * z⊙dh of dL/dh_{t-1} (the part through W_hh is added by the caller). {@code dGi} may be
     * {@code gates} and {@code dGh} may be {@code gh}, each at {@code dGatesOffset} equal to that
     * block's own offset: the gradients then replace what forward left.
     */
    void gruBackward(int rows, int hidden, float[] gates, int gatesOffset, float[] gh, int ghOffset,
                     float[] h, int prevHOffset, float[] dh, int dhOffset,
                     float[] dGi, float[] dGh, int dGatesOffset, float[] dhPrev);

    /**
     * Softmax cross-entropy over R rows of V logits, in place: each row becomes its probabilities.
     * Returns the summed loss −Σ log p[target] in nats (double) and adds the number of rows whose
     * arg-max equals the target to {@code correct[0]}. A row whose target is {@link #PADDING} still
     * gets its probabilities but adds no loss and no hit.
     */
    double softmaxCrossEntropy(float[] logits, int rows, int classes, int[] targets, int targetsOffset,
                               long[] correct);

    /**
     * dLogits = scale·(p − onehot(target)), in place over the probabilities left by the forward; a
     * {@link #PADDING} row becomes zero.
     */
    void softmaxCrossEntropyBackward(float[] probs, int rows, int classes, int[] targets, int targetsOffset,
                                     float scale);

    /** Σ x² over the n values from {@code offset}, accumulated in double: the squared L2 norm. */
    double sumOfSquares(float[] x, int offset, int n);
}
