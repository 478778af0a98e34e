#!/bin/sh
# Installs what is missing, then builds and runs the whole test suite twice:
# a -Dwerror=true build and an AddressSanitizer + UndefinedBehaviorSanitizer
# build. GUI tests run under Xvfb with accessibility on (GTK's test backend,
# and once more on a real AT-SPI bus). Ends with the line "N passed, N failed".
set -eu
cd "$(dirname "$0")/.."

sh scripts/deps.sh --test

run_suite () {
  dir=$1; shift
  [ -d "$dir/meson-private" ] || meson setup "$dir" "$@"
  meson configure "$dir" "$@" >/dev/null
  ninja -C "$dir"
  # One X server for the whole run; each GUI test opens its own window.
  xvfb-run -a -s '-screen 0 1280x800x24' \
    meson test -C "$dir" --print-errorlogs --num-processes 2 \
      --timeout-multiplier "${TIMEOUT_MULTIPLIER:-1}" || true
}

run_suite build -Dwerror=true -Dbuildtype=debugoptimized
# The gui suite once more on a real AT-SPI bus (the run above uses GTK's test
# accessibility backend): the code paths a GNOME desktop takes.
dbus-run-session -- sh scripts/test-atspi.sh build || true
TIMEOUT_MULTIPLIER=4 run_suite build-asan -Dwerror=true -Db_sanitize=address,undefined \
  -Db_lundef=false -Dbuildtype=debug

# libFuzzer under ASan+UBSan, FUZZ_SECONDS (60) each: a crash, leak or hang fails.
fuzz_status=0
FUZZ_SECONDS=${FUZZ_SECONDS:-60} sh fuzz/run-fuzzers.sh || fuzz_status=1

/usr/bin/python3 scripts/count-tests.py build/meson-logs/testlog.json \
  build/meson-logs/testlog-atspi.json build-asan/meson-logs/testlog.json
[ "$fuzz_status" -eq 0 ] || { echo "fuzzing found a problem: see the output above"; exit 1; }
