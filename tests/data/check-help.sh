#!/bin/sh
# The user help (help/): every Mallard page is valid, in English and as built
# in French; the French translation is complete (no untranslated or fuzzy
# message) and up to date with the English pages; every page is installed.
#
# Usage: check-help.sh HELP_SRCDIR HELP_BUILDDIR
set -eu

src=$1
build=$2

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

command -v yelp-check >/dev/null 2>&1 || {
  echo "SKIP: yelp-check not found (package yelp-tools, installed by scripts/deps.sh --test)"
  exit 77
}

# Every page is in help/meson.build, so that it is installed and translated.
for page in "$src"/C/*.page; do
  name=$(basename "$page")
  grep -q "'$name'" "$src/meson.build" || fail "$name is not listed in help/meson.build"
  [ -s "$build/fr/$name" ] || fail "fr/$name was not built"
  grep -q 'xml:lang="fr"' "$build/fr/$name" || fail "fr/$name is not the French page"
done
echo "ok: every page is listed and built in French"

(cd "$src/C" && yelp-check validate *.page) || fail "yelp-check validate C"
echo "ok: the English pages validate"
(cd "$build/fr" && yelp-check validate *.page) || fail "yelp-check validate fr"
echo "ok: the French pages validate"

# msgfmt --statistics prints "N translated messages." and, when there are
# any, ", N fuzzy translations" and ", N untranslated messages".
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$src/fr/fr.po" 2>&1) \
  || fail "msgfmt --check fr/fr.po: $stats"
case $stats in
  *fuzzy*|*untranslated*) fail "fr/fr.po is incomplete: $stats" ;;
esac
echo "ok: fr/fr.po: $stats"

# Up to date: every message of the pages as they are now has a translation
# (a changed paragraph would otherwise stay English in the French help).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
itstool -o "$work/ent-budget.pot" "$src"/C/*.page || fail "itstool could not extract the messages"
msgcmp "$src/fr/fr.po" "$work/ent-budget.pot" \
  || fail "fr/fr.po does not translate the current pages: run ninja help-ent-budget-update-po and translate"
echo "ok: fr/fr.po translates every message of the current pages"
