#!/bin/sh
# screenshots.sh: every page of the window on the Hem example, as a user sees
# it, at one screen size and in one language, into PNG files to look at.
#
#   sh scripts/screenshots.sh OUTDIR [WIDTHxHEIGHT] [fr|en] [FILE]
#
# Defaults: 1280x800, fr, data/examples/hem.entbudget. Needs a build in
# build/ (sh scripts/run.sh makes one), Xvfb, xdotool and ImageMagick's
# import (scripts/deps.sh --test installs them). The window is maximized on
# a screen of the given size, as on a laptop; pages are chosen with their
# shortcuts (Alt+1 … Alt+5), so what is shown is what a user reaches.
# Used for the metainfo's screenshots and the closing notes. With
# SCREENSHOTS_SCROLL=N set, each page is also taken scrolled N wheel steps.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

SRC=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: screenshots.sh OUTDIR [WIDTHxHEIGHT] [fr|en] [FILE]}
SIZE=${2:-1280x800}
LANG_CODE=${3:-fr}
FILE=${4:-$SRC/data/examples/hem.entbudget}

case "$LANG_CODE" in
  fr) locale=fr_FR.UTF-8 language=fr ;;
  # American English where the machine has it (grouped counts: "1,209"),
  # else C.UTF-8, which groups nothing
  en) locale=C.UTF-8 language=en
      if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then locale=en_US.UTF-8; fi ;;
  *) echo "screenshots.sh: language fr or en" >&2; exit 2 ;;
esac

mkdir -p "$OUT"
home=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$home"' EXIT

# A copy in a folder of the user's, as a commune's own document is shown (the
# bundled example itself opens marked as an example, with its banner).
mkdir -p "$home/Documents"
cp "$FILE" "$home/Documents/"
FILE="$home/Documents/$(basename "$FILE")"

# a display number nobody uses
disp=70
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 "${SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

env LC_ALL="$locale" LANGUAGE="$language" \
    ENT_BUDGET_LOCALEDIR="$SRC/build/po" GSETTINGS_SCHEMA_DIR="$SRC/build/data" \
    GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none \
    XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    "$SRC/build/app/ent-budget" "$FILE" >"$OUT/app.log" 2>&1 &
app=$!

win=""
for _ in $(seq 100); do
  win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "screenshots.sh: no window (see $OUT/app.log)" >&2; exit 1; }
# no window manager under Xvfb: "maximized" is the screen's size
w=${SIZE%x*}; h=${SIZE#*x}
xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h"
sleep 1.5

n=1
for page in assumptions pupils scenarios budget compare; do
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
  xdotool key --window "$win" "alt+$n"
  sleep 1
  import -window root "$OUT/$page-$SIZE-$LANG_CODE.png"
  # SCREENSHOTS_SCROLL=N: the page again, scrolled down N wheel steps (what
  # lies below the first screen: the Budget page's execution table)
  if [ -n "${SCREENSHOTS_SCROLL:-}" ]; then
    xdotool mousemove --window "$win" $((w * 2 / 3)) $((h * 2 / 3)) click --repeat "$SCREENSHOTS_SCROLL" 5
    sleep 1
    import -window root "$OUT/$page-$SIZE-$LANG_CODE-scrolled.png"
  fi
  n=$((n + 1))
done
echo "screenshots.sh: $(ls "$OUT"/*-"$SIZE"-"$LANG_CODE".png | wc -l) pages in $OUT"
