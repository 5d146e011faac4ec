#!/usr/bin/env bash
# JMH: one GET through ResilientHttpClients vs a bare RestClient, against a local JDK HTTP server
# (ResilientClientBenchmark) and against an in-memory request factory (InterceptorOverheadBenchmark).
# Usage: bench/resilience-lib/run.sh [JMH options, replacing the defaults]
# Defaults: 3 x 5 s warm-up, 5 x 5 s measurement, 1 thread; 1 fork is set on the class.
# Quick smoke run: JMH_RESULT=/tmp/smoke.json bench/resilience-lib/run.sh -wi 1 -w 1s -i 1 -r 1s
# JMH_RESULT: where the JSON results go (default bench/resilience-lib/results.json).
# JMH_INCLUDE: which benchmarks (regex; default both: ResilientClientBenchmark, InterceptorOverheadBenchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
    set -- -wi 3 -w 5s -i 5 -r 5s -t 1
fi
# One reactor invocation: compiles the benchmark (the JMH annotation processor runs on test-compile) and writes
# each module's test classpath, with sibling modules as their target/classes, to <module>/target/bench.classpath.
./mvnw -q -B -ntp -pl resilience-lib -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx512m \
    -cp "resilience-lib/target/test-classes:resilience-lib/target/classes:$(cat resilience-lib/target/bench.classpath)" \
    org.openjdk.jmh.Main "${JMH_INCLUDE:-dev.switchboard.resilience.bench}" -rf json -rff "${JMH_RESULT:-bench/resilience-lib/results.json}" \
    "$@"
