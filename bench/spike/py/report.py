"""Summarises one run of bench/spike/run.sh: report.py RESULTS_DIR.
Writes RESULTS_DIR/summary.md and summary.json, and prints summary.md."""
import json
import os
import re
import statistics
import sys
from collections import Counter

OUT = sys.argv[1]

SUCCESS = {"page": "200", "sign": "302", "confirm": "302", "confirm_view": "200", "count": "200"}


def path(name):
    return os.path.join(OUT, name)


def load_json(name):
    try:
        with open(path(name)) as f:
            data = f.read()
        return json.loads(data) if data.strip() else None
    except (OSError, ValueError):
        return None


def load_kv(name):
    kv = {}
    try:
        with open(path(name)) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    kv[k.strip()] = v.strip()
    except OSError:
        pass
    return kv


def text(name):
    try:
        with open(path(name)) as f:
            return f.read()
    except OSError:
        return ""


def as_dict(v):
    return v if isinstance(v, dict) else {}


def ms(us):
    return "–" if us is None else f"{us / 1000:.1f}"


def num(v, fmt="{:.0f}"):
    return "–" if v is None else fmt.format(v)


def secs(v):
    return "–" if v is None else f"{v:.2f} s"


settings = load_kv("settings.env")
db_after = load_kv("db-after.txt")
db_settings = load_kv("db-settings.txt")
load_start = float(settings.get("load_start", 0) or 0)
load_end = float(settings.get("load_end", 0) or 0)
roles = {r: load_json(f"{r}.json") for r in ("warmup", "signers", "confirmers", "readers")}
for r in roles.values():
    if r and not r.get("duration_s"):
        # wrk died before its summary: fall back on the nominal duration
        r["duration_s"] = float(settings.get("DURATION", 0) or 0) or None


def ok_count(kind):
    return sum(as_dict(kind.get("ok_per_second")).values())


def kind_of(role, name):
    r = roles.get(role)
    return as_dict(as_dict(r.get("kinds")).get(name)) if r else {}


def rate(role, name):
    r = roles.get(role)
    if not r or not r.get("duration_s"):
        return None
    return ok_count(kind_of(role, name)) / r["duration_s"]


summary = {"run": os.path.basename(OUT.rstrip("/")), "settings": settings}

# ------------------------------------------------------------------ throughput
sign_rate = rate("signers", "sign")
confirm_rate = rate("confirmers", "confirm")
page_reads = sum(ok_count(kind_of(r, "page")) for r in ("signers", "confirmers", "readers"))
count_reads = sum(ok_count(kind_of(r, "count")) for r in ("readers",))
duration = None
for r in ("signers", "confirmers", "readers"):
    if roles.get(r):
        duration = max(duration or 0, roles[r]["duration_s"])
reads_rate = (page_reads + count_reads) / duration if duration else None
reader_rate = None
if roles.get("readers"):
    reader_rate = (ok_count(kind_of("readers", "page")) + ok_count(kind_of("readers", "count"))) / roles["readers"]["duration_s"]
warm_rate = None
if roles.get("warmup") and settings.get("warmup_seconds"):
    warm_rate = ok_count(kind_of("warmup", "sign")) / roles["warmup"]["duration_s"]

# per-second timeline inside the load window (whole seconds only)
timeline = {}


def add_series(role, kinds, label):
    for k in kinds:
        for sec, n in as_dict(kind_of(role, k).get("ok_per_second")).items():
            timeline.setdefault(int(sec), Counter())[label] += n


add_series("signers", ["sign"], "sign")
add_series("confirmers", ["confirm"], "confirm")
add_series("signers", ["page"], "read")
add_series("readers", ["page", "count"], "read")
for r in ("signers", "confirmers", "readers"):
    if roles.get(r):
        for sec, n in as_dict(roles[r].get("errors_per_second")).items():
            timeline.setdefault(int(sec), Counter())["errors"] += n
full_seconds = [s for s in sorted(timeline) if load_start and s > load_start and s + 1 < load_end]
with open(path("timeline.csv"), "w") as f:
    f.write("epoch_second,signatures,confirmations,reads,errors\n")
    for s in sorted(timeline):
        c = timeline[s]
        f.write(f"{s},{c['sign']},{c['confirm']},{c['read']},{c['errors']}\n")
per_sec = [timeline[s]["sign"] for s in full_seconds]
sign_spread = (min(per_sec), statistics.median(per_sec), max(per_sec)) if per_sec else None

# ------------------------------------------------------------------ lag
lag = load_json("lag.json") or {}

# ------------------------------------------------------------------ pgbench
pgb_text = text("pgbench.txt")
pgb = {}
m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", pgb_text)
if m:
    pgb["tps"] = float(m.group(1))
m = re.search(r"latency average = ([\d.]+) ms", pgb_text)
if m:
    pgb["latency_avg_ms"] = float(m.group(1))
m = re.search(r"number of failed transactions: (\d+)", pgb_text)
if m:
    pgb["failed"] = int(m.group(1))
m = re.search(r"number of transactions actually processed: (\d+)", pgb_text)
if m:
    pgb["transactions"] = int(m.group(1))
m = re.match(r"\s*(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s", (text("pgbench-cpu.txt").strip().splitlines() or [""])[-1])
if m:
    pgb["pgbench_cpu_s"] = round(int(m.group(1)) * 60 + float(m.group(2)) + int(m.group(3)) * 60 + float(m.group(4)), 2)
ratio = sign_rate / pgb["tps"] if sign_rate and pgb.get("tps") else None

# ------------------------------------------------------------------ app log
levels = Counter()
messages = Counter()
for line in text("app.log").splitlines():
    mm = re.match(r"\S+\s+(ERROR|WARN)\s+\d+\s+---\s+\[[^\]]*\]\s+\[[^\]]*\]\s+(\S+)\s+:\s+(.*)", line)
    if mm:
        levels[mm.group(1)] += 1
        messages[f"{mm.group(1)} {mm.group(2)}: {mm.group(3)[:160]}"] += 1
exceptions = Counter(re.findall(r"^([\w.$]+(?:Exception|Error))(?::|$)", text("app.log"), re.M))

# ------------------------------------------------------------------ markdown
cpu = load_json("cpu.json") or {}
cpu_pgb = load_json("cpu-pgbench.json") or {}
cpu_quiet = load_json("cpu-before-start.json") or {}
L = []
w = L.append
w(f"# SafePassage spike benchmark — {summary['run']}")
w("")
w(f"Timed load: {settings.get('DURATION')} s with {settings.get('SIGNER_CONNECTIONS')} signers, "
  f"{settings.get('CONFIRMER_CONNECTIONS')} confirmers, {settings.get('READER_CONNECTIONS')} readers "
  f"(wrk connections), all at once, after a warm-up of {settings.get('WARMUP_SIGNATURES')} signatures. "
  f"Database: {settings.get('DB')}.")
if cpu_quiet.get("machine_busy_pct") is not None and cpu_quiet["machine_busy_pct"] > 20:
    w("")
    w(f"**Warning: the machine was {cpu_quiet['machine_busy_pct']}% busy before the app started "
      f"({cpu_quiet.get('cpu_seconds_by_process')}); the figures below are depressed by that other work.**")
w("")
w("| figure | value |")
w("|---|---|")
w(f"| signatures accepted /s (302 from POST /petitions/{{id}}/signatures) | **{num(sign_rate, '{:.1f}')}** |")
if sign_spread:
    w(f"| signatures /s per whole second: min / median / max | {sign_spread[0]} / {sign_spread[1]:.0f} / {sign_spread[2]} |")
w(f"| confirmations /s (302 from POST /signatures/confirm) | **{num(confirm_rate, '{:.1f}')}** |")
w(f"| reads /s, all roles (petition page + count API, 200) | {num(reads_rate, '{:.1f}')} |")
w(f"| reads /s by the readers alone | {num(reader_rate, '{:.1f}')} |")
ld = lag.get("lag_s", {})
w(f"| count lag max / p99 (brief's definition, live 10 Hz samples) | {secs(ld.get('max'))} / {secs(ld.get('p99'))} |")
vd = lag.get("visible_delay_s", {})
w(f"| confirmation → visible in API count, p50 / p99 / max | {secs(vd.get('p50'))} / {secs(vd.get('p99'))} / {secs(vd.get('max'))} |")
w(f"| max behind (DB truth − API count) | {lag.get('behind', {}).get('max', '–')} |")
w(f"| API count ever ahead of the DB truth | {lag.get('ahead', {}).get('samples', '–')} samples (must be 0) |")
fin = lag.get("final", {})
w(f"| after settling {settings.get('SETTLE_SECONDS', '5') if 'SETTLE_SECONDS' in settings else 'a few'} s: API count / DB truth | "
  f"{fin.get('api', '–')} / {fin.get('db', '–')} ({'equal' if fin.get('equal') else 'NOT EQUAL'}) |")
pgb_label = "signature insert" + (" + outbox mail" if settings.get("PGBENCH_OUTBOX") == "1" else "")
w(f"| pgbench tps ({pgb_label}, 1 row/transaction, -c {settings.get('PGBENCH_CLIENTS')}) | "
  f"**{num(pgb.get('tps'), '{:.1f}')}** |")
w(f"| ratio app signatures/s ÷ pgbench tps | **{num(ratio, '{:.3f}')}** |")
cpu_by = as_dict(cpu.get("cpu_seconds_by_process"))
if cpu.get("wall_s"):
    w(f"| CPU in use during the load: machine / app JVM / app PostgreSQL | {cpu.get('machine_busy_pct')}% of "
      f"{cpu.get('cores')} cores / {cpu_by.get('app java', 0) / cpu['wall_s']:.2f} cores / "
      + (f"{cpu_by['app postgres'] / cpu['wall_s']:.2f} cores |" if "app postgres" in cpu_by else "external, not measured |"))
if warm_rate:
    w(f"| warm-up signatures /s (signers alone, {settings.get('WARMUP_CONNECTIONS')} connections) | {warm_rate:.1f} |")
w("")

w("## Latency by role and request kind")
w("")
w("Measured by the wrk scripts per response (request written → response complete), in ms. "
  "`all` is wrk's own histogram for the role's connections.")
w("")
w("| role | kind | responses | successes | /s | p50 | p95 | p99 | max | other statuses |")
w("|---|---|---|---|---|---|---|---|---|---|")
for role in ("signers", "confirmers", "readers", "warmup"):
    r = roles.get(role)
    if not r:
        continue
    for name, k in sorted(as_dict(r.get("kinds")).items()):
        lat = as_dict(k.get("latency_us"))
        other = {c: n for c, n in as_dict(k.get("status")).items() if c != SUCCESS.get(name)}
        ok = ok_count(k)
        per_s = f"{ok / r['duration_s']:.1f}" if r.get("duration_s") else "–"
        w(f"| {role} | {name} | {k.get('responses')} | {ok} | {per_s} | {ms(lat.get('p50'))} | "
          f"{ms(lat.get('p95'))} | {ms(lat.get('p99'))} | {ms(lat.get('max'))} | {other or ''} |")
    wl = as_dict(as_dict(r.get("wrk")).get("latency_us"))
    w(f"| {role} | all (wrk) | {as_dict(r.get('wrk')).get('requests')} | | | {ms(wl.get('p50'))} | {ms(wl.get('p95'))} | "
      f"{ms(wl.get('p99'))} | {ms(wl.get('max'))} | |")
w("")

w("## Errors")
w("")
for role in ("signers", "confirmers", "readers", "warmup"):
    r = roles.get(role)
    if not r:
        continue
    errs = as_dict(as_dict(r.get("wrk")).get("errors"))
    statuses = {}
    for name, k in as_dict(r.get("kinds")).items():
        for c, n in as_dict(k.get("status")).items():
            if c != SUCCESS.get(name):
                statuses[f"{name} {c}"] = n
    exhausted = [i.get("exhausted_at") for i in (r.get("thread_info") or []) if isinstance(i, dict) and i.get("exhausted_at")]
    extra = ""
    if exhausted:
        extra = (f"; **{len(exhausted)} connections ran out of tokens**, the first "
                 f"{min(exhausted) - load_start:.0f} s into the run (raise WARMUP_SIGNATURES)")
    if r.get("problem"):
        extra += f"; **{r['problem']}**"
    w(f"- {role}: socket errors {errs or '{}'}; unexpected statuses {statuses or 'none'}{extra}")
w(f"- app log: {levels.get('ERROR', 0)} ERROR and {levels.get('WARN', 0)} WARN lines")
for msg, n in messages.most_common(8):
    w(f"  - {n}× {msg}")
for exc, n in exceptions.most_common(5):
    w(f"  - {n}× {exc}")
w("")

w("## Consistency")
w("")
signed_ok = ok_count(kind_of("signers", "sign"))
confirmed_ok = ok_count(kind_of("confirmers", "confirm"))


def in_flight_check(acked, stored, connections):
    """wrk stops mid-request: the server may still commit the last request of each connection."""
    try:
        stored, connections = int(stored), int(connections)
    except (TypeError, ValueError):
        return ""
    if stored < acked:
        return f" — **LOST {acked - stored} acknowledged**"
    if stored - acked > connections:
        return f" — **{stored - acked} more stored than acknowledged, above the {connections} in flight at most**"
    return f" — ok (the {stored - acked} extra were in flight when wrk stopped; at most one per connection)"


w(f"- timed signers: {signed_ok} acknowledged (302), {db_after.get('stored_timed_signatures', '–')} rows stored, "
  f"{db_after.get('timed_confirm_mails', '–')} confirmation mails queued"
  + in_flight_check(signed_ok, db_after.get('stored_timed_signatures'), settings.get('SIGNER_CONNECTIONS')))
warm_ok = ok_count(kind_of('warmup', 'sign'))
w(f"- warm-up: {warm_ok} acknowledged, {db_after.get('stored_warmup_signatures', '–')} stored"
  + in_flight_check(warm_ok, db_after.get('stored_warmup_signatures'), settings.get('WARMUP_CONNECTIONS')))
w(f"- confirmations: {confirmed_ok} acknowledged, {db_after.get('confirmed_warmup_signatures', '–')} confirmed in the table"
  + in_flight_check(confirmed_ok, db_after.get('confirmed_warmup_signatures'), settings.get('CONFIRMER_CONNECTIONS')))
w(f"- duplicate (petition_id, email_canonical): {db_after.get('duplicate_canonical_emails', '–')}")
w(f"- sizes after the run: signature {db_after.get('signature_table_size', '–')}, "
  f"mail_outbox {db_after.get('mail_outbox_size', '–')}")
probe = lag.get("probe", {})
if probe:
    w(f"- probe: {lag.get('api_samples')} API / {lag.get('db_samples')} DB samples, errors {probe.get('errors')}, "
      f"DB truth query p50 {num(probe.get('db_query_ms_p50'), '{:.1f}')} ms")
w("")

w("## CPU during the timed load")
w("")
if cpu:
    w(f"- machine busy {cpu.get('machine_busy_pct')}% of {cpu.get('cores')} cores over {cpu.get('wall_s')} s "
      f"(iowait {cpu.get('machine_iowait_pct')}%)")
    w(f"- CPU seconds by process: {cpu.get('cpu_seconds_by_process')}")
wrk_cpu = {r: round(roles[r].get("wrk_cpu_s", 0), 1) for r in ("signers", "confirmers", "readers") if roles.get(r)}
w(f"- wrk CPU seconds by role (load generator cost): {wrk_cpu}")
if cpu_pgb:
    w(f"- during pgbench: machine busy {cpu_pgb.get('machine_busy_pct')}%, iowait "
      f"{cpu_pgb.get('machine_iowait_pct')}%, {cpu_pgb.get('cpu_seconds_by_process')}; "
      f"pgbench itself {pgb.get('pgbench_cpu_s', '–')} CPU s")
w("")

w("## Baseline (pgbench)")
w("")
if pgb:
    w(f"- {pgb.get('transactions')} transactions, {pgb.get('failed', 0)} failed, tps {pgb.get('tps')}, "
      f"latency average {pgb.get('latency_avg_ms')} ms; script `pgbench-sign.sql`, raw output `pgbench.txt`")
else:
    w(f"- not run or failed: {pgb_text.strip()[:300] or 'no output'}")
w("")

w("## Settings and machine")
w("")
w("```")
w(text("machine.txt").rstrip())
w("")
for k, v in settings.items():
    w(f"{k}={v}")
w("")
w(text("db-settings.txt").rstrip())
w("```")

md = "\n".join(L) + "\n"
with open(path("summary.md"), "w") as f:
    f.write(md)
summary.update({
    "signatures_per_s": sign_rate, "confirmations_per_s": confirm_rate, "reads_per_s": reads_rate,
    "readers_reads_per_s": reader_rate, "signatures_per_s_per_second": sign_spread, "lag": lag, "pgbench": pgb,
    "ratio_app_over_pgbench": ratio, "cpu": cpu, "cpu_pgbench": cpu_pgb, "db_after": db_after,
    "app_log_levels": dict(levels), "warmup_signatures_per_s": warm_rate,
})
with open(path("summary.json"), "w") as f:
    json.dump(summary, f, indent=2, default=str)
print(md)
