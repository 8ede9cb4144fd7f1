"""Database URLs in messages: a password is never shown."""

from __future__ import annotations

import pytest

from costready.storage.location import masked_url, without_password


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://adv:S3cretPw@127.0.0.1:1/x",
            "postgresql+psycopg://adv:***@127.0.0.1:1/x",
        ),
        ("postgresql://adv:p@ss/w:rd@db.example/x", "postgresql://adv:***@db.example/x"),
        ("postgresql://adv:p%40ss@db/x", "postgresql://adv:***@db/x"),
        ("postgresql://adv@db/x?password=S3cretPw&sslmode=require", None),
        ("postgresql://adv@db/x", "postgresql://adv@db/x"),
        ("sqlite:////home/ann/my:work@home.sqlite", "sqlite:////home/ann/my:work@home.sqlite"),
        (
            "sqlite:///C:\\Users\\ann\\workspace.sqlite",
            "sqlite:///C:\\Users\\ann\\workspace.sqlite",
        ),
    ],
)
def test_a_password_in_a_url_is_masked(url: str, shown: str | None) -> None:
    masked = masked_url(url)
    if shown is None:
        assert masked == "postgresql://adv@db/x?password=***&sslmode=require"
    else:
        assert masked == shown
    for secret in ("S3cretPw", "p@ss", "p%40ss"):
        assert secret not in masked


def test_a_message_loses_the_password_wherever_it_appears() -> None:
    url = "postgresql+psycopg://adv:S3cret%2FPw@db/x"
    message = f"cannot open {url}: authentication failed for S3cret/Pw"
    cleaned = without_password(message, url)
    assert "S3cret" not in cleaned
    assert cleaned == "cannot open postgresql+psycopg://adv:***@db/x: authentication failed for ***"


def test_a_workspace_that_fails_to_open_never_shows_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.exc import OperationalError

    from costready.storage import workspace as workspace_module
    from costready.storage.workspace import StorageError, Workspace

    url = "postgresql+psycopg://adv:S3cretPw@127.0.0.1:1/x"

    def refused(given: str) -> None:  # a driver that echoes what it was given
        raise OperationalError("connect", {}, Exception(f"{given} refused (S3cretPw)"))

    monkeypatch.setattr(workspace_module, "make_engine", refused)
    with pytest.raises(StorageError) as caught:
        Workspace(url)
    assert "S3cretPw" not in str(caught.value)
    assert "“postgresql+psycopg://adv:***@127.0.0.1:1/x”" in str(caught.value)
