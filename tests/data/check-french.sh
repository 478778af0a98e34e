#!/bin/sh
# The merged desktop file, metainfo and MIME type carry the French names
# that the software centre and the file manager show (issue 6: "Budget ENT").
# Usage: check-french.sh DESKTOP METAINFO MIME   (prints TAP)
set -u
n=0; failed=0
check () {
  n=$((n + 1))
  if grep -qF -- "$2" "$3"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
check "desktop Name[fr]" "Name[fr]=Budget ENT" "$1"
check "desktop French keywords" "Keywords[fr]=" "$1"
check "metainfo French name" '<name xml:lang="fr">Budget ENT</name>' "$2"
check "metainfo French summary" '<summary xml:lang="fr">' "$2"
check "MIME French comment" '<comment xml:lang="fr">Document Budget ENT</comment>' "$3"
echo "1..$n"
exit $failed
