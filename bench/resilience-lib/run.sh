#!/usr/bin/env bash
# JMH: one GET through ResilientHttpClients vs a bare RestClient, against a local JDK HTTP server.
# Usage: bench/resilience-lib/run.sh [extra JMH options]   (defaults: 1 fork (set on the class), 3x5s warm-up, 5x5s measurement)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp -pl resilience-lib test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -pl resilience-lib dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Xmx512m -cp "resilience-lib/target/test-classes:resilience-lib/target/classes:$(cat "$cp_file")" \
    org.openjdk.jmh.Main ResilientClientBenchmark -wi 3 -w 5s -i 5 -r 5s -t 1 \
    -rf json -rff bench/resilience-lib/results.json "$@"
