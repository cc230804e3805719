package org.rnn4j.cli.classify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rnn4j.classify.BagOfWordsLogistic;
import org.rnn4j.classify.ConfusionMatrix;
import org.rnn4j.classify.MajorityClass;
import org.rnn4j.nlp.TokenLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j classify baseline}: the held-out scores a classifier must beat to mean something, computed on the
 * same split, tokens and vocabulary as {@code classify train}: the majority class and a bag-of-words logistic
 * regression.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score two baselines on a stratified validation split: the majority class, and a bag-of-words"
                + " logistic regression (token counts, L2 strength chosen on a slice of the training split).",
        footer = {"", "--data is a file of label<TAB>text lines, a folder with a sub-folder per class (a file per text),"
                + " or a folder with a file per class (a line per text; the class is the file name without its extension)."})
final class ClassifyBaselineCommand implements Runnable {

    @Mixin
    DatasetArguments dataset;

    @Option(names = "--seed", description = "Seed of the split and of the slice that picks the L2 strength (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the regression's confusion matrix as DIR/confusion.png")
    Path out;

    @Override
    public void run() {
        DatasetOptions options = this.dataset.options(seed);
        TokenLevel level = options.level();
        LabelledDataset dataset = LabelledDataset.load(options);
        EncodedExamples train = dataset.train();
        EncodedExamples validation = dataset.validation();
        List<String> labels = dataset.labels();

        MajorityClass majority = MajorityClass.fit(train.classes(), dataset.classCount());
        BagOfWordsLogistic logistic = BagOfWordsLogistic.fitTuned(train.sequences(), train.classes(), labels,
                dataset.vocabulary().size(), seed);
        ConfusionMatrix majorityScores = ConfusionMatrix.evaluate(labels, majority, validation.sequences(), validation.classes());
        ConfusionMatrix logisticScores = ConfusionMatrix.evaluate(labels, logistic, validation.sequences(), validation.classes());
        Path plot = out == null ? null : ConfusionMatrixPlot.write(out, logisticScores, String.format(Locale.ROOT,
                "bag-of-words logistic regression, %s tokens: validation accuracy %.4f", level.id(), logisticScores.accuracy()));

        Map<String, Integer> sizes = dataset.classSizes();
        System.out.printf(Locale.ROOT, "data: %s: %,d texts in %d classes (%s)%n", options.data(), train.size() + validation.size(),
                labels.size(), sizes.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        System.out.printf(Locale.ROOT, "tokens: %s, %,d in %.1f s; vocabulary of the training split: %,d (with <unk>, <s>, </s>);"
                        + " %.2f%% of the validation tokens are <unk>%n", level.id(), train.tokens() + validation.tokens(),
                dataset.tokenizeSeconds(), dataset.vocabulary().size(), 100 * dataset.unknownShare());
        System.out.printf(Locale.ROOT, "split: %,d training, %,d validation texts (stratified: %s%% of each class, seed %d)%n",
                train.size(), validation.size(), plain(100 * options.validationFraction()), seed);
        System.out.println();
        System.out.printf(Locale.ROOT, "validation accuracy: majority class (%s) %.4f, bag-of-words logistic regression %.4f%n",
                labels.get(majority.predicted()), majorityScores.accuracy(), logisticScores.accuracy());
        System.out.printf(Locale.ROOT, "L2 strength of the regression: %s (%s)%n", plain(logistic.l2()), logistic.tuned()
                ? "the lowest cross-entropy on " + plain(100 * BagOfWordsLogistic.TUNING_FRACTION) + "% of the training split among "
                        + BagOfWordsLogistic.L2_GRID.stream().map(ClassifyBaselineCommand::plain).collect(Collectors.joining(", "))
                : "the default: a class has too few training texts to hold a slice out");
        System.out.println();
        System.out.println("majority class, on the validation split:");
        System.out.print(majorityScores.format());
        System.out.println();
        System.out.println("bag-of-words logistic regression, on the validation split:");
        System.out.print(logisticScores.format());
        if (plot != null) {
            System.out.println();
            System.out.println("confusion matrix picture: " + plot);
        }
    }

    /** A number as written by hand: 0.00001, 20, 0.1. */
    private static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
