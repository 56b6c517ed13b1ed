#!/usr/bin/env bash
# Delivery mails to signers: SIGNERS confirmed signers who asked for updates on the demo petition; a staff
# member records the delivery through the admin page (the real request, multipart); the job then queues one
# mail per signer in the outbox, 500 per transaction. Measures how long the staff request takes (it must not
# grow with the number of signers) and how long until every mail is queued. No SMTP: the mails stay in the
# outbox, so this measures queueing (rendering, links, outbox writes), not sending (see bench/mail).
#
#   bash bench/delivery/updates.sh                   # 50,000 signers
#   SIGNERS=5000 bash bench/delivery/updates.sh      # a quick run
#
# Needs Linux, postgresql-client and curl, a JDK 21+ (JAVA_HOME) and free ports 18095 (app) and 15447
# (embedded PostgreSQL). Results go to bench/results/delivery-<ts>/.
set -euo pipefail

export APP_PORT="${APP_PORT:-18095}"
export DB_PORT="${DB_PORT:-15447}"
# shellcheck source=../spike/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../spike/lib.sh"

SIGNERS="${SIGNERS:-50000}"
QUEUE_TIMEOUT="${QUEUE_TIMEOUT:-900}"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench password $(date +%s)"
TS="$(date +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/delivery-$TS"
mkdir -p "$OUT"

cleanup() {
  app_stop || true
  if [[ "${KEEP_DATA:-0}" != "1" && -n "${APP_DATA_DIR:-}" ]]; then rm -rf "$APP_DATA_DIR"; fi
}
trap cleanup EXIT

command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"
ensure_jar
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

export SAFEPASSAGE_ADMIN_EMAIL="$ADMIN_EMAIL" SAFEPASSAGE_ADMIN_PASSWORD="$ADMIN_PASSWORD"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "uptime before: $(uptime)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"
  echo "settings: SIGNERS=$SIGNERS"
} | tee "$OUT/machine.txt"

app_start "$ROOT/bench/results/delivery-data-$TS" "$OUT/app.log"
petition=$(dbq "select id from petition where created_by = 'demo' order by id limit 1")
log "inserting $SIGNERS opted-in, confirmed signatures on petition $petition"
dbq "insert into signature (petition_id, name, email, email_canonical, country, keep_updated, locale, token_hash,
                            token_expires_at, confirmed_at)
     select $petition, 'Signer ' || g, 'signer' || g || '@example.org', 'signer' || g || '@example.org', 'GB', true,
            'en', sha256(convert_to('bench' || g, 'UTF8')), now(), now()
     from generate_series(1, $SIGNERS) g" >/dev/null
dbq "update petition set state = 'CLOSED', closed_at = now(), version = version + 1 where id = $petition" >/dev/null

jar="$OUT/cookies.txt"; page="$OUT/page.html"
curl -fsS -c "$jar" -b "$jar" "$BASE_URL/login" -o "$page"
curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$(csrf_of "$page")" "$BASE_URL/login"
curl -fsS -c "$jar" -b "$jar" "$BASE_URL/admin/petitions/$petition/delivery" -o "$page"
csrf=$(csrf_of "$page")
[[ -n "$csrf" ]] || die "could not sign in as staff (see $page)"

start=$(date +%s.%N)
request=$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{time_total}' -F "_csrf=$csrf" \
  -F "deliveredOn=$(date +%F)" -F "recipientName=The duty officer" \
  -F "recipientOffice=Embassy of the People's Republic of China, London" -F "method=IN_PERSON" \
  -F "notes=Handed over at the embassy gate." "$BASE_URL/admin/petitions/$petition/delivery")
[[ "$(dbq "select state from petition where id = $petition")" == "DELIVERED" ]] || die "delivery not recorded"
log "staff request answered in ${request}s"

waited=0
until [[ "$(dbq "select finished_at is not null from petition_update where petition_id = $petition")" == "t" ]]; do
  ((waited >= QUEUE_TIMEOUT * 5)) && die "not all queued after ${QUEUE_TIMEOUT}s"
  sleep 0.2
  waited=$((waited + 1))
done
end=$(date +%s.%N)
queued=$(dbq "select queued from petition_update where petition_id = $petition")
outbox=$(dbq "select count(*) from mail_outbox where category like 'petitions/update-%'")
seconds=$(python3 -c "print(round($end - $start, 1))")
{
  echo "staff request: ${request}s"
  echo "queued: $queued (outbox rows: $outbox) of $SIGNERS in ${seconds}s ($(python3 -c "print(round($queued / ($end - $start)))") per second)"
  echo "uptime after: $(uptime)"
} | tee "$OUT/result.txt"
