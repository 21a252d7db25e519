#!/usr/bin/env bash
# Installs AskWhy for the current user, without root:
#   the app folder     ~/.local/lib/askwhy/
#   a launcher         ~/.local/bin/askwhy
#   the menu entry     $XDG_DATA_HOME/applications/io.github.askwhy.AskWhy.desktop
#   the icons          $XDG_DATA_HOME/icons/hicolor/<size>/apps/io.github.askwhy.AskWhy.*
#   AppStream data     $XDG_DATA_HOME/metainfo/io.github.askwhy.AskWhy.metainfo.xml
# ($XDG_DATA_HOME defaults to ~/.local/share.) Every file and folder it creates is written
# to a manifest, so uninstall.sh removes exactly those and nothing else. Running it again
# upgrades: the previous install is removed first. Your data (applications, requests,
# backups) lives elsewhere and is never touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="io.github.askwhy.AskWhy"
bin_dir="$HOME/.local/bin"
lib_dir="$HOME/.local/lib/askwhy"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
manifest="$lib_dir/install-manifest"

if [ ! -x "$here/askwhy/askwhy" ] || [ ! -d "$here/share" ]; then
  echo "install.sh: run it from the unpacked AskWhy folder (askwhy/ and share/ not found)" >&2
  exit 1
fi

if [ -f "$manifest" ]; then
  echo "Removing the previous install first"
  "$lib_dir/uninstall.sh" --quiet --upgrade
fi

entries=()

# Creates a folder and every missing parent, remembering the ones it made (parents first).
make_dir() {
  local dir="$1" missing=()
  while [ ! -d "$dir" ]; do
    missing=("$dir" "${missing[@]}")
    dir="$(dirname "$dir")"
  done
  for dir in "${missing[@]}"; do
    mkdir "$dir"
    entries+=("d $dir")
  done
}

# Copies one file into place and remembers it.
put_file() {
  local source="$1" target="$2" mode="$3"
  make_dir "$(dirname "$target")"
  install -m "$mode" "$source" "$target"
  entries+=("f $target")
}

if [ -e "$lib_dir/app" ]; then
  echo "install.sh: $lib_dir/app exists but was not installed by this script; move it away" >&2
  exit 1
fi
make_dir "$lib_dir"
cp -R "$here/askwhy" "$lib_dir/app"
entries+=("t $lib_dir/app")
put_file "$here/uninstall.sh" "$lib_dir/uninstall.sh" 755

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

launcher="$bin_dir/askwhy"
single_quoted="'${lib_dir//\'/\'\\\'\'}/app/askwhy'"
printf '#!/bin/sh\nexec %s "$@"\n' "$single_quoted" >"$work/askwhy"
put_file "$work/askwhy" "$launcher" 755

# Menu entries start without the user's shell PATH, so Exec names the launcher in full,
# quoted as the Desktop Entry spec asks: a backslash before \ " ` $ inside the quotes, then
# every backslash doubled once more by the key-file string rules.
quoted="$launcher"
# shellcheck disable=SC1003  # a lone backslash, not an escaped quote
for char in '\' '"' '`' '$'; do
  quoted="${quoted//"$char"/\\$char}"
done
quoted="${quoted//\\/\\\\}"
quoted="${quoted//%/%%}"
EXEC_LINE="Exec=\"$quoted\"" awk '/^Exec=askwhy$/ { print ENVIRON["EXEC_LINE"]; next } { print }' \
  "$here/share/applications/$app_id.desktop" >"$work/$app_id.desktop"
put_file "$work/$app_id.desktop" "$data_home/applications/$app_id.desktop" 644

while IFS= read -r relative; do
  put_file "$here/share/$relative" "$data_home/$relative" 644
done < <(cd "$here/share" && find icons metainfo -type f | LC_ALL=C sort)

printf '%s\n' "${entries[@]}" >"$manifest"
echo "f $manifest" >>"$manifest"

# Icon caches notice a new icon by the theme folder's mtime; desktops watch applications/.
touch "$data_home/icons/hicolor"

echo "AskWhy installed: $launcher"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Note: $bin_dir is not on your PATH; start AskWhy from the menu, or add it." ;;
esac
