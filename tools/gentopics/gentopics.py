#!/usr/bin/env python3
"""Generate dictionaries/topics/taxonomy.jsonl from the IPTC Media Topics file.

Reads the IPTC "cptall" JSON export (CC BY 4.0), keeps every active (non-retired)
concept and writes one JSON object per line, sorted by qcode, after a provenance
header. The output is deterministic: two runs over the same input are byte-identical.

Usage:

    python3 tools/gentopics/gentopics.py \
        [--iptc ../shared/sources/iptc/cptall-en-US.json] \
        [--out dictionaries/topics/taxonomy.jsonl] [--check]

With --check nothing is written; the exit status is 1 when the file on disk differs
from what would be generated (for CI).
"""
import argparse
import re
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_IPTC = os.path.join(ROOT, "..", "shared", "sources", "iptc", "cptall-en-US.json")
DEFAULT_OUT = os.path.join(ROOT, "dictionaries", "topics", "taxonomy.jsonl")
URI_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/"
WIKIDATA_PREFIXES = ("https://www.wikidata.org/entity/", "http://www.wikidata.org/entity/")
LANG = "en-US"


def qcode_of(ref):
    """Turns a broader/narrower reference (URI or qcode) into a qcode."""
    if ref.startswith(URI_PREFIX):
        return "medtop:" + ref[len(URI_PREFIX):]
    if ref.startswith("medtop:"):
        return ref
    raise ValueError(f"unexpected concept reference {ref!r}")


def clean(text):
    # Collapse internal whitespace runs; a few definitions carry line breaks.
    return " ".join(text.split())


def generate(iptc_path):
    with open(iptc_path, encoding="utf-8") as f:
        scheme = json.load(f)
    concepts = scheme["conceptSet"]
    active = {c["qcode"]: c for c in concepts if "retired" not in c}
    rows = []
    for qcode in sorted(active):
        c = active[qcode]
        row = {"id": qcode, "label": clean(c["prefLabel"][LANG])}
        definition = clean(c.get("definition", {}).get(LANG, ""))
        if definition:
            row["definition"] = definition
        parents = [qcode_of(b) for b in c.get("broader", [])]
        if len(parents) > 1:
            raise ValueError(f"{qcode}: more than one broader concept")
        if parents:
            if parents[0] not in active:
                raise ValueError(f"{qcode}: parent {parents[0]} is retired or missing")
            row["parent"] = parents[0]
        wikidata = sorted(
            m[len(p):]
            for m in c.get("exactMatch", [])
            for p in WIKIDATA_PREFIXES
            if m.startswith(p)
        )
        if wikidata:
            row["wikidata"] = wikidata[0]
        rows.append(row)
    released = scheme.get("dateReleased", "")[:10]
    meta = {
        "meta": {
            "source": f"IPTC Media Topics (cptall-en-US.json, released {released}), https://iptc.org/standards/media-topics/",
            "license": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), copyright IPTC",
            "generated_by": "tools/gentopics/gentopics.py",
            "note": f"{len(rows)} active concepts; retired concepts left out",
        }
    }
    lines = [json.dumps(meta, ensure_ascii=False, sort_keys=False)]
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in rows]
    return "\n".join(lines) + "\n"



# ---------------------------------------------------------------------------
# Evidence: curated phrases, PETRARCH2 issue phrases, WordNet synonyms, labels.
# ---------------------------------------------------------------------------

CURATED_DIR = os.path.join(HERE, "curated")
DEFAULT_PETRARCH = os.path.join(ROOT, "..", "shared", "sources", "petrarch2", "Phoenix.IssueCoding.txt")
DEFAULT_WORDNET = "/usr/share/wordnet"
DEFAULT_EVIDENCE = os.path.join(ROOT, "dictionaries", "topics", "evidence.jsonl")
POLICIES = {"exact", "capitalized", "any", "auto"}

# PETRARCH2 issue tags (or block categories for untagged lines) -> (topic, weight).
# Tags not listed are left out on purpose (too vague for a news topic).
PETRARCH_MAP = {
    "DISEASE": ("medtop:20000446", 2.0),
    "SEXTRANS_DISEASE": ("medtop:20000448", 2.0),
    "ID_PANDEMIC": ("medtop:20001218", 2.0),
    "VACCINATION": ("medtop:20000477", 2.0),
    "NAMED_TERROR_GROUP": ("medtop:20000103", 1.5),
    "TERROR": ("medtop:20000103", 2.0),
    "ID_EXTREMISM": ("medtop:20000103", 1.5),
    "ID_JIHAD": ("medtop:20000103", 2.0),
    "SUICIDE_ATTACK": ("medtop:20000053", 2.0),
    "IED": ("medtop:20000053", 2.0),
    "ASSASSINATION": ("medtop:20000099", 2.0),
    "PEACEKEEPERS": ("medtop:20000058", 1.5),
    "AIRSTRIKE": ("medtop:20000056", 2.0),
    "DRONE": ("medtop:20000601", 1.5),
    "NUCLEAR_WEAPONS": ("medtop:20000602", 2.0),
    "CHEMICAL_WEAPONS": ("medtop:20000602", 2.0),
    "BIOLOGICAL_WEAPONS": ("medtop:20000602", 2.0),
    "RADIOLOGICAL_WEAPONS": ("medtop:20000602", 2.0),
    "WMD": ("medtop:20000602", 2.0),
    "ID_ARMS_DEAL": ("medtop:20000601", 2.0),
    "ID_PROLIFERATION": ("medtop:20000635", 2.0),
    "LANDMINE": ("medtop:20000079", 2.0),
    "COUP_DISCUSSION": ("medtop:20000070", 2.0),
    "COUPS": ("medtop:20000070", 2.0),
    "ID_ATROCITY": ("medtop:20000071", 2.0),
    "VIOLENT_UNREST": ("medtop:20000065", 2.0),
    "SECURITY_SERVICES": ("medtop:20000605", 1.5),
    "CHECKPOINT": ("medtop:20000603", 1.0),
    "CYBER_SECURITY": ("medtop:20000086", 2.0),
    "MALWARE": ("medtop:20000086", 2.0),
    "CORRUPTION": ("medtop:20000093", 2.0),
    "ELECTION_FRAUD": ("medtop:20000574", 2.0),
    "ELECTION": ("medtop:20000574", 2.0),
    "ELECTIONS": ("medtop:20000574", 2.0),
    "ID_DEMOCRACY": ("medtop:20000653", 1.5),
    "MEDIA_CENSORSHIP": ("medtop:20000588", 2.0),
    "INTERNET_CENSORSHIP": ("medtop:20000588", 2.0),
    "HUMAN_RIGHTS": ("medtop:20000592", 2.0),
    "POLITICAL_PRISONER": ("medtop:20000592", 2.0),
    "ID_TORTURE": ("medtop:20001320", 2.0),
    "WOMENS_MOVEMENT": ("medtop:20001326", 2.0),
    "LGBT": ("medtop:20000792", 2.0),
    "GENDER_VIOLENCE": ("medtop:20000803", 2.0),
    "CIVIL_SOCIETY": ("medtop:20000646", 1.5),
    "SANCTIONS": ("medtop:20000642", 2.0),
    "FOREIGN_AID": ("medtop:20000643", 2.0),
    "HUMANITARIAN_CRISIS": ("medtop:20000643", 1.5),
    "REFUGEES": ("medtop:20000645", 2.0),
    "ID_IMMIGRATION": ("medtop:20000771", 2.0),
    "EUROPEAN_UNION": ("medtop:20000644", 1.5),
    "INT_FINANCIAL_INST": ("medtop:20000372", 2.0),
    "LABOR_UNIONS": ("medtop:20000536", 2.0),
    "LABOR_STRIKE": ("medtop:20000530", 2.0),
    "UNEMPLOYMENT": ("medtop:20000533", 2.0),
    "DRUGS": ("medtop:20000095", 1.5),
    "DRUG_CARTEL": ("medtop:20000096", 2.0),
    "DRUG_CARTELS": ("medtop:20000096", 2.0),
    "DRUG_TRADE": ("medtop:20000096", 2.0),
    "ORGANIZED_CRIME": ("medtop:20000101", 2.0),
    "HUMAN_TRAFFICKING": ("medtop:20001283", 2.0),
    "COMMON_ROBBERY": ("medtop:20000104", 2.0),
    "RAPE": ("medtop:20000085", 2.0),
    "KIDNAP": ("medtop:20000100", 2.0),
    "NATURAL_DISASTER": ("medtop:20000151", 2.0),
    "SELF_IDENTIFIED_ENVIRON_DISASTER": ("medtop:20000424", 1.5),
    "CLIMATE_CHANGE": ("medtop:20000418", 2.0),
    "ENVIRONMENTAL_MOVEMENT": ("medtop:06000000", 1.5),
    "WATER_SECURITY": ("medtop:20000437", 1.5),
    "FOOD_SECURITY": ("medtop:20000149", 1.5),
    "AGRICULTURE": ("medtop:20000210", 2.0),
    "RENEWABLE_ENERGY": ("medtop:20000257", 2.0),
    "NUCLEAR_ENERGY": ("medtop:20000265", 2.0),
    "OIL": ("medtop:20001243", 1.5),
    "NATURAL_GAS": ("medtop:20000263", 2.0),
    "COAL": ("medtop:20000258", 2.0),
    "ELECTRICITY_OUTAGE": ("medtop:20000260", 2.0),
    "HOUSING_PRICES": ("medtop:20000241", 2.0),
    "INTEREST_RATES": ("medtop:20000371", 2.0),
    "EXCHANGE_RATE": ("medtop:20000355", 2.0),
    "CURRENCY_RESERVES": ("medtop:20000355", 1.5),
    "TRADE_DISPUTE": ("medtop:20000376", 2.0),
    "BANKRUPTCY": ("medtop:20000174", 2.0),
    "BAILOUT": ("medtop:20000367", 2.0),
    "SUBSIDIES": ("medtop:20000367", 1.5),
    "AUSTERITY": ("medtop:20000607", 2.0),
    "PRIVATIZATION": ("medtop:20000345", 1.5),
    "NATIONALIZE": ("medtop:20000345", 1.5),
    "DEREGULATION": ("medtop:20000636", 1.5),
    "MONOPOLY": ("medtop:20000123", 1.5),
    "POVERTY": ("medtop:20000801", 2.0),
    "SLUMS": ("medtop:20000801", 1.5),
    "NEW_CONSTRUCTION": ("medtop:20000235", 1.0),
    "PUBLIC_TRANSIT": ("medtop:20000337", 1.5),
    "TOURISM": ("medtop:20000563", 2.0),
    "EARLY_CHILDHOOD_EDUCATION": ("medtop:20000409", 2.0),
    "TEACHERS": ("medtop:20000416", 2.0),
    "STUDENTS": ("medtop:20000415", 2.0),
    "SCHOOLS": ("medtop:20000400", 2.0),
    "POSTSECONDARY_EDUCATION": ("medtop:20000405", 2.0),
    "EDUCATION_REFORM": ("medtop:20001338", 2.0),
    "LITERACY": ("medtop:05000000", 1.5),
}

# Topics whose label's first WordNet noun sense contributes its synonyms.
WORDNET_MAP = {
    "medtop:20000639": "diplomacy", "medtop:20000641": "treaty", "medtop:20000062": "war",
    "medtop:20000063": "civil_war", "medtop:20000103": "terrorism", "medtop:20000070": "coup_d'etat",
    "medtop:20000069": "riot", "medtop:20000067": "rebellion", "medtop:20000071": "massacre",
    "medtop:20000072": "genocide", "medtop:20000078": "disarmament", "medtop:20000066": "demonstration",
    "medtop:20000605": "espionage", "medtop:20000611": "impeachment", "medtop:20000574": "election",
    "medtop:20000584": "referendum", "medtop:20000642": "sanction", "medtop:20000645": "refugee",
    "medtop:20000099": "homicide", "medtop:20000100": "kidnapping", "medtop:20000094": "bribery",
    "medtop:20000097": "fraud", "medtop:20000083": "arson", "medtop:20000090": "embezzlement",
    "medtop:20000127": "extradition", "medtop:20000130": "arrest", "medtop:20000135": "capital_punishment",
    "medtop:20000153": "earthquake", "medtop:20000154": "flood", "medtop:20000152": "drought",
    "medtop:20000155": "landslide", "medtop:20000156": "avalanche", "medtop:20001280": "hurricane",
    "medtop:20001353": "tsunami", "medtop:20000149": "famine", "medtop:20001202": "wildfire",
    "medtop:20000174": "bankruptcy", "medtop:20000370": "inflation", "medtop:20000383": "recession",
    "medtop:20000384": "tariff", "medtop:20000380": "mortgage", "medtop:20000204": "merger",
    "medtop:20000447": "cancer", "medtop:20000452": "AIDS", "medtop:20000460": "obesity",
    "medtop:20000477": "vaccine", "medtop:20000449": "epidemic", "medtop:20001218": "pandemic",
    "medtop:20000530": "strike", "medtop:20000533": "unemployment", "medtop:20000532": "pension",
    "medtop:20000718": "astronomy", "medtop:20000731": "physics", "medtop:20000725": "chemistry",
    "medtop:20000719": "biology", "medtop:20000744": "archeology", "medtop:20000715": "mathematics",
    "medtop:20000888": "cricket", "medtop:20000940": "golf", "medtop:20001085": "tennis",
    "medtop:20001065": "soccer", "medtop:20001176": "rugby", "medtop:20000851": "basketball",
    "medtop:20000849": "baseball", "medtop:20000856": "boxing", "medtop:20000892": "cycling",
    "medtop:20001063": "snooker", "medtop:20000965": "ice_hockey", "medtop:20000418": "global_warming",
    "medtop:20000424": "pollution", "medtop:20000028": "opera", "medtop:20000008": "ballet",
    "medtop:20000017": "poetry", "medtop:20000035": "painting", "medtop:20000037": "sculpture",
    "medtop:20000036": "photography", "medtop:20000032": "architecture", "medtop:20000704": "pope",
    "medtop:20000699": "mosque", "medtop:20000700": "synagogue", "medtop:20001236": "wedding",
    "medtop:20001235": "funeral", "medtop:20000781": "adoption", "medtop:20000783": "divorce",
    "medtop:20000800": "homelessness", "medtop:20000801": "poverty", "medtop:20000777": "racism",
    "medtop:20000806": "prostitution", "medtop:20000807": "slavery",
}

# Label pieces that are too ambiguous to count as evidence on their own.
LABEL_DENY = {
    "game", "party", "series", "court", "judge", "animal", "trend", "hobby", "water", "mountains",
    "men", "women", "adults", "children", "gender", "values", "family", "church", "metal", "media",
    "music", "culture", "crime", "law", "justice", "police", "prison", "arrest", "fire", "disaster",
    "economy", "business", "finance", "employment", "employee", "employer", "labor", "unions",
    "lifestyle", "leisure", "politics", "government", "religion", "belief", "society", "sport",
    "weather", "health", "education", "environment", "science", "technology", "injury", "illness",
    "diet", "therapy", "medicine", "prices", "exports", "imports", "currency", "consumers",
    "investments", "stocks", "securities", "loans", "bonds", "metal", "mining", "retail", "transport",
    "traffic", "media", "radio", "television", "newspaper", "periodical", "fashion", "jewelry",
    "cosmetics", "literature", "fiction", "drama", "poetry", "dance", "theater", "musical", "cabaret",
    "language", "festival", "animation", "cartoon", "movies", "communities", "demographics",
    "immigration", "emigration", "discrimination", "marriage", "parenting", "infants", "teenagers",
    "welfare", "charity", "ethics", "pornography", "abortion", "students", "teachers", "school",
    "curriculum", "parks", "forests", "water", "oceans", "rivers", "wetlands", "nature", "pests",
    "ceremony", "anniversary", "birthday", "celebrity", "royalty", "graduation", "wedding",
    "defense", "war", "election", "voting", "treaty", "diplomacy", "terrorism", "espionage",
    "torture", "surveillance", "privacy", "volunteering", "retirement", "pension", "coal",
    "gasoline", "kerosene/paraffin", "diesel fuel", "beverage", "clothing", "grocery", "toy",
    "wholesale", "logistics", "utilities", "chemicals", "hardware", "software", "aerospace",
    "automotive", "shipbuilding", "advertising", "tobacco", "insurance", "banking", "auction service",
    "consultancy service", "rental service", "personal service", "printing service", "funeral home and crematorium",
    "mutual funds", "inventories", "productivity", "deflation", "inflation", "recession", "tariff",
    "mortgage", "earnings", "buyback", "shareholder", "management", "layoffs and downsizing",
    "bankruptcy", "dividend announcement", "sculpture", "painting", "drawing", "photography",
    "architecture", "design", "forging", "woodworking", "opera", "operetta", "ballet", "jazz music",
    "folk music", "country music", "popular music", "classical music", "hip hop", "r&b", "heavy metal",
    "influencers", "social media", "news media", "mass media", "hurricane", "wildfire", "drowning",
    "famine", "drought", "earthquake", "flood", "landslide", "avalanche", "tsunami", "windstorms",
}


def _split_top(s, sep):
    """Splits s on sep, ignoring separators inside square brackets."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def expand_forms(phrase):
    """Expands `word(s)` and `embass(y|ies)` groups into explicit forms."""
    m = re.search(r"\(([^()]*)\)", phrase)
    if not m:
        return [phrase]
    opts = m.group(1).split("|")
    if len(opts) == 1:
        opts = ["", opts[0]]
    out = []
    for o in opts:
        out.extend(expand_forms(phrase[: m.start()] + o + phrase[m.end():]))
    return out


def _norm_phrase(p):
    return " ".join(p.split())


def parse_curated(path, topics, errors):
    """Yields evidence rows from one curated source file."""
    topic = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            loc = f"{os.path.relpath(path, ROOT)}:{lineno}"
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                qcode = line[1:].split()[0]
                if qcode not in topics:
                    errors.append(f"{loc}: unknown or retired topic {qcode}")
                    topic = None
                else:
                    topic = qcode
                continue
            m = re.match(r"^(-?\d+(?:\.\d+)?):\s*(.*)$", line)
            if not m:
                errors.append(f"{loc}: expected 'WEIGHT: phrases' or '@medtop:...'")
                continue
            if topic is None:
                errors.append(f"{loc}: phrases before any @topic line")
                continue
            weight = float(m.group(1))
            for item in _split_top(m.group(2), ","):
                item = item.strip()
                if not item:
                    continue
                mods = re.findall(r"\[([^\]]*)\]", item)
                text = re.sub(r"\[[^\]]*\]", "", item).strip()
                if not text:
                    errors.append(f"{loc}: empty phrase in {item!r}")
                    continue
                row = {"topic": topic, "weight": weight}
                for mod in mods:
                    mod = mod.strip()
                    key, _, rest = mod.partition(" ")
                    terms = sorted({_norm_phrase(t).lower() for t in rest.split("|") if t.strip()})
                    for t in terms:
                        if key in ("if", "unless") and not re.search(r"\w", t):
                            errors.append(f"{loc}: context term {t!r} needs a letter or digit")
                    if key == "if":
                        row["requires_any"] = terms
                    elif key == "unless":
                        row["unless_any"] = terms
                    elif key == "match" and rest.strip() in POLICIES:
                        row["match"] = rest.strip()
                    elif key == "doc":
                        row["scope"] = "document"
                    else:
                        errors.append(f"{loc}: unknown modifier [{mod}]")
                policy = row.get("match")
                if text == text.lower() and policy in ("exact", "capitalized"):
                    # Written in lower case for ease; the policy needs the real case.
                    # Text inside (...) stays as written, so "ipo(s)" gives "IPO", "IPOs".
                    parts = re.split(r"(\([^)]*\))", text)
                    if policy == "exact":
                        parts = [q if q.startswith("(") else q.upper() for q in parts]
                    else:
                        parts = [q if q.startswith("(") else re.sub(r"\b([a-z])", lambda m: m.group(1).upper(), q) for q in parts]
                    text = "".join(parts)
                for form in expand_forms(text):
                    form = _norm_phrase(form)
                    if not re.match(r"^[\w'£$€&].*[\w.+'!?)]$|^\w$", form):
                        errors.append(f"{loc}: phrase {form!r} must start and end with a letter or digit")
                        continue
                    r = dict(row)
                    r["phrase"] = form if r.get("match") in ("exact", "capitalized") else form.lower()
                    r["source"] = "curated"
                    yield r


def _petrarch_forms(token_phrase):
    """Turns a PETRARCH2 phrase (n:noun, a+b joins) into surface forms."""
    words = token_phrase.split()
    forms = [[]]
    for w in words:
        noun = w.startswith("n:")
        if noun:
            w = w[2:]
        alts = []
        if "+" in w:
            parts = w.split("+")
            alts = [" ".join(parts), "-".join(parts), "".join(parts)]
        else:
            alts = [w]
        if noun:
            more = []
            for a in alts:
                more.append(a)
                if a.endswith(("s", "x", "ch", "sh")):
                    more.append(a + "es")
                elif a.endswith("y") and len(a) > 2 and a[-2] not in "aeiou":
                    more.append(a[:-1] + "ies")
                else:
                    more.append(a + "s")
            alts = more
        forms = [f + [a] for f in forms for a in alts]
        if len(forms) > 24:
            forms = forms[:24]
    return [" ".join(f) for f in forms]


def parse_petrarch(path):
    rows = []
    category = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            m = re.match(r'<ISSUE CATEGORY="([^"]+)"', line)
            if m:
                category = m.group(1)
                continue
            if not line or line.startswith(("#", "<")):
                continue
            negative = line.startswith("~")
            if negative:
                line = line[1:]
            m = re.match(r"^(.*?)\s*\[([A-Z_]+)\]\s*$", line)
            phrase, tag = (m.group(1), m.group(2)) if m else (line, category)
            if negative:
                tag = category
            # Block categories map like tags when a block has no own tags.
            target = PETRARCH_MAP.get(tag) or PETRARCH_MAP.get(category if negative else "")
            if not target or not phrase:
                continue
            topic, weight = target
            if tag == "NAMED_TERROR_GROUP" and len(phrase.split()) < 2:
                continue  # one-word group names collide with ordinary words
            for form in _petrarch_forms(phrase.lower()):
                form = _norm_phrase(form)
                if len(form) < 3 or not re.match(r"^\w.*\w\.?$", form):
                    continue
                rows.append({"topic": topic, "phrase": form, "weight": -weight if negative else weight, "source": "petrarch2"})
    return rows


def parse_wordnet(wn_dir):
    """Synonyms of the first noun sense of each WORDNET_MAP head word."""
    index = {}
    with open(os.path.join(wn_dir, "index.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, p_cnt = parts[0], int(parts[3])
            synset_cnt = int(parts[2])
            offsets = parts[6 + p_cnt: 6 + p_cnt + synset_cnt]
            index[lemma] = offsets
    rows = []
    with open(os.path.join(wn_dir, "data.noun"), "rb") as data:
        for topic, head in sorted(WORDNET_MAP.items()):
            offsets = index.get(head.lower())
            if not offsets:
                continue
            data.seek(int(offsets[0]))
            parts = data.readline().decode("utf-8").split()
            w_cnt = int(parts[3], 16)
            for i in range(w_cnt):
                lemma = re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).replace("_", " ")
                if lemma != lemma.lower() or len(lemma) < 3:
                    continue  # proper names and short forms are not topic evidence
                rows.append({"topic": topic, "phrase": lemma, "weight": 1.5, "source": "wordnet"})
    return rows


def label_rows(topics):
    rows = []
    for qcode, row in sorted(topics.items()):
        label = re.sub(r"\([^)]*\)", "", row["label"]).lower()
        for piece in re.split(r",| and |/", label):
            piece = _norm_phrase(piece)
            if not piece or piece in LABEL_DENY or len(piece) < 4:
                continue
            if not re.match(r"^\w[\w' -]*\w$", piece):
                continue
            rows.append({"topic": qcode, "phrase": piece, "weight": 1.0, "source": "iptc-label"})
    return rows


def drop_ancestor_duplicates(rows, topics):
    """Drops a row whose phrase a descendant topic also has without context.

    Roll-up adds a topic's evidence to every ancestor, so the same phrase on a
    topic and on its ancestor would count twice for the ancestor. The
    descendant's row is kept (it is the more specific claim) unless it needs
    context, in which case the ancestor row still covers the other uses."""
    def ancestors(t):
        while "parent" in topics[t]:
            t = topics[t]["parent"]
            yield t
    free = {}
    for r in rows:
        if "requires_any" not in r and "unless_any" not in r and r["weight"] > 0:
            free.setdefault((r["phrase"].lower(), r.get("match")), set()).add(r["topic"])
    drop = set()
    for key, ts in free.items():
        for t in ts:
            for a in ancestors(t):
                drop.add((key, a))
    return [r for r in rows if ((r["phrase"].lower(), r.get("match")), r["topic"]) not in drop]


def generate_evidence(taxonomy_text, petrarch_path, wordnet_dir):
    topics = {}
    for line in taxonomy_text.splitlines()[1:]:
        r = json.loads(line)
        topics[r["id"]] = r
    errors = []
    rows = []
    for name in sorted(os.listdir(CURATED_DIR)):
        if name.endswith(".txt"):
            rows.extend(parse_curated(os.path.join(CURATED_DIR, name), topics, errors))
    if errors:
        raise SystemExit("curated evidence has errors:\n" + "\n".join(errors))
    rows.extend(parse_petrarch(petrarch_path))
    if os.path.isdir(wordnet_dir):
        rows.extend(parse_wordnet(wordnet_dir))
    else:
        print(f"warning: {wordnet_dir} missing; WordNet synonyms left out", file=sys.stderr)
    rows.extend(label_rows(topics))
    # Curated rows come first and win: a (topic, phrase, context) seen again is dropped,
    # and a generated row for a (topic, phrase) that curation already covers is dropped.
    seen, curated_pairs, out = set(), set(), []
    for r in rows:
        key = (r["topic"], r["phrase"].lower(), tuple(r.get("requires_any", ())), tuple(r.get("unless_any", ())), r.get("match"))
        pair = (r["topic"], r["phrase"].lower())
        if key in seen or (r["source"] != "curated" and pair in curated_pairs):
            continue
        seen.add(key)
        if r["source"] == "curated":
            curated_pairs.add(pair)
        out.append(r)
    out = drop_ancestor_duplicates(out, topics)
    order = ["topic", "phrase", "weight", "match", "requires_any", "unless_any", "scope", "source"]
    out.sort(key=lambda r: (r["topic"], r["phrase"].lower(), r["phrase"], json.dumps(r, sort_keys=True)))
    meta = {"meta": {
        "source": "hand-curated (tools/gentopics/curated/*.txt); PETRARCH2 Phoenix.IssueCoding.txt (MIT); WordNet 3.0 (WordNet license); IPTC Media Topics labels (CC BY 4.0)",
        "license": "MIT OR Apache-2.0 for the curated phrases; see dictionaries/topics/NOTICE for the sources",
        "generated_by": "tools/gentopics/gentopics.py",
        "note": f"{len(out)} evidence rows",
    }}
    lines = [json.dumps(meta, ensure_ascii=False)]
    for r in out:
        lines.append(json.dumps({k: r[k] for k in order if k in r}, ensure_ascii=False))
    return "\n".join(lines) + "\n"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iptc", default=DEFAULT_IPTC)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--petrarch", default=DEFAULT_PETRARCH)
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET)
    ap.add_argument("--evidence-out", default=DEFAULT_EVIDENCE)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    taxonomy = generate(a.iptc)
    evidence = generate_evidence(taxonomy, a.petrarch, a.wordnet)
    status = 0
    for path, text in ((a.out, taxonomy), (a.evidence_out, evidence)):
        if a.check:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == text
            except FileNotFoundError:
                same = False
            if not same:
                print(f"{path} is out of date; run {sys.argv[0]}", file=sys.stderr)
                status = 1
            continue
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {path}: {text.count(chr(10)) - 1} rows", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
