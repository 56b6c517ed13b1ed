#!/usr/bin/env bash
# Soak: DURATION seconds (20 minutes) of mixed load at a steady, moderate rate against one instance, with the
# resources that could leak sampled at the start, every minute and at the end, and a verdict on whether any
# grows without bound. See bench/README.md ("Soak").
#
#   bash bench/soak/run.sh                 # 20 minutes
#   DURATION=120 bash bench/soak/run.sh    # a 2-minute smoke run
#
# Options (environment):
#   DURATION [1200]      seconds of load, run as rounds of ROUND seconds (rounded down to whole rounds)
#   ROUND [60]           seconds per round; a sample is taken after each
#   SIGNERS [4]          signer connections (page, sign, page, sign ...)
#   SIGNER_THINK_MS [400]    think time before each of their requests (jittered +-50%)
#   CONFIRMERS [2]       confirmer connections; each round confirms tokens mailed in the round before
#   CONFIRMER_THINK_MS [800]
#   READERS [4]          reader connections (petition page, count API)
#   READER_THINK_MS [250]
#   WARMUP_MINUTES [2]   samples left out of the verdict (JIT, caches, pools filling)
#   APP_PORT [18180] DB_PORT [15532] SMTP_PORT [2625]; JAR, JAVA_HOME, JAVA_OPTS, BUILD=1, KEEP_DATA=1 as in bench/spike
set -euo pipefail

export APP_PORT="${APP_PORT:-18180}" DB_PORT="${DB_PORT:-15532}"
SOAK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../spike/lib.sh
source "$SOAK_DIR/../spike/lib.sh"

DURATION="${DURATION:-1200}"
ROUND="${ROUND:-60}"
SIGNERS="${SIGNERS:-4}"
SIGNER_THINK_MS="${SIGNER_THINK_MS:-400}"
CONFIRMERS="${CONFIRMERS:-2}"
CONFIRMER_THINK_MS="${CONFIRMER_THINK_MS:-800}"
READERS="${READERS:-4}"
READER_THINK_MS="${READER_THINK_MS:-250}"
WARMUP_MINUTES="${WARMUP_MINUTES:-2}"
SMTP_PORT="${SMTP_PORT:-2625}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"

TS="$(date -u +%Y%m%d-%H%M%S)"
RUN_ID="k$(date +%s)"
OUT="$ROOT/bench/results/soak-$TS"
DATA="$OUT/data"
SAMPLES="$OUT/samples.tsv"
mkdir -p "$OUT"
BG_PIDS=()

cleanup() {
  local pid running
  running=" $(jobs -pr | tr '\n' ' ') " # only our own children still running, never a reused pid
  for pid in "${BG_PIDS[@]}"; do
    if [[ "$running" == *" $pid "* ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  app_stop
  [[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# paced ROLE_NAME SPIKE_SCRIPT CONNECTIONS THINK_MS ROUND_NO [VAR=value ...]: one wrk for one round, in the background.
paced() {
  local name="$1" role="$2" conns="$3" think="$4" round="$5"
  shift 5
  local raw="$OUT/raw/r$round/$name"
  mkdir -p "$raw"
  env "$@" SOAK_ROLE="$role" THINK_MS="$think" BENCH_ROLE="$name" BENCH_LUA_DIR="$BENCH_DIR/lua" \
    BENCH_OUT="$raw.wrk.json" BENCH_RAW_DIR="$raw" THREADS="$conns" \
    wrk -t "$conns" -c "$conns" -d "${ROUND}s" --timeout "$WRK_TIMEOUT" -s "$SOAK_DIR/lua/paced.lua" "$BASE_URL" \
    >"$raw.wrk.txt" 2>&1 &
  BG_PIDS+=($!)
}

# requests and failures (answers other than what the request should get) of one role in one round
answers() {
  cat "$OUT/raw/r$1/$2"/t*.tsv 2>/dev/null | awk -F'\t' '!/^#/ { n++; if ($5 != "1") f++ } END { printf "%d\t%d\n", n, f }'
}

sample() {
  local phase="$1" minute="$2" heap_used heap_committed rss threads fds pss pm pid
  # heap after a full collection: what is really live
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  read -r heap_committed heap_used < <(jcmd "$APP_PID" GC.heap_info 2>/dev/null |
    sed -nE '0,/committed/ s/.*committed ([0-9]+)K, used ([0-9]+)K.*/\1 \2/p')
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$APP_PID/status")
  fds=$(find "/proc/$APP_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  pss=0
  pm=$(postmaster_pid "$DATA")
  if [[ -n "$pm" ]]; then
    for pid in "$pm" $(pgrep -P "$pm"); do
      pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
    done
  fi
  local db
  db=$(dbq "select (select count(*) from signature), (select count(*) from signature where confirmed_at is not null),
      (select count(*) from mail_outbox), (select count(*) from mail_outbox where status in ('pending', 'sending')),
      coalesce((select extract(epoch from now() - min(created_at))::int from mail_outbox
                where status in ('pending', 'sending')), 0),
      round(pg_database_size(current_database()) / 1048576.0, 1),
      (select count(*) from pg_stat_activity where backend_type = 'client backend')" | tr '|' '\t')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$minute" "$(date +%s)" "$db" \
    "$(awk -v k="${heap_used:-0}" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(awk -v k="${heap_committed:-0}" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "$threads" "$fds" \
    "$(awk -v k="$pss" 'BEGIN { printf "%.1f", k / 1024 }')" "${3:-}" >>"$SAMPLES"
  tail -n 1 "$SAMPLES" | awk -F'\t' -v now="$(date +%H:%M:%S)" '{ printf "[%s] %-6s min %-3s signatures %s (confirmed %s)  mail queue %s (oldest %ss)  db %s MB, %s connections  heap after GC %s MB  RSS %s MB  threads %s  fds %s  PostgreSQL PSS %s MB  %s\n", now, $1, $2, $4, $5, $7, $8, $9, $10, $11, $13, $14, $15, $16, $17 }' >&2
}

ensure_tools
ensure_jar
command -v jcmd >/dev/null || die "no jcmd (a JDK, not a JRE, is needed)"
[[ -n "${DB_URL:-}" ]] && die "the soak measures the embedded database; unset DB_URL"
port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is already in use"
rounds=$((DURATION / ROUND))
((rounds >= 1)) || die "DURATION must be at least ROUND ($ROUND s)"

{
  echo "run: $TS"
  machine_info
  echo "settings: DURATION=$DURATION ROUND=$ROUND SIGNERS=$SIGNERS/$SIGNER_THINK_MS ms CONFIRMERS=$CONFIRMERS/$CONFIRMER_THINK_MS ms READERS=$READERS/$READER_THINK_MS ms"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

# A real SMTP server that accepts everything, so the outbox is sent and its queue can drain.
python3 "$BENCH_DIR/py/smtp_sink.py" --port "$SMTP_PORT" --out "$OUT/received.txt" --tokens "$OUT/sink-tokens.txt" \
  2>"$OUT/sink.log" &
BG_PIDS+=($!)
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT"
# No daily backup in the middle of a soak.
export SAFEPASSAGE_BACKUP_ENABLED=false
app_start "$DATA" "$OUT/app.log"

printf 'phase\tminute\tepoch\tsignatures\tconfirmed\tmails\tmail_queue\tmail_oldest_s\tdb_size_mb\tdb_connections\theap_after_gc_mb\theap_committed_mb\tjvm_rss_mb\tjvm_threads\tjvm_fds\tpg_pss_mb\tanswers\n' >"$SAMPLES"
sample start 0 ""
log "soak: $rounds rounds of ${ROUND}s; results in $OUT"
for ((r = 1; r <= rounds; r++)); do
  : >"$OUT/tokens-r$r.txt"
  if ((r > 1)); then
    # Sent mail keeps no body in the outbox: the links are read from what the SMTP sink received.
    { grep "^$RUN_ID-r$((r - 1))-" "$OUT/sink-tokens.txt" || true; } | sort -u -k1,1 | cut -f2 | shuf \
      >"$OUT/tokens-r$r.txt"
  fi
  round_pids=()
  paced signers signer "$SIGNERS" "$SIGNER_THINK_MS" "$r" EMAIL_PREFIX="$RUN_ID-r$r" SIGN_LIMIT=0
  round_pids+=($!)
  paced readers reader "$READERS" "$READER_THINK_MS" "$r"
  round_pids+=($!)
  if [[ -s "$OUT/tokens-r$r.txt" ]]; then
    paced confirmers confirmer "$CONFIRMERS" "$CONFIRMER_THINK_MS" "$r" TOKEN_FILE="$OUT/tokens-r$r.txt"
    round_pids+=($!)
  fi
  for pid in "${round_pids[@]}"; do wait "$pid" || log "WARNING: a wrk process exited with an error"; done
  answers_text=""
  for role in signers confirmers readers; do
    [[ -d "$OUT/raw/r$r/$role" ]] || continue
    IFS=$'\t' read -r n f < <(answers "$r" "$role")
    answers_text+="$role $n/$f failed "
  done
  phase=minute
  if ((r == rounds)); then phase=end; fi
  sample "$phase" "$((r * ROUND / 60))" "$answers_text"
done

log "load stopped; one more sample after ${ROUND}s idle (the mail queue should be empty)"
sleep "$ROUND"
sample idle "$((rounds * ROUND / 60 + ROUND / 60))" ""

{
  echo "# soak $TS: $rounds x ${ROUND}s"
  cat "$OUT/machine.txt"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  column -t -s $'\t' "$SAMPLES"
  echo
  python3 "$SOAK_DIR/py/verdict.py" "$SAMPLES" "$WARMUP_MINUTES" || true
  echo "mails received by the SMTP sink: $(wc -l <"$OUT/received.txt")"
} | tee "$OUT/summary.txt"
