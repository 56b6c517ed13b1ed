#!/usr/bin/env bash
# Builds the JDK AOT cache that lets a new SafePassage instance sign at full speed within seconds of its
# start (docs/warmup.md). Needs JDK 25 (JEP 483, 514, 515); run it again for every new jar or JDK.
#
#   bin/aot-cache.sh                        # for target/safepassage-0.1.0-SNAPSHOT.jar, into target/aot/
#   bin/aot-cache.sh path/to/app.jar /opt/safepassage/aot
#
# 1. Extracts the jar (java -Djarmode=tools extract): the AOT cache needs plain jars on the class path,
#    not the jars nested in Spring Boot's fat jar.
# 2. Training run: starts the extracted jar with -XX:AOTCacheOutput on a throwaway embedded PostgreSQL
#    (a temporary directory, the demo petition; no setting of yours is passed on, so it never touches
#    your database or your SMTP server), waits until it is up, loads a few public pages, then drives
#    signers (page load + sign form) for TRAIN_SECONDS: the classes this loads and links, and the
#    method profiles the JIT gathers, go into the cache.
# 3. Stops it (SIGTERM); at exit the JVM writes the cache (a minute or so on two cores).
#
# Then start every instance with the same JDK, the same extracted jar and the same JAVA_OPTS:
#   java -XX:AOTCache=<dir>/safepassage.aot $JAVA_OPTS -jar <dir>/<jar name>
#
# Options (environment): JAVA_HOME [/usr/lib/jvm/temurin-25-jdk-amd64], JAVA_OPTS (the options production
# uses, e.g. -Xmx2g), TRAIN_SECONDS [60], TRAIN_CONNECTIONS [16], TRAIN_PORT [18097], TRAIN_DB_PORT [15447].
# The load comes from wrk (bench/spike/lua/signer.lua) when installed, otherwise from
# bench/spike/py/loadgen.py (python3, standard library only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$(realpath "${1:-$ROOT/target/safepassage-0.1.0-SNAPSHOT.jar}")"
OUT_DIR="${2:-$ROOT/target/aot}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
TRAIN_SECONDS="${TRAIN_SECONDS:-60}"
TRAIN_CONNECTIONS="${TRAIN_CONNECTIONS:-16}"
TRAIN_PORT="${TRAIN_PORT:-18097}"
TRAIN_DB_PORT="${TRAIN_DB_PORT:-15447}"
BASE="http://localhost:$TRAIN_PORT"
CACHE="$OUT_DIR/safepassage.aot"

log() { printf '[%s] aot-cache: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

[[ -f "$JAR" ]] || die "no jar at $JAR (build it: ./mvnw -B -DskipTests package)"
version=$("$JAVA" -version 2>&1 | head -1)
[[ "$version" =~ \"([0-9]+) ]] && ((BASH_REMATCH[1] >= 25)) || die "needs JDK 25 or newer, $JAVA is: $version"

if [[ -d "$OUT_DIR" && -n "$(ls -A "$OUT_DIR")" && ! -f "$OUT_DIR/.safepassage-aot" ]]; then
  die "$OUT_DIR is not empty and was not made by this script; choose another directory"
fi
log "extracting $JAR into $OUT_DIR"
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
touch "$OUT_DIR/.safepassage-aot" # marks the directory as this script's, so a later run may replace it
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT_DIR" --force >/dev/null
APP_JAR="$OUT_DIR/$(basename "$JAR")"
[[ -f "$APP_JAR" ]] || die "extraction did not produce $APP_JAR"

DATA="$(mktemp -d -t safepassage-aot-training.XXXXXX)"
TRAIN_LOG="$OUT_DIR/training.log"
APP_PID=""
finish() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" || true; fi
  rm -rf "$DATA"
}
trap finish EXIT

log "training run: $JAVA -XX:AOTCacheOutput=$CACHE ${JAVA_OPTS:-} -jar $APP_JAR (log $TRAIN_LOG)"
# env -i: none of the operator's settings (database, SMTP, secrets) reach the training instance.
# shellcheck disable=SC2086
env -i PATH="$PATH" HOME="${HOME:-/tmp}" LANG=C.UTF-8 PORT="$TRAIN_PORT" SAFEPASSAGE_DATA_DIR="$DATA/db" \
  SAFEPASSAGE_EMBEDDED_DB_PORT="$TRAIN_DB_PORT" SAFEPASSAGE_BASE_URL="$BASE" SAFEPASSAGE_DEMO=true \
  "$JAVA" -XX:AOTCacheOutput="$CACHE" ${JAVA_OPTS:-} -jar "$APP_JAR" >"$TRAIN_LOG" 2>&1 &
APP_PID=$!
for ((waited = 0; ; waited++)); do
  curl -fsS -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$TRAIN_LOG" >&2; die "the training instance exited during start-up"; }
  ((waited < 300)) || die "the training instance was not up after 300 s"
  sleep 1
done
log "up after ~${waited} s; reading public pages, then ${TRAIN_SECONDS} s of signers"
for _ in 1 2 3 4 5; do
  for path in / /petitions /petitions/1 /api/petitions/1/count /alerts /alerts/subscribe /evidence /login; do
    curl -s -o /dev/null -H "Accept-Language: en" "$BASE$path" || true
  done
done
if command -v wrk >/dev/null; then
  BENCH_LUA_DIR="$ROOT/bench/spike/lua" PETITION_ID=1 EMAIL_PREFIX="aot-training" SIGN_LIMIT=0 \
    wrk -t "$TRAIN_CONNECTIONS" -c "$TRAIN_CONNECTIONS" -d "${TRAIN_SECONDS}s" \
    -s "$ROOT/bench/spike/lua/signer.lua" "$BASE" >"$OUT_DIR/training-load.txt" 2>&1 || log "WARNING: wrk failed"
else
  python3 "$ROOT/bench/spike/py/loadgen.py" --base-url "$BASE" --petition 1 --concurrency "$TRAIN_CONNECTIONS" \
    --seconds "$TRAIN_SECONDS" --email-prefix aot-training --readers 2 >"$OUT_DIR/training-load.txt" 2>&1 ||
    log "WARNING: loadgen failed"
fi
log "stopping the training instance; the JVM writes the cache as it exits"
kill -TERM "$APP_PID"
wait "$APP_PID" || true
APP_PID=""
[[ -s "$CACHE" ]] || { tail -n 30 "$TRAIN_LOG" >&2; die "no cache was written (see $TRAIN_LOG)"; }
{
  echo "jar=$(basename "$JAR")"
  echo "jar_sha256=$(sha256sum "$JAR" | cut -d' ' -f1)"
  echo "java=$version"
  echo "java_opts=${JAVA_OPTS:-}"
  echo "trained=$(date -u +%Y-%m-%dT%H:%M:%SZ), ${TRAIN_SECONDS} s of ${TRAIN_CONNECTIONS} signers"
} >"$OUT_DIR/cache.properties"
log "cache: $CACHE ($(du -h "$CACHE" | cut -f1)); start with:"
echo "  $JAVA -XX:AOTCache=$CACHE ${JAVA_OPTS:-}${JAVA_OPTS:+ }-jar $APP_JAR"
