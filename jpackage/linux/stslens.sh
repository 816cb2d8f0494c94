#!/bin/sh
# The `stslens` command and the menu entry's launcher on Linux (installed as lib/app/stslens.sh;
# /usr/bin/stslens links here). It starts the bundled runtime directly with the JVM options of
# jpackage's lib/app/stslens.cfg. Why not jpackage's bin/stslens: on every start, JDK 17's Linux
# launcher asked rpm and dpkg which package owns it (`dpkg -S` reads the whole package database),
# which cost 0.3 s warm and more after a cold boot. bin/stslens still works; it is only slower.
# With a subcommand it uses the AOT cache trained on the command line (stslens-cli.aot) instead of
# the one trained on the window (stslens.aot): each holds the classes its own start needs. The two
# lint commands get one trained on them alone (stslens-lint.aot): a JVM loads every class of its
# cache at start, and the check's 3,500 cost a lint about 60 ms of CPU.
APPDIR=$(dirname "$(readlink -f "$0")")
options=$(sed -n 's/^java-options=//p' "$APPDIR/stslens.cfg" | sed "s|\$APPDIR|$APPDIR|g")
cache=stslens-cli.aot
case "${1:-} ${2:-}" in
  "policy lint" | "txt lint") [ -f "$APPDIR/stslens-lint.aot" ] && cache=stslens-lint.aot ;;
esac
if [ $# -gt 0 ] && [ -f "$APPDIR/$cache" ]; then
  options=$(printf '%s\n' "$options" | sed "s|/stslens\.aot\$|/$cache|")
fi
# Without a GPU device OpenGL can only be Mesa's software renderer, which JavaFX refuses: GTK's
# probe of OpenGL when it opens the display and JavaFX's of its ES2 pipeline would each load Mesa
# and LLVM (about 55 MB resident) before JavaFX falls back to its software pipeline anyway. JavaFX
# draws with its own GLX context, never GTK's.
gpu=no
for device in /dev/dri/* /dev/nvidia0; do [ -e "$device" ] && gpu=yes; done
if [ "$gpu" = no ]; then
  export GDK_GL="${GDK_GL:-disable}"
  options="$options -Dprism.order=sw"
fi
# shellcheck disable=SC2086  # the options are single words, split on purpose
exec "$APPDIR/../runtime/bin/java" $options -Djpackage.app-path="$APPDIR/../../bin/stslens" \
  -cp "$APPDIR/stslens.jar" org.stslens.app.Launcher "$@"
