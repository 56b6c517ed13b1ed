"""Summary of bench/warmup/run.sh: summary.py OUT_DIR GOAL_SECONDS

Reads OUT_DIR/runs/*/run.json (timeline.py), OUT_DIR/machine.txt and OUT_DIR/settings.env; writes
OUT_DIR/summary.md and OUT_DIR/summary.json and prints summary.md.
"""
import glob
import json
import os
import statistics
import sys


def fmt(v, unit=""):
    if v is None:
        return "–"
    if isinstance(v, float):
        v = round(v, 1)
    return f"{v}{unit}"


def seconds(v):
    return "not within the run" if v is None else fmt(v, " s")


def pct(v):
    return "–" if v is None else f"{round(v * 100)}%"


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def reached(per_second, rate, window=5, share=0.8):
    """End of the first window-second window from process start whose mean is >= share * rate."""
    for k in range(window - 1, len(per_second)):
        if rate and sum(per_second[k - window + 1:k + 1]) / window >= share * rate:
            return k + 1
    return None


def main(out, goal):
    runs = []
    for path in sorted(glob.glob(os.path.join(out, "runs", "*", "run.json"))):
        with open(path) as f:
            runs.append(json.load(f))
    settings = {}
    if os.path.exists(os.path.join(out, "settings.env")):
        with open(os.path.join(out, "settings.env")) as f:
            settings = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
    machine = open(os.path.join(out, "machine.txt")).read() if os.path.exists(os.path.join(out, "machine.txt")) else ""
    best = max((r["warm_rate"] for r in runs), default=0)
    for r in runs:
        r["t80_best_s"] = reached(r["per_second"], best)
    modes = []
    for r in runs:
        if r["mode"] not in modes:
            modes.append(r["mode"])
    lines = []
    w = lines.append
    w("# Warm-up: signatures per second from the process start")
    w("")
    w(f"Goal: a new instance signs at >= 80% of its warm rate within **{goal} s of its process start**.")
    w("")
    w(f"Each run starts the jar as a new process on {settings.get('DB_STATE_TEXT', 'its own database')}, and "
      f"{settings.get('SIGNER_CONNECTIONS', '?')} wrk signers (bench/spike/lua/signer.lua: page load + POST "
      "of the sign form per signature) start the moment its HTTP port opens and sign as fast as it answers "
      f"until {settings.get('DURATION', '?')} s after the process start. Every second counts the 302s to "
      "check-your-email, from the start of the java process.")
    w("")
    w("- **first signature**: seconds from process start to the first accepted signature.")
    w("- **warm rate**: median signatures/s of the last 30 whole seconds of the run.")
    w("- **80% reached**: end of the first 5-second window (from process start) whose mean is >= 80% of "
      "that run's warm rate; ✔ when <= the goal.")
    w(f"- **80% of best**: the same against the best warm rate of all runs here ({best}/s): if a mode's "
      "warm rate is far below the others, its run was too short (or too loaded) to warm up, and this column "
      "is the fairer one.")
    w("- **first 20 s / 60 s**: signatures in the first 20 (60) s from process start, as a share of what the "
      "warm rate would have signed in that time (startup included).")
    w("- **load avg**: `uptime` just before the run (1/5/15 min). On the 2 shared cores another build "
      "changes every figure; compare runs with similar load, and alternate modes (this script does).")
    w("")
    w("Modes:")
    w("")
    for m in modes:
        r = next(x for x in runs if x["mode"] == m)
        command = f"java {r['java_opts']} -jar {r['jar']}".replace(settings.get("ROOT", "//") + "/", "")
        w(f"- `{m}`: `{' '.join(command.split())}`")
    w("")
    w("## Median per mode")
    w("")
    w("| mode | runs | port open | Started (JVM uptime) | first signature | 80% reached | goal met | 80% of best | warm rate /s | first 20 s | first 60 s |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    summary = {"goal_s": goal, "modes": {}, "runs": runs}
    for m in modes:
        rs = [r for r in runs if r["mode"] == m]
        met = sum(1 for r in rs if r["t80_s"] is not None and r["t80_s"] <= goal)
        row = {
            "runs": len(rs),
            "listening_s": med([r["listening_s"] for r in rs]),
            "started_s": med([r["started_s"] for r in rs]),
            "first_success_s": med([r["first_success_s"] for r in rs]),
            "t80_s": med([r["t80_s"] for r in rs]),
            "t80_best_s": med([r["t80_best_s"] for r in rs]),
            "goal_met_runs": met,
            "warm_rate": med([r["warm_rate"] for r in rs]),
            "share_20s": med([r.get("share_20s") for r in rs]),
            "share_60s": med([r.get("share_60s") for r in rs]),
        }
        summary["modes"][m] = row
        w(f"| `{m}` | {row['runs']} | {fmt(row['listening_s'], ' s')} | {fmt(row['started_s'], ' s')} | "
          f"{fmt(row['first_success_s'], ' s')} | {seconds(row['t80_s'])} | {met} of {len(rs)} | "
          f"{seconds(row['t80_best_s'])} | "
          f"{fmt(row['warm_rate'])} | {pct(row['share_20s'])} | {pct(row['share_60s'])} |")
    w("")
    w("## Every run, in the order run")
    w("")
    w("| # | mode | load avg before | port open | Started | first signature | 80% reached | 80% of best | warm rate /s | first 20 s | first 60 s | failed answers |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for i, r in enumerate(runs, 1):
        ok = " ✔" if r["t80_s"] is not None and r["t80_s"] <= goal else ""
        w(f"| {i} | `{r['mode']}` | {r['load_before']} | {fmt(r['listening_s'], ' s')} | {fmt(r['started_s'], ' s')} | "
          f"{fmt(r['first_success_s'], ' s')} | {seconds(r['t80_s'])}{ok} | {seconds(r['t80_best_s'])} | "
          f"{fmt(r['warm_rate'])} | "
          f"{pct(r.get('share_20s'))} | {pct(r.get('share_60s'))} | {r['failed_answers']} |")
    w("")
    w("## Signatures per second, mean of each 5 s from the process start")
    w("")
    width = max((len(r["per_second"]) for r in runs), default=0) // 5
    w("| # | mode | " + " | ".join(f"{5 * i}–{5 * i + 5}" for i in range(width)) + " |")
    w("| --- | --- | " + " | ".join("---" for _ in range(width)) + " |")
    for i, r in enumerate(runs, 1):
        ps = r["per_second"]
        cells = [str(round(sum(ps[5 * j:5 * j + 5]) / 5)) for j in range(min(width, len(ps) // 5))]
        w(f"| {i} | `{r['mode']}` | " + " | ".join(cells) + " |")
    w("")
    w("Per-second counts: `runs/<n>-<mode>/persecond.csv`; app logs `runs/<n>-<mode>/app.log`.")
    w("")
    w("```")
    w(machine.strip())
    w("```")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
