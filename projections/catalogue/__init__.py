"""The catalogue read model: one row per series and per meeting, for the public pages."""
