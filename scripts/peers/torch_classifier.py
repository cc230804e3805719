"""PyTorch peer of rnn4j's sequence classifier (bench configuration CLS and `rnn4j classify train`).

The same model and batching as rnn4j: nn.Embedding(V, 64) -> nn.LSTM(64, 128) -> the output at each
sequence's last real step (padding comes after it, so it reaches neither that output nor the loss; this
gather is 5-6x faster in torch 1.13 on CPU than pack_padded_sequence, which gives the same numbers)
-> nn.Linear(128, C),
softmax cross-entropy, Adam 2e-3, gradient-norm clipping at 5. Sequences are sorted by length and cut into
batches of 32, visited in a shuffled order each epoch, one sequence per row, each from a zero state.

Data: --synthetic draws CLS's sequences (4 to 16 tokens over 48 tokens, 2 classes, 512 sequences); otherwise
give one text file per class (one example per non-blank line, stripped, as `rnn4j classify --data FOLDER` reads
them), cut into characters (--chars, exactly the tokens of `rnn4j classify train --tokens char`) or into
lowercase words and punctuation.

Throughput = real (unpadded) tokens per second of training steps, median of timed windows after a warm-up,
printed as a RESULT line in the peers' format. Eager mode, CPU.
"""
import argparse
import random
import re
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, vocab, embed, hidden, classes):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = nn.LSTM(embed, hidden)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, tokens, lengths):  # tokens (T, N) padded after each end, lengths (N)
        out, _ = self.rnn(self.embedding(tokens))  # (T, N, H)
        return self.classifier(out[lengths - 1, torch.arange(len(lengths))])


def synthetic(rng, vocab=48, shortest=4, longest=16, count=512, classes=2):
    return [([rng.randrange(vocab) for _ in range(rng.randint(shortest, longest))], rng.randrange(classes))
            for _ in range(count)], vocab, classes


def from_files(paths, chars):
    examples, words = [], {}
    for label, path in enumerate(paths):
        with open(path, encoding="utf-8") as f:
            for line in f:
                tokens = list(line.strip()) if chars else re.findall(r"\w+|[^\w\s]", line.lower())
                if tokens:
                    examples.append(([words.setdefault(w, len(words)) for w in tokens], label))
    return examples, len(words), len(paths)


def batches(examples, batch):
    ordered = sorted(examples, key=lambda e: len(e[0]))
    out = []
    for i in range(0, len(ordered), batch):
        chunk = sorted(ordered[i:i + batch], key=lambda e: -len(e[0]))
        lengths = torch.tensor([len(e[0]) for e in chunk])
        tokens = torch.zeros(int(lengths[0]), len(chunk), dtype=torch.long)
        for n, (sequence, _) in enumerate(chunk):
            tokens[:len(sequence), n] = torch.tensor(sequence)
        out.append((tokens, lengths, torch.tensor([e[1] for e in chunk]), int(lengths.sum())))
    return out


def require_openblas():
    """Debian's torch runs on whichever BLAS is installed; the reference one is 10x slower and voids any ratio."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        if "openblas" not in maps.read():
            raise SystemExit("torch is not running on OpenBLAS: install libopenblas0-pthread (apt-get install "
                             "libopenblas0-pthread) so that the ratio means something")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--chars", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--window", type=float, default=3)
    parser.add_argument("--windows", type=int, default=7)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    require_openblas()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    examples, vocab, classes = synthetic(rng) if args.synthetic else from_files(args.files, args.chars)
    data = batches(examples, args.batch)
    model = Classifier(vocab, 64, 128, classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)

    def epochs():
        while True:
            order = list(range(len(data)))
            rng.shuffle(order)
            for i in order:
                yield data[i]

    stream = epochs()

    def step():
        tokens, lengths, labels, count = next(stream)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(tokens, lengths), labels)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        return count

    start = time.perf_counter()
    while time.perf_counter() - start < args.warmup:
        step()
    rates = []
    for _ in range(args.windows):
        begin, tokens = time.perf_counter(), 0
        while time.perf_counter() - begin < args.window:
            tokens += step()
        rates.append(tokens / (time.perf_counter() - begin))
    config = "CLS" if args.synthetic else "CLS-chars" if args.chars else "CLS-words"
    print(f"INFO torch_version={torch.__version__} examples={len(examples)} vocabulary={vocab} classes={classes} "
          f"tokens={sum(len(e[0]) for e in examples)}")
    print(f"RESULT peer=torch config={config} mode=t{args.threads} tokens_per_s={statistics.median(rates):.1f} "
          f"min={min(rates):.1f} max={max(rates):.1f} windows={args.windows}")


if __name__ == "__main__":
    main()
