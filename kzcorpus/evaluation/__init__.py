"""Scoring extractors against gold annotations (seeds, dev and holdout sets); not used by the commands."""
