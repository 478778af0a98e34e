#!/bin/sh
# Installs what Budget ENT needs on Debian 12, only what is missing.
#   scripts/deps.sh          build and run
#   scripts/deps.sh --test   also what the test suite needs
set -eu

build_packages="gcc meson ninja-build pkg-config gettext itstool libgtk-4-dev libadwaita-1-dev libxlsxwriter-dev
libglib2.0-bin libglib2.0-dev-bin desktop-file-utils appstream shared-mime-info locales"
test_packages="xvfb xauth dbus-daemon at-spi2-core clang libclang-rt-14-dev poppler-utils python3 python3-openpyxl
python3-xlsxwriter libreoffice-calc-nogui unzip librsvg2-bin libxml2-utils flatpak-builder
imagemagick yelp-tools xdotool python3-gi gir1.2-atspi-2.0"

packages=$build_packages
[ "${1:-}" = "--test" ] && packages="$packages $test_packages"

if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi

missing=
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# French is the users' language: the tests and the app need the locale.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  $SUDO sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen
  $SUDO locale-gen >/dev/null
fi
