"""`python -m worker.mailcatcher`: a local SMTP server for development that delivers nothing.

`make run` starts it when no OK_SMTP_HOST is set, and points the worker at it, so
notifications work on a laptop without a mail server: each message the worker sends is kept
as a file in .run/mail/ (open a .eml file in a mail program, or read it as text), newest
last, and its subject and recipients are logged to .run/mailcatcher.log.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller

log = logging.getLogger("okv3.mailcatcher")


class Folder:
    """aiosmtpd handler: keep each message as <time>-<n>.eml in the folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.count += 1
        path = self.folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{self.count:04d}.eml"
        path.write_bytes(envelope.content)
        message = message_from_bytes(envelope.content, policy=policy.default)
        log.info("to %s: %s (%s)", ", ".join(envelope.rcpt_tos), message["Subject"], path.name)
        return "250 Kept"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--dir", type=Path, default=Path(".run/mail"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    args.dir.mkdir(parents=True, exist_ok=True)
    controller = Controller(Folder(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    log.info("catching mail on 127.0.0.1:%s into %s", args.port, args.dir)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
