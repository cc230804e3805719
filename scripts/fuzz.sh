#!/usr/bin/env bash
# Fuzzes every reader of outside input with Jazzer, one target after another, and prints each target's
# inputs run, coverage (cov: edges, ft: features) and findings. docs/reliability.md explains the figures.
#
#   scripts/fuzz.sh                      every target, 1,000,000 inputs each (the @FuzzTest maxExecutions)
#   scripts/fuzz.sh io.JsonFuzzTest      the targets whose name contains the word
#   FUZZ_INPUTS=20000 scripts/fuzz.sh    a short run
#
# A finding fails the target's run; Jazzer saves the input that found it as a crash-* file in the target's
# seed folder (src/test/resources/.../<Class>Inputs/<method>/), where ./run-tests replays it from then on.
# Logs go to target/fuzz/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/jdk.sh"
cd "$root"

targets=(
  core:org.rnn4j.io.JsonFuzzTest#parse
  core:org.rnn4j.io.SafeTensorsFuzzTest#read
  core:org.rnn4j.train.CheckpointFuzzTest#load
  core:org.rnn4j.train.CheckpointFuzzTest#metadata
  core:org.rnn4j.text.TextLoaderFuzzTest#read
  core:org.rnn4j.train.MetricsLogFuzzTest#resume
  core:org.rnn4j.sample.PrimeFuzzTest#prime
  core:org.rnn4j.classify.LabelledDataFuzzTest#texts
  core:org.rnn4j.classify.LabelledDataFuzzTest#steps
  nlp:org.rnn4j.nlp.TokenizerFuzzTest#tokenization
  nlp:org.rnn4j.nlp.TokenizerFuzzTest#whitespace
  cli:org.rnn4j.cli.MetricsPlotFuzzTest#curves
  nlp:org.rnn4j.nlp.TokenizerFuzzTest#opennlp
)

mkdir -p target/fuzz
scratch=()
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch=(-Drnn4j.fuzz.dir=/dev/shm) # the targets write a file per input: memory, not disk
fi
export JAZZER_FUZZ=1
if [ -n "${FUZZ_INPUTS:-}" ]; then
  export JAZZER_MAX_EXECUTIONS="$FUZZ_INPUTS"
fi
failed=0
for target in "${targets[@]}"; do
  module="${target%%:*}"
  test="${target#*:}"
  matched=$#
  for word in "$@"; do [[ "$test" == *"$word"* ]] && matched=0; done
  [ "$matched" = 0 ] || continue
  log="target/fuzz/${test##*.}.log"
  mvn -B -o -pl "$module" -am test -Djazzer.hooks=true "${scratch[@]}" -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  status=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
  runs=$(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1)
  if [ $status -eq 0 ]; then
    echo "$test: ${runs:-no Done line}; ${done_line:-no DONE line}"
  else
    failed=1
    echo "$test: FINDING or failure (exit $status), see $log"
    grep -E '^== Java Exception|^java\.|^Caused by|crash-|^\s+at org\.rnn4j' "$log" | head -n 12
  fi
done
exit $failed
