"""Listed companies from pytickersymbols==1.17.10 (the members of 20 stock indices).

Each company becomes one `company` entry named as the package names it, without a parenthesis
("Clearway Energy, Inc. (Class A)" -> "Clearway Energy, Inc."; share classes are one entry). Its
short form drops the legal form and a leading "The" ("Shell plc" -> "Shell", "The Coca-Cola
Company" -> "Coca-Cola", "Toyota Motor Corporation" -> "Toyota Motor"; nothing more is cut).

The short form becomes an alias only when it is safe on its own (`short_ok`):
- at least four letters (no "CME", "SMC", "MLP": three-letter acronyms name many things);
- no word that ends three or more of the package's names ("Bancorp", "Partners");
- as one word: no WordNet common word, also in the plural ("Next", "Target", "Shell",
  "Travelers"); no US Census given name or common surname ("Ball"); no given name or surname of
  the rule stage ("Puig"); no person's name with 's ("Kohl's"); no month, stop-list surface or
  function word;
- as several words: not only common words and demonyms ("Healthcare Services", "State Street",
  "American International");
- never the name or alias of a place, a nationality or a person, nor another listed company's
  short form ("Merck").
A town under 100,000 people with a company's one-word name loses its bare name instead ("Nokia,
Finland"; Ctx.risky_place, as for ORG_COLLIDE in gendict.py). A one-word name itself follows the
one-word rules (else the company is left out); one of up to four letters ("Sto", "Eni") is
guarded like a short place name. A company another org entry already names (by its full name or
its short form: the compromise lexicon's "Siemens", the banks of financial.jsonl) is that
entry's and is skipped.

Country: the package's `country` is a country or a US "City, State" (and sometimes wrong, e.g. a
Russian listing merged into Deutsche Telekom); the home country of one of the company's indices
that one of its ISINs confirms wins, then the stated country, then the index's home country.
"""

import re

INDEX_COUNTRY = {"AEX": "NL", "BEL 20": "BE", "CAC_40": "FR", "CAC Mid 60": "FR", "DAX": "DE", "DOW JONES": "US",
                 "EURO STOXX 50": None, "FTSE 100": "GB", "IBEX 35": "ES", "MDAX": "DE", "NASDAQ 100": "US",
                 "NIKKEI 225": "JP", "OMX Helsinki 25": "FI", "OMX Stockholm 30": "SE", "SDAX": "DE", "S&P 100": "US",
                 "S&P 500": "US", "S&P 600": "US", "Switzerland 20": "CH", "TecDAX": "DE"}
INDEX_NAME = {"CAC_40": "CAC 40", "NIKKEI 225": "Nikkei 225", "DOW JONES": "Dow Jones"}
COUNTRY_ALIAS = {"united states": "US", "usa": "US", "united kingdom": "GB", "uk": "GB", "russian federation": "RU",
                 "south korea": "KR", "the netherlands": "NL", "czech republic": "CZ"}
# Legal forms (and the words "Group" and "Holdings", which news leaves out as well), cut from the end.
LEGAL = re.compile(r"(?:,? (?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Companies|Co\.?|& Co\.?|plc|PLC|Plc"
                   r"|AG|SE|S\.?A\.?|N\.?V\.?|N\.A\.|AB|ASA|Oyj|Oy|A/S|Ltd\.?|Limited|Holdings?|Group|KGaA|SpA"
                   r"|S\.p\.A\.|GmbH|LLC|L\.P\.|LP|& plc|Parent))+$")
PRIORITY = 1


def short_form(name):
    s = LEGAL.sub("", name).strip(" ,")
    s = re.sub(r"(?: &| and)$", "", s)  # "McCormick & Company" -> "McCormick"
    s = re.sub(r"^The ", "", s)
    return s if s and s != name else None


def country_of(c, states, names):
    stated = None
    raw = (c.get("country") or "").strip()
    if raw:
        last = raw.split(",")[-1].strip().lower()
        if "," in raw and last in states:
            stated = "US"  # "Atlanta, Georgia"
        else:
            stated = names.get(last) or COUNTRY_ALIAS.get(last) or ("US" if last in states else None)
    isin = {i[:2] for i in c.get("isins") or []}
    idx = {INDEX_COUNTRY[i] for i in c["_indices"]} - {None}
    both = sorted(idx & isin)
    if both:
        return both[0]
    if stated:
        return stated
    return sorted(idx)[0] if len(idx) == 1 else None


def rule_names(root):
    """The given names and surnames of the rule stage (dictionaries/rules/names_*.jsonl, made by
    tools/gennames): a company named "Puig" or "Porsche" is not matched by that word alone, which
    the rules read as a person's name ("Jose Soler Puig")."""
    import json
    import os
    out = set()
    for fn in ("names_given.jsonl", "names_surname.jsonl"):
        with open(os.path.join(root, "dictionaries", "rules", fn), encoding="utf-8") as f:
            for line in f:
                o = json.loads(line) if line.strip() else {}
                if "list" in o:
                    out.update(o["words"])
    return out


def is_word(w, ctx, function_words):
    """A common word, also in the plural ("Partners", "Travelers"), or a function word."""
    w = w.strip(".,")
    low = w.lower()
    return (ctx.is_common(w) or low in function_words or (low.endswith("s") and ctx.is_common(low[:-1]))
            or (low.endswith("es") and ctx.is_common(low[:-2])))


def short_ok(s, ctx, fold, blocked, stop, months, function_words, min_letters=3):
    f = fold(s)
    letters = [ch for ch in s if ch.isalpha()]
    if len(letters) < min_letters or f in blocked or s in stop or f in ctx.company_words:
        return False
    if " " not in s:
        stem = re.sub(r"'s$", "", f)
        if (is_word(s, ctx, function_words) or f in ctx.persons or f in ctx.rule_names or f in months
                or (stem != f and stem in ctx.person_surfaces)):
            return False  # "Kohl's": a person's name with 's
    elif all(is_word(w, ctx, function_words) or fold(w) in ctx.demonyms for w in s.split()):
        return False  # "Healthcare Services", "State Street", "American International": words, not a name
    return True


def company_words(fold):
    """Words that end three or more of the package's names ("Bancorp", "Partners", "Energy"):
    they name a kind of company, not one."""
    from collections import Counter
    n = Counter(fold(clean_name(c["name"]).split()[-1]) for c in load() if " " in clean_name(c["name"]))
    return {w for w, k in n.items() if k >= 3}


def clean_name(name):
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def one_word_names(ctx, fold, stop, months, function_words):
    """The one-word names and short forms of the companies that are no word or person's name: a
    smaller place of that name is not matched bare ("Nokia, Finland"; see Ctx.risky_place)."""
    out = set()
    for c in load():
        name = clean_name(c["name"])
        for s in (name, short_form(name)):
            if s and " " not in s and not s.isupper() and short_ok(s, ctx, fold, set(), stop, months, function_words):
                out.add(s)
    return out


def load():
    """The package's companies, each with `_indices` (the indices it belongs to), in the package's order."""
    from pytickersymbols.indices_data import INDICES
    out, by_name = [], {}
    for idx, data in INDICES.items():
        for c in data.get("companies") or []:
            name = (c.get("name") or "").strip()
            if not name:
                continue
            if name not in by_name:
                by_name[name] = dict(c, _indices=[])
                out.append(by_name[name])
            if idx not in by_name[name]["_indices"]:
                by_name[name]["_indices"].append(idx)
    return out


def build(files, ctx, fold, slug, add_aliases, finish_entry, known_orgs, blocked, taken, stop, months,
          function_words, states, country_names):
    """Writes orgs/listed_companies.jsonl. known_orgs: folded names/aliases of the org entries;
    blocked: folded surfaces of places, nationalities and people."""
    import pytickersymbols
    ver = pytickersymbols.__version__
    groups = {}
    order = []
    for c in load():
        name = clean_name(c["name"])
        key = fold(name)
        if key not in groups:
            groups[key] = (name, [])
            order.append(key)
        groups[key][1].append(c)
    cands = []
    shorts = {}
    for key in order:
        name, cs = groups[key]
        short = short_form(name)
        if key in known_orgs or (short and fold(short) in known_orgs):
            continue  # another org entry is this company
        if key in blocked or (" " not in name and not short_ok(name, ctx, fold, set(), stop, months, function_words)):
            continue  # a one-word name that is a word, person or place
        cands.append((name, short, cs))
        if short:
            shorts.setdefault(fold(short), set()).add(key)
    out = files.setdefault("orgs/listed_companies.jsonl", [])
    for name, short, cs in cands:
        c = cs[0]
        indices = []
        for x in cs:
            for i in x["_indices"]:
                if INDEX_NAME.get(i, i) not in indices:
                    indices.append(INDEX_NAME.get(i, i))
        iso = country_of(dict(c, _indices=[i for x in cs for i in x["_indices"]], isins=[
            i for x in cs for i in x.get("isins") or []]), states, country_names)
        eid = "org:company:%s" % slug(name)
        if eid in taken:
            eid = "org:company:%s-%s" % (slug(name), (iso or "xx").lower())
        taken.add(eid)
        e = {"id": eid, "label": "organization", "kind": "company", "name": name, "aliases": [],
             "priority": PRIORITY}
        if short and len(shorts[fold(short)]) == 1 and short_ok(short, ctx, fold, blocked, stop, months,
                                                                 function_words, min_letters=4):
            add_aliases(e, [short], ctx)
        if iso:
            e["country"] = iso
        tickers = [x["symbol"] for x in cs if x.get("symbol")]
        e["attrs"] = {"ticker": ", ".join(tickers), "index": ", ".join(sorted(indices)),
                      "source": "pytickersymbols==%s" % ver}
        # A one-word name of up to four letters ("Sto", "Eni") is guarded as gendict guards short
        # place names: not in all-caps headlines, where it reads as an acronym or ticker ("STONE <STO>").
        finish_entry(e, ctx, place_guard=" " not in name and not name.isupper())
        out.append(e)
