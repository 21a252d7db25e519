#!/usr/bin/env bash
# Builds AskWhy.app and a compressed disk image on macOS (run from the repository root):
#   packaging/macos/make-dmg.sh
# The spec's BUNDLE step makes dist/AskWhy.app with an Info.plist generated from the package
# (bundle id io.github.askwhy.AskWhy, version from desktop/__init__.py). PyInstaller signs it
# ad hoc; set CODESIGN_IDENTITY to sign it with a Developer ID instead (notarise separately).
set -euo pipefail

cd "$(dirname "$0")/../.."
python=".venv/bin/python"
"$python" packaging/build.py --no-tarball

version="$("$python" -c 'import desktop; print(desktop.__version__)')"
app="dist/AskWhy.app"
/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$app/Contents/Info.plist"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
fi
codesign --verify --deep --strict "$app"

image="dist/askwhy-$version-macos-$(uname -m).dmg"
rm -f "$image"
hdiutil create -volname AskWhy -srcfolder "$app" -ov -format UDZO "$image"
echo "built $image"
