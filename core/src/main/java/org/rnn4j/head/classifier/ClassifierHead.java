package org.rnn4j.head.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.head.Head;
import org.rnn4j.head.HeadLayer;
import org.rnn4j.head.ReferenceHead;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.nn.Linear;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * One class per row: the row's top outputs pooled over its real steps ({@link Pooling}), then
 * z = W·pooled + b (C) and softmax cross-entropy against the row's label. Tensors, as an {@code nn.Linear}
 * named {@code classifier}: classifier.weight (C, H), classifier.bias (C).
 */
public record ClassifierHead(int classes, Pooling pooling) implements Head {

    public static final String ID = "classifier";
    public static final String WEIGHT = "classifier.weight";
    public static final String BIAS = "classifier.bias";

    public ClassifierHead {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("a classifier needs a pooling");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int outputs(ModelConfig config) {
        return classes;
    }

    @Override
    public boolean perStep() {
        return false;
    }

    @Override
    public List<TensorShape> tensors(ModelConfig config) {
        return List.of(TensorShape.matrix(WEIGHT, classes, config.hiddenSize()), TensorShape.vector(BIAS, classes));
    }

    @Override
    public HeadLayer layer(Kernels kernels, Parameters parameters, ModelConfig config) {
        ParameterLayout layout = parameters.layout();
        return new ClassifierLayer(kernels, new Linear(kernels, parameters, layout.get(WEIGHT), layout.get(BIAS)), pooling,
                config.hiddenSize());
    }

    @Override
    public ReferenceHead reference(ParameterLayout layout, ModelConfig config) {
        return new ReferenceClassifier(ReferenceAffine.of(layout.get(WEIGHT), layout.get(BIAS)), pooling);
    }

    @Override
    public void estimateWindow(MemoryEstimate memory, ModelConfig config, long steps, long rows) {
        memory.add("the classifier's pooled rows and their gradient", 2, MemoryEstimate.product(rows, config.hiddenSize()), Float.BYTES);
        memory.add("the classifier's arg-max steps", pooling == Pooling.MAX ? 1 : 0, MemoryEstimate.product(rows, config.hiddenSize()),
                Integer.BYTES);
        memory.add("the classifier's logits", MemoryEstimate.product(rows, classes), Float.BYTES);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", ID);
        json.put("classes", classes);
        json.put("pooling", pooling.id());
        return json;
    }
}
