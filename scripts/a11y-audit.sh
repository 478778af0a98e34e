#!/bin/sh
# a11y-audit.sh [BUILD_DIR [LANG]]: the AT-SPI audit of issue 16 on the Hem
# example, in French by default, on a real accessibility bus under Xvfb:
#   sh scripts/a11y-audit.sh build fr
# Starts its own D-Bus session, AT-SPI bus, Xvfb (1280x800) and the app on a
# copy of data/examples/hem.entbudget, runs scripts/a11y-audit.py, stops all.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
dir=${1:-build}
lang=${2:-fr}
src=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${A11Y_AUDIT_INNER:-}" ]; then
  A11Y_AUDIT_INNER=1 exec dbus-run-session -- sh "$0" "$@"
fi
tmp=$(mktemp -d)
cp "$src/data/examples/hem.entbudget" "$tmp/hem.entbudget"
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
display=:$(( ($$ % 200) + 300 ))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $launcher $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
if [ "$lang" = fr ]; then l="fr_FR.UTF-8"; else l="en_US.UTF-8"; fi
DISPLAY=$display LC_ALL=$l LANGUAGE=$lang ENT_BUDGET_LOCALEDIR="$src/$dir/po" \
  GSETTINGS_SCHEMA_DIR="$src/$dir/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
  GDK_BACKEND=x11 GTK_A11Y=atspi XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" \
  "$src/$dir/app/ent-budget" "$tmp/hem.entbudget" >"$tmp/app.log" 2>&1 &
app=$!
sleep 3
DISPLAY=$display /usr/bin/python3 ${A11Y_AUDIT_SCRIPT:-"$src/scripts/a11y-audit.py"} ent-budget ${A11Y_AUDIT_ARGS:-}
