#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real application in a real (Xvfb) window, against
# loopback lab servers. Needs Debian's xvfb and libgtk-3-0 (and a font such as fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
xvfb-run -a -s "-screen 0 1400x900x24" \
  mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.mainClass=org.stslens.app.ScreenshotTool \
    -Dexec.classpathScope=test \
    -Dexec.args="docs/screenshots"
ls -l docs/screenshots
