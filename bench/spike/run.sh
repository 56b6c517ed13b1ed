#!/usr/bin/env bash
# Signature intake at 100x the UK Parliament record: one command, see bench/README.md.
#
#   bash bench/spike/run.sh
#
# Options (environment variables, defaults in brackets):
#   DURATION [60]               seconds of timed load (signers, confirmers and readers at once)
#   SIGNER_CONNECTIONS [64]     concurrent signers (page load + sign form, repeatedly)
#   CONFIRMER_CONNECTIONS [16]  concurrent confirmers (POST /signatures/confirm with tokens from the warm-up)
#   READER_CONNECTIONS [32]     concurrent readers (petition page and count API, alternately)
#   WARMUP_SIGNATURES [30000]   signatures made before the timed run; their tokens feed the confirmers
#   WARMUP_CONNECTIONS [=SIGNER_CONNECTIONS]
#   WARMUP_MAX_SECONDS [180]    the warm-up stops after this long even if short of WARMUP_SIGNATURES
#   CONFIRM_PAGE [0]            1: confirmers GET the mail link's page before POSTing, like a browser
#   PGBENCH [1]                 0: skip the PostgreSQL baseline
#   PGBENCH_DURATION [=DURATION], PGBENCH_CLIENTS [=SIGNER_CONNECTIONS]
#   PGBENCH_OUTBOX [0]          1: the baseline transaction also inserts an outbox mail of the app's size
#   PGBENCH_BATCH [64]          rows per transaction of the second, batched pgbench run (the app's write path
#                               without HTTP: signatures + outbox mails, 2 clients); 0 skips it
#   PROBE_HZ [10]               count-lag probe sampling rate
#   SETTLE_SECONDS [5]          probe keeps sampling this long after the load (final count check)
#   DB_URL                      libpq URI of an external PostgreSQL (default: the app's embedded one)
#   BUILD [0]                   1: rebuild the jar even if present
#   KEEP_DATA [0]               1: keep the app's data directory (hundreds of MB) after the run
#   JAR, JAVA_HOME, JAVA_OPTS, APP_PORT [18080], DB_PORT [15432], WRK_TIMEOUT [30s]
#
# Results: bench/results/<timestamp>/ (summary.md, per-role JSON, raw wrk/pgbench output, app.log);
# the app's data directory is bench/results/data-<timestamp>/, removed at the end unless KEEP_DATA=1.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION="${DURATION:-60}"
SIGNER_CONNECTIONS="${SIGNER_CONNECTIONS:-64}"
CONFIRMER_CONNECTIONS="${CONFIRMER_CONNECTIONS:-16}"
READER_CONNECTIONS="${READER_CONNECTIONS:-32}"
WARMUP_SIGNATURES="${WARMUP_SIGNATURES:-30000}"
WARMUP_CONNECTIONS="${WARMUP_CONNECTIONS:-$SIGNER_CONNECTIONS}"
WARMUP_MAX_SECONDS="${WARMUP_MAX_SECONDS:-180}"
CONFIRM_PAGE="${CONFIRM_PAGE:-0}"
PGBENCH="${PGBENCH:-1}"
PGBENCH_DURATION="${PGBENCH_DURATION:-$DURATION}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-$SIGNER_CONNECTIONS}"
PGBENCH_OUTBOX="${PGBENCH_OUTBOX:-0}"
PGBENCH_BATCH="${PGBENCH_BATCH:-64}"
PROBE_HZ="${PROBE_HZ:-10}"
SETTLE_SECONDS="${SETTLE_SECONDS:-5}"
KEEP_DATA="${KEEP_DATA:-0}"
WRK_TIMEOUT="${WRK_TIMEOUT:-30s}"

TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/$TS"
DATA="$ROOT/bench/results/data-$TS"
LUA="$BENCH_DIR/lua"
PY="$BENCH_DIR/py"
mkdir -p "$OUT"

BG_PIDS=()
cleanup() {
  local pid running
  running=" $(jobs -pr | tr '\n' ' ') " # only our own children still running, never a reused pid
  for pid in "${BG_PIDS[@]}"; do
    if [[ "$running" == *" $pid "* ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  app_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_wrk ROLE SCRIPT CONNECTIONS SECONDS [VAR=value ...]: wrk in the background, one thread per connection.
run_wrk() {
  local role="$1" script="$2" conns="$3" secs="$4"
  shift 4
  mkdir -p "$OUT/raw/$role"
  env "$@" BENCH_ROLE="$role" BENCH_LUA_DIR="$LUA" BENCH_OUT="$OUT/$role.wrk.json" BENCH_RAW_DIR="$OUT/raw/$role" \
    THREADS="$conns" \
    wrk -t "$conns" -c "$conns" -d "${secs}s" --timeout "$WRK_TIMEOUT" -s "$LUA/$script" "$BASE_URL" \
    >"$OUT/$role.wrk.txt" 2>&1 &
  WRK_PID=$!
  BG_PIDS+=("$WRK_PID")
}

ensure_tools
ensure_jar

{
  echo "run: $TS"
  machine_info
} >"$OUT/machine.txt"
cat >"$OUT/settings.env" <<EOF
DURATION=$DURATION
SIGNER_CONNECTIONS=$SIGNER_CONNECTIONS
CONFIRMER_CONNECTIONS=$CONFIRMER_CONNECTIONS
READER_CONNECTIONS=$READER_CONNECTIONS
WARMUP_SIGNATURES=$WARMUP_SIGNATURES
WARMUP_CONNECTIONS=$WARMUP_CONNECTIONS
WARMUP_MAX_SECONDS=$WARMUP_MAX_SECONDS
CONFIRM_PAGE=$CONFIRM_PAGE
PGBENCH=$PGBENCH
PGBENCH_DURATION=$PGBENCH_DURATION
PGBENCH_CLIENTS=$PGBENCH_CLIENTS
PGBENCH_OUTBOX=$PGBENCH_OUTBOX
PROBE_HZ=$PROBE_HZ
SETTLE_SECONDS=$SETTLE_SECONDS
DB=$(if [[ -n "${DB_URL:-}" ]]; then python3 -c 'import sys; from urllib.parse import urlsplit; u = urlsplit(sys.argv[1]); print(f"external PostgreSQL at {u.hostname}:{u.port or 5432}{u.path}")' "$DB_URL"; else echo "embedded PostgreSQL on port $DB_PORT"; fi)
JAVA_OPTS=${JAVA_OPTS:-}
SAFEPASSAGE_DB_POOL_SIZE=${SAFEPASSAGE_DB_POOL_SIZE:-(default)}
EOF

# Is the machine quiet? Other work on these cores changes every figure.
python3 "$PY/cpu.py" snapshot "$OUT/.cpu-quiet-0.json"
sleep 3
python3 "$PY/cpu.py" snapshot "$OUT/.cpu-quiet-1.json"
python3 "$PY/cpu.py" diff "$OUT/.cpu-quiet-0.json" "$OUT/.cpu-quiet-1.json" >"$OUT/cpu-before-start.json"

app_start "$DATA" "$OUT/app.log"
{
  for s in fsync synchronous_commit full_page_writes wal_level shared_buffers max_connections server_version; do
    echo "$s=$(dbq "show $s")"
  done
  echo "hikari_pool_size=${SAFEPASSAGE_DB_POOL_SIZE:-20 (application.yml default)}"
} >"$OUT/db-settings.txt"
psql "$(pg_conn)" -X -c '\d signature' >"$OUT/signature-table.txt" 2>&1 || true

# ---------------------------------------------------------------- warm-up: signatures whose tokens we confirm
log "warm-up: $WARMUP_SIGNATURES signatures with $WARMUP_CONNECTIONS connections"
before=$(dbq "select count(*) from signature where petition_id = $PETITION_ID")
per_thread=$(((WARMUP_SIGNATURES + WARMUP_CONNECTIONS - 1) / WARMUP_CONNECTIONS))
warm_start=$(date +%s.%N)
run_wrk warmup signer.lua "$WARMUP_CONNECTIONS" "$WARMUP_MAX_SECONDS" EMAIL_PREFIX="w-$RUN_ID" SIGN_LIMIT="$per_thread"
warm_pid=$WRK_PID
last=-1
still=0
while kill -0 "$warm_pid" 2>/dev/null; do
  sleep 2
  n=$(($(dbq "select count(*) from signature where petition_id = $PETITION_ID") - before))
  log "  warm-up: $n signatures"
  if ((n == last)); then still=$((still + 1)); else still=0; fi
  last=$n
  # done, or every thread has reached its share (a retried POST can leave the total a little short)
  if ((n >= WARMUP_SIGNATURES || still >= 3)); then
    kill -INT "$warm_pid" 2>/dev/null || true
    break
  fi
done
wait "$warm_pid" || log "WARNING: wrk (warm-up) exited with an error"
python3 "$PY/wrkstats.py" "$OUT" warmup
warm_end=$(date +%s.%N)
echo "warmup_seconds=$(python3 -c "print(round($warm_end - $warm_start, 2))")" >>"$OUT/settings.env"

dbq "select distinct on (recipient) substring(text_body from 'token=([A-Za-z0-9_-]+)')
     from mail_outbox where category = 'petitions/confirm-signature' and recipient like 'w-$RUN_ID-%'
     order by recipient, id desc" | grep -v '^$' | shuf >"$OUT/tokens.txt" || true
tokens=$(wc -l <"$OUT/tokens.txt")
log "warm-up done: $tokens confirmation tokens exported"
((tokens > 0)) || log "WARNING: no confirmation tokens; the confirmers will have nothing to do"

# ---------------------------------------------------------------- timed run: all roles at once
dbq "checkpoint" >/dev/null
log "timed run: ${DURATION}s, signers $SIGNER_CONNECTIONS, confirmers $CONFIRMER_CONNECTIONS, readers $READER_CONNECTIONS"
python3 "$PY/probe.py" sample --base-url "$BASE_URL" --conn "$(pg_conn)" --petition "$PETITION_ID" \
  --seconds $((DURATION + SETTLE_SECONDS + 2)) --hz "$PROBE_HZ" --out "$OUT/probe.csv" &
probe_pid=$!
BG_PIDS+=("$probe_pid")
sleep 1
cpu_snapshot() { python3 "$PY/cpu.py" snapshot "$1" --app-pid "$APP_PID" --pg-pid "$(postmaster_pid "$DATA")"; }
cpu_snapshot "$OUT/.cpu-0.json"
load_start=$(date +%s.%N)
role_pids=()
if ((SIGNER_CONNECTIONS > 0)); then
  run_wrk signers signer.lua "$SIGNER_CONNECTIONS" "$DURATION" EMAIL_PREFIX="s-$RUN_ID" SIGN_LIMIT=0
  role_pids+=("$WRK_PID")
fi
if ((CONFIRMER_CONNECTIONS > 0)); then
  run_wrk confirmers confirmer.lua "$CONFIRMER_CONNECTIONS" "$DURATION" TOKEN_FILE="$OUT/tokens.txt" \
    CONFIRM_PAGE="$CONFIRM_PAGE"
  role_pids+=("$WRK_PID")
fi
if ((READER_CONNECTIONS > 0)); then
  run_wrk readers reader.lua "$READER_CONNECTIONS" "$DURATION"
  role_pids+=("$WRK_PID")
fi
for pid in "${role_pids[@]}"; do wait "$pid" || log "WARNING: a wrk process exited with an error"; done
load_end=$(date +%s.%N)
for role in signers confirmers readers; do
  [[ -d "$OUT/raw/$role" ]] && python3 "$PY/wrkstats.py" "$OUT" "$role"
done
cpu_snapshot "$OUT/.cpu-1.json"
python3 "$PY/cpu.py" diff "$OUT/.cpu-0.json" "$OUT/.cpu-1.json" >"$OUT/cpu.json"
log "load done; probe settling ${SETTLE_SECONDS}s"
wait "$probe_pid" || true
printf 'load_start=%s\nload_end=%s\n' "$load_start" "$load_end" >>"$OUT/settings.env"

# ---------------------------------------------------------------- what the database says
dbq "select extract(epoch from confirmed_at) from signature
     where petition_id = $PETITION_ID and confirmed_at is not null and not flagged order by 1" >"$OUT/confirmed.txt"
python3 "$PY/probe.py" analyse --samples "$OUT/probe.csv" --confirmed "$OUT/confirmed.txt" \
  --load-end "$load_end" --out "$OUT/lag.json"
{
  echo "stored_timed_signatures=$(dbq "select count(*) from signature where petition_id = $PETITION_ID and email like 's-$RUN_ID-%'")"
  echo "stored_warmup_signatures=$(dbq "select count(*) from signature where petition_id = $PETITION_ID and email like 'w-$RUN_ID-%'")"
  echo "confirmed_warmup_signatures=$(dbq "select count(*) from signature where petition_id = $PETITION_ID and email like 'w-$RUN_ID-%' and confirmed_at is not null")"
  echo "timed_confirm_mails=$(dbq "select count(*) from mail_outbox where category = 'petitions/confirm-signature' and recipient like 's-$RUN_ID-%'")"
  echo "duplicate_canonical_emails=$(dbq "select count(*) from (select 1 from signature group by petition_id, email_canonical having count(*) > 1) d")"
  echo "signature_table_size=$(dbq "select pg_size_pretty(pg_total_relation_size('signature'))")"
  echo "mail_outbox_size=$(dbq "select pg_size_pretty(pg_total_relation_size('mail_outbox'))")"
  echo "avg_text_body=$(dbq "select coalesce(round(avg(length(text_body))), 0) from mail_outbox where recipient like 'w-$RUN_ID-%'")"
  echo "avg_html_body=$(dbq "select coalesce(round(avg(length(html_body))), 0) from mail_outbox where recipient like 'w-$RUN_ID-%'")"
} >"$OUT/db-after.txt"

# ---------------------------------------------------------------- baseline: the same insert straight into PostgreSQL
if [[ "$PGBENCH" == "1" ]]; then
  cols=$(dbq "select string_agg(column_name, ',' order by column_name) from information_schema.columns
              where table_name = 'signature' and column_name in ('petition_id','name','email','email_canonical',
              'country','postcode','keep_updated','locale','ip','token_hash','token_expires_at','flagged')")
  if [[ "$cols" != "country,email,email_canonical,flagged,ip,keep_updated,locale,name,petition_id,postcode,token_expires_at,token_hash" ]]; then
    log "WARNING: table signature changed ($cols); adapt the pgbench script in run.sh. Skipping the baseline."
    echo "skipped: signature columns changed" >"$OUT/pgbench.txt"
  else
    text_len=$(grep '^avg_text_body=' "$OUT/db-after.txt" | cut -d= -f2)
    html_len=$(grep '^avg_html_body=' "$OUT/db-after.txt" | cut -d= -f2)
    {
      echo '\set r random(1, 2000000000)'
      [[ "$PGBENCH_OUTBOX" == "1" ]] && echo 'BEGIN;'
      echo "insert into signature (petition_id, name, email, email_canonical, country, postcode, keep_updated,
        locale, ip, token_hash, token_expires_at, flagged)
      values ($PETITION_ID, 'Bench Baseline', 'pgb-' || :client_id || '-' || :r || '@bench.example',
        'pgb-' || :client_id || '-' || :r || '@bench.example', 'GB', 'SW1A 1AA', false, 'en', '10.1.2.3',
        decode(md5(random()::text) || md5(random()::text), 'hex'), now() + interval '14 days', false)
      on conflict (petition_id, email_canonical) do nothing;"
      if [[ "$PGBENCH_OUTBOX" == "1" ]]; then
        echo "insert into mail_outbox (recipient, subject, text_body, html_body, category)
      values ('pgb-' || :client_id || '-' || :r || '@bench.example', 'Confirm your signature',
        repeat('x', ${text_len:-1000}), repeat('x', ${html_len:-3000}), 'bench/pgbench');"
        echo 'END;'
      fi
    } >"$OUT/pgbench-sign.sql"
    jobs=2
    ((PGBENCH_CLIENTS < 2)) && jobs=1
    dbq "checkpoint" >/dev/null
    log "baseline: pgbench -c $PGBENCH_CLIENTS -j $jobs -T $PGBENCH_DURATION (same PostgreSQL, app idle)"
    cpu_snapshot "$OUT/.cpu-pgb-0.json"
    # in a subshell so that `times` reports pgbench's own CPU time (it shares the cores with PostgreSQL)
    (
      pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j "$jobs" -T "$PGBENCH_DURATION" -f "$OUT/pgbench-sign.sql" \
        "$(pg_conn)" >"$OUT/pgbench.txt" 2>&1 || log "WARNING: pgbench failed (see $OUT/pgbench.txt)"
      times >"$OUT/pgbench-cpu.txt" # second line: user and system time of the children (pgbench)
    )
    cpu_snapshot "$OUT/.cpu-pgb-1.json"
    python3 "$PY/cpu.py" diff "$OUT/.cpu-pgb-0.json" "$OUT/.cpu-pgb-1.json" >"$OUT/cpu-pgbench.json"

    # The app's write path without its web stack: what the batcher's transaction shape (PGBENCH_BATCH
    # signatures plus their outbox mails per commit, 2 writers) takes from the same PostgreSQL.
    if ((PGBENCH_BATCH > 0)); then
      cat >"$OUT/pgbench-batch.sql" <<SQL
\set r random(1, 2000000000)
BEGIN;
insert into signature (petition_id, name, email, email_canonical, country, postcode, keep_updated,
  locale, ip, token_hash, token_expires_at, flagged)
select $PETITION_ID, 'Bench Batch', 'pgbatch-' || :client_id || '-' || :r || '-' || g || '@bench.example',
  'pgbatch-' || :client_id || '-' || :r || '-' || g || '@bench.example', 'GB', 'SW1A 1AA', false, 'en',
  ('10.' || (g % 250) || '.1.' || (:client_id % 250 + 1))::inet,
  decode(md5(random()::text) || md5(random()::text), 'hex'), now() + interval '14 days', false
from generate_series(1, $PGBENCH_BATCH) g
order by 4
on conflict (petition_id, email_canonical) do nothing;
insert into mail_outbox (recipient, subject, text_body, html_body, category)
select 'pgbatch-' || :client_id || '-' || :r || '-' || g || '@bench.example', 'Confirm your signature',
  repeat('x', ${text_len:-1000}), repeat('x', ${html_len:-3000}), 'bench/pgbench'
from generate_series(1, $PGBENCH_BATCH) g;
END;
SQL
      dbq "checkpoint" >/dev/null
      log "write path: pgbench -c 2, $PGBENCH_BATCH signatures + mails per transaction, ${PGBENCH_DURATION}s"
      pgbench -n -M prepared -c 2 -j 1 -T "$PGBENCH_DURATION" -f "$OUT/pgbench-batch.sql" "$(pg_conn)" \
        >"$OUT/pgbench-batch.txt" 2>&1 || log "WARNING: batched pgbench failed (see $OUT/pgbench-batch.txt)"
    fi
  fi
fi

app_stop
rm -f "$OUT"/.cpu-*.json
if [[ "$KEEP_DATA" != "1" && -z "$(postmaster_pid "$DATA")" ]]; then
  rm -rf "$DATA"
fi
python3 "$PY/report.py" "$OUT"
if [[ -s "$OUT/pgbench-batch.txt" ]]; then
  batch_tps=$(grep -oP 'tps = \K[0-9.]+' "$OUT/pgbench-batch.txt" | head -1)
  if [[ -n "$batch_tps" ]]; then
    rows=$(python3 -c "print(round($batch_tps * $PGBENCH_BATCH))")
    {
      echo
      echo "## Write path without the web stack"
      echo
      echo "pgbench, 2 clients (the app's writer threads), $PGBENCH_BATCH signatures and their outbox mails per"
      echo "transaction, same PostgreSQL and durability: **$rows signatures/s** ($batch_tps transactions/s);"
      echo "single-row baseline above: see pgbench tps."
    } >>"$OUT/summary.md"
    log "write path: $rows signatures/s in batches of $PGBENCH_BATCH"
  fi
fi
log "results in $OUT (summary.md)"
