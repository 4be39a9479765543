"""fiche-pays: country briefing data (YAML) -> official-style PDF and Word documents.

The pipeline, one call each::

    from fiche_pays import load, compose, render, load_theme
    fiche = load("data/kazakhstan.yaml")          # validated model; DataError if not
    theme = load_theme("officiel")
    document = compose(fiche, theme.wording())     # renderer-neutral document tree
    render(document, "pdf", "kazakhstan.pdf", theme)
    render(document, "docx", "kazakhstan.docx", theme)
"""

__version__ = "0.1.0"

from .compose import compose
from .load import load
from .problems import DataError, Problem
from .render import render
from .theme import load_theme

__all__ = ["DataError", "Problem", "__version__", "compose", "load", "load_theme", "render"]
