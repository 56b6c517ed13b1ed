#!/usr/bin/env bash
# Mail crash check: every queued mail is delivered, and how many were delivered twice, when the JVM dies
# while the outbox worker is sending.
#
#   bash bench/spike/mail-crash-check.sh
#
# Starts a local SMTP sink (py/smtp_sink.py, records every Message-ID it receives) and the app with
# SPRING_MAIL_HOST pointing at it, signs with ~20 clients so that confirmation mails are queued and sent
# continuously, SIGKILLs the JVM mid-send, restarts it on the same data, waits until the outbox is empty,
# then checks that every outbox mail reached the sink (none lost) and counts mails that arrived twice.
# The outbox is at-least-once by design: marks are written per batch, so a crash between the SMTP server's
# acceptance and the batch's "sent" mark repeats at most one batch per connection (safepassage.mail.batch-size
# x connections), each with the Message-ID it was stored with. PASS needs none lost; the result says how
# many were repeated if any.
#
# Options: CRASH_CONCURRENCY [20], CRASH_AFTER_SECONDS [8], SMTP_PORT [2525], plus JAR, JAVA_HOME, APP_PORT,
# DB_PORT, BUILD, KEEP_DATA as for run.sh. Results: bench/results/mailcrash-<timestamp>/.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "mail-crash-check.sh uses the embedded PostgreSQL; unset DB_URL"

CRASH_CONCURRENCY="${CRASH_CONCURRENCY:-20}"
CRASH_AFTER_SECONDS="${CRASH_AFTER_SECONDS:-8}"
SMTP_PORT="${SMTP_PORT:-2525}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/mailcrash-$TS"
DATA="$OUT/data"
mkdir -p "$OUT"

LOAD_PID="" SINK_PID=""
cleanup() {
  [[ -n "$LOAD_PID" ]] && kill -TERM "$LOAD_PID" 2>/dev/null || true
  app_stop
  stop_orphan_postgres "$DATA"
  [[ -n "$SINK_PID" ]] && kill -TERM "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
ensure_jar
port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is already in use"
python3 "$BENCH_DIR/py/smtp_sink.py" --port "$SMTP_PORT" --out "$OUT/received.txt" 2>"$OUT/sink.log" &
SINK_PID=$!
sleep 1
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT"
app_start "$DATA" "$OUT/app-1.log"

log "signing with $CRASH_CONCURRENCY clients; SIGKILL of the JVM after ${CRASH_AFTER_SECONDS}s"
python3 "$BENCH_DIR/py/loadgen.py" --base-url "$BASE_URL" --petition "$PETITION_ID" \
  --concurrency "$CRASH_CONCURRENCY" --seconds $((CRASH_AFTER_SECONDS + 10)) --email-prefix "m-$RUN_ID" \
  --acked "$OUT/acked.txt" --timeout 10 2>"$OUT/loadgen.txt" &
LOAD_PID=$!
sleep "$CRASH_AFTER_SECONDS"
received_before=$(wc -l <"$OUT/received.txt" 2>/dev/null || echo 0)
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
log "killed the JVM with SIGKILL ($received_before mails received so far)"
sleep 2
kill -TERM "$LOAD_PID" 2>/dev/null || true
wait "$LOAD_PID" || true
LOAD_PID=""

app_start "$DATA" "$OUT/app-2.log" restart
waited=0
until [[ "$(dbq "select count(*) from mail_outbox where status in ('pending', 'sending')")" == "0" ]]; do
  ((waited >= 120)) && { log "FAIL the outbox did not drain in 120 s"; break; }
  sleep 1
  waited=$((waited + 1))
done
# A lease left by the killed JVM expires after 60 s; the loop above waits for it too.
sleep 1

dbq "select message_id from mail_outbox where status = 'sent' order by id" >"$OUT/sent.txt"
queued=$(dbq "select count(*) from mail_outbox")
failed=$(dbq "select count(*) from mail_outbox where status = 'failed'")
missing=$(comm -23 <(sort -u "$OUT/sent.txt") <(sort -u "$OUT/received.txt") | wc -l)
repeated=$(sort "$OUT/received.txt" | uniq -d | wc -l)
received=$(wc -l <"$OUT/received.txt")
unknown=$(comm -13 <(sort -u "$OUT/sent.txt") <(sort -u "$OUT/received.txt") | wc -l)
app_stop

{
  echo "queued=$queued failed=$failed received=$received missing=$missing repeated=$repeated unknown=$unknown"
  echo "killed_after=${CRASH_AFTER_SECONDS}s received_before_kill=$received_before drained_after_restart=${waited}s"
} | tee "$OUT/result.txt" >&2
if ((missing == 0 && failed == 0 && unknown == 0 && queued > 0)); then
  [[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"
  if ((repeated == 0)); then
    echo "PASS: all $queued queued mails delivered exactly once after SIGKILL mid-send ($OUT)"
  else
    echo "PASS (at least once): all $queued queued mails delivered; $repeated repeated with the same Message-ID ($OUT)"
  fi
  exit 0
fi
echo "FAIL: $queued queued, $missing never delivered, $failed failed, $unknown unknown ($OUT)"
exit 1
