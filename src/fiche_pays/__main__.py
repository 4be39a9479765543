"""`python -m fiche_pays` and the `fiche-pays` command start here."""

import os
import signal
import sys


def _quiet_stop(signum: int, frame: object) -> None:
    # Nothing started yet: nothing to clean, no traceback. ASCII for any terminal.
    os.write(2, b"fiche-pays : interrompu avant tout travail\n")
    raise SystemExit(128 + signum)


def run() -> None:
    """Handle stop signals from the first instant, then run the command line."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _quiet_stop)
    from .cli import main  # ~0.1 s of imports, during which Ctrl-C exits quietly

    sys.exit(main())


if __name__ == "__main__":
    run()
