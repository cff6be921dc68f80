# Sourced by the local launchers (uep-deid, bench.sh): builds when a jar is missing or older than any source or POM
# (after a pull, say), then runs a main class with Spark's JVM flags. JVM options: UEP_DEID_JAVA_OPTS (default -Xmx4g).
#   launch JAR MAIN_CLASS CLASSPATH ARGS...   (JAR's folder must hold lib/, as each module's package leaves it)
# shellcheck shell=bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=java-opens.sh
source "$root/scripts/java-opens.sh"

launch() {
  local jar="$1" main="$2" classpath="$3"
  shift 3
  if [ ! -f "$jar" ] || [ ! -d "$(dirname "$jar")/lib" ] || \
     [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    echo "uep-deid: building (mvn -q -DskipTests package) ..." >&2
    (cd "$root" && mvn -q -B -DskipTests package) >&2
    # Maven leaves an unchanged jar's time alone; mark it current so a newer POM does not rebuild on every call.
    touch "$jar"
  fi
  # shellcheck disable=SC2086
  exec java ${UEP_DEID_JAVA_OPTS:--Xmx4g} "${JAVA17_OPENS[@]}" -cp "$classpath" "$main" "$@"
}
