#!/usr/bin/env bash
# One run, same machine, same backend: wrk straight to a backend, through nginx proxying it, through the gateway's
# bare route (stock Spring Cloud Gateway: our filters off) and through the gateway with every filter on (request id,
# problem bodies, body-size limit, access log, per-route meters, rate limit, health-checked load balancing, circuit
# breaker, retry, trace propagation). The backend is nginx serving a small JSON document (so it is never the
# bottleneck); the proxy is a second nginx with 1 worker and a keepalive upstream.
#
# Both gateways run side by side and are warmed alternately (WARMUP seconds each, in 10 s turns); then ROUNDS rounds
# measure all four targets for DURATION seconds each, in alternating order. Each figure is the median over the rounds
# and the ratios are medians of the per-round ratios: this host's speed drifts by up to 2x within minutes, so only
# targets measured next to each other compare.
#
#   bench/api-gateway/run.sh                      # 90 s warm-up per gateway, 5 rounds of 10 s
#   WARMUP=120 ROUNDS=7 bench/api-gateway/run.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/api-gateway/run.sh   # the gateways on another JVM
#
# Ports 18090-18092 (and 18190 for nginx's proxy). Stops only the processes it started, by PID.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WARMUP="${WARMUP:-90}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-1}"
PROXY_PORT=18190
BARE_PORT=18091
ALL_PORT=18092
# Output (wrk reports, logs, nginx files) under the module's target/, which git ignores.
OUT="$ROOT/api-gateway/target/bench"
mkdir -p "$OUT"
rm -rf "$OUT/nginx" "$OUT/rounds" && mkdir -p "$OUT/nginx" "$OUT/rounds"
# shellcheck source=bench/api-gateway/common.sh
source "$ROOT/bench/api-gateway/common.sh"

require_tools wrk nginx curl "$JAVA" awk
JAR="$(find "$ROOT/api-gateway/target" -maxdepth 1 -name 'api-gateway-*.jar' ! -name '*.original' | head -n 1)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl api-gateway -am package -DskipTests)
  JAR="$(find "$ROOT/api-gateway/target" -maxdepth 1 -name 'api-gateway-*.jar' ! -name '*.original' | head -n 1)"
fi

declare -A URL GATEWAY_PID
URL[direct]="http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST"
URL[nginx]="http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"
URL[gateway-bare]="http://127.0.0.1:$BARE_PORT$PATH_UNDER_TEST"
URL[gateway-all-filters]="http://127.0.0.1:$ALL_PORT$PATH_UNDER_TEST"

measure() { # round label: one wrk run; appends "label round req/s p50 p99 non2xx cpu-us-per-request" to rounds.txt
  local round=$1 label=$2 file="$OUT/rounds/$2-$1.wrk" pid="${GATEWAY_PID[$2]:-}" before=0 after=0
  [[ -n "$pid" ]] && before=$(cpu_ticks "$pid")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${URL[$label]}" >"$file"
  [[ -n "$pid" ]] && after=$(cpu_ticks "$pid")
  awk -v label="$label" -v round="$round" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { requests = $1 }
    /^Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { non2xx = $NF }
    END { cpu = ticks > 0 ? ticks * 1e6 / hz / requests : 0
          printf "%s %d %.0f %.2f %.2f %d %.0f\n", label, round, rps, p50, p99, non2xx + 0, cpu }' "$file" >>"$OUT/rounds.txt"
  tail -n 1 "$OUT/rounds.txt" | awk '{ printf "  round %d %-20s %8s req/s  p50 %6s ms  p99 %6s ms  non-2xx %s%s\n",
    $2, $1, $3, $4, $5, $6, ($7 > 0 ? "  CPU/request " $7 " us" : "") }'
}

start_gateway() { # label port extra-args...
  local label=$1 port=$2
  shift 2
  launch_gateway "$JAVA" "$JAR" "$port" "$OUT/$label.log" "" "$@"
  GATEWAY_PID[$label]=$!
}

: >"$OUT/rounds.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "command: WARMUP=$WARMUP ROUNDS=$ROUNDS DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS GATEWAY_JVM_OPTS='$GATEWAY_JVM_OPTS' JAVA=$JAVA bench/api-gateway/run.sh"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the run"
} | tee "$OUT/environment.txt"

start_backend
nginx_conf proxy "$PROXY_PORT" "upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }"

# Bare: a plain route to the backend URL, no default filters, none of our filters, no response cache. (Spring
# Security only runs its firewall: anonymous requests to public paths skip the edge chain.)
start_gateway gateway-bare "$BARE_PORT" --switchboard.gateway.filters.enabled=false \
  --spring.cloud.gateway.server.webflux.default-filters= --management.tracing.export.enabled=false \
  --switchboard.gateway.cache.enabled=false \
  "--spring.cloud.gateway.server.webflux.routes[0].id=bare" \
  "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$BACKEND_PORT" \
  "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=$PATH_UNDER_TEST"
# All filters: the shipped configuration (seed route lb://vector-api), a rate limit high enough never to refuse.
start_gateway gateway-all-filters "$ALL_PORT" "${NEVER_REFUSING_RATE_LIMIT[@]}"

for label in direct nginx gateway-bare gateway-all-filters; do wait_up "${URL[$label]}"; done

echo "warming each gateway for ${WARMUP}s, in 10 s turns"
for _ in $(seq 1 $(((WARMUP + 9) / 10))); do
  for label in gateway-bare gateway-all-filters; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "${URL[$label]}" >/dev/null
  done
done
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${URL[direct]}" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${URL[nginx]}" >/dev/null

ORDER=(direct nginx gateway-bare gateway-all-filters)
for round in $(seq 1 "$ROUNDS"); do
  if ((round % 2)); then targets=("${ORDER[@]}"); else targets=(gateway-all-filters gateway-bare nginx direct); fi
  for label in "${targets[@]}"; do measure "$round" "$label"; done
done
lines=$(grep -c 'dev.switchboard.gateway.access' "$OUT/gateway-all-filters.log" || true)
echo "access-log lines written by the all-filters gateway: $lines"

# Medians over the rounds; ratios are medians of each round's ratio (targets measured seconds apart).
awk -v rounds="$ROUNDS" '
  function median(values, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] > values[j]; j--) { t = values[j]; values[j] = values[j - 1]; values[j - 1] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  function med(label, field,   r, v) { for (r = 1; r <= rounds; r++) v[r] = data[label, r, field]; return median(v, rounds) }
  function ratio(a, b,   r, v) { for (r = 1; r <= rounds; r++) v[r] = data[a, r, 3] / data[b, r, 3]; return median(v, rounds) }
  { for (f = 3; f <= 7; f++) data[$1, $2, f] = $f; non2xx[$1] += $6 }
  END {
    printf "\nmedians over %d rounds\n", rounds
    split("direct nginx gateway-bare gateway-all-filters", labels, " ")
    for (i = 1; i <= 4; i++) {
      l = labels[i]
      printf "  %-20s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d", l, med(l, 3), med(l, 4), med(l, 5), non2xx[l]
      if (med(l, 7) > 0) printf "  CPU/request %.0f us", med(l, 7)
      printf "\n"
    }
    printf "\nratios (requests/s, median of the rounds)\n"
    printf "  nginx / direct                 %.2f\n", ratio("nginx", "direct")
    printf "  gateway bare / nginx           %.2f\n", ratio("gateway-bare", "nginx")
    printf "  gateway all filters / nginx    %.2f   (goal >= 0.50)\n", ratio("gateway-all-filters", "nginx")
    printf "  gateway all filters / bare     %.2f   (goal >= 0.85: filters cost <= 15%%)\n", ratio("gateway-all-filters", "gateway-bare")
  }' "$OUT/rounds.txt" | tee "$OUT/ratios.txt"
