#!/bin/sh
# Renders the application icon at 32 and 128 px and the symbolic icon at 16 px
# with librsvg; each must give a non-empty PNG of the asked size.
# The PNGs stay in OUTDIR so that a person can look at them.
#
# Usage: check-icons.sh ICON SYMBOLIC_ICON OUTDIR
set -eu

icon=$1
symbolic=$2
outdir=$3
mkdir -p "$outdir"

png_size () {
  # width and height from the IHDR chunk (bytes 16..23, big endian)
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

render () {
  src=$1 size=$2 out=$3
  rsvg-convert --width "$size" --height "$size" --format png --output "$out" "$src" \
    || { echo "FAIL: rsvg-convert $src at $size px" >&2; exit 1; }
  [ -s "$out" ] || { echo "FAIL: $out is empty" >&2; exit 1; }
  magic=$(od -An -tx1 -N8 "$out" | tr -d ' \n')
  [ "$magic" = 89504e470d0a1a0a ] || { echo "FAIL: $out is not a PNG" >&2; exit 1; }
  got=$(png_size "$out")
  [ "$got" = "${size}x${size}" ] || { echo "FAIL: $out is $got, not ${size}x${size}" >&2; exit 1; }
  echo "ok: $out ($got, $(wc -c < "$out") bytes)"
}

render "$icon" 32 "$outdir/icon-32.png"
render "$icon" 128 "$outdir/icon-128.png"
render "$symbolic" 16 "$outdir/icon-symbolic-16.png"

# A symbolic icon is one colour, filled paths only: GTK recolours the fills.
colours=$(grep -o 'fill="#[0-9A-Fa-f]*"' "$symbolic" | sort -u | wc -l)
[ "$colours" -eq 1 ] || { echo "FAIL: $symbolic uses $colours fill colours" >&2; exit 1; }
if grep -q 'stroke=\|<text\|Gradient' "$symbolic"; then
  echo "FAIL: $symbolic has strokes, text or gradients" >&2; exit 1
fi
echo "ok: $symbolic is monochrome"
