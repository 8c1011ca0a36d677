"""Recording what became of each message: sent with the provider's message id, or failed.

Sending message by message, each message is acknowledged on its own as soon as the server
or provider has taken it, so that a killed worker leaves at most the one message it was
handing over in doubt. That acknowledgement is the send loop's one per-message query, so it
is made as cheap as it can be: one cursor for the whole batch and, on PostgreSQL, a prepared
statement (no parsing and planning per message; about half the cost of a plain UPDATE).
With merge batches, a batch's results go to the database as one statement.

Both retry once on a fresh connection if the database went away: the messages have gone
out, so a database restart must not make them look unsent, which would send them again.
"""

import json
import time
from contextlib import contextmanager, suppress

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db import connection as db_connection
from django.utils import timezone

from ..models import Delivery

# Session-level: with a connection pooler it needs session pooling (PgBouncer's
# transaction pooling would run EXECUTE on a server connection that never saw PREPARE).
STATEMENT = "newsletter_acknowledge"
COLUMNS = "status = %s, message_id = %s, error = %s, sent_at = %s"


def error_text(error) -> str:
    if not error:
        return ""
    if not isinstance(error, str):
        error = f"{type(error).__name__}: {error}"
    return error[:2000]


def row(delivery_id: int, status: str, message_id: str = "", error=None, now=None) -> list:
    """The values one acknowledgement writes, in the order the statements take them."""
    sent_at = (now or timezone.now()) if status == Delivery.Status.SENT else None
    return [status, (message_id or "")[:300], error_text(error), sent_at, delivery_id]


class Acknowledgements:
    """The acknowledgements of one batch, written over one cursor."""

    def __init__(self):
        self.cursor = None
        self.postgres = db_connection.vendor == "postgresql"
        self.table = db_connection.ops.quote_name(Delivery._meta.db_table)

    def one(self, delivery_id: int, status: str, message_id: str = "", error=None) -> None:
        """Record one message now (it is the only per-message query)."""
        self._retrying(self._one, row(delivery_id, status, message_id, error))

    def many(self, rows: list[list]) -> None:
        """Record a batch's results (rows made by row()) in one statement."""
        if rows:
            self._retrying(self._many, rows)

    def close(self) -> None:
        if self.cursor is not None:
            cursor, self.cursor = self.cursor, None
            # A connection that died took the cursor with it.
            with suppress(OperationalError, InterfaceError):
                cursor.close()

    def _retrying(self, write, values) -> None:
        """The messages are already with the mail server: their record must not be given up
        while the database is briefly away (a restart refuses connections for seconds), or
        the reaper would later send them again. So it is retried with a growing pause for up
        to NEWSLETTER_ACKNOWLEDGEMENT_PATIENCE_SECONDS before the error is let through."""
        pause = 0.5
        deadline = time.monotonic() + settings.NEWSLETTER_ACKNOWLEDGEMENT_PATIENCE_SECONDS
        while True:
            try:
                write(values)
                return
            except (OperationalError, InterfaceError):
                self.cursor = None
                db_connection.close()
                if time.monotonic() >= deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 10)

    def _cursor(self):
        if self.cursor is None:
            self.cursor = db_connection.cursor()
            if self.postgres:
                self._prepare()
        return self.cursor

    def _prepare(self) -> None:
        """Prepared once per database session; checked once per batch, since a reconnect
        (a restart, CONN_MAX_AGE) brings a session without it."""
        self.cursor.execute("SELECT 1 FROM pg_prepared_statements WHERE name = %s", [STATEMENT])
        if self.cursor.fetchone() is None:
            self.cursor.execute(
                f"PREPARE {STATEMENT} (varchar, varchar, text, timestamptz, bigint) AS "  # noqa: S608
                f"UPDATE {self.table} SET status = $1, message_id = $2, error = $3, "
                "sent_at = $4 WHERE id = $5"
            )

    def _one(self, values) -> None:
        cursor = self._cursor()
        if self.postgres:
            cursor.execute(f"EXECUTE {STATEMENT} (%s, %s, %s, %s, %s)", values)
        else:
            cursor.execute(f"UPDATE {self.table} SET {COLUMNS} WHERE id = %s", values)  # noqa: S608

    def _many(self, rows) -> None:
        cursor = self._cursor()
        if self.postgres:
            # One UPDATE joined to the batch's values, passed as one JSON document: one
            # statement and one parameter to quote, whatever the batch size.
            values = [
                {
                    "s": status,
                    "m": message_id,
                    "e": error,
                    "t": sent_at and sent_at.isoformat(),
                    "i": pk,
                }
                for status, message_id, error, sent_at, pk in rows
            ]
            cursor.execute(
                f"UPDATE {self.table} AS d SET status = v.s, message_id = v.m, error = v.e, "  # noqa: S608
                "sent_at = v.t FROM json_to_recordset(%s::json) "
                "AS v(s varchar, m varchar, e text, t timestamptz, i bigint) WHERE d.id = v.i",
                [json.dumps(values)],
            )
        else:
            cursor.executemany(f"UPDATE {self.table} SET {COLUMNS} WHERE id = %s", rows)  # noqa: S608


@contextmanager
def fast_acknowledgements():
    """On PostgreSQL, acknowledgements do not wait for the WAL flush while a worker sends.

    A killed worker loses nothing (the server already has each statement); only a crash of
    the database server itself could forget the last fraction of a second of them, and those
    few messages would go out again. Restored afterwards: other work on this connection keeps
    full durability.
    """
    postgres = db_connection.vendor == "postgresql"
    if postgres:
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        if postgres:
            with db_connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
