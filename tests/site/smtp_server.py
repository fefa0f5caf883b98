"""A real SMTP server for tests (aiosmtpd in a thread on a free loopback port).

``mode`` decides what it does with a message: ``accept`` it, ``refuse`` it (451, try later)
or ``hang`` (answer nothing for ``hang_seconds``, longer than the client's EMAIL_TIMEOUT).
"""

import asyncio
import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FlakyHandler:
    def __init__(self):
        self.mode = "accept"
        self.hang_seconds = 4
        self.received = []
        self.refused = 0
        self.hung = 0

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "refuse":
            self.refused += 1
            return "451 4.3.0 Try again later"
        if self.mode == "hang":
            self.hung += 1
            await asyncio.sleep(self.hang_seconds)
            return "451 4.4.2 Timed out"
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.handler = FlakyHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def settings(self, settings, timeout=1):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = timeout

    @property
    def received(self):
        return self.handler.received

    def set_mode(self, mode):
        self.handler.mode = mode
