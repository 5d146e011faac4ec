#!/usr/bin/env bash
# Compares gateway variants (jars and/or configurations) under simultaneous load: every variant runs side by side
# and gets its own wrk at the same time, so that whatever the host does during a round (its speed drifts by up to 2x
# within minutes) it does to all of them. Reports each variant's gateway CPU time per request (from /proc) per
# round, and the per-round ratio against the first variant; req/s is shown but splits the cores between variants,
# so only the CPU ratios are meaningful. Run bench/api-gateway/run.sh for throughput and ratios against nginx.
#
#   bench/api-gateway/compare.sh variants.txt   # lines: label|jar|extra gateway arguments|extra JVM options|java command
#   ROUNDS=10 WARMUP=120 bench/api-gateway/compare.sh variants.txt
#
# Example variants file (same jar, the access log switched off in the second variant, two event loops in the third):
#   shipped|api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar|
#   no-access-log|api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar|--logging.level.dev.switchboard.gateway.access=off
#   two-event-loops|api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar||-Dreactor.netty.ioWorkerCount=2
#   java-25|api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar|||/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# Two identical lines (an A/A run) show the method's noise on the host at hand.
#
# Each variant is the shipped configuration on the seed route GET /api/v1/stats -> lb://vector-api, with a rate limit
# that never refuses, against an nginx backend on port 18090; variants listen on 18101, 18102, ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VARIANTS="${1:?usage: compare.sh variants-file}"
ROUNDS="${ROUNDS:-10}"
WARMUP="${WARMUP:-120}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-25}"
GATEWAY_HEAP="${GATEWAY_HEAP:-512m}"
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:--XX:+UseParallelGC}"
BACKEND_PORT=18090
OUT="$ROOT/api-gateway/target/bench-compare"
rm -rf "$OUT" && mkdir -p "$OUT/nginx"
for tool in wrk nginx curl java awk; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done

PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

cat >"$OUT/nginx/backend.conf" <<CONF
worker_processes 1;
daemon off;
pid $OUT/nginx/backend.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/body; proxy_temp_path $OUT/nginx/proxy; fastcgi_temp_path $OUT/nginx/fastcgi;
  uwsgi_temp_path $OUT/nginx/uwsgi; scgi_temp_path $OUT/nginx/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location = /health { default_type application/json; return 200 '{"status":"UP"}'; }
    location / { default_type application/json; return 200 '{"documents":3,"dimensions":384,"index":"hnsw"}'; }
  }
}
CONF
nginx -c "$OUT/nginx/backend.conf" -p "$OUT/nginx" &
PIDS+=("$!")

LABELS=() GATEWAYS=() PORTS=()
while IFS='|' read -r label jar args jvm_opts java_command; do
  [[ -z "$label" || "$label" == \#* ]] && continue
  [[ "$jar" == /* ]] || jar="$ROOT/$jar"
  port=$((18101 + ${#LABELS[@]}))
  # shellcheck disable=SC2086 # the extra arguments are split on purpose
  EUREKA_ENABLED=false VECTOR_API_URL="http://127.0.0.1:$BACKEND_PORT" "${java_command:-java}" $GATEWAY_JVM_OPTS $jvm_opts -Xms"$GATEWAY_HEAP" \
    -Xmx"$GATEWAY_HEAP" -jar "$jar" --server.port="$port" \
    --switchboard.gateway.rate-limit.defaults.replenish-rate=10000000 \
    --switchboard.gateway.rate-limit.defaults.burst-capacity=10000000 $args >"$OUT/$label.log" 2>&1 &
  PIDS+=("$!") && GATEWAYS+=("$!") && LABELS+=("$label") && PORTS+=("$port")
done <"$VARIANTS"

url() { echo "http://127.0.0.1:${PORTS[$1]}/api/v1/stats"; }
for j in "${!LABELS[@]}"; do
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$(url "$j")" && break; sleep 0.5; done
  curl -sf -o /dev/null "$(url "$j")" || { echo "not up: ${LABELS[$j]} (see $OUT/${LABELS[$j]}.log)" >&2; exit 1; }
done

load_all() { # seconds output-prefix
  local loads=()
  for j in "${!LABELS[@]}"; do
    wrk -t1 -c"$CONNECTIONS" -d"$1s" "$(url "$j")" >"$2-$j.wrk" &
    loads+=("$!")
  done
  wait "${loads[@]}"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); java: $(java -version 2>&1 | head -n 1)"
  echo "command: ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS bench/api-gateway/compare.sh $VARIANTS"
  echo "variants:" && grep -v '^#' "$VARIANTS" | sed 's/^/  /'
} | tee "$OUT/environment.txt"

echo "warming all variants together for ${WARMUP}s"
load_all "$WARMUP" "$OUT/warmup"
: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  before=()
  for j in "${!LABELS[@]}"; do before+=("$(cpu_ticks "${GATEWAYS[$j]}")"); done
  load_all "$DURATION" "$OUT/round$round"
  for j in "${!LABELS[@]}"; do
    ticks=$(($(cpu_ticks "${GATEWAYS[$j]}") - ${before[$j]}))
    awk -v label="${LABELS[$j]}" -v round="$round" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" '
      /requests in/ { requests = $1 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { non2xx = $NF }
      END { printf "%s %d %.0f %.1f %d\n", label, round, rps, ticks * 1e6 / hz / requests, non2xx + 0 }' \
      "$OUT/round$round-$j.wrk" | tee -a "$OUT/rounds.txt"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "--- per variant: median req/s, median CPU us/request, CPU ratios against ${LABELS[0]} (sorted), rounds favouring it"
for label in "${LABELS[@]}"; do
  rps=$(awk -v l="$label" '$1 == l { print $3 }' "$OUT/rounds.txt" | median)
  cpu=$(awk -v l="$label" '$1 == l { print $4 }' "$OUT/rounds.txt" | median)
  ratios=$(awk -v l="$label" -v b="${LABELS[0]}" '$1 == b { base[$2] = $4 } $1 == l { cur[$2] = $4 }
    END { for (r in cur) printf "%.3f\n", cur[r] / base[r] }' "$OUT/rounds.txt" | sort -n)
  median_ratio=$(echo "$ratios" | median)
  lower=$(echo "$ratios" | awk '$1 < 1 { n++ } END { print n + 0 }')
  printf "%-24s %8s req/s %7s us/req  median ratio %s  (%s of %s rounds below 1)  %s\n" "$label" "$rps" "$cpu" \
    "$median_ratio" "$lower" "$ROUNDS" "$(echo "$ratios" | tr '\n' ' ')"
done | tee "$OUT/summary.txt"
