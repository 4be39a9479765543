"""Render page 1 of the Kazakhstan PDF and DOCX (officiel) to small PNGs for the README.

Needs Debian's poppler-utils (pdftoppm) and libreoffice-writer (for the DOCX).
Run from the repository root: ``python tools/make_previews.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fiche_pays import compose, load, load_theme, render

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _first_page_png(pdf: Path, target: Path, dpi: int = 50) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-png",
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def _chart_png(pdf: Path, target: Path, caption: str, scale: float = 1.3) -> None:
    """Crop the trade chart (from its caption to its source line) out of a PDF page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    for page in document:
        text = page.get_textpage()
        found = text.search(caption).get_next()
        if not found:
            continue
        top = text.get_charbox(found[0])[3] + 6
        source = text.search("Source", index=found[0]).get_next()
        bottom = text.get_charbox(source[0])[1] - 6 if source else top - 300
        width, height = page.get_size()
        image = page.render(scale=scale).to_pil()
        box = (0, int((height - top) * scale), int(width * scale), int((height - bottom) * scale))
        image.crop(box).save(target)
        return
    raise RuntimeError(f"graphique introuvable dans {pdf}")


def main() -> int:
    """Write docs/apercu-<template>-{pdf,docx}.png and docs/graphique-{pdf,docx}.png."""
    for tool in ("pdftoppm", "libreoffice"):
        if shutil.which(tool) is None:
            print(f"{tool} introuvable", file=sys.stderr)
            return 1
    fiche = load(ROOT / "data" / "kazakhstan.yaml")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name in ("officiel", "sobre"):
            theme = load_theme(name)
            document = compose(fiche, theme.wording())
            pdf, docx = work / f"{name}.pdf", work / f"{name}.docx"
            render(document, "pdf", pdf, theme)
            render(document, "docx", docx, theme)
            subprocess.run(
                [
                    "libreoffice",
                    # a profile of its own: another LibreOffice running would take the job
                    f"-env:UserInstallation=file://{work / 'profil'}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo"),
                    str(docx),
                ],
                check=True,
                capture_output=True,
            )
            _first_page_png(pdf, DOCS / f"apercu-{name}-pdf.png")
            _first_page_png(work / "lo" / f"{name}.pdf", DOCS / f"apercu-{name}-docx.png")
            if name == "officiel":
                caption = "Échanges commerciaux de la France avec"
                _chart_png(pdf, DOCS / "graphique-pdf.png", caption)
                _chart_png(work / "lo" / f"{name}.pdf", DOCS / "graphique-docx.png", caption)
    return 0


if __name__ == "__main__":
    sys.exit(main())
