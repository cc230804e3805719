package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusFile;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.TextFingerprint;
import org.rnn4j.text.TextSource;
import org.rnn4j.text.Vocabulary;

/**
 * Training on a corpus read from its mapped token file is training on the same corpus in memory, bit for
 * bit, in stream and in sentence batches; and a run stopped and resumed on the token file (read again, not
 * rewritten) ends where the uninterrupted in-memory run ends.
 */
class MappedCorpusTrainingTest {

    private static final String TEXT = """
            Shall I compare thee to a summer's day?
            Thou art more lovely and more temperate:
            Rough winds do shake the darling buds of May,
            And summer's lease hath all too short a date;
            Sometime too hot the eye of heaven shines,
            And often is his gold complexion dimm'd;
            """.repeat(4);

    @TempDir
    Path temp;

    @Test
    void charactersTrainTheSameFromTheFileAsFromMemory() {
        Corpus memory = Corpus.ofCharacters(TEXT, "the sonnet", Vocabulary.ofCodePoints(TEXT), 0.85, 0.15);
        Corpus mapped = mappedCharacters(temp);
        Run fromMemory = train(memory, config(Batching.STREAM, 30), null, null);
        Run fromFile = train(mapped, config(Batching.STREAM, 30), null, null);
        assertEquals(fromMemory.losses(), fromFile.losses());
        assertEquals(fromMemory.validationLosses(), fromFile.validationLosses());
        assertTrue(fromFile.validationLosses().size() >= 5, fromFile.validationLosses().toString());
        assertArrayEquals(fromMemory.model().parameters().values(), fromFile.model().parameters().values());
    }

    @Test
    void sentencesTrainTheSameFromTheFileAsFromMemory() {
        List<List<String>> sentences = TEXT.lines().map(line -> Arrays.asList(line.split(" "))).toList();
        Map<String, Object> tokenizer = Map.of("level", "word", "mode", "whitespace", "lowercase", false);
        CorpusSource source = new CorpusSource(TextFingerprint.of(TEXT, "the sonnet"), null, 0.75, 0.25, 30);
        List<List<List<String>>> splits = Corpus.split(sentences, 0.75, 0.25);
        Vocabulary vocabulary = Vocabulary.ofWords(splits.get(0), 30);
        Corpus memory = Corpus.ofSentences(vocabulary, tokenizer, splits.get(0), splits.get(1), splits.get(2), source);
        Corpus mapped = CorpusFile.words(temp, sentences::forEach, null, tokenizer, source, null).corpus();
        Run fromMemory = train(memory, config(Batching.SENTENCES, 20), null, null);
        Run fromFile = train(mapped, config(Batching.SENTENCES, 20), null, null);
        assertEquals(fromMemory.losses(), fromFile.losses());
        assertEquals(fromMemory.validationLosses(), fromFile.validationLosses());
        assertArrayEquals(fromMemory.model().parameters().values(), fromFile.model().parameters().values());
    }

    @Test
    void aRunResumedOnTheTokenFileEndsAsTheUninterruptedRunInMemory() throws Exception {
        Corpus memory = Corpus.ofCharacters(TEXT, "the sonnet", Vocabulary.ofCodePoints(TEXT), 0.85, 0.15);
        Run whole = train(memory, config(Batching.STREAM, 24), null, null);

        Path run = Files.createDirectory(temp.resolve("run"));
        train(mappedCharacters(run), config(Batching.STREAM, 12), run, null);
        Checkpoint checkpoint = Checkpoint.load(run.resolve(Trainer.LATEST));
        CorpusFile again = CorpusFile.reuse(run, checkpoint.source(), checkpoint.tokenizer(), checkpoint.vocabulary()).orElseThrow();
        assertTrue(again.reused());
        Run resumed = train(again.corpus(), config(Batching.STREAM, 24), run, checkpoint);

        assertEquals(whole.losses().subList(12, 24), resumed.losses());
        assertArrayEquals(whole.model().parameters().values(), resumed.model().parameters().values());
    }

    private static Corpus mappedCharacters(Path folder) {
        TextSource text = TextSource.of(TEXT.getBytes(StandardCharsets.UTF_8), Path.of("sonnet.txt"));
        CorpusSource source = new CorpusSource(text.fingerprint("the sonnet"), null, 0.85, 0.15, 0);
        return CorpusFile.characters(folder, text, null, source, Vocabulary.ofCodePoints(text)).corpus();
    }

    private record Run(SequenceModel model, List<Double> losses, List<Double> validationLosses) {
    }

    private static Run train(Corpus corpus, TrainConfig config, Path folder, Checkpoint resume) {
        ModelConfig modelConfig = new ModelConfig(Cells.of("lstm"), corpus.vocabulary().size(), 8, 16, 2, 0.1f);
        SequenceModel model = new SequenceModel(modelConfig, KernelProvider.kernels());
        Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        if (resume != null) {
            resume.loadInto(model);
        }
        List<Double> losses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        new Trainer(model, new CorpusTraining(corpus), config, folder, new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                losses.add(progress.loss());
            }

            @Override
            public void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
                validationLosses.add(validation.loss());
            }
        }, resume).run();
        return new Run(model, losses, validationLosses);
    }

    private static TrainConfig config(Batching batching, long maxSteps) {
        return new TrainConfig(batching, 4, batching == Batching.SENTENCES ? 12 : 16, 100, maxSteps, 0, 0,
                OptimizerConfig.defaults(OptimizerKind.ADAM), 0.01f, new ScheduleConfig(ScheduleKind.PLATEAU, 0.5f, 1, 1), 5f, 0f,
                5, 0, 1, Initialization.pytorch(), 3, 0);
    }
}
