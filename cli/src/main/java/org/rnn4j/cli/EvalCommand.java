package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.Batching;
import org.rnn4j.data.ScoringStreams;
import org.rnn4j.data.SentenceBatcher;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.text.CodePointFile;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.TextLoader;
import org.rnn4j.text.TokenArray;
import org.rnn4j.text.TokenSequence;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Evaluation;
import org.rnn4j.train.Evaluator;
import org.rnn4j.train.TokenScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j eval}: scores a text with a model: loss, perplexity, bits per character, accuracy. The text is
 * cut into streams scored side by side, each after the first warmed up on the text before its cut; a
 * character model reads a text file as it scores it, so memory does not grow with the text.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a text with a trained model: loss, perplexity, bits per character, accuracy.",
        footer = {"", "The text is cut into --batch-size streams scored together, one matrix product per step for all of them. "
                + "Each stream after the first first reads the --warm-up tokens before its cut without scoring them, so it "
                + "starts scoring with a state close to what reading the whole text gives: on tiny-shakespeare the loss equals, to six decimals, "
                + "that of scoring the text as one stream (--batch-size 1), which is exact and several times slower. "
                + "Character models read a text file as they score it, in constant memory; word models and folders of "
                + ".txt files are read into memory first."})
final class EvalCommand implements Runnable {

    private static final int WINDOW = 100;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint to score with")
    Path checkpoint;

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text file (or folder of .txt files) to score")
    Path text;

    @Option(names = "--per-token", description = "Also print each token's (character's or word's) log-probability (nats), one per line")
    boolean perToken;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Streams scored together; fewer for a short text (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--warm-up", paramLabel = "TOKENS", defaultValue = "500",
            description = "Tokens each stream after the first reads before its cut without scoring them (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        if (batchSize < 1 || warmUp < 0) {
            throw new InvalidInputException("--batch-size must be at least 1 and --warm-up at least 0, got " + batchSize + " and " + warmUp);
        }
        Checkpoint loaded = ModelLoader.load(checkpoint, LanguageModelHead.ID);
        Vocabulary vocabulary = loaded.vocabulary();
        String what = "the text " + text;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        TokenScores printer = (position, token, logProbability) -> out.printf(Locale.ROOT, "%d\t%s\t%.6f%n",
                position, printable(vocabulary.token(token)), logProbability);
        Evaluation result;
        if (!loaded.words() && Files.isRegularFile(text)) {
            try (CodePointFile file = CodePointFile.open(text, vocabulary, what)) {
                result = scoreStreams(loaded, file, printer);
            }
        } else {
            String content = TextLoader.read(text);
            int[] tokens = loaded.words()
                    ? Corpus.encodeSentences(vocabulary, Tokenization.fromJson(loaded.tokenizer()).tokenizer().sentences(content, what))
                    : vocabulary.encodeCodePoints(content, what);
            result = loaded.batching() == Batching.SENTENCES
                    ? scoreSentences(loaded, tokens, printer)
                    : scoreStreams(loaded, TokenArray.of(tokens), printer);
        }
        String unit = loaded.words() ? "word" : "char";
        out.printf(Locale.ROOT, "tokens %d%nloss %.6f nats/%s%nperplexity %.4f%nbp%s %.6f%naccuracy %.4f%n",
                result.tokens(), result.loss(), unit, result.perplexity(), unit.charAt(0), result.bitsPerToken(), result.accuracy());
        out.flush();
    }

    /** Streams side by side; per-token scores go through a temporary file to come out in text order. */
    private Evaluation scoreStreams(Checkpoint loaded, TokenSequence tokens, TokenScores printer) {
        requireTwo(tokens.length());
        ScoringStreams streams = new ScoringStreams(tokens, batchSize, WINDOW, warmUp);
        Evaluator evaluator = new Evaluator(ModelLoader.load(loaded), streams, null);
        if (!perToken) {
            return evaluator.evaluate();
        }
        try (TextOrderScores ordered = new TextOrderScores(streams)) {
            Evaluation result = evaluator.evaluate(ordered);
            ordered.replay(printer);
            return result;
        }
    }

    /** A word model trained on sentences scores one sentence at a time from {@code <s>}, in text order. */
    private Evaluation scoreSentences(Checkpoint loaded, int[] tokens, TokenScores printer) {
        requireTwo(tokens.length);
        Vocabulary vocabulary = loaded.vocabulary();
        TokenArray ids = TokenArray.of(tokens);
        Evaluator evaluator = new Evaluator(ModelLoader.load(loaded), Batching.SENTENCES.batches(ids, vocabulary, 1,
                SentenceBatcher.longestSentence(ids, vocabulary.id(Vocabulary.SENTENCE_END)), 0, "the text " + text), null);
        return perToken ? evaluator.evaluate(printer) : evaluator.evaluate();
    }

    private void requireTwo(long tokens) {
        if (tokens < 2) {
            throw new InvalidInputException(text + " has " + tokens + " token(s); scoring needs at least 2");
        }
    }

    private static String printable(String token) {
        return switch (token) {
            case "\n" -> "\\n";
            case "\t" -> "\\t";
            default -> token;
        };
    }
}
