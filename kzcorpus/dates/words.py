"""The words dates are made of, loaded from ``kzcorpus/data/lists/dates_*.txt``.

Every table is folded (:func:`kzcorpus.lexicon.norm`: أ إ آ → ا, ة → ه,
ى → ي, no diacritics).  A numbered list holds ``WORDS NUMBER`` per line
(«كانون الثاني 1», «الماضي -1»); a word given twice is an error.
"""

from __future__ import annotations

from kzcorpus import lexicon


def numbered(name: str) -> dict[str, int]:
    """List *name* of ``WORDS NUMBER`` lines as folded words → number."""
    out: dict[str, int] = {}
    for entry in lexicon.entries(name):
        words, number = entry.rsplit(None, 1)
        key = lexicon.norm(words)
        if key in out:
            raise ValueError(f"{name}: «{words}» is listed twice")
        out[key] = int(number)
    return out


#: Gregorian month names, every system, folded → month number.
GREGORIAN_MONTHS = numbered("dates_months_gregorian")
#: Month names that are also ordinary words: alone they need context.
AMBIGUOUS_MONTHS = lexicon.folded("dates_ambiguous_months")
#: Hijri months, folded → month number.
HIJRI_MONTHS = numbered("dates_months_hijri")
#: Ordinal day words (folded) → day number.
ORDINAL_DAYS = numbered("dates_ordinal_days")
#: Weekdays (folded) → ``date.weekday()`` number.
WEEKDAYS = numbered("dates_weekdays")
#: Qualifiers after a relative unit or a month: offset in that unit.
QUALIFIERS = numbered("dates_qualifiers")
#: Words before a period that are part of the date span («مطلع العام»).
PERIOD_MODIFIERS: tuple[str, ...] = tuple(lexicon.norm(w) for w in lexicon.entries("dates_period_modifiers"))
#: Words after which a lone year or an ambiguous month name is a date.
YEAR_CONTEXT = lexicon.folded("dates_year_context")
MONTH_CONTEXT = YEAR_CONTEXT - lexicon.folded("dates_not_month_context")
#: Nouns before «العام» that make it the adjective "general" («المدير العام السابق»).
GENERAL_NOUNS = lexicon.folded("dates_general_nouns")
#: Units and counted nouns: a bare number directly before one is an amount.
UNIT_WORDS = lexicon.folded("dates_units")
#: Nouns after which a number is an identifier («رقم (2022)», «القرار 2216»).
NUMBER_NOUNS = lexicon.folded("dates_number_nouns")
#: Verbs after which a weekday is the day something was said or done.
REPORTING_VERBS = lexicon.folded("dates_reporting_verbs")

#: Nouns after which a day and month are a name («مدينة السادس من أكتوبر»).
NAME_NOUNS = lexicon.folded("dates_name_nouns")
#: Words after which «الأحد», «الجمعة», «الخميس» alone are a name («مستشفى الخميس», «صلاة الجمعة»).
WEEKDAY_NAME_NOUNS = lexicon.folded("dates_weekday_name_nouns")
#: Nouns after which a month alone names an event («ثورة يناير», «حرب أكتوبر»).
MONTH_NAME_NOUNS = lexicon.folded("dates_month_name_nouns")

#: Proclitic letters (folded): و ف (conjunctions), ب ك ل (prepositions).
CONJUNCTIONS = "".join(lexicon.conjunctions())
PREPOSITIONS = "".join(lexicon.prepositions())
CLITIC_CHARS = CONJUNCTIONS + PREPOSITIONS


def norm_key(s: str) -> str:
    """A matched name as a table key: white space collapsed."""
    return " ".join(s.split())
