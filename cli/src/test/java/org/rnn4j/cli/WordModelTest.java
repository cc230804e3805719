package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;

/**
 * Word models through the real command line: lines of tiny-shakespeare in stream mode with tied weights,
 * Shakespeare's sonnets in sentence mode with OpenNLP; sampling sentences, scoring, resuming, and the bad inputs.
 */
class WordModelTest {

    private static final String[] SMALL = {"--level", "word", "--wordvec-size", "32", "--rnn-size", "32", "--seed", "3"};

    @TempDir
    static Path temp;

    private static Path plays;
    private static Path streamRun;
    private static String streamOut;

    @BeforeAll
    static void train() throws IOException {
        plays = temp.resolve("plays.txt");
        Files.write(plays, TrainCommand.bundledCorpus().lines().limit(600).toList());
        streamRun = temp.resolve("stream");
        streamOut = train(plays, streamRun, "--tokenizer", "whitespace", "--vocab-size", "300", "--tie-weights", "--max-steps", "40").ok().out();
    }

    private static Cli.Result train(Path text, Path out, String... extra) {
        String[] args = new String[SMALL.length + extra.length];
        System.arraycopy(SMALL, 0, args, 0, SMALL.length);
        System.arraycopy(extra, 0, args, SMALL.length, extra.length);
        return Cli.trainTiny(text, out, args);
    }

    @Test
    void theCheckpointHoldsTheWordVocabularyAndTokenizer() {
        Checkpoint checkpoint = Checkpoint.load(streamRun.resolve("checkpoint.safetensors"));
        assertTrue(checkpoint.words());
        assertEquals(Map.of("level", "word", "mode", "whitespace", "lowercase", false), checkpoint.tokenizer());
        assertEquals(303, checkpoint.vocabulary().size());
        assertEquals(List.of(Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END),
                checkpoint.vocabulary().tokens().subList(0, 3));
        assertTrue(checkpoint.model().tiedWeights());
        assertFalse(checkpoint.tensors().containsKey("decoder.weight"), "a tied decoder has no weight of its own");
        assertTrue(streamOut.contains("unknown words are"), streamOut);
        assertTrue(streamOut.contains("bits/word"), streamOut);
    }

    @Test
    void samplesAreSentencesWithoutUnknownWordsAndOfTheMinimumLength() {
        String out = Cli.run("sample", "--checkpoint", streamRun.resolve("checkpoint.safetensors").toString(), "--count", "20",
                "--min-length", "4", "--length", "30", "--seed", "5").ok().out();
        List<String> sentences = out.lines().toList();
        assertEquals(20, sentences.size(), out);
        for (String sentence : sentences) {
            assertFalse(sentence.contains("<unk>") || sentence.contains("<s>") || sentence.contains("</s>"), sentence);
            assertTrue(sentence.split(" ").length >= 3, "at least 4 words (a clitic may attach): " + sentence);
        }
        String primed = Cli.run("sample", "--checkpoint", streamRun.resolve("checkpoint.safetensors").toString(),
                "--prime", "First Citizen:", "--seed", "5").ok().out();
        assertTrue(primed.startsWith("First Citizen: "), primed);
    }

    @Test
    void evalScoresWordsWithTheSavedTokenizer() {
        String out = Cli.run("eval", "--checkpoint", streamRun.resolve("checkpoint.safetensors").toString(), "--text", plays.toString())
                .ok().out();
        assertTrue(out.contains("nats/word"), out);
        double perplexity = Double.parseDouble(out.lines().filter(l -> l.startsWith("perplexity ")).findFirst().orElseThrow().substring(11));
        assertTrue(perplexity > 1 && perplexity < 303, out);
    }

    @Test
    void sentenceModeTrainsOnOpenNlpSentencesAndResumesExactly() {
        String[] options = {"--mode", "sentence", "--lowercase", "--seq-length", "140", "--vocab-size", "300", "--dropout", "0.2",
                "--log-every", "1"};
        Path whole = temp.resolve("sentences-whole");
        Path split = temp.resolve("sentences-split");
        train(Cli.sonnets(), whole, concat(options, "--max-steps", "30")).ok();
        train(Cli.sonnets(), split, concat(options, "--max-steps", "15")).ok();
        Cli.run("train", "--resume", split.resolve("checkpoint.safetensors").toString(), "--text", Cli.sonnets().toString(),
                "--max-steps", "30", "--threads", "1").ok();
        Map<String, int[]> expected = Cli.floatBits(whole.resolve("checkpoint.safetensors"));
        Map<String, int[]> actual = Cli.floatBits(split.resolve("checkpoint.safetensors"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), "bits of " + name);
        }
        List<Double> losses = Cli.metrics(whole).stream().filter(m -> m.containsKey("train_loss"))
                .map(m -> ((Number) m.get("train_loss")).doubleValue()).toList();
        assertTrue(losses.getLast() < losses.getFirst(), "training loss decreases: " + losses);
        Checkpoint checkpoint = Checkpoint.load(whole.resolve("checkpoint.safetensors"));
        assertEquals(Map.of("level", "word", "mode", "opennlp", "lowercase", true), checkpoint.tokenizer());
        String scored = Cli.run("eval", "--checkpoint", whole.resolve("checkpoint.safetensors").toString(), "--text", Cli.sonnets().toString())
                .ok().out();
        assertTrue(scored.contains("nats/word"), scored);
        String sampled = Cli.run("sample", "--checkpoint", whole.resolve("checkpoint.safetensors").toString(), "--count", "3").ok().out();
        assertEquals(3, sampled.lines().count(), sampled);
    }

    @Test
    void primeWordsOutsideTheVocabularyAreNamedOnStderr() {
        Cli.Result result = Cli.run("sample", "--checkpoint", streamRun.resolve("checkpoint.safetensors").toString(),
                "--prime", "the zyzzyva and xyzzy zyzzyva", "--seed", "5").ok();
        assertTrue(result.out().startsWith("the zyzzyva and xyzzy zyzzyva "), result.out());
        assertEquals(List.of("note: the model reads the prime's words 'zyzzyva', 'xyzzy' as <unk>: it never saw them in training"),
                result.errLines());
        assertEquals("", Cli.run("sample", "--checkpoint", streamRun.resolve("checkpoint.safetensors").toString(),
                "--prime", "the and", "--seed", "5").ok().err());
    }

    @Test
    void aVocabularyCapAboveTheDistinctWordsKeepsThemAllAndSaysSo() {
        String out = train(plays, temp.resolve("cap"), "--tokenizer", "whitespace", "--vocab-size", "100000", "--max-steps", "1").ok().out();
        assertTrue(out.contains("fewer than --vocab-size 100,000; the vocabulary holds them all"), out);
    }

    @Test
    void badWordInputsGetOneLineAndLeaveNothingBehind() throws IOException {
        Path russian = temp.resolve("russian.txt");
        Files.writeString(russian, "Мороз и солнце; день чудесный! Еще ты дремлешь, друг прелестный.\n".repeat(50), StandardCharsets.UTF_8);
        Path unbroken = temp.resolve("unbroken.txt");
        Files.writeString(unbroken, "and the road went on and on ".repeat(400), StandardCharsets.UTF_8);
        Map<String[], String> cases = Map.of(
                new String[] {"--level", "word", "--text", plays.toString(), "--tie-weights", "--wordvec-size", "16"}, "must equal the hidden size",
                new String[] {"--text", plays.toString(), "--mode", "sentence"}, "needs a word model",
                concat(SMALL, "--text", plays.toString(), "--tokenizer", "whitespace", "--mode", "sentence", "--seq-length", "10"), "raise --seq-length to",
                concat(SMALL, "--text", russian.toString()), "Latin",
                concat(SMALL, "--text", unbroken.toString()), "no sentence end",
                new String[] {"--text", plays.toString(), "--preset", "ptb-huge"}, "unknown preset",
                new String[] {"--text", plays.toString(), "--level", "words"}, "choose char or word");
        int i = 0;
        for (Map.Entry<String[], String> bad : cases.entrySet()) {
            Path out = temp.resolve("bad" + i++);
            String[] args = concat(new String[] {"train", "--out", out.toString(), "--threads", "1", "--max-steps", "2"}, bad.getKey());
            Cli.Result result = Cli.run(args);
            assertEquals(2, result.exitCode(), String.join(" ", args) + "\n" + result.err());
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.err().contains(bad.getValue()), result.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
