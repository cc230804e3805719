package org.rnn4j.cli;

import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.train.Checkpoint;

/** Loads a checkpoint's model for sampling, scoring and inspection. */
final class ModelLoader {

    private ModelLoader() {
    }

    static SequenceModel load(Checkpoint checkpoint) {
        HeapCheck.require(SequenceModel.memory(checkpoint.model()), "to load", null);
        SequenceModel model = new SequenceModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(model);
        return model;
    }
}
