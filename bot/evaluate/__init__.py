"""Scoring the extraction engine on annotated data (`briefbot eval ...`)."""
