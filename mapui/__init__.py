"""What both front ends (the dashboard's ``components`` and ``static_site``) share, free of Streamlit:
the palette, the interface catalogue and the map's browser code with its load order."""
