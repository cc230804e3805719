package org.rnn4j.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.head.Heads;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.model.InitScheme;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;

/**
 * A model and, optionally, the training run that made it, as one safetensors file. Model tensors carry
 * PyTorch's names and shapes; optimizer moments are {@code optim.<moment>.<tensor>}; the carried hidden
 * state of layer l is {@code state.l<l>} (stateVectors, B, H). The {@code __metadata__} holds the format
 * version and JSON for the model config (its head included), vocabulary, the head's class or label names,
 * training config, the data the run read ({@code source};
 * null in checkpoints written before it was recorded) and training state. See docs/checkpoint-format.md.
 */
public record Checkpoint(Path file, ModelConfig model, Vocabulary vocabulary, Map<String, Object> tokenizer, List<String> labels,
                         TrainConfig training, CorpusSource source, TrainingState trainingState, long optimizerSteps,
                         Map<String, SafeTensors.Entry> tensors) {

    /** The newest format this version writes; readers accept this and older versions. */
    public static final int FORMAT_VERSION = 2;
    static final String FORMAT = "rnn4j-checkpoint";
    /** How a checkpoint's model reads text: characters, words, or the words' part-of-speech tags. */
    static final List<String> TOKEN_LEVELS = List.of("char", "word", "pos");

    /** Writes everything needed to use the model and to resume its training, atomically. */
    public static void save(Path file, SequenceModel model, TrainingData data, TrainConfig training,
                            Optimizer optimizer, TrainingState state, RecurrentState recurrent) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", Integer.toString(formatVersion(model.config())));
        metadata.put("model", Json.write(modelJson(model.config())));
        metadata.put("vocabulary", Json.write(data.vocabulary().tokens()));
        if (!data.labels().isEmpty()) {
            metadata.put("labels", Json.write(data.labels()));
        }
        metadata.put("tokenizer", Json.write(data.tokenizer()));
        metadata.put("training", Json.write(trainingJson(training)));
        if (data.source() != null) {
            metadata.put("data", Json.write(data.source().toJson()));
        }
        metadata.put("state", Json.write(stateJson(state)));
        metadata.put("optimizer", Json.write(Map.of("kind", training.optimizer().kind().id(), "steps", optimizer.steps())));
        List<SafeTensors.Entry> entries = new ArrayList<>();
        float[] values = model.parameters().values();
        List<Tensor> tensors = model.parameters().layout().tensors();
        for (Tensor tensor : tensors) {
            entries.add(entry(tensor.name(), tensor, values));
        }
        for (int m = 0; m < optimizer.momentNames().size(); m++) {
            for (Tensor tensor : tensors) {
                entries.add(entry("optim." + optimizer.momentNames().get(m) + "." + tensor.name(), tensor, optimizer.moments().get(m)));
            }
        }
        int h = model.config().hiddenSize();
        for (int l = 0; l < recurrent.layerCount(); l++) {
            float[] layer = recurrent.layer(l);
            int vectors = model.config().cell().stateVectors();
            entries.add(SafeTensors.Entry.ofFloats("state.l" + l, new int[] {vectors, layer.length / (vectors * h), h}, layer));
        }
        SafeTensors.write(file, metadata, entries);
    }

    /**
     * The format a checkpoint of {@code model} is written in: 2 for a learned initial state, which a reader of
     * version 1 would silently ignore, else 1, which every rnn4j reads.
     */
    public static int formatVersion(ModelConfig model) {
        return model.initialState() == InitialState.LEARNED ? 2 : 1;
    }

    private static SafeTensors.Entry entry(String name, Tensor tensor, float[] buffer) {
        return SafeTensors.Entry.ofFloats(name, tensor.shape(), buffer, tensor.offset());
    }

    /** Reads and validates a checkpoint; every defect is a one-line {@link InvalidInputException}. */
    public static Checkpoint load(Path file) {
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new InvalidInputException(file + " is a safetensors file but not an rnn4j checkpoint (no \"format\": \""
                    + FORMAT + "\" in its metadata); give a checkpoint written by rnn4j train");
        }
        int version = parseInt(file, meta.get("format_version"));
        if (version < 1) {
            throw new InvalidInputException(file + " has checkpoint format " + version + ", which no rnn4j writes; it is damaged");
        }
        if (version > FORMAT_VERSION) {
            throw new InvalidInputException(file + " has checkpoint format " + version + ", newer than this rnn4j reads ("
                    + FORMAT_VERSION + "); upgrade rnn4j");
        }
        try {
            ModelConfig model = model(Json.parseObject(meta.get("model")));
            Vocabulary vocabulary = new Vocabulary(strings(Json.parse(meta.get("vocabulary"))));
            if (vocabulary.size() != model.vocabularySize()) {
                throw new IllegalArgumentException("vocabulary has " + vocabulary.size() + " tokens, model expects " + model.vocabularySize());
            }
            int perLayer = model.cell().tensors(1, 1).size();
            if ((long) perLayer * model.layers() > contents.entries().size()) { // before the layout, which is built layer by layer
                throw new IllegalArgumentException("the model has " + model.layers() + " layers but the file holds only "
                        + contents.entries().size() + " tensors, and a layer has " + perLayer);
            }
            Map<String, Object> tokenizer = meta.containsKey("tokenizer") ? Json.parseObject(meta.get("tokenizer")) : Corpus.CHARACTERS;
            if (!(tokenizer.get("level") instanceof String level) || !TOKEN_LEVELS.contains(level)) {
                throw new IllegalArgumentException("tokenizer level is " + tokenizer.get("level") + ", not one of " + TOKEN_LEVELS);
            }
            List<String> labels = meta.containsKey("labels") ? strings(Json.parse(meta.get("labels"))) : List.of();
            boolean languageModel = model.head() == LanguageModelHead.INSTANCE;
            if (languageModel != labels.isEmpty() || !languageModel && labels.size() != model.outputs()) {
                throw new IllegalArgumentException("the " + model.head().id() + " head predicts " + model.outputs()
                        + " outputs but the file names " + labels.size() + " labels");
            }
            TrainConfig training = meta.containsKey("training") ? training(Json.parseObject(meta.get("training"))) : null;
            CorpusSource source = meta.containsKey("data") ? CorpusSource.fromJson(Json.parseObject(meta.get("data"))) : null;
            TrainingState state = meta.containsKey("state") ? state(Json.parseObject(meta.get("state"))) : null;
            long optimizerSteps = meta.containsKey("optimizer") ? number(Json.parseObject(meta.get("optimizer")), "steps").longValue() : 0;
            Map<String, SafeTensors.Entry> tensors = new LinkedHashMap<>();
            for (SafeTensors.Entry entry : contents.entries()) {
                tensors.put(entry.name(), entry);
            }
            Checkpoint checkpoint = new Checkpoint(file, model, vocabulary, tokenizer, labels, training, source, state, optimizerSteps,
                    tensors);
            checkpoint.checkModelTensors();
            return checkpoint;
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + " is a damaged rnn4j checkpoint (" + e.getMessage()
                    + "); use another checkpoint, such as best.safetensors of the same run");
        }
    }

    private void checkModelTensors() {
        for (Tensor tensor : ModelLayout.of(model).tensors()) {
            SafeTensors.Entry entry = tensors.get(tensor.name());
            if (entry == null) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " is missing");
            }
            if (!Arrays.equals(entry.shape(), tensor.shape())) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " has shape " + Arrays.toString(entry.shape())
                        + ", the model config needs " + Arrays.toString(tensor.shape()));
            }
            int bad = entry.firstNonFinite();
            if (bad >= 0) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " holds " + entry.floats()[bad] + " at index " + bad);
            }
        }
    }

    /** True for a word model: its tokenizer settings say how to cut text into its tokens. */
    public boolean words() {
        return Corpus.words(tokenizer);
    }

    /** How the model was trained to read text; a checkpoint without its training settings counts as a stream. */
    public Batching batching() {
        return training == null ? Batching.STREAM : training.batching();
    }

    /** True when the checkpoint holds what resuming needs (training config and state). */
    public boolean resumable() {
        return training != null && trainingState != null;
    }

    /**
     * This run continued on another text: its data position goes back to the start of the current epoch, its
     * best validation loss is forgotten (the new validation split is not comparable); weights, optimizer
     * moments and the learning-rate state are kept.
     */
    public Checkpoint onNewText() {
        return new Checkpoint(file, model, vocabulary, tokenizer, labels, training, source, trainingState.onNewText(),
                optimizerSteps, tensors);
    }

    /** This run resumed with {@code training}, whose learning rate, when it differs, replaces the schedule's current one. */
    public Checkpoint resumedWith(TrainConfig training) {
        double[] learningRate = trainingState.learningRate();
        if (training.learningRate() != this.training.learningRate()) {
            learningRate[0] = training.learningRate();
        }
        return new Checkpoint(file, model, vocabulary, tokenizer, labels, training, source,
                trainingState.withLearningRate(learningRate), optimizerSteps, tensors);
    }

    /** Copies the model tensors into {@code target}'s parameters. */
    public void loadInto(SequenceModel target) {
        for (Tensor tensor : target.parameters().layout().tensors()) {
            target.parameters().set(tensor, tensors.get(tensor.name()).floats());
        }
    }

    /** Restores optimizer moments and update count; a missing moment tensor means a damaged checkpoint. */
    public void restoreOptimizer(Optimizer optimizer) {
        List<Tensor> layout = ModelLayout.of(model).tensors();
        for (int m = 0; m < optimizer.momentNames().size(); m++) {
            float[] moment = optimizer.moments().get(m);
            for (Tensor tensor : layout) {
                String name = "optim." + optimizer.momentNames().get(m) + "." + tensor.name();
                SafeTensors.Entry entry = tensors.get(name);
                if (entry == null || entry.size() != tensor.size()) {
                    throw new InvalidInputException(file + " lacks the optimizer state " + name
                            + "; it cannot be resumed (train a new model from it instead)");
                }
                System.arraycopy(entry.floats(), 0, moment, tensor.offset(), tensor.size());
            }
        }
        optimizer.restoreSteps(optimizerSteps);
    }

    /** Restores the hidden state carried into the next window. */
    public void restoreRecurrentState(RecurrentState state) {
        for (int l = 0; l < state.layerCount(); l++) {
            SafeTensors.Entry entry = tensors.get("state.l" + l);
            float[] values = entry == null ? null : entry.floats();
            if (values == null || values.length != state.layer(l).length) {
                throw new InvalidInputException(file + " has no carried state for batch size "
                        + training.batchSize() + "; resume with the batch size it was trained with");
            }
            state.set(l, values);
        }
    }

    static Map<String, Object> modelJson(ModelConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cell", c.cell().id());
        json.putAll(c.cell().settings(c.hiddenSize())); // the cell's own sizes: the multiplicative RNN's "factors"
        json.put("vocabulary_size", c.vocabularySize());
        json.put("embedding_size", c.embeddingSize());
        json.put("hidden_size", c.hiddenSize());
        json.put("layers", c.layers());
        json.put("dropout", (double) c.dropout());
        json.put("embedding_dropout", (double) c.embeddingDropout());
        json.put("tied_weights", c.tiedWeights());
        json.put("head", c.head().toJson());
        json.put("initial_state", c.initialState().id());
        return json;
    }

    static ModelConfig model(Map<String, Object> json) {
        Cell cell = Cells.of((String) json.get("cell"));
        int hidden = number(json, "hidden_size").intValue();
        Map<String, Integer> settings = new LinkedHashMap<>();
        for (String name : cell.settings(hidden).keySet()) {
            if (json.containsKey(name)) {
                settings.put(name, number(json, name).intValue());
            }
        }
        float dropout = json.containsKey("dropout") ? f(json, "dropout") : 0f;
        // before embedding_dropout was recorded, the one rate applied to the embedding as well
        float embeddingDropout = json.containsKey("embedding_dropout") ? f(json, "embedding_dropout") : dropout;
        return new ModelConfig(cell.with(settings), number(json, "vocabulary_size").intValue(),
                number(json, "embedding_size").intValue(), hidden, number(json, "layers").intValue(), dropout, embeddingDropout,
                Boolean.TRUE.equals(json.get("tied_weights")), Heads.fromJson(object(json.get("head"))),
                json.containsKey("initial_state") ? InitialState.fromId((String) json.get("initial_state")) : InitialState.ZERO);
    }

    static Map<String, Object> trainingJson(TrainConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("batching", c.batching().id());
        json.put("batch_size", c.batchSize());
        json.put("seq_length", c.seqLength());
        json.put("epochs", c.epochs());
        json.put("max_steps", c.maxSteps());
        json.put("minutes", c.minutes());
        json.put("patience", c.patience());
        OptimizerConfig o = c.optimizer();
        json.put("optimizer", o.kind().id());
        json.put("momentum", (double) o.momentum());
        json.put("alpha", (double) o.alpha());
        json.put("beta1", (double) o.beta1());
        json.put("beta2", (double) o.beta2());
        json.put("epsilon", (double) o.epsilon());
        json.put("weight_decay", (double) o.weightDecay());
        json.put("learning_rate", (double) c.learningRate());
        json.put("schedule", c.schedule().kind().id());
        json.put("decay_factor", (double) c.schedule().factor());
        json.put("decay_after", c.schedule().afterEpoch());
        json.put("schedule_patience", c.schedule().patience());
        json.put("grad_clip", (double) c.gradClip());
        json.put("clip_value", (double) c.clipValue());
        json.put("eval_every", c.evalEvery());
        json.put("sample_every", c.sampleEvery());
        json.put("log_every", c.logEvery());
        json.put("init", c.initialization().scheme().name().toLowerCase());
        json.put("init_scale", (double) c.initialization().scale());
        json.put("forget_bias", (double) c.initialization().forgetBias());
        json.put("zero_decoder", c.initialization().zeroDecoder());
        json.put("seed", c.seed());
        json.put("validation_tokens", c.validationTokens());
        return json;
    }

    static TrainConfig training(Map<String, Object> j) {
        var optimizer = new OptimizerConfig(OptimizerKind.fromId((String) j.get("optimizer")), f(j, "momentum"), f(j, "alpha"),
                f(j, "beta1"), f(j, "beta2"), f(j, "epsilon"), f(j, "weight_decay"));
        var schedule = new ScheduleConfig(ScheduleKind.fromId((String) j.get("schedule")), f(j, "decay_factor"),
                number(j, "decay_after").intValue(), number(j, "schedule_patience").intValue());
        var init = new Initialization(InitScheme.valueOf(((String) j.get("init")).toUpperCase()), f(j, "init_scale"),
                f(j, "forget_bias"), (Boolean) j.get("zero_decoder"));
        Batching batching = j.containsKey("batching") ? Batching.fromId((String) j.get("batching")) : Batching.STREAM;
        return new TrainConfig(batching, number(j, "batch_size").intValue(), number(j, "seq_length").intValue(),
                number(j, "epochs").intValue(), number(j, "max_steps").longValue(), number(j, "minutes").doubleValue(),
                number(j, "patience").intValue(), optimizer, f(j, "learning_rate"), schedule, f(j, "grad_clip"),
                f(j, "clip_value"), number(j, "eval_every").intValue(), number(j, "sample_every").intValue(),
                number(j, "log_every").intValue(), init, number(j, "seed").longValue(),
                j.containsKey("validation_tokens") ? number(j, "validation_tokens").longValue() : 0);
    }

    static Map<String, Object> stateJson(TrainingState s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epoch", s.epoch());
        json.put("window", s.window());
        json.put("step", s.step());
        json.put("tokens", s.tokens());
        json.put("seconds", s.seconds());
        json.put("smooth_loss", s.smoothLoss());
        json.put("best_validation_loss", finiteOrNull(s.bestValidationLoss()));
        json.put("stale_evaluations", s.staleEvaluations());
        json.put("best_saved_loss", finiteOrNull(s.bestSavedLoss()));
        json.put("rng_state", s.rngState());
        double[] lr = s.learningRate();
        json.put("learning_rate", Arrays.asList(lr[0], finiteOrNull(lr[1]), lr[2]));
        json.put("validation_pending", s.validationPending());
        return json;
    }

    static TrainingState state(Map<String, Object> j) {
        List<?> lr = (List<?>) j.get("learning_rate");
        double[] learningRate = {((Number) lr.get(0)).doubleValue(), infinityIfNull(lr.get(1)), ((Number) lr.get(2)).doubleValue()};
        double bestValidationLoss = infinityIfNull(j.get("best_validation_loss"));
        double bestSavedLoss = j.containsKey("best_saved_loss") ? infinityIfNull(j.get("best_saved_loss")) : bestValidationLoss;
        return new TrainingState(number(j, "epoch").intValue(), number(j, "window").intValue(), number(j, "step").longValue(),
                number(j, "tokens").longValue(), number(j, "seconds").doubleValue(), number(j, "smooth_loss").doubleValue(),
                bestValidationLoss, number(j, "stale_evaluations").intValue(), bestSavedLoss,
                number(j, "rng_state").longValue(), learningRate, Boolean.TRUE.equals(j.get("validation_pending")));
    }

    private static Object finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double infinityIfNull(Object value) {
        return value == null ? Double.POSITIVE_INFINITY : ((Number) value).doubleValue();
    }

    /** A JSON object as a map, null for null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (value != null && !(value instanceof Map)) {
            throw new IllegalArgumentException("\"head\" is not an object");
        }
        return (Map<String, Object>) value;
    }

    /** A JSON array of strings. */
    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        for (Object item : (List<?>) value) {
            strings.add((String) item);
        }
        return strings;
    }

    private static float f(Map<String, Object> json, String key) {
        return number(json, key).floatValue();
    }

    private static Number number(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a number");
        }
        return number;
    }

    private static int parseInt(Path file, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " has no valid format_version in its metadata; it is damaged or not an rnn4j checkpoint");
        }
    }
}
