#!/usr/bin/env bash
# Mail pace in a signing spike: do the confirmation mails of a 20 s spike reach a real SMTP server within 25 s
# of the spike's start, without slowing the signers down?
#
#   bash bench/spike/mail-pace.sh
#   DURATION=10 WARMUP_SIGNATURES=5000 bash bench/spike/mail-pace.sh    # a short smoke run
#
# Starts Postfix's smtp-sink and the packaged jar with SPRING_MAIL_HOST at it (fresh embedded database),
# warms the JVM up with WARMUP_SIGNATURES signatures and waits until their mail is sent, then runs
# SIGNER_CONNECTIONS signers (lua/signer.lua: page load + POST per signature) for DURATION seconds. Intake is
# the signatures stored in that time / DURATION; delivery is the time from the spike's start to the last
# confirmation mail of the spike marked sent (mail_outbox.sent_at, written right after the server accepted
# the mail's batch). The confirmation tokens are not read back: once accepted, a mail's body is erased.
#
# Options: DURATION [20], SIGNER_CONNECTIONS [64], WARMUP_SIGNATURES [20000], TARGET_SECONDS [25],
# CONNECTIONS [8], BATCH [100], SMTP_PORT [2627], APP_PORT [18181], DB_PORT [15533], JAR, BUILD=1.
# Results: bench/results/mail-pace-<timestamp>/summary.md.
set -euo pipefail
export APP_PORT="${APP_PORT:-18181}" DB_PORT="${DB_PORT:-15533}"
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "mail-pace.sh uses a fresh embedded PostgreSQL; unset DB_URL"

DURATION="${DURATION:-20}"
SIGNER_CONNECTIONS="${SIGNER_CONNECTIONS:-64}"
WARMUP_SIGNATURES="${WARMUP_SIGNATURES:-20000}"
TARGET_SECONDS="${TARGET_SECONDS:-25}"
CONNECTIONS="${CONNECTIONS:-8}"
BATCH="${BATCH:-100}"
SMTP_PORT="${SMTP_PORT:-2627}"
WRK_TIMEOUT="${WRK_TIMEOUT:-30s}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/mail-pace-$TS"
DATA="$OUT/data"
LUA="$BENCH_DIR/lua"
mkdir -p "$OUT/raw"

SINK_PID="" WRK_PID=""
cleanup() {
  [[ -n "$WRK_PID" ]] && kill -TERM "$WRK_PID" 2>/dev/null || true
  app_stop
  stop_orphan_postgres "$DATA"
  [[ -n "$SINK_PID" ]] && kill -TERM "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# signers ROLE SECONDS LIMIT [TOTAL]: wrk with signer.lua, one thread per connection; with TOTAL, stopped
# once that many signatures of ROLE are stored (or their number stops growing).
signers() {
  local role="$1" secs="$2" limit="$3" total="${4:-0}"
  mkdir -p "$OUT/raw/$role"
  env BENCH_ROLE="$role" BENCH_LUA_DIR="$LUA" BENCH_OUT="$OUT/$role.wrk.json" BENCH_RAW_DIR="$OUT/raw/$role" \
    THREADS="$SIGNER_CONNECTIONS" EMAIL_PREFIX="$role-$RUN_ID" SIGN_LIMIT="$limit" \
    wrk -t "$SIGNER_CONNECTIONS" -c "$SIGNER_CONNECTIONS" -d "${secs}s" --timeout "$WRK_TIMEOUT" \
    -s "$LUA/signer.lua" "$BASE_URL" >"$OUT/$role.wrk.txt" 2>&1 &
  WRK_PID=$!
  if ((total > 0)); then
    local n last=-1 still=0
    while kill -0 "$WRK_PID" 2>/dev/null; do
      sleep 2
      n=$(dbq "select count(*) from signature where email like '$role-$RUN_ID-%'")
      if ((n == last)); then still=$((still + 1)); else still=0; fi
      last=$n
      if ((n >= total || still >= 3)); then
        kill -INT "$WRK_PID" 2>/dev/null || true
        break
      fi
    done
  fi
  wait "$WRK_PID" || log "WARNING: wrk ($role) exited with an error"
  WRK_PID=""
}

open_mail() { dbq "select count(*) from mail_outbox where status in ('pending', 'sending')"; }

command -v smtp-sink >/dev/null || PATH="$PATH:/usr/sbin"
command -v smtp-sink >/dev/null || die "smtp-sink not found (apt-get install postfix)"
ensure_tools
ensure_jar
port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is already in use"
{
  echo "run: mail-pace $TS"
  machine_info
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

smtp-sink -u nobody "127.0.0.1:$SMTP_PORT" 1024 2>"$OUT/sink.log" &
SINK_PID=$!
sleep 1
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" SAFEPASSAGE_MAIL_CONNECTIONS="$CONNECTIONS" \
  SAFEPASSAGE_MAIL_BATCHSIZE="$BATCH"
app_start "$DATA" "$OUT/app.log"

per_thread=$(((WARMUP_SIGNATURES + SIGNER_CONNECTIONS - 1) / SIGNER_CONNECTIONS))
log "warm-up: $WARMUP_SIGNATURES signatures"
signers w 180 "$per_thread" "$WARMUP_SIGNATURES"
waited=0
until [[ "$(open_mail)" == "0" ]] || ((waited >= 300)); do sleep 1; waited=$((waited + 1)); done
log "warm-up mail sent (${waited}s after the warm-up)"
dbq "checkpoint" >/dev/null

log "spike: ${DURATION}s of $SIGNER_CONNECTIONS signers"
spike_start=$(date +%s.%N)
signers s "$DURATION" 0
spike_end=$(date +%s.%N)
waited=0
until [[ "$(dbq "select count(*) from mail_outbox where recipient like 's-$RUN_ID-%'
                 and status in ('pending', 'sending')")" == "0" ]] || ((waited >= 300)); do
  sleep 0.5
  waited=$((waited + 1))
done
read -r stored mails sent last_sent < <(dbq "select
    (select count(*) from signature where email like 's-$RUN_ID-%'),
    count(*), count(*) filter (where status = 'sent'), coalesce(max(extract(epoch from sent_at)), 0)
    from mail_outbox where recipient like 's-$RUN_ID-%' and category = 'petitions/confirm-signature'" | tr '|' ' ')
bodies_left=$(dbq "select count(*) from mail_outbox where status = 'sent' and (text_body <> '' or html_body <> '')")
# Second by second from the spike's start: signatures stored, their mails queued, and mails accepted.
dbq "with t as (select extract(epoch from created_at) - $spike_start as s, 'signed' as what from signature
                where email like 's-$RUN_ID-%'
                union all
                select extract(epoch from sent_at) - $spike_start, 'sent' from mail_outbox
                where recipient like 's-$RUN_ID-%' and sent_at is not null)
     select floor(s)::int as second, count(*) filter (where what = 'signed') as signed,
            count(*) filter (where what = 'sent') as sent
     from t group by 1 order by 1" >"$OUT/timeline.txt"
app_stop
kill -TERM "$SINK_PID" 2>/dev/null || true
SINK_PID=""
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"

intake=$(python3 -c "print(round($stored / ($spike_end - $spike_start)))")
delivered_after=$(python3 -c "print(round($last_sent - $spike_start, 1) if $last_sent > 0 else 'never')")
verdict=$(python3 -c "print('PASS' if $last_sent > 0 and $sent == $mails and $last_sent - $spike_start <= $TARGET_SECONDS else 'FAIL')")
cat >"$OUT/summary.md" <<MD
# Mail pace in a signing spike $TS

| | |
| --- | --- |
| spike | ${DURATION} s, $SIGNER_CONNECTIONS signers (page load + POST), after $WARMUP_SIGNATURES warm-up signatures |
| **intake: signatures/s** | **$intake** ($stored stored) |
| confirmation mails of the spike / sent | $mails / $sent |
| **last confirmation accepted, seconds after the spike's start** | **$delivered_after** (target $TARGET_SECONDS): $verdict |
| engine | $CONNECTIONS connections, batches of $BATCH, SMTP server: Postfix smtp-sink |
| bodies left on sent mail | $bodies_left |
| load (1/5/15 min) before / after | $(grep '^load before' "$OUT/machine.txt" | cut -d: -f2) / $load_after |
MD
cat "$OUT/summary.md"
log "results in $OUT"
