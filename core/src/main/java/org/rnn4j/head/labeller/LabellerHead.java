package org.rnn4j.head.labeller;

import java.util.LinkedHashMap;
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
import org.rnn4j.nn.Linear;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * One label per step: z = W·h_t + b (C) and softmax cross-entropy against the step's label; padded steps have
 * none. Tensors, as an {@code nn.Linear} named {@code labeller}: labeller.weight (C, H), labeller.bias (C). With
 * {@link LabelOutput#SIGMOID} (two labels only) one logit per step and the binary cross-entropy: labeller.weight
 * (1, H), labeller.bias (1).
 */
public record LabellerHead(int labels, LabelOutput output) implements Head {

    public static final String ID = "labeller";
    public static final String WEIGHT = "labeller.weight";
    public static final String BIAS = "labeller.bias";

    public LabellerHead {
        if (labels < 2) {
            throw new IllegalArgumentException("a labeller needs at least 2 labels, got " + labels);
        }
        if (output == LabelOutput.SIGMOID && labels != 2) {
            throw new IllegalArgumentException("a sigmoid output gives two labels, but the data has " + labels
                    + "; use the softmax output");
        }
    }

    /** A labeller with a softmax over its labels. */
    public LabellerHead(int labels) {
        this(labels, LabelOutput.SOFTMAX);
    }

    /** Rows of labeller.weight: one logit per label, or one for a sigmoid. */
    private int logits() {
        return output == LabelOutput.SIGMOID ? 1 : labels;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int outputs(ModelConfig config) {
        return labels;
    }

    @Override
    public boolean perStep() {
        return true;
    }

    @Override
    public List<TensorShape> tensors(ModelConfig config) {
        return List.of(TensorShape.matrix(WEIGHT, logits(), config.hiddenSize()), TensorShape.vector(BIAS, logits()));
    }

    @Override
    public HeadLayer layer(Kernels kernels, Parameters parameters, ModelConfig config) {
        ParameterLayout layout = parameters.layout();
        Linear linear = new Linear(kernels, parameters, layout.get(WEIGHT), layout.get(BIAS));
        return output == LabelOutput.SIGMOID ? new StepSigmoid(linear) : new StepSoftmax(kernels, linear);
    }

    @Override
    public ReferenceHead reference(ParameterLayout layout, ModelConfig config) {
        ReferenceAffine affine = ReferenceAffine.of(layout.get(WEIGHT), layout.get(BIAS));
        return output == LabelOutput.SIGMOID ? new ReferenceStepSigmoid(affine) : new ReferenceStepSoftmax(affine);
    }

    @Override
    public void estimateWindow(MemoryEstimate memory, ModelConfig config, long steps, long rows) {
        memory.add("the labeller's logits and probabilities", MemoryEstimate.product(steps, rows, logits() + labels), Float.BYTES);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", ID);
        json.put("labels", labels);
        json.put("output", output.id());
        return json;
    }
}
