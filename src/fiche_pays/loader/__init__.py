"""Data files -> validated models: reading, YAML with positions, French messages."""
