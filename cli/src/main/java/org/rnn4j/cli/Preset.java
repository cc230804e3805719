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
    PTB_SMALL("ptb-small", Map.ofEntries(
            Map.entry("--level", "word"), Map.entry("--tokenizer", "whitespace"), Map.entry("--vocab-size", "10000"),
            Map.entry("--mode", "stream"), Map.entry("--cell", "lstm"), Map.entry("--num-layers", "2"),
            Map.entry("--rnn-size", "200"), Map.entry("--wordvec-size", "200"), Map.entry("--dropout", "0"),
            Map.entry("--batch-size", "20"), Map.entry("--seq-length", "20"), Map.entry("--epochs", "13"),
            Map.entry("--optimizer", "sgd"), Map.entry("--learning-rate", "20"), Map.entry("--lr-schedule", "epoch"),
            Map.entry("--lr-decay", "0.5"), Map.entry("--lr-decay-after", "4"), Map.entry("--grad-clip", "0.25"),
            Map.entry("--init", "uniform"), Map.entry("--init-scale", "0.1"), Map.entry("--forget-bias", "0"),
            Map.entry("--eval-every", "1000"), Map.entry("--sample-every", "0"))),
    PTB_MEDIUM("ptb-medium", Map.ofEntries(
            Map.entry("--level", "word"), Map.entry("--tokenizer", "whitespace"), Map.entry("--vocab-size", "10000"),
            Map.entry("--mode", "stream"), Map.entry("--cell", "lstm"), Map.entry("--num-layers", "2"),
            Map.entry("--rnn-size", "650"), Map.entry("--wordvec-size", "650"), Map.entry("--dropout", "0.5"),
            Map.entry("--batch-size", "20"), Map.entry("--seq-length", "35"), Map.entry("--epochs", "39"),
            Map.entry("--optimizer", "sgd"), Map.entry("--learning-rate", "35"), Map.entry("--lr-schedule", "epoch"),
            Map.entry("--lr-decay", "0.8333333"), Map.entry("--lr-decay-after", "6"), Map.entry("--grad-clip", "0.142857"),
            Map.entry("--init", "uniform"), Map.entry("--init-scale", "0.05"), Map.entry("--forget-bias", "0"),
            Map.entry("--eval-every", "500"), Map.entry("--sample-every", "0")));

    private final String id;
    private final Map<String, String> options;

    Preset(String id, Map<String, String> options) {
        this.id = id;
        this.options = options;
    }

    String id() {
        return id;
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

    static Preset fromId(String id) {
        for (Preset preset : values()) {
            if (preset.id.equals(id)) {
                return preset;
            }
        }
        throw new InvalidInputException("unknown preset '" + id + "': choose ptb-small or ptb-medium");
    }
}
