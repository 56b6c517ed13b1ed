#!/usr/bin/env bash
# How soon a freshly started instance signs at its warm rate (issue 10, "fast warm-up"): see bench/README.md.
#
#   bash bench/warmup/run.sh                      # plain jar and AOT-cache start, alternately, 2 rounds
#   ROUNDS=1 DURATION=60 bash bench/warmup/run.sh # a quick look
#
# Options (environment variables, defaults in brackets):
#   MODES ["plain aot"]        the starts to compare, in this order in every round:
#                                plain: java $JAVA_OPTS -jar $JAR (as built)
#                                aot:   java -XX:AOTCache=$AOT_DIR/safepassage.aot $JAVA_OPTS -jar $AOT_DIR/<jar>
#                                       (the extracted jar and cache bin/aot-cache.sh builds)
#                                aot-NAME: the same with the cache in $AOT_DIR_NAME (any directory made by
#                                       bin/aot-cache.sh, or by hand: <jar> + lib/ + safepassage.aot), to
#                                       compare trainings, e.g. MODES="aot aot-refresh" AOT_DIR_refresh=/tmp/r
#   ROUNDS [2]                 how many times each mode runs (alternating, so both see the same machine)
#   DURATION [120]             seconds from each process start to the end of its load
#   SIGNER_CONNECTIONS [64]    concurrent wrk signers (bench/spike/lua/signer.lua: page load + POST per signature)
#   DB_STATE [existing]        existing: every run starts on a copy of a database prepared once by a first
#                              start (an instance added to a running deployment finds its database ready);
#                              new: an empty data directory (initdb, migrations, first admin and demo load
#                              are part of every start)
#   TRAIN [auto]               auto: run bin/aot-cache.sh when $AOT_DIR has no cache or it is older than the
#                              jar; 1: always; 0: never
#   AOT_DIR [target/aot]       the extracted jar and its cache
#   GOAL_SECONDS [20]          80% of the warm rate within this many seconds of the process start
#   JAR, JAVA_HOME, JAVA_OPTS (all modes), BUILD, APP_PORT [18094], DB_PORT [15444], KEEP_DATA [0]
#
# Results: bench/results/warmup-<timestamp>/ (summary.md, also printed; runs/<n>-<mode>/ per start:
# persecond.csv, run.json, app.log, wrk output).
set -euo pipefail
APP_PORT="${APP_PORT:-18094}"
DB_PORT="${DB_PORT:-15444}"
# shellcheck source=../spike/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../spike/lib.sh"
WARMUP_DIR="$ROOT/bench/warmup"

MODES="${MODES:-plain aot}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-120}"
SIGNER_CONNECTIONS="${SIGNER_CONNECTIONS:-64}"
DB_STATE="${DB_STATE:-existing}"
TRAIN="${TRAIN:-auto}"
AOT_DIR="${AOT_DIR:-$ROOT/target/aot}"
GOAL_SECONDS="${GOAL_SECONDS:-20}"
KEEP_DATA="${KEEP_DATA:-0}"
WRK_TIMEOUT="${WRK_TIMEOUT:-30s}"

TS="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/warmup-$TS"
mkdir -p "$OUT/runs"

WRK_PID=""
cleanup() {
  if [[ -n "$WRK_PID" ]] && kill -0 "$WRK_PID" 2>/dev/null; then kill -TERM "$WRK_PID" 2>/dev/null || true; fi
  app_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# mode_dir MODE: the directory of an AOT mode's extracted jar and cache (empty for plain)
mode_dir() {
  case "$1" in
    plain) echo "" ;;
    aot) echo "$AOT_DIR" ;;
    aot-*)
      local var="AOT_DIR_${1#aot-}"
      [[ "${1#aot-}" =~ ^[A-Za-z0-9_]+$ && -n "${!var:-}" ]] || die "mode $1 needs $var (a directory)"
      echo "${!var}"
      ;;
    *) die "unknown mode $1 (plain, aot, aot-NAME)" ;;
  esac
}
for mode in $MODES; do mode_dir "$mode" >/dev/null; done
ensure_tools
ensure_jar
CACHE="$AOT_DIR/safepassage.aot"
if [[ " $MODES " == *" aot "* ]]; then
  if [[ "$TRAIN" == "1" || ("$TRAIN" == "auto" && (! -s "$CACHE" || "$JAR" -nt "$CACHE")) ]]; then
    log "building the AOT cache (bin/aot-cache.sh)"
    bash "$ROOT/bin/aot-cache.sh" "$JAR" "$AOT_DIR" || die "bin/aot-cache.sh failed"
  fi
fi
for mode in $MODES; do
  [[ "$mode" == plain || -s "$(mode_dir "$mode")/safepassage.aot" ]] || die "no AOT cache in $(mode_dir "$mode") (TRAIN=0?)"
done

mode_jar() { if [[ "$1" == plain ]]; then echo "$JAR"; else echo "$(mode_dir "$1")/$(basename "$JAR")"; fi; }
# AOTMode=on: a cache the JVM cannot use (another JDK, a changed jar) stops the start instead of silently
# measuring a start without it.
mode_opts() {
  if [[ "$1" == plain ]]; then
    echo "${JAVA_OPTS:-}"
  else
    echo "-XX:AOTCache=$(mode_dir "$1")/safepassage.aot -XX:AOTMode=on ${JAVA_OPTS:-}"
  fi
}

{
  echo "run: warmup-$TS"
  machine_info
  for mode in $MODES; do
    if [[ "$mode" != plain && -f "$(mode_dir "$mode")/cache.properties" ]]; then
      sed "s/^/$mode cache: /" "$(mode_dir "$mode")/cache.properties"
    fi
  done
} >"$OUT/machine.txt"
if [[ "$DB_STATE" == existing ]]; then
  db_text="a copy of a database prepared once by an earlier start (migrated, demo petition loaded)"
else
  db_text="an empty data directory (initdb, migrations, first admin and demo load inside the start)"
fi
cat >"$OUT/settings.env" <<EOF2
ROOT=$ROOT
MODES=$MODES
ROUNDS=$ROUNDS
DURATION=$DURATION
SIGNER_CONNECTIONS=$SIGNER_CONNECTIONS
DB_STATE=$DB_STATE
DB_STATE_TEXT=$db_text
JAVA_OPTS=${JAVA_OPTS:-}
GOAL_SECONDS=$GOAL_SECONDS
EOF2

TEMPLATE="$OUT/data-template"
if [[ "$DB_STATE" == existing ]]; then
  log "preparing the database once (first start of the plain jar)"
  app_start "$TEMPLATE" "$OUT/prepare.log"
  app_stop
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }

# one_run N MODE ROUND: a fresh process, signers from the moment its port opens, DURATION s from its start.
one_run() {
  local n="$1" mode="$2" round="$3"
  local dir="$OUT/runs/$n-$mode" data="$OUT/data-run"
  local jar opts start_ms listen_ms="" end_ms remaining load_before
  mkdir -p "$dir/raw"
  rm -rf "$data"
  if [[ "$DB_STATE" == existing ]]; then cp -a "$TEMPLATE" "$data"; else mkdir -p "$data"; fi
  port_in_use "$APP_PORT" && die "port $APP_PORT is already in use"
  port_in_use "$DB_PORT" && die "port $DB_PORT is already in use"
  jar="$(mode_jar "$mode")"
  opts="$(mode_opts "$mode")"
  load_before="$(loadavg)"
  log "run $n: $mode (round $round), load $load_before: java $opts -jar $jar"
  APP_DATA_DIR="$data"
  APP_LOG="$dir/app.log"
  start_ms=$(date +%s%3N)
  # shellcheck disable=SC2086
  env PORT="$APP_PORT" SAFEPASSAGE_DATA_DIR="$data" SAFEPASSAGE_EMBEDDED_DB_PORT="$DB_PORT" \
    SAFEPASSAGE_BASE_URL="$BASE_URL" "$JAVA" $opts -jar "$jar" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  # wrk's threads retry a refused connection at once, on every core; so wait for the port, cheaply.
  until port_in_use "$APP_PORT"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$APP_LOG" >&2; die "the app exited during start-up"; }
    (($(date +%s%3N) - start_ms < APP_START_TIMEOUT * 1000)) || die "port $APP_PORT not open after ${APP_START_TIMEOUT}s"
    sleep 0.05
  done
  listen_ms=$(date +%s%3N)
  remaining=$(((start_ms + DURATION * 1000 - listen_ms + 999) / 1000))
  if ((remaining < 40)); then
    log "WARNING: the port opened $(((listen_ms - start_ms) / 1000)) s after the start; signing for 40 s anyway (raise DURATION)"
    remaining=40
  fi
  log "  port open after $((listen_ms - start_ms)) ms; signers for ${remaining}s"
  BENCH_ROLE=signers BENCH_LUA_DIR="$ROOT/bench/spike/lua" BENCH_OUT="$dir/signers.wrk.json" \
    BENCH_RAW_DIR="$dir/raw" EMAIL_PREFIX="w$n-$TS" SIGN_LIMIT=0 PETITION_ID="$PETITION_ID" \
    wrk -t "$SIGNER_CONNECTIONS" -c "$SIGNER_CONNECTIONS" -d "${remaining}s" --timeout "$WRK_TIMEOUT" \
    -s "$ROOT/bench/spike/lua/signer.lua" "$BASE_URL" >"$dir/signers.wrk.txt" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || log "WARNING: wrk exited with an error (see $dir/signers.wrk.txt)"
  WRK_PID=""
  end_ms=$(date +%s%3N)
  # the load ended when wrk's duration did, not when wrk had finished writing its files
  ((end_ms > listen_ms + remaining * 1000)) && end_ms=$((listen_ms + remaining * 1000))
  cat >"$dir/run.env" <<EOF2
mode=$mode
round=$round
jar=$jar
java_opts=$opts
start_ms=$start_ms
listen_ms=$listen_ms
load_end_ms=$end_ms
load_before=$load_before
load_after=$(loadavg)
EOF2
  app_stop
  [[ "$KEEP_DATA" == 1 ]] || rm -rf "$data"
  log "  $(python3 "$WARMUP_DIR/py/timeline.py" "$dir")"
}

n=0
for ((round = 1; round <= ROUNDS; round++)); do
  for mode in $MODES; do
    n=$((n + 1))
    one_run "$(printf '%02d' "$n")" "$mode" "$round"
    sleep 5 # let the machine settle (the previous JVM's exit, page cache writes)
  done
done
[[ "$KEEP_DATA" == 1 ]] || rm -rf "$TEMPLATE"
python3 "$WARMUP_DIR/py/summary.py" "$OUT" "$GOAL_SECONDS"
log "results in $OUT (summary.md)"
