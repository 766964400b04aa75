"""API keys for the HTTP API: created by ``eventlens keys create``, stored hashed.

A key looks like ``elk_3f9a0c1d_<43 random url-safe characters>``. The database keeps only the
8-hex-digit prefix (to find the row and to name the key in lists and logs) and the SHA-256 of
the whole key. A plain hash is enough here, unlike for passwords: the secret part is 256 random
bits, so there is nothing for a slow hash to protect against guessing. The key itself is shown
once, when it is created, and never logged.

The keys live in their own table, ``api_keys``, in the same database as the incidents (so one
``--db`` URL configures a server). The table is defined in :mod:`eventlens.store.schema` and
created by the store's migrations like every other; only this module reads or writes it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from eventlens.clock import utcnow
from eventlens.errors import ConfigError
from eventlens.store.db import Store
from eventlens.store.schema import api_keys

log = logging.getLogger(__name__)

_KEY_RE = re.compile(r"^elk_([0-9a-f]{8})_[A-Za-z0-9_-]{20,}$")


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key, without its secret."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _row(r: sa.Row) -> ApiKey:  # type: ignore[type-arg]
    return ApiKey(r.id, r.name, r.prefix, r.created_at, r.revoked_at)


def create_key(store: Store, name: str) -> tuple[ApiKey, str]:
    """Make a new key called ``name``; return it and the secret (shown to the user once)."""
    if not name.strip():
        raise ConfigError("API key: give it a name saying who or what uses it (e.g. --name analyst-laptop)")
    for _ in range(5):
        prefix = secrets.token_hex(4)
        secret = f"elk_{prefix}_{secrets.token_urlsafe(32)}"
        with store.begin() as conn:
            if conn.execute(sa.select(api_keys.c.id).where(api_keys.c.prefix == prefix)).first():
                continue
            kid = conn.execute(
                sa.insert(api_keys)
                .values(name=name.strip(), prefix=prefix, digest=_digest(secret), created_at=utcnow())
                .returning(api_keys.c.id)
            ).scalar_one()
            row = conn.execute(sa.select(api_keys).where(api_keys.c.id == kid)).one()
        log.info("created API key %s (%s)", prefix, name)
        return _row(row), secret
    raise ConfigError("API key: could not draw an unused prefix in 5 tries; try again")  # pragma: no cover


def list_keys(store: Store) -> list[ApiKey]:
    """Every key, revoked ones included, oldest first."""
    with store.engine.connect() as conn:
        return [_row(r) for r in conn.execute(sa.select(api_keys).order_by(api_keys.c.id))]


def revoke_key(store: Store, prefix: str) -> ApiKey:
    """Revoke the key whose prefix (the 8 hex digits after ``elk_``) or whole text is given."""
    m = _KEY_RE.match(prefix)
    pfx = m.group(1) if m else prefix.strip().removeprefix("elk_")
    with store.begin() as conn:
        row = conn.execute(sa.select(api_keys).where(api_keys.c.prefix == pfx)).first()
        if row is None:
            raise ConfigError(f"API key {pfx!r}: no such key; list them with `eventlens keys list`")
        if row.revoked_at is None:
            conn.execute(sa.update(api_keys).where(api_keys.c.id == row.id).values(revoked_at=utcnow()))
        row = conn.execute(sa.select(api_keys).where(api_keys.c.id == row.id)).one()
    log.info("revoked API key %s", pfx)
    return _row(row)


def verify_key(store: Store, presented: str) -> ApiKey | None:
    """The active key ``presented`` is, or None. Constant-time comparison of the digests."""
    m = _KEY_RE.match(presented.strip())
    if not m:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(api_keys).where(api_keys.c.prefix == m.group(1))).first()
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.digest, _digest(presented.strip())):
        return None
    return _row(row)
