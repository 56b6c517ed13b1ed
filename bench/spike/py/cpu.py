"""CPU accounting for a time window, from /proc (Linux only, stdlib only).

  cpu.py snapshot FILE [--app-pid PID] [--pg-pid PID]
      write a snapshot: machine totals and CPU ticks per process, labelled "app java" (the app's JVM),
      "app postgres" (the embedded PostgreSQL: the postmaster and its children), else the process name
  cpu.py diff BEFORE AFTER    print JSON: machine utilisation and CPU seconds per label in between

PostgreSQL processes include reaped children (cutime/cstime), so backends that ended inside the window
are counted in their postmaster. Processes that start and end inside the window are not seen here (the
wrk scripts report their own CPU time)."""
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def snapshot(app_pid=None, pg_pid=None):
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal
    total = sum(fields[:8])
    idle = fields[3]
    iowait = fields[4]
    procs = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        rest = raw[raw.rindex(")") + 2:].split()
        # rest[0] is state (field 3), rest[1] ppid; utime is field 14 -> rest[11]
        ppid = rest[1]
        utime, stime, cutime, cstime = (int(x) for x in rest[11:15])
        if app_pid and pid == app_pid:
            label = "app java"
        elif pg_pid and (pid == pg_pid or ppid == pg_pid):
            label = "app postgres"
        elif comm.startswith("postgres"):
            label = "other postgres"
        else:
            label = comm.split("/")[0]
        ticks = utime + stime
        if label.endswith("postgres"):
            ticks += cutime + cstime  # reaped backends; elsewhere a reaped child would be a sudden jump
        procs[pid] = {"comm": comm, "label": label, "ticks": ticks}
    return {"time": time.time(), "total": total, "idle": idle, "iowait": iowait, "procs": procs}


def diff(a, b):
    total = b["total"] - a["total"]
    busy = total - (b["idle"] - a["idle"]) - (b["iowait"] - a["iowait"])
    by_comm = {}
    for pid, p in b["procs"].items():
        before = a["procs"].get(pid)
        start = before["ticks"] if before and before["comm"] == p["comm"] else 0
        name = p.get("label", p["comm"])
        by_comm[name] = by_comm.get(name, 0) + (p["ticks"] - start) / TICK
    wall = b["time"] - a["time"]
    top = {k: round(v, 2) for k, v in sorted(by_comm.items(), key=lambda kv: -kv[1]) if v >= 0.05}
    return {
        "wall_s": round(wall, 2),
        "cores": os.cpu_count(),
        "machine_busy_pct": round(100 * busy / total, 1) if total else None,
        "machine_iowait_pct": round(100 * (b["iowait"] - a["iowait"]) / total, 1) if total else None,
        "cpu_seconds_by_process": top,
    }


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        opts = dict(zip(sys.argv[3::2], sys.argv[4::2]))
        with open(sys.argv[2], "w") as f:
            json.dump(snapshot(opts.get("--app-pid") or None, opts.get("--pg-pid") or None), f)
    elif sys.argv[1] == "diff":
        with open(sys.argv[2]) as f:
            a = json.load(f)
        with open(sys.argv[3]) as f:
            b = json.load(f)
        print(json.dumps(diff(a, b), indent=2))
