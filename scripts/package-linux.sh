#!/usr/bin/env bash
# Builds the Linux installers with jpackage (JDK 17): target/installer/stslens_<v>_amd64.deb,
# stslens-<v>-1.x86_64.rpm and the app-image target/installer/stslens/ (plus a .tar.gz of it).
#
#   scripts/package-linux.sh                 # deb, rpm and app-image
#   scripts/package-linux.sh deb             # only some of: deb rpm app-image
#
# Needs: JDK 17 (jpackage, jlink, jdeps), Maven; fakeroot for .deb, Debian's `rpm` for .rpm; xvfb
# and libgtk-3-0 to record the AppCDS class list (without a display the class list is skipped and
# the installed app simply starts without an archive). Not part of `mvn verify`.
#
# What it does:
#   1. builds target/stslens.jar (mvn -o package -DskipTests; set STSLENS_SKIP_BUILD=1 to reuse it);
#   2. records the classes loaded up to the first window and by a CLI lint as an AppCDS class
#      list, shipped as lib/app/stslens.classlist; the .deb/.rpm post-install step turns it into
#      lib/app/stslens.jsa for the installed jar (see jpackage/README.md);
#   3. makes a trimmed runtime with jlink from the jdeps module list plus the modules jdeps cannot
#      see (service providers): jdk.crypto.ec (TLS ECDHE), jdk.localedata is not needed;
#   4. runs jpackage with jpackage/common.args + jpackage/linux.args (+ linux-package.args for deb/rpm).
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

# 2. AppCDS class list: the GUI up to its first window (under a private Xvfb), then the command
#    line linting a policy; the two lists are merged (the list has no ids on Java 17, so plain lines).
classlist="$work/input/stslens.classlist"
jar="$work/input/stslens.jar"
if command -v xvfb-run >/dev/null; then
  probe=$(mktemp)
  env -u JAVA_TOOL_OPTIONS xvfb-run -a -s "-screen 0 1400x900x24" \
    java -Xshare:off -XX:DumpLoadedClassList="$work/gui.classlist" \
      -Dstslens.startupProbe="$probe" -jar "$jar" 2>/dev/null || true
  rm -f "$probe"
else
  echo "warning: xvfb-run not found: the class list covers only the command line" >&2
fi
printf 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n' \
  >"$work/policy.txt"
java -Xshare:off -XX:DumpLoadedClassList="$work/cli.classlist" -jar "$jar" \
  policy lint "$work/policy.txt" --mx mail.example.com >/dev/null 2>&1 || true
touch "$work/gui.classlist" "$work/cli.classlist"
awk '!seen[$0]++' "$work/gui.classlist" "$work/cli.classlist" >"$classlist"
if [ -s "$classlist" ]; then
  echo "AppCDS class list: $(grep -vc '^[#@]' "$classlist") classes"
else
  echo "warning: no class list recorded; the installed app will start without AppCDS" >&2
  rm -f "$classlist"
fi

# 3. A trimmed runtime. Native commands are kept: the post-install step needs bin/java for
#    -Xshare:dump (jlink's --generate-cds-archive would not help: the archive must hold our jar).
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/stslens.jar)
modules="$modules,jdk.crypto.ec"
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/runtime"

# 4. The packages.
for type in "${types[@]}"; do
  extra=()
  case "$type" in
    deb) extra=(@jpackage/linux-package.args
                --linux-package-deps "libgtk-3-0, fonts-dejavu-core | fonts-dejavu") ;;
    rpm) extra=(@jpackage/linux-package.args --linux-package-deps "gtk3, dejavu-sans-fonts") ;;
    app-image) rm -rf "$out/stslens" ;;
    *) echo "unknown type $type (deb, rpm, app-image)" >&2; exit 2 ;;
  esac
  rm -f "$out"/stslens[_-]"$version"*."$type"
  echo "jpackage --type $type"
  jpackage @jpackage/common.args @jpackage/linux.args --type "$type" --app-version "$version" \
    --input "$work/input" --runtime-image "$work/runtime" --dest "$out" \
    --temp "$work/temp-$type" "${extra[@]}" ${JPACKAGE_VERBOSE:+--verbose}
done
if [ -d "$out/stslens" ]; then
  tar -C "$out" -czf "$out/stslens-$version-linux-x64-app-image.tar.gz" stslens
fi
ls -l "$out"
