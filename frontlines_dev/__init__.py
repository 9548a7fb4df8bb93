"""Helpers shared by the browser tests and the benchmarks (not part of the dashboard)."""
