package org.rnn4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;

/**
 * Named training recipes: option values that apply unless the command line gives the option itself.
 * The Penn Treebank presets are the "small" and "medium" LSTMs of Zaremba, Sutskever and Vinyals,
 * "Recurrent Neural Network Regularization" (2014). The paper's loss is summed over the T steps of a
 * window, rnn4j's is their mean, so its learning rate 1 and gradient-norm limit 5 become T and 5 / T here.
 */
enum Preset {
    PTB_SMALL("ptb-small", zaremba(200, 20, 0f, 13, 0.5f, 4, 0.1f)),
    PTB_MEDIUM("ptb-medium", zaremba(650, 35, 0.5f, 39, 1 / 1.2f, 6, 0.05f));

    private final String id;
    private final Map<String, String> options;

    Preset(String id, Map<String, String> options) {
        this.id = id;
        this.options = options;
    }

    /**
     * The arguments of a {@code train} command line with its {@code --preset} spelled out: the preset's
     * options that the line does not give itself come first. Other command lines come back unchanged.
     */
    static String[] expand(String[] args) {
        if (args.length == 0 || !args[0].equals("train")) {
            return args;
        }
        List<String> given = new ArrayList<>();
        Preset preset = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            given.add(option);
            if (option.equals("--preset")) {
                String id = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : "";
                preset = fromId(id);
            }
        }
        if (preset == null) {
            return args;
        }
        List<String> expanded = new ArrayList<>(List.of("train"));
        preset.options.forEach((option, value) -> {
            if (!given.contains(option)) {
                expanded.add(option + "=" + value);
            }
        });
        expanded.addAll(Arrays.asList(args).subList(1, args.length));
        return expanded.toArray(String[]::new);
    }

    /**
     * A Penn Treebank LSTM of the paper: 2 layers of {@code size} units and an embedding as wide, 10,000
     * words, B = 20 windows of {@code steps}, SGD with learning rate 1 (here {@code steps}) multiplied by
     * {@code decay} after each epoch from {@code decayAfter} on, gradient norm 5 (here 5 / {@code steps}),
     * uniform initialization in ±{@code initScale}.
     */
    private static Map<String, String> zaremba(int size, int steps, float dropout, int epochs, float decay, int decayAfter,
                                               float initScale) {
        return Map.ofEntries(
                Map.entry("--level", "word"), Map.entry("--tokenizer", "whitespace"), Map.entry("--vocab-size", "10000"),
                Map.entry("--mode", "stream"), Map.entry("--cell", "lstm"), Map.entry("--num-layers", "2"),
                Map.entry("--rnn-size", Integer.toString(size)), Map.entry("--wordvec-size", Integer.toString(size)),
                Map.entry("--dropout", Float.toString(dropout)), Map.entry("--embedding-dropout", Float.toString(dropout)),
                Map.entry("--batch-size", "20"),
                Map.entry("--seq-length", Integer.toString(steps)), Map.entry("--epochs", Integer.toString(epochs)),
                Map.entry("--optimizer", "sgd"), Map.entry("--learning-rate", Integer.toString(steps)),
                Map.entry("--lr-schedule", "epoch"), Map.entry("--lr-decay", Float.toString(decay)),
                Map.entry("--lr-decay-after", Integer.toString(decayAfter)), Map.entry("--grad-clip", Float.toString(5f / steps)),
                Map.entry("--init", "uniform"), Map.entry("--init-scale", Float.toString(initScale)),
                Map.entry("--forget-bias", "0"), Map.entry("--eval-every", "1000"), Map.entry("--sample-every", "0"));
    }

    static Preset fromId(String id) {
        for (Preset preset : values()) {
            if (preset.id.equals(id)) {
                return preset;
            }
        }
        throw new InvalidInputException("unknown preset '" + id + "': choose ptb-small or ptb-medium");
    }
}
