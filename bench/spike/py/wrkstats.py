"""Per-role statistics from the wrk scripts' raw files: wrkstats.py RESULTS_DIR ROLE

Reads RESULTS_DIR/raw/ROLE/t*.tsv (one line per response: kind, status, latency_us, epoch_ms, success;
"#info" lines) and RESULTS_DIR/ROLE.wrk.json (wrk's own summary from done()), writes RESULTS_DIR/ROLE.json:
  duration_s, wrk_cpu_s, wrk {requests, bytes, errors, latency_us},
  kinds {kind: {responses, status {code: n}, successes, latency_us {mean, p50, p90, p95, p99, p999, max},
                ok_per_second {epoch second: n}}},
  errors_per_second {epoch second: n}, thread_info [{key: value}, ...]
"""
import glob
import json
import os
import sys
from collections import Counter, defaultdict


def pct(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, -(-p * len(sorted_values) // 100) - 1))
    return sorted_values[int(k)]


def main(out_dir, role):
    lat = defaultdict(list)
    status = defaultdict(Counter)
    ok_ps = defaultdict(Counter)
    err_ps = Counter()
    infos = []
    for path in sorted(glob.glob(os.path.join(out_dir, "raw", role, "t*.tsv"))):
        info = {}
        with open(path) as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "#info":
                    try:
                        info[parts[1]] = float(parts[2])
                    except (IndexError, ValueError):
                        pass
                    continue
                if len(parts) != 5:
                    continue  # a line cut short (should not happen: files are flushed at exit)
                kind, code, us, ms, ok = parts
                lat[kind].append(int(us))
                status[kind][code] += 1
                sec = int(ms) // 1000
                if ok == "1":
                    ok_ps[kind][sec] += 1
                else:
                    err_ps[sec] += 1
        if info:
            infos.append(info)
    try:
        with open(os.path.join(out_dir, f"{role}.wrk.json")) as f:
            wrk = json.load(f)
    except (OSError, ValueError):
        wrk = {}
    kinds = {}
    for kind, values in lat.items():
        values.sort()
        kinds[kind] = {
            "responses": len(values),
            "status": dict(status[kind]),
            "successes": sum(ok_ps[kind].values()),
            "latency_us": {"mean": sum(values) / len(values), "p50": pct(values, 50), "p90": pct(values, 90),
                           "p95": pct(values, 95), "p99": pct(values, 99), "p999": pct(values, 99.9),
                           "max": values[-1]},
            "ok_per_second": {str(k): v for k, v in sorted(ok_ps[kind].items())},
        }
    result = {
        "role": role,
        "duration_s": wrk.get("duration_s"),
        "threads": wrk.get("threads"),
        "wrk_cpu_s": wrk.get("wrk_cpu_s"),
        "wrk": {k: wrk.get(k) for k in ("requests", "bytes", "errors", "latency_us")},
        "kinds": kinds,
        "errors_per_second": {str(k): v for k, v in sorted(err_ps.items())},
        "thread_info": infos,
    }
    if not wrk:
        result["problem"] = "wrk wrote no summary (did it crash?)"
    with open(os.path.join(out_dir, f"{role}.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
