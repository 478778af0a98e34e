#!/bin/sh
# Runs the gui suite of build directory $1 on a real AT-SPI accessibility bus,
# the way every GNOME desktop runs the app (GTK_A11Y=atspi through meson's
# "atspi" test setup). Call it inside a D-Bus session:
#   dbus-run-session -- sh scripts/test-atspi.sh build
# Writes $1/meson-logs/testlog-atspi.json; the exit status is meson's.
set -u
dir=${1:-build}

/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
trap 'kill $launcher 2>/dev/null' EXIT

# GTK asks org.a11y.Bus for the bus address at start: wait until it answers.
i=0
until gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
        --method org.a11y.Bus.GetAddress >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then
    echo "the AT-SPI bus did not start" >&2
    exit 1
  fi
  sleep 0.1
done

xvfb-run -a -s '-screen 0 1280x800x24' \
  meson test -C "$dir" --setup atspi --suite gui --print-errorlogs --num-processes 1 \
    --timeout-multiplier "${TIMEOUT_MULTIPLIER:-1}"
