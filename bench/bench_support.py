"""Helpers the benchmark loads into its child processes."""

from anymail.backends.test import EmailBackend as AnymailTestBackend
from django.core import mail


class ForgetfulAnymailTestBackend(AnymailTestBackend):
    """anymail's test backend keeps every message in mail.outbox; a benchmark of 100,000
    messages would measure that list, not the sender. Same work, nothing kept."""

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        if hasattr(mail, "outbox"):
            mail.outbox.clear()
        return sent
