#!/bin/sh
# run-fuzzers.sh: build the libFuzzer harnesses with clang, ASan and UBSan in a
# build dir of their own, and run each for a bounded time. Fails (non-zero) on
# any crash, leak, timeout (hang) or out-of-memory, leaving the input under
# $FUZZ_BUILD_DIR/artifacts/.
#
#   FUZZ_SECONDS     seconds per fuzzer (default 60)
#   FUZZ_BUILD_DIR   build dir (default <source>/build-fuzz)
#   FUZZ_TARGETS     which fuzzers (default "document csv-import money")
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$SRC/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"document csv-import money"}

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzzers.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  # fuzzer-no-link gives the model library the coverage instrumentation that
  # guides libFuzzer; -fno-sanitize-recover makes every UBSan report a crash.
  CC=clang meson setup "$BUILD" "$SRC" \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
fi

targets=""
for t in $TARGETS; do targets="$targets fuzz/fuzz-$t"; done
# shellcheck disable=SC2086
ninja -C "$BUILD" $targets

mkdir -p "$BUILD/artifacts"
status=0
for t in $TARGETS; do
  exe="$BUILD/fuzz/fuzz-$t"
  work="$BUILD/corpus/$t"
  log="$BUILD/fuzz-$t.log"
  dict=""
  [ -f "$SRC/fuzz/$t.dict" ] && dict="-dict=$SRC/fuzz/$t.dict"
  # New inputs go to the build dir's corpus; the seeds in the tree stay as they are.
  mkdir -p "$work"
  echo "== fuzz-$t for ${SECONDS_EACH}s"
  stamp="$BUILD/artifacts/.$t-start"
  : >"$stamp"
  # shellcheck disable=SC2086
  if ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=0" \
     UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
     G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8 \
     "$exe" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
       -detect_leaks=1 -print_final_stats=1 \
       -artifact_prefix="$BUILD/artifacts/$t-" $dict \
       "$work" "$SRC/fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "fuzz-$t: ok, ${runs:-?} executions, no finding"
  else
    status=1
    echo "fuzz-$t: FAILED (log: $log)" >&2
    grep -E "ERROR: |SUMMARY: |fuzz_check|fuzz: fatal|Test unit written|ALARM|timeout" "$log" | head -n 20 >&2 || true
    # The input itself, so that a finding on a machine one cannot reach (CI)
    # can be replayed: base64 of each new artifact up to 64 KiB.
    for artifact in "$BUILD/artifacts/$t-"*; do
      [ -f "$artifact" ] && [ "$artifact" -nt "$stamp" ] || continue
      size=$(wc -c <"$artifact")
      if [ "$size" -le 65536 ]; then
        echo "-- $(basename "$artifact") ($size bytes), base64:" >&2
        base64 "$artifact" >&2
      fi
    done
  fi
done

exit $status
