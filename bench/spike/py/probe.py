"""Count lag probe (stdlib only).

  probe.py sample --base-url URL --conn PGURI --petition 1 --seconds S --hz 10 --out probe.csv
      Every 1/hz seconds: GET /api/petitions/{id}/count (one kept-alive HTTP connection) and the DB truth
      (one long-lived psql process fed on stdin):
          select count(*) from signature where petition_id = {id} and confirmed_at is not null and not flagged
      Writes one CSV row per tick: t_api, api_count, t_db, db_count (epoch seconds; a time is the midpoint
      of its request). Stops after S seconds or on SIGTERM/SIGINT.

  probe.py analyse --samples probe.csv --confirmed confirmed.txt --load-end EPOCH --out lag.json
      confirmed.txt: the epoch of confirmed_at of every confirmed, unflagged signature of the petition
      (exported after the run). Writes lag.json with:
        lag (the brief's definition, from the live samples): for each API sample (t, c) taken during the load
            with c above the DB truth at the probe's start, t - (time of the first DB sample with truth >= c).
            Resolution: one sampling interval (the DB might have reached c up to 1/hz earlier).
        visible_delay (exact truth times): for every confirmation k (k-th by confirmed_at), the time of the
            first API sample showing >= k, minus its confirmed_at. confirmed_at is the confirm transaction's
            start, so this includes the commit; it is overstated by up to one API sampling interval.
        behind: DB truth - API count, at each tick (live); ahead: API count above the DB truth (must be 0).
        final: the last API count and DB truth (the probe keeps sampling a few seconds after the load).
"""
import argparse
import bisect
import csv
import http.client
import json
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit


def sample(args):
    stop = False

    def on_signal(signum, frame):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    url = urlsplit(args.base_url)
    path = f"/api/petitions/{args.petition}/count"
    query = (f"select count(*) from signature where petition_id = {args.petition} "
             "and confirmed_at is not null and not flagged;\n")
    psql = subprocess.Popen(["psql", args.conn, "-X", "-q", "-A", "-t"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    conn = None
    errors = {"api": 0, "db": 0}
    interval = 1.0 / args.hz
    deadline = time.time() + args.seconds
    db_ms = []
    with open(args.out, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["t_api", "api_count", "t_db", "db_count"])
        next_tick = time.time()
        while not stop and time.time() < deadline:
            t0 = time.time()
            api = None
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=5)
                conn.request("GET", path, headers={"X-Forwarded-For": "10.255.255.254"})
                resp = conn.getresponse()
                body = resp.read()
                if resp.status == 200:
                    api = json.loads(body)["signatureCount"]
                else:
                    errors["api"] += 1
            except (OSError, http.client.HTTPException, ValueError):
                errors["api"] += 1
                if conn is not None:
                    conn.close()
                conn = None
            t1 = time.time()
            db = None
            try:
                psql.stdin.write(query)
                psql.stdin.flush()
                line = psql.stdout.readline()
                db = int(line.strip())
            except (OSError, ValueError):
                errors["db"] += 1
            t2 = time.time()
            db_ms.append((t2 - t1) * 1000)
            out.writerow([f"{(t0 + t1) / 2:.4f}", "" if api is None else api,
                          f"{(t1 + t2) / 2:.4f}", "" if db is None else db])
            next_tick += interval
            pause = next_tick - time.time()
            if pause > 0:
                time.sleep(pause)
            else:
                next_tick = time.time()
    try:
        psql.stdin.close()
        psql.wait(timeout=5)
    except Exception:
        psql.kill()
    db_ms.sort()
    meta = {"errors": errors, "db_query_ms_p50": db_ms[len(db_ms) // 2] if db_ms else None,
            "db_query_ms_max": db_ms[-1] if db_ms else None, "ticks": len(db_ms)}
    with open(args.out + ".meta.json", "w") as f:
        json.dump(meta, f)


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p / 100 * len(s) // 1)) - 1))
    return s[k]


def analyse(args):
    api, db = [], []
    with open(args.samples) as f:
        for row in csv.DictReader(f):
            if row["api_count"] != "":
                api.append((float(row["t_api"]), int(row["api_count"])))
            if row["db_count"] != "":
                db.append((float(row["t_db"]), int(row["db_count"])))
    confirmed = []
    with open(args.confirmed) as f:
        for line in f:
            line = line.strip()
            if line:
                confirmed.append(float(line))
    confirmed.sort()
    result = {"api_samples": len(api), "db_samples": len(db), "confirmations": len(confirmed)}
    meta_path = args.samples + ".meta.json"
    try:
        with open(meta_path) as f:
            result["probe"] = json.load(f)
    except OSError:
        pass
    if not api or not db:
        result["error"] = "no samples"
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2)
        return

    load_end = args.load_end if args.load_end else float("inf")

    # Lag as defined in the brief, against the live DB samples.
    db_times = [t for t, _ in db]
    running_max, m = [], -1
    for _, c in db:
        m = max(m, c)
        running_max.append(m)
    start_truth = db[0][1]
    lags = []
    for t, c in api:
        if t > load_end or c <= start_truth:
            continue
        i = bisect.bisect_left(running_max, c)
        if i >= len(running_max):
            continue  # API ahead of every DB sample: counted under "ahead"
        lags.append(max(0.0, t - db_times[i]))
    result["lag_s"] = {"samples": len(lags), "p50": pct(lags, 50), "p99": pct(lags, 99),
                       "max": max(lags) if lags else None}

    # Exact: confirmation k becomes visible at the first API sample >= k.
    api_times = [t for t, _ in api]
    api_max, m = [], -1
    for _, c in api:
        m = max(m, c)
        api_max.append(m)
    delays, never = [], 0
    first_api = api[0][0]
    for k, tk in enumerate(confirmed, start=1):
        if tk < first_api:
            continue  # confirmed before the probe started
        i = bisect.bisect_left(api_max, k)
        if i >= len(api_max):
            never += 1
            continue
        delays.append(max(0.0, api_times[i] - tk))
    result["visible_delay_s"] = {"confirmations": len(delays), "p50": pct(delays, 50), "p99": pct(delays, 99),
                                 "max": max(delays) if delays else None, "never_seen": never}

    # Behind/ahead at each tick (same loop iteration: API first, DB right after).
    behind, ahead = [], []
    with open(args.samples) as f:
        for row in csv.DictReader(f):
            if row["api_count"] == "" or row["db_count"] == "":
                continue
            d = int(row["db_count"]) - int(row["api_count"])
            behind.append(max(0, d))
            if d < 0:
                # the DB sample comes after the API sample, so the truth can only be higher: API was ahead
                ahead.append(-d)
    result["behind"] = {"max": max(behind) if behind else None, "p99": pct(behind, 99)}
    result["ahead"] = {"samples": len(ahead), "max": max(ahead) if ahead else 0}
    result["final"] = {"api": api[-1][1], "db": db[-1][1], "confirmed_rows": len(confirmed),
                       "equal": api[-1][1] == db[-1][1]}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--base-url", required=True)
    s.add_argument("--conn", required=True)
    s.add_argument("--petition", type=int, default=1)
    s.add_argument("--seconds", type=float, required=True)
    s.add_argument("--hz", type=float, default=10)
    s.add_argument("--out", required=True)
    a = sub.add_parser("analyse")
    a.add_argument("--samples", required=True)
    a.add_argument("--confirmed", required=True)
    a.add_argument("--load-end", type=float, default=0)
    a.add_argument("--out", required=True)
    args = p.parse_args()
    if args.cmd == "sample":
        sample(args)
    else:
        analyse(args)


if __name__ == "__main__":
    sys.exit(main())
