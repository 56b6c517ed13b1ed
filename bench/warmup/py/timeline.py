"""Signatures per second from a process start: timeline.py RUN_DIR

RUN_DIR holds run.env (start_ms, listen_ms, load_end_ms, mode, round, load averages) and raw/t*.tsv, the
signer threads' response lines (kind, status, latency_us, epoch_ms, success; see bench/spike/lua/common.lua),
and app.log. Writes RUN_DIR/persecond.csv (second since process start, signatures, other answers) and
RUN_DIR/run.json:
  first_success_s  time from process start to the first accepted signature (302 to check-your-email)
  warm_rate        median signatures/s over the last WARM_SECONDS whole seconds of the load
  t80_s            end of the first 5-second window, counted from process start, whose mean rate is >= 80%
                   of warm_rate (the window [t80_s - 5, t80_s))
  share_20s etc.   signatures in the first N seconds from process start / (warm_rate * N)
"""
import glob
import json
import os
import re
import statistics
import sys

WARM_SECONDS = 30
WINDOW = 5
SHARE_OF_WARM = 0.8


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def started_seconds(log_path):
    """Spring Boot's own "process running for X" (JVM uptime when the context was ready)."""
    try:
        with open(log_path, errors="replace") as f:
            for line in f:
                m = re.search(r"Started \S+ in ([0-9.]+) seconds \(process running for ([0-9.]+)\)", line)
                if m:
                    return float(m.group(2))
    except OSError:
        pass
    return None


def analyse(run_dir):
    env = read_env(os.path.join(run_dir, "run.env"))
    start = int(env["start_ms"])
    end = int(env["load_end_ms"])
    horizon = (end - start) // 1000  # whole seconds from process start to the end of the load
    ok = [0] * (horizon + 1)
    other = [0] * (horizon + 1)
    first_ms = None
    for path in glob.glob(os.path.join(run_dir, "raw", "t*.tsv")):
        with open(path) as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 5 or parts[0] == "#info":
                    continue
                kind, _status, _us, ms, success = parts
                sec = (int(ms) - start) // 1000
                if sec < 0 or sec > horizon:
                    continue
                if kind == "sign" and success == "1":
                    ok[sec] += 1
                    if first_ms is None or int(ms) < first_ms:
                        first_ms = int(ms)
                elif success != "1":
                    other[sec] += 1
    full = ok[:horizon]  # the last bin is cut short by the end of the load
    warm_bins = full[-WARM_SECONDS:]
    warm = statistics.median(warm_bins) if warm_bins else 0
    t80 = None
    for k in range(WINDOW - 1, len(full)):
        if warm > 0 and sum(full[k - WINDOW + 1:k + 1]) / WINDOW >= SHARE_OF_WARM * warm:
            t80 = k + 1
            break
    shares = {}
    for n in (10, 20, 30, 60):
        if n <= len(full) and warm > 0:
            shares[f"share_{n}s"] = round(sum(full[:n]) / (warm * n), 3)
    with open(os.path.join(run_dir, "persecond.csv"), "w") as f:
        f.write("second,signatures,failed_answers\n")
        for k in range(len(full)):
            f.write(f"{k},{full[k]},{other[k]}\n")
    listen = int(env["listen_ms"]) if env.get("listen_ms") else None
    result = {
        "mode": env.get("mode"),
        "round": int(env.get("round", 0)),
        "java_opts": env.get("java_opts", ""),
        "jar": env.get("jar", ""),
        "load_before": env.get("load_before", ""),
        "load_after": env.get("load_after", ""),
        "listening_s": round((listen - start) / 1000, 2) if listen else None,
        "started_s": started_seconds(os.path.join(run_dir, "app.log")),
        "first_success_s": round((first_ms - start) / 1000, 2) if first_ms else None,
        "warm_rate": warm,
        "t80_s": t80,
        "signatures": sum(full),
        "failed_answers": sum(other),
        "load_seconds": horizon,
        "per_second": full,
        **shares,
    }
    with open(os.path.join(run_dir, "run.json"), "w") as f:
        json.dump(result, f, indent=1)
    return result


if __name__ == "__main__":
    r = analyse(sys.argv[1])
    print(f"first signature {r['first_success_s']} s, warm {r['warm_rate']}/s, 80% of warm at {r['t80_s']} s"
          f" from process start (port open {r['listening_s']} s, Started {r['started_s']} s)")
