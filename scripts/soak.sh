#!/usr/bin/env bash
# Soak test: a long training run with its resident set and run folder sampled every minute.
# Usage: scripts/soak.sh MINUTES RUN_FOLDER [train options...]
#   e.g. scripts/soak.sh 124 runs/soak --text ../shared/data/linux/linux-6.1-kernel-mm.c --threads 1 --seed 42
# Writes RUN_FOLDER.rss.csv (minute, VmRSS and VmHWM in kB, run folder size in kB, files in it) and
# RUN_FOLDER.log (the training's output); the training is an ordinary ./rnn4j train with --minutes MINUTES.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/soak.sh MINUTES RUN_FOLDER [train options...]" >&2; exit 2; }
minutes="$1"; out="$2"; shift 2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
csv="$out.rss.csv"
"$root/rnn4j" train --minutes "$minutes" --out "$out" "$@" > "$out.log" 2>&1 &
pid=$!   # the launcher execs java, so this is the training JVM
echo "minute,rss_kb,hwm_kb,run_folder_kb,files" > "$csv"
minute=0
sleep 5   # let the launcher start the JVM
while kill -0 "$pid" 2>/dev/null; do
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
  hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
  size=0; files=0
  if [ -d "$out" ]; then
    size="$(du -sk "$out" | cut -f1)"; files="$(ls -A "$out" | wc -l)"
  fi
  echo "$minute,$rss,$hwm,$size,$files" >> "$csv"
  minute=$((minute + 1))
  sleep 60
done
wait "$pid" && status=0 || status=$?
echo "training exited with $status; samples in $csv" >&2
exit "$status"
