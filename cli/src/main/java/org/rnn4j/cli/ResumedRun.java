package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.rnn4j.InvalidInputException;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.TextFingerprint;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.model.InitialState;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.TrainingState;
import picocli.CommandLine.ParseResult;

/**
 * The rules of {@code train --resume}: the checkpoint defines its run (model, tokenizer, data split, text,
 * training settings). The command line may change only the run's limits and cadences; an option that
 * contradicts the checkpoint is refused, and so is another text unless the user asks for it.
 */
final class ResumedRun {

    /** Options a resumed run takes from the command line; all others come from the checkpoint. */
    static final List<String> MAY_CHANGE = List.of("--learning-rate", "--epochs", "--max-steps", "--minutes", "--patience",
            "--eval-every", "--sample-every", "--keep-samples", "--log-every", "--threads", "--out");

    /** The same list for --help, which needs a constant. */
    static final String MAY_CHANGE_HELP = "--learning-rate, --epochs, --max-steps, --minutes, --patience, --eval-every, "
            + "--sample-every, --keep-samples, --log-every, --threads, --out";

    /** Each option that defines a run, and its value in a checkpoint (null: not recorded, or not used by that model). */
    static final Map<String, Function<Checkpoint, Object>> RECORDED = recorded();

    private ResumedRun() {
    }

    private static Map<String, Function<Checkpoint, Object>> recorded() {
        Map<String, Function<Checkpoint, Object>> options = new LinkedHashMap<>();
        options.put("--level", c -> c.words() ? "word" : "char");
        options.put("--vocab-size", c -> c.words() && c.source() != null ? c.source().vocabularyLimit() : null);
        options.put("--tokenizer", c -> c.words() ? c.tokenizer().get("mode") : null);
        options.put("--lowercase", c -> c.words() ? c.tokenizer().get("lowercase") : null);
        options.put("--mode", c -> c.training().batching().id());
        options.put("--cell", c -> c.model().cell().id());
        options.put("--rnn-size", c -> c.model().hiddenSize());
        options.put("--factors", c -> c.model().cell().settings(c.model().hiddenSize()).get(CellOptions.FACTORS));
        options.put("--num-layers", c -> c.model().layers());
        options.put("--wordvec-size", c -> c.model().embeddingSize());
        options.put("--dropout", c -> c.model().dropout());
        options.put("--embedding-dropout", c -> c.model().embeddingDropout());
        options.put("--tie-weights", c -> c.model().tiedWeights());
        options.put("--learn-initial-state", c -> c.model().initialState() == InitialState.LEARNED);
        options.put("--batch-size", c -> c.training().batchSize());
        options.put("--seq-length", c -> c.training().seqLength());
        options.put("--optimizer", c -> c.training().optimizer().kind().id());
        options.put("--momentum", c -> c.training().optimizer().momentum());
        options.put("--decay-rate", c -> c.training().optimizer().alpha());
        options.put("--beta1", c -> c.training().optimizer().beta1());
        options.put("--beta2", c -> c.training().optimizer().beta2());
        options.put("--weight-decay", c -> c.training().optimizer().weightDecay());
        options.put("--lr-schedule", c -> c.training().schedule().kind().id());
        options.put("--lr-decay", c -> c.training().schedule().factor());
        options.put("--lr-decay-after", c -> c.training().schedule().afterEpoch());
        options.put("--lr-patience", c -> c.training().schedule().patience());
        options.put("--grad-clip", c -> c.training().gradClip());
        options.put("--clip-value", c -> c.training().clipValue());
        options.put("--init", c -> c.training().initialization().scheme().name().toLowerCase());
        options.put("--init-scale", c -> c.training().initialization().scale());
        options.put("--forget-bias", c -> c.training().initialization().forgetBias());
        options.put("--zero-decoder", c -> c.training().initialization().zeroDecoder());
        options.put("--train-frac", c -> c.source() == null ? null : c.source().trainFraction());
        options.put("--val-frac", c -> c.source() == null ? null : c.source().validationFraction());
        options.put("--seed", c -> c.training().seed());
        options.put("--val-tokens", c -> c.training().validationTokens());
        return options;
    }

    /**
     * The checkpoint of {@code file}, once it is known to be resumable and {@code given} contradicts none of
     * its settings; the split's fractions may change along with the text when {@code newText} allows it.
     */
    static Checkpoint load(Path file, ParseResult given, NewText newText) {
        Checkpoint checkpoint = ModelLoader.load(file, LanguageModelHead.ID);
        if (!checkpoint.resumable()) {
            throw new InvalidInputException(file + " holds a model but no training state; it cannot be resumed");
        }
        if (given.hasMatchedOption("--preset")) {
            throw new InvalidInputException("--preset starts a new run; a resumed run keeps the recipe "
                    + file + " records: drop --preset");
        }
        RECORDED.forEach((option, recorded) -> {
            boolean splitOfNewText = newText == NewText.ALLOWED && (option.equals("--train-frac") || option.equals("--val-frac"));
            Object value = recorded.apply(checkpoint);
            if (given.hasMatchedOption(option) && value != null && !splitOfNewText) {
                Object asked = given.matchedOptionValue(option, null);
                if (!Objects.equals(asked, value)) {
                    throw new InvalidInputException(option + " " + asked + " contradicts " + file + ", whose run has "
                            + option + " " + value + "; drop the option to resume that run, or start a new run without --resume");
                }
            }
        });
        return checkpoint;
    }

    /** The text a resumed run reads when no --text is given: the one its checkpoint records. */
    static NamedText recordedText(Checkpoint checkpoint) {
        if (checkpoint.source() == null) {
            return NamedText.bundled(); // written before texts were recorded: the default text, checked against the vocabulary
        }
        return existing(checkpoint, checkpoint.source().text(), "--text");
    }

    /** The validation text a resumed run reads when no --valid-text is given: the recorded one, or null. */
    static NamedText recordedValidationText(Checkpoint checkpoint) {
        TextFingerprint recorded = checkpoint.source() == null ? null : checkpoint.source().validationText();
        return recorded == null ? null : existing(checkpoint, recorded, "--valid-text");
    }

    private static NamedText existing(Checkpoint checkpoint, TextFingerprint recorded, String option) {
        NamedText text = NamedText.at(recorded);
        if (text == null) {
            throw new InvalidInputException(checkpoint.file() + " was trained on " + recorded.source()
                    + ", which is no longer there; give that text with " + option);
        }
        return text;
    }

    /**
     * True when {@code text} or {@code validation} differs from what the checkpoint was trained on, which
     * is refused unless {@code newText} allows it.
     */
    static boolean isNewText(Checkpoint checkpoint, NamedText text, NamedText validation, NewText newText) {
        CorpusSource recorded = checkpoint.source();
        if (recorded == null) {
            return false;
        }
        boolean sameText = recorded.text().sameText(text.fingerprint());
        boolean sameValidation = recorded.validationText() == null ? validation == null
                : validation != null && recorded.validationText().sameText(validation.fingerprint());
        if (sameText && sameValidation) {
            return false;
        }
        if (newText == NewText.ALLOWED) {
            return true;
        }
        if (!sameText) {
            throw new InvalidInputException(text.fingerprint().source() + " is not the text " + checkpoint.file()
                    + " was trained on (" + recorded.text().source() + ", " + recorded.text().describe()
                    + "); resume with that text, or add --allow-new-text to continue training on this one");
        }
        String was = recorded.validationText() == null
                ? "a split of its text (drop --valid-text)"
                : recorded.validationText().source() + ", " + recorded.validationText().describe();
        throw new InvalidInputException("the validation text differs from the one " + checkpoint.file() + " was validated on ("
                + was + "); resume with that one, or add --allow-new-text to continue on the new data");
    }

    /** Refuses a resume that has nothing left to do: the run already reached a limit that this command line keeps. */
    static void requireWorkLeft(Checkpoint checkpoint) {
        TrainConfig config = checkpoint.training();
        TrainingState state = checkpoint.trainingState();
        String reached = config.maxSteps() > 0 && state.step() >= config.maxSteps()
                ? "its --max-steps " + config.maxSteps() + " (a total, counted from the run's start); raise --max-steps"
                : state.epoch() >= config.epochs() ? "its --epochs " + config.epochs() + "; raise --epochs"
                : config.minutes() > 0 && state.seconds() >= config.minutes() * 60
                ? "its --minutes " + config.minutes() + " (a total); raise --minutes"
                : null;
        if (reached != null) {
            throw new InvalidInputException(checkpoint.file() + " already reached " + reached + " to train further");
        }
    }

    /** Whether a resumed run may read another text than the one it was trained on. */
    enum NewText {
        REFUSED,
        ALLOWED
    }
}
