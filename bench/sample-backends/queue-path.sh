#!/usr/bin/env bash
# etl-api through the real message queue: how fast jobs are accepted (published) and how fast the etl-api
# worker(s) drain them (long-poll consume, run, ack). Starts message-queue (embedded store, fresh data dir) on
# port 18082 and etl-api on 18012 with QUEUE_URL pointing at it; stops both by PID.
#
#   bench/sample-backends/queue-path.sh                 # 10 s of submissions, 1 consumer
#   ETL_CONSUMERS=4 DURATION=10 bench/sample-backends/queue-path.sh
#   QUEUE_JAR=/path/to/message-queue.jar bench/sample-backends/queue-path.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-8}"
CONSUMERS="${ETL_CONSUMERS:-1}"
OUT="$ROOT/bench/sample-backends/target"
mkdir -p "$OUT"
QUEUE_PORT=18082; ETL_PORT=18012

jar_of() { find "$ROOT/$1/target" -maxdepth 1 -name "$1-*.jar" ! -name '*.original' 2>/dev/null | head -n 1; }
ETL_JAR="$(jar_of sample-backends)"
QUEUE_JAR="${QUEUE_JAR:-$(jar_of message-queue)}"
[[ -n "$ETL_JAR" && -n "$QUEUE_JAR" ]] || { echo "build the jars first: ./mvnw -pl message-queue,sample-backends -am package -DskipTests" >&2; exit 1; }

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT
wait_healthy() { for _ in $(seq 1 120); do curl -sf "localhost:$1/health" >/dev/null && return 0; sleep 0.5; done; echo "port $1 not healthy" >&2; exit 1; }
stat() { curl -s "localhost:$QUEUE_PORT/api/v1/queue/etl/stats" | sed -E "s/.*\"$1\":([0-9]+).*/\1/"; }

DATA="$(mktemp -d)"
java -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$QUEUE_JAR" --server.port=$QUEUE_PORT \
  --QUEUE_DATA_DIR="$DATA" --EUREKA_ENABLED=false >"$OUT/queue-path-queue.log" 2>&1 &
PIDS+=("$!")
wait_healthy $QUEUE_PORT
java -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$ETL_JAR" --role=etl-api --server.port=$ETL_PORT \
  --QUEUE_URL="http://localhost:$QUEUE_PORT" --ETL_CONSUMERS="$CONSUMERS" --ETL_RETAINED_JOBS=100000 \
  >"$OUT/queue-path-etl.log" 2>&1 &
PIDS+=("$!")
wait_healthy $ETL_PORT

# Warm both JVMs with a short burst, and let the worker drain it.
wrk -t1 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/sample-backends/etl-job.lua" "http://localhost:$ETL_PORT/api/v1/etl/jobs" >/dev/null
until [[ "$(stat acked)" == "$(stat published)" ]]; do sleep 0.2; done
base_acked="$(stat acked)"

echo "=== submit for ${DURATION}s (${CONNECTIONS} connections), ${CONSUMERS} consumer(s)"
start=$(date +%s.%N)
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/sample-backends/etl-job.lua" \
  "http://localhost:$ETL_PORT/api/v1/etl/jobs" | tee "$OUT/queue-path-submit.txt" | grep -E 'Requests/sec|Non-2xx|^ +(50|99)%'
published="$(stat published)"
until [[ "$(stat acked)" == "$published" ]]; do sleep 0.2; done
end=$(date +%s.%N)
jobs=$(( published - base_acked ))
echo "jobs run and acked: $jobs in $(echo "$end - $start" | bc) s => $(echo "scale=0; $jobs / ($end - $start)" | bc) jobs/s end to end"
echo "etl-api jobs failed: $(curl -s "localhost:$ETL_PORT/api/v1/etl/jobs?status=failed&limit=1000" | grep -o '"id"' | wc -l)"
rm -rf "$DATA"
