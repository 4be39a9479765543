"""The output folder, shared by builds that may run at the same time.

Two builds into one folder (a scheduled CI run and a push, two colleagues on a shared
drive) must not hurt each other:

- each build works in its own temporary folder, ``.fiche-pays-tmp-*``, and holds a lock
  on it (``flock``) for as long as it, or one of its workers, lives; the kernel drops the
  lock when they die, however they die. A build removes only its own temporary folder
  and those whose lock is free, that is, provably abandoned;
- moving finished documents into place and updating the manifest happen under the
  folder's lock (``.fiche-pays.lock``), so that each build merges its entries into the
  manifest the other one wrote, and the manifest describes what is on disk.

Where the system has no ``flock`` (Windows), builds still never remove another build's
temporary folder; only the lock-free merge is lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from . import interrupts

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TEMP_PREFIX = ".fiche-pays-tmp-"
LOCK_NAME = ".fiche-pays.lock"
_TEMP_LOCK = ".verrou"  # inside a temporary folder: held while its build lives
_WAIT_NOTICE_S = 0.5  # say that we wait only when the wait is noticeable
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_lock(path: Path) -> int:
    """Open (creating it) a lock file; never through a symbolic link planted there."""
    try:
        return os.open(path, _FLAGS, 0o666)
    except PermissionError:  # a colleague's lock file: locking needs no write access
        return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock without waiting; False when someone holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
            return True  # a file system without locks: work as if alone
        raise


class OutputFolder:
    """The output folder: its lock, and this build's private temporary folder."""

    def __init__(self, path: Path, notify: Callable[[str], None] | None = None):
        self.path = path
        self.notify = notify
        self.temp: Path | None = None
        self._temp_fd: int | None = None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock; wait for another build that holds it, saying so."""
        fd = _open_lock(self.path / LOCK_NAME)
        try:
            if not _try_lock(fd):
                start = time.monotonic()
                noticed = False
                while not _try_lock(fd):
                    if not noticed and time.monotonic() - start > _WAIT_NOTICE_S:
                        noticed = True
                        if self.notify:
                            self.notify(
                                f"en attente : une autre construction écrit dans {self.path} "
                                f"({_holder(fd)}) ; reprise dès qu'elle a fini de mettre "
                                "ses documents en place"
                            )
                    interrupts.raise_if_pending()  # Ctrl-C while waiting: stop waiting
                    time.sleep(0.02)
            with contextlib.suppress(OSError):  # who holds it, for the message above
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"PID {os.getpid()}\n".encode(), 0)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def open(self) -> Path:
        """Create the folder and this build's temporary folder; remove abandoned ones."""
        self.path.mkdir(parents=True, exist_ok=True)
        with self.locked():
            clean_abandoned(self.path)
            temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.path))
            fd = _open_lock(temp / _TEMP_LOCK)
            _try_lock(fd)  # new and unknown to others: always free
        self.temp, self._temp_fd = temp, fd
        return temp

    def close(self) -> None:
        """Remove this build's temporary folder."""
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
            self.temp = None
        if self._temp_fd is not None:
            os.close(self._temp_fd)
            self._temp_fd = None


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return text or "processus inconnu"


def clean_abandoned(folder: Path) -> None:
    """Remove the temporary folders no living build holds, and manifest writes cut short.
    Call with the folder's lock held, so that no build is creating one meanwhile."""
    from .manifest import MANIFEST_NAME

    for leftover in folder.glob(TEMP_PREFIX + "*"):
        if fcntl is None:  # pragma: no cover - cannot tell a live build from a dead one
            continue
        try:
            fd = os.open(leftover / _TEMP_LOCK, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            fd = None  # made by an older version, or its build died before locking it
        except OSError:
            continue
        try:
            if fd is None or _try_lock(fd):
                shutil.rmtree(leftover, ignore_errors=True)
        finally:
            if fd is not None:
                os.close(fd)
    for leftover in folder.glob(f".{MANIFEST_NAME}.*.tmp"):
        # Manifests are written under the lock we hold: this one's writer died.
        with contextlib.suppress(OSError):
            leftover.unlink()
