"""A real SMTP server for tests (aiosmtpd on loopback) that can go down and come back."""

import asyncio
import email
import email.message
import socket
import threading
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    envelope_from: str
    recipients: list[str]
    message: email.message.Message


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Faults a test can switch on: refuse every message from the n-th on (as a server going
    # down would), or hold the n-th message until released (to kill a client mid-message).
    refuse_from: int | None = None
    hold_at: int | None = None
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    seen: int = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.seen += 1
            number = self.seen
        if self.refuse_from is not None and number >= self.refuse_from:
            return "421 Service not available, closing transmission channel"
        if self.hold_at is not None and number == self.hold_at:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
            transport = getattr(server, "transport", None)
            if transport is None or transport.is_closing():
                # The client went away before our 250 reached it: not accepted.
                return "421 Client went away"
        message = email.message_from_bytes(envelope.original_content)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


class SmtpSink:
    """Start, stop and restart an SMTP server on one fixed port; keeps what it received."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = _Handler()
        self.controller = None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def to(self, address: str) -> list[Received]:
        return [item for item in self.received if address in item.recipients]

    def reset(self) -> None:
        """Forget what was received and switch the faults off (a sink shared by tests)."""
        with self.handler.lock:
            self.handler.received.clear()
            self.handler.seen = 0
        self.handler.refuse_from = self.handler.hold_at = None
        self.handler.holding.clear()
        self.handler.release.clear()
