#!/bin/sh
# Regenerates po/POTFILES.in from the sources that hold translatable strings,
# extracts po/ent-budget.pot and merges it into po/fr.po (new strings come out
# untranslated; tests/po/check-po.sh fails until they are translated).
set -eu
cd "$(dirname "$0")/.."

{
  echo "# Files with translatable strings (tests/po/check-po.sh checks this list is complete)"
  { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext|ngettext)[[:space:]]*\(' app --include='*.c';
    grep -rl 'translatable="yes"' ui --include='*.ui';
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml 2>/dev/null; } | sort -u
} > po/POTFILES.in

xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
  --package-name=ent-budget --msgid-bugs-address=https://github.com/budgetent/BudgetEnt/issues \
  -o po/ent-budget.pot
msgmerge --quiet --update --backup=none --no-fuzzy-matching po/fr.po po/ent-budget.pot
rm -f po/ent-budget.pot
msgfmt --statistics -o /dev/null po/fr.po
