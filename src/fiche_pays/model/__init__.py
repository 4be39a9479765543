"""The data formats of the fiches, as Pydantic models, and their cross-field checks."""
