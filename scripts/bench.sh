#!/usr/bin/env bash
# Benchmarks. Prints figures; asserts nothing.
#   scripts/bench.sh anonymizer [--only ID,...] [--scale 1000000,3000000]
#       in-JVM search time per ARX conformance case after warm-up (median), next to ARX's median
#   scripts/bench.sh pipeline [--devices 1000000] [--work-dir DIR]
#       wall time and rows/s per stage on generated telemetry, against a bare Spark copy of the same data
set -euo pipefail
# The bench module's own jar (not the production jar): its lib/ holds the jobs jar and the anonymizer's test-jar,
# jobs/target/lib/ the rest.
# shellcheck source=launch.sh
source "$(dirname "${BASH_SOURCE[0]}")/launch.sh"
bench="$root/bench/target"
classpath="$bench/uep-deid-bench.jar:$bench/lib/*:$root/jobs/target/lib/*"
what="${1:-}"; shift || true
case "$what" in
  anonymizer)
    cases="${CONFORMANCE_CASES:-$root/../shared/conformance/cases.json}"
    UEP_DEID_JAVA_OPTS="${UEP_DEID_JAVA_OPTS:--Xmx8g -XX:+UseParallelGC}" \
      launch "$bench/uep-deid-bench.jar" org.uepdeid.bench.Bench "$classpath" anonymizer --cases "$cases" "$@"
    ;;
  pipeline)
    UEP_DEID_JAVA_OPTS="${UEP_DEID_JAVA_OPTS:--Xmx12g}" \
      launch "$bench/uep-deid-bench.jar" org.uepdeid.bench.Bench "$classpath" pipeline "$@"
    ;;
  *)
    echo "usage: scripts/bench.sh anonymizer [--only IDS] [--runs N] [--scale ROWS,...]" >&2
    echo "       scripts/bench.sh pipeline [--devices N] [--work-dir DIR]" >&2
    exit 2
    ;;
esac
