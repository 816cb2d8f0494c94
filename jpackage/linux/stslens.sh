#!/bin/sh
# The `stslens` command and the menu entry's launcher on Linux (installed as lib/app/stslens.sh;
# /usr/bin/stslens links here). It starts the bundled runtime directly with the JVM options of
# jpackage's lib/app/stslens.cfg. Why not jpackage's bin/stslens: on every start, JDK 17's Linux
# launcher asks rpm and dpkg which package owns it (`dpkg -S` reads the whole package database),
# which cost 0.3 s warm and more after a cold boot. bin/stslens still works; it is only slower.
APPDIR=$(dirname "$(readlink -f "$0")")
options=$(sed -n 's/^java-options=//p' "$APPDIR/stslens.cfg" | sed "s|\$APPDIR|$APPDIR|g")
# shellcheck disable=SC2086  # the options are single words, split on purpose
exec "$APPDIR/../runtime/bin/java" $options -Djpackage.app-path="$APPDIR/../../bin/stslens" \
  -cp "$APPDIR/stslens.jar" org.stslens.app.Launcher "$@"
