"""The static site: the map, its panel and its data as plain files any web server can serve.

It is a front end of its own beside the dashboard's ``components/``: it imports the library
(``geo``) and the pieces both front ends share (``mapui``), never Streamlit or ``components``.
"""
