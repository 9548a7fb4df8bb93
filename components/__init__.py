"""UI pieces of the dashboard: one module each, thin, no data logic."""
