# Sourced by run.sh and compare.sh (not run by itself): the nginx backend both measure against, starting gateways,
# waiting for them, their CPU time, and stopping everything started. Expects ROOT and OUT, with "$OUT/nginx" made.

GATEWAY_HEAP="${GATEWAY_HEAP:-512m}"
# The parallel collector: +18 % req/s over G1 for the gateway's short-lived garbage (RESULTS.md, 2026-12-04).
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:--XX:+UseParallelGC}"
JAVA="${JAVA:-java}" # the JVM the gateways run on, e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
BACKEND_PORT=18090
PATH_UNDER_TEST=/api/v1/stats
# The shipped configuration's rate limit, high enough never to refuse a benchmark request.
NEVER_REFUSING_RATE_LIMIT=(--switchboard.gateway.rate-limit.defaults.replenish-rate=10000000
  --switchboard.gateway.rate-limit.defaults.burst-capacity=10000000)

PIDS=()
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
stop_all() { for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; }
trap stop_all EXIT

require_tools() {
  for tool in "$@"; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
}

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

start_backend() { # the backend every gateway routes to: nginx answering a 46-byte JSON document from memory
  nginx_conf backend "$BACKEND_PORT" "server {
    listen 127.0.0.1:$BACKEND_PORT;
    location = /health { default_type application/json; return 200 '{\"status\":\"UP\"}'; }
    location / { default_type application/json; return 200 '{\"documents\":3,\"dimensions\":384,\"index\":\"hnsw\"}'; }
  }"
}

launch_gateway() { # java jar port log "extra JVM options" gateway-arguments...; its PID is $! afterwards
  local java=$1 jar=$2 port=$3 log=$4 jvm_opts=$5
  shift 5
  # shellcheck disable=SC2086 # the JVM options are split on purpose
  EUREKA_ENABLED=false VECTOR_API_URL="http://127.0.0.1:$BACKEND_PORT" "$java" $GATEWAY_JVM_OPTS $jvm_opts \
    -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" -jar "$jar" --server.port="$port" "$@" >"$log" 2>&1 &
  PIDS+=("$!")
}

wait_up() { # url
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not up: $1" >&2; exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
