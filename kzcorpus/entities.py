"""Named entities: a curated gazetteer plus a few precise rules.

How a mention is found, in order:

1. **Gazetteer.**  Every form of every entry (package data
   ``kzcorpus/data/gazetteer.tsv`` and ``entities_*.tsv``, then the user's
   ``--gazetteer`` files) is folded and compiled once into a single
   character-trie regular expression.  The article is folded once
   (:class:`~kzcorpus.arabic.FoldMap`) and searched; at each word start the
   longest form wins, and a proclitic (و ف, then ب ك ل) may precede it.  When
   «ل» meets a form's article the alef is dropped («للكرملين» = ل + لكرملين),
   and the span keeps «لكرملين», as the guidelines say.
2. **Rules**, only on the text the gazetteer left free: a title before a name
   («الرئيس الفرنسي إيمانويل ماكرون»), an Arabic name chain («محمد بن
   سلمان», «أبو بكر …»), a known given name followed by a surname, a foreign
   surname shape («…فيتش»), and head nouns of organisations and places
   («منظمة …», «وزارة …», «مدينة …»).  Every word of a rule-found name must
   look like a name: not a common word, a verb, a weekday or a month
   (``_COMMON``: «حسن الجوار», «يبقى السؤال», «عبدالفتاح قررت» are not
   names), and a given name that is also a common word («حسن», «نادية»,
   ``_AMBIG_GIVEN``) needs a title, «بن», or a second known name.
   A rule-found name that equals a gazetteer form of an entity of the same
   type after folding and :func:`_norm_name` («عبد العزيز» = «عبدالعزيز»,
   a final «آل سعود» dropped), is a word prefix of one, or starts with one
   (not continued by «بن»), links to that entity.
3. **Aliases within an article.**  Once a person's full name is found, the
   surname alone names the same person in that article («سامي عمارة» …
   «عمارة»), even when the surname is also an ordinary word («عمارة»: a
   building).  Not a father's name after «بن» («محمد بن سلمان» gives no
   «سلمان»), not «أبو», not a word of ``_COMMON``, not a surname two persons
   of the article share, and not where another first name stands right
   before it («فاتن حمامة» is not «أحمد حمامة»).

``found_by`` says what found a mention:

- ``gazetteer``: a form of the package gazetteer; ``gazetteer:<file name>``
  for a user's ``--gazetteer`` file;
- ``rule:<name>``, the name as spelled in this module, unfolded:
  ``rule:title(الرئيس)``, ``rule:head(وزارة)``, ``rule:org(الهيئة)``,
  ``rule:facility(مستشفى)``, ``rule:chain(بن)``, ``rule:chain(أبو)``,
  ``rule:given-name``, ``rule:foreign-shape`` (a rule span linked to a
  gazetteer entity keeps its rule name);
- ``alias:<id>``: a surname standing for the person with that id.

Entities the gazetteer does not know get their Arabic full name as id
(spaces normalised, «عبد ال…» joined).
Nothing here downloads anything or reads outside the package.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from kzcorpus.arabic import WORD_RE, FoldMap, fold
from kzcorpus.corpus import Article
from kzcorpus.doc import Hit
from kzcorpus.errors import InputError, UsageError

TYPES: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
_WORDCHAR = r"[^\W_]"
_HSPACE = r"[^\S\n]+"
_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06ff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


# --------------------------------------------------------------------------
# Records


@dataclass
class Mention:
    """One mention.  ``article.text[start:end] == text`` always."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    id: str
    found_by: str

    def record(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "id": self.id,
            "found_by": self.found_by,
        }


@dataclass
class Entry:
    """A gazetteer entry: one real-world entity and its surface forms."""

    id: str
    type: str
    forms: list[str]
    source: str = "gazetteer"
    #: Folded forms that are also common words: matched only in an article
    #: where the entity is also found by another form.
    ambiguous: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """Arabic display name: the first Arabic form, else the first form."""
        for f in self.forms:
            if _ARABIC_LETTER_RE.search(f):
                return f
        return self.forms[0] if self.forms else self.id


def _fold_form(form: str) -> str:
    return " ".join(fold(form).split())


# --------------------------------------------------------------------------
# Gazetteer


class Gazetteer:
    """Entries by id, and every folded form compiled into one regex."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        self.context_rules: list[ContextRule] = []
        self._ids: dict[str, str] = {}
        self._owner: dict[str, str] = {}
        #: Demonyms and relational adjectives by entity id (counted, never mentions).
        self.adjectives: dict[str, list[str]] = {}
        for e in entries:
            self.add(e)

    def add(self, entry: Entry) -> None:
        """Add *entry*; an entry with the same id (any case) is replaced and
        its forms are taken from whatever entity held them before."""
        old = self._ids.pop(entry.id.lower(), None)
        if old is not None:
            for f in self.entries.pop(old).forms:
                self._owner.pop(_fold_form(f), None)
        for f in entry.forms:
            ff = _fold_form(f)
            holder = self._owner.get(ff)
            if holder is not None and holder != entry.id:
                other = self.entries[holder]
                other.forms = [x for x in other.forms if _fold_form(x) != ff]
                other.ambiguous.discard(ff)
            self._owner[ff] = entry.id
        self.entries[entry.id] = entry
        self._ids[entry.id.lower()] = entry.id
        self.__dict__.pop("_compiled", None)
        self.__dict__.pop("form_index", None)
        self.__dict__.pop("name_index", None)

    def merge(self, parsed: Parsed) -> None:
        """Add the entries, context rules and adjectives of one file."""
        for e in parsed.entries:
            self.add(e)
        self.context_rules.extend(parsed.rules)
        for eid, forms in parsed.adjectives:
            self.adjectives.setdefault(eid, []).extend(forms)
        self.__dict__.pop("_adjective_re", None)

    @cached_property
    def _adjective_re(self) -> tuple[re.Pattern[str], dict[str, str]]:
        index: dict[str, str] = {}
        for eid, forms in self.adjectives.items():
            for f in forms:
                ff = _fold_form(f)
                if ff.startswith("ال"):
                    ff = ff[2:]
                variants = [ff]
                if ff.endswith("ي"):
                    variants += [ff + suf for suf in ("ه", "ون", "ين", "ان", "تان", "تين", "ات")]
                for v in variants:
                    index.setdefault(v, eid)
        pattern = (
            rf"(?<!{_WORDCHAR})(?:[وف]?[بكل]?ال|[وف]?لل|[وف]?[بكل]|[وف])??"
            rf"(?P<name>{_trie_regex(index)})(?!{_WORDCHAR})"
        )
        return re.compile(pattern), index

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entries

    def get(self, entity_id: str) -> Entry | None:
        return self.entries.get(entity_id)

    @cached_property
    def form_index(self) -> dict[str, str]:
        """Folded form -> entity id."""
        out: dict[str, str] = {}
        for e in self.entries.values():
            for f in e.forms:
                ff = _fold_form(f)
                if ff:
                    out[ff] = e.id
        return out

    @cached_property
    def name_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Normalised multi-word forms -> ids, and their word prefixes
        (two words or more) -> ids, for linking rule-found names."""
        full: dict[str, set[str]] = defaultdict(set)
        prefixes: dict[str, set[str]] = defaultdict(set)
        for ff, eid in self.form_index.items():
            words = _norm_name(ff).split()
            if len(words) < 2 or words[0] in TITLES:
                continue
            full[" ".join(words)].add(eid)
            for k in range(2, len(words)):
                prefixes[" ".join(words[:k])].add(eid)
        return dict(full), dict(prefixes)

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
        forms = dict(self.form_index)
        for ff, eid in list(forms.items()):  # «عبد العزيز» = «عبدالعزيز»
            for variant in (ff.replace("عبد ال", "عبدال"), ff.replace("عبدال", "عبد ال")):
                forms.setdefault(variant, eid)
        # Forms that start with the article also match after «ل» with the
        # alef dropped: «للكرملين» = ل + «لكرملين».
        lam: dict[str, str] = {}
        for ff in forms:
            if ff.startswith("ال") and len(ff) > 4:
                lam[ff[1:]] = ff
        main = _trie_regex(forms)
        lam_re = _trie_regex(lam)
        pattern = (
            rf"(?<!{_WORDCHAR})(?:(?P<pre>[وف]?[بكل]|[وف])??(?P<name>{main})"
            rf"|(?P<lpre>[وف]?ل)(?P<lname>{lam_re}))(?!{_WORDCHAR})"
        )
        return re.compile(pattern), lam, forms


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly *words*, longest first, built from a trie."""
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def build(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = _HSPACE if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _data_files() -> list[tuple[str, str]]:
    pkg = resources.files("kzcorpus") / "data"
    out: list[tuple[str, str]] = []
    names = sorted(p.name for p in pkg.iterdir() if p.name.endswith(".tsv"))
    for name in ["gazetteer.tsv"] + [n for n in names if n.startswith("entities_")]:
        res = pkg / name
        if res.is_file():
            out.append((name, res.read_text(encoding="utf-8")))
    return out


@dataclass(frozen=True)
class ContextRule:
    """In an article that mentions a trigger entity, *from_id* means *to_id*."""

    from_id: str
    to_id: str
    triggers: frozenset[str]


@dataclass
class Parsed:
    """The contents of one gazetteer file."""

    entries: list[Entry]
    rules: list[ContextRule]
    adjectives: list[tuple[str, list[str]]]


def parse_gazetteer(text: str, source: str) -> Parsed:
    """Parse gazetteer TSV *text* (see the header of ``data/gazetteer.tsv``).

    Columns: id, type, then one Arabic (or Latin) form per column; a form
    written ``~form`` is ambiguous.  Blank lines and ``#`` comments are
    skipped.  A bad line raises :class:`InputError` naming *source* and the
    line number.
    """
    entries: list[Entry] = []
    rules: list[ContextRule] = []
    adjectives: list[tuple[str, list[str]]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if n == 1 and cols[:2] == ["id", "type"]:
            continue  # a header row
        where = f"{source} line {n}"
        if cols[0] == "@adjective":
            if len(cols) < 3 or not cols[1] or not any(cols[2:]):
                raise InputError(f"{where}: an adjective line needs '@adjective<TAB>entity-id<TAB>form[<TAB>form…]'")
            adjectives.append((cols[1], [c for c in cols[2:] if c]))
            continue
        if cols[0] == "@context":
            if len(cols) < 4 or not all(cols[1:4]):
                raise InputError(f"{where}: a context rule needs '@context<TAB>from-id<TAB>to-id<TAB>trigger-id[…]'")
            rules.append(ContextRule(cols[1], cols[2], frozenset(c for c in cols[3:] if c)))
            continue
        if len(cols) < 3 or not cols[0]:
            raise InputError(
                f"{where}: expected tab-separated columns 'id<TAB>type<TAB>form[<TAB>form…]', got {line[:60]!r}"
                " (separate columns with tabs, not spaces)"
            )
        eid, etype = cols[0], cols[1].upper()
        if etype not in TYPES:
            raise InputError(f"{where}: unknown type {cols[1]!r} for {eid!r}; use one of {', '.join(TYPES)}")
        forms: list[str] = []
        ambiguous: set[str] = set()
        for c in cols[2:]:
            for f in c.split("|"):
                f = f.strip()
                if not f:
                    continue
                if f.startswith("~"):
                    f = f[1:].strip()
                    ambiguous.add(_fold_form(f))
                if not _fold_form(f) or not re.search(_WORDCHAR, fold(f)):
                    raise InputError(f"{where}: form {f!r} of {eid!r} has no letters; give the name as written")
                forms.append(f)
        if not forms:
            raise InputError(f"{where}: {eid!r} has no forms; add at least one Arabic form after the type")
        entries.append(Entry(eid, etype, forms, source, ambiguous))
    return Parsed(entries, rules, adjectives)


def load_gazetteer(extra: Sequence[str | Path] = ()) -> Gazetteer:
    """The package gazetteer plus user TSV files (which add or override)."""
    gz = Gazetteer()
    for name, text in _data_files():
        parsed = parse_gazetteer(text, name)
        for e in parsed.entries:
            e.source = "gazetteer"
        gz.merge(parsed)
    for path in extra:
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read gazetteer {p}: {exc.strerror or exc}") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"gazetteer {p}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
        parsed = parse_gazetteer(text, str(p))
        for e in parsed.entries:
            e.source = f"gazetteer:{p.name}"
        gz.merge(parsed)
    return gz


# --------------------------------------------------------------------------
# Rule vocabulary (written unfolded for review; folded at import)


#: Folded vocabulary word -> its spelling as written here (for ``found_by``).
_SPELLING: dict[str, str] = {}


def _fs(words: str) -> frozenset[str]:
    out = set()
    for w in words.split():
        ff = _fold_form(w)
        _SPELLING.setdefault(ff, w)
        out.add(ff)
    return frozenset(out)


def _spelled(folded_word: str) -> str:
    """A vocabulary word as written in this module («الرئيس», not «الرييس»)."""
    return _SPELLING.get(folded_word, folded_word)


#: Function words, frequent verbs and nouns that never start or continue a name.
STOP = _fs(
    """
    في من على إلى الى عن مع أن إن ان أو او ثم لكن لكنه بل قد لقد كان كانت يكون تكون كما لا لم لن ما
    هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين هو هي هم هما نحن أنا انت أنت إنه انه أنه إنها
    أنها عند عندما بعد قبل خلال حول بين ضد منذ حتى لدى لدي عبر تجاه نحو دون غير سوى كل بعض جميع أي
    أمس اليوم غدا الآن حيث إذ إذا اذا لو لولا كي لكي أيضا ايضا فقط جدا وقد وكان وهو وهي فيما بينما
    قال وقال قالت وقالت أكد وأكد أكدت أشار وأشار أشارت أوضح وأوضح أضاف وأضاف أضافت أعلن وأعلن أعلنت
    يقول تقول يرى ترى دعا ودعا طالب وطالب زار يزور التقى يلتقي استقبل يستقبل بحث يبحث شدد وشدد
    ذكر وذكر ذكرت نقل ونقل أفاد وأفاد أبلغ قرر يقرر وصل يصل غادر يغادر اعتبر يعتبر رأى قام يقوم
    عبر لها له لهم عليه عليها فيه فيها منه منها عنه عنها إليه إليها به بها بهم معه معها
    نفسه نفسها بنفسه شخصيا حفظه يحفظه رحمه رحمة رضي صلى عليه السلام تعالى
    سابق سابقا الأسبق المقبل الجديد الحالي رسميا مساء صباح يوم عام سنة شهر أسبوع ساعة
    رئيس نائب وزير وزيرة سفير مدير أمير ملك ولي عضو أمين قائد زعيم مستشار محافظ مندوب متحدث
    الرئيس الملك الأمير الوزير السفير ولي العهد حكومة دولة مملكة جمهورية
    بعنوان باسم بصفته بقيمة بمناسبة بحضور برئاسة بمشاركة بتكلفة بسعة بواقع بنسبة بمعدل بدعم بقيادة
    تم يتم سيتم وتم شمال جنوب شرق غرب بشمال بجنوب بشرق بغرب وسط بوسط حاليا مجددا
    حسب بحسب وفق وفقا طبقا إثر اثر جراء بسبب بشأن لأن كأن وسط أمام خلف فوق تحت داخل خارج
    صاحب السمو سمو الملكي معالي فضيلة سعادة فخامة دولة السيد سماحة حضرة
    بن ابن بنت آل بأنه بأنها بأن تسمى تدعى يدعى يسمى يطلق حين حينما بعدما قبلما عندها
    """
)

#: Titles and roles that stand before a person's name.  A bare role word
#: («رئيس», «وزير») is followed by its complement («الوزراء», «الخارجية»).
TITLES = _fs(
    """
    الرئيس الملك الملكة الأمير الأميرة الشيخ الشيخة السيد السيدة الآنسة المحلل الخبير الدكتور الدكتورة
    المهندس المهندسة الأستاذ الأستاذة اللواء العميد العقيد المقدم الرائد النقيب الفريق المشير الجنرال
    الإمام القس البابا الكاردينال المطران الحاخام المستشار المستشارة الكاتب الكاتبة الصحفي الصحفية
    المتحدث المتحدثة الناطق النائب النائبة السناتور السيناتور المرشح المرشحة الزعيم القائد
    المدرب اللاعب الفنان الفنانة الممثل الممثلة المطرب المطربة المغني المغنية الشاعر الشاعرة الروائي
    الوزير الوزيرة السفيرة المبعوث المبعوثة المدير المديرة المحافظ المندوب المفتي الداعية
    الباحث الباحثة البروفيسور المؤرخ الملياردير رجل سيدة المخرج المخرجة المصور المراسل المراسلة
    المحامي المحامية
    """
)
#: Titles that are also common words: only a known given name may follow.
_WEAK_TITLES = _fs("الفريق رجل سيدة النجم القائد المدير المستشار")
#: Role heads needing a complement: «رئيس الوزراء», «وزير الخارجية», «أمير منطقة…».
ROLE_HEADS = _fs(
    """
    رئيس رئيسة نائب وزير وزيرة سفير سفيرة مدير مديرة أمين أمير قائد زعيم مستشار مستشارة محافظ مندوب
    مندوبة متحدث متحدثة ناطق مبعوث رئيس ولي مفتي عضو عضوة مساعد مساعدة ملك خادم
    """
)
#: Tokens that may sit between a title and the name (complements, qualifiers).
_ROLE_FILLERS = _fs(
    "خارجية دفاع داخلية عام العام باسم منطقة مجلس الحرمين الشريفين السابق الأسبق "
    "صاحب السمو سمو الملكي معالي فضيلة سعادة فخامة سماحة"
)

#: Common given names (Arabic and foreign, as written in Arabic news).  A
#: known given name followed by a surname is a person even with no title.
GIVEN = (
    _fs(
        """
    محمد أحمد محمود مصطفى علي عمر عثمان خالد عبدالله عبدالعزيز عبدالرحمن عبدالملك عبدالكريم عبدالمجيد
    عبدالفتاح عبداللطيف عبدالحميد عبدالرحيم عبدالإله عبدالوهاب عبدالقادر عبدالسلام عبدالناصر عبدالمحسن
    يوسف إبراهيم ابراهيم إسماعيل اسماعيل يعقوب إسحاق موسى عيسى سليمان داود هارون يحيى زكريا يونس إلياس
    حسين حسن الحسن الحسين طارق زياد سعود فهد فيصل سلطان بندر تركي نايف مشعل متعب مقرن سطام نواف
    طلال الوليد وليد ماجد سامي سامر هاني هشام وائل باسم بسام عماد عصام هيثم رامي رائد ياسر ياسين
    نبيل جمال كمال أسامة اسامة حمد حمدان زايد راشد مكتوم خليفة تميم جاسم قابوس صباح نوري حيدر جواد
    مسعود إدريس ادريس الياس معمر بشار حافظ رفيق سعد نجيب نجيب ميشال ميشيل نبيه وليد حسني أنور
    عبدالعزيز عبدالله عبدالرحمن عبداللطيف شريف نزار فؤاد غازي مرزوق فواز منير رياض عادل
    نورة فاطمة عائشة خديجة مريم زينب ليلى هند سارة رانيا نادية سميرة هالة دينا لمى
    جون جورج ديفيد دافيد مايكل ميشال جيمس روبرت ريتشارد توماس توني تيريزا هيلاري باراك دونالد جو
    فلاديمير سيرغي سيرجي ديمتري ميخائيل بوريس ألكسندر الكسندر أليكسي نيكولاي إيغور يوري أندريه فيكتور
    إيمانويل ايمانويل فرانسوا نيكولا جاك أنجيلا انجيلا أنغيلا أولاف هيلموت غيرهارد بنيامين شيمون إسحق
    رجب أحمد حسن مسعود هاشمي علي حسن محمد جواد جاويد شي هو لي كيم شينزو يوشيهيدي فوميو ناريندرا
    جاستن ماتيو سيلفيو ماريو ماتيو بيدرو خوسيه لويس كارلوس خوان إنريكي لولا جاير هوغو نيكولاس
    بان أنطونيو انطونيو بطرس جوزيب كاثرين فيديريكا ينس ينس ستيفان كريستين جانيت
    قاسم نور نورسلطان سيرغي مارغريتا فاتن هيفاء نجلاء رشا ريهام شيماء إلهام يسرا نانسي إليسا
    مدحت طلعت رأفت عصمت بهجت ثروت صفوت جودت يسري تامر توفيق تيسير
    """
    )
    - STOP
)
#: Given names that are also ordinary words: need a title or «بن».
_AMBIG_GIVEN = _fs(
    """
    سالم صالح سعيد عيد كريم عادل منصور مبارك فارس غانم هادي حامد شاكر عارف ناجي نجم هلال بدر زيد عزيز
    أمل إيمان وفاء هدى ريم حنان مها نوال بشرى عبير غادة لطيفة جمال كمال نور رضا طه فرحان مفلح مطلق
    معجب مقبل عوض عطية خلف جابر ظافر فالح فايز مساعد مسفر نايف ماهر حازم نادر وحيد مجدي أمين خليل
    مالك سليم مراد عامر سعاد سلمى عفاف سهام عواطف حصة تركي رجب حسن نادية ناديه حسنى حسني يزيد
    منى رفعت نشأت حكمت شوكت عزت يزن
    سيف جميل صادق فريد نصر عطا مختار طاهر شريف أسعد مجيد بشير رشيد هبة نهى رحاب منال
    """
) | _fs(
    "عمر نبيه بدر هلال نور صباح سلطان باسم رائد حافظ رفيق سعد عادل منير رياض شريف فؤاد نبيل جمال كمال هو لي شي جو بان كوفي"
)

#: Organisation heads: the head and the name that follows make one ORG.
ORG_HEADS = _fs(
    """
    منظمة وزارة حزب جامعة وكالة مؤسسة هيئة جمعية اتحاد بنك مصرف صندوق محكمة مجلس
    شركة مجموعة جبهة ائتلاف رابطة نقابة أكاديمية معهد مستشفى صحيفة جريدة مجلة قناة إذاعة
    """
)
#: Facilities named after a person: «مستشفى الملك فهد», «جامعة الإمام محمد
#: بن سعود», «مطار الملك عبدالعزيز الدولي».
FACILITY_HEADS = _fs(
    """
    مستشفى مطار جسر كلية قاعدة مركز جامع مدرسة معهد منتزه شارع طريق حي ميناء مسجد ملعب استاد ستاد قصر مكتبة
    برنامج جائزة مدينة جامعة مؤسسة مجمع دارة كرسي مشروع مستشفيات صندوق واحة قاعة
    """
)
_LOC_FACILITIES = _fs("جامع مطار جسر قاعدة منتزه شارع طريق حي ميناء مسجد ملعب استاد ستاد قصر مدينة مجمع واحة قاعة")
_ROYAL = _fs("الملك الأمير الأميرة الشيخ الإمام السلطان")
_PERSONAL_TITLES = _ROYAL | _fs("الرئيس السيد السيدة الملكة البابا الشيخة")
#: Definite organisation heads with an adjective and a complement:
#: «الهيئة العامة للسياحة», «المديرية العامة للجوازات», «الشركة السعودية للكهرباء».
DEF_ORG_HEADS = _fs(
    """
    الهيئة المؤسسة المديرية الرئاسة الإدارة الشركة الجمعية الوكالة اللجنة الأمانة المنظمة الجامعة
    الأكاديمية الرابطة النقابة المجموعة الهيئات الغرفة الصندوق المحكمة المنظمة الجبهة الحركة
    المكتب المركز المجلس الاتحاد البنك المعهد الديوان الحزب
    """
)
_RANK_ADJ = _fs("الأعلى العليا العام العامة")
_GENERIC_ADJ = _fs(
    "المعنية المنظمة المختصة المسؤولة المشرفة المكلفة التابعة المشتركة الخاصة المناسبة اللازمة "
    "المعني المختص المسؤول المشرف المكلف التابع المشترك الخاص المناسب اللازم الحالي الرئيسي الثاني الأول"
)
#: Place heads: «مدينة …», «محافظة …», «بحر …».
LOC_HEADS = _fs("مدينة محافظة ولاية إقليم جزيرة جزر بحر نهر جبل جبال بحيرة مضيق صحراء قرية بلدة مخيم وادي")
_INDEF_ADJ = _fs(
    "خاص خاصة جديد جديدة كبير كبيرة صغير صغيرة قديم قديمة واحد واحدة أخرى آخر مجاورة مجاور نائية "
    "سياحية تاريخية ساحلية حدودية صناعية كاملة مهجورة مختلفة ثالثة ثانية"
)
#: First words of two-word place names: «وادي الدواسر», «عين الحلوة», «رأس تنورة».
_PLACE_WORDS = _fs("وادي عين رأس أم بني بئر تل دير كفر خميس بيت جبل حي قصر")
#: Tokens that end an organisation or place name that the head opened.
_NAME_END = STOP | _fs("التي الذي اللتي والتي الذين التابعة التابع السابق السابقة الأسبق الحالي الحالية")
#: Common ال-nouns after a head that make a generic phrase, not a name.
_GENERIC_AFTER_HEAD = _fs(
    """
    الإدارة الادارة المدينة المنطقة الجديدة الجديد الكبرى الكبير الصغيرة الأولى الأول الثانية الثاني
    الخاصة الخاص الكبيرة الحالية الحالي التالية نفسها نفسه المذكورة المذكور المعنية المعني العامة
    الشركة الحزب المنظمة البلاد الدولة المحلية المحلي التدريس التدريب السفر البيع الشراء العمل المرور
    """
)
_NOT_SURNAMES = _fs(
    """
    العالم الشعب الوطن الناس العام الأمن الحكم البلد الحرب السلام الإسلام الدين الله الأرض الماء
    الجيش الحكومة النظام الرئيس المملكة الدولة المنطقة الأول الثاني الثالث الأخير الجديد الكبير
    الصغير اليوم الأمس الغد المسلمين المسلمون العرب الفريق النادي المنتخب الملعب الموسم الدوري
    الوفد الاجتماع الحفل المؤتمر اللقاء الملتقى المشروع البرنامج المدرب اللاعب القرار الاتفاق
    الخطاب التقرير البيان المنصب الموقع العرض الطلب الحوار الأمر الحدث الضيوف الزوار المسؤولين
    الحضور المشاركين الجمهور الإعلام الصحفيين المواطنين الشباب الطلاب المعرض الفوز الهدف الملف
    الاقتصاد التعليم الصحة الداخلية الخارجية الدفاع المالية العدل النفط الغاز السوق الخبر
    السلطة الحكومة الدولة المملكة المنطقة المدينة الجامعة الشركة الوزارة الهيئة اللجنة الجائزة
    الزيارة الكلمة الرسالة المبادرة المناسبة الفرصة القضية الأزمة الجلسة المباراة البطولة الحملة
    الخطة الفترة المرحلة الساحة الحرية الإمارة المحافظة الأمانة الإدارة الرئاسة القيادة الوزارة
    """
)
#: Common words (nouns, verbs, weekdays, months) that are not names: neither
#: a second name word («عيسى شكل», «عبدالفتاح قررت») nor, with the article, a
#: family name («حسن الجوار», «يبقى السؤال», «ناديه لفريق الفيلم»).
_COMMON = _fs(
    """
    جوار سؤال صحف صحيفة فيلم أفلام مبنى مستوى شكل نية أمر عمل قرار خبر أخبار عنوان عناوين رأي وقت
    مكان حال وضع دور جزء نوع حجم عدد رقم نسبة قيمة سعر أسعار مبلغ حق حقوق واجب طريق شارع باب بيت
    منزل مدرسة جامعة مستشفى سوق سيارة طائرة قطار فريق نادي منتخب مباراة هدف لاعب مدرب جمهور بطولة
    دوري كأس موسم ملعب شعب دولة بلد أرض بحر سماء ماء نار هواء ضوء صوت صورة كلمة رسالة كتاب مقال
    تقرير بيان حوار لقاء اجتماع مؤتمر زيارة رحلة سفر خروج دخول بداية نهاية أول آخر ثاني مرة
    يوم ليلة صباح مساء شهر سنة عام أسبوع ساعة دقيقة لحظة فترة مرحلة تاريخ مستقبل ماضي حاضر
    خلق سير سلوك أداء أداء تعامل ظن حظ تدبير تنظيم تصرف استقبال ضيافة نظر جيرة عشرة صحبة
    جدا كثير قليل كبير صغير جديد قديم طويل قصير أكثر أقل أفضل أسوأ أهم أكبر أصغر عالم ناس رجال
    نساء أطفال شباب مواطن مواطنين مسؤول مسؤولين وزارة حكومة رئاسة مجلس لجنة هيئة إدارة قسم
    سؤال جواب إجابة مشكلة حل أزمة قضية ملف مشروع برنامج خطة فكرة رؤية هدف نتيجة نتائج سبب أسباب
    ظهور توضيح تأكيد إعلان حديث كلام قول فعل حادث حادثة انفجار هجوم تفجير قتال حرب أمن
    دين إسلام مسجد صلاة صيام رمضان حج عمرة ثقافة فن فنون علم علوم تعليم صحة اقتصاد سياسة
    أموال تجارة صناعة زراعة طاقة نفط غاز كهرباء ماء مياه إنترنت تلفزيون إذاعة قناة مجلة
    الجوار السؤال الصحف الفيلم المبنى المستوى المقبل الماضي القادم الحالي السابق الأسبق المذكور
    السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة
    يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
    محرم ربيع جمادى شوال القعدة الحجة
    قرر قررت أعلن أعلنت يعلن تعلن يبقى تبقى بقي أصبح أصبحت يصبح تصبح كشف كشفت يكشف تكشف أكد يؤكد
    تؤكد قام قامت يقوم تقوم أشار يشير تشير أوضح يوضح توضح أضاف يضيف تضيف رأى يرى ترى جاء جاءت يأتي
    تأتي ظل ظلت يظل تظل بات باتت يبدو تبدو بدا بدت شهد شهدت يشهد تشهد تم يتم تتم أصدر أصدرت
    يصدر تصدر وصل وصلت يصل تصل بلغ بلغت يبلغ تبلغ طالب طالبت يطالب تطالب دعا دعت يدعو تدعو
    أكدت أشارت أوضحت أضافت ذكرت نقلت قالت أفادت كانت ليست ليس يجب يمكن يكون تكون عام
    دعوة دعم حضور رعاية مشاركة مناسبة قيادة تكليف توجيه اتصال نظام عهد أنصار أتباع قوات ميليشيات
    ميليشيا جماعة عائلة أسرة منصب مكتب مقر
    """
)
_FOREIGN_SURNAME_RE = re.compile(r"^(?!ال)[^\W\d_]{3,}(?:فيتش|ينكو|يشفيلي|وفسكي|يفسكي|سكايا)$")
_NAME_LINKS = _fs("بن ابن بنت")


def _is_common(w: str) -> bool:
    """A common word, bare or with the article or a proclitic («لفريق»)."""
    if w in _COMMON:
        return True
    if w.startswith("ال") and w[2:] in _COMMON:
        return True
    if w in GIVEN or w in _AMBIG_GIVEN:
        return False
    if len(w) > 3 and w[0] in "وفبكل":
        rest = w[1:]
        if rest in _COMMON or rest in STOP or ("ال" + rest) in TITLES or rest in _ANY_HEAD:
            return True
        if w.startswith(("لل", "وب", "ول", "فب", "فل", "وك")) and w[2:] in _COMMON:
            return True
    # «قررت», «أكدت»: a perfect verb, third person feminine (not «أبوت»).
    return len(w) == 4 and w.endswith("ت") and "و" not in w[1:3] and "ي" not in w[1:3]


def _verbish(w: str) -> bool:
    """An imperfect verb («يبقى», «تقول») rather than a first name."""
    return _is_common(w) or (w[:1] in ("ي", "ت") and w not in GIVEN and w not in _AMBIG_GIVEN and not _looks_foreign(w))


_TITLES_AND_ROLES = TITLES | ROLE_HEADS
_ALL_HEADS = ORG_HEADS | LOC_HEADS
#: Organisation heads that take a place name: «جامعة الباحة», «بلدية جدة».
_PLACE_ORG_HEADS = ORG_HEADS | _fs("إمارة أمانة بلدية شرطة غرفة نادي مستشفى مجلس جامعة صحيفة جريدة")
_ANY_HEAD = ORG_HEADS | LOC_HEADS | FACILITY_HEADS | ROLE_HEADS
_ABD = _fold_form("عبد")
_ABU = _fs("أبو ابو أبي ابي")
_AL = _fold_form("آل")


# --------------------------------------------------------------------------
# Finding mentions


@dataclass
class _Cand:
    fstart: int
    fend: int
    type: str
    id: str | None
    found_by: str
    key: str = ""  # folded surface
    ref: _Cand | None = None  # the full name an alias stands for


def find_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions in *article*, sorted by start, without overlaps."""
    fmap = FoldMap(article.text)
    folded = fmap.folded
    cands = _gazetteer_cands(folded, article.text, fmap, gazetteer)
    rules = _rule_cands(folded, cands, gazetteer)
    _link_rule_cands(folded, rules, gazetteer)
    cands = _no_overlaps(cands + rules)
    for c in cands:
        if c.id is None:  # unknown to the gazetteer: the name as written
            start, end = fmap.span(c.fstart, c.fend)
            c.id = _unknown_id(article.text[start:end])
    cands = _no_overlaps(cands + _alias_cands(folded, cands, gazetteer))
    out: list[Mention] = []
    for c in cands:
        start, end = fmap.span(c.fstart, c.fend)
        text = article.text[start:end]
        if not text.strip():
            continue
        eid = c.id or (c.ref.id if c.ref is not None and c.ref.id else _unknown_id(text))
        out.append(Mention(article.id, start, end, text, c.type, eid, c.found_by))
    return out


def _no_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost first, then longest; later overlapping candidates are dropped."""
    cands.sort(key=lambda c: (c.fstart, -(c.fend - c.fstart)))
    out: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.fstart >= last_end:
            out.append(c)
            last_end = c.fend
    return out


def _norm_name(ff: str) -> str:
    """A folded name for comparing spellings: «عبد العزيز» = «عبدالعزيز»,
    «ابن» = «بن» inside a chain, and no family «آل X» at the end."""
    words = ff.split()
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w == _ABD and k + 1 < len(words) and words[k + 1].startswith("ال"):
            out.append(w + words[k + 1])
            k += 2
            continue
        out.append("بن" if k and w == "ابن" else w)
        k += 1
    if len(out) > 2 and out[-2] == _AL:
        out = out[:-2]
    return " ".join(out)


def _link_rule_cands(folded: str, rules: list[_Cand], gz: Gazetteer) -> None:
    """Link a rule-found name to the gazetteer entity of the same type whose
    form it equals after :func:`_norm_name`, is a word prefix of («سلمان بن
    عبدالعزيز» of «… آل سعود»), or starts with (not continued by «بن»)."""
    full, prefixes = gz.name_index
    for c in rules:
        if c.id is not None:
            continue
        key = _norm_name(folded[c.fstart : c.fend])
        words = key.split()
        if len(words) < 2:
            continue
        eids = full.get(key) or prefixes.get(key) or set()
        if not eids:  # the span starts with a known name: «X Y» + «الحسني»
            for k in range(len(words) - 1, 1, -1):
                if words[k] in _NAME_LINKS:
                    continue
                eids = full.get(" ".join(words[:k])) or set()
                if eids:
                    break
        typed = {e for e in eids if gz.entries[e].type == c.type}
        if len(typed) == 1:
            c.id = next(iter(typed))


def find_adjectives(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Demonyms and relational adjectives of known entities («الروسية»,
    «والسعوديين»), with ``found_by`` ``adjective``.  They are not mentions
    (GUIDELINES); :func:`entity_rows` counts them per entity."""
    pattern, index = gazetteer._adjective_re
    if not index:
        return []
    fmap = FoldMap(article.text)
    out: list[Mention] = []
    for m in pattern.finditer(fmap.folded):
        eid = index.get(" ".join(m.group("name").split()))
        entry = gazetteer.get(eid) if eid else None
        if entry is None:
            continue
        start, end = fmap.span(m.start("name"), m.end("name"))
        out.append(Mention(article.id, start, end, article.text[start:end], entry.type, entry.id, "adjective"))
    return out


_ABD_SPACE_RE = re.compile(r"(?<![^\W\d_])عبد\s+(?=ال)")


def _unknown_id(surface: str) -> str:
    """The id of a name no list knows: as written, one space between words,
    «عبد ال…» joined («سلمان بن عبد العزيز» = «سلمان بن عبدالعزيز»)."""
    return _ABD_SPACE_RE.sub("عبد", " ".join(surface.split()))


def _gazetteer_cands(folded: str, original: str, fmap: FoldMap, gz: Gazetteer) -> list[_Cand]:
    pattern, lam, index = gz._compiled
    raw: list[tuple[_Cand, str]] = []
    for m in pattern.finditer(folded):
        if m.group("name") is not None:
            group, ff = "name", m.group("name")
        else:
            group, ff = "lname", lam[m.group("lname")]
        ff = " ".join(ff.split())
        eid = index.get(ff)
        if eid is None:
            continue
        entry = gz.entries[eid]
        fs, fe = m.start(group), m.end(group)
        if _LATIN_RE.search(ff) and not _latin_case_ok(entry, ff, original, fmap, fs, fe):
            continue
        found_by = entry.source
        if entry.type == "PER" and (fam := _FAMILY_AFTER.match(folded, fe)):
            fe = fam.end()  # «… آل سعود», «… آل نهيان»
        first, _, rest = ff.partition(" ")
        if rest and first in TITLES:  # «الملك سلمان»: the title stays outside
            fs = fs + len(folded[fs:fe]) - len(folded[fs:fe].split(None, 1)[1])
        raw.append((_Cand(fs, fe, entry.type, eid, found_by, ff), ff))
    # «السعودية» after a definite noun is the adjective («الخطوط السعودية»).
    raw = [(c, ff) for c, ff in raw if not (_NISBA_FORM.fullmatch(ff) and _DEF_BEFORE.search(folded, 0, c.fstart))]
    # A known person inside a longer «بن» chain is someone else: «سعود بن
    # فيصل بن مشعل» is not «سعود بن فيصل».
    raw = [
        (c, ff)
        for c, ff in raw
        if c.type != "PER" or not (_LINK_BEFORE.search(folded, 0, c.fstart) or _LINK_AFTER.match(folded, c.fend))
    ]
    # A known surname after another first name is someone else: «هشام مرسي».
    raw = [
        (c, ff)
        for c, ff in raw
        if not (
            c.type == "PER"
            and " " not in ff
            and (g := _GIVEN_BEFORE.search(folded, 0, c.fstart))
            and g.group(1) in GIVEN
        )
    ]
    # Ambiguous forms need the entity found another way in this article.
    sure = {c.id for c, ff in raw if ff not in gz.entries[c.id or ""].ambiguous}
    cands = [c for c, ff in raw if c.id in sure]
    present = {c.id for c in cands}
    for rule in gz.context_rules:
        if rule.from_id in present and rule.triggers & present and rule.to_id in gz.entries:
            to = gz.entries[rule.to_id]
            for c in cands:
                if c.id == rule.from_id:
                    c.id, c.type = to.id, to.type
    return cands


_NISBA_FORM = re.compile(r"ال[^\W\d_]{3,}يه")
_DEF_BEFORE = re.compile(rf"(?<!{_WORDCHAR})(?:[وف]?[بكل]?ال|[وف]?لل)[^\W\d_]{{2,}}[^\S\n]+$")
_GIVEN_BEFORE = re.compile(rf"(?<!{_WORDCHAR})([^\W\d_]+)[^\S\n]+$")
_FAMILY_AFTER = re.compile(rf"[^\S\n]+ال[^\S\n]+[^\W\d_]+(?!{_WORDCHAR})")
_LINK_BEFORE = re.compile(rf"(?<!{_WORDCHAR})(?:بن|ابن|بنت)[^\S\n]+$")
_LINK_AFTER = re.compile(r"[^\S\n]+(?:بن|ابن|بنت)[^\S\n]+[^\W\d_]")


def _latin_case_ok(entry: Entry, ff: str, original: str, fmap: FoldMap, fs: int, fe: int) -> bool:
    """An acronym form written in capitals («LPR», «UN») must be capitals."""
    for f in entry.forms:
        if _fold_form(f) == ff and f.isupper():
            a, b = fmap.span(fs, fe)
            return original[a:b].isupper()
    return True


# -- rules ------------------------------------------------------------------


class _Tok:
    __slots__ = ("end", "free", "glued", "start", "w")

    def __init__(self, start: int, end: int, w: str, glued: bool, free: bool) -> None:
        self.start, self.end, self.w, self.glued, self.free = start, end, w, glued, free


def _tokens(folded: str, taken: list[_Cand]) -> list[_Tok]:
    spans = sorted((c.fstart, c.fend) for c in taken)
    toks: list[_Tok] = []
    j = 0
    prev_end = 0
    for m in WORD_RE.finditer(folded):
        s, e = m.start(), m.end()
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        free = not (j < len(spans) and spans[j][0] < e)
        gap = folded[prev_end:s]
        glued = bool(toks) and gap.strip() == "" and "\n" not in gap
        toks.append(_Tok(s, e, m.group(), glued, free))
        prev_end = e
    return toks


_PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
_CLITIC_INDEXES: dict[frozenset[str], dict[str, tuple[int, str]]] = {}


def _strip_pro(w: str, vocab: frozenset[str]) -> tuple[int, str] | None:
    """(prefix length, core) if *w* is a word of *vocab* with proclitics."""
    ix = _CLITIC_INDEXES.get(vocab)
    if ix is None:
        ix = {}
        for core in vocab:
            for pre in _PROCLITICS:
                ix.setdefault(pre + core, (len(pre), core))
                if pre.endswith("ل") and core.startswith("ال"):  # لل + الرئيس
                    ix.setdefault(pre + core[1:], (len(pre), core))
        for core in vocab:
            ix[core] = (0, core)
        _CLITIC_INDEXES[vocab] = ix
    return ix.get(w)


def _is_name_tok(t: _Tok, first: bool) -> bool:
    w = t.w
    if not t.free or len(w) < 2 or w in STOP or w in TITLES or w in ROLE_HEADS:
        return False
    if not _ARABIC_LETTER_RE.search(w) or any(ch.isdigit() for ch in w):
        return False
    if _DEFINITE_RE.match(w) or _strip_pro(w, _ANY_HEAD) is not None or _is_common(w):
        return False
    return not (w[0] in "وف" and w not in GIVEN)


def _linked_name_ok(t: _Tok) -> bool:
    """After «بن» a name may start with و or ف («بن فوزان», «بن وليد»)."""
    w = t.w
    return t.free and len(w) >= 3 and w[0] in "وف" and w not in STOP and not _DEFINITE_RE.match(w)


def _surname_ok(t: _Tok, strong: bool = False) -> bool:
    """A family name in «ال» form («الجبير»), closing a chain.  After a
    title (*strong*) it may end in ة («الربيعة»)."""
    w = t.w
    if not t.free or not w.startswith("ال") or len(w) < 5:
        return False
    if w in STOP or w in TITLES or w in _GENERIC_AFTER_HEAD or w in _NOT_SURNAMES or _is_common(w):
        return False
    if w.endswith("ه") and strong and not w.endswith("يه"):
        return True
    return not w.endswith(("ه", "يين", "يون", "ات"))


_DEFINITE_RE = re.compile(r"(?:[وف]?[بكل]?ال|[وف]?لل)")
_VERB_PRONOUN_RE = re.compile(r"[يت][^\W\d_]{2,}ه$|[بل][مت][^\W\d_]{3,}$")  # «يرافقه», «بمشاركة»
_BAD_PLAIN_START = ("بال", "لل", "وال", "فال", "كال", "بت", "لت", "بم", "لم")
_BAD_PLAIN_END = ("ها", "هم", "هن", "كم", "نا", "وا", "ات")


def _plain_ok(w: str) -> bool:
    """A name word after the first: no pronoun suffix, no clitic look."""
    if w.startswith(_BAD_PLAIN_START) or w.endswith(_BAD_PLAIN_END) or _VERB_PRONOUN_RE.match(w):
        return False
    return not (len(w) >= 5 and w.endswith("ا"))


def _name_chain(toks: list[_Tok], i: int, *, strong: bool) -> int:
    """End index (exclusive) of a person's name starting at *i*, or *i*.

    A first name, then «بن/بنت X» links, or up to two more plain names
    (one unless *strong*), closed by an optional «آل X» or «ال» family name.
    """
    n = len(toks)
    if i >= n or not _is_name_tok(toks[i], True):
        return i

    def nxt(j: int) -> _Tok | None:
        return toks[j] if j < n and toks[j].glued and toks[j].free else None

    j = i + 1
    first = toks[i].w
    if first == _ABD:
        t = nxt(j)
        if t is None or t.w in STOP:
            return i
        j += 1  # «عبد» + «الله»
    elif first in _ABU:
        t = nxt(j)
        if t is None or t.w in STOP or not (_is_name_tok(t, False) or _surname_ok(t)):
            return i
        j += 1  # «أبو» + «بكر» / «أبو» + «الغيط»
        t = nxt(j)
        if t is not None and _surname_ok(t) and not toks[j - 1].w.startswith("ال"):
            j += 1
        return j
    linked = False
    plain = 0
    while (t := nxt(j)) is not None:
        w = t.w
        t2 = nxt(j + 1)
        if w in _NAME_LINKS and t2 is not None and (_is_name_tok(t2, False) or _linked_name_ok(t2)):
            j += 2
            linked = True
            if t2.w == _ABD and nxt(j) is not None:
                j += 1
            continue
        if w == _AL and t2 is not None:
            j += 2
            break
        if _surname_ok(t, strong):
            j += 1
            break
        if not linked and _is_name_tok(t, False) and _plain_ok(w) and plain < (2 if strong else 1):
            if w in _ABU:  # «حسن أبو علي», never a bare «أبو» at the end
                if t2 is None or not (_is_name_tok(t2, False) or _surname_ok(t2)):
                    break
                j += 1
            plain += 1
            j += 1
            if w == _ABD and nxt(j) is not None:  # «محمد عبد الله»
                j += 1
            continue
        break
    return j


def _rule_cands(folded: str, taken: list[_Cand], gz: Gazetteer) -> list[_Cand]:
    toks = _tokens(folded, taken)
    taken_at = {c.fstart: c for c in taken}
    out: list[_Cand] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not t.free:
            i += 1
            continue
        # 0. Facilities named after a royal or a scholar: «مستشفى الملك فهد».
        fac = _strip_pro(t.w, FACILITY_HEADS)
        if fac is not None and i + 2 < n and toks[i + 1].glued:
            if toks[i + 1].w in _ROYAL:
                k = _name_chain(toks, i + 2, strong=True)
            else:  # «جامع أحمد بن حنبل», «مستشفى سليمان الحبيب»
                k = _name_chain(toks, i + 1, strong=False)
                if k <= i + 2 or _untitled_name_ok([x.w for x in toks[i + 1 : k]]) is None:
                    k = i
            if k > i + 2:
                while k < n and k - i < 8 and toks[k].glued and _surname_ok(toks[k]) and toks[k].w not in _NAME_END:
                    k += 1
                typ = "LOC" if fac[1] in _LOC_FACILITIES else "ORG"
                out.append(_Cand(t.start + fac[0], toks[k - 1].end, typ, None, f"rule:facility({_spelled(fac[1])})"))
                i = k
                continue
        # 1. Title (+ qualifiers) + name.
        title = _strip_pro(t.w, _TITLES_AND_ROLES)
        if title is not None:
            j = i + 1
            skipped = 0
            while j < n and toks[j].glued and skipped < 4:
                tj = toks[j]
                if tj.free and (_DEFINITE_RE.match(tj.w) or tj.w in _ROLE_FILLERS):
                    if tj.w in STOP:
                        break
                    # «الإمام الصادق»: after a personal title only an
                    # adjective («الرئيس الأمريكي») opens the qualifiers.
                    if not skipped and title[1] in _PERSONAL_TITLES and tj.w not in _ROLE_FILLERS:
                        if not tj.w.endswith(("ي", "يه")):
                            break
                    j += 1
                    skipped += 1
                    continue
                if not tj.free and (c := taken_at.get(tj.start)) is not None and c.type == "LOC":
                    j += 1  # «وزير خارجية فرنسا …»
                    while j < n and not toks[j].free and toks[j].start < c.fend:
                        j += 1
                    skipped += 1
                    continue
                if tj.free and _strip_pro(tj.w, TITLES) is not None:
                    j += 1
                    skipped += 1
                    continue
                break
            if j < n and toks[j].glued and (skipped or title[1] in TITLES):
                k = _name_chain(toks, j, strong=True)
                if k > j and _titled_name_ok([x.w for x in toks[j:k]], title[1]):
                    rule = f"rule:title({_spelled(title[1])})"
                    end, eid = toks[k - 1].end, None
                    nxt = taken_at.get(toks[k].start) if k < n and toks[k].glued else None
                    if nxt is not None and nxt.type == "PER" and _given_like(toks[j].w):
                        end, eid = nxt.fend, nxt.id  # «الرئيس جون» + «بايدن»
                    out.append(_Cand(toks[j].start, end, "PER", eid, rule))
                    i = k
                    continue
            i = max(i + 1, j if skipped else i + 1)
            continue
        # 2. Organisation and place heads.  An organisation named after a
        # known place is one ORG: «جامعة الباحة», «إمارة منطقة الرياض».
        org = _strip_pro(t.w, _PLACE_ORG_HEADS)
        nxt_c = taken_at.get(toks[i + 1].start) if org and i + 1 < n and toks[i + 1].glued else None
        if org is not None and nxt_c is not None and nxt_c.type == "LOC":
            out.append(_Cand(t.start + org[0], nxt_c.fend, "ORG", None, f"rule:head({_spelled(org[1])})"))
            i += 1
            continue
        dorg = _strip_pro(t.w, DEF_ORG_HEADS)
        if dorg is not None and i + 2 < n and toks[i + 1].glued and toks[i + 2].glued:
            adj, comp = toks[i + 1], toks[i + 2]
            if (
                adj.free
                and comp.free
                and adj.w.startswith("ال")
                and (adj.w.endswith(("ه", "ي")) or adj.w in _RANK_ADJ)
                and adj.w not in _GENERIC_ADJ
                and comp.w.startswith(("لل", "ل"))
                and len(comp.w) >= 5
                and comp.w not in STOP
            ):
                k = i + 3
                while k < n and k - i < 7 and toks[k].glued and toks[k].free and _DEFINITE_RE.match(toks[k].w):
                    if toks[k].w in _NAME_END:
                        break
                    k += 1
                out.append(_Cand(t.start + dorg[0], toks[k - 1].end, "ORG", None, f"rule:org({_spelled(dorg[1])})"))
                i = k
                continue
        head = _strip_pro(t.w, _ALL_HEADS)
        if head is not None:
            k = _head_phrase(toks, i + 1, head[1] in LOC_HEADS)
            if k > i + 1:
                typ = "LOC" if head[1] in LOC_HEADS else "ORG"
                s = t.start + head[0]
                out.append(_Cand(s, toks[k - 1].end, typ, None, f"rule:head({_spelled(head[1])})"))
                i = k
                continue
        # 3. Name chains without a title: «X بن Y», given name + surname, «أبو X».
        k = _name_chain(toks, i, strong=False)
        if k > i + 1:
            why = _untitled_name_ok([x.w for x in toks[i:k]])
            if why is not None:
                out.append(_Cand(t.start, toks[k - 1].end, "PER", None, f"rule:{why}"))
                i = k
                continue
        # 4. Foreign surname shapes («يانوكوفيتش»).
        if _FOREIGN_SURNAME_RE.match(t.w) and t.w not in STOP:
            out.append(_Cand(t.start, t.end, "PER", None, "rule:foreign-shape"))
        i += 1
    return out


def _looks_foreign(w: str) -> bool:
    """A transliterated name carries a long vowel inside the word («جون»,
    «كروز»), and is not a clitic + role word («كلاعب») or a nisba («آسيوي»)."""
    if w[:1] in ("و", "ف", "ب", "ك", "ل") and ("ال" + w[1:]) in TITLES:
        return False
    if w.endswith("وي"):
        return False
    return len(w) >= 3 and any(ch in "اوي" for ch in w[1:-1]) and not w.endswith("ه") and w not in STOP


def _given_like(w: str) -> bool:
    return w in GIVEN or (w.startswith("عبد") and len(w) > 5)


def _titled_name_ok(words: list[str], title: str = "") -> bool:
    """Is *words*, after a title, a person's name?  A known given name, a
    compound «عبد…» name, a «بن» chain, a first name and a family name
    («عبدالمنعم الحيزان»), or two foreign-looking words («ديفيد كاميرون»).
    After a title that is also a common word («الفريق»: the team) only a
    known given name will do."""
    if title in _WEAK_TITLES:
        return _given_like(words[0]) and (len(words) > 1 or words[0] not in _AMBIG_GIVEN)
    if not _given_like(words[0]) and not _plain_ok(words[0]):
        return False
    if len(words) == 1:
        return _given_like(words[0]) and words[0] not in _AMBIG_GIVEN
    if _given_like(words[0]) or any(w in _NAME_LINKS for w in words[1:]):
        return True
    if len(words) == 2 and words[1].startswith("ال"):
        w = words[0]
        return _plain_ok(w) and not w.endswith("ه") and w[0] not in "لبكوف" and not _verbish(w)
    return all(_looks_foreign(w) for w in words)


def _untitled_name_ok(words: list[str]) -> str | None:
    """The rule that makes *words* (no title before) a person's name, if any."""
    first = words[0]
    if len(words) > 1 and words[1] in _NAME_LINKS:
        return "chain(بن)"
    if first == _ABD and len(words) > 3 and words[2] in _NAME_LINKS:
        return "chain(بن)"
    if first in _ABU and len(words) > 1:
        return "chain(أبو)"
    if _given_like(first) and first not in _AMBIG_GIVEN:
        return "given-name"
    last = words[-1]
    second_given = _given_like(words[1]) and words[1] not in _AMBIG_GIVEN
    if first in GIVEN and ((last.startswith("ال") and last.endswith("ي")) or second_given):
        return "given-name"  # «منصور البلوي», «صالح محمد»
    return None


def _head_phrase(toks: list[_Tok], j: int, place: bool) -> int:
    """End of the name after an organisation or place head at *j*."""
    n = len(toks)
    if j >= n or not toks[j].glued or not toks[j].free:
        return j
    first = toks[j].w
    if first in _NAME_END or first in _GENERIC_AFTER_HEAD or any(ch.isdigit() for ch in first):
        return j
    if place:
        # «مدينة جدة», «بحر قزوين», «محافظة وادي الدواسر»: one proper-name word,
        # two when the first is a place word.
        if first in _PLACE_WORDS and j + 1 < n and toks[j + 1].glued and toks[j + 1].free:
            second = toks[j + 1].w
            if second not in _NAME_END and not any(ch.isdigit() for ch in second):
                return j + 2
            return j
        if first in _WEAK_TITLES or _is_common(first):  # «وأدى الفريق» is not «وادي …»
            return j
        if first.endswith(("يه", "يين", "يون")) or (not first.startswith("ال") and first in GIVEN):
            return j
        if first in _INDEF_ADJ:  # «مخيم خاص», «قرية صغيرة»
            return j
        if not first.startswith("ال") and (not _ARABIC_LETTER_RE.search(first) or first.endswith("ي")):
            return j  # «مضيق بحري»: an adjective, not a name
        return j + 1
    if not first.startswith("ال"):
        return j
    k = j + 1
    while k < n and k - j < 4 and toks[k].glued and toks[k].free:
        w = toks[k].w
        if not w.startswith("ال") or w in _NAME_END or w in TITLES:  # «وزارة الصحة الدكتور …»
            break
        k += 1
    return k


def _alias_cands(folded: str, cands: list[_Cand], gz: Gazetteer) -> list[_Cand]:
    """Surnames of persons already found in this article (*cands* holds no
    overlaps).  Only the family name of a multi-word name counts: not a
    father's name after «بن», not «أبو», not a common word; and not where
    another first name stands right before it («فاتن حمامة» is not «أحمد
    حمامة»)."""
    aliases: dict[str, _Cand] = {}
    shared: set[str] = set()  # a surname of two persons names neither
    for c in cands:
        if c.type != "PER":
            continue
        words = folded[c.fstart : c.fend].split()
        if len(words) < 2:
            continue
        last, before = words[-1], words[-2]
        if len(last) < 3 or last in STOP or last in GIVEN or last in gz.form_index:
            continue
        if last in TITLES or last in _NOT_SURNAMES or last in _ABU or last == _ABD or _is_common(last):
            continue
        if before in _NAME_LINKS or before == _AL or before == _ABD or before in _ABU:
            continue
        if last.startswith("ال") and not _surname_ok(_Tok(0, 0, last, True, True), strong=True):
            continue
        if aliases.setdefault(last, c).id != c.id:
            shared.add(last)
    for last in shared:
        del aliases[last]
    if not aliases:
        return []
    pat = re.compile(rf"(?<!{_WORDCHAR})(?:[وف]?[بكل]|[وف])??(?P<name>{_trie_regex(aliases)})(?!{_WORDCHAR})")
    spans = sorted((c.fstart, c.fend) for c in cands)
    out: list[_Cand] = []
    for m in pat.finditer(folded):
        s, e = m.start("name"), m.end("name")
        if any(a < e and s < b for a, b in spans):
            continue
        ref = aliases[m.group("name")]
        prev = _GIVEN_BEFORE.search(folded, max(0, s - 40), s) if s == m.start() else None
        if prev is not None and _name_before(prev.group(1), folded[ref.fstart : ref.fend].split()[0]):
            continue
        out.append(_Cand(s, e, "PER", ref.id, f"alias:{ref.id}", ref=ref))
    return out


def _name_before(w: str, own: str) -> bool:
    """Does *w*, right before a surname, make it another person's name?
    (*own*: the first name of the person the surname stands for.)"""
    if w in STOP or any(w == pre + own for pre in _PROCLITICS):
        return False
    if w in _NAME_LINKS or w in _ABU or w == _ABD or w == _AL:
        return True
    if _given_like(w) or w in _AMBIG_GIVEN:
        return True
    if w[:1] in ("و", "ف") and (_given_like(w[1:]) or w[1:] in _AMBIG_GIVEN):
        return True  # «وأحمد حمامة»
    if w[:1] in ("و", "ف") and len(w) > 3:
        return False  # «وأضاف حمامة», «وقوات صالح», «فقال …»
    if w[:1] in ("ي", "ت") and w not in GIVEN and w not in _AMBIG_GIVEN:
        return False  # «يعيد عمارة»: a verb
    if w in STOP or w in TITLES or w in ROLE_HEADS or _DEFINITE_RE.match(w) or _is_common(w):
        return False
    return _ARABIC_LETTER_RE.search(w) is not None and _plain_ok(w) and _strip_pro(w, _ANY_HEAD) is None


# --------------------------------------------------------------------------
# Aggregation and look-up


def entity_rows(
    articles: Iterable[Article],
    gazetteer: Gazetteer,
    *,
    types: Iterable[str] | None = None,
    min_count: int = 1,
) -> list[dict[str, Any]]:
    """One row per entity, sorted by mentions (desc), then id."""
    wanted = _check_types(types)
    agg: dict[str, dict[str, Any]] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    adjectives: Counter[str] = Counter()
    for article in articles:
        if gazetteer.adjectives:
            adjectives.update(a.id for a in find_adjectives(article, gazetteer))
        for m in find_mentions(article, gazetteer):
            if wanted is not None and m.type not in wanted:
                continue
            row = agg.get(m.id)
            if row is None:
                entry = gazetteer.get(m.id)
                row = agg[m.id] = {
                    "id": m.id,
                    "name": entry.name if entry else m.text,
                    "type": m.type,
                    "mentions": 0,
                    "articles": 0,
                    "per_article": {},
                    "forms": [],
                }
            row["mentions"] += 1
            pa = row["per_article"]
            if m.doc not in pa:
                row["articles"] += 1
            pa[m.doc] = pa.get(m.doc, 0) + 1
            forms[m.id][" ".join(m.text.split())] += 1
    rows = []
    for eid, row in agg.items():
        if row["mentions"] < min_count:
            continue
        row["forms"] = [f"{f} ({n})" for f, n in sorted(forms[eid].items(), key=lambda x: (-x[1], x[0]))]
        row["adjectives"] = adjectives.get(eid, 0)
        rows.append(row)
    rows.sort(key=lambda r: (-r["mentions"], r["id"]))
    return rows


def _check_types(types: Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    out = {t.upper() for t in types}
    bad = sorted(out - set(TYPES))
    if bad:
        raise UsageError(f"unknown entity type {bad[0]!r}; choose from {', '.join(TYPES)}")
    return out or None


def resolve_entity(gazetteer: Gazetteer, name: str, *, known: Iterable[str] = ()) -> str:
    """The id of *name*: an id (any case), or any form of an entity (folded).

    *known*: ids of entities found in the corpus but not in the gazetteer
    (their Arabic names), also accepted.
    """
    q = name.strip()
    if not q:
        raise UsageError("the entity name is empty; give an id such as 'Vladimir Putin' or an Arabic form")
    ids = {k.lower(): k for k in gazetteer.entries}
    if q.lower() in ids:
        return ids[q.lower()]
    ff = _fold_form(q)
    if ff in gazetteer.form_index:
        return gazetteer.form_index[ff]
    extra = {_fold_form(k): k for k in known}
    if ff in extra:
        return extra[ff]
    choices = list(gazetteer.entries) + list(extra.values())
    close = difflib.get_close_matches(q, choices, n=3, cutoff=0.6)
    if not close:
        folded_forms = list(gazetteer.form_index)
        near = difflib.get_close_matches(ff, folded_forms, n=3, cutoff=0.6)
        close = [gazetteer.form_index[f] for f in near]
    hint = f"; did you mean {', '.join(repr(c) for c in dict.fromkeys(close))}?" if close else ""
    raise UsageError(
        f"no entity {name!r} in the gazetteer{hint} (list them with 'kzcorpus entities', or add it with --gazetteer)"
    )


def entity_hits(article: Article, gazetteer: Gazetteer, entity_id: str) -> list[Hit]:
    """Mentions of *entity_id* in *article* as KWIC hits (``match`` says
    what found each one), for :func:`kzcorpus.kwic.concordance`."""
    return [Hit(m.start, m.end, m.found_by) for m in find_mentions(article, gazetteer) if m.id == entity_id]


def mentions_of(articles: Iterable[Article], gazetteer: Gazetteer, entity_id: str) -> Iterator[Mention]:
    """Every mention of *entity_id* in *articles*, in corpus order."""
    for article in articles:
        for m in find_mentions(article, gazetteer):
            if m.id == entity_id:
                yield m


# --------------------------------------------------------------------------
# Scoring (GUIDELINES.md: overlap + same type; linking also same id)


def score(found: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 per type and overall, plus linking.

    A found mention matches a gold one of the same document when their spans
    overlap and their types agree (one to one).  Gold lines marked
    ``optional`` neither reward nor penalise: found mentions overlapping
    only them are left out.  Linking counts a match only when the ids agree
    too.
    """
    gold_l = list(gold)
    found_l = list(found)
    by_doc_g: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold_l:
        by_doc_g[g["doc"]].append(g)
    out: dict[str, Any] = {}
    for mode in ("typed", "linking"):
        tp_f: Counter[str] = Counter()
        tp_g: Counter[str] = Counter()
        n_f: Counter[str] = Counter()
        n_g: Counter[str] = Counter()
        for g in gold_l:
            if not g.get("optional"):
                n_g[g["type"]] += 1
        used: set[int] = set()
        for f in found_l:
            golds = by_doc_g.get(f["doc"], [])
            over = [g for g in golds if g["start"] < f["end"] and f["start"] < g["end"]]
            ok = [
                g
                for g in over
                if g["type"] == f["type"] and (mode == "typed" or g.get("id") == f.get("id")) and id(g) not in used
            ]
            hit = next((g for g in ok if not g.get("optional")), None) or next(iter(ok), None)
            if hit is not None and hit.get("optional"):
                used.add(id(hit))
                continue
            if hit is None and over and all(g.get("optional") for g in over):
                continue
            n_f[f["type"]] += 1
            if hit is not None:
                used.add(id(hit))
                tp_f[f["type"]] += 1
                tp_g[hit["type"]] += 1
        res: dict[str, Any] = {}
        for t in [*TYPES, "ALL"]:
            if t == "ALL":
                pf, pn, rg, rn = sum(tp_f.values()), sum(n_f.values()), sum(tp_g.values()), sum(n_g.values())
            else:
                pf, pn, rg, rn = tp_f[t], n_f[t], tp_g[t], n_g[t]
            p = pf / pn if pn else 0.0
            r = rg / rn if rn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            res[t] = {"precision": p, "recall": r, "f1": f1, "found": pn, "gold": rn, "correct": pf}
        out[mode] = res
    return out
