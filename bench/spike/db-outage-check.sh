#!/usr/bin/env bash
# Database outage check: while PostgreSQL hangs, signing must fail fast with 503; afterwards the same
# app process must accept signatures again on its own.
#
#   bash bench/spike/db-outage-check.sh
#
# Starts the app (embedded PostgreSQL, fresh data directory) and a light python load (4 signers, 2 readers,
# 50 ms think time). After OUTAGE_BEFORE s it freezes PostgreSQL with SIGSTOP for OUTAGE_SECONDS s, then
# SIGCONTs it. A frozen server keeps its TCP connections open but never answers, the harder case for an
# app (a stopped server would refuse connections at once). By default the postmaster AND its children
# (backends, walwriter, ...) are frozen: the app's pooled connections talk to backends directly, so
# freezing the postmaster alone (OUTAGE_SCOPE=postmaster) only blocks new connections.
#
# PASS when:
#   - every sign request started during the outage (up to OUTAGE_MAX_ANSWER s before its end) is answered
#     503 within OUTAGE_MAX_ANSWER s (+0.5 s); requests in flight when it began are answered within
#     OUTAGE_MAX_ANSWER s of its start; those started in its last OUTAGE_MAX_ANSWER s get 302 or 503 in time
#   - a sign request gets 302 again within OUTAGE_RECOVERY s after SIGCONT, every sign request started
#     later gets 302, and the app process is the same (no restart)
# Page/count reads during the outage are reported, not judged.
#
# Options: OUTAGE_BEFORE [5], OUTAGE_SECONDS [10], OUTAGE_AFTER [12], OUTAGE_MAX_ANSWER [4],
# OUTAGE_RECOVERY [5], OUTAGE_CONCURRENCY [4], OUTAGE_READERS [2], OUTAGE_THINK_MS [50],
# OUTAGE_SCOPE [all|postmaster], plus JAR, JAVA_HOME, JAVA_OPTS, APP_PORT, DB_PORT, BUILD, KEEP_DATA as
# for run.sh. Results: bench/results/outage-<timestamp>/ (the data directory is kept when the check fails).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n "${DB_URL:-}" ]] && die "db-outage-check.sh freezes the embedded PostgreSQL; unset DB_URL"

OUTAGE_BEFORE="${OUTAGE_BEFORE:-5}"
OUTAGE_SECONDS="${OUTAGE_SECONDS:-10}"
OUTAGE_AFTER="${OUTAGE_AFTER:-12}"
OUTAGE_MAX_ANSWER="${OUTAGE_MAX_ANSWER:-4}"
OUTAGE_RECOVERY="${OUTAGE_RECOVERY:-5}"
OUTAGE_CONCURRENCY="${OUTAGE_CONCURRENCY:-4}"
OUTAGE_READERS="${OUTAGE_READERS:-2}"
OUTAGE_THINK_MS="${OUTAGE_THINK_MS:-50}"
OUTAGE_SCOPE="${OUTAGE_SCOPE:-all}"
TS="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_ID="$(tr '[:upper:]' '[:lower:]' <<<"$TS")"
OUT="$ROOT/bench/results/outage-$TS"
DATA="$OUT/data"
mkdir -p "$OUT"

LOAD_PID=""
FROZEN=()
cleanup() {
  local pid
  for pid in "${FROZEN[@]}"; do kill -CONT "$pid" 2>/dev/null || true; done
  if [[ -n "$LOAD_PID" ]]; then kill -TERM "$LOAD_PID" 2>/dev/null || true; fi
  app_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
ensure_jar
app_start "$DATA" "$OUT/app.log"
app_pid=$APP_PID
pm=$(postmaster_pid "$DATA")
[[ -n "$pm" ]] || die "cannot find the embedded PostgreSQL's postmaster in $DATA/postmaster.pid"

total=$((OUTAGE_BEFORE + OUTAGE_SECONDS + OUTAGE_AFTER))
log "light load for ${total}s: $OUTAGE_CONCURRENCY signers, $OUTAGE_READERS readers, ${OUTAGE_THINK_MS}ms think time"
python3 "$BENCH_DIR/py/loadgen.py" --base-url "$BASE_URL" --petition "$PETITION_ID" \
  --concurrency "$OUTAGE_CONCURRENCY" --readers "$OUTAGE_READERS" --think-ms "$OUTAGE_THINK_MS" \
  --seconds "$total" --email-prefix "o-$RUN_ID" --log "$OUT/requests.csv" --timeout 60 2>"$OUT/loadgen.txt" &
LOAD_PID=$!
sleep "$OUTAGE_BEFORE"

if [[ "$OUTAGE_SCOPE" == "postmaster" ]]; then
  FROZEN=("$pm")
else
  mapfile -t FROZEN < <(echo "$pm"; pgrep -P "$pm")
fi
t_stop=$(date +%s.%N)
kill -STOP "${FROZEN[@]}"
log "PostgreSQL frozen (SIGSTOP to ${#FROZEN[@]} processes: postmaster $pm${OUTAGE_SCOPE:+, scope $OUTAGE_SCOPE}) for ${OUTAGE_SECONDS}s"
sleep "$OUTAGE_SECONDS"
kill -CONT "${FROZEN[@]}"
t_cont=$(date +%s.%N)
FROZEN=()
log "PostgreSQL resumed (SIGCONT)"
wait "$LOAD_PID" || true
LOAD_PID=""
log "load generator done: $(cat "$OUT/loadgen.txt")"

same_process=no
kill -0 "$app_pid" 2>/dev/null && [[ "$APP_PID" == "$app_pid" ]] && same_process=yes
health=$(curl -s -m 5 "$BASE_URL/actuator/health" || true)
app_stop

rc=0
python3 - "$OUT/requests.csv" "$t_stop" "$t_cont" "$OUTAGE_MAX_ANSWER" "$OUTAGE_RECOVERY" "$same_process" \
  "$health" "$OUT/result.txt" <<'PY' || rc=$?
import csv, sys
from collections import Counter
path, t_stop, t_cont, max_answer, recovery, same, health, result_path = sys.argv[1:]
t_stop, t_cont, max_answer, recovery = float(t_stop), float(t_cont), float(max_answer), float(recovery)
slack = 0.5
rows = []
with open(path) as f:
    for r in csv.DictReader(f):
        r["t0"], r["t1"] = float(r["t_start"]), float(r["t_end"])
        rows.append(r)
signs = [r for r in rows if r["kind"] == "sign"]
reads = [r for r in rows if r["kind"] in ("page", "count")]
problems, lines = [], []

in_flight = [r for r in signs if r["t0"] < t_stop < r["t1"]]
late = [r for r in in_flight if r["t1"] > t_stop + max_answer + slack]
if late:
    problems.append(f"{len(late)} sign requests in flight when the outage began were answered only "
                    f"{max(r['t1'] for r in late) - t_stop:.1f} s after it began")
during = [r for r in signs if t_stop <= r["t0"] < t_cont - max_answer]
bad = [r for r in during if r["status"] != "503" or r["t1"] - r["t0"] > max_answer + slack]
edge = [r for r in signs if t_cont - max_answer <= r["t0"] < t_cont]
bad_edge = [r for r in edge if r["status"] not in ("302", "503") or r["t1"] - r["t0"] > max_answer + slack]
lines.append(f"outage {t_cont - t_stop:.1f} s; sign requests started during it: {len(during) + len(edge)}, "
             f"statuses {dict(Counter(r['status'] for r in during + edge))}, "
             f"slowest answer {max((r['t1'] - r['t0'] for r in during + edge), default=0):.2f} s")
if not during:
    problems.append("no sign request was started during the outage (the app never answered?)")
if bad or bad_edge:
    worst = sorted(bad + bad_edge, key=lambda r: r["t1"] - r["t0"])[-1]
    problems.append(f"{len(bad) + len(bad_edge)} sign requests during the outage were not a 503 within "
                    f"{max_answer:.0f} s (e.g. {worst['status']} after {worst['t1'] - worst['t0']:.1f} s)")
after = [r for r in signs if r["t1"] > t_cont and r["status"] == "302"]
first_ok = min((r["t1"] for r in after), default=None)
if first_ok is None or first_ok - t_cont > recovery:
    problems.append("no 302 within %.0f s after SIGCONT (first: %s)" % (
        recovery, "never" if first_ok is None else f"{first_ok - t_cont:.1f} s"))
else:
    lines.append(f"first 302 after SIGCONT: {first_ok - t_cont:.2f} s")
tail = [r for r in signs if r["t0"] > t_cont + recovery]
tail_bad = [r for r in tail if r["status"] != "302"]
lines.append(f"sign requests started {recovery:.0f} s after SIGCONT and later: {len(tail)}, "
             f"statuses {dict(Counter(r['status'] for r in tail))}")
if not tail or tail_bad:
    problems.append(f"after recovery {len(tail_bad)} of {len(tail)} sign requests were not 302")
if same != "yes":
    problems.append("the app process did not survive the outage")
lines.append(f"same app process afterwards: {same}; health afterwards: {health or 'no answer'}")
reads_during = [r for r in reads if t_stop <= r["t0"] < t_cont]
lines.append("reads started during the outage (not judged): " + ", ".join(
    f"{k} {dict(Counter(r['status'] for r in reads_during if r['kind'] == k))} slowest "
    f"{max((r['t1'] - r['t0'] for r in reads_during if r['kind'] == k), default=0):.2f} s" for k in ("page", "count")))
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
[[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$DATA"
echo "PASS: signing failed fast with 503 during a ${OUTAGE_SECONDS}s PostgreSQL freeze and recovered without restart ($OUT)"
