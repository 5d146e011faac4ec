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
OUT="$ROOT/api-gateway/target/bench-compare"
rm -rf "$OUT" && mkdir -p "$OUT/nginx"
# shellcheck source=bench/api-gateway/common.sh
source "$ROOT/bench/api-gateway/common.sh"
require_tools wrk nginx curl "$JAVA" awk
start_backend

LABELS=() GATEWAYS=() PORTS=()
while IFS='|' read -r label jar args jvm_opts java_command; do
  [[ -z "$label" || "$label" == \#* ]] && continue
  [[ "$jar" == /* ]] || jar="$ROOT/$jar"
  port=$((18101 + ${#LABELS[@]}))
  # shellcheck disable=SC2086 # the extra arguments are split on purpose
  launch_gateway "${java_command:-$JAVA}" "$jar" "$port" "$OUT/$label.log" "$jvm_opts" \
    "${NEVER_REFUSING_RATE_LIMIT[@]}" $args
  GATEWAYS+=("$!") && LABELS+=("$label") && PORTS+=("$port")
done <"$VARIANTS"

url() { echo "http://127.0.0.1:${PORTS[$1]}$PATH_UNDER_TEST"; }
for j in "${!LABELS[@]}"; do wait_up "$(url "$j")"; done

load_all() { # seconds output-prefix
  local loads=()
  for j in "${!LABELS[@]}"; do
    wrk -t1 -c"$CONNECTIONS" -d"$1s" "$(url "$j")" >"$2-$j.wrk" &
    loads+=("$!")
  done
  wait "${loads[@]}"
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); java: $("$JAVA" -version 2>&1 | head -n 1)"
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
