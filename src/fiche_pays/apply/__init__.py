"""``fiche-pays apply``: edits made in Word come back into the data file.

:mod:`.record` and :mod:`.reading` read the DOCX (what fiche-pays wrote, what the
reviewer left), :mod:`.reverse` runs the pipeline backwards field by field (with
:mod:`.diffing` and :mod:`.forms`), :mod:`.engine` writes the data file through
:mod:`.yamledit`, and :mod:`.report` words the outcome.
"""
