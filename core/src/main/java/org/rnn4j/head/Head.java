package org.rnn4j.head;

import java.util.List;
import java.util.Map;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * What a model computes from its encoder's top-layer outputs (T·N, H), all of it: its name, its tensors, the
 * float layer that runs whole windows, and the double-precision function that specifies it. A model is an
 * encoder plus a head; the trainer, evaluator and checkpoints ask the head and never switch on it.
 * {@link Heads} lists the heads there are.
 *
 * <p>Legend: T steps, N rows, H hidden size, V vocabulary, C outputs (V for a language model, the classes or
 * labels otherwise).
 */
public interface Head {

    /** The name in checkpoints: {@code language-model}, {@code classifier}, {@code labeller}. */
    String id();

    /** C: the size of one prediction of a model of shape {@code config}. */
    int outputs(ModelConfig config);

    /**
     * True when the head predicts at every step (rows t·N + n of {@link HeadTargets#targets()}); false when it
     * predicts once per row (entries n of {@link HeadTargets#labels()}).
     */
    boolean perStep();

    /**
     * The tensors the head owns, in checkpoint order, named as PyTorch would name the module
     * ({@code decoder.weight}, …). A head that reads another tensor (a tied decoder reads the embedding)
     * lists only its own.
     */
    List<TensorShape> tensors(ModelConfig config);

    /** The float layer over whole windows that reads, and adds gradients into, the head's tensors. */
    HeadLayer layer(Kernels kernels, Parameters parameters, ModelConfig config);

    /** The double-precision head the float layer is checked against. */
    ReferenceHead reference(ParameterLayout layout, ModelConfig config);

    /** Adds what one window of T = {@code steps} × N = {@code rows} allocates for the head to {@code memory}. */
    void estimateWindow(MemoryEstimate memory, ModelConfig config, long steps, long rows);

    /** The head's settings as the checkpoint's {@code model.head} object; {@link Heads#fromJson} reads it back. */
    Map<String, Object> toJson();
}
