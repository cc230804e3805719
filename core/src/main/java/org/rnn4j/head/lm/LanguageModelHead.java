package org.rnn4j.head.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.head.Head;
import org.rnn4j.head.HeadLayer;
import org.rnn4j.head.ReferenceHead;
import org.rnn4j.head.ReferenceStepSoftmax;
import org.rnn4j.head.StepSoftmax;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.nn.Linear;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * Next-token prediction: a linear decoder to V logits at every step, as PyTorch's {@code nn.Linear} named
 * {@code decoder}: decoder.weight (V, H) (the embedding itself when the weights are tied), decoder.bias (V).
 */
public final class LanguageModelHead implements Head {

    public static final LanguageModelHead INSTANCE = new LanguageModelHead();
    public static final String ID = "language-model";
    public static final String DECODER_WEIGHT = "decoder.weight";
    public static final String DECODER_BIAS = "decoder.bias";

    private LanguageModelHead() {
    }

    /** The tensor the decoder multiplies by: its own weight, or the embedding when tied. */
    public static String decoderWeight(ModelConfig config) {
        return config.tiedWeights() ? ModelLayout.EMBEDDING : DECODER_WEIGHT;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int outputs(ModelConfig config) {
        return config.vocabularySize();
    }

    @Override
    public boolean perStep() {
        return true;
    }

    @Override
    public List<TensorShape> tensors(ModelConfig config) {
        List<TensorShape> tensors = new ArrayList<>();
        if (!config.tiedWeights()) {
            tensors.add(TensorShape.matrix(DECODER_WEIGHT, config.vocabularySize(), config.hiddenSize()));
        }
        tensors.add(TensorShape.vector(DECODER_BIAS, config.vocabularySize()));
        return tensors;
    }

    @Override
    public HeadLayer layer(Kernels kernels, Parameters parameters, ModelConfig config) {
        ParameterLayout layout = parameters.layout();
        return new StepSoftmax(kernels, new Linear(kernels, parameters, layout.get(decoderWeight(config)), layout.get(DECODER_BIAS)));
    }

    @Override
    public ReferenceHead reference(ParameterLayout layout, ModelConfig config) {
        return new ReferenceStepSoftmax(ReferenceAffine.of(layout.get(decoderWeight(config)), layout.get(DECODER_BIAS)));
    }

    @Override
    public void estimateWindow(MemoryEstimate memory, ModelConfig config, long steps, long rows) {
        memory.add("the window's logits", MemoryEstimate.product(steps, rows, config.vocabularySize()), Float.BYTES);
    }

    @Override
    public Map<String, Object> toJson() {
        return Map.of("kind", ID);
    }

    @Override
    public String toString() {
        return ID;
    }
}
