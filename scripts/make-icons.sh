#!/usr/bin/env bash
# Renders icons/stslens.svg (the one vector source) into every file an installer or the window needs:
#   icons/png/stslens-<N>.png   16..1024 px (Linux hicolor sizes, the window title bar, macOS, Windows)
#   icons/stslens.png           512 px, the Linux installer icon (jpackage --icon on Linux)
#   icons/stslens.ico           16, 24, 32, 48, 64, 128, 256 px (Windows: jpackage --icon, .msi, shortcuts)
#   icons/stslens.icns          16, 32, 48, 128, 256, 512, 1024 px (macOS: jpackage --icon, .dmg)
#   src/main/resources/org/stslens/app/icons/stslens-{16,32,48,64,128,256}.png  (Stage.getIcons())
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
# The outputs are committed, so building the app or the installers does not need these tools.
set -euo pipefail
cd "$(dirname "$0")/.."
src=icons/stslens.svg
mkdir -p icons/png src/main/resources/org/stslens/app/icons
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" "$src" -o "icons/png/stslens-$n.png"
done
cp icons/png/stslens-512.png icons/stslens.png
icotool -c -o icons/stslens.ico \
  icons/png/stslens-{16,24,32,48,64,128}.png -r icons/png/stslens-256.png
png2icns icons/stslens.icns \
  icons/png/stslens-{16,32,48,128,256,512,1024}.png >/dev/null
for n in 16 32 48 64 128 256; do
  cp "icons/png/stslens-$n.png" src/main/resources/org/stslens/app/icons/
done
ls -l icons icons/png
