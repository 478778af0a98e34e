#!/bin/sh
# Installs the built tree into a temporary DESTDIR and checks that the desktop
# integration lands where the freedesktop specifications look for it, then that
# update-mime-database maps *.entbudget (and a [Document] key file) to our type.
#
# Usage: check-install.sh BUILDDIR WORKDIR PREFIX BINDIR DATADIR with-help|without-help
set -eu

builddir=$1
work=$2
prefix=$3
bindir=$4
datadir=$5
help=$6
app_id=io.github.budgetent.BudgetEnt
mime_type=application/x-entbudget

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac

rm -rf "$work"
mkdir -p "$work"
destdir=$work/destdir

meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet \
  || fail "meson install --destdir failed"

share=$destdir$datadir
for f in \
    "$destdir$bindir/ent-budget" \
    "$share/applications/$app_id.desktop" \
    "$share/metainfo/$app_id.metainfo.xml" \
    "$share/mime/packages/$app_id.xml" \
    "$share/glib-2.0/schemas/$app_id.gschema.xml" \
    "$share/icons/hicolor/scalable/apps/$app_id.svg" \
    "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [ -s "$f" ] || fail "missing or empty: ${f#"$destdir"}"
  echo "ok: ${f#"$destdir"}"
done
if [ "$help" = with-help ]; then
  for f in "$share/help/C/ent-budget/index.page" "$share/help/fr/ent-budget/index.page"; do
    [ -s "$f" ] || fail "missing or empty: ${f#"$destdir"}"
    echo "ok: ${f#"$destdir"}"
  done
else
  echo "ok: the help is not built here (no itstool), so not installed"
fi
[ -x "$destdir$bindir/ent-budget" ] || fail "ent-budget is not executable"

# The installed schema directory compiles on its own (what post_install does).
glib-compile-schemas --strict --targetdir "$work" "$share/glib-2.0/schemas" \
  || fail "installed schemas do not compile"

# The desktop file names the installed icon and the MIME type.
grep -qx "Icon=$app_id" "$share/applications/$app_id.desktop" || fail "desktop file: Icon"
grep -q "^MimeType=.*$mime_type;" "$share/applications/$app_id.desktop" || fail "desktop file: MimeType"

# shared-mime-info: build the database from the installed package alone.
XDG_DATA_DIRS="$share" XDG_DATA_HOME="$work/no-such-dir" update-mime-database "$share/mime" \
  || fail "update-mime-database failed"
grep -qx "50:$mime_type:\*\.entbudget" "$share/mime/globs2" \
  || fail "globs2 does not map *.entbudget to $mime_type"
grep -q "^$mime_type text/plain\$" "$share/mime/subclasses" \
  || fail "$mime_type is not a subclass of text/plain"
grep -q "$mime_type" "$share/mime/magic" || fail "no magic rule for $mime_type"
grep -qx "$mime_type" "$share/mime/types" || fail "types does not list $mime_type"
echo "ok: update-mime-database maps *.entbudget to $mime_type"

# GIO reads the same database: by name, and by content for a file without
# the extension (magic on the [Document] group, with or without comments).
mkdir -p "$work/files"
printf '[Document]\nformat-version=1\n' > "$work/files/foo.entbudget"
printf '[Document]\nformat-version=1\ntitle=x\n' > "$work/files/no-extension"
printf '# a comment\n# another one\n\n[Document]\nformat-version=1\n' > "$work/files/commented"
printf '[Desktop Entry]\nName=Document\n' > "$work/files/other-key-file"
content_type () {
  env XDG_DATA_DIRS="$share" XDG_DATA_HOME="$work/no-such-dir" \
    gio info -a standard::content-type "$work/files/$1" \
    | sed -n 's/^ *standard::content-type: //p'
}
for f in foo.entbudget no-extension commented; do
  type=$(content_type "$f")
  [ "$type" = "$mime_type" ] || fail "gio sees $f as '$type', not $mime_type"
  echo "ok: gio info $f -> $type"
done
type=$(content_type other-key-file)
[ "$type" != "$mime_type" ] || fail "another key file is taken for $mime_type"
echo "ok: gio info other-key-file -> $type"

rm -rf "$work"
echo "install tree OK"
