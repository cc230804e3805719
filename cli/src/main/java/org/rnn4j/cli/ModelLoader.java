package org.rnn4j.cli;

import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.train.Checkpoint;

/** Loads a checkpoint's model for sampling, scoring and inspection. */
final class ModelLoader {

    private ModelLoader() {
    }

    static LanguageModel load(Checkpoint checkpoint) {
        HeapCheck.require(LanguageModel.memory(checkpoint.model()), "to load", null);
        LanguageModel model = new LanguageModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(model);
        return model;
    }
}
