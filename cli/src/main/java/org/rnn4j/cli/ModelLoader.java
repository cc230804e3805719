package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.train.Checkpoint;

/** Loads a checkpoint's model for sampling, scoring and inspection. */
public final class ModelLoader {

    /** The commands that use each kind of model. */
    private static final Map<String, String> COMMANDS = Map.of(
            LanguageModelHead.ID, "rnn4j sample or rnn4j eval",
            ClassifierHead.ID, "rnn4j classify predict or rnn4j classify eval",
            LabellerHead.ID, "rnn4j label predict or rnn4j label eval");

    private ModelLoader() {
    }

    /**
     * The checkpoint at {@code file}, which must hold a model whose head has id {@code head}; another head is a
     * one-line refusal that names the commands for the model the file holds.
     */
    public static Checkpoint load(Path file, String head) {
        Checkpoint checkpoint = Checkpoint.load(file);
        String held = checkpoint.model().head().id();
        if (!held.equals(head)) {
            throw new InvalidInputException(file + " holds a " + held + ", not a " + head + "; use it with " + COMMANDS.get(held));
        }
        return checkpoint;
    }

    /** The model of a loaded checkpoint, with its weights. */
    public static SequenceModel load(Checkpoint checkpoint) {
        HeapCheck.require(SequenceModel.memory(checkpoint.model()), "to load", null);
        SequenceModel model = new SequenceModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(model);
        return model;
    }
}
