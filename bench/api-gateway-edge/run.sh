#!/usr/bin/env bash
# Cost of the gateway's edge policies with wrk, against nginx serving a small JSON file:
#   plain route, cached route (every request a hit), API-key route, JWT route.
# Usage: [WARMUP_SECONDS=30] [CONNECTIONS=50] [GATEWAY_ARGS='--switchboard.gateway.auth.jwt-cache.enabled=false']
#        bench/api-gateway-edge/run.sh [seconds-per-run]
# Needs the packaged jar (./mvnw -pl api-gateway -am package -DskipTests), nginx, wrk, openssl, python3.
set -euo pipefail
seconds=${1:-10}
warmup=${WARMUP_SECONDS:-30}
connections=${CONNECTIONS:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar"
gateway_port=${GATEWAY_PORT:-18281}
backend_port=${BACKEND_PORT:-18280}
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as another user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Backend: nginx, one worker, serving a 52-byte JSON body and the bench issuer's JWK set.
mkdir -p "$work/www" "$work/nginx"
printf '{"results":[{"id":1,"score":0.93}],"took_ms":1.25}\n' >"$work/www/search.json"
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
issuer="https://issuer.bench.test"
token=$(python3 "$here/make_jwt.py" "$work/key.pem" "$work/www/jwks.json" "$issuer" 3600)
api_key=$(openssl rand -hex 24)
api_key_sha256=$(printf %s "$api_key" | sha256sum | cut -d' ' -f1)
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$backend_port;
    default_type application/json;
    location = /jwks.json { root $work/www; }
    location / { root $work/www; try_files /search.json =404; }
  }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

backend="http://127.0.0.1:$backend_port"
EUREKA_ENABLED=false GATEWAY_API_KEYS_SHA256="bench:$api_key_sha256" GATEWAY_JWK_SET_URI="$backend/jwks.json" \
  java -Xmx512m -jar "$jar" --server.port=$gateway_port --logging.level.root=WARN \
  '--spring.cloud.gateway.server.webflux.routes[0].id=bench-plain' \
  "--spring.cloud.gateway.server.webflux.routes[0].uri=$backend" \
  '--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/plain/**,/cached/**,/keyed/**,/jwt/**' \
  '--switchboard.gateway.cache.paths=/cached/**' \
  '--switchboard.gateway.cache.ttl=10m' \
  '--switchboard.gateway.auth.rules[0].path=/keyed/**' \
  '--switchboard.gateway.auth.rules[0].policy=api-key' \
  '--switchboard.gateway.auth.rules[1].path=/jwt/**' \
  '--switchboard.gateway.auth.rules[1].policy=jwt' \
  "--spring.security.oauth2.resourceserver.jwt.issuer-uri=$issuer" \
  '--switchboard.gateway.rate-limit.defaults.replenish-rate=10000000' \
  '--switchboard.gateway.rate-limit.defaults.burst-capacity=10000000' \
  ${GATEWAY_ARGS:-} >"$work/gateway.log" 2>&1 &
pids+=($!)
until curl -sf "http://localhost:$gateway_port/actuator/health" >/dev/null; do
  kill -0 "${pids[1]}" 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
  sleep 0.5
done
url="http://localhost:$gateway_port"
# Each route must answer 200 before it is measured (a bench of 401s would be meaningless).
check() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [ "$status" = 200 ] || { echo "route check failed ($status): $*" | sed "s/$api_key/<key>/; s/$token/<token>/"; cat "$work/gateway.log"; exit 1; }
}
check "$url/plain/search"
check "$url/cached/search"
check -H "X-API-Key: $api_key" "$url/keyed/search"
check -H "Authorization: Bearer $token" "$url/jwt/search"
echo "== $(date -u +%FT%TZ), gateway args: ${GATEWAY_ARGS:-none}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "-- warm-up ${warmup}s over all four routes (not recorded)"
for path in /plain/search /cached/search; do wrk -t1 -c$connections -d$((warmup / 4))s "$url$path" >/dev/null; done
wrk -t1 -c$connections -d$((warmup / 4))s -H "X-API-Key: $api_key" "$url/keyed/search" >/dev/null
wrk -t1 -c$connections -d$((warmup / 4))s -H "Authorization: Bearer $token" "$url/jwt/search" >/dev/null
run() {
  local name=$1; shift
  echo "-- $name: wrk -t1 -c$connections -d${seconds}s --latency $*" | sed "s/$api_key/<key>/; s/$token/<jwt>/"
  local report
  report=$(wrk -t1 -c$connections -d${seconds}s --latency "$@")
  grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' <<<"$report"
  # A run of refusals (a rate limit, an expired token) measures the refusal, not the route: stop.
  if grep -q 'Non-2xx' <<<"$report"; then
    echo "!! $name answered non-2xx statuses; its figures are not the route's" >&2
    exit 1
  fi
}
run "nginx directly" "$backend/plain/search"
# Two rounds, interleaved, so that drift of the shared machine's load shows instead of favouring one route.
for round in 1 2; do
  echo "== round $round"
  run "gateway, plain route" "$url/plain/search"
  run "gateway, cached route (hits)" "$url/cached/search"
  run "gateway, API key route" -H "X-API-Key: $api_key" "$url/keyed/search"
  run "gateway, JWT route" -H "Authorization: Bearer $token" "$url/jwt/search"
done
echo "-- cache counters"
curl -s "$url/actuator/prometheus" | grep '^gateway_cache_requests_total' || true
