"""Article text versus page residue: one part per line (two when a line ends with learned boilerplate).

The articles are scraped pages.  Besides the article itself a file may hold
a tracking pixel (``fbpx``), ad and plugin shortcodes (``[ad_1]``,
``[tptn_list …]``), calls to action («… اضغط هنا»), widget headings («الأكثر
قراءة», «إقرأوا أيضاً:») with their related-post cards (byline, date, title,
excerpt), a paywall line, a source label, the title printed twice, and a
reader-comment section.  :func:`classify` gives every non-blank line of a
text (lines are split at ``\n``, numbered from 1 like KWIC's ``line``) one
*part*:

``title``
    the article's own title, found from the text alone (never from
    metadata).  Otherwise there is none.
``body``
    the article text, sub-headings and captions included.
``comment``
    the text of a reader comment (inside a comment section).
``residue``
    everything else: page furniture, widgets, the comment section's own
    furniture, a repeated title, and a line that repeats text found in a
    longer line.

How a line is classified, in order (the ``reason`` of each :class:`Part`
names the rule):

1. **Residue lines** (:data:`LINE_RULES`), wherever they stand:
   ``tracking-pixel`` (``fbpx``), ``shortcode`` (``[ad_1]``, ``[/caption]``,
   ``[tptn_list …]``), ``separator`` (``***``), ``empty-widget`` (``No
   posts``), ``read-more`` («...المزيد»), ``call-to-action`` («اضغط هنا»,
   «تابعونا على تويتر»), ``share``, ``paywall`` («لديك 85% من هذه المقالة»,
   «للمشتركين فقط»), ``source-label`` («المصدر», «المصدر: وكالات»),
   ``syndication`` («خدمة «نيويورك تايمز»», «خاص بـ«الشرق الأوسط»»),
   ``contact`` («للتواصل مع الكاتب …»), ``email-or-url``, ``byline-date``
   («name | 23.04.2024»), ``timestamp`` (a date and/or time alone),
   ``lone-number`` (1-3 digits alone: a counter), ``byline-place`` («الرياضي
   ـ جدة», only in the first four lines).
2. **Related-post blocks** (:data:`BLOCK_OPENERS`: ``most-read`` «الأكثر
   قراءة», ``related-posts`` «اقرأ أيضاً», «مواضيع ذات صلة»): the heading and
   the lines after it while they are residue or short (at most 15 words);
   after a ``byline-date`` line inside a block, the next two lines are the
   post's card (title, excerpt) whatever their length.  The first longer
   line ends the block.
3. **Comment section**: after some body text, a heading (``comments-heading``:
   «4 تعليقات», «التعليقات», «أضف تعليقاً») followed within five lines by
   comment furniture opens it; it runs to the end of the text.  Inside it,
   :data:`COMMENT_RULES` (``comment-info`` «معلومات», ``comment-login``,
   ``comment-vote`` «3. +2», ``comment-reply``) and the residue lines are
   residue; every other line is a ``comment``.
4. **Title** (``first-line-heading``): the first line not decided by 1-3,
   if :func:`looks_like_title` (2-20 words, no final full stop, colon,
   comma or ellipsis, not a list item, one sentence), a longer line follows
   it, and the next line does not continue a sentence
   (:func:`continues_sentence`: «وأضاف …», «كما …»).  Identical copies right
   after it are residue (``title-repeat``).
5. **Learned boilerplate** (:mod:`kzcorpus.boilerplate`; only with a
   model learned from a corpus, which a :class:`~kzcorpus.doc.Doc` read from
   one has): a line whose shape the outlet repeats in many of its stories is
   residue (``boilerplate``), decided together with the rules of 1 (so it
   also counts inside a block or a comment section); a learned tail label opening the
   last sentence of the last line («… رابط الخبر بصحيفة الوئام: <title>»)
   cuts that line in two: the text before it keeps its part, the tail is a
   residue part of its own (``boilerplate tail``), with the same ``line``.
   So a line has one part, or two when it ends with a tail.
6. **Repeats** (``repeat of line N``): a line of at least 8 words whose
   text (folded, punctuation ignored) is contained in a longer line, or
   equals an earlier one: a stand-first or pull quote printed again.
7. Everything else is ``body`` (reason ``text``).

Patterns are data, matched against the *folded* line
(:func:`kzcorpus.arabic.fold`; the patterns are folded the same way), so
«إضغط»/«اضغط» or «قراءة»/«قراءه» need one pattern.  Blank lines get no part.
:meth:`kzcorpus.doc.Doc.part_at` answers "which part is this offset in"
with a binary search; an offset on a blank line or a line break belongs to
the part before it.

Known limits: a first line that is a sentence without final punctuation,
followed by a line that does not look like a continuation, is taken for a
title (the text gives no other clue); a quoted verse printed twice is a
repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from kzcorpus.arabic import WORD_RE, FoldOptions, fold

if TYPE_CHECKING:
    from kzcorpus.boilerplate import Outlet
    from kzcorpus.corpus import Article

PartName = Literal["title", "body", "comment", "residue"]
PART_NAMES: tuple[PartName, ...] = ("title", "body", "comment", "residue")

#: A title has at least this many and at most this many words.
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 220
#: A line of at most this many words inside a related-posts block is part
#: of the block; a longer line ends it (unless it is a card's excerpt).
BLOCK_SHORT_WORDS = 15
#: A line must have at least this many words to count as repeating a
#: longer line (shorter repeats are ordinary phrases or sub-headings).
REPEAT_MIN_WORDS = 8

_PATTERN_FOLD = FoldOptions(case=False)  # keep \S \W \D in patterns intact


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic, folded like the text."""
    return re.compile(fold(pattern, _PATTERN_FOLD))


class Rule(NamedTuple):
    """A residue pattern: *name* is the reason reported for a matching line.

    ``whole``: the pattern must match the whole (folded, trimmed) line;
    otherwise it may match anywhere.  Either way the line has at most
    ``max_words`` words.  ``raw``: match the line as written (white space
    collapsed) instead of folded, for marks folding removes (tatweel «ـ»).
    ``head``: if not 0, only among the first ``head`` non-blank lines.
    """

    name: str
    pattern: re.Pattern[str]
    whole: bool = True
    max_words: int = 40
    raw: bool = False
    head: int = 0


def _rule(
    name: str, pattern: str, *, whole: bool = True, max_words: int = 40, raw: bool = False, head: int = 0
) -> Rule:
    return Rule(name, re.compile(pattern) if raw else _rx(pattern), whole, max_words, raw, head)


_DATE_NUM = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
    "|january|february|march|april|may|june|july|august|september|october|november|december"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|ص|م))?"
_TIMESTAMP = rf"(?:(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|{_DATE_NUM})(?:\s*[,،]?\s*{_TIME})?|{_TIME})"

#: Lines that are residue wherever they stand.
LINE_RULES: tuple[Rule, ...] = (
    _rule("tracking-pixel", r"fbpx|facebook pixel"),
    # [ad_1], [/caption], [tptn_list show_date="1" …], several in a row.
    _rule("shortcode", r"(?:\[/?[a-z][\w-]*(?:\s[^\]]*)?\]\s*)+"),
    _rule("separator", r"[*•·=_~\-–—.]{3,}"),
    _rule("empty-widget", r"no posts(?: found)?|no comments(?: yet)?|لا توجد (?:مقالات|تعليقات)|لا يوجد محتوى"),
    _rule("read-more", r"(?:\.{2,}|…)?\s*(?:المزيد|اقرأ المزيد|read more)\s*(?:\.{2,}|…)?"),
    _rule("call-to-action", r"(?:إضغط|اضغط|انقر|اضغطي)\s*(?:\((?:ي|ى|وا)\))?\s*هنا", whole=False, max_words=25),
    _rule(
        "call-to-action",
        r"(?:تابعونا|تابعوا|تابعنا|اشترك|اشتركوا|انضم|انضموا|حمل تطبيق|حملوا تطبيق)\b.*"
        r"(?:واتساب|واتس اب|تلغرام|تيليغرام|تويتر|فيسبوك|فيس بوك|يوتيوب|انستغرام|إنستغرام|النشرة|قناتنا)",
        whole=False,
        max_words=20,
    ),
    _rule(
        "share",
        r"(?:شارك|مشاركة|share)(?:\s+(?:على|عبر|on))?\s*(?:فيسبوك|فيس بوك|تويتر|واتساب|facebook|twitter|whatsapp)?"
        r"(?:\s+(?:فيسبوك|تويتر|واتساب|facebook|twitter|whatsapp))*|share this",
    ),
    _rule(
        "paywall",
        r"لديك\s*\d+\s*%\s*من هذه المقالة|للمشتركين فقط|المقالة مخصصة للمشتركين|اشترك(?:وا)? لقراءة",
        whole=False,
        max_words=30,
    ),
    _rule("source-label", r"(?:المصدر|مصدر|source)(?:\s*:\s*\S+(?:\s+\S+){0,3})?\s*:?"),
    _rule(
        "syndication",
        r"[*\-ـ\s]*(?:خدمة|خاص بـ?|بالاتفاق مع|نقلا عن)\s*[«{\"“].{1,40}[»}\"”]\s*",
    ),
    _rule("contact", r"للتواصل مع الكاتب|أرسل رسالة sms|ارسل رسالة sms", whole=False, max_words=40),
    _rule("email-or-url", r"\S+@\S+\.\w+|(?:https?://|www\.)\S+"),
    # «سامر المحمود- صحفي سوري | 23.04.2024»: a byline with a date.
    _rule("byline-date", rf"[^|\n]{{1,80}}\|\s*(?:{_TIMESTAMP})", max_words=14),
    _rule("timestamp", _TIMESTAMP),
    # «4» alone on a line: a comment or share counter (longer numbers may
    # be a table of figures, which is content).
    _rule("lone-number", r"[+-]?\d{1,3}"),
    # «الرياضي ـ جدة», «عبدالكريم الحمد - الرياض», «حوار - حاتم البراهيم»:
    # writer (or paper) and place, in the first four lines (further down,
    # «ساعة ذرية - شمسية» is a sub-heading).  Matched unfolded: folding
    # drops «ـ».
    _rule(
        "byline-place",
        r"[^\W\d_][\w\s.]{0,40}?(?:\s[\u0640\-–]\s?|[\u0640\-–]\s)[^\W\d_]\w*(?:\s\w+)?",
        max_words=6,
        raw=True,
        head=4,
    ),
)

#: Widget headings that open a block of related posts (residue).
BLOCK_OPENERS: tuple[Rule, ...] = (
    _rule("most-read", r"(?:الأكثر|الاكثر)\s+(?:قراءة|مشاهدة|تداولا|تعليقا)\s*:?"),
    _rule(
        "related-posts",
        r"(?:إقرأ|اقرأ|إقرأوا|اقرأوا|إقرئي|اقرئي|اقرا|اقراوا)\s+(?:أيضا|ايضا)\s*[:.]?"
        r"|(?:مواضيع|أخبار|اخبار|مقالات|قصص)\s+(?:ذات صلة|متعلقة|مشابهة)\s*:?"
        r"|قد يهمك(?:\s+(?:أيضا|ايضا))?\s*:?|(?:related|recommended)(?: posts| articles| stories)?\s*:?",
    ),
)

#: A line that opens the reader-comment section.
COMMENTS_OPENER = _rule(
    "comments-heading",
    r"(?:\d+\s+)?(?:تعليقات|تعليق|التعليقات|تعليقان|comments?)(?:\s*\(\d+\))?\s*:?"
    r"|(?:أضف|اضف|اترك|أترك|أكتب|اكتب)\s+(?:تعليقا|تعليقك|تعليق|ردا)\s*:?|leave a (?:comment|reply)",
)

#: Furniture of a comment section; any other line there is a comment.
COMMENT_RULES: tuple[Rule, ...] = (
    _rule("comment-info", r"معلومات|information|info"),
    _rule(
        "comment-login",
        r"(?:يجب عليك|عليك|يرجى|الرجاء)\s*(?:\S+\s+){0,3}(?:دخول|الدخول|تسجيل)|من أجل ترك تعليق|log ?in to (?:comment|reply)",
        whole=False,
        max_words=30,
    ),
    _rule("comment-vote", r"\d+\.\s*[+-]?\d+|[+-]\d+"),
    _rule("comment-reply", r"رد|الرد|ردا|reply|إبلاغ|ابلاغ|report|أعجبني|اعجبني|like"),
)

_ALL_RULES = (*LINE_RULES, *BLOCK_OPENERS, COMMENTS_OPENER, *COMMENT_RULES)
#: No rule matches a line of more words than this (each has ``max_words``).
_RULE_MAX_WORDS = max(r.max_words for r in _ALL_RULES)
#: Rules matched against the text as written: the most words and the
#: first lines they look at (every line when one has no ``head``).
_RAW_MAX_WORDS = max((r.max_words for r in _ALL_RULES if r.raw), default=0)
_RAW_HEAD = max((r.head or 1 << 30 for r in _ALL_RULES if r.raw), default=0)

_BULLET_RE = re.compile(r"^(?:[*•◦▪►\-–—]|\d{1,3}\s*[.)\-–]\s)")
_TITLE_END_RE = re.compile(r"[.:،,;؛]$")
_CLOSERS = "\"'»”’)]}"
_MULTI_SENTENCE_RE = re.compile(r"\w[.!?؟]\s+\w")
_NORM_RE = re.compile(r"[^\w]+|_")
_ELLIPSIS_END_RE = re.compile(r"(?:\.\.|…)[!?؟]*$")

#: Words that open a sentence continuing the one before: a line starting
#: with one of them cannot follow a title directly.  Reporting verbs and
#: particles with the conjunction و/ف, and connectives.
CONTINUATION_OPENERS = (
    "وقال وأضاف وأوضح وأكد وأشار وتابع وذكر ولفت ونوه وبين وشدد وأفاد وكشف وأعلن واعتبر ورأى ولفتت وقالت وأضافت"
    " وأوضحت وأكدت وأشارت وتابعت وذكرت وكشفت وأعلنت"
    " وفي ومن وعلى وإلى وعن وقبل وبعد وبغض وبينما وفيما وحيث وقد ولم ولن ولا وكان وكانت وهو وهي وهذا وهذه وذلك"
    " وتلك وإن وأن ولكن ولعل وبالتالي وعليه ثم فقد فإن فلم كما لكن إلا بل أي"
).split()
_CONTINUATION_RE = re.compile(r"(?:" + "|".join(re.escape(fold(w)) for w in CONTINUATION_OPENERS) + r")(?!\w)")


@dataclass(frozen=True)
class Part:
    """One non-blank line: ``text[start:end]`` is the line without its
    surrounding white space; ``line`` is 1-based."""

    line: int
    start: int
    end: int
    part: PartName
    reason: str
    #: Its words as written (:data:`~kzcorpus.arabic.WORD_RE` tokens), found
    #: while classifying (``None`` for a part made elsewhere).
    surfaces: list[str] | None = field(default=None, compare=False, repr=False)

    @property
    def words(self) -> int | None:
        """How many words it holds (``None`` when :attr:`surfaces` is unknown)."""
        return None if self.surfaces is None else len(self.surfaces)

    def record(self, text: str | None = None) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "part": self.part,
            "reason": self.reason,
        }
        if text is not None:
            rec["text"] = text[self.start : self.end]
        return rec


#: The brief's name for the line records.
class _Raw(NamedTuple):
    nth: int  # among non-blank lines, from 0
    line: int
    start: int
    end: int
    folded: str  # folded, white space collapsed (not collapsed past _RULE_MAX_WORDS words)
    words: int
    plain: str  # as written, white space collapsed (only where a raw rule may match, else "")
    surfaces: list[str]  # its words as written (WORD_RE)


def _lines(text: str, folded: str | None = None) -> Iterator[_Raw]:
    """Non-blank lines split at ``\n`` only, so that line numbers agree with
    :class:`kzcorpus.arabic.LineIndex` (KWIC's ``line``).

    A line longer than every rule's ``max_words`` is never matched against
    a rule, so its folded text is left as folded (not collapsed) and its
    ``plain`` text is not made: a long paragraph costs one word count."""
    pos = 0
    count = -1
    # Folding never adds or removes a line break, so the text is folded once
    # (by the caller, usually :class:`kzcorpus.doc.Doc`) and cut into the same lines.
    folded_lines = (fold(text) if folded is None else folded).split("\n")
    for n, raw in enumerate(text.split("\n"), 1):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        count += 1
        surfaces = WORD_RE.findall(text, start, end)
        words = len(surfaces)
        fline = folded_lines[n - 1]
        if words > _RULE_MAX_WORDS:
            yield _Raw(count, n, start, end, fline, words, "", surfaces)
            continue
        plain = " ".join(text[start:end].split()) if words <= _RAW_MAX_WORDS and count < _RAW_HEAD else ""
        yield _Raw(count, n, start, end, " ".join(fline.split()), words, plain, surfaces)


def _match(rule: Rule, raw: _Raw) -> bool:
    if raw.words > rule.max_words or (rule.head and raw.nth >= rule.head):
        return False
    s = raw.plain if rule.raw else raw.folded
    if rule.whole:
        return rule.pattern.fullmatch(s) is not None
    return rule.pattern.search(s) is not None


def _first(rules: Sequence[Rule], raw: _Raw) -> str | None:
    if raw.words > _RULE_MAX_WORDS:
        return None
    for rule in rules:
        if _match(rule, raw):
            return rule.name
    return None


#: A comment heading must be followed, within this many lines, by comment
#: furniture (a time stamp, a vote score, «معلومات», a login notice): a
#: sub-heading «التعليقات» in an article does not open a comment section.
COMMENT_LOOKAHEAD = 5
_FURNITURE = (*COMMENT_RULES[:3], *(r for r in LINE_RULES if r.name == "timestamp"))


def _comment_furniture_follows(raws: Sequence[_Raw], i: int) -> bool:
    return any(_first(_FURNITURE, raw) for raw in raws[i + 1 : i + 1 + COMMENT_LOOKAHEAD])


def looks_like_title(line: str) -> bool:
    """Whether *line* reads as a heading rather than a sentence of the body.

    A heading has 2-20 words and at most 220 characters, does not start
    like a list item (``*``, ``-``, ``1.``), does not end with ``.``, ``:``,
    ``،``, ``;`` or an ellipsis (``..``, ``…``, also before ``!``/``?``;
    a plain ``?`` or ``!`` is allowed) and holds no sentence break
    (``word. word``).
    """
    s = line.strip()
    words = sum(1 for _ in WORD_RE.finditer(s))
    if not (TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS) or len(s) > TITLE_MAX_CHARS:
        return False
    if _BULLET_RE.match(s):
        return False
    tail = s.rstrip(_CLOSERS).rstrip()
    if _TITLE_END_RE.search(tail) or _ELLIPSIS_END_RE.search(tail):
        return False
    return _MULTI_SENTENCE_RE.search(s) is None


def continues_sentence(line: str) -> bool:
    """Whether *line* opens like the continuation of a previous sentence
    («وأوضح …», «وقبل أن …», «كما …»): the line before it is then body
    text, not a title.  The openers are :data:`CONTINUATION_OPENERS`."""
    return _CONTINUATION_RE.match(fold(line.strip())) is not None


def _norm(folded: str) -> str:
    return " ".join(_NORM_RE.sub(" ", folded).split())


#: How many pieces after each of its three probe points a line's probe
#: word is looked for in.
_PROBE_TRIES = 6


def _inner_words(folded: str) -> tuple[str, ...]:
    """Words of at least 4 letters found from a third, a half and two thirds
    of *folded* on, each a whole word of ``_norm(folded)`` with a word
    before and after it (``()`` when none is found): a line whose normal
    form holds ``_norm(folded)`` holds each of them as written.  A word is
    a piece between two spaces for which ``str.isalnum`` holds, i.e. all
    ``[^\\W_]``, the letters ``_NORM_RE`` keeps."""
    n = len(folded)
    out: list[str] = []
    for at in (n // 3, n // 2, 2 * n // 3):
        s = folded.find(" ", at)
        for _ in range(_PROBE_TRIES):
            e = folded.find(" ", s + 1) if s >= 0 else -1
            if e < 0:
                break
            word = folded[s + 1 : e]
            if len(word) >= 4 and word.isalnum() and word not in out:
                after = folded.find(" ", e + 1)
                before = folded[folded.rfind(" ", 0, s) + 1 : s]
                if before.isalnum() and folded[e + 1 : after if after >= 0 else n].isalnum():
                    out.append(word)
                    break
            s = e
    return tuple(out)


def classify(source: Article | str, folded: str | None = None, boilerplate: Outlet | None = None) -> list[Part]:
    """Classify every non-blank line of an article (or a text).

    *source* is an :class:`~kzcorpus.corpus.Article` or a ``str``; only the
    text is used (metadata never decides anything here).  *folded* is
    ``fold(text)`` when the caller has it already (a :class:`~kzcorpus.doc.Doc`
    does), so the text is not folded again.  *boilerplate* is the outlet's
    learned boilerplate (:mod:`kzcorpus.boilerplate`; a
    :class:`~kzcorpus.doc.Doc` picks its source's): its lines are residue
    (reason ``boilerplate``), and a tail it recognises at the end of the
    last line is cut off as a residue part of its own (``boilerplate tail``).
    """
    text: str = source if isinstance(source, str) else source.text
    raws = list(_lines(text, folded))
    decided: list[tuple[PartName, str] | None] = [None] * len(raws)
    learned, tail = _learned(text, raws, boilerplate)

    # 1. Residue lines, related-post blocks, the comment section.
    block: str | None = None  # the opener's name while in a related block
    card = 0  # lines of a related-post card still to come after its byline
    comments = False
    seen_body = False
    for i, raw in enumerate(raws):
        if comments:
            name = _first(COMMENT_RULES, raw) or _first(LINE_RULES, raw) or learned.get(i)
            decided[i] = ("residue", name) if name else ("comment", "comment-section")
            continue
        if seen_body and _match(COMMENTS_OPENER, raw) and _comment_furniture_follows(raws, i):
            comments = True
            block = None
            decided[i] = ("residue", COMMENTS_OPENER.name)
            continue
        opener = _first(BLOCK_OPENERS, raw)
        if opener:
            block, card = opener, 0
            decided[i] = ("residue", opener)
            continue
        name = _first(LINE_RULES, raw) or learned.get(i)
        if block is not None:
            if name == "byline-date":
                card = 2  # the post's title, then its excerpt
                decided[i] = ("residue", f"{block}: card byline")
                continue
            if card:
                card -= 1
                decided[i] = ("residue", f"{block}: card {'title' if card else 'excerpt'}")
                continue
            if name or raw.words <= BLOCK_SHORT_WORDS:
                decided[i] = ("residue", f"{block}: {name}" if name else block)
                continue
            block = None
        if name:
            decided[i] = ("residue", name)
            continue
        seen_body = True

    # 2. The title: the first line left, if it looks like one and a longer
    #    line follows.  Copies of it directly after it are residue.
    rest = [i for i, d in enumerate(decided) if d is None]
    if rest:
        first = rest[0]
        line = text[raws[first].start : raws[first].end]
        # A copy holds every whole word of the first line as written, which
        # is cheaper to test than normalising both.
        whole = [w for w in raws[first].folded.split() if w.isalnum()]
        key = None
        copies = []
        for i in rest[1:]:
            if not all(w in raws[i].folded for w in whole):
                break
            key = key or _norm(raws[first].folded)
            if _norm(raws[i].folded) != key:
                break
            copies.append(i)
        after = rest[1 + len(copies) :]
        if (
            after
            and looks_like_title(line)
            and max(raws[i].words for i in after) > raws[first].words
            and not continues_sentence(text[raws[after[0]].start : raws[after[0]].end])
        ):
            decided[first] = ("title", "first-line-heading")
            for i in copies:
                decided[i] = ("residue", "title-repeat")

    # 3. A line whose text is all found again in a longer (or a later
    #    identical) body line: a stand-first or pull quote printed twice.
    #    Normalising every line is costly, so a line is normalised only when
    #    it may hold the candidate: when it holds some inner words of the
    #    candidate (any word of the candidate's normal form but its first
    #    and last, which may be cut, is a whole word of the other's).
    cand = [i for i, d in enumerate(decided) if d is None and raws[i].words >= REPEAT_MIN_WORDS]
    undecided = [i for i, d in enumerate(decided) if d is None]
    norms: dict[int, str] = {}

    def norm(i: int) -> str:
        if i not in norms:
            norms[i] = _norm(raws[i].folded)
        return norms[i]

    for i in cand:
        probes = _inner_words(raws[i].folded)
        first_probe = probes[0] if probes else ""
        for j in undecided:
            other_folded = raws[j].folded
            if j == i or first_probe not in other_folded or not all(w in other_folded for w in probes[1:]):
                continue
            key, other = norm(i), norm(j)
            if len(other) < len(key) or (len(other) == len(key) and j > i):
                continue
            if key in other:
                decided[i] = ("residue", f"repeat of line {raws[j].line}")
                break

    out = [
        Part(raw.line, raw.start, raw.end, *(decided[i] or ("body", "text")), surfaces=raw.surfaces)
        for i, raw in enumerate(raws)
    ]
    if tail is not None and out[-1].part != "residue":
        last = out[-1]
        cut = tail
        while cut > last.start and text[cut - 1].isspace():
            cut -= 1
        tail_part = Part(
            last.line, tail, last.end, "residue", "boilerplate tail", WORD_RE.findall(text, tail, last.end)
        )
        out[-1:] = (
            [replace(last, end=cut, surfaces=WORD_RE.findall(text, last.start, cut)), tail_part]
            if cut > last.start
            else [replace(tail_part, start=last.start, surfaces=last.surfaces)]
        )
    return out


def _learned(text: str, raws: Sequence[_Raw], outlet: Outlet | None) -> tuple[dict[int, str], int | None]:
    """The outlet's boilerplate lines (index -> reason) and where a boilerplate
    tail of the last line starts (an offset into *text*; ``None``: no tail)."""
    if not outlet or not raws:
        return {}, None
    lines = {i: "boilerplate" for i, raw in enumerate(raws) if outlet.is_line(text[raw.start : raw.end])}
    last = raws[-1]
    at = outlet.tail(text[last.start : last.end])
    if at is None or len(raws) - 1 in lines:
        return lines, None
    if at == 0:
        lines[len(raws) - 1] = "boilerplate tail"
        return lines, None
    return lines, last.start + at


def title_of(source: Article | str) -> str | None:
    """The article's title found in its text, or ``None`` when it has none."""
    text: str = source if isinstance(source, str) else source.text
    for p in classify(text):
        if p.part == "title":
            return text[p.start : p.end]
    return None


def count_parts(parts: Sequence[Part], text: str | None = None) -> dict[str, dict[str, int]]:
    """Per part: ``lines``, ``chars`` (of the trimmed lines) and, given the
    text, ``words``.  Every part name is present, with zeros if unused."""
    out: dict[str, dict[str, int]] = {name: {"lines": 0, "chars": 0, "words": 0} for name in PART_NAMES}
    for p in parts:
        c = out[p.part]
        c["lines"] += 1
        c["chars"] += p.end - p.start
        if text is not None:
            c["words"] += sum(1 for _ in WORD_RE.finditer(text, p.start, p.end))
    if text is None:
        for c in out.values():
            del c["words"]
    return out
