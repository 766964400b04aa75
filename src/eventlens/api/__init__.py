"""The HTTP side of eventlens: a JSON API under ``/api/v1`` and the map dashboard at ``/``.

``create_app`` (in :mod:`eventlens.api.app`) builds the FastAPI app; ``eventlens serve`` runs it.
Importing this package imports nothing heavy (FastAPI loads with ``eventlens.api.app``).
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args: object, **kwargs: object) -> object:
    """See :func:`eventlens.api.app.create_app`."""
    from eventlens.api.app import create_app as _create

    return _create(*args, **kwargs)  # type: ignore[arg-type]
