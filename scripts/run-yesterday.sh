#!/usr/bin/env bash
# Runs the pipeline for yesterday (UTC) from a scheduler, catching up on any day of the last week that is not yet
# published: `run --from (yesterday - CATCH_UP_DAYS + 1) --to yesterday` skips published days, so a retry or a day
# missed while the machine was down costs nothing extra. It waits for another command holding the data root's lock.
#   scripts/run-yesterday.sh [OPTIONS...]     # e.g. --config /etc/uep-deid/pipeline.yaml --key-file /etc/uep-deid/key
# Environment: CATCH_UP_DAYS (default 7), LOCK_WAIT_SECONDS (default 3600), and UEP_DEID_KEY unless --key-file.
# Exit codes (act on them): 0 every day done or already published; 1 a day's checks failed, nothing of it was
# published (read reports/dt=D/compliance.json); 2 bad usage or config, or the lock was held too long; 3 runtime
# failure (see the log). Days after a failed one are not run; the next call starts with the failed day again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
days="${CATCH_UP_DAYS:-7}"
yesterday="$(date -u -d yesterday +%F)"
first="$(date -u -d "$yesterday - $((days - 1)) days" +%F)"
exec "$root/scripts/uep-deid" run --from "$first" --to "$yesterday" --wait "${LOCK_WAIT_SECONDS:-3600}" "$@"
