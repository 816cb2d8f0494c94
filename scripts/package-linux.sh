#!/usr/bin/env bash
# Builds the Linux installers with jpackage (JDK 25): target/installer/stslens_<v>_amd64.deb,
# stslens-<v>-1.x86_64.rpm and the app-image target/installer/stslens/ (plus a .tar.gz of it).
#
#   scripts/package-linux.sh                 # deb, rpm and app-image
#   scripts/package-linux.sh deb             # only some of: deb rpm app-image
#
# Needs: JDK 25 (jpackage, jlink, jdeps; STSLENS_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64),
# Maven (the jar is still built for --release 17); fakeroot for .deb, Debian's `rpm` for .rpm; xvfb
# and libgtk-3-0 for the AOT training run (without a display the cache is trained on the command
# line only). Not part of `mvn verify`.
#
# What it does:
#   1. builds target/stslens.jar (mvn -o package -DskipTests; set STSLENS_SKIP_BUILD=1 to reuse it);
#   2. makes a trimmed Java 25 runtime with jlink from the jdeps module list plus the modules jdeps
#      cannot see (service providers): jdk.crypto.ec (TLS ECDHE), jdk.localedata is not needed;
#   3. builds the app-image with jpackage/common.args + jpackage/linux.args;
#   4. trains the AOT cache (JEP 483/514) in that app-image: its own runtime and jar, the launcher's
#      JVM options, the GUI up to its first window (-Dstslens.startupProbe, under Xvfb), written to
#      lib/app/stslens.aot, and a second one on a check of a lab domain, lib/app/stslens-cli.aot, which
#      lib/app/stslens.sh uses for subcommands, and a third on the lint commands,
#      lib/app/stslens-lint.aot, which it uses for `policy lint` and `txt lint`. The caches are relocatable (the app-image becomes /opt/stslens) but tied
#      to the jar's size and modification time: jpackage's .deb/.rpm copy changes the time, so
#      lib/app/stslens.jar.time keeps it and the post-install step sets it back;
#   5. makes the .deb/.rpm from that app-image (jpackage --app-image) with linux-package.args.
set -euo pipefail
cd "$(dirname "$0")/.."
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(deb rpm app-image)

# The version from the pom (the first <version> at project level), without -SNAPSHOT: jpackage
# accepts only numbers and dots.
pom_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
version=${pom_version%-SNAPSHOT}
echo "STS Lens $pom_version -> installer version $version"

if [ "${STSLENS_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/stslens.jar ]; then
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi

work=target/jpackage
out=target/installer
rm -rf "$work"
mkdir -p "$work/input" "$out"
cp target/stslens.jar "$work/input/"
cp jpackage/linux/stslens.sh "$work/input/"

jdk=${STSLENS_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/jpackage" ] || { echo "no JDK with jpackage at $jdk (set STSLENS_JDK)" >&2; exit 2; }
"$jdk/bin/java" -version 2>&1 | head -1
# picocli's classes are Java 5 class files, which an AOT cache leaves out: rewritten as Java 8 ones
# (same bytecode, with stack maps) they are cached like the others (policy lint: about 60 ms CPU).
env -u JAVA_TOOL_OPTIONS "$jdk/bin/java" scripts/UpgradeOldClassFiles.java "$work/input/stslens.jar"
touch -d "@$(stat -c %Y target/stslens.jar)" "$work/input/stslens.jar"

# 2. A trimmed runtime. bin/java is kept: stslens.sh starts it directly.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  target/stslens.jar)
modules="$modules,jdk.crypto.ec"
echo "runtime modules: $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$work/runtime"

# 3. The app-image, always: the packages are made from it.
image="$work/image"
rm -rf "$image"
"$jdk/bin/jpackage" @jpackage/common.args @jpackage/linux.args --type app-image \
  --app-version "$version" --input "$work/input" --runtime-image "$work/runtime" --dest "$image" \
  --temp "$work/temp-app-image" ${JPACKAGE_VERBOSE:+--verbose}
app="$image/stslens"

# 4. The AOT cache, trained with the launcher's own options (a cache made under other GC or JIT
#    options is not used). The training run of the GUI ends at the first window.
options=$(sed -n 's/^java-options=//p' "$app/lib/app/stslens.cfg" | grep -v 'AOTCache' |
  sed "s|\$APPDIR|$PWD/$app/lib/app|g" | tr '\n' ' ')
training=(env -u JAVA_TOOL_OPTIONS)
command -v xvfb-run >/dev/null && training+=(xvfb-run -a -s "-screen 0 1400x900x24")
probe=$(mktemp)
# shellcheck disable=SC2086  # the options are single words, split on purpose
"${training[@]}" "$app/lib/runtime/bin/java" $options \
  -XX:AOTCacheOutput="$app/lib/app/stslens.aot" -Dstslens.startupProbe="$probe" \
  -cp "$app/lib/app/stslens.jar" org.stslens.app.Launcher >"$work/aot-training.log" 2>&1 || true
rm -f "$probe"
# ... and one for the command line (stslens.sh picks it when given a subcommand), trained on what
#    the command line is for: a check of the lab's good-enforce domain on loopback (all five stages:
#    DNS, HTTPS, policy, SMTP with TLS, TLS-RPT). A cache trained on a `policy lint` alone left
#    most of a check's classes out (cold check: 710 ms CPU with the check's cache).
# shellcheck disable=SC2206  # the options are single words, split on purpose
java_app=("$app/lib/runtime/bin/java" $options)
jar_app=(-cp "$app/lib/app/stslens.jar" org.stslens.app.Launcher)
"${java_app[@]}" "${jar_app[@]}" lab serve good-enforce >"$work/lab-serve.txt" 2>&1 &
lab=$!
for _ in $(seq 1 300); do grep -q '^Serving' "$work/lab-serve.txt" 2>/dev/null && break; sleep 0.1; done
read -r -a check <<<"$(grep -m1 '^  stslens check' "$work/lab-serve.txt" | sed 's/^  stslens //')"
# ... and, in the same JVM (org.stslens.app.AotTraining runs commands separated by a lone +), the
#    two lint commands, whose classes a check does not load (policy lint: 0.25 s -> 0.21 s).
printf 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n' \
  >"$work/training-policy.txt"
lints=(policy lint "$work/training-policy.txt" + txt lint 'v=STSv1; id=20261205T0000')
if [ ${#check[@]} -gt 0 ]; then
  env -u JAVA_TOOL_OPTIONS "${java_app[@]}" -XX:AOTCacheOutput="$app/lib/app/stslens-cli.aot" \
    -cp "$app/lib/app/stslens.jar" org.stslens.app.AotTraining "${check[@]}" -q + "${lints[@]}" \
    >>"$work/aot-training.log" 2>&1 || true
fi
kill "$lab" 2>/dev/null || true
wait "$lab" 2>/dev/null || true
# ... and a third, trained on the two lint commands alone, which stslens.sh picks for them: a JVM
#    started with a cache loads all the cache's classes at once, and the check's 3,500 cost a lint
#    about 60 ms of CPU it did not need.
env -u JAVA_TOOL_OPTIONS "${java_app[@]}" -XX:AOTCacheOutput="$app/lib/app/stslens-lint.aot" \
  -cp "$app/lib/app/stslens.jar" org.stslens.app.AotTraining "${lints[@]}" \
  >>"$work/aot-training.log" 2>&1 || true
# A lint should load nothing from the jar but its launcher class; more means classes the cache left
# out (an old class file, as picocli's were before UpgradeOldClassFiles).
if [ -s "$app/lib/app/stslens-lint.aot" ]; then
  from_jar=$(env -u JAVA_TOOL_OPTIONS "${java_app[@]}" -XX:AOTCache="$app/lib/app/stslens-lint.aot" \
    -Xlog:class+load "${jar_app[@]}" policy lint "$work/training-policy.txt" |
    grep -c 'source: file:' || true)
  echo "policy lint loads $from_jar classes from the jar (expected: 1, the launcher)"
  [ "$from_jar" -le 1 ] || echo "warning: the lint cache misses classes (-Xlog:aot=warning says which)" >&2
fi
for cache in stslens.aot stslens-cli.aot stslens-lint.aot; do
  if [ -s "$app/lib/app/$cache" ]; then
    echo "AOT cache $cache: $(du -h "$app/lib/app/$cache" | cut -f1)"
  else
    echo "warning: no $cache made (see $work/aot-training.log); starts without it" >&2
  fi
done

# The caches hold the jar's modification time, and jpackage's copy into a .deb/.rpm does not keep
# it: the post-install step sets it back from this file.
stat -c %Y "$app/lib/app/stslens.jar" >"$app/lib/app/stslens.jar.time"

# 5. The packages, from the app-image with its cache: of common.args only what describes a package.
grep -E '^--(description|vendor|copyright) ' jpackage/common.args >"$work/package.args"
for type in "${types[@]}"; do
  extra=()
  case "$type" in
    deb) extra=(@jpackage/linux-package.args
                --linux-package-deps "libgtk-3-0, fonts-dejavu-core | fonts-dejavu") ;;
    rpm) extra=(@jpackage/linux-package.args --linux-package-deps "gtk3, dejavu-sans-fonts") ;;
    app-image)
      rm -rf "$out/stslens"
      cp -a "$app" "$out/stslens"
      continue ;;
    *) echo "unknown type $type (deb, rpm, app-image)" >&2; exit 2 ;;
  esac
  rm -f "$out"/stslens[_-]"$version"*."$type"
  echo "jpackage --type $type"
  "$jdk/bin/jpackage" --type "$type" --app-image "$app" --app-version "$version" \
    --name stslens --resource-dir jpackage/linux @"$work/package.args" --dest "$out" \
    --temp "$work/temp-$type" "${extra[@]}" ${JPACKAGE_VERBOSE:+--verbose}
done
if [ -d "$out/stslens" ]; then
  tar -C "$out" -czf "$out/stslens-$version-linux-x64-app-image.tar.gz" stslens
fi
ls -l "$out"
