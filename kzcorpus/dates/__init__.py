"""Date expressions in Arabic news text, with exact offsets and ISO values.

:func:`find_dates` scans an article's *folded* text (the same text and
offset map as :class:`kzcorpus.arabic.FoldMap`, built faster) with a
handful of compiled patterns, tried only around "core" tokens (a four-digit
number, a month or weekday name, a calendar unit) found with ``str``
methods, so a long text costs little more than folding it:

* named dates: day (digits or an ordinal word), month (Egyptian/Gulf,
  Levantine/Iraqi and Maghreb names, Hijri months, and pairs such as
  «كانون الثاني (يناير)» or «نوفمبر/تشرين الثاني»), year, era mark,
  clock time;
* numeric dates («23.04.2024», «15/7/2022», «2022-07-15», «1436/10/5هـ»);
* years («عام 1989», «أحداث 2014», «بداية عام 2022»);
* relative calendar expressions («هذا العام», «الشهر الماضي», «مطلع
  العام», «أمس», «اليوم (الاثنين)», «يوم الأحد»).

Every value is ISO 8601 at the precision the text gives (``2022``,
``2022-01``, ``2022-01-07``, ``2022-07-15T10:29``); weeks («الأسبوع
الماضي») are not reported, nor units counted from another time the text
names («الشهر السابق», «العام التالي»).
Hijri dates carry ``hijri`` (``YYYY-MM-DD`` at their precision) and their
Gregorian equivalent in ``value`` (a Hijri month or year is given as the
Gregorian month or year holding its middle day).  Dates without a year and
relative expressions are resolved against the article's date
(:func:`article_date`): a year left out is the one putting the date nearest
the anchor («أغسطس» in a June article is the coming August, «ديسمبر» in a
January article the last one), «الماضي»/«المقبل» pick the previous/next
such month; a weekday is the nearest day of that name («الأحد الماضي» the
previous, «الأحد المقبل» the next); «اليوم (الاثنين)» is the Monday within
five days before or one day after the article's date, which corrects a
crawl date a few days late; a date after «منذ», or with a past-tense verb
in its clause (:mod:`~kzcorpus.dates.tense`), is the last one on or before
the anchor.  A Hijri month with «القادم»/«المقبل» is its next
occurrence after the anchor, with «الماضي» the last one before it.  An
inferred article date is a lower bound, so a year left out is its year.
When no anchor is known they are still reported, with ``value`` ``None``
and ``anchor_source`` ``"unknown"``.  When the anchor is coarser than the
expression (a month-level article date and «أمس» or «اليوم الاثنين») the
value is given at the anchor's precision and ``anchor_source`` says so with
a ``:coarse`` suffix (``"metadata:coarse"``, ``"inferred:coarse"``).

The text itself gives some years: «سبتمبر من السنة نفسها» takes the year
of the last date before it with a written year; the ends of a range
(«من أكتوبر إلى فبراير», «بين سبتمبر ويناير الماضيين») are placed in
order, from a written year on one end, else a qualifier on one end, else
nearest the anchor.  A year range sharing one era mark («1421/ 1422هـ») is
Hijri on both sides, and a year with no era mark in the Hijri window
(1380 AH up to ten years past the article's Hijri year, in an article
dated after 1900) is Hijri: «عام 1432» in a 2015 Saudi article is 2011.

Not reported: durations («لمدة 30 يوماً»), counts, percentages, «6,2
مليون», a lone number outside a year's context, a bare number (or number
range) followed by a unit or counted noun («2000 كلم», «1920 عينة»,
«(1200 - 1900) ريال») or after an amount's words («أكثر من 2000», «نحو
1950»), «مارس» the verb (an
ambiguous month name alone needs «في», «شهر», «منذ» ... before it),
«اليوم» alone (often "nowadays"), days counted from another event
(«اليوم التالي», «العام التالي»).

Only the standard library and kzcorpus are imported at module level; ``hijridate`` is
imported when a Hijri date is met.

The package, module by module: :mod:`~kzcorpus.dates.words` (word lists),
:mod:`~kzcorpus.dates.patterns` (regular expressions),
:mod:`~kzcorpus.dates.scan` (the one scan per article) and
:mod:`~kzcorpus.dates.candidates` (what matches say), with
:mod:`~kzcorpus.dates.clock` (clock times beside a day) and
:mod:`~kzcorpus.dates.daywords` (weekday names and «غدا» that are something else),
:mod:`~kzcorpus.dates.calendar` (Hijri/Gregorian, resolution),
:mod:`~kzcorpus.dates.anchor` (the article's date),
:mod:`~kzcorpus.dates.ranges`, :mod:`~kzcorpus.dates.find`
(:func:`find_dates`), :mod:`~kzcorpus.dates.timeline`,
:mod:`~kzcorpus.dates.records`.  Scoring against gold is in
:mod:`kzcorpus.evaluation.dates`.
"""

from kzcorpus.dates.anchor import article_date, normalise_date
from kzcorpus.dates.find import find_dates
from kzcorpus.dates.records import FIELDS, KINDS, ArticleDate, DateMention, Kind
from kzcorpus.dates.timeline import bars, chronological, in_range, timeline, timeline_rows

__all__ = [
    "FIELDS",
    "KINDS",
    "ArticleDate",
    "DateMention",
    "Kind",
    "article_date",
    "bars",
    "chronological",
    "find_dates",
    "in_range",
    "normalise_date",
    "timeline",
    "timeline_rows",
]
