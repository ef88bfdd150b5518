"""Where a download lands: checked before the first byte, written through one resumable `.part` file beside it.

`Destination.open` refuses a directory, a missing parent or an unwritable one with `DownloadDestinationError`
before any request is sent. The bytes go to `.<name>.download.part` in the destination's directory (mode
0666 minus the umask, like any file the user's process creates), locked with `flock` (not on Windows) so two
downloads to one path cannot interleave; `.<name>.download.part.json` records what a later process needs to resume it
(the total size and the server's validator). A SIGKILL leaves both behind; the next download to that
destination resumes from them with a Range request, or starts over when they do not describe the file the server
now sends. Other `.part` files of that destination (`.<name>.<random>.part`, left by earlier versions' mkstemp)
are removed.

Plain file operations only: the waits for the disk (fsync, the final rename) are the caller's, so that the
async flavor can run them in a worker thread.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

from sora_unified._errors import DownloadDestinationError

if sys.platform != "win32":
    import fcntl


class Resume:
    """What is known about the bytes already in the `.part` file: their count, the total, the validator."""

    __slots__ = ("offset", "total", "validator")

    def __init__(self, offset: int = 0, total: int | None = None, validator: str | None = None) -> None:
        self.offset = offset
        self.total = total
        self.validator = validator


class Destination:
    """The destination path, its locked `.part` file and the resume record beside it."""

    def __init__(self, target: Path, part: Path, meta: Path, fh: BinaryIO, resume: Resume, provider: str) -> None:
        self.target = target
        self.provider = provider
        self.part = part
        self.meta = meta
        self.fh = fh
        self.resume = resume
        self.committed = False

    @classmethod
    def open(cls, destination: str | os.PathLike[str], provider: str) -> Destination:
        """Check the destination and open (or reopen, to resume) its `.part` file; DownloadDestinationError."""
        target = Path(destination)
        where = str(target)
        if target.is_dir():
            raise DownloadDestinationError(f"{where} is a directory", path=where, provider=provider)
        parent = target.parent
        if not parent.is_dir():
            problem = "is not a directory" if parent.exists() else "does not exist"
            raise DownloadDestinationError(f"{parent} {problem}", path=where, provider=provider)
        # `.<name>.<word>.part`, the shape of the mkstemp names before: what watches or cleans them still matches.
        part = parent / f".{target.name}.download.part"
        meta = parent / f".{target.name}.download.part.json"
        fh = _open_locked(part, where, provider)
        _remove_legacy_parts(parent, target.name, part)
        return cls(target, part, meta, fh, _read_resume(fh, meta), provider)

    def restart(self) -> None:
        """Forget the bytes so far: the next byte written is byte 0."""
        self.fh.seek(0)
        self.fh.truncate()
        self.resume = Resume()
        with contextlib.suppress(FileNotFoundError):
            self.meta.unlink()

    def record(self, total: int, validator: str | None) -> None:
        """Write the resume record (before the body's first byte, so a kill at any point leaves a true one).

        A record that cannot be written only costs the resume after a kill: the download goes on without it.
        """
        self.resume.total, self.resume.validator = total, validator
        with contextlib.suppress(OSError):
            self.meta.write_text(json.dumps({"total": total, "validator": validator}), encoding="utf-8")

    def write(self, chunk: bytes) -> None:
        """Append one chunk; a full disk or an I/O error is a DownloadDestinationError."""
        try:
            written = self.fh.write(chunk)
            if written != len(chunk):  # an unbuffered write may be short: finish it
                view = memoryview(chunk)
                while written < len(chunk):
                    written += self.fh.write(view[written:])
        except OSError as exc:
            raise self._error(f"cannot write {self.target}: {exc.strerror}") from exc
        self.resume.offset += len(chunk)

    def commit(self) -> None:
        """Flush to disk, then rename the `.part` over the destination (blocking: the async flavor uses a thread)."""
        try:
            os.fsync(self.fh.fileno())
            with contextlib.suppress(FileNotFoundError):
                self.meta.unlink()
            if sys.platform == "win32":
                self.fh.close()  # Windows cannot rename an open file
            os.replace(self.part, self.target)
        except OSError as exc:
            raise self._error(f"cannot put the download at {self.target}: {exc.strerror}") from exc
        self.committed = True

    def _error(self, message: str) -> DownloadDestinationError:
        return DownloadDestinationError(message, path=str(self.target), provider=self.provider)

    def discard(self) -> None:
        """Release the `.part` file; unless committed, remove it and its record first (still under the lock).

        Removing before closing matters: once the lock is gone another download to the same path may create
        its own `.part`, which must not be removed by this one.
        """
        if sys.platform == "win32":
            self.fh.close()  # Windows cannot remove an open file
        if not self.committed:
            for path in (self.part, self.meta):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        self.fh.close()


def _open_locked(part: Path, where: str, provider: str) -> BinaryIO:
    """The `.part` file opened and locked, or DownloadDestinationError (unwritable, or another download holds it)."""
    for _ in range(3):
        try:
            fd = os.open(part, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as exc:
            raise DownloadDestinationError(
                f"cannot write beside {where}: {exc.strerror}", path=where, provider=provider
            ) from exc
        if not _lock(fd):
            os.close(fd)
            raise DownloadDestinationError(f"another download to {where} is in progress", path=where, provider=provider)
        try:
            same = os.stat(part).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return os.fdopen(fd, "r+b", buffering=0)
        # The holder finished and renamed this file into place between our open and our lock: open the new one.
        os.close(fd)
    raise DownloadDestinationError(f"{where} is being replaced by another download", path=where, provider=provider)


def _lock(fd: int) -> bool:
    """An exclusive lock on the open `.part` file; False when another process holds it. None on Windows."""
    if sys.platform == "win32":
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_resume(fh: BinaryIO, meta: Path) -> Resume:
    size = os.fstat(fh.fileno()).st_size
    try:
        record = json.loads(meta.read_text(encoding="utf-8"))
        total, validator = record["total"], record["validator"]
    except (OSError, ValueError, KeyError, TypeError):
        total, validator = None, None
    if size == 0 or not isinstance(total, int) or not 0 < size < total:
        fh.truncate(0)  # nothing usable to resume from
        return Resume()
    fh.seek(size)
    return Resume(size, total, validator if isinstance(validator, str) else None)


def _remove_legacy_parts(parent: Path, name: str, keep: Path) -> None:
    # Only the shape mkstemp gave (`.<name>.<random letters>.part`): `.<name>.*.part` would also match
    # the partial file of another destination whose name starts with this one (`clip.mp4.v2.mp4`).
    legacy = re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]+\.part")
    for stale in parent.glob(f".{glob.escape(name)}.*.part"):
        if stale != keep and legacy.fullmatch(stale.name):
            with contextlib.suppress(OSError):
                stale.unlink()
