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
#   4. trains the AOT caches in that app-image with scripts/train-aot.sh (shared with the Windows
#      and macOS jobs of release.yml): its own runtime and jar, the launcher's JVM options, the GUI
#      up to its first window (-Dstslens.startupProbe, under Xvfb), written to lib/app/stslens.aot,
#      a second one on a check of a lab domain and both lint commands, lib/app/stslens-cli.aot,
#      which lib/app/stslens.sh uses for subcommands, and a third on the lint commands alone,
#      lib/app/stslens-lint.aot, which it uses for `policy lint` and `txt lint`. The caches are relocatable (the app-image
#      becomes /opt/stslens) but tied to the jar's size and modification time: jpackage's .deb/.rpm
#      copy changes the time, so lib/app/stslens.jar.time keeps it and the post-install step sets
#      it back;
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
touch -d "@$(stat -c %Y target/stslens.jar)" "$work/input/stslens.jar"

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

# 4. The AOT caches, trained in the app-image with its own runtime, jar and launcher options
#    (scripts/train-aot.sh, shared with the Windows and macOS jobs of release.yml): stslens.aot for
#    the window, stslens-cli.aot for the command line (stslens.sh picks it when given a
#    subcommand), and stslens.jar.time, the jar's time the caches hold: jpackage's copy into a
#    .deb/.rpm does not keep it, and the post-install step sets it back from this file.
#    STSLENS_AOT_LINT=1: and stslens-lint.aot, which only stslens.sh knows how to pick.
STSLENS_AOT_LINT=1 scripts/train-aot.sh "$app/lib/app" "$app/lib/runtime/bin/java" "$work"

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
