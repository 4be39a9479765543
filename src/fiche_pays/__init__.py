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

# The public API is imported on first use (PEP 562): importing a writer imports this
# package first, and it must not drag in the loader, the model or the composer.
_API = {
    "compose": ("fiche_pays.composer", "compose"),
    "load": ("fiche_pays.loader.load", "load"),
    "render": ("fiche_pays.writers", "render"),
    "load_theme": ("fiche_pays.theme.load", "load_theme"),
    "DataError": ("fiche_pays.problems", "DataError"),
    "Problem": ("fiche_pays.problems", "Problem"),
}


def __getattr__(name: str) -> object:  # no typing import: the command starts faster
    if name not in _API:
        raise AttributeError(f"module 'fiche_pays' has no attribute {name!r}")
    import importlib

    module, attribute = _API[name]
    return getattr(importlib.import_module(module), attribute)


__all__ = ["DataError", "Problem", "__version__", "compose", "load", "load_theme", "render"]
