#!/usr/bin/env bash
# Container healthcheck without curl or wget in the image: bash's /dev/tcp speaks just enough HTTP/1.0.
# Usage: healthcheck <port> [path]   (default path: the readiness group)
set -euo pipefail
port="${1:?port}"
path="${2:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == *" 200 "* ]]
