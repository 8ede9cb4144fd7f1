"""Which database a workspace is, told without SQLAlchemy (start-up reads it before that loads)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from costready import paths

#: The environment variable naming the workspace database (any SQLAlchemy URL).
ENV_URL = "COSTREADY_DATABASE_URL"

#: `scheme://user:PASSWORD@`: the password runs to the last @ (masking too much is safe).
_USERINFO_PASSWORD = re.compile(r"^(?P<head>[A-Za-z][\w+.-]*://[^:/@?#]*):(?P<password>.*)@")
#: `?password=...` or `&pwd=...` in the query, as some drivers take it.
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&](?:password|pwd)=)(?P<password>[^&#]*)", re.I)
MASK = "***"


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


def masked_url(url: str) -> str:
    """`url` as any message shows it: with its password, if it has one, as ***.

    `postgresql+psycopg://adv:S3cret@host/db` -> `postgresql+psycopg://adv:***@host/db`.
    """
    url = _USERINFO_PASSWORD.sub(lambda m: f"{m['head']}:{MASK}@", url, count=1)
    return _QUERY_PASSWORD.sub(lambda m: f"{m['head']}{MASK}", url)


def without_password(text: str, url: str) -> str:
    """`text` (say, a driver's error) with `url` masked and its password nowhere in it."""
    text = text.replace(url, masked_url(url))
    for found in (*_USERINFO_PASSWORD.finditer(url), *_QUERY_PASSWORD.finditer(url)):
        password = found["password"]
        # a very short password would also hide ordinary letters of the message
        for form in {password, unquote(password)}:
            if len(form) >= 4:
                text = text.replace(form, MASK)
    return text
