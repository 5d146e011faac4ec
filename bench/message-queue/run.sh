#!/usr/bin/env bash
# Durable queue throughput over HTTP with wrk, for one store. Usage:
#   bench/message-queue/run.sh embedded|postgres [seconds]
# Needs the packaged jar (./mvnw -pl message-queue -am package -DskipTests) and wrk; postgres needs the local
# PostgreSQL (127.0.0.1:5432, user postgres, database test): it runs in a throw-away schema.
set -euo pipefail
store=${1:-embedded}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/message-queue/target/message-queue-0.1.0-SNAPSHOT.jar"
port=${PORT:-18182}
data=$(mktemp -d)
schema="queue_bench_$$"
log="$data/queue.log"

QUEUE_STORE=$store QUEUE_DATA_DIR="$data" QUEUE_DB_URL=jdbc:postgresql://127.0.0.1:5432/test QUEUE_DB_SCHEMA=$schema \
  EUREKA_ENABLED=false java -Xmx512m -jar "$jar" --server.port=$port --logging.level.root=WARN >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$store" = postgres ]; then psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
until curl -sf "http://localhost:$port/health" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
url="http://localhost:$port"
echo "== $store store, $(date -u +%FT%TZ), $(nproc) cores, java $(java -version 2>&1 | head -1)"
echo "-- warm-up (publish + batch, 10 s, not recorded)"
wrk -t2 -c32 -d5s -s "$here/publish.lua" "$url" >/dev/null
QUEUE=bench-warm wrk -t2 -c8 -d5s -s "$here/batch_publish.lua" "$url" >/dev/null
echo "-- publish: wrk -t2 -c64 -d${seconds}s -s publish.lua"
wrk -t2 -c64 -d${seconds}s --latency -s "$here/publish.lua" "$url"
echo "-- batch publish (100 per request): wrk -t2 -c16 -d${seconds}s -s batch_publish.lua"
QUEUE=bench-batch wrk -t2 -c16 -d${seconds}s --latency -s "$here/batch_publish.lua" "$url"
echo "-- consume + ack (from the batch-published backlog): wrk -t2 -c64 -d${seconds}s -s consume_ack.lua"
QUEUE=bench-batch wrk -t2 -c64 -d${seconds}s --latency -s "$here/consume_ack.lua" "$url"
echo "-- batch consume (max=10) + batch ack: wrk -t2 -c16 -d${seconds}s -s consume_batch_ack.lua"
QUEUE=bench-batch wrk -t2 -c16 -d${seconds}s --latency -s "$here/consume_batch_ack.lua" "$url"
for connections in ${PACED_CONNECTIONS:-20 50}; do
  echo "-- paced publish latency (~$((connections * 1000 / 20))/s offered): DELAY_MS=20 wrk -t2 -c$connections -d${seconds}s -s paced_publish.lua"
  DELAY_MS=20 wrk -t2 -c"$connections" -d${seconds}s --latency -s "$here/paced_publish.lua" "$url" | grep -E '50%|90%|99%|Requests/sec'
done
curl -s "$url/api/v1/queue/bench-batch/stats"; echo
