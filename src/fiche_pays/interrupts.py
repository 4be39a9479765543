"""Stopping cleanly on Ctrl-C, `kill` or a closed terminal.

The program's process turns SIGINT, SIGTERM and SIGHUP into :class:`Interrupted`, an
exception the build catches to stop its workers, put in place the documents already
finished and remove its temporary files. Sections that must not be cut in the middle
(moving documents and writing the manifest) run inside :func:`deferred`: a signal that
arrives there takes effect when the section ends. Worker processes ignore the three
signals (the parent decides and kills them) and die with the parent if it is killed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_NAMES = {"SIGINT": "Ctrl-C", "SIGTERM": "SIGTERM", "SIGHUP": "fermeture du terminal"}


class Interrupted(KeyboardInterrupt):
    """A stop asked by a signal; ``exit_code`` follows the shell's 128 + signal number."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = signum
        self.report: Any = None  # what a build had done when it stopped

    @property
    def exit_code(self) -> int:
        """130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
        return 128 + self.signum

    @property
    def cause(self) -> str:
        """The signal in words: "Ctrl-C", "SIGTERM"…"""
        name = signal.Signals(self.signum).name
        return _NAMES.get(name, name)


_depth = 0  # > 0 inside deferred()
_pending: int | None = None


def _handler(signum: int, frame: object) -> None:
    global _pending
    if _depth > 0:
        _pending = _pending or signum
        return
    raise Interrupted(signum)


def raise_if_pending() -> None:
    """Inside :func:`deferred`, stop now if a signal came (for a wait that could last)."""
    global _pending
    if _pending is not None:
        signum, _pending = _pending, None
        raise Interrupted(signum)


def install() -> Callable[[], None]:
    """Turn the stop signals into :class:`Interrupted`; return what restores the previous
    handlers. Does nothing outside the main thread (Python delivers signals there)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {s: signal.signal(s, _handler) for s in SIGNALS}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)

    return restore


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold back a stop signal until the end of the block (a section not to be cut)."""
    global _depth, _pending
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0 and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)


def in_worker(parent: int) -> None:
    """In a worker process: leave stop signals to the parent, and die if it dies."""
    for number in SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above: no orphan
        os._exit(1)
