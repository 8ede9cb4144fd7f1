"""Which database a workspace is, told without SQLAlchemy (start-up reads it before that loads)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from costready import paths

#: The environment variable naming the workspace database (any SQLAlchemy URL).
ENV_URL = "COSTREADY_DATABASE_URL"


def workspace_url(url: str | None = None) -> str:
    """`url`, else $COSTREADY_DATABASE_URL, else SQLite in the user data folder."""
    return url or os.environ.get(ENV_URL) or paths.default_database_url()


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL; None for anything else.

    Only the plain form is recognised (no driver, query or `file:` URI); other URLs simply
    take the ordinary way in through SQLAlchemy, which understands them all.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    database = unquote(url[len(prefix) :])
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)
