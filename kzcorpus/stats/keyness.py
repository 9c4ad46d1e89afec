"""Keyness measures (the lists themselves: :mod:`kzcorpus.keywords`).

``g2`` is Dunning's log-likelihood ``2 * (a*ln(a/E1) + b*ln(b/E2))`` with
``E1 = c*(a+b)/(c+d)`` and ``E2 = d*(a+b)/(c+d)`` (``a``, ``b``: the word's
count in the target and in the reference; ``c``, ``d``: their token
totals).  ``log_ratio`` is Hardie's effect size ``log2((a/c) / (b/d))`` (a
zero ``b`` is taken as 0.5).  Only words used more in the target than in the
reference, with ``a >= 2`` and ``g2 >= 3.84`` (p < 0.05, one degree of
freedom), are listed, by ``g2`` (:class:`kzcorpus.keywords.KeyTable`).
"""

from __future__ import annotations

import math

#: G2 for p < 0.05 with one degree of freedom.
G2_CRITICAL = 3.84
KEYNESS_MIN_COUNT = 2


def g2(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood for a word seen *a* times in *c* tokens and
    *b* times in *d* tokens."""
    if c <= 0 or d <= 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    out = 0.0
    if a:
        out += a * math.log(a / e1)
    if b:
        out += b * math.log(b / e2)
    return 2 * out


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's Log Ratio: ``log2((a/c) / (b/d))``, a zero *b* taken as 0.5."""
    return math.log2((a / c) / ((b if b else 0.5) / d))
