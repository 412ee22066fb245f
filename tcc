#!/usr/bin/env bash
# The tcc launcher. On first use (or when the compiler's sources changed) it builds the
# toolchain with Maven, tests skipped; later calls start the JVM directly.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
. "$root/scripts/find-jdk.sh"

jar=$root/toolchain/target/tcc.jar
classpath=$root/toolchain/target/classpath.txt

stale() {
  [ -f "$jar" ] && [ -f "$classpath" ] || return 0
  # Any source, resource or POM newer than the jar means a rebuild.
  [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/{frontend,midend,llvm-backend,toolchain}/src/main \
           "$root/native-runtime/include" "$root/native-runtime/src" "$root/native-runtime/arch" \
           -newer "$jar" -print -quit 2>/dev/null)" ]
}

if stale; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "tcc: Maven (mvn) is needed to build the toolchain on first use; install it (apt-get install maven)" >&2
    exit 2
  fi
  echo "tcc: building the toolchain (first use or sources changed)..." >&2
  if ! (cd "$root" && JAVA_HOME=$T_JAVA_HOME mvn -q -B -DskipTests -pl toolchain -am package >"$root/toolchain/build.log" 2>&1); then
    tail -40 "$root/toolchain/build.log" >&2
    echo "tcc: building the toolchain failed (full log: toolchain/build.log)" >&2
    exit 2
  fi
  touch "$jar"
fi

exec "$T_JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Xshare:auto -cp "$jar:$(cat "$classpath")" tlang.toolchain.Main "$@"
