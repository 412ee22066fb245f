# Sourced by ./tcc, scripts/test and .ci/run: sets T_JAVA_HOME to a JDK >= 21, or
# explains what is missing and exits 2. T's compiler targets Java 21, while many systems'
# default `java` is older, so look beyond PATH: JAVA_HOME, then `java` on PATH, then the
# usual install locations.

t_jdk_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "${v:-}"
}

t_find_jdk() {
  local candidates=() c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  # T_JDK_DIRS (space-separated) replaces the usual install locations; tests use it.
  for c in ${T_JDK_DIRS-/usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/*}; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    m=$(t_jdk_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then
      T_JAVA_HOME=$c
      T_JAVA_MAJOR=$m
      return 0
    fi
  done
  {
    echo "tcc: no JDK 21 or newer found (T's compiler is written for Java 21)."
    echo "     Looked at JAVA_HOME, the java on PATH and /usr/lib/jvm."
    echo "     Install one (for example: apt-get install openjdk-21-jdk-headless, or Temurin 21+) or set JAVA_HOME to it."
  } >&2
  exit 2
}

t_find_jdk
export T_JAVA_HOME T_JAVA_MAJOR

# Maven 3.8 touches sun.misc.Unsafe, which JDK 23+ warns about on every run; allow it
# quietly there (older JDKs do not know the flag).
if [ "$T_JAVA_MAJOR" -ge 23 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
