#!/usr/bin/env bash
# metrics-collector benchmark: 500 simulated targets (50 services x 10 instances, one local process) polled every
# 10 s, after HOURS (default 1) simulated hours of history; measures the collector's CPU share and heap.
#
#   bench/metrics-collector/run.sh            # MEASURE_SECONDS=120 WARMUP_SECONDS=60 HOURS=1 by default
#
# Starts and stops only its own processes (by PID). Needs python3, curl and a built jar
# (./mvnw -q -B -ntp -o -pl metrics-collector -am package -DskipTests).
set -euo pipefail

cd "$(dirname "$0")/../.."
SERVICES=${SERVICES:-50}
INSTANCES=${INSTANCES:-10}
TARGET_PORT=${TARGET_PORT:-18300}
COLLECTOR_PORT=${COLLECTOR_PORT:-18383}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
MEASURE_SECONDS=${MEASURE_SECONDS:-120}
HEAP=${HEAP:--Xmx256m}
HOURS=${HOURS:-1}
WORK=$(mktemp -d /tmp/collector-bench.XXXXXX)
JAR=$(ls metrics-collector/target/metrics-collector-*.jar | grep -v plain | head -1)
PIDS=()
# /actuator/metrics is an admin operation: the run makes up a key and configures its digest.
ADMIN_KEY="bench-$RANDOM-$RANDOM"
ADMIN_KEY_SHA256=$(printf '%s' "$ADMIN_KEY" | sha256sum | cut -d' ' -f1)

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${KEEP_WORK:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

# The targets, as static targets: svc-00 .. svc-49, each with 10 URLs on the one simulator.
{
  echo "switchboard:"
  echo "  collector:"
  echo "    static-targets:"
  n=0
  for ((s = 0; s < SERVICES; s++)); do
    urls=()
    for ((i = 0; i < INSTANCES; i++)); do urls+=("http://127.0.0.1:$TARGET_PORT/t/$n"); n=$((n + 1)); done
    printf '      svc-%02d: "%s"\n' "$s" "$(IFS=,; echo "${urls[*]}")"
  done
} > "$WORK/targets.yml"

python3 bench/metrics-collector/targets.py "$TARGET_PORT" & PIDS+=($!)

start_collector() {
  java $HEAP -jar "$JAR" --server.port="$COLLECTOR_PORT" --eureka.client.enabled=false \
    --switchboard.admin.key-sha256="$ADMIN_KEY_SHA256" \
    --switchboard.collector.history.data-dir="$WORK/data" \
    --spring.config.additional-location="file:$WORK/targets.yml" > "$WORK/collector-$1.log" 2>&1 &
  COLLECTOR=$!
  PIDS+=("$COLLECTOR")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$COLLECTOR_PORT/health" > /dev/null && return 0
    sleep 0.5
  done
  echo "collector did not start; see $WORK/collector-$1.log" >&2
  exit 1
}

# First start creates the schema; then an hour of history is written directly, as if it had run for an hour.
start_collector schema
kill "$COLLECTOR"; wait "$COLLECTOR" || true
python3 bench/metrics-collector/seed_history.py "$WORK/data/history.db" "$SERVICES" "$INSTANCES" "$TARGET_PORT" "$HOURS"

start_collector measured
echo "warming up for ${WARMUP_SECONDS}s (aggregating the seeded history happens here) ..."
sleep "$WARMUP_SECONDS"

ticks() { awk '{print $14 + $15}' "/proc/$COLLECTOR/stat"; }
heap_used() {
  curl -fs -H "X-Admin-Key: $ADMIN_KEY" "http://127.0.0.1:$COLLECTOR_PORT/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}
CLK_TCK=$(getconf CLK_TCK)
t0=$(date +%s.%N); c0=$(ticks)
max_heap=0
for _ in $(seq 1 $((MEASURE_SECONDS / 10))); do
  sleep 10
  h=$(heap_used); [ "$h" -gt "$max_heap" ] && max_heap=$h
done
t1=$(date +%s.%N); c1=$(ticks)
cpu=$(python3 -c "print(f'{100 * ($c1 - $c0) / $CLK_TCK / ($t1 - $t0):.1f}')")

summary_ms=$(curl -fs -o "$WORK/summary.json" -w '%{time_total}' "http://127.0.0.1:$COLLECTOR_PORT/api/v1/metrics/summary")
refresh=$(curl -fs -H "X-Admin-Key: $ADMIN_KEY" "http://127.0.0.1:$COLLECTOR_PORT/actuator/metrics/collector.summary.refresh" | python3 -c '
import json,sys
m = {x["statistic"]: x["value"] for x in json.load(sys.stdin)["measurements"]}
count, total, worst = m["COUNT"], m["TOTAL_TIME"], m["MAX"]
print("%.0f ms mean, %.0f ms max (recent), %d runs" % (1000 * total / max(count, 1), 1000 * worst, count))')
history_ms=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$COLLECTOR_PORT/api/v1/metrics/svc-01")
watched=$(curl -fs "http://127.0.0.1:$COLLECTOR_PORT/api/v1/metrics" | python3 -c '
import json,sys
body = json.load(sys.stdin)
print(sum(s["instancesTotal"] for s in body["services"]), sum(s["instancesUp"] for s in body["services"]))')
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$COLLECTOR/status")
samples=$(python3 -c "import sqlite3; c=sqlite3.connect('$WORK/data/history.db'); print(c.execute('select count(*) from sample').fetchone()[0], c.execute('select count(*) from minute').fetchone()[0])")
db_mb=$(du -sm "$WORK/data" | cut -f1)

echo
echo "targets watched / up:            $watched"
echo "collector CPU over ${MEASURE_SECONDS}s:     ${cpu} % of one core"
echo "heap used (max of samples):      $((max_heap / 1024 / 1024)) MB   (JVM flags: $HEAP)"
echo "RSS:                             $((rss_kb / 1024)) MB"
echo "raw samples / minute rows:       $samples"
echo "data directory:                  ${db_mb} MB"
echo "GET /api/v1/metrics/summary:     $(python3 -c "print(round($summary_ms * 1000))") ms"
echo "summary refresh (background):    $refresh"
echo "GET /api/v1/metrics/svc-01 (1h): $(python3 -c "print(round($history_ms * 1000))") ms"
