#!/usr/bin/env bash
# Removes what install.sh put in place, as listed in its manifest, and nothing else: files
# it wrote, the app folder it copied, and the folders it had to create (only once empty).
# Your AskWhy data (the database and its backups) is not part of the install and stays.
set -euo pipefail

lib_dir="$HOME/.local/lib/askwhy"
manifest="$lib_dir/install-manifest"
quiet=0
upgrade=0  # install.sh removes the previous version first: keep the user's settings then
for argument in "$@"; do
  case "$argument" in
    --quiet) quiet=1 ;;
    --upgrade) upgrade=1 ;;
    *) echo "usage: uninstall.sh [--quiet] [--upgrade]" >&2; exit 2 ;;
  esac
done

if [ ! -f "$manifest" ]; then
  echo "uninstall.sh: AskWhy is not installed for this user ($manifest not found)" >&2
  exit 1
fi

mapfile -t entries <"$manifest"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"

# Newest first: files and the app folder go before the folders that held them.
for ((i = ${#entries[@]} - 1; i >= 0; i--)); do
  kind="${entries[$i]%% *}"
  path="${entries[$i]#* }"
  case "$kind" in
    f) rm -f -- "$path" ;;
    t) rm -rf -- "$path" ;;
    d) rmdir -- "$path" 2>/dev/null || true ;;  # still holds something of the user's
    *) echo "uninstall.sh: skipping an unknown manifest line: ${entries[$i]}" >&2 ;;
  esac
done

# The app's own "start at login" entry is not the installer's, but once the app is gone it
# would point at nothing: remove it only when it starts this installation.
autostart="${XDG_CONFIG_HOME:-$HOME/.config}/autostart/io.github.askwhy.AskWhy.desktop"
if [ "$upgrade" = 0 ] && [ -f "$autostart" ] && grep -qF "$lib_dir/app/askwhy" "$autostart"; then
  rm -f -- "$autostart"
  [ "$quiet" = 1 ] || echo "Removed the start-at-login entry ($autostart)."
fi

if [ -d "$data_home/icons/hicolor" ]; then
  touch "$data_home/icons/hicolor" 2>/dev/null || true
fi
[ "$quiet" = 1 ] || echo "AskWhy uninstalled."
