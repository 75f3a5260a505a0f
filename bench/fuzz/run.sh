#!/usr/bin/env bash
# Builds the libFuzzer target over the whole pipeline (bench/fuzz, with
# -sanitize=fuzzer,address) and runs it. See docs/fuzzing.md.
#
# Usage: bench/fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#   SECONDS (default 60) is the fuzzing time after the seeds have run.
#   Environment: FUZZ_WORK (default bench/.work/fuzz) holds the corpus the
#   runs grow (corpus/), the seeds (seeds/), findings (artifacts/) and the
#   log (fuzz.log); FUZZ_RSS_MB (default 2048) and FUZZ_TIMEOUT (default 10 s
#   an input) are the limits past which an input is a finding.
# Exits 0 when the run found nothing, 1 when it wrote a finding (the log's
# tail and the file are printed), 2 when it could not build or start.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
work=${FUZZ_WORK:-bench/.work/fuzz}
mkdir -p "$work/corpus" "$work/artifacts"

# `--sanitize` makes SwiftPM link libFuzzer's main in place of the target's
# own; `-Xswiftc -sanitize=...` instruments every Swift module for coverage
# (SwiftPM's flag alone instruments only the C code).
flags=(-c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
# SwiftPM lists a path dependency's source files again only when a manifest
# changes: touching this one makes the build see files added since the last.
touch bench/fuzz/Package.swift
echo "== building the fuzz target (swift build ${flags[*]})" >&2
swift build --package-path bench/fuzz "${flags[@]}" \
  || { echo "bench/fuzz/run.sh: the fuzz target did not build" >&2; exit 2; }
binary=$(swift build --package-path bench/fuzz "${flags[@]}" --show-bin-path)/PlanfolioFuzz

rm -rf "$work/seeds"
python3 bench/fuzz/seeds.py "$work/seeds" >&2

# The Swift runtime's own crash backtracer would race ASan's report; libFuzzer reports the crash.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:handle_abort=1}
before=$(find "$work/artifacts" -type f | wc -l)
echo "== fuzzing for ${seconds} s: corpus $work/corpus, findings in $work/artifacts/" >&2
status=0
"$binary" "$work/corpus" "$work/seeds" \
  -dict=bench/fuzz/planfolio.dict \
  -max_total_time="$seconds" \
  -max_len=131072 \
  -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
  -malloc_limit_mb="${FUZZ_RSS_MB:-2048}" \
  -timeout="${FUZZ_TIMEOUT:-10}" \
  -artifact_prefix="$work/artifacts/" \
  -print_final_stats=1 \
  "$@" >"$work/fuzz.log" 2>&1 || status=$?
# The summary: libFuzzer's DONE line and stats, or in -fork mode its last job line (total executions first).
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|^INFO: fuzzed for' "$work/fuzz.log" >&2 || true
grep -E '^#[0-9]+: ' "$work/fuzz.log" | tail -n 1 >&2 || true
after=$(find "$work/artifacts" -type f | wc -l)
if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
  tail -n 60 "$work/fuzz.log" >&2
  echo "bench/fuzz/run.sh: the fuzzer found a problem (exit $status); findings:" >&2
  find "$work/artifacts" -type f -newer "$work/seeds" >&2
  exit 1
fi
echo "bench/fuzz/run.sh: no finding in ${seconds} s" >&2
