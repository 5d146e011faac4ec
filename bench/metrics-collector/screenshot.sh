#!/usr/bin/env bash
# Takes metrics-collector/docs/dashboard.png: six services x two instances on the target simulator, three
# simulated hours of history, headless Chromium. Needs python3, curl, chromium and a built jar.
set -euo pipefail

cd "$(dirname "$0")/../.."
TARGET_PORT=${TARGET_PORT:-18301}
COLLECTOR_PORT=${COLLECTOR_PORT:-18384}
NAMES=vector-api,analytics-api,etl-api,api-gateway,message-queue,service-discovery
WORK=$(mktemp -d /tmp/collector-shot.XXXXXX)
JAR=$(ls metrics-collector/target/metrics-collector-*.jar | grep -v plain | head -1)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${KEEP_WORK:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

{
  echo "switchboard.collector.static-targets:"
  n=0
  for name in ${NAMES//,/ }; do
    echo "  $name: http://127.0.0.1:$TARGET_PORT/t/$n,http://127.0.0.1:$TARGET_PORT/t/$((n + 1))"
    n=$((n + 2))
  done
} > "$WORK/targets.yml"

python3 bench/metrics-collector/targets.py "$TARGET_PORT" & PIDS+=($!)
start_collector() {
  java -Xmx256m -jar "$JAR" --server.port="$COLLECTOR_PORT" --eureka.client.enabled=false \
    --switchboard.collector.interval=2s --switchboard.collector.summary-refresh=2s \
    --switchboard.collector.history.data-dir="$WORK/data" \
    --spring.config.additional-location="file:$WORK/targets.yml" > "$WORK/collector.log" 2>&1 &
  COLLECTOR=$!
  PIDS+=("$COLLECTOR")
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$COLLECTOR_PORT/health" > /dev/null && return 0; sleep 0.5; done
  exit 1
}
start_collector
kill "$COLLECTOR"; wait "$COLLECTOR" || true
NAMES=$NAMES python3 bench/metrics-collector/seed_history.py "$WORK/data/history.db" 6 2 "$TARGET_PORT" 3
start_collector
sleep 15
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$WORK/chromium" --hide-scrollbars --window-size=1280,1050 \
  --virtual-time-budget=8000 --screenshot=metrics-collector/docs/dashboard.png \
  "http://127.0.0.1:$COLLECTOR_PORT/" 2>/dev/null
echo "wrote metrics-collector/docs/dashboard.png"
