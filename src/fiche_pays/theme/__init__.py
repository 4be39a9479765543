"""Templates: the look of the documents as data (``templates/<name>/``).

:mod:`.style` holds what the writers read (plain data, no validation library);
:mod:`.load` reads and checks a template folder. Import them explicitly: this package
imports nothing, so that a writer never loads the YAML reader or Pydantic.
"""

DEFAULT_TEMPLATE = "officiel"
