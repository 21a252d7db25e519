#!/usr/bin/env bash
# Makes sure the Debian/Ubuntu packages a group of tasks needs are present.
#   qt     the libraries PySide6 loads, even offscreen
#   test   qt, plus the real services the end-to-end tests start (Xvfb, a private
#          dbus-daemon, dunst, trayer, xclip, at-spi2-core for the screen-reader test,
#          Dovecot's IMAP server), binutils for PyInstaller, and poppler-utils
#          (pdftotext reads the proof-of-applications PDF back)
# As root, missing packages are installed with apt. Otherwise the one apt line to run is
# printed; `run` stops there, `test` carries on and the tests that need them skip.
set -euo pipefail

group="${1:-qt}"
qt_packages="libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3"
test_packages="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
libxkbcommon-x11-0 dbus-daemon dunst trayer xclip xdotool x11-utils binutils
desktop-file-utils appstream at-spi2-core poppler-utils dovecot-imapd"

case "$group" in
  qt) wanted="$qt_packages" ;;
  test) wanted="$qt_packages $test_packages" ;;
  *) echo "usage: $0 qt|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of: $wanted" >&2
  exit 0
fi

missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

echo "Missing system packages. Run:  sudo apt-get install$missing" >&2
[ "$group" = "qt" ] && exit 1
exit 0
