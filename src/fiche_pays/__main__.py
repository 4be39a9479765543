"""`python -m fiche_pays` and the `fiche-pays` command start here."""

import contextlib
import os
import signal
import sys


def _quiet_stop(signum: int, frame: object) -> None:
    # Before the command line's own handlers (imports) or after them (exit): nothing to
    # clean, no traceback, the shell's exit code. ASCII for any terminal. The process
    # exits here rather than raising SystemExit: raised inside a callback whose exceptions
    # Python ignores (a module lock's weakref callback, mid-import), the exception was
    # printed with a traceback and the stop lost.
    os.write(2, b"fiche-pays : interrompu\n")
    for stream in (sys.stdout, sys.stderr):  # what main() printed before the stop
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(128 + signum)


def run() -> None:
    """Handle stop signals from the first instant to the last, around the command line."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _quiet_stop)
    from .cli import main  # ~0.1 s of imports, during which Ctrl-C exits quietly

    sys.exit(main())  # main() restores _quiet_stop when it returns


if __name__ == "__main__":
    run()
