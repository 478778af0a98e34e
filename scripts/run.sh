#!/bin/sh
# Installs what is missing, builds, and runs Budget ENT on the bundled example
# (the window when there is a display, else the budget summary in the terminal).
set -eu
cd "$(dirname "$0")/.."

sh scripts/deps.sh
[ -d build/meson-private ] || meson setup build
ninja -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
# the translations of the build tree (French under a French locale), uninstalled
export ENT_BUDGET_LOCALEDIR="$PWD/build/po"
# With no argument, the bundled example, which the window shows as an example
# (not tied to the file: Save asks for a new name). The app started with no
# file at all shows its start page instead.
[ $# -gt 0 ] || set -- "$PWD/data/examples/hem.entbudget"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/app/ent-budget "$@"
else
  exec ./build/app/ent-budget --summary "$@"
fi
