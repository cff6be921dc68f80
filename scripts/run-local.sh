#!/usr/bin/env bash
# Runs the whole pipeline locally (embedded Spark, local[*]) on a generated demo day:
#   scripts/run-local.sh [DATA_ROOT]          default ./demo-data
# Environment: UEP_DEID_DATE (default 2026-11-27), UEP_DEID_DEVICES (default 5000), UEP_DEID_SEED (default 42).
# Uses the fixed, public demo pseudonym key (--demo): synthetic data only. For real data set UEP_DEID_KEY or
# pass --key-file to scripts/uep-deid run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/demo-data}"
date="${UEP_DEID_DATE:-2026-11-27}"
devices="${UEP_DEID_DEVICES:-5000}"
seed="${UEP_DEID_SEED:-42}"
cd "$root"
echo "== generating $devices devices of synthetic UEP telemetry for $date under $data"
scripts/uep-deid generate --out "$data" --date "$date" --devices "$devices" --seed "$seed"
echo "== running the pipeline"
scripts/uep-deid run --data-root "$data" --date "$date" --demo
echo "== rendering the report"
scripts/uep-deid report --data-root "$data" --date "$date"
echo
echo "published microdata: $data/published/microdata/device_profiles/dt=$date"
echo "statistics:          $data/published/stats/*/dt=$date"
echo "report:              $data/reports/dt=$date/report.html (scripts/screenshot-report.sh $data $date for a PNG)"
echo "query them:          scripts/uep-deid query --data-root $data \"select * from device_profiles limit 10\""
