#!/usr/bin/env bash
# Benchmarks. Prints figures; asserts nothing.
#   scripts/bench.sh anonymizer [--only ID,...] [--scale 1000000,3000000]
#       in-JVM search time per ARX conformance case after warm-up (median), next to ARX's median
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-}"; shift || true
case "$what" in
  anonymizer)
    cases="${CONFORMANCE_CASES:-$root/../shared/conformance/cases.json}"
    UEP_DEID_JAVA_OPTS="${UEP_DEID_JAVA_OPTS:--Xmx8g}" exec "$root/scripts/uep-deid" bench-anonymizer --cases "$cases" "$@"
    ;;
  *)
    echo "usage: scripts/bench.sh anonymizer [--only IDS] [--runs N] [--scale ROWS,...]" >&2
    exit 2
    ;;
esac
