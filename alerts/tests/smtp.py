"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, for the tests and
the bench. Rules turn chosen recipients into temporary (4xx) or permanent (5xx) refusals."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Sink:
    messages: list = field(default_factory=list)  # email.message.EmailMessage, as received
    received_at: list = field(default_factory=list)  # time.time() of each, in the same order
    refusals: dict = field(default_factory=dict)  # recipient -> "451 ..." or "550 ..."
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refusals.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.received_at.append(time.time())
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self.lock:
            return [m["To"] for m in self.messages]

    def count(self) -> int:
        with self.lock:
            return len(self.messages)


class SmtpServer:
    def __init__(self, port: int | None = None):
        self.sink = Sink()
        self.port = port or free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"
