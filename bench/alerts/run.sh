#!/usr/bin/env bash
# Alert delivery benchmark: one alert to SUBSCRIBERS confirmed subscribers, delivered over SMTP to Postfix's
# smtp-sink on this machine, through the application's real sending path (a staff member signs in, writes the
# alert and presses "Schedule" with no time, i.e. send now). Then Postfix's smtp-source against the same sink,
# at the same concurrency, reusing connections, with messages of the same size: the ceiling of this machine.
#
#   bash bench/alerts/run.sh                    # 100,000 subscribers, 8 connections, no rate cap
#   SUBSCRIBERS=10000 bash bench/alerts/run.sh  # a quick run
#
# Needs Linux, root or sudo for apt-get (postfix, postgresql-client, curl), a JDK 21+ (JAVA_HOME) and free
# ports 18090 (app), 15442 (embedded PostgreSQL) and 2526 (smtp-sink). Results go to bench/results/alerts-<ts>/.
set -euo pipefail

export APP_PORT="${APP_PORT:-18090}"
export DB_PORT="${DB_PORT:-15442}"
# shellcheck source=../spike/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../spike/lib.sh"

SUBSCRIBERS="${SUBSCRIBERS:-100000}"
CONNECTIONS="${CONNECTIONS:-8}"
BATCH="${BATCH:-500}"
RATE="${RATE:-0}" # per recipient domain (the mail engine's pacing); 0: none
SINK_PORT="${SINK_PORT:-2526}"
SEND_TIMEOUT="${SEND_TIMEOUT:-900}"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench password $(date +%s)"

TS="$(date +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/alerts-$TS"
mkdir -p "$OUT"
SINK_PID=""

cleanup() {
  app_stop || true
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null || true
  if [[ "${KEEP_DATA:-0}" != "1" && -n "${APP_DATA_DIR:-}" ]]; then rm -rf "$APP_DATA_DIR"; fi
}
trap cleanup EXIT

# --- tools: smtp-sink and smtp-source come with Debian's postfix package; its daemon is not needed.
need=()
[[ -x /usr/sbin/smtp-sink && -x /usr/sbin/smtp-source ]] || need+=(postfix)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
command -v ss >/dev/null || need+=(iproute2)
if ((${#need[@]})); then
  log "installing: ${need[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  # The postfix daemon may have been started by the package; it is not used. Stop it if it runs.
  if pgrep -x master >/dev/null 2>&1; then $sudo postfix stop >/dev/null 2>&1 || true; fi
fi
ensure_jar
sink_user=(); [[ $(id -u) -eq 0 ]] && sink_user=(-u nobody)

start_sink() { # start_sink [extra smtp-sink options...]
  port_in_use "$SINK_PORT" && die "port $SINK_PORT is in use"
  /usr/sbin/smtp-sink "${sink_user[@]}" "$@" "127.0.0.1:$SINK_PORT" 1000 >>"$OUT/smtp-sink.log" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 1 50); do port_in_use "$SINK_PORT" && return 0; sleep 0.1; done
  die "smtp-sink did not start (see $OUT/smtp-sink.log)"
}
stop_sink() { kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# A staff member signs in, writes an alert and sends it now. Prints the alert id.
send_alert() {
  local title="$1" jar="$OUT/cookies.txt" page="$OUT/page.html" csrf location id
  curl -fsS -c "$jar" -b "$jar" "$BASE_URL/login" -o "$page"
  csrf=$(csrf_of "$page")
  curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE_URL/login"
  curl -fsS -c "$jar" -b "$jar" "$BASE_URL/admin/alerts/new" -o "$page"
  csrf=$(csrf_of "$page")
  [[ -n "$csrf" ]] || die "could not sign in as staff (see $page)"
  location=$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "_csrf=$csrf" --data-urlencode "kind=PRAYER" --data-urlencode "title=$title" \
    --data-urlencode "date=$(date +%F)" --data-urlencode "language=en" \
    --data-urlencode "verseText=Preserve me, O God: for in thee do I put my trust." \
    --data-urlencode "verseReference=Psalm 16:1" \
    --data-urlencode "body=$(printf '%s\n\n%s\n\n%s' \
      'On the night of 9 October 2023 China returned more than 500 North Korean refugees, most of them women, weeks after 80 were sent back on 29 August and 40 on 18 September.' \
      'Those returned face prison camps, torture and sometimes execution; anyone found to have met Christians in China is treated most harshly.' \
      'Please keep praying, and please keep asking.')" \
    --data-urlencode "points=$(printf '%s\n%s\n%s\n%s' \
      'That China stops returning refugees and lets them travel safely to a third country.' \
      'For the safety of everyone recently returned, and of all who are held in prison camps.' \
      'That those who escape reach safety without being caught.' \
      'For deep change in North Korea and China.')" \
    "$BASE_URL/admin/alerts")
  id="${location##*/}"
  [[ "$id" =~ ^[0-9]+$ ]] || die "could not create the alert (redirect: $location)"
  curl -fsS -c "$jar" -b "$jar" "$BASE_URL/admin/alerts/$id" -o "$page"
  csrf=$(csrf_of "$page")
  curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "at=" \
    "$BASE_URL/admin/alerts/$id/schedule"
  echo "$id"
}

wait_sent() { # wait_sent ID
  local waited=0
  until [[ "$(dbq "select state from alert where id = $1")" == "SENT" ]]; do
    ((waited >= SEND_TIMEOUT * 5)) && die "alert $1 not sent after ${SEND_TIMEOUT}s: $(dbq "select status || '=' || count(*) from alert_delivery where alert_id = $1 group by status")"
    sleep 0.2
    waited=$((waited + 1))
  done
}

export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SINK_PORT"
export SAFEPASSAGE_ADMIN_EMAIL="$ADMIN_EMAIL" SAFEPASSAGE_ADMIN_PASSWORD="$ADMIN_PASSWORD"
# Alerts leave through the one mail engine: its settings are safepassage.mail.* (issue 10).
export SAFEPASSAGE_MAIL_CONNECTIONS="$CONNECTIONS" SAFEPASSAGE_MAIL_BATCHSIZE="$BATCH"
export SAFEPASSAGE_MAIL_PACING_PERDOMAIN="$RATE" SAFEPASSAGE_ALERTS_SENDING_POLLINTERVAL=200ms

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(uname -srm)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "free -g:"; free -g | sed 's/^/    /'
  echo "uptime before: $(uptime)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "postfix: $(dpkg-query -W -f '${Version}' postfix 2>/dev/null)"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src has uncommitted changes)')"
  echo "settings: SUBSCRIBERS=$SUBSCRIBERS CONNECTIONS=$CONNECTIONS BATCH=$BATCH RATE=$RATE"
} | tee "$OUT/machine.txt"

# --- 1. A probe alert to one subscriber, dumped by the sink, to learn the size of one alert mail.
mkdir -p "$OUT/dump" && chmod 777 "$OUT/dump"
start_sink -d "$OUT/dump/%H%M%S."
app_start "$ROOT/bench/results/alerts-data-$TS" "$OUT/app.log"
dbq "insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
     values ('probe@example.org', 'probe@example.org', 'Probe', 'en', '{PRAYER}', 'CONFIRMED', 'bench', now())" >/dev/null
probe=$(send_alert "Probe alert")
wait_sent "$probe"
sleep 0.5
stop_sink
MAIL_BYTES=$(find "$OUT/dump" -type f -printf '%s\n' | sort -n | tail -1)
[[ -n "$MAIL_BYTES" ]] || die "the probe mail was not dumped"
log "one alert mail is about $MAIL_BYTES bytes (probe alert $probe)"
dbq "update alert_subscriber set state = 'UNSUBSCRIBED' where email_key = 'probe@example.org'" >/dev/null

# --- 2. The measured run.
start_sink
log "inserting $SUBSCRIBERS confirmed subscribers"
dbq "insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
     select 'reader' || g || '@example.org', 'reader' || g || '@example.org', 'Reader ' || g, 'en',
            '{PRAYER,ACTION,NEWS}', 'CONFIRMED', 'bench', now()
     from generate_series(1, $SUBSCRIBERS) g" >/dev/null
dbq "vacuum analyze alert_subscriber" >/dev/null
log "sending one alert to $SUBSCRIBERS subscribers over $CONNECTIONS connections"
t0=$(date +%s.%N)
alert=$(send_alert "Pray for North Koreans sent back from China")
wait_sent "$alert"
t1=$(date +%s.%N)
read -r sent failed other span <<<"$(dbq "select count(*) filter (where d.status = 'SENT'),
       count(*) filter (where d.status = 'FAILED'), count(*) filter (where d.status not in ('SENT', 'FAILED')),
       extract(epoch from max(d.sent_at) - a.sending_started_at)
  from alert_delivery d join alert a on a.id = d.alert_id where d.alert_id = $alert group by a.sending_started_at" | tr '|' ' ')"
wall=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
app_rate=$(python3 -c "print(f'{$sent / $span:.0f}')")
log "app: $sent sent, $failed failed in ${span}s from start of sending (${wall}s from the button): $app_rate mails/s"
app_stop

# --- 3. Postfix's own client against the same sink, same concurrency, same size, connections reused.
log "smtp-source: $sent messages of $MAIL_BYTES bytes over $CONNECTIONS reused connections"
s0=$(date +%s.%N)
/usr/sbin/smtp-source -d -s "$CONNECTIONS" -m "$sent" -l "$MAIL_BYTES" -f bench@example.org -t reader@example.org \
  "127.0.0.1:$SINK_PORT" >"$OUT/smtp-source.log" 2>&1
s1=$(date +%s.%N)
stop_sink
src_secs=$(python3 -c "print(f'{$s1 - $s0:.2f}')")
src_rate=$(python3 -c "print(f'{$sent / ($s1 - $s0):.0f}')")
ratio=$(python3 -c "print(f'{$app_rate / $src_rate * 100:.0f}')")

summary="$OUT/summary.txt"
{
  echo "Alert delivery benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "subscribers: $SUBSCRIBERS, connections: $CONNECTIONS, batch: $BATCH, rate cap: $RATE (0 = none), mail size: $MAIL_BYTES bytes"
  echo "app:         $sent mails sent, $failed failed, $other other, in ${span}s (from the start of sending, which creates the deliveries, to the last mark); ${wall}s from pressing Schedule to state SENT"
  echo "app rate:    $app_rate mails/s"
  echo "smtp-source: $sent messages in ${src_secs}s = $src_rate messages/s"
  echo "ratio:       app is ${ratio}% of smtp-source"
  echo "uptime after: $(uptime)"
} | tee "$summary"
