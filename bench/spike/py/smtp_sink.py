"""A real SMTP server that accepts every message and appends its Message-ID to a file, one per line.

Used by mail-crash-check.sh to count how often each outbox mail arrived. Python 3.11's smtpd (deprecated
but present) keeps this free of dependencies.
"""
import argparse
import asyncore
import email
import re
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


TOKEN = re.compile(r"/signatures/confirm\?token=([A-Za-z0-9_-]+)")


class Sink(smtpd.SMTPServer):
    def __init__(self, address, out, tokens=None):
        super().__init__(address, None, decode_data=False)
        self.out = out
        self.tokens = tokens

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data)
        self.out.write((message.get("Message-ID") or "<none>") + "\n")
        self.out.flush()
        if self.tokens is not None:
            # Bodies leave the outbox once the server accepts them: confirmation links are read here.
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    text = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
                    for token in TOKEN.findall(text):
                        for rcpt in rcpttos:
                            self.tokens.write(rcpt + "\t" + token + "\n")
            self.tokens.flush()
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--out", required=True)
    parser.add_argument("--tokens", help="also append 'recipient<TAB>token' of each signature confirmation link")
    args = parser.parse_args()
    tokens = open(args.tokens, "a", buffering=1) if args.tokens else None
    with open(args.out, "a", buffering=1) as out:
        Sink(("127.0.0.1", args.port), out, tokens)
        print(f"smtp sink on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
        asyncore.loop(timeout=0.5)


if __name__ == "__main__":
    main()
