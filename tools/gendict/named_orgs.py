"""Companies, media, bands, leagues and sports teams named in the compromise@14.17.0 lexicon (MIT).

The lexicon lists them in lower case ("new york yankees", "ibm"); the names are
rebuilt in title case, short ones as acronyms, and matched capitalized only (acronyms
exactly). Left out: what the other files already name (NATO, the FBI ...), words that
are no organization in news ("brexiteers", "roman empire"), and one-word names that are
also personal names (Ford, Dell: "Gerald Ford" is no company).
"""
import json
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON_DUMP = os.path.join(HERE, "..", "gennames", "compromise_lexicon.mjs")

# Entries of the lexicon's Organization list that name no organization, or that are
# abbreviations of words ("dept", "inc").
NOT_ORGS = {
    "dept", "univ", "assn", "inc", "ltd", "co", "brexiteers", "eurosceptics", "roman empire",
    "medicaid", "medicare", "coco chanel", "notre dame", "crossrail", "lexis", "mitas", "amt",
    "ayer", "bni", "ghq", "jsa", "gmb", "macs milk", "ben & jerry", "destiny child",
    "bfgoodrich", "chick fil a", "carls jr", "le oreal", "la z boy", "foxcon", "quantas",
    "glaxo smith kline", "orange julius",
}
# Four letters or fewer, yet written as words, not acronyms.
WORDS = {"acer", "audi", "avis", "avon", "dell", "fiat", "ford", "nike", "sony", "uber", "visa",
         "kodak", "intel", "mobil", "coors", "chevy", "sears", "ikea"}
SMALL = {"of", "the", "and", "on", "n", "r"}


def load_lexicon(package_dir):
    """{tag: [word, ...]} of the unpacked compromise package, through its own loader."""
    out = subprocess.run(["node", LEXICON_DUMP, package_dir], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def display(name):
    """'new york yankees' -> 'New York Yankees'; 'ibm' -> 'IBM'; 'at&t' -> 'AT&T', 'ac/dc' -> 'AC/DC'."""
    if ("&" in name or "/" in name) and " " not in name:
        return name.upper()
    words = name.split()
    if len(words) == 1 and name.isalpha() and len(name) <= 4 and name not in WORDS:
        return name.upper()
    out = []
    for i, w in enumerate(words):
        if i and w in SMALL:
            out.append(w)
        elif w in ("&",):
            out.append(w)
        elif re.fullmatch(r"[a-z]{1,2}", w) and i == 0 and w not in ("st", "la", "le"):
            out.append(w.upper())  # "fc barcelona", "bf goodrich", "td bank"
        elif re.fullmatch(r"\d+[a-z]+", w):
            out.append(w)  # "20th", "49ers"
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def build_named_orgs(files, ctx, lexicon, known_folds, fold, finish_entry):
    """Adds orgs/named.jsonl: organizations and sports teams not named elsewhere."""
    out = files["orgs/named.jsonl"]
    seen = set()
    for tag, kind in (("SportsTeam", "sports_team"), ("Organization", "organization")):
        for raw in sorted(lexicon.get(tag, [])):
            if raw in NOT_ORGS:
                continue
            name = display(raw)
            key = fold(name)
            if key in known_folds or key in seen or len(name) <= 2:
                continue  # two letters (BP, LG) would match far too much
            single = " " not in name
            if single and name.lower() in ctx.persons:
                continue  # Ford, Dell, Baxter: persons first
            seen.add(key)
            e = {"id": "org:%s:%s" % (kind, slug(raw)), "label": "organization", "kind": kind,
                 "name": name, "aliases": [], "priority": 2}
            rest = name[4:]
            if name.startswith("The ") and " " in rest:
                e["aliases"].append(rest)  # "the Beach Boys"; not "Who" or "Carpenters"
            if name.startswith("St "):
                e["aliases"].append("St. " + name[3:])
            # A one-word name that is also a word ("Shell", "Visa") is guarded.
            finish_entry(e, ctx, place_guard=single and not name.isupper())
            out.append(e)
