"""People who held office, from PETRARCH2's country actors (CountryInfo).

`Phoenix.Countries.actors.txt` lists, under each country, the people who held
its offices with the dates they held them: `SADDAM_HUSSEIN_ [IRQGOV
790716-030409]`. The Factbook only names today's leaders, so without this list
"Saddam Hussein" or "Haider al-Abadi" would only be found by the name rules,
if at all. Only entries with a dated role code (country + role + dates) count as
people; country names, agencies and forces in the same file carry undated codes.
"""

import re
from collections import defaultdict

from tabari import parse

# Mid-name particles written in lower case ("Bashar al-Assad", "Ursula von der Leyen").
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "das", "dos", "del", "della", "di", "du", "van", "von", "der", "den",
             "la", "le", "ould", "bint"}
# The Arabic article joins the next name part with a hyphen in English news.
ARTICLES = {"al", "el"}
# Words that make a synonym a role, a government or a group, not this person's name.
NOT_A_NAME = set("""mr mrs ms dr sir lord lady president premier minister prime secretary chairman chief general gen
king queen prince sheikh sheik emir sultan government regime forces force party army administration cabinet ministry
office spokesman spokeswoman leader official officials ambassador envoy council commander former deputy vice acting
senator governor mayor state republic republica the of and""".split())
# Words of bodies, not people.
ORG_WORDS = {"assembly", "parliament", "council", "congress", "senate", "court", "committee", "commission", "ministry",
             "police", "navy", "guard", "authority", "front", "union", "league", "bank"}
# Countries whose names put the family name first ("Kim Jong Un" is Kim).
FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR"}
# Titles of heads of state and government that PETRARCH2 curators wrote before
# holders' names ("+PRESIDENT_REAGAN" under RONALD_REAGAN_): the kind and
# office such a holder gets, so that the tagger links "President Reagan" in a
# text that names the United States (`titled` in src/link.rs).
LEADER_TITLES = {"PRESIDENT": ("head_of_state", "President"), "KING": ("head_of_state", "King"),
                 "PRIME_MINISTER": ("head_of_government", "Prime Minister"),
                 "PREMIER": ("head_of_government", "Premier"),
                 "CHANCELLOR": ("head_of_government", "Chancellor")}


def office_codes(codes):
    """The codes that name a country, a role and dates ('IRQGOV 790716-030409')."""
    out = []
    for c in codes:
        parts = c.split()
        if len(parts) == 2 and len(parts[0]) >= 6 and re.search(r"\d{6}", parts[1]):
            out.append(parts)
    return out


def tokens(raw):
    """Name parts of an actor phrase, or None when it is not a plain name."""
    raw = raw.strip("_").replace("_", " ")
    raw = re.sub(r"\s+", " ", raw).strip()
    if not raw or re.search(r"[^A-Z .'\-]", raw) or "'S" in raw:
        return None
    toks = [t for t in raw.split(" ") if t]
    if any(t.strip(".").lower() in NOT_A_NAME for t in toks):
        return None
    return toks


def case_name(toks):
    """'BASHAR AL ASSAD' -> 'Bashar al-Assad'; 'URSULA VON DER LEYEN' -> 'Ursula von der Leyen'."""
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.lower()
        if i > 0 and low in ARTICLES and i + 1 < len(toks):
            out.append("%s-%s" % (low, cap(toks[i + 1])))
            i += 2
            continue
        out.append(low if i > 0 and low in PARTICLES and i + 1 < len(toks) else cap(t))
        i += 1
    return " ".join(out)


def cap(tok):
    """'AL-ASSAD' -> 'Al-Assad', "O'BRIEN" -> "O'Brien", "WOMEN'S" -> "Women's", 'J.' -> 'J.',
    'II' -> 'II' (regnal numbers stay in capitals)."""
    if re.fullmatch(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)", tok):
        return tok
    parts = re.split(r"(?<=[-'])", tok)
    return "".join(p.lower() if i > 0 and p == "S" and parts[i - 1].endswith("'") else p[:1].upper() + p[1:].lower()
                   for i, p in enumerate(parts))


def variants(name, family_first):
    """Spellings news uses for the same name: the article joined by a space or left out;
    a Korean or Chinese given name in two parts joined by a hyphen ("Kim Jong-il")."""
    out = []
    parts = name.split(" ")
    if family_first and len(parts) == 3:
        out.append("%s %s-%s" % (parts[0], parts[1], parts[2].lower()))
    if re.search(r"\b(?:al|el)-", name):
        out.append(re.sub(r"\b(al|el)-", r"\1 ", name))
        out.append(re.sub(r"\b(?:al|el)-", "", name))
    return out


def without_initials(name):
    """A western name's given name and surname without the initials between
    them, as most stories write it ("Paul A. Volcker" -> "Paul Volcker"); None
    for a name with no such initials."""
    parts = name.split(" ")
    if len(parts) >= 3 and not is_initial(parts[0]) and not is_initial(parts[-1]) \
            and all(is_initial(p) for p in parts[1:-1]):
        return "%s %s" % (parts[0], parts[-1])
    return None


def unshared_short_names(path, files, fold):
    """The folded names without initials (`without_initials`) that one office
    holder alone has: not the full name of another person of the list, the
    Factbook or the curated list ("George W. Bush" is not "George Bush"), nor
    shared by two ("George A. Smith", "George B. Smith")."""
    full = set()
    for fn in ("people/leaders.jsonl", "people/officials.jsonl"):
        for e in files.get(fn, []):
            full.update(fold(alias_text(a)) for a in [e["name"]] + e.get("aliases", [])
                        if not (isinstance(a, dict) and a.get("match") == "short"))
    owners = defaultdict(set)
    for toks, _, _ in office_holders(path):
        name = case_name(toks)
        full.add(fold(name))
        short = without_initials(name)
        if short:
            owners[fold(short)].add(fold(name))
    return {s for s, names in owners.items() if len(names) == 1 and s not in full}


def alias_text(a):
    return a if isinstance(a, str) else a["text"]


def is_initial(part):
    """A name part that is one letter and a period ("A.")."""
    return len(part) == 2 and part[0].isalpha() and part[1] == "."


def surname(name, family_first):
    """The family name, and its form without the article ('al-Assad' -> 'Assad')."""
    last = name.split(" ")[0 if family_first else -1]
    forms = [last]
    m = re.match(r"^(?:al|el)-(.+)$", last)
    if m:
        forms.append(m.group(1))
    return forms


def office_holders(path):
    """(name parts, synonyms, office codes) of each entry of a CountryInfo actor
    file that names someone with a dated office, in two parts or more."""
    for head, syns, codes, _ in parse(path):
        offices = office_codes(codes)
        toks = tokens(head)
        if offices and toks and len(toks) >= 2 and all(t.strip(".") for t in toks):
            yield toks, syns, offices


def leader_title(toks, syns):
    """(kind, office) of a holder that a synonym names by a leader's title and
    the holder's own family name ("PRESIDENT_REAGAN", "PRESIDENT_RONALD_REAGAN"),
    else None."""
    for syn in syns:
        s = syn.strip().strip("_")
        for title, kind_office in LEADER_TITLES.items():
            if s.startswith(title + "_"):
                rest = tokens(s[len(title) + 1:])
                if rest and rest[-1] == toks[-1]:
                    return kind_office
    return None


def petrarch_date(d):
    """A date of an office code as ISO: 'YYYYMMDD', or 'YYMMDD' (the codes write
    years before 1930 in full, so two digits from 30 are 19xx, below 30 20xx)."""
    if re.fullmatch(r"\d{8}", d):
        return "%s-%s-%s" % (d[:4], d[4:6], d[6:])
    if re.fullmatch(r"\d{6}", d):
        century = "19" if int(d[:2]) >= 30 else "20"
        return "%s%s-%s-%s" % (century, d[:2], d[2:4], d[4:])
    return None


def out_of_office(offices):
    """When the holder's last government office (`XXXGOV`) ended, if every one
    has ended; else None (an open code, '>090120', may be long over: PETRARCH2's
    data stop around 2015). Not when the titled office began: the codes do not
    say which term was which office (Yanukovych was prime minister, then
    president)."""
    ends = []
    for code, dates in offices:
        if code[3:] != "GOV":
            continue
        end = petrarch_date(dates.split("-", 1)[1]) if "-" in dates else None
        if end is None:
            return None
        ends.append(end)
    return max(ends, default=None)


def skeleton(word):
    """A name part without vowels, marks and case: the spellings of one name
    transliterated two ways meet ('Masoud', 'Masud' -> 'msd'; 'Kasym-Zhomart',
    'Kasymzhomart' -> 'ksmzhmrt')."""
    return re.sub(r"[aeiouy\-'. ]", "", word)


def same_first_name(a, b):
    """Two folded first names of one person: the same first three letters, and
    the same skeleton or one the start of the other ('Masoud', 'Masud';
    'Ukhna', 'Ukhnaagiin'; not 'Hamad', 'Ahmad')."""
    if a[:3] != b[:3]:
        return False
    a, b = skeleton(a), skeleton(b)
    return a.startswith(b) or b.startswith(a)


def same_middle_names(a, b):
    """Middle names that can be one person's: those of the shorter list all
    start like one of the longer's ('Jose Maria Neves', 'Jose Maria Pereira
    Neves'; not 'Jigme Singye Wangchuck', 'Jigme Khesar Namgyel Wangchuck')."""
    short, long = sorted((a, b), key=len)
    return {m[0] for m in short} <= {m[0] for m in long}


def known_index(files, fold):
    """(country, folded family name) -> [(folded name parts, entry)] of the
    full names of the Factbook's and the curated people (western order), to
    find an office holder they already hold under another spelling."""
    index = defaultdict(list)
    for fn in ("people/leaders.jsonl", "people/officials.jsonl"):
        for e in files.get(fn, []):
            for a in [e["name"]] + e.get("aliases", []):
                if isinstance(a, dict) and a.get("match") == "short":
                    continue
                parts = fold(a if isinstance(a, str) else a["text"]).split(" ")
                if len(parts) >= 2:
                    index[(e.get("country"), parts[-1])].append((parts, e))
    return index


def known_entry(index, country, toks, fold):
    """The Factbook's or the curated entry of the office holder named `toks`
    in `country` (a name in western order), when one has the same family,
    first and middle names ("Yoweri Museveni" is "Yoweri Kaguta Museveni",
    "Masud Pezeshkian" is "Masoud Pezeshkian"; "Idriss Deby" is not "Mahamat
    Idriss Deby", nor "Jigme Singye Wangchuck" "Jigme Khesar Namgyel
    Wangchuck")."""
    parts = fold(case_name(toks)).split(" ")
    found = {id(e): e for known, e in index.get((country, parts[-1]), [])
             if same_first_name(known[0], parts[0]) and same_middle_names(known[1:-1], parts[1:-1])}
    return next(iter(found.values())) if len(found) == 1 else None


def named_alone(path, fold):
    """{(folded full name, family name)} of the people a PETRARCH2 curator also
    listed by family name alone ("VLADIMIR_PUTIN" with "+PUTIN", "BASHAR_AL-ASSAD"
    with "+ASSAD"): news names them that way."""
    out = set()
    for head, syns, codes, _ in parse(path):
        toks = tokens(head)
        if not toks or len(toks) < 2 or not any(len(c.split()[0]) >= 6 for c in codes if c.strip()):
            continue  # a country ("GUINEA_BISSAU [GNB]") has a bare country code
        last = toks[-1].split("-")[-1]
        if any(syn.strip("_") == last for syn in syns):
            out.add((fold(case_name(toks)), cap(last)))
    return out


def build(files, path, iso3_to_iso2, ctx, known_people, place_words, fold, add_aliases, finish_entry, slug):
    """Appends people/office_holders.jsonl: one entry per person with a dated office code.
    `place_words`: folded one-word names of countries, regions and nationalities.
    A person the Factbook or the curated list already holds under another
    spelling gets this list's spellings and codes instead of a second entry."""
    out = files.setdefault("people/office_holders.jsonl", [])
    by_key = {}
    known = known_index(files, fold)
    unshared = unshared_short_names(path, files, fold)
    for toks, syns, offices in office_holders(path):
        if all(t.lower() in place_words or t.lower() in ORG_WORDS for t in toks):
            continue  # "Iraqi Kurdistan", "Kosovo Assembly": places and bodies filed as actors
        name = case_name(toks)
        if len(name) < 5 or sum(len(t.strip(".")) >= 2 for t in toks) < 2:
            continue  # initials ("J. R.") are not a name to match
        key = fold(name).replace("-", " ")
        if key in known_people:
            continue  # the Factbook's or the curated entry for this person wins
        country = iso3_to_iso2.get(offices[0][0][:3])
        family_first = offices[0][0][:3] in FAMILY_FIRST
        items = spellings(name, toks, syns, family_first)
        short = without_initials(name)
        if short and not family_first and fold(short) in unshared:
            items.insert(0, short)
        same = None if family_first else known_entry(known, country, toks, fold)
        if same is not None:
            own = fold(same["name"])
            add_aliases(same, [i for i in [name] + items if fold(i if isinstance(i, str) else i[0]) != own], ctx)
            same["attrs"]["petrarch_code"] = merge_codes(same["attrs"].get("petrarch_code", ""), offices)
            continue
        if key in by_key:
            e = by_key[key]
            e["attrs"]["petrarch_code"] = merge_codes(e["attrs"]["petrarch_code"], offices)
            continue
        in_government = any(code[3:6] in ("GOV", "MIL") for code, _ in offices)
        e = {"id": "person:%s" % slug(name), "label": "person", "kind": "official" if in_government else "public_figure",
             "name": name, "aliases": []}
        add_aliases(e, items, ctx)
        if country:
            e["country"] = country
        leader = leader_title(toks, syns)
        if leader:
            e["kind"], e["office"] = leader
            ended = out_of_office(offices)
            if ended:
                e["valid_to"] = ended
        e["attrs"] = {"petrarch_code": merge_codes("", offices),
                      "source": "PETRARCH2 Phoenix.Countries.actors.txt (CountryInfo)"}
        finish_entry(e, ctx)
        by_key[key] = e
        out.append(e)
    taken = {}
    for e in out:  # two people with one slug (a father and son): number the later ones
        n = taken.get(e["id"], 0)
        taken[e["id"]] = n + 1
        if n:
            e["id"] = "%s-%d" % (e["id"], n + 1)


def spellings(name, toks, syns, family_first):
    """The aliases of an office holder besides its name: the name's variants,
    its synonyms that share a name part, and the family name as a short form."""
    items = variants(name, family_first)
    for syn in syns:
        st = tokens(syn)
        if st and len(st) >= 2 and set(st) & set(toks):
            sn = case_name(st)
            items += [sn] + variants(sn, family_first)
    return items + [(s, "short") for s in surname(name, family_first) if len(s) >= 3]


def merge_codes(old, offices):
    """Office codes as one attribute string, first seen first, at most five."""
    seen = [c for c in old.split("; ") if c]
    for parts in offices:
        c = " ".join(parts)
        if c not in seen:
            seen.append(c)
    return "; ".join(seen[:5])
