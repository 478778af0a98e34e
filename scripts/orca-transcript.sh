#!/bin/sh
# orca-transcript.sh [BUILD_DIR] KEY...: what Orca says while the keys are
# pressed in Budget ENT on the Hem example, in French (issue 16).
#   sh scripts/orca-transcript.sh build alt+2 Tab Tab 9 8 Return
# Runs its own D-Bus session, AT-SPI bus, Xvfb (1280x800), Orca with a debug
# log (no sound needed) and the app on a copy of data/examples/hem.entbudget;
# sends each key with xdotool (1.2 s apart) and prints Orca's speech output,
# one utterance a line (Orca speaks a little late: a line may belong to the
# key before). Needs orca and xdotool (apt-get install orca xdotool).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
dir=build
if [ $# -gt 0 ] && [ -d "$src/$1" ]; then dir=$1; shift; fi
if [ -z "${ORCA_TRANSCRIPT_INNER:-}" ]; then
  ORCA_TRANSCRIPT_INNER=1 exec dbus-run-session -- sh "$0" "$dir" "$@"
fi
tmp=$(mktemp -d)
cp "$src/data/examples/hem.entbudget" "$tmp/hem.entbudget"
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
display=:$(( ($$ % 200) + 520 ))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display
HOME=$tmp LC_ALL=fr_FR.UTF-8 LANGUAGE=fr orca --debug-file="$tmp/orca.log" --replace >/dev/null 2>&1 &
orca=$!
sleep 4
LC_ALL=fr_FR.UTF-8 LANGUAGE=fr ENT_BUDGET_LOCALEDIR="$src/$dir/po" GSETTINGS_SCHEMA_DIR="$src/$dir/data" \
  GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=atspi \
  XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" "$src/$dir/app/ent-budget" "$tmp/hem.entbudget" >"$tmp/app.log" 2>&1 &
app=$!
sleep 4
start=$(wc -l <"$tmp/orca.log")
for key in "$@"; do
  xdotool key "$key"
  sleep 1.2

  n=$(wc -l <"$tmp/orca.log")
  tail -n +"$((start + 1))" "$tmp/orca.log" | head -n "$((n - start))" \
    | sed -n "s/^.*SPEECH OUTPUT: '\(.*\)' *{'established.*$/    \1/p" >"$tmp/said"
  echo "[$key]"
  cat "$tmp/said"
  start=$n
done
sleep 1.5
echo "[then]"
tail -n +"$((start + 1))" "$tmp/orca.log" | sed -n "s/^.*SPEECH OUTPUT: '\(.*\)' *{'established.*$/    \1/p"
kill "$app" "$orca" 2>/dev/null
sleep 1
kill "$launcher" "$xvfb" 2>/dev/null
rm -rf "$tmp"
