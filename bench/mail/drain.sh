#!/usr/bin/env bash
# Outbox drain: how fast the one mail engine empties a queue of MAILS outbox mails into Postfix's smtp-sink,
# with the ceiling of this machine measured in the same run: Postfix's smtp-source sending the same number of
# messages of the same size to the same sink, with as many sessions as the engine has connections.
#
#   bash bench/mail/drain.sh                 # 100,000 mails
#   MAILS=20000 bash bench/mail/drain.sh     # a short smoke run
#
# 1. starts the packaged jar on a fresh embedded database WITHOUT SMTP (the zero-setup mode: nothing is sent)
#    and queues MAILS mails with one INSERT that writes what Outbox.enqueue writes (recipient, subject, both
#    bodies of a confirmation's size, headers, category, a random Message-ID in the sender's domain, automated);
# 2. stops it, starts smtp-sink, and starts the jar again on the same data with SPRING_MAIL_HOST at the sink;
# 3. waits until no mail is pending or sending; the rate is mails / (last sent_at - first sent_at) (sent_at is
#    the mark of each batch, written right after the server accepted it), and mails / wall time from the
#    application's readiness to the empty queue;
# 4. runs smtp-source -> the same smtp-sink: the ceiling.
#
# Options: MAILS [100000], CONNECTIONS [8] (SAFEPASSAGE_MAIL_CONNECTIONS), BATCH [100]
# (SAFEPASSAGE_MAIL_BATCHSIZE), DURABLE [false] (SAFEPASSAGE_MAIL_DURABLEMARKS), DOMAINS [20] (recipient
# domains), SMTP_PORT [2626], APP_PORT [18180], DB_PORT [15532], JAR, BUILD=1, KEEP_DATA=1.
# Results: bench/results/mail-drain-<timestamp>/summary.md.
set -euo pipefail
export APP_PORT="${APP_PORT:-18180}" DB_PORT="${DB_PORT:-15532}"
# shellcheck source=../spike/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../spike/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "drain.sh uses a fresh embedded PostgreSQL; unset DB_URL"

MAILS="${MAILS:-100000}"
CONNECTIONS="${CONNECTIONS:-8}"
BATCH="${BATCH:-100}"
DURABLE="${DURABLE:-false}"
DOMAINS="${DOMAINS:-20}"
SMTP_PORT="${SMTP_PORT:-2626}"
TEXT_LEN="${TEXT_LEN:-1000}"
HTML_LEN="${HTML_LEN:-3000}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-900}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/mail-drain-$TS"
DATA="$OUT/data"
mkdir -p "$OUT"

SINK_PID=""
cleanup() {
  app_stop
  stop_orphan_postgres "$DATA"
  [[ -n "$SINK_PID" ]] && kill -TERM "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v smtp-sink >/dev/null || PATH="$PATH:/usr/sbin"
command -v smtp-sink >/dev/null || die "smtp-sink not found (apt-get install postfix)"
ensure_tools
ensure_jar
port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is already in use"
{
  echo "run: mail-drain $TS"
  machine_info
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

# ---------------------------------------------------------------- 1. queue the mails, nothing sent
unset SPRING_MAIL_HOST SPRING_MAIL_PORT
app_start "$DATA" "$OUT/app-queue.log"
log "queueing $MAILS mails"
dbq "insert into mail_outbox (recipient, subject, text_body, html_body, headers, category, message_id, automated)
     select 'drain-' || g || '@d' || (g % $DOMAINS) || '.example.org', 'Please confirm your signature',
            'Dear Supporter,' || chr(10) || 'http://localhost/signatures/confirm?token=' || md5(g::text) || chr(10)
              || repeat('Confirm your signature to count it. ', $TEXT_LEN / 36),
            '<p>Dear Supporter,</p><p><a href=\"http://localhost/signatures/confirm?token=' || md5(g::text)
              || '\">Confirm</a></p>' || repeat('<p>Confirm your signature to count it.</p>', $HTML_LEN / 43),
            '{}', 'bench/drain',
            '<' || md5(gen_random_uuid()::text || gen_random_uuid()::text) || '@safepassage.localhost>', true
     from generate_series(1, $MAILS) g" >/dev/null
dbq "vacuum analyze mail_outbox" >/dev/null
app_stop

# ---------------------------------------------------------------- 2. drain into smtp-sink
# -u: smtp-sink refuses to run as root without a user to switch to; backlog 1024.
smtp-sink -u nobody "127.0.0.1:$SMTP_PORT" 1024 2>"$OUT/sink.log" &
SINK_PID=$!
sleep 1
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" SAFEPASSAGE_MAIL_CONNECTIONS="$CONNECTIONS" \
  SAFEPASSAGE_MAIL_BATCHSIZE="$BATCH" SAFEPASSAGE_MAIL_DURABLEMARKS="$DURABLE"
app_start "$DATA" "$OUT/app-drain.log" restart
ready=$(date +%s.%N)
waited=0
until [[ "$(dbq "select count(*) from mail_outbox where status in ('pending', 'sending')")" == "0" ]]; do
  ((waited >= DRAIN_TIMEOUT)) && { log "the outbox did not drain in ${DRAIN_TIMEOUT}s"; break; }
  sleep 0.5
  waited=$((waited + 1))
  ((waited % 10 == 0)) && log "  sent: $(dbq "select count(*) from mail_outbox where status = 'sent'")"
done
drained=$(date +%s.%N)
read -r sent failed first last span < <(dbq "select count(*) filter (where status = 'sent'),
    count(*) filter (where status <> 'sent'), min(extract(epoch from sent_at)), max(extract(epoch from sent_at)),
    extract(epoch from max(sent_at) - min(sent_at)) from mail_outbox" | tr '|' ' ')
bodies_left=$(dbq "select count(*) from mail_outbox where status = 'sent' and (text_body <> '' or html_body <> '')")
app_stop
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
rate=$(python3 -c "print(round(($sent - 1) / $span) if $span > 0 else 0)")
wall=$(python3 -c "print(round($sent / ($drained - $ready)))")

# ---------------------------------------------------------------- 3. the ceiling: smtp-source -> smtp-sink
size=$(python3 -c "print($TEXT_LEN + $HTML_LEN + 900)")
log "ceiling: smtp-source -d -s $CONNECTIONS -m $MAILS -l $size"
c0=$(date +%s.%N)
smtp-source -d -s "$CONNECTIONS" -m "$MAILS" -l "$size" -f bench@example.org -t ceiling@example.org \
  "127.0.0.1:$SMTP_PORT" >"$OUT/smtp-source.txt" 2>&1 || log "WARNING: smtp-source exited with an error"
c1=$(date +%s.%N)
ceiling=$(python3 -c "print(round($MAILS / ($c1 - $c0)))")
kill -TERM "$SINK_PID" 2>/dev/null || true
SINK_PID=""
[[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"

cat >"$OUT/summary.md" <<MD
# Outbox drain $TS

| | |
| --- | --- |
| mails queued | $MAILS ($DOMAINS recipient domains, text ~$TEXT_LEN B, HTML ~$HTML_LEN B) |
| engine | $CONNECTIONS connections, batches of $BATCH, durable marks: $DURABLE |
| sent / not sent | $sent / $failed |
| **engine: mails/s, first to last mark** | **$rate** (span ${span} s) |
| engine: mails/s, app ready to queue empty | $wall (includes the first claims and JIT warm-up) |
| **ceiling: smtp-source -> smtp-sink, mails/s** | **$ceiling** ($CONNECTIONS sessions, $size B) |
| bodies left on sent mail | $bodies_left |
| load (1/5/15 min) before / after | $(grep '^load before' "$OUT/machine.txt" | cut -d: -f2) / $load_after |

Machine: see machine.txt. Logs: app-drain.log (the engine logs nothing per mail), smtp-source.txt.
MD
cat "$OUT/summary.md"
log "results in $OUT"
