"""Errors eventlens raises.

::

    EventlensError
     +-- InputError        an input cannot be read (empty, binary, bad encoding, malformed JSON...)
     |    +-- LanguageError    the input is not in a supported language
     +-- ConfigError       a setting is wrong (unknown model, bad path)
     +-- GazetteerError    the gazetteer is missing, corrupt, or an import failed
     +-- StoreError        the database cannot be opened or written
     |    +-- ReadOnlyStoreError   the database refuses every write (a read-only file or session)
     +-- EvalError         an evaluation corpus is missing or malformed

Messages name the input, the problem and the next step, e.g.
``bad.html: not UTF-8 and no charset declared; pass --encoding``.
"""

from __future__ import annotations


class EventlensError(Exception):
    """Root of every error eventlens raises on purpose."""


class InputError(EventlensError):
    """An input document cannot be read. ``source`` names it (``feed.jsonl:7`` for one record of a
    file), ``input`` is the file or stream it came from (``feed.jsonl``; by default ``source``),
    ``stage`` says where it failed."""

    def __init__(self, source: str, reason: str, *, stage: str = "read", input: str | None = None) -> None:  # noqa: A002
        self.source = source
        self.reason = reason
        self.stage = stage
        self.input = input or source
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Dask workers send InputErrors back to the client: pickle rebuilds one from its fields
        # (Exception's default rebuilds from the message alone, which __init__ cannot take).
        return (type(self), (self.source, self.reason), dict(self.__dict__))


class LanguageError(InputError):
    """The input is in a language eventlens does not read."""


class ConfigError(EventlensError):
    """A setting is invalid."""


class GazetteerError(EventlensError):
    """The gazetteer cannot be built, opened or imported into."""


class StoreError(EventlensError):
    """The incident store cannot be opened or written."""


class ReadOnlyStoreError(StoreError):
    """The store refuses writes: a read-only SQLite file (or folder), a read-only PostgreSQL
    session or standby. Reads still work; retrying a write does not help."""


class EvalError(EventlensError):
    """An evaluation suite cannot run."""
