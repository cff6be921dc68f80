#!/usr/bin/env bash
# Proves that the cluster jar runs under spark-submit on a real Spark standalone cluster, not in local[*]:
# starts a master and one worker on 127.0.0.1, then submits generate, run and verify as three Spark applications
# and checks that each one's tasks ran in an executor the worker launched.
#   scripts/cluster-smoke.sh [WORK_DIR]     default: a new folder under ${TMPDIR:-/tmp}, kept for its logs
# Environment: UEP_DEID_DATE (default 2026-11-27), UEP_DEID_DEVICES (default 2000).
# Needs Java 17 and the project's dependencies in ~/.m2; no Spark distribution and no network (Maven runs offline).
# Synthetic data and the public demo key only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=java-opens.sh
source "$root/scripts/java-opens.sh"

date="${UEP_DEID_DATE:-2026-11-27}"
devices="${UEP_DEID_DEVICES:-2000}"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/uep-deid-cluster.XXXXXX")}"
jar="$root/jobs/target/cluster/uep-deid.jar"
app_lib="$root/jobs/target/cluster/lib"
spark_classpath="$root/jobs/target/cluster/spark-classpath.txt"
master_pid="" worker_pid="" master_url=""
summary=() seen_apps=()

fail() {
  echo "cluster-smoke: FAILED: $*" >&2
  echo "cluster-smoke: logs in $work/logs" >&2
  exit 1
}

now_ms() { date +%s%3N; }

seconds_since() { awk -v start="$1" -v end="$(now_ms)" 'BEGIN { printf "%.1f", (end - start) / 1000 }'; }

# Prepares WORK_DIR; an existing non-empty one is refused rather than cleaned, it may hold someone's data.
prepare_work_dir() {
  mkdir -p "$work"
  if [ -n "$(ls -A "$work")" ]; then
    echo "cluster-smoke: $work is not empty; give a new or empty WORK_DIR" >&2
    exit 2
  fi
  work="$(cd "$work" && pwd)"  # executors run in the worker's folders: every path handed to them is absolute
  mkdir -p "$work/logs" "$work/spark-home/jars" "$work/worker" "$work/local"
}

# Builds the cluster jar with Maven, whose incremental build leaves an up-to-date jar alone; the profile builds
# into target/cluster/, so the local launcher's target/uep-deid.jar and target/lib/ (with Spark) stay intact.
# The same run writes Spark's own classpath as Maven resolves it (the "provided" scope), for the SPARK_HOME below.
# Only jobs and what it needs: the bench module is not part of what a cluster runs.
build_cluster_jar() {
  local start
  start="$(now_ms)"
  echo "== building the cluster jar (mvn -Pcluster package; log $work/logs/build.log)"
  (cd "$root" && mvn -B -o -Pcluster -DskipTests -pl jobs -am package dependency:build-classpath \
      -DincludeScope=provided -Dmdep.outputFile=target/cluster/spark-classpath.txt) \
      >"$work/logs/build.log" 2>&1 || fail "step 'build' (mvn -Pcluster package); log $work/logs/build.log"
  summary+=("$(printf '%-9s exit 0  %6s s  %s' build "$(seconds_since "$start")" "$jar")")
}

# A SPARK_HOME needs no more than jars/: the worker builds each executor's class path from SPARK_HOME/jars/*
# (AbstractCommandBuilder), and SPARK_SCALA_VERSION spares it looking for a Spark build tree. Links, not copies:
# 280 MB of jars stay in ~/.m2.
assemble_spark_home() {
  local shared
  local -a entries
  IFS=: read -r -a entries <"$spark_classpath" || true  # one line, without a newline at its end
  [ "${#entries[@]}" -gt 0 ] || fail "no Spark jars listed in $spark_classpath; log $work/logs/build.log"
  ln -s "${entries[@]}" "$work/spark-home/jars/"
  export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
  # Everything binds to loopback, and shuffle and scratch files stay in WORK_DIR.
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/local"
  # --jars must be exactly what Spark lacks; a jar in both would be a second, possibly different, copy.
  shared="$(comm -12 <(ls "$SPARK_HOME/jars") <(ls "$app_lib"))"
  [ -z "$shared" ] || fail "jobs/target/cluster/lib repeats Spark's own jars: $shared"
}

# Waits up to $3 seconds for the regular expression $2 in log $1, as long as process $4 lives.
wait_for_log() {
  local log="$1" pattern="$2" seconds="$3" pid="$4" i
  for ((i = 0; i < seconds * 2; i++)); do
    grep -q -E "$pattern" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# Port 0 everywhere: the machine is shared, so the master picks free ports and its log says which.
start_cluster() {
  local start
  start="$(now_ms)"
  echo "== starting a standalone master and one worker on 127.0.0.1 (logs $work/logs/master.log, worker.log)"
  java "${JAVA17_OPENS[@]}" -Xmx512m -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
    >"$work/logs/master.log" 2>&1 &
  master_pid=$!
  wait_for_log "$work/logs/master.log" 'Starting Spark master at spark://' 60 "$master_pid" ||
    fail "step 'master' (it did not start); log $work/logs/master.log"
  master_url="$(grep -o -E 'spark://127\.0\.0\.1:[0-9]+' "$work/logs/master.log" | head -1)"

  java "${JAVA17_OPENS[@]}" -Xmx512m -cp "$SPARK_HOME/jars/*" \
    org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 --cores 2 --memory 4g \
    --work-dir "$work/worker" "$master_url" >"$work/logs/worker.log" 2>&1 &
  worker_pid=$!
  wait_for_log "$work/logs/master.log" 'Registering worker' 60 "$worker_pid" ||
    fail "step 'worker' (it did not register with $master_url); log $work/logs/worker.log"
  summary+=("$(printf '%-9s exit 0  %6s s  %s, 1 worker (2 cores, 4 GiB)' cluster "$(seconds_since "$start")" \
    "$master_url")")
}

# Stops the worker first (it stops its executors), then the master; runs on every exit.
stop_cluster() {
  local pid i
  for pid in "$worker_pid" "$master_pid"; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

# Submits one uep-deid command as a Spark application in client mode, as spark-submit does. The driver is this
# java process itself, so the --add-opens flags go on its command line; spark.driver.extraJavaOptions is what
# spark-submit's launcher would put there. Then checks that the application's tasks ran in the worker's executor.
submit() {
  local step="$1" start rc=0 app_jars app tasks
  local -a apps
  shift
  app_jars="$(find "$app_lib" -name '*.jar' | sort | paste -s -d ,)"
  start="$(now_ms)"
  echo "== $step: uep-deid $* (logs $work/logs/$step.out, $step.err)"
  java "${JAVA17_OPENS[@]}" -Xmx2g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$master_url" --deploy-mode client --name "uep-deid $step" \
    --class org.uepdeid.jobs.cli.UepDeid --jars "$app_jars" \
    --conf "spark.driver.extraJavaOptions=${JAVA17_OPENS[*]}" \
    --conf "spark.executor.extraJavaOptions=${JAVA17_OPENS[*]}" \
    "$jar" "$@" >"$work/logs/$step.out" 2>"$work/logs/$step.err" || rc=$?
  [ "$rc" -eq 0 ] || fail "step '$step' (uep-deid $1 exited $rc); log $work/logs/$step.err, output $work/logs/$step.out"

  # The worker keeps a folder per application it ran executors for; one that appeared now is this step's.
  mapfile -t apps < <(comm -13 <(printf '%s\n' "${seen_apps[@]}" | sort) <(ls "$work/worker" | sort))
  [ "${#apps[@]}" -gt 0 ] ||
    fail "step '$step' ran no application on $master_url (local mode?); log $work/logs/$step.err"
  seen_apps+=("${apps[@]}")
  tasks=0
  for app in "${apps[@]}"; do
    tasks=$((tasks + $(cat "$work/worker/$app"/*/stderr | grep -c 'Running task' || true)))
  done
  [ "$tasks" -gt 0 ] ||
    fail "step '$step': no task ran in the worker's executor; logs $work/worker/${apps[0]}/*/stderr"
  summary+=("$(printf "%-9s exit 0  %6s s  %s: %d tasks in the worker's executor" "$step" \
    "$(seconds_since "$start")" "${apps[*]}" "$tasks")")
}

main() {
  local start
  start="$(now_ms)"
  prepare_work_dir
  trap stop_cluster EXIT
  trap 'exit 130' INT TERM  # so that Ctrl-C also goes through the EXIT trap
  build_cluster_jar
  assemble_spark_home
  start_cluster
  submit generate generate --out "$work/data" --date "$date" --devices "$devices"
  submit run run --demo --date "$date" --data-root "$work/data"
  submit verify verify --date "$date" --data-root "$work/data"

  echo
  echo "cluster-smoke: passed in $(seconds_since "$start") s on $master_url"
  printf '  %s\n' "${summary[@]}"
  echo "-- uep-deid run, as printed by the driver:"
  cat "$work/logs/run.out"
  cat "$work/logs/verify.out"
  echo "work folder (logs, data, executor logs under worker/): $work"
}

main
