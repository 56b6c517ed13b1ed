#!/usr/bin/env bash
# Disk full: the embedded PostgreSQL's data directory on a small tmpfs, signing until it is full, then
# the tmpfs grown while the same app process keeps running.
#
#   sudo bash bench/faults/disk-full.sh          # needs root for mount -t tmpfs
#
# Starts the app (the jar, embedded PostgreSQL) with its data directory on a DISK_SIZE tmpfs and runs the
# python signer load (FULL_SIGNERS threads, no think time). Once sign requests have been answered 503 for
# FULL_HOLD seconds (the disk is full), the tmpfs is grown to GROW_SIZE with `mount -o remount,size=...`
# and the load goes on for AFTER seconds.
#
# PASS when:
#   - no sign request was answered 500, and none went unanswered (connection reset, timeout)
#   - sign requests are answered 302 again within RECOVERY seconds after the tmpfs grew, in the same app
#     process (no restart by hand), and the last 10 s of load are all 302
#   - every acknowledged (302) signature is in the database with its confirmation mail in the outbox
# Reported, not judged: the app's log lines about the disk and the database (low space, 503s, PANIC,
# supervisor restarts), readiness during the full disk, the time to the first 302 after growing.
#
# Options: DISK_SIZE [150m], GROW_SIZE [1g], FULL_SIGNERS [8], FULL_HOLD [15], FILL_MAX [600], AFTER [90],
# RECOVERY [75], plus JAR, JAVA_HOME, JAVA_OPTS, APP_PORT, DB_PORT, BUILD as for bench/spike/run.sh.
# Results: bench/results/disk-full-<timestamp>/ (result.txt, requests.csv, app.log).
set -euo pipefail
# shellcheck source=../spike/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../spike/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "disk-full.sh fills the embedded PostgreSQL's disk; unset DB_URL"
[[ $(id -u) -eq 0 ]] || die "mounting a tmpfs needs root: sudo bash $0"

DISK_SIZE="${DISK_SIZE:-150m}"
GROW_SIZE="${GROW_SIZE:-1g}"
FULL_SIGNERS="${FULL_SIGNERS:-8}"
FULL_HOLD="${FULL_HOLD:-15}"
FILL_MAX="${FILL_MAX:-600}"
AFTER="${AFTER:-90}"
RECOVERY="${RECOVERY:-75}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/disk-full-$TS"
MNT="$OUT/disk"
DATA="$MNT/data"
mkdir -p "$MNT"

LOAD_PID=""
cleanup() {
  if [[ -n "$LOAD_PID" ]]; then kill -TERM "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; fi
  app_stop
  mountpoint -q "$MNT" && umount "$MNT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
ensure_jar
mount -t tmpfs -o "size=$DISK_SIZE" tmpfs "$MNT"
log "data directory on a $DISK_SIZE tmpfs: $MNT"
app_start "$DATA" "$OUT/app.log"
app_pid=$APP_PID
log "disk after start-up: $(df -h --output=used,avail "$MNT" | tail -1)"

total=$((FILL_MAX + AFTER))
python3 "$ROOT/bench/spike/py/loadgen.py" --base-url "$BASE_URL" --petition "$PETITION_ID" \
  --concurrency "$FULL_SIGNERS" --seconds "$total" --email-prefix "full-$RUN_ID" \
  --acked "$OUT/acked.txt" --log "$OUT/requests.csv" --timeout 60 2>"$OUT/loadgen.txt" &
LOAD_PID=$!

# Wait until sign requests have been refused for FULL_HOLD seconds.
t0=$(date +%s)
first_503=""
readiness_full=""
while :; do
  sleep 1
  now=$(date +%s)
  ((now - t0 > FILL_MAX)) && die "the disk did not fill within ${FILL_MAX}s"
  if [[ -z "$first_503" ]] && grep -q ',sign,.*,503,' "$OUT/requests.csv" 2>/dev/null; then
    first_503=$now
    log "first 503 after $((now - t0))s; disk: $(df -h --output=used,avail "$MNT" | tail -1)"
  fi
  if [[ -n "$first_503" ]] && ((now - first_503 >= FULL_HOLD)); then
    readiness_full=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE_URL/actuator/health/readiness" || true)
    break
  fi
done
t_grow=$(date +%s.%N)
mount -o "remount,size=$GROW_SIZE" "$MNT"
log "tmpfs grown to $GROW_SIZE; disk: $(df -h --output=used,avail "$MNT" | tail -1)"
sleep "$AFTER"
kill -TERM "$LOAD_PID" 2>/dev/null || true
wait "$LOAD_PID" || true
LOAD_PID=""
t_end=$(date +%s.%N)
log "load generator done: $(cat "$OUT/loadgen.txt")"

same_process=no
kill -0 "$app_pid" 2>/dev/null && [[ "$APP_PID" == "$app_pid" ]] && same_process=yes
readiness_after=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE_URL/actuator/health/readiness" || true)

# Every acknowledged signature stored, with its mail.
missing=$(psql "$(pg_conn)" -X -q -At -v ON_ERROR_STOP=1 2>>"$OUT/psql.txt" <<SQL
create temp table acked (email text);
\copy acked from '$OUT/acked.txt'
analyze acked;
select count(*) filter (where s.id is null) || ' ' || count(*) filter (where not exists (
         select 1 from mail_outbox m where m.recipient = a.email)) || ' ' || count(*)
from acked a left join signature s on s.email = a.email;
SQL
) || missing="unknown"
app_stop
grep -E "Low disk space|sufficient again|Database unavailable|PANIC|No space left|Embedded PostgreSQL (died|restarted|did not restart)" \
  "$OUT/app.log" | cut -c1-300 >"$OUT/app-events.txt" || true

rc=0
python3 - "$OUT/requests.csv" "$t_grow" "$t_end" "$RECOVERY" "$same_process" "$missing" "$readiness_full" \
  "$readiness_after" "$OUT/result.txt" "$OUT/app-events.txt" <<'PY' || rc=$?
import csv, sys
from collections import Counter
path, t_grow, t_end, recovery, same, missing, ready_full, ready_after, result_path, events_path = sys.argv[1:]
t_grow, t_end, recovery = float(t_grow), float(t_end), float(recovery)
signs = []
with open(path) as f:
    for r in csv.DictReader(f):
        if r["kind"] == "sign":
            r["t0"], r["t1"] = float(r["t_start"]), float(r["t_end"])
            signs.append(r)
before = [r for r in signs if r["t0"] < t_grow]
after = [r for r in signs if r["t0"] >= t_grow]
lines, problems = [], []
lines.append(f"sign requests before the tmpfs grew: {len(before)}, statuses {dict(Counter(r['status'] for r in before))}")
lines.append(f"sign requests after: {len(after)}, statuses {dict(Counter(r['status'] for r in after))}")
errors = [r for r in signs if r["status"] == "500"]
unanswered = [r for r in signs if not r["status"].isdigit()]
if errors:
    problems.append(f"{len(errors)} sign requests answered 500")
if unanswered:
    problems.append(f"{len(unanswered)} sign requests unanswered ({dict(Counter(r['status'] for r in unanswered))})")
ok_after = [r["t1"] for r in after if r["status"] == "302"]
if not ok_after or min(ok_after) - t_grow > recovery:
    problems.append("no 302 within %.0f s after the tmpfs grew (first: %s)" % (
        recovery, "never" if not ok_after else f"{min(ok_after) - t_grow:.1f} s"))
else:
    lines.append(f"first 302 after the tmpfs grew: {min(ok_after) - t_grow:.1f} s")
tail = [r for r in signs if r["t0"] > t_end - 10]
if not tail or any(r["status"] != "302" for r in tail):
    problems.append(f"the last 10 s of load were not all 302: {dict(Counter(r['status'] for r in tail))}")
if same != "yes":
    problems.append("the app process did not survive")
if missing == "unknown":
    problems.append("the database did not answer after the load (psql.txt)")
else:
    no_signature, no_mail, acked = (int(x) for x in missing.split())
    lines.append(f"acknowledged signatures: {acked}; missing from the database: {no_signature}; without mail: {no_mail}")
    if no_signature or no_mail:
        problems.append(f"{no_signature} acknowledged signatures missing, {no_mail} without their mail")
lines.append(f"readiness while full: {ready_full}; after: {ready_after}; same app process: {same}")
with open(events_path) as f:
    events = f.read().splitlines()
lines.append(f"app log events ({len(events)}; first and last 8):")
lines += ["    " + e for e in (events if len(events) <= 16 else events[:8] + ["..."] + events[-8:])]
with open(result_path, "w") as f:
    for l in lines:
        f.write(l + "\n")
    for p in problems:
        f.write("problem: " + p + "\n")
    f.write("result=" + ("FAIL" if problems else "PASS") + "\n")
for l in lines:
    print("  " + l)
for p in problems:
    print("  FAIL: " + p)
sys.exit(1 if problems else 0)
PY
if ((rc)); then
  echo "FAIL (details: $OUT)"
  exit 1
fi
echo "PASS: a full disk gave 503s, no 500s, and signing resumed by itself after the disk grew ($OUT)"
