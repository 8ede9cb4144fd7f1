"""Files written whole or not at all: a temporary file beside the target, renamed over it."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from costready.i18n import _

#: A private file: read and written by its owner only (workspaces, backups).
PRIVATE = 0o600

#: What a writer is given: bytes, text (saved as UTF-8), or a function that writes to a file.
Content = bytes | str | Callable[[BinaryIO], object]


class FileWriteError(OSError):
    """A file could not be saved; the old one, if any, is untouched. str() is the plain message."""

    def __init__(self, path: Path, cause: OSError):
        message = _("Could not save “{file}”: {cause}").format(
            file=path.name, cause=plain_cause(cause)
        )
        super().__init__(cause.errno, message)
        self.path = path

    def __str__(self) -> str:
        return str(self.strerror)


def plain_cause(error: OSError) -> str:
    """Why a file could not be written, in words a user can act on."""
    causes = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("your disk quota is used up"),
        # Windows also refuses to replace a file another program has open (a PDF viewer)
        errno.EACCES: _("you may not write there, or the file is open in another program"),
        errno.EPERM: _("you may not write there, or the file is open in another program"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOENT: _("the folder does not exist"),
        errno.ENOTDIR: _("the folder does not exist"),
        errno.EISDIR: _("a folder has that name"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.EIO: _("the disk could not be written to"),
    }
    if error.errno in causes:
        return causes[error.errno]
    return (error.strerror or str(error)).rstrip(".")


def write_atomically(path: str | Path, content: Content, *, mode: int | None = None) -> None:
    """Save `content` as `path`: all of it, or nothing changes.

    `mode` None keeps the permissions of the file replaced (a new file gets the usual ones,
    0666 less the umask); PRIVATE for workspaces and backups. Raises FileWriteError.
    """
    with replacing(path, mode=mode) as temporary, open(temporary, "r+b") as handle:
        if isinstance(content, str):
            handle.write(content.encode("utf-8"))
        elif isinstance(content, bytes):
            handle.write(content)
        else:
            content(handle)


@contextmanager
def replacing(path: str | Path, *, mode: int | None = None) -> Iterator[Path]:
    """An empty temporary file beside `path`, renamed over it when the block ends.

    The caller writes the temporary file (by its path, so SQLite can write it too). When the
    block ends, it is flushed to the disk and renamed over `path`; if the block raises, it is
    removed and `path` is untouched. An OSError comes out as FileWriteError naming `path`.
    """
    target = Path(os.path.realpath(path))  # through a link, the file it names is replaced
    final = mode if mode is not None else _existing_mode(target)
    try:
        temporary = _create_beside(target, final)
    except OSError as error:
        raise FileWriteError(target, error) from error
    try:
        yield temporary
        _flush_to_disk(temporary)
        if final is not None:
            os.chmod(temporary, final)
        os.replace(temporary, target)
    except BaseException as error:
        with suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and not isinstance(error, FileWriteError):
            raise FileWriteError(target, error) from error
        raise
    _flush_folder(target.parent)


def _existing_mode(target: Path) -> int | None:
    """The permissions of the file being replaced; None for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return None


def _create_beside(target: Path, final: int | None) -> Path:
    """A new empty file in the target's folder.

    With a mode to end with, it is private until complete; with none (a new file the user
    saves), it gets 0666 less the umask, as any other.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, flags, 0o666 if final is None else PRIVATE)
        except FileExistsError:
            continue
        os.close(descriptor)
        if final is not None:
            os.chmod(temporary, PRIVATE)  # whatever the umask: writable by us, read by no one else
        return temporary


def _flush_to_disk(path: Path) -> None:
    """fsync: the data is on the disk before the rename makes it the file (a crash keeps one)."""
    # Windows flushes only a handle open for writing; POSIX syncs the file through any
    descriptor = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
