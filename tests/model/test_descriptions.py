"""The JSON schema editors show is in French: every model described in French, and a
model added without its French description is caught."""

import json
import re

import pytest
from pydantic import BaseModel

from fiche_pays.cli import main
from fiche_pays.loader.load import ROOTS
from fiche_pays.model.descriptions import DESCRIPTIONS, UntranslatedSchema, json_schema

ENGLISH = re.compile(r"\b(the|of|and|with|when|which|its|an)\b")


@pytest.mark.parametrize("kind", list(ROOTS))
def test_every_description_of_the_schema_is_french(kind, capsys):
    assert main(["schema", "--type", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                found.append(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert len(found) > 50
    english = [d for d in found if ENGLISH.search(re.sub(r"«[^»]*»|\"[^\"]*\"", "", d))]
    assert english == []
    described = {k for k, v in schema["$defs"].items() if "description" in v}
    assert all(schema["$defs"][k]["description"] == DESCRIPTIONS[k] for k in described)
    assert schema["description"].startswith("Fiche « ")


def test_a_model_without_its_french_description_is_caught():
    class Inner(BaseModel):
        """An English docstring."""

        x: int = 0

    class Root(BaseModel):
        inner: Inner

    with pytest.raises(UntranslatedSchema, match="Inner"):
        json_schema(Root, "relations")


def test_no_description_is_left_unused():
    used = set()
    for kind, root in ROOTS.items():
        used |= {
            k for k, v in json_schema(root, kind).get("$defs", {}).items() if "description" in v
        }
    assert set(DESCRIPTIONS) == used
