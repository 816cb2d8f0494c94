#!/bin/sh
# jpackage runs this (resource-dir jpackage/macos, "<name>-post-image.sh", environment variable
# JpAppImageDir) after it has copied the app-image into its build directory and before it makes the
# .dmg. That copy does not keep file times (seen with jpackage 25 on Linux, where the same step runs
# the same way), and the AOT caches in Contents/app hold the jar's modification time: it is set back
# from Contents/app/stslens.jar.time (written by scripts/train-aot.sh). Without it the command line
# starts without its cache (silently, -Xlog:aot=off). Not run on this repository's Linux machines.
find "${JpAppImageDir:?set by jpackage}" -name stslens.jar.time -path '*/Contents/app/*' | while IFS= read -r time; do
  app=$(dirname "$time")
  # BSD date and touch: -r SECONDS prints that time, -t takes it back (both in local time)
  touch -t "$(date -r "$(cat "$time")" +%Y%m%d%H%M.%S)" "$app/stslens.jar"
done
