#!/usr/bin/env bash
# Trains the AOT caches (JEP 483/514, Java 25) of a jpackage app-image, on every system:
# Linux (scripts/package-linux.sh), and Git Bash on Windows and bash 3.2 on macOS (release.yml).
#
#   scripts/train-aot.sh APP_DIR JAVA WORK_DIR [GUI_LAUNCHER [CLI_LAUNCHER]]
#
#   APP_DIR       the app-image's $APPDIR: lib/app (Linux), app (Windows), Contents/app (macOS);
#                 it holds stslens.jar and the launchers' .cfg files; the caches are written there
#   JAVA          the app-image's own runtime: lib/runtime/bin/java, runtime/bin/java.exe,
#                 Contents/runtime/Contents/Home/bin/java
#   WORK_DIR      logs and scratch files (aot-training.log, lab-serve.txt, training-policy.txt)
#   GUI_LAUNCHER  the launcher whose JVM options the window's cache is trained with (its .cfg in
#                 APP_DIR); default stslens
#   CLI_LAUNCHER  the same for the command line's cache; default stslens (on Linux stslens.sh runs
#                 the command line with stslens.cfg's options and the other cache)
#
# Makes APP_DIR/stslens.aot (the GUI up to its first window, -Dstslens.startupProbe; under Xvfb when
# xvfb-run is there) and APP_DIR/stslens-cli.aot (a check of the lab's good-enforce domain and both
# lint commands in one JVM, org.stslens.app.AotTraining), each with its launcher's JVM options from
# the .cfg (a cache made under other GC or JIT options is not used), and APP_DIR/stslens.jar.time:
# the jar's modification time in seconds, which the caches record and a package's copy may change.
# A failed training leaves that cache out (a warning here); the launchers then start without it.
# A training step still running after STSLENS_AOT_TIMEOUT seconds (default 600) is ended: a GUI
# that cannot open a window (a Windows runner's desktop) must not hang the build.
#
# Portable on purpose: no GNU-only flags (no `timeout`, `sed -i`, `stat -c` alone, `readlink -f`,
# `mapfile`), paths with spaces ("STS Lens.app"), and on Windows every path handed to java.exe is a
# native one (cygpath -w): the cache's class-path check splits paths at the system's separator, so a
# C:/x/y form recorded at training would not be recognised under C:\Program Files\STS Lens\app.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 APP_DIR JAVA WORK_DIR [GUI_LAUNCHER [CLI_LAUNCHER]]" >&2
  exit 2
fi
app_dir=$1
java=$2
work=$3
gui_launcher=${4:-stslens}
cli_launcher=${5:-stslens}
jar="$app_dir/stslens.jar"
timeout_s=${STSLENS_AOT_TIMEOUT:-600}
log="$work/aot-training.log"
mkdir -p "$work"
: >"$log"
# a JAVA_TOOL_OPTIONS of the build machine's would be trained into the caches
unset JAVA_TOOL_OPTIONS

# A path as java sees it: native on Windows (Git Bash, MSYS, Cygwin), unchanged elsewhere.
native() {
  if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s\n' "$1"; fi
}

# The JVM options of launcher $1, one per line as jpackage's .cfg has them (each is one argument,
# spaces and all), without the cache option and with $APPDIR filled in. Into the array `options`.
read_options() {
  local cfg="$app_dir/$1.cfg" line appdir
  appdir=$(native "$(cd "$app_dir" && pwd)")
  [ -f "$cfg" ] || { echo "no launcher configuration $cfg" >&2; exit 2; }
  options=()
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case "$line" in
      java-options=*AOTCache*) ;;
      java-options=*)
        line=${line#java-options=}
        options+=("${line//\$APPDIR/$appdir}") ;;
    esac
  done <"$cfg"
}

# Runs a command and kills it after $timeout_s seconds (there is no `timeout` on macOS); sets
# timed_out. The command gets a process group of its own (set -m), so that the kill also reaches
# the java and Xvfb that xvfb-run started. SIGKILL, not SIGTERM: a JVM ended by SIGTERM still
# writes a cache from its partial run, and goes on writing it after the kill.
with_timeout() {
  local pid waited=0
  timed_out=0
  set -m
  "$@" &
  pid=$!
  set +m
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$timeout_s" ]; then
      echo "training step still running after ${timeout_s}s, killed" >>"$log"
      timed_out=1
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  wait "$pid"
}

# The window: the GUI up to its first interactive window (StartupProbe writes the time and exits).
read_options "$gui_launcher"
training=()
command -v xvfb-run >/dev/null 2>&1 && training+=(xvfb-run -a -s "-screen 0 1400x900x24")
probe="$work/startup-probe.txt"
rm -f "$probe" "$app_dir/stslens.aot"
with_timeout ${training[@]+"${training[@]}"} "$java" ${options[@]+"${options[@]}"} \
  -XX:AOTCacheOutput="$(native "$app_dir/stslens.aot")" \
  -Dstslens.startupProbe="$(native "$probe")" \
  -cp "$(native "$jar")" org.stslens.app.Launcher >>"$log" 2>&1 || true
[ "$timed_out" = 0 ] || rm -f "$app_dir/stslens.aot"
rm -f "$probe"

# The command line, trained on what it is for: a check of the lab's good-enforce domain on loopback
# (all five stages: DNS, HTTPS, policy, SMTP with TLS, TLS-RPT; a cache trained on a `policy lint`
# alone left most of a check's classes out) and, in the same JVM (AotTraining runs commands
# separated by a lone +), the two lint commands, whose classes a check does not load.
read_options "$cli_launcher"
java_app=("$java" ${options[@]+"${options[@]}"})
lab_out="$work/lab-serve.txt"
rm -f "$lab_out" "$app_dir/stslens-cli.aot"
"${java_app[@]}" -cp "$(native "$jar")" org.stslens.app.Launcher \
  lab serve good-enforce >"$lab_out" 2>&1 &
lab=$!
for _ in $(seq 1 300); do grep -q '^Serving' "$lab_out" 2>/dev/null && break; sleep 0.1; done
check=()
line=$(grep -m1 '^  stslens check' "$lab_out" 2>/dev/null | tr -d '\r' | sed 's/^  stslens //') || true
[ -z "$line" ] || read -r -a check <<<"$line"
policy="$work/training-policy.txt"
printf 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n' >"$policy"
if [ ${#check[@]} -gt 0 ]; then
  with_timeout "${java_app[@]}" \
    -XX:AOTCacheOutput="$(native "$app_dir/stslens-cli.aot")" \
    -cp "$(native "$jar")" org.stslens.app.AotTraining "${check[@]}" -q \
    + policy lint "$(native "$policy")" + txt lint 'v=STSv1; id=20261205T0000' \
    >>"$log" 2>&1 || true
  [ "$timed_out" = 0 ] || rm -f "$app_dir/stslens-cli.aot"
else
  echo "lab serve printed no check command (see $lab_out)" >>"$log"
fi
kill "$lab" 2>/dev/null || true
wait "$lab" 2>/dev/null || true

# STSLENS_AOT_LINT=1 (Linux, whose stslens.sh picks it for `policy lint` and `txt lint`): a third
# cache trained on the two lint commands alone. A JVM started with a cache loads all its classes at
# once, and the check's 3,500 cost a lint about 60 ms of CPU it did not need.
caches=(stslens.aot stslens-cli.aot)
if [ "${STSLENS_AOT_LINT:-0}" = 1 ]; then
  caches+=(stslens-lint.aot)
  rm -f "$app_dir/stslens-lint.aot"
  with_timeout "${java_app[@]}" \
    -XX:AOTCacheOutput="$(native "$app_dir/stslens-lint.aot")" \
    -cp "$(native "$jar")" org.stslens.app.AotTraining \
    policy lint "$(native "$policy")" + txt lint 'v=STSv1; id=20261205T0000' >>"$log" 2>&1 || true
  [ "$timed_out" = 0 ] || rm -f "$app_dir/stslens-lint.aot"
  # A lint should load nothing from the jar but its launcher class; more means classes the cache
  # left out (an old class file, as picocli's were before UpgradeOldClassFiles).
  if [ -s "$app_dir/stslens-lint.aot" ]; then
    from_jar=$("${java_app[@]}" -XX:AOTCache="$(native "$app_dir/stslens-lint.aot")" \
      -Xlog:class+load -cp "$(native "$jar")" org.stslens.app.Launcher policy lint \
      "$(native "$policy")" | grep -c 'source: file:' || true)
    echo "policy lint loads $from_jar classes from the jar (expected: 1, the launcher)"
    [ "$from_jar" -le 1 ] ||
      echo "warning: the lint cache misses classes (-Xlog:aot=warning says which)" >&2
  fi
fi

# the JVM's temporary training record, left behind when a training run is ended
rm -f "$app_dir/stslens.aot.config" "$app_dir/stslens-cli.aot.config" \
  "$app_dir/stslens-lint.aot.config"
for cache in "${caches[@]}"; do
  if [ -s "$app_dir/$cache" ]; then
    echo "AOT cache $cache: $(du -h "$app_dir/$cache" | cut -f1)"
  else
    rm -f "$app_dir/$cache"
    echo "warning: no $cache made (see $log); starts without it" >&2
  fi
done

# The caches hold the jar's modification time; a package's copy of the app-image may change it, so
# the install step (Linux postinst/%post) or jpackage's post-image script (Windows, macOS) sets it
# back from this file. GNU stat (Linux, Git Bash), else BSD stat (macOS).
stat -c %Y "$jar" 2>/dev/null >"$app_dir/stslens.jar.time" ||
  stat -f %m "$jar" >"$app_dir/stslens.jar.time"
