"""Strawberry types: built from rows with `from_row`, never ORM objects."""
