package org.rnn4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.cli.ResumedRun.NewText;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitScheme;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.nlp.Casing;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.nlp.TokenizerMode;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusFile;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.CorpusTraining;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code rnn4j train}: trains a character or word language model; with no options, on the bundled tiny-shakespeare. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a character- or word-level language model (default: a character LSTM on the bundled tiny-shakespeare).",
        footer = {"", "With --resume, the run's settings, text and split come from the checkpoint. Only these may be given anew: "
                + ResumedRun.MAY_CHANGE_HELP + "; any other option must agree with the checkpoint. --text and --valid-text default to "
                + "the recorded texts; another text needs --allow-new-text."})
final class TrainCommand implements Runnable {

    static final String BUNDLED_CORPUS = "tinyshakespeare.txt";
    /** A word model's usual embedding; a character model's is as wide as its state, and its projection is looked up. */
    private static final int WORD_EMBEDDING_SIZE = 64;

    @Option(names = "--text", paramLabel = "FILE", description = "UTF-8 text file, or folder of .txt files (default: bundled tiny-shakespeare)")
    Path text;

    @Option(names = "--valid-text", paramLabel = "FILE", description = "Validate on this text; then all of --text trains")
    Path validText;

    @Option(names = "--preset", paramLabel = "NAME", description = "ptb-small or ptb-medium: the Penn Treebank LSTMs of Zaremba et al. (2014); options given here override it")
    String preset;

    @Option(names = "--level", description = "char or word tokens (default: ${DEFAULT-VALUE})", defaultValue = "char")
    String level;

    @Option(names = "--vocab-size", description = "Word models: keep the N most frequent words, the rest become <unk> (default: ${DEFAULT-VALUE})", defaultValue = "10000")
    int vocabSize;

    @Option(names = "--tokenizer", description = "Word models: opennlp (English as written) or whitespace (one tokenized sentence per line) (default: ${DEFAULT-VALUE})", defaultValue = "opennlp")
    String tokenizer;

    @Option(names = "--lowercase", description = "Word models: lower-case every word")
    boolean lowercase;

    @Option(names = "--mode", description = "stream (sentences joined, truncated BPTT) or sentence (one padded sentence per row; word models) (default: ${DEFAULT-VALUE})", defaultValue = "stream")
    String mode;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder for checkpoints, metrics and plot (default: runs/<cell>-<time>)")
    Path out;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the run saved in this checkpoint exactly")
    Path resume;

    @Option(names = "--allow-new-text", description = "With --resume: continue on another text (fine-tuning); the data position and the best validation loss start afresh")
    boolean allowNewText;

    @Option(names = "--cell", completionCandidates = Cells.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", defaultValue = "lstm")
    String cell;

    @Option(names = "--rnn-size", description = "Hidden units per layer (default: ${DEFAULT-VALUE})", defaultValue = "512")
    int rnnSize;

    @Option(names = "--factors", paramLabel = "F", description = "Factors of the multiplicative RNN (--cell mrnn), the size of"
            + " m = (W_mx x)⊙(W_mh h) (default: the --rnn-size)")
    Integer factors;

    @Option(names = "--num-layers", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int numLayers;

    @Option(names = "--wordvec-size", description = "Embedding size; 0 feeds one-hot vectors (default: the --rnn-size for character "
            + "models, " + WORD_EMBEDDING_SIZE + " for word models except with mut1 and mut2, which need their input as wide as their state)")
    Integer wordvecSize;

    @Option(names = "--dropout", description = "Dropout on each layer's output: between layers and before the output layer "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "0.25")
    float dropout;

    @Option(names = "--embedding-dropout", description = "Dropout on the embedding, the first layer's input (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    float embeddingDropout;

    @Option(names = "--tie-weights", description = "Use the embedding as the output layer's weight (needs --wordvec-size = --rnn-size)")
    boolean tieWeights;

    @Option(names = "--learn-initial-state", description = "Learn each layer's initial h (and c) instead of starting from zero: "
            + "every epoch, evaluation and sample starts there")
    boolean learnInitialState;

    @Option(names = "--batch-size", description = "Parallel streams B (default: ${DEFAULT-VALUE})", defaultValue = "32")
    int batchSize;

    @Option(names = "--seq-length", description = "Window length T for truncated BPTT (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int seqLength;

    @Option(names = "--epochs", description = "Passes over the training split (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int epochs;

    @Option(names = "--max-steps", description = "Stop once the run has made this many updates in all, counting those before a --resume;"
            + " 0 = no limit (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long maxSteps;

    @Option(names = "--minutes", description = "Stop after this much time; 0 = no limit (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double minutes;

    @Option(names = "--patience", description = "Early stopping: evaluations without improvement; 0 = off (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int patience;

    @Option(names = "--optimizer", description = "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw (default: ${DEFAULT-VALUE})", defaultValue = "adam")
    String optimizer;

    @Option(names = "--learning-rate", description = "Initial learning rate (default: ${DEFAULT-VALUE})", defaultValue = "0.002")
    float learningRate;

    @Option(names = "--momentum", description = "Momentum for momentum/nesterov (default: ${DEFAULT-VALUE})", defaultValue = "0.9")
    float momentum;

    @Option(names = "--decay-rate", description = "RMSProp squared-gradient decay (default: ${DEFAULT-VALUE})", defaultValue = "0.95")
    float decayRate;

    @Option(names = "--beta1", description = "Adam β1 (default: ${DEFAULT-VALUE})", defaultValue = "0.9")
    float beta1;

    @Option(names = "--beta2", description = "Adam β2 (default: ${DEFAULT-VALUE})", defaultValue = "0.999")
    float beta2;

    @Option(names = "--weight-decay", description = "L2 (decoupled for adamw) weight decay (default: ${DEFAULT-VALUE})", defaultValue = "0")
    float weightDecay;

    @Option(names = "--lr-schedule", description = "constant, epoch (decay each epoch), rise (halve when validation loss rises), plateau (default: ${DEFAULT-VALUE})", defaultValue = "epoch")
    String lrSchedule;

    @Option(names = "--lr-decay", description = "Factor the schedule multiplies by (default: ${DEFAULT-VALUE})", defaultValue = "0.95")
    float lrDecay;

    @Option(names = "--lr-decay-after", description = "First epoch after which the epoch schedule decays (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int lrDecayAfter;

    @Option(names = "--lr-patience", description = "Evaluations without improvement before the plateau schedule decays (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int lrPatience;

    @Option(names = "--grad-clip", description = "Clip the global gradient norm; 0 = off (default: ${DEFAULT-VALUE})", defaultValue = "5")
    float gradClip;

    @Option(names = "--clip-value", description = "Clip each gradient to [-c, c]; 0 = off (default: ${DEFAULT-VALUE})", defaultValue = "0")
    float clipValue;

    @Option(names = "--init", description = "pytorch, uniform or gaussian (default: ${DEFAULT-VALUE})", defaultValue = "pytorch")
    String init;

    @Option(names = "--init-scale", description = "Range of uniform / σ of gaussian init (default: ${DEFAULT-VALUE})", defaultValue = "0.08")
    float initScale;

    @Option(names = "--forget-bias", description = "LSTM forget-gate bias at start; 0 = scheme's (default: ${DEFAULT-VALUE})", defaultValue = "1")
    float forgetBias;

    @Option(names = "--zero-decoder", description = "Start the output layer at zero")
    boolean zeroDecoder;

    @Option(names = "--train-frac", description = "Fraction of the text used for training (default: ${DEFAULT-VALUE})", defaultValue = "0.9")
    double trainFrac;

    @Option(names = "--val-frac", description = "Fraction used for validation; the rest is test (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double valFrac;

    @Option(names = "--eval-every", description = "Steps between validations and checkpoints (default: ${DEFAULT-VALUE})", defaultValue = "200")
    int evalEvery;

    @Option(names = "--val-tokens", paramLabel = "N", description = "Validation scores the first N positions of the validation split, "
            + "the same each time; 0 = all of it (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
    long valTokens;

    @Option(names = "--sample-every", description = "Steps between printed samples; 0 = never (default: ${DEFAULT-VALUE})", defaultValue = "200")
    int sampleEvery;

    @Option(names = "--keep-samples", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep each sample in the run folder, in samples.txt and samples.html (default: on)")
    boolean keepSamples;

    @Option(names = "--log-every", description = "Steps between lines of the metrics log (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int logEvery;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Mixin
    Threads threads;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        threads.apply();
        ParseResult given = spec.commandLine().getParseResult();
        if (allowNewText && resume == null) {
            throw new InvalidInputException("--allow-new-text applies to --resume; drop it, or give the checkpoint to resume");
        }
        NewText newText = allowNewText ? NewText.ALLOWED : NewText.REFUSED;
        Checkpoint checkpoint = resume == null ? null : ResumedRun.load(resume, given, newText);
        if (checkpoint != null && factors != null) {
            CellOptions.requireFactors(checkpoint.model().cell(), checkpoint.model().hiddenSize());
        }
        NamedText corpusText = text != null ? NamedText.read(text)
                : checkpoint != null ? ResumedRun.recordedText(checkpoint) : NamedText.bundled();
        NamedText validation = validText != null ? NamedText.read(validText)
                : checkpoint != null ? ResumedRun.recordedValidationText(checkpoint) : null;
        if (checkpoint != null) { // every refusal of a resume comes before the corpus, which may print notes
            boolean onNewText = ResumedRun.isNewText(checkpoint, corpusText, validation, newText);
            checkpoint = checkpoint.resumedWith(resumed(checkpoint.training(), given));
            if (onNewText) {
                checkpoint = checkpoint.onNewText();
            }
            ResumedRun.requireWorkLeft(checkpoint);
            if (checkpoint.source() == null) {
                requireUncheckableText(checkpoint, corpusText);
            }
        }
        TrainConfig trainConfig = checkpoint != null ? checkpoint.training() : trainConfig();
        boolean words = checkpoint != null ? checkpoint.words() : level(level);
        if (trainConfig.batching() == Batching.SENTENCES && !words) {
            throw new InvalidInputException("--mode sentence needs a word model (--level word): characters have no sentences to pad");
        }
        if (checkpoint == null) {
            // refuses bad model options before the corpus is read; a vocabulary as wide as the state passes the one
            // check that depends on it (one-hot input into mut1 or mut2), which the real vocabulary meets or fails later
            modelConfig(Math.max(2, rnnSize));
        }
        Path folder = out != null ? out : checkpoint != null ? resume.toAbsolutePath().getParent() : defaultFolder();
        try (RunFolder.Lock lock = RunFolder.prepare(folder, checkpoint != null)) {
            Prepared run;
            try {
                run = prepare(corpusText, validation, checkpoint, given, words, trainConfig, folder);
            } catch (RuntimeException | OutOfMemoryError refused) {
                lock.discardNewFiles(); // a refused run leaves the folder as it found it
                throw refused;
            }
            try (CorpusFile _ = run.corpus()) { // once every option and the corpus are accepted
                TrainingRun.runLocked(run.trainer(), folder, reason -> run.reporter().printSummary(run.trainer(), reason));
            }
        }
    }

    /** A run ready to train: its corpus, mapped until it is closed, its trainer and what reports its progress. */
    private record Prepared(CorpusFile corpus, Trainer trainer, ProgressReporter reporter) {
    }

    /** The corpus (in {@code folder}'s token file), the model (new, or the checkpoint's) and the trainer; throws when any is refused. */
    private Prepared prepare(NamedText corpusText, NamedText validation, Checkpoint checkpoint, ParseResult given, boolean words,
                             TrainConfig trainConfig, Path folder) {
        CorpusFile corpusFile = corpus(corpusText, validation, checkpoint, given, words, folder);
        try {
            Corpus corpus = corpusFile.corpus();
            ModelConfig modelConfig = checkpoint != null ? checkpoint.model() : modelConfig(corpus.vocabulary().size());
            HeapCheck.require(Trainer.memory(modelConfig, trainConfig, CorpusTraining.validationLength(corpus, trainConfig)),
                    "for training", HeapCheck.SMALLER_MODEL);
            SequenceModel model = new SequenceModel(modelConfig, KernelProvider.kernels());
            if (checkpoint != null) {
                checkpoint.loadInto(model);
            } else {
                Initializer.initialize(model, trainConfig.initialization(), new Rng(trainConfig.seed()).split());
            }
            ProgressReporter reporter = new ProgressReporter(modelConfig, corpusFile, trainConfig, folder,
                    keepSamples ? new SampleGallery(folder) : null);
            return new Prepared(corpusFile, new Trainer(model, new CorpusTraining(corpus), trainConfig, folder, reporter, checkpoint),
                    reporter);
        } catch (RuntimeException | OutOfMemoryError refused) {
            corpusFile.close();
            throw refused;
        }
    }

    private ModelConfig modelConfig(int vocabularySize) {
        Cell chosen = CellOptions.withFactors(Cells.of(cell), factors, rnnSize);
        int embedding = CellOptions.embedding(chosen, wordvecSize, level(level) ? WORD_EMBEDDING_SIZE : rnnSize, rnnSize);
        if (tieWeights && embedding == 0) {
            throw new InvalidInputException("--tie-weights needs an embedding: set --wordvec-size to the --rnn-size (" + rnnSize + ")");
        }
        if (tieWeights && zeroDecoder) {
            throw new InvalidInputException("--zero-decoder would zero the tied embedding too; drop one of --tie-weights and --zero-decoder");
        }
        CellOptions.requireInput(chosen, embedding, vocabularySize, rnnSize, "--wordvec-size", "--rnn-size");
        return new ModelConfig(chosen, vocabularySize, embedding, rnnSize, numLayers, dropout, tieWeights)
                .withEmbeddingDropout(embeddingDropout)
                .withInitialState(learnInitialState ? InitialState.LEARNED : InitialState.ZERO);
    }

    private TrainConfig trainConfig() {
        var optimizerKind = OptimizerKind.fromId(optimizer);
        var optimizerConfig = new OptimizerConfig(optimizerKind, momentum, decayRate, beta1, beta2, 1e-8f,
                optimizerKind == OptimizerKind.ADAMW && weightDecay == 0f ? 0.01f : weightDecay);
        var schedule = new ScheduleConfig(ScheduleKind.fromId(lrSchedule), lrDecay, lrDecayAfter, lrPatience);
        var initialization = new Initialization(InitScheme.valueOf(init.toUpperCase()), initScale, forgetBias, zeroDecoder);
        return new TrainConfig(Batching.fromId(mode), batchSize, seqLength, epochs, maxSteps, minutes, patience, optimizerConfig,
                learningRate, schedule, gradClip, clipValue, evalEvery, sampleEvery, logEvery, initialization, seed, valTokens);
    }

    /** A resumed run keeps its settings; the limits, cadences and learning rate given on this command line replace the saved ones. */
    private TrainConfig resumed(TrainConfig saved, ParseResult given) {
        return new TrainConfig(saved.batching(), saved.batchSize(), saved.seqLength(),
                given.hasMatchedOption("--epochs") ? epochs : saved.epochs(),
                given.hasMatchedOption("--max-steps") ? maxSteps : saved.maxSteps(),
                given.hasMatchedOption("--minutes") ? minutes : saved.minutes(),
                given.hasMatchedOption("--patience") ? patience : saved.patience(), saved.optimizer(),
                given.hasMatchedOption("--learning-rate") ? learningRate : saved.learningRate(), saved.schedule(),
                saved.gradClip(), saved.clipValue(),
                given.hasMatchedOption("--eval-every") ? evalEvery : saved.evalEvery(),
                given.hasMatchedOption("--sample-every") ? sampleEvery : saved.sampleEvery(),
                given.hasMatchedOption("--log-every") ? logEvery : saved.logEvery(), saved.initialization(), saved.seed(),
                saved.validationTokens());
    }

    /**
     * The text as characters or words, split by the options or, when resuming, as the checkpoint records
     * (the fractions given anew apply to a new text only), encoded with the checkpoint's vocabulary, in the
     * token file of {@code folder}. A stop (Ctrl-C, SIGTERM) while it is written deletes what it left.
     */
    private CorpusFile corpus(NamedText corpusText, NamedText validation, Checkpoint checkpoint, ParseResult given, boolean words,
                              Path folder) {
        Vocabulary vocabulary = checkpoint == null ? null : checkpoint.vocabulary();
        CorpusSource recorded = checkpoint == null ? null : checkpoint.source();
        double trainFraction = recorded != null && !given.hasMatchedOption("--train-frac") ? recorded.trainFraction() : trainFrac;
        double validationFraction = recorded != null && !given.hasMatchedOption("--val-frac") ? recorded.validationFraction() : valFrac;
        Thread cleanUp = new Thread(() -> AtomicFiles.removeLeftovers(folder), "rnn4j-tokenizing-stopped");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            if (!words) {
                return TrainingText.characters(folder, corpusText, validation, vocabulary, trainFraction, validationFraction);
            }
            Tokenization tokenization = checkpoint != null ? Tokenization.fromJson(checkpoint.tokenizer())
                    : new Tokenization(TokenizerMode.fromId(tokenizer), lowercase ? Casing.LOWERCASE : Casing.AS_WRITTEN);
            int vocabularyLimit = recorded != null ? recorded.vocabularyLimit() : vocabSize;
            return TrainingText.words(folder, corpusText, validation, tokenization, vocabulary, vocabularyLimit, trainFraction,
                    validationFraction, System.out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM exits once it has deleted the unfinished files
            }
        }
    }

    /**
     * A checkpoint written before texts were recorded cannot tell its text: without --text, the bundled
     * corpus must at least fit its vocabulary; with one, the user is reminded that it must be the same text.
     */
    private void requireUncheckableText(Checkpoint checkpoint, NamedText corpusText) {
        if (text == null && !checkpoint.vocabulary().tokens().equals(Vocabulary.ofCodePoints(corpusText.source()).tokens())) {
            throw new InvalidInputException(resume + " was trained on another text than the bundled tiny-shakespeare;"
                    + " resume with --text and the text it was trained on");
        }
        System.out.println("note: " + resume + " does not record its text (an older rnn4j wrote it); "
                + "resuming on " + corpusText.fingerprint().source() + " as the text it was trained on");
    }

    /** True for word, false for char; refuses anything else. */
    private static boolean level(String level) {
        return switch (level) {
            case "word" -> true;
            case "char" -> false;
            default -> throw new InvalidInputException("unknown --level '" + level + "': choose char or word");
        };
    }

    private Path defaultFolder() {
        return TrainingRun.defaultFolder(cell);
    }

    static String bundledCorpus() {
        return new String(bundledBytes(), StandardCharsets.UTF_8);
    }

    /** The bundled corpus's UTF-8 bytes. */
    static byte[] bundledBytes() {
        try (InputStream in = TrainCommand.class.getResourceAsStream(BUNDLED_CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("the bundled corpus " + BUNDLED_CORPUS + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled corpus", e);
        }
    }
}
