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
 * none. Tensors, as an {@code nn.Linear} named {@code labeller}: labeller.weight (C, H), labeller.bias (C).
 */
public record LabellerHead(int labels) implements Head {

    public static final String ID = "labeller";
    public static final String WEIGHT = "labeller.weight";
    public static final String BIAS = "labeller.bias";

    public LabellerHead {
        if (labels < 2) {
            throw new IllegalArgumentException("a labeller needs at least 2 labels, got " + labels);
        }
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
        return List.of(TensorShape.matrix(WEIGHT, labels, config.hiddenSize()), TensorShape.vector(BIAS, labels));
    }

    @Override
    public HeadLayer layer(Kernels kernels, Parameters parameters, ModelConfig config) {
        ParameterLayout layout = parameters.layout();
        return new StepSoftmax(kernels, new Linear(kernels, parameters, layout.get(WEIGHT), layout.get(BIAS)));
    }

    @Override
    public ReferenceHead reference(ParameterLayout layout, ModelConfig config) {
        return new ReferenceStepSoftmax(ReferenceAffine.of(layout.get(WEIGHT), layout.get(BIAS)));
    }

    @Override
    public void estimateWindow(MemoryEstimate memory, ModelConfig config, long steps, long rows) {
        memory.add("the labeller's logits", MemoryEstimate.product(steps, rows, labels), Float.BYTES);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", ID);
        json.put("labels", labels);
        return json;
    }
}
