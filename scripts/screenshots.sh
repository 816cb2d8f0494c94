#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real application in a real (Xvfb) window, against
# loopback lab servers. Needs Debian's xvfb and libgtk-3-0 (and a font such as fonts-dejavu-core).
# Then renders the review pictures of single views (classes named *Screenshots in the test
# sources: they assert nothing, so they are not in the unit suite) headless into target/.
# --docs-only skips the review pictures. --review renders every screen of the app at 1024x700 and
# 1920x1200, light and dark, into target/review instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
xvfb-run -a -s "-screen 0 1400x900x24" \
  mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.mainClass=org.stslens.app.ScreenshotTool \
    -Dexec.classpathScope=test \
    -Dexec.args="docs/screenshots"
ls -l docs/screenshots
if [[ "${1:-}" == "--review" ]]; then
  # every screen at the smallest supported window and at full size, light and dark, for a person to
  # look at (issue 13): target/review/<size>-<theme>/
  for size in 1024x700 1920x1200; do
    for theme in light dark; do
      xvfb-run -a -s "-screen 0 1920x1200x24" \
        mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
          -Dexec.mainClass=org.stslens.app.ScreenshotTool \
          -Dexec.classpathScope=test \
          -Dexec.args="target/review/$size-$theme $size $theme"
    done
  done
  ls -R target/review
  exit 0
fi
if [[ "${1:-}" != "--docs-only" ]]; then
  # -Dtest replaces surefire's *Test includes, so these classes run only here.
  mvn -B -q surefire:test -Dtest='*Screenshots' -Dsurefire.failIfNoSpecifiedTests=false
  ls -l target/stage-screenshots target/screenshots target/kit-pane*.png
fi
