"""The project's command line, ``frontlines``: the library's commands and the front ends' together.

Layers (checked by import-linter, see pyproject.toml): ``geo`` (the library) ← ``mapui`` (what both
front ends share, free of Streamlit) ← ``components`` (the dashboard's pieces) and ``static_site``
← ``dashboard.py`` and this package.
"""
