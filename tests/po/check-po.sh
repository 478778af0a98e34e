#!/bin/sh
# Fails when po/POTFILES.in misses a file with translatable strings, when a
# listed file does not exist, or when po/fr.po has untranslated, fuzzy or
# missing entries (a msgid of the sources absent from fr.po).
# Usage: check-po.sh SOURCE_ROOT  (prints TAP)
set -u
root=$1
cd "$root" || exit 1
n=0; failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)

# 1. every source with translatable strings is listed
candidates=$(grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext|ngettext)[[:space:]]*\(' app --include='*.c' 2>/dev/null;
             grep -rl 'translatable="yes"' ui data --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null;
             ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml 2>/dev/null)
missing=
for f in $(printf '%s\n' $candidates | sort -u); do
  printf '%s\n' "$listed" | grep -qx "$f" || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with strings"; else not_ok "POTFILES.in misses:$missing"; fi

# 2. every listed file exists
absent=
for f in $listed; do [ -f "$f" ] || absent="$absent $f"; done
if [ -z "$absent" ]; then ok "every POTFILES.in entry exists"; else not_ok "POTFILES.in lists absent files:$absent"; fi

# 3. fr.po is complete
stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*|*error*) not_ok "po/fr.po complete" "$stats" ;;
  *) ok "po/fr.po complete ($stats)" ;;
esac

# 4. fr.po is up to date with the sources
tmp=$(mktemp -d)
if xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
     --its=/usr/share/gettext/its/gtkbuilder.its -o "$tmp/ent-budget.pot" 2>"$tmp/err" \
   || xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 -o "$tmp/ent-budget.pot" 2>"$tmp/err"; then
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/fr.po "$tmp/ent-budget.pot" 2>>"$tmp/err"
  stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) not_ok "po/fr.po covers every string of the sources" "$stats" \
        "$(msgattrib --untranslated --no-wrap "$tmp/merged.po" | grep '^msgid' | head -20)" ;;
    *) ok "po/fr.po covers every string of the sources" ;;
  esac
else
  not_ok "xgettext ran" "$(cat "$tmp/err")"
fi
rm -rf "$tmp"

echo "1..$n"
exit $failed
