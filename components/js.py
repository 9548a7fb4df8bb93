"""Embedding Python values in generated JavaScript safely."""

from __future__ import annotations

from geo.payloads import script_json

js_literal = script_json  # JSON text that is also safe inside an HTML ``<script>`` element
