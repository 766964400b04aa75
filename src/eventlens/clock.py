"""The one clock of eventlens: now, in UTC, naive, to the second - the form SQLite and
PostgreSQL store alike, and what every ``created``/``started``/``polled`` column holds."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Naive UTC, to the second."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
