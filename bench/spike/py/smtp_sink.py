"""A real SMTP server that accepts every message and appends its Message-ID to a file, one per line.

Used by mail-crash-check.sh to count how often each outbox mail arrived. Python 3.11's smtpd (deprecated
but present) keeps this free of dependencies.
"""
import argparse
import asyncore
import email
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    def __init__(self, address, out):
        super().__init__(address, None, decode_data=False)
        self.out = out

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data)
        self.out.write((message.get("Message-ID") or "<none>") + "\n")
        self.out.flush()
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "a", buffering=1) as out:
        Sink(("127.0.0.1", args.port), out)
        print(f"smtp sink on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
        asyncore.loop(timeout=0.5)


if __name__ == "__main__":
    main()
