package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.Batching;
import org.rnn4j.data.SentenceBatcher;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.TextLoader;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Evaluation;
import org.rnn4j.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j eval}: scores a text with a model: loss, perplexity, bits per character, accuracy. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a text with a trained model: loss, perplexity, bits per character, accuracy.")
final class EvalCommand implements Runnable {

    private static final int WINDOW = 100;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint to score with")
    Path checkpoint;

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text file (or folder of .txt files) to score")
    Path text;

    @Option(names = "--per-token", description = "Also print each token's (character's or word's) log-probability (nats), one per line")
    boolean perToken;

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        Checkpoint loaded = Checkpoint.load(checkpoint);
        String content = TextLoader.read(text);
        Vocabulary vocabulary = loaded.vocabulary();
        int[] tokens = loaded.words()
                ? Corpus.encodeSentences(vocabulary, Tokenization.fromJson(loaded.tokenizer()).tokenizer().sentences(content, "the text " + text))
                : vocabulary.encodeCodePoints(content, "the text " + text);
        if (tokens.length < 2) {
            throw new InvalidInputException(text + " has " + tokens.length + " token(s); scoring needs at least 2");
        }
        LanguageModel model = ModelLoader.load(loaded);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Evaluator evaluator = loaded.batching() == Batching.SENTENCES
                ? new Evaluator(model, Batching.SENTENCES.batches(tokens, vocabulary, 1,
                        SentenceBatcher.longestSentence(tokens, vocabulary.id(Vocabulary.SENTENCE_END)), 0, "the text " + text), null)
                : new Evaluator(model, tokens, 1, WINDOW);
        Evaluation result = perToken
                ? evaluator.evaluate((position, token, logProbability) -> out.printf(Locale.ROOT, "%d\t%s\t%.6f%n",
                        position, printable(vocabulary.token(token)), logProbability))
                : evaluator.evaluate();
        String unit = loaded.words() ? "word" : "char";
        out.printf(Locale.ROOT, "tokens %d%nloss %.6f nats/%s%nperplexity %.4f%nbp%s %.6f%naccuracy %.4f%n",
                result.tokens(), result.loss(), unit, result.perplexity(), unit.charAt(0), result.bitsPerToken(), result.accuracy());
        out.flush();
    }

    private static String printable(String token) {
        return switch (token) {
            case "\n" -> "\\n";
            case "\t" -> "\\t";
            default -> token;
        };
    }
}
