#!/usr/bin/env bash
# Crash check: no acknowledged signature may be lost, none stored twice, when the JVM dies mid-load.
#
#   bash bench/spike/crash-check.sh
#
# Starts the app (embedded PostgreSQL, fresh data directory), runs ~20 concurrent signers (python,
# every email that got a 302 is written to acked.txt), SIGKILLs the JVM mid-load, restarts the app on the
# same data directory and checks with psql that:
#   1. every acknowledged email is in table signature exactly once,
#   2. no (petition_id, email_canonical) is stored twice,
#   3. every acknowledged signature has its confirmation mail in mail_outbox (same transaction),
#   4. the restarted app accepts a new signature (302).
# Prints PASS or FAIL; exits 1 on FAIL.
#
# Options: CRASH_CONCURRENCY [20], CRASH_AFTER_SECONDS [10] (load before the kill), plus JAR, JAVA_HOME,
# JAVA_OPTS, APP_PORT, DB_PORT, BUILD, KEEP_DATA as for run.sh. Results: bench/results/crash-<timestamp>/
# (the data directory is kept when the check fails).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "crash-check.sh uses the embedded PostgreSQL; unset DB_URL"

CRASH_CONCURRENCY="${CRASH_CONCURRENCY:-20}"
CRASH_AFTER_SECONDS="${CRASH_AFTER_SECONDS:-10}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/crash-$TS"
DATA="$OUT/data"
mkdir -p "$OUT"

LOAD_PID=""
cleanup() {
  if [[ -n "$LOAD_PID" ]]; then kill -TERM "$LOAD_PID" 2>/dev/null || true; fi
  app_stop
  stop_orphan_postgres "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
ensure_jar
app_start "$DATA" "$OUT/app-1.log"

log "signing with $CRASH_CONCURRENCY concurrent clients; SIGKILL of the JVM after ${CRASH_AFTER_SECONDS}s"
python3 "$BENCH_DIR/py/loadgen.py" --base-url "$BASE_URL" --petition "$PETITION_ID" \
  --concurrency "$CRASH_CONCURRENCY" --seconds $((CRASH_AFTER_SECONDS + 10)) --email-prefix "c-$RUN_ID" \
  --acked "$OUT/acked.txt" --log "$OUT/requests.csv" --timeout 10 2>"$OUT/loadgen.txt" &
LOAD_PID=$!
sleep "$CRASH_AFTER_SECONDS"
acked_before=$(wc -l <"$OUT/acked.txt" 2>/dev/null || echo 0)
killed_pid=$APP_PID
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
log "killed JVM $killed_pid with SIGKILL ($acked_before signatures acknowledged so far)"
sleep 2
kill -TERM "$LOAD_PID" 2>/dev/null || true
wait "$LOAD_PID" || true
LOAD_PID=""
log "load generator stopped: $(cat "$OUT/loadgen.txt")"

log "restarting on the same data directory"
app_start "$DATA" "$OUT/app-2.log" restart

fail=0
check() { # check NAME EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then
    log "ok   $1: $3"
  else
    log "FAIL $1: expected $2, got $3"
    fail=1
  fi
}

result=$(psql "$(pg_conn)" -X -q -At -v ON_ERROR_STOP=1 <<SQL
create temp table acked (email text);
\copy acked from '$OUT/acked.txt'
select
  (select count(distinct email) from acked),
  (select count(*) from (select distinct email from acked) a
    where not exists (select 1 from signature s where s.petition_id = $PETITION_ID and s.email = a.email)),
  (select count(*) from (select s.email from signature s join (select distinct email from acked) a using (email)
    where s.petition_id = $PETITION_ID group by s.email having count(*) > 1) d),
  (select count(*) from (select 1 from signature group by petition_id, email_canonical having count(*) > 1) d),
  (select count(*) from (select distinct email from acked) a
    where not exists (select 1 from mail_outbox m where m.recipient = a.email
                      and m.category = 'petitions/confirm-signature')),
  (select count(*) from signature where petition_id = $PETITION_ID and email like 'c-$RUN_ID-%');
SQL
)
IFS='|' read -r n_acked missing twice dup_canonical no_mail stored <<<"$result"
log "acknowledged before the kill: $n_acked; stored rows of this run: $stored"
((n_acked > 0)) || { log "FAIL no signature was acknowledged before the kill: nothing was tested"; fail=1; }
check "acknowledged emails missing from signature" 0 "$missing"
check "acknowledged emails stored more than once" 0 "$twice"
check "duplicate (petition_id, email_canonical)" 0 "$dup_canonical"
check "acknowledged signatures without a confirmation mail" 0 "$no_mail"

# A cold JVM on a busy two-core machine can take a few seconds for its first page and signature.
after=$(python3 "$BENCH_DIR/py/loadgen.py" --base-url "$BASE_URL" --petition "$PETITION_ID" --concurrency 1 \
  --seconds 10 --email-prefix "c-$RUN_ID-after" --acked "$OUT/acked-after.txt" 2>&1 | tail -1)
n_after=$(wc -l <"$OUT/acked-after.txt" 2>/dev/null || echo 0)
if ((n_after > 0)); then log "ok   signing after the restart: $after"; else log "FAIL signing after the restart: $after"; fail=1; fi

{
  echo "killed_jvm=$killed_pid after ${CRASH_AFTER_SECONDS}s with $CRASH_CONCURRENCY clients"
  echo "acknowledged=$n_acked stored=$stored missing=$missing twice=$twice dup_canonical=$dup_canonical no_mail=$no_mail"
  echo "after_restart=$after"
  echo "result=$([[ $fail == 0 ]] && echo PASS || echo FAIL)"
} >"$OUT/result.txt"
app_stop
if ((fail)); then
  echo "FAIL (details: $OUT)"
  exit 1
fi
[[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"
echo "PASS: $n_acked acknowledged signatures all stored exactly once after SIGKILL and restart ($OUT)"
