"""Print a tagged PDF's structure tree with what poppler's ``pdfinfo -struct-text`` does not
show: the alternative text of figures (/Alt), table summaries, header-cell scopes, list
numbering, link descriptions (/Contents of their annotations) and each element's number
of marked-content sequences.

Usage (pikepdf comes with the test dependencies, ``pip install -e '.[test]'``)::

    python tools/pdf_structure.py output/kazakhstan.pdf [--roles Figure,TH,Table]
"""

from __future__ import annotations

import argparse

import pikepdf
from pikepdf import Array, Dictionary, Name


def _attributes(element: Dictionary) -> list[str]:
    shown = []
    for key in ("/Alt", "/ActualText", "/Lang", "/T"):
        if key in element:
            shown.append(f'{key[1:]}="{element[key]}"')
    owners = element.get("/A", Array())
    for owner in owners if isinstance(owners, Array) else [owners]:
        for key, value in owner.items():
            if key != "/O":
                if isinstance(value, Array):
                    shown.append(f"{key[1:]}={[float(v) for v in value]}")
                elif key == "/Summary":
                    shown.append(f'{key[1:]}="{value}"')
                else:
                    shown.append(f"{key[1:]}={value}")
    return shown


def show(element: Dictionary, depth: int, roles: set[str] | None) -> None:
    """Print ``element`` and its kids, indented by depth."""
    kids = element.get("/K", Array())
    kids = kids if isinstance(kids, Array) else [kids]
    marked = sum(isinstance(k, int) or k.get("/Type") == Name.MCR for k in kids)
    links = [
        str(k.Obj.Contents)
        for k in kids
        if isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR and "/Contents" in k.Obj
    ]
    role = str(element.S)[1:]
    if roles is None or role in roles:
        details = _attributes(element) + [f'annotation="{text}"' for text in links[:1]]
        suffix = f" ({marked} MCID)" if marked else ""
        indent = "  " * depth if roles is None else ""
        print(indent + role + suffix + ("  " + "  ".join(details) if details else ""))
    for kid in kids:
        if isinstance(kid, Dictionary) and "/S" in kid:
            show(kid, depth + 1, roles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf")
    parser.add_argument("--roles", help="only these structure types, separated by commas")
    args = parser.parse_args()
    roles = set(args.roles.split(",")) if args.roles else None
    with pikepdf.open(args.pdf) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            raise SystemExit(f"{args.pdf} : PDF non balisé (pas d'arbre de structure)")
        top = root.K
        for element in top if isinstance(top, Array) else [top]:
            show(element, 0, roles)


if __name__ == "__main__":
    main()
