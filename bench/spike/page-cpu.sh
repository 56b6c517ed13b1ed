#!/bin/bash
# CPU time per request of the petition page for one jar: a figure that stays comparable when the machine is
# busy with other work, unlike requests per second. Starts the jar on a fresh embedded database, warms up
# for 30 s, then takes ROUNDS rounds of 10 s with wrk (CONNECTIONS connections, no cookies) and prints, per
# round, requests per second and the app's CPU microseconds (user + system) per request.
#
#   bash bench/spike/page-cpu.sh target/safepassage-0.1.0-SNAPSHOT.jar [name]
#
# Environment: JAVA_HOME, PAGE_PATH [/petitions/1], CONNECTIONS [16], ROUNDS [3], APP_PORT [18090],
# DB_PORT [15490].
set -euo pipefail
JAR=${1:?usage: page-cpu.sh JAR [name]}
NAME=${2:-$(basename "$JAR" .jar)}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PAGE_PATH=${PAGE_PATH:-/petitions/1}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
APP_PORT=${APP_PORT:-18090}
DB_PORT=${DB_PORT:-15490}
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
PORT=$APP_PORT SAFEPASSAGE_DATA_DIR=$DATA/data SAFEPASSAGE_EMBEDDED_DB_PORT=$DB_PORT \
  SAFEPASSAGE_BASE_URL=http://localhost:$APP_PORT "$JAVA_HOME/bin/java" -jar "$JAR" >"$DATA/app.log" 2>&1 &
PID=$!
for _ in $(seq 1 180); do curl -sf "localhost:$APP_PORT/actuator/health" >/dev/null && break; sleep 1; done
ticks() { awk '{print $14+$15}' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)
wrk -t1 -c8 -d30s "http://localhost:$APP_PORT$PAGE_PATH" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  t0=$(ticks)
  out=$(wrk -t1 -c"$CONNECTIONS" -d10s "http://localhost:$APP_PORT$PAGE_PATH")
  t1=$(ticks)
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$NAME round $round: $(echo "$out" | awk '/Requests\/sec/{print $2}') requests/s," \
    "$(( (t1 - t0) * 1000000 / hz / requests )) µs CPU per request (load $(cut -d' ' -f1 /proc/loadavg))"
done
