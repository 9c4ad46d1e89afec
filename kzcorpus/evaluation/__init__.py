"""Scoring analyses against hand-annotated gold standards."""
