#!/usr/bin/env bash
# Representatives directory import at UK scale: a generated file of POSTCODES postcodes (ONS Postcode Directory
# columns pcds, doterm, pcon, spc, spr) is imported through the application's real path: a staff member signs
# in, uploads the file for the dry run on /admin/letters/directory, then presses "Import now" (the rows stream
# through COPY into a temporary table; the postcode table is rebuilt and swapped). Then the lookup latency of
# Directory.forPostcode's query for random known postcodes (pgbench, p50/p99), and the ceiling: psql's COPY of
# the same file straight into a table, with and without building its index.
#
#   bash bench/letters/import.sh                      # 2.7 million postcodes
#   POSTCODES=300000 bash bench/letters/import.sh     # a quick smoke run
#
# Needs Linux, a JDK 21+ (JAVA_HOME), python3, curl, psql and pgbench (postgresql-client), free ports 18095 (app)
# and 15447 (embedded PostgreSQL). Results go to bench/results/letters-<ts>/ (summary.md).
set -euo pipefail

export APP_PORT="${APP_PORT:-18095}"
export DB_PORT="${DB_PORT:-15447}"
# shellcheck source=../spike/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../spike/lib.sh"
HERE="$ROOT/bench/letters"

POSTCODES="${POSTCODES:-2700000}"
LOOKUPS="${LOOKUPS:-50000}"
LOOKUP_CLIENTS="${LOOKUP_CLIENTS:-4}"
# A small heap: the import streams the file, so it must fit (a list of 2.7 million rows would not).
export JAVA_OPTS="${JAVA_OPTS:--Xmx384m}"
ADMIN_EMAIL="bench-admin@example.org"
ADMIN_PASSWORD="bench password $(date +%s)"

TS="$(date +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/letters-$TS"
mkdir -p "$OUT"
cleanup() {
  app_stop || true
  if [[ "${KEEP_DATA:-0}" != "1" && -n "${APP_DATA_DIR:-}" ]]; then rm -rf "$APP_DATA_DIR"; fi
  rm -f "$OUT/postcodes.csv"
}
trap cleanup EXIT

need=()
command -v psql >/dev/null || need+=(postgresql-client)
command -v pgbench >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi
ensure_jar
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

{ machine_info; echo "uptime before: $(uptime)"; echo "settings: POSTCODES=$POSTCODES LOOKUPS=$LOOKUPS LOOKUP_CLIENTS=$LOOKUP_CLIENTS"; } \
  | tee "$OUT/machine.txt"

log "generating $POSTCODES postcodes"
python3 "$HERE/generate.py" "$POSTCODES" "$OUT/postcodes.csv" "$OUT/members.csv"
FILE_MB=$(python3 -c "import os; print(f'{os.path.getsize(\"$OUT/postcodes.csv\") / 1e6:.0f}')")

export SAFEPASSAGE_ADMIN_EMAIL="$ADMIN_EMAIL" SAFEPASSAGE_ADMIN_PASSWORD="$ADMIN_PASSWORD"
app_start "$ROOT/bench/results/letters-data-$TS" "$OUT/app.log"

JAR_COOKIES="$OUT/cookies.txt"
PAGE="$OUT/page.html"
curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE_URL/login" -o "$PAGE"
curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null --data-urlencode "username=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$(csrf_of "$PAGE")" "$BASE_URL/login"

# upload FILE: the dry run; prints the seconds it took and leaves the page in $PAGE
dry_run() {
  curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE_URL/admin/letters/directory" -o "$PAGE"
  local csrf; csrf=$(csrf_of "$PAGE")
  [[ -n "$csrf" ]] || die "could not sign in as staff (see $PAGE)"
  curl -sS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o "$PAGE" -w '%{time_total}' -F "_csrf=$csrf" -F "file=@$1;type=text/csv" \
    "$BASE_URL/admin/letters/directory/check"
}
# import: presses "Import now" on the page of a clean dry run; prints the seconds it took
import_checked() {
  local action csrf
  action=$(grep -o '/admin/letters/directory/import/[A-Za-z0-9_-]*' "$PAGE" | head -1)
  [[ -n "$action" ]] || die "the dry run did not offer an import (see $PAGE)"
  csrf=$(csrf_of "$PAGE")
  curl -sS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o "$OUT/import-response.html" -w '%{time_total}' \
    --data-urlencode "_csrf=$csrf" "$BASE_URL$action"
}

log "importing the members of the generated areas"
dry_run "$OUT/members.csv" >/dev/null
import_checked >/dev/null
log "uploading $POSTCODES postcodes ($FILE_MB MB) for the dry run"
DRY=$(printf '%.1f' "$(dry_run "$OUT/postcodes.csv")")
grep -q 'is ready to import' "$PAGE" || die "the dry run refused the file (see $PAGE)"
log "dry run (upload + check): ${DRY}s; importing"
RSS_BEFORE=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
IMPORT=$(printf '%.1f' "$(import_checked)")
RSS_AFTER=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
ROWS=$(dbq "select count(*) from letters_postcode_area")
KNOWN=$(dbq "select count(distinct postcode) from letters_postcode_area")
log "import: ${IMPORT}s; letters_postcode_area holds $ROWS rows, $KNOWN postcodes"

# Lookups: random known postcodes, the directory's own query, prepared, LOOKUP_CLIENTS at once.
dbq "drop table if exists letters_bench_keys;
     create table letters_bench_keys as select row_number() over () as n, postcode
       from (select postcode from (select distinct postcode from letters_postcode_area) d
             order by random() limit $LOOKUPS) k;
     alter table letters_bench_keys add primary key (n); analyze letters_bench_keys" >/dev/null
KEYS=$(dbq "select count(*) from letters_bench_keys")
log "lookups: $LOOKUPS over $LOOKUP_CLIENTS clients"
(cd "$OUT" && pgbench -n -M prepared -c "$LOOKUP_CLIENTS" -j "$LOOKUP_CLIENTS" -t $((LOOKUPS / LOOKUP_CLIENTS)) \
  -D keys="$KEYS" -f "$HERE/lookup.sql" -l --log-prefix=lookup "$(pg_conn)" >"$OUT/pgbench.txt" 2>&1)
read -r P50 P99 MAX <<<"$(cat "$OUT"/lookup.* | python3 -c "
import sys
v = sorted(int(l.split()[2]) for l in sys.stdin)
q = lambda p: v[min(len(v) - 1, int(p * len(v)))] / 1000
print(f'{q(0.5):.2f} {q(0.99):.2f} {v[-1] / 1000:.2f}')")"
dbq "drop table letters_bench_keys" >/dev/null
log "lookup latency: p50 ${P50} ms, p99 ${P99} ms, max ${MAX} ms"

# Ceiling: the same file straight into a table by psql's COPY, then its index.
dbq "drop table if exists letters_bench_copy;
     create table letters_bench_copy (pcds text, doterm text, pcon text, spc text, spr text)" >/dev/null
c0=$(date +%s.%N)
psql "$(pg_conn)" -X -q -v ON_ERROR_STOP=1 -c "\\copy letters_bench_copy from '$OUT/postcodes.csv' csv header"
c1=$(date +%s.%N)
dbq "alter table letters_bench_copy add primary key (pcds)" >/dev/null
c2=$(date +%s.%N)
dbq "drop table letters_bench_copy" >/dev/null
COPY_SECS=$(secs "$c0" "$c1")
COPY_INDEX_SECS=$(secs "$c0" "$c2")
log "psql COPY: ${COPY_SECS}s, with its index ${COPY_INDEX_SECS}s"

{
  echo "# Representatives directory import, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "| what | result |"
  echo "|---|---|"
  echo "| file | $POSTCODES postcodes, ${FILE_MB} MB, ONSPD columns (pcds, doterm, pcon, spc, spr); 1 in 9 Scottish, 1 in 100 terminated |"
  echo "| dry run: upload + check every row (HTTP) | ${DRY} s |"
  echo "| **import: \"Import now\" to the swapped table (HTTP)** | **${IMPORT} s** (goal < 90 s) |"
  echo "| postcode table after | $ROWS rows, $KNOWN postcodes |"
  echo "| app resident memory before / after the import | $((RSS_BEFORE / 1024)) MB / $((RSS_AFTER / 1024)) MB |"
  echo "| ceiling: psql \\copy of the same file into a plain table | ${COPY_SECS} s (${COPY_INDEX_SECS} s with its primary key) |"
  echo "| **lookup, Directory.forPostcode's query, $LOOKUPS random known postcodes, $LOOKUP_CLIENTS clients** | p50 ${P50} ms, **p99 ${P99} ms**, max ${MAX} ms (goal p99 < 5 ms) |"
  echo
  echo "uptime after: $(uptime)"
} | tee "$OUT/summary.md"
