"""bench/floor.py's smallest Streamlit page: one line of text."""

import streamlit as st

st.write("Aleppo Frontlines")
