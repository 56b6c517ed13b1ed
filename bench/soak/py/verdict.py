"""Reads the soak's samples.tsv (one row per minute) and says, per resource, whether it grew without bound.

A resource is judged on the samples after the warm-up (the first WARMUP minutes): the mean of the last
quarter against the mean of the second quarter. Growth beyond both a relative and an absolute margin is
"GROWS"; the data itself (database size) is expected to grow with the signatures stored, so it is judged
per stored row instead: bytes per signature-plus-mail must not keep rising (bloat).
"""
import csv
import sys

# column: (relative margin, absolute margin, unit)
LIMITS = {
    "heap_after_gc_mb": (0.20, 16, "MB"),
    "jvm_rss_mb": (0.10, 48, "MB"),
    "pg_pss_mb": (0.15, 48, "MB"),
    "jvm_threads": (0.20, 20, ""),
    "jvm_fds": (0.20, 20, ""),
    "db_connections": (0.25, 5, ""),
    "mail_queue": (1.00, 200, ""),
    "db_bytes_per_row": (0.15, 150, "B"),
}


def mean(values):
    return sum(values) / len(values) if values else 0.0


def main():
    path, warmup = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with open(path) as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["phase"] in ("start", "minute", "end")]
    for r in rows:
        stored = float(r["signatures"]) + float(r["mails"])
        r["db_bytes_per_row"] = str(float(r["db_size_mb"]) * 1024 * 1024 / stored) if stored else "0"
    load = [r for r in rows if r["phase"] != "start"][warmup:]
    if len(load) < 4:
        print(f"verdict: too short to judge ({len(load)} samples after the {warmup}-minute warm-up; need 4)")
        return 0
    q = len(load) // 4
    early, late = load[q:2 * q], load[-q:]
    bad = []
    for column, (relative, absolute, unit) in LIMITS.items():
        a = mean([float(r[column]) for r in early])
        b = mean([float(r[column]) for r in late])
        grows = b > a * (1 + relative) and b - a > absolute
        print(f"{column:18s} second quarter {a:10.1f}{unit}  last quarter {b:10.1f}{unit}  "
              f"{'GROWS' if grows else 'bounded'}")
        if grows:
            bad.append(column)
    print("verdict: " + ("GROWS WITHOUT BOUND: " + ", ".join(bad) if bad else "nothing grows without bound"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
