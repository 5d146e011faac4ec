#!/usr/bin/env bash
# CPU cost of one API-key check and one JWT validation (JMH, one fork, short: the machine is shared).
# Usage: bench/api-gateway-edge/run-jmh.sh   (after ./mvnw -pl api-gateway -am package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
m2=${M2_REPO:-$HOME/.m2/repository}
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
processor="$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$jmh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The gateway's own classes and libraries, from its packaged jar.
unzip -q "$root/api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar" 'BOOT-INF/*' -d "$out/app"
cp="$out/app/BOOT-INF/classes:$out/app/BOOT-INF/lib/*:$jmh"
javac -nowarn -cp "$cp" -processorpath "$processor" -d "$out/classes" "$here/EdgeCheckCost.java"
java -Xmx256m -cp "$out/classes:$cp" org.openjdk.jmh.Main bench.gateway.edge.EdgeCheckCost -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
