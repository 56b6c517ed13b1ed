"""The anonymous flood of bench/memory/flood.sh (stdlib only).

  flood.py --base-url http://localhost:18080 --petition 1 --languages 5000 --ids 5000 --concurrency 4 \\
           [--first-id 1000000000] [--warmup 0] --out flood.json

Without --warmup: for each of --languages distinct made-up language tags, one GET of the petition page with
the tag as the safepassage-lang cookie and one with ?lang=<tag>; then one GET of /petitions/<n> for each of
--ids distinct petition ids from --first-id (ids no petition has). With --warmup N: N rounds of the same
kinds of request with nothing made up (cookie and ?lang=en, and the same unknown id), so that classes, the
JIT and the application's caches are warm before the first measurement.

Every visitor is anonymous: no cookie is kept between requests. Writes a JSON summary (counts of statuses,
of Content-Language values and of safepassage-lang cookie values set) to --out and prints it.
"""
import argparse
import http.client
import json
import queue
import threading
import time
from collections import Counter
from urllib.parse import urlsplit


def made_up_language(i):
    """Well-formed tags no bundle exists for, all different (as in AnonymousFloodIntegrationTest)."""
    forms = (f"en-x-f{i}", f"qaa-x-{i}", f"zz-{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}-x-{i}", f"ko-x-k{i}")
    return forms[i % 4]


def requests(petition, languages, ids, first_id, warmup):
    page = f"/petitions/{petition}"
    if warmup:
        for _ in range(warmup):
            yield "cookie", page, {"Cookie": "safepassage-lang=en"}
            yield "lang", page + "?lang=en", {}
            yield "id", f"/petitions/{first_id - 1}", {}
        return
    for i in range(languages):
        tag = made_up_language(i)
        yield "cookie", page, {"Cookie": "safepassage-lang=" + tag}
        yield "lang", page + "?lang=" + tag, {}
    for i in range(ids):
        yield "id", f"/petitions/{first_id + i}", {}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--petition", type=int, default=1)
    p.add_argument("--languages", type=int, default=5000)
    p.add_argument("--ids", type=int, default=5000)
    p.add_argument("--first-id", type=int, default=1_000_000_000)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--warmup", type=int, default=0)
    p.add_argument("--timeout", type=float, default=30)
    p.add_argument("--out", required=True)
    a = p.parse_args()

    url = urlsplit(a.base_url)
    work = queue.Queue()
    for r in requests(a.petition, a.languages, a.ids, a.first_id, a.warmup):
        work.put(r)
    lock = threading.Lock()
    statuses = Counter()
    languages = Counter()
    cookies = Counter()
    errors = []

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=a.timeout)
        while True:
            try:
                kind, path, headers = work.get_nowait()
            except queue.Empty:
                break
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                set_cookies = [v.split(";", 1)[0] for k, v in resp.getheaders() if k.lower() == "set-cookie"]
                with lock:
                    statuses[f"{kind} {resp.status}"] += 1
                    languages[f"{kind} {resp.getheader('Content-Language')}"] += 1
                    for c in set_cookies:
                        if c.startswith("safepassage-lang="):
                            cookies[c] += 1
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=a.timeout)
            except Exception as e:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    statuses[f"{kind} EXC"] += 1
                    if len(errors) < 5:
                        errors.append(f"{path}: {e!r}")
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=a.timeout)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    total = sum(statuses.values())
    summary = {
        "requests": total,
        "seconds": round(seconds, 1),
        "requests_per_second": round(total / seconds, 1) if seconds else None,
        "statuses": dict(sorted(statuses.items())),
        "content_language": dict(sorted(languages.items())),
        "distinct_lang_cookies_set": len(cookies),
        "lang_cookies_set": dict(cookies.most_common(5)),
        "errors": errors,
    }
    with open(a.out, "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
