"""Writing to a terminal, a file or a pipe without ever failing because of it.

- A reader that goes away (``fiche-pays schema | head``, a closed terminal) is not an
  error: the rest of the output goes nowhere and the command finishes its work and its
  exit code.
- An output that cannot show accents (``PYTHONIOENCODING=ascii``, an old console) gets
  the letters without their accents ("ecrit", "Mise a jour") and « » as ", instead of
  a crash after the documents were written.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any, TextIO

_ERRORS = "fiche-pays-plain"
_PLAIN = {
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "—": "-",
    "–": "-",
    "−": "-",
    "…": "...",
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "ß": "ss",
    "→": "->",
}


def _plain(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the nearest plain characters the output can show."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = []
    for char in error.object[error.start : error.end]:
        candidate = _PLAIN.get(char)
        if candidate is None:
            decomposed = unicodedata.normalize("NFKD", char)
            candidate = "".join(c for c in decomposed if not unicodedata.combining(c))
        if unicodedata.category(char) == "Zs":
            candidate = " "
        try:
            candidate.encode(error.encoding)
        except (UnicodeError, LookupError):
            candidate = ""
        shown.append(candidate or "?")
    return "".join(shown), error.end


codecs.register_error(_ERRORS, _plain)


class SafeStream:
    """A text stream whose writes never fail for a closed pipe or a missing character."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self.reader_gone = False

    def write(self, text: str) -> int:
        """Write, or drop the text when the reader has gone."""
        try:
            return self._stream.write(text)
        except OSError:  # a closed pipe (EPIPE), a hung-up terminal (EIO)
            self._divert()
            return len(text)

    def flush(self) -> None:
        """Flush, quietly when the reader has gone."""
        try:
            self._stream.flush()
        except OSError:
            self._divert()

    def _divert(self) -> None:
        # Send what follows, and the final flush at exit, to nowhere: the reader is gone.
        self.reader_gone = True
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no file: captured
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """Make ``sys.stdout`` and ``sys.stderr`` safe for the duration of the block."""
    saved = sys.stdout, sys.stderr
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # pythonw: no console at all
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
            continue
        with contextlib.suppress(AttributeError, ValueError, LookupError):
            stream.reconfigure(errors=_ERRORS)
        setattr(sys, name, SafeStream(stream))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
