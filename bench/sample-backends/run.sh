#!/usr/bin/env bash
# Brief wrk runs against each sample backend endpoint. Starts the three roles from the packaged jar on
# ports 18000-18002 (so a running suite on 8000-8002 is left alone), warms each endpoint, measures, stops its
# own processes by PID.
#
#   bench/sample-backends/run.sh            # 10 s warm-up + 10 s measurement per endpoint
#   WARMUP=30 DURATION=30 bench/sample-backends/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
BASE_PORT="${BASE_PORT:-18000}"
OUT="$ROOT/bench/sample-backends/target"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
JAR="$(find "$ROOT/sample-backends/target" -maxdepth 1 -name 'sample-backends-*.jar' ! -name '*.original' | head -n 1)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl sample-backends -am package -DskipTests)
  JAR="$(find "$ROOT/sample-backends/target" -maxdepth 1 -name 'sample-backends-*.jar' ! -name '*.original' | head -n 1)"
fi

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT

start() { # role port
  # The heap the local run script gives each backend (96 MB), C1 only like ./switchboard.
  java -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" --role="$1" --server.port="$2" \
    --switchboard.sample.etl.backlog=100000 --switchboard.sample.etl.retained-jobs=1000 >"$OUT/$1.log" 2>&1 &
  PIDS+=("$!")
}

wait_healthy() { # port
  for _ in $(seq 1 120); do
    curl -sf "localhost:$1/health" >/dev/null && return 0
    sleep 0.5
  done
  echo "backend on port $1 did not become healthy" >&2; exit 1
}

measure() { # name url [lua script]
  local script=()
  [[ $# -ge 3 ]] && script=(-s "$3")
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" "$2" >/dev/null
  echo "=== $1"
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$2" | tee "$OUT/$1.txt" \
    | grep -E "Requests/sec|Non-2xx|^ +(50|99)%"
}

VECTOR=$BASE_PORT; ANALYTICS=$((BASE_PORT + 1)); ETL=$((BASE_PORT + 2))
start vector-api "$VECTOR"; start analytics-api "$ANALYTICS"; start etl-api "$ETL"
wait_healthy "$VECTOR"; wait_healthy "$ANALYTICS"; wait_healthy "$ETL"

VALUES="$(seq -s, 1 100)"
measure vector-search "http://localhost:$VECTOR/api/v1/search?query=vector+database+nearest+neighbour&k=5"
measure vector-stats "http://localhost:$VECTOR/api/v1/stats"
measure analytics-summary-100 "http://localhost:$ANALYTICS/api/v1/analyze/summary?values=$VALUES"
measure analytics-histogram-100 "http://localhost:$ANALYTICS/api/v1/analyze/histogram?values=$VALUES"
measure etl-submit-20-records "http://localhost:$ETL/api/v1/etl/jobs" "$ROOT/bench/sample-backends/etl-job.lua"
measure etl-list-100 "http://localhost:$ETL/api/v1/etl/jobs?limit=100"
for pid in "${PIDS[@]}"; do
  printf 'RSS of pid %s after the run: %s MB\n' "$pid" "$(( $(ps -o rss= -p "$pid") / 1024 ))"
done
