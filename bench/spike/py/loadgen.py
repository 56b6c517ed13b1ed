"""A small signer load generator (stdlib only) for the correctness checks, where every acknowledged
signature must be known: wrk's Lua cannot write files reliably.

  loadgen.py --base-url http://localhost:18080 --petition 1 --concurrency 20 --seconds 20 \\
             --email-prefix crash-x --acked acked.txt --log requests.csv [--think-ms 0] [--timeout 30] [--readers 0]

Each signer thread loads the petition page once (XSRF-TOKEN cookie + masked _csrf token), then POSTs the
sign form with a new email address as fast as it can (plus --think-ms). An email is appended to --acked
(flushed at once) only when the app answered 302 to .../check-your-email. Every request is logged to --log
as: worker, kind, t_start, t_end, status (HTTP status, or EXC:<exception> when there was no answer), email.
--readers N adds N threads alternately GETting the petition page and the count API (kinds page/count).
Stops after --seconds or on SIGTERM/SIGINT (in-flight requests finish or time out first).
"""
import argparse
import csv
import http.client
import random
import re
import signal
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
stop = threading.Event()


def on_signal(signum, frame):
    stop.set()


class Shared:
    def __init__(self, acked_path, log_path):
        self.lock = threading.Lock()
        self.acked = open(acked_path, "a", buffering=1) if acked_path else None
        self.log_file = open(log_path, "w", newline="", buffering=1) if log_path else None
        self.log = csv.writer(self.log_file) if self.log_file else None
        if self.log:
            self.log.writerow(["worker", "kind", "t_start", "t_end", "status", "email"])
        self.counts = {}

    def record(self, worker, kind, t0, t1, status, email=""):
        with self.lock:
            key = f"{kind} {status}"
            self.counts[key] = self.counts.get(key, 0) + 1
            if self.log:
                self.log.writerow([worker, kind, f"{t0:.4f}", f"{t1:.4f}", status, email])

    def ack(self, email):
        with self.lock:
            if self.acked:
                self.acked.write(email + "\n")
                self.acked.flush()

    def close(self):
        for f in (self.acked, self.log_file):
            if f:
                f.close()


def xff():
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Client:
    def __init__(self, url, timeout):
        self.host = url.hostname
        self.port = url.port or 80
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """Returns (status, headers, body). Raises on no answer, after dropping the connection."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            resp = self.conn.getresponse()
            data = resp.read()
            return resp.status, resp, data
        except Exception:
            self.conn.close()
            self.conn = None
            raise


def signer(wid, args, shared, url):
    client = Client(url, args.timeout)
    page = f"/petitions/{args.petition}"
    cookie = csrf = None
    n = 0
    while not stop.is_set():
        if csrf is None:
            t0 = time.time()
            try:
                status, resp, body = client.request("GET", page, headers={"X-Forwarded-For": xff()})
                t1 = time.time()
                shared.record(wid, "page", t0, t1, status)
                for name, value in resp.getheaders():
                    if name.lower() == "set-cookie" and value.startswith("XSRF-TOKEN="):
                        cookie = value.split(";", 1)[0].split("=", 1)[1]
                m = CSRF.search(body.decode("utf-8", "replace"))
                if status == 200 and m and cookie:
                    csrf = m.group(1)
                else:
                    time.sleep(0.2)
            except Exception as e:
                shared.record(wid, "page", t0, time.time(), f"EXC:{type(e).__name__}")
                time.sleep(0.2)
            continue
        n += 1
        email = f"{args.email_prefix}-{wid}-{n}@bench.example"
        body = urlencode({"name": f"Check Signer {wid}-{n}", "email": email, "country": "GB", "postcode": "",
                          "keepUpdated": "false", "_csrf": csrf})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"XSRF-TOKEN={cookie}",
                   "X-Forwarded-For": xff()}
        t0 = time.time()
        try:
            status, resp, _ = client.request("POST", f"{page}/signatures", body=body, headers=headers)
            t1 = time.time()
            location = resp.getheader("Location") or ""
            if status == 302 and location.endswith(f"{page}/check-your-email"):
                shared.ack(email)
            elif status == 403:
                csrf = None
            shared.record(wid, "sign", t0, t1, status, email)
        except Exception as e:
            shared.record(wid, "sign", t0, time.time(), f"EXC:{type(e).__name__}", email)
            time.sleep(0.1)  # e.g. connection refused while the app is down: do not spin
        if args.think_ms:
            time.sleep(args.think_ms / 1000)


def reader(wid, args, shared, url):
    client = Client(url, args.timeout)
    paths = [("page", f"/petitions/{args.petition}"), ("count", f"/api/petitions/{args.petition}/count")]
    i = 0
    while not stop.is_set():
        kind, path = paths[i % 2]
        i += 1
        t0 = time.time()
        try:
            status, _, _ = client.request("GET", path, headers={"X-Forwarded-For": xff()})
            shared.record(wid, kind, t0, time.time(), status)
        except Exception as e:
            shared.record(wid, kind, t0, time.time(), f"EXC:{type(e).__name__}")
            time.sleep(0.1)
        if args.think_ms:
            time.sleep(args.think_ms / 1000)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", default="http://localhost:18080")
    p.add_argument("--petition", type=int, default=1)
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--readers", type=int, default=0)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--email-prefix", required=True)
    p.add_argument("--acked")
    p.add_argument("--log")
    p.add_argument("--think-ms", type=float, default=0)
    p.add_argument("--timeout", type=float, default=30)
    args = p.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    url = urlsplit(args.base_url)
    shared = Shared(args.acked, args.log)
    threads = [threading.Thread(target=signer, args=(f"s{i}", args, shared, url), daemon=True)
               for i in range(args.concurrency)]
    threads += [threading.Thread(target=reader, args=(f"r{i}", args, shared, url), daemon=True)
                for i in range(args.readers)]
    for t in threads:
        t.start()
    stop.wait(args.seconds)
    stop.set()
    for t in threads:
        t.join(args.timeout + 5)
    shared.close()
    print(" ".join(f"{k}={v}" for k, v in sorted(shared.counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
