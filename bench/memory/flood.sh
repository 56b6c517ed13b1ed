#!/usr/bin/env bash
# Memory under an anonymous flood (issue 9, finding 1): made-up languages and petition ids must not make the
# application keep anything more in memory.
#
#   bash bench/memory/flood.sh                 # 5,000 languages + 5,000 ids, goal: live heap grows < 20 MB
#   JAR=/path/to/other.jar bash bench/memory/flood.sh    # the same flood against another build
#
# Starts the packaged jar as a user would (bench/spike/lib.sh: fresh embedded PostgreSQL, demo petition 1),
# warms it up with WARMUP_ROUNDS rounds of ordinary requests (the petition page with the cookie and with
# ?lang=en, and one unknown id), then measures the live heap: `jcmd <pid> GC.run`, then `GC.heap_info`
# ("used") and `GC.class_histogram` (its total; the histogram forces a full GC of its own). Then the flood
# (bench/memory/flood.py, FLOOD_CONCURRENCY anonymous clients): each of FLOOD_LANGUAGES distinct made-up
# language tags once as the safepassage-lang cookie and once as ?lang= on the petition page, and
# FLOOD_IDS distinct unknown ids (/petitions/<n>). Then the same measurement, and before / after / growth.
#
# PASS when the live heap (class histogram total) grew by less than GOAL_MB. Exit 1 on FAIL.
#
# Options: FLOOD_LANGUAGES [5000], FLOOD_IDS [5000], FLOOD_CONCURRENCY [4], WARMUP_ROUNDS [300],
# GOAL_MB [20], APP_PORT [18085], DB_PORT [15437], plus JAR, JAVA_HOME, JAVA_OPTS, BUILD, KEEP_DATA as for
# run.sh.
# Results: bench/results/memory-<timestamp>/ (summary.txt, flood.json, warmup.json, heap-*.txt,
# histogram-*.txt, machine.txt, app.log).
set -euo pipefail
# Own ports by default, so it can run beside the spike checks.
APP_PORT="${APP_PORT:-18085}"
DB_PORT="${DB_PORT:-15437}"
# shellcheck source=../spike/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../spike/lib.sh"
MEMORY_DIR="$ROOT/bench/memory"

FLOOD_LANGUAGES="${FLOOD_LANGUAGES:-5000}"
FLOOD_IDS="${FLOOD_IDS:-5000}"
FLOOD_CONCURRENCY="${FLOOD_CONCURRENCY:-4}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-300}"
GOAL_MB="${GOAL_MB:-20}"
FIRST_ID=1000000000
TS="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/memory-$TS"
DATA="$OUT/data"
mkdir -p "$OUT"
JCMD="$JAVA_HOME/bin/jcmd"

trap app_stop EXIT
trap 'exit 130' INT TERM

for tool in curl python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
[[ -x "$JCMD" ]] || die "no jcmd at $JCMD (set JAVA_HOME to a JDK)"
ensure_jar
{
  machine_info
  echo "load average before the run: $(cut -d" " -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt" 2>&1 || true

# measure NAME: full GC, then the heap in use and the live objects' total, in bytes (details in heap-NAME.txt
# and histogram-NAME.txt); prints "<heap_info used bytes> <histogram total bytes>".
measure() {
  "$JCMD" "$APP_PID" GC.run >/dev/null
  "$JCMD" "$APP_PID" GC.heap_info >"$OUT/heap-$1.txt"
  "$JCMD" "$APP_PID" GC.class_histogram >"$OUT/histogram-$1.txt"
  local used total
  used=$(grep -m1 -oE 'used [0-9]+K' "$OUT/heap-$1.txt" | tr -dc 0-9)
  total=$(awk '$1 == "Total" { print $3 }' "$OUT/histogram-$1.txt")
  [[ -n "$used" && -n "$total" ]] || die "cannot read the heap figures (see $OUT/heap-$1.txt)"
  echo "$((used * 1024)) $total"
}

mb() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1048576:.1f}')" "$1"; }

app_start "$DATA" "$OUT/app.log"
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/petitions/$PETITION_ID")
[[ "$status" == "200" ]] || die "petition $PETITION_ID answers $status, not 200 (is the demo loaded?)"

log "warm-up: $WARMUP_ROUNDS rounds of ordinary requests"
python3 "$MEMORY_DIR/flood.py" --base-url "$BASE_URL" --petition "$PETITION_ID" --first-id "$FIRST_ID" \
  --concurrency "$FLOOD_CONCURRENCY" --warmup "$WARMUP_ROUNDS" --out "$OUT/warmup.json" >/dev/null
measure before >"$OUT/measured-before.txt"
read -r heap_before live_before <"$OUT/measured-before.txt"
log "before: heap in use $(mb "$heap_before") MB, live objects $(mb "$live_before") MB"

log "flood: $FLOOD_LANGUAGES made-up languages (cookie and ?lang=), $FLOOD_IDS unknown ids, $FLOOD_CONCURRENCY clients"
python3 "$MEMORY_DIR/flood.py" --base-url "$BASE_URL" --petition "$PETITION_ID" --first-id "$FIRST_ID" \
  --languages "$FLOOD_LANGUAGES" --ids "$FLOOD_IDS" --concurrency "$FLOOD_CONCURRENCY" --out "$OUT/flood.json" \
  >/dev/null
measure after >"$OUT/measured-after.txt"
read -r heap_after live_after <"$OUT/measured-after.txt"
log "after: heap in use $(mb "$heap_after") MB, live objects $(mb "$live_after") MB"
app_stop

growth=$((live_after - live_before))
result=PASS
((growth < GOAL_MB * 1048576)) || result=FAIL
{
  echo "jar: $JAR"
  grep -E "^(date|git|load average)" "$OUT/machine.txt"
  echo "flood: $FLOOD_LANGUAGES made-up languages (each as cookie and as ?lang=), $FLOOD_IDS unknown ids, $FLOOD_CONCURRENCY clients, after $WARMUP_ROUNDS warm-up rounds"
  python3 - "$OUT/flood.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"requests: {s['requests']} in {s['seconds']} s; statuses {s['statuses']}")
cl = s["content_language"]
print("Content-Language by request kind: " + (str(cl) if len(cl) <= 6 else f"{len(cl)} distinct (kind, value) pairs"))
print(f"safepassage-lang cookies set: {s['distinct_lang_cookies_set']} distinct values, e.g. {s['lang_cookies_set']}")
if s["errors"]:
    print(f"errors: {s['errors']}")
PY
  echo "live objects after a full GC (class histogram total): before $(mb "$live_before") MB, after $(mb "$live_after") MB, growth $(mb "$growth") MB"
  echo "heap in use after GC.run (GC.heap_info): before $(mb "$heap_before") MB, after $(mb "$heap_after") MB, growth $(mb $((heap_after - heap_before))) MB"
  echo "goal: growth < $GOAL_MB MB"
  echo "result=$result"
} | tee "$OUT/summary.txt"
[[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"
[[ "$result" == "PASS" ]] || exit 1
