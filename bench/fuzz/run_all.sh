#!/usr/bin/env bash
# Run every atheris harness for SECONDS each (default 300); logs and crashes go to
# bench/fuzz/out/ (ignored by git). Not part of CI. Usage: bench/fuzz/run_all.sh [SECONDS]
set -u
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
mkdir -p bench/fuzz/out
for name in reader segment cli; do
  mkdir -p "bench/fuzz/out/corpus-$name"
  timeout_arg=10; [ "$name" = cli ] && timeout_arg=30
  .venv/bin/python "bench/fuzz/fuzz_$name.py" -max_total_time="$seconds" -timeout="$timeout_arg" \
    -max_len=4096 -rss_limit_mb=4096 -artifact_prefix="bench/fuzz/out/$name-" \
    "bench/fuzz/out/corpus-$name" "bench/fuzz/seeds-$name" > "bench/fuzz/out/$name.log" 2>&1
  echo "$name: exit $? ($(grep -c 'NEW' "bench/fuzz/out/$name.log") new coverage lines)"
done
