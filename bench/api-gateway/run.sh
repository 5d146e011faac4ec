#!/usr/bin/env bash
# One run, same machine, same backend: wrk straight to a backend, through nginx proxying it, through the gateway's
# bare route (stock Spring Cloud Gateway: our filters off) and through the gateway with every filter on (request id,
# problem bodies, body-size limit, access log, per-route meters, rate limit, health-checked load balancing, circuit
# breaker, retry). The backend is nginx serving a small JSON document (so it is never the bottleneck); the proxy is a
# second nginx with 1 worker and a keepalive upstream. Each gateway is warmed for WARMUP seconds before measuring.
#
#   bench/api-gateway/run.sh                      # 90 s warm-up, 15 s per measurement
#   WARMUP=60 DURATION=30 bench/api-gateway/run.sh
#
# Ports 18090-18092 (and 18190 for nginx's proxy). Stops only the processes it started, by PID.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WARMUP="${WARMUP:-90}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-1}"
GATEWAY_HEAP="${GATEWAY_HEAP:-512m}"
# The parallel collector: +18 % req/s over G1 for the gateway's short-lived garbage (RESULTS.md, 2026-12-04).
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:--XX:+UseParallelGC}"
BACKEND_PORT=18090
PROXY_PORT=18190
GATEWAY_PORT=18091
# Output (wrk reports, logs, nginx files) under the module's target/, which git ignores.
OUT="$ROOT/api-gateway/target/bench"
PATH_UNDER_TEST=/api/v1/stats
mkdir -p "$OUT"
rm -rf "$OUT/nginx" && mkdir -p "$OUT/nginx"

for tool in wrk nginx curl java; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
JAR="$(find "$ROOT/api-gateway/target" -maxdepth 1 -name 'api-gateway-*.jar' ! -name '*.original' | head -n 1)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl api-gateway -am package -DskipTests)
  JAR="$(find "$ROOT/api-gateway/target" -maxdepth 1 -name 'api-gateway-*.jar' ! -name '*.original' | head -n 1)"
fi

PIDS=()
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
stop_all() { for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; }
trap stop_all EXIT

nginx_conf() { # name port body-of-server
  cat >"$OUT/nginx/$1.conf" <<CONF
worker_processes 1;
daemon off;
pid $OUT/nginx/$1.pid;
error_log $OUT/nginx/$1-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/$1-body;
  proxy_temp_path $OUT/nginx/$1-proxy;
  fastcgi_temp_path $OUT/nginx/$1-fastcgi;
  uwsgi_temp_path $OUT/nginx/$1-uwsgi;
  scgi_temp_path $OUT/nginx/$1-scgi;
  keepalive_requests 1000000;
  $3
}
CONF
  nginx -c "$OUT/nginx/$1.conf" -p "$OUT/nginx" &
  PIDS+=("$!")
}

wait_up() { # url
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not up: $1" >&2; exit 1
}

measure() { # label url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" >"$OUT/$1.wrk"
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$1.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$1.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$1.wrk")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/$1.wrk"); non2xx=${non2xx:-0}
  echo "$1 $rps $p50 $p99 $non2xx" >>"$OUT/summary.txt"
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "$non2xx"
}

start_gateway() { # label extra-args...
  local label=$1; shift
  EUREKA_ENABLED=false VECTOR_API_URL="http://127.0.0.1:$BACKEND_PORT" \
    java $GATEWAY_JVM_OPTS -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" -jar "$JAR" --server.port="$GATEWAY_PORT" "$@" >"$OUT/$label.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_up "http://127.0.0.1:$GATEWAY_PORT/health"
  wait_up "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
  echo "warming $label for ${WARMUP}s"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" >/dev/null
}

: >"$OUT/summary.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "command: WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS GATEWAY_JVM_OPTS='$GATEWAY_JVM_OPTS' bench/api-gateway/run.sh"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"
} | tee "$OUT/environment.txt"

nginx_conf backend "$BACKEND_PORT" "server {
    listen 127.0.0.1:$BACKEND_PORT;
    location = /health { default_type application/json; return 200 '{\"status\":\"UP\"}'; }
    location / { default_type application/json; return 200 '{\"documents\":3,\"dimensions\":384,\"index\":\"hnsw\"}'; }
  }"
nginx_conf proxy "$PROXY_PORT" "upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }"
wait_up "http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST"
wait_up "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"

wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST" >/dev/null
measure direct "http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST" >/dev/null
measure nginx "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"

# Bare: a plain route to the backend URL, no default filters, none of our filters, no tracing observation, no
# response cache. (Spring Security only runs its firewall: anonymous requests to public paths skip the edge chain.)
start_gateway gateway-bare --switchboard.gateway.filters.enabled=false \
  --spring.cloud.gateway.server.webflux.default-filters= \
  --spring.cloud.gateway.server.webflux.observability.enabled=false --management.tracing.export.enabled=false \
  --switchboard.gateway.cache.enabled=false \
  "--spring.cloud.gateway.server.webflux.routes[0].id=bare" \
  "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$BACKEND_PORT" \
  "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=$PATH_UNDER_TEST"
measure gateway-bare "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
stop_pid "$GATEWAY_PID"

# All filters: the shipped configuration (seed route lb://vector-api), a rate limit high enough never to refuse.
start_gateway gateway-all-filters --switchboard.gateway.rate-limit.defaults.replenish-rate=10000000 \
  --switchboard.gateway.rate-limit.defaults.burst-capacity=10000000
measure gateway-all-filters "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
grep -c 'dev.switchboard.gateway.access' "$OUT/gateway-all-filters.log" | sed 's/^/access-log lines written: /'
stop_pid "$GATEWAY_PID"

awk '
  { rps[$1]=$2; p50[$1]=$3; p99[$1]=$4 }
  END {
    printf "\nratios (requests/s)\n"
    printf "  nginx / direct                 %.2f\n", rps["nginx"]/rps["direct"]
    printf "  gateway bare / nginx           %.2f\n", rps["gateway-bare"]/rps["nginx"]
    printf "  gateway all filters / nginx    %.2f   (goal >= 0.50)\n", rps["gateway-all-filters"]/rps["nginx"]
    printf "  gateway all filters / bare     %.2f   (goal >= 0.85: filters cost <= 15%%)\n", rps["gateway-all-filters"]/rps["gateway-bare"]
  }' "$OUT/summary.txt" | tee "$OUT/ratios.txt"
