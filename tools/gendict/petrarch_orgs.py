"""NGOs, companies and international bodies from PETRARCH2's international actors.

`Phoenix.International.actors.txt` files its actors under section headings
("NGOs", "Multinational Corporations", "Other IGOs" ...), each with a CAMEO code
(`HUMAN_RIGHTS_WATCH [NGOHRI]`). The file also lists people, roles and bare
acronyms under the same headings; only names of two words or more that hold an
organization word ("Amnesty International", "Save the Children Fund") are kept,
and what the other dictionaries already name (the UN, NATO, the IMF) is left out.
"""

import re

import office_holders
from tabari import parse

# A name holding one of these words names an organization, not a person or a role.
ORG_WORDS = set("""organization organisation foundation international watch council institute association society
federation committee fund union alliance network center centre league trust agency service services commission
corps group movement project aid relief rights bank church mission fellowship coalition forum academy college
university conference partnership initiative campaign crescent cross program programme corporation company""".split())
# Role words: "Chief Executive of the Millennium Challenge Corporation" is a person.
ROLES = {"chief", "spokesman", "spokeswoman", "president", "director", "head", "secretary", "chairman", "official",
         "officials", "member", "members", "envoy", "representative", "staff", "worker", "workers", "volunteers"}
# Abbreviations written as words ("Inc", not "INC").
WORDISH = {"inc", "ltd", "co", "corp"}
KIND = {"NGO": "ngo", "MNC": "company", "IGO": "international_org"}
SMALL = {"of", "the", "and", "for", "in", "on", "to", "with", "at", "by", "de", "des", "du", "la", "le", "les", "et",
         "pour", "y"}
# A name made only of these says what kind of body it is, not which one ("Non Government Organisation").
GENERIC = ORG_WORDS | SMALL | {"non", "government", "governmental", "ngo", "ngos", "world", "national", "global"}


def display(toks, ctx):
    """'INTERNATIONAL LEAGUE OF HUMAN RIGHTS' -> 'International League of Human Rights'; 'USA' stays."""
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if i > 0 and low in SMALL:
            out.append(low)
        elif len(t) <= 3 and t.isalpha() and not ctx.is_common(low) and low not in WORDISH:
            out.append(t)  # USA, UK, NGO: acronyms
        else:
            out.append(office_holders.cap(t))
    return " ".join(out)


def build(files, path, ctx, known, fold, add_aliases, finish_entry, slug):
    """Appends orgs/ngos_and_companies.jsonl."""
    out = files.setdefault("orgs/ngos_and_companies.jsonl", [])
    seen = set()
    for head, syns, codes, _ in parse(path):
        kind = KIND.get((codes[0] if codes else "")[:3])
        raw = head.strip("_").replace("_", " ")
        if kind is None or re.search(r"[^A-Z .'\-&]", raw):
            continue
        toks = raw.split()
        if toks[0] == "THE":
            toks = toks[1:]
        words = {t.lower().strip(".") for t in toks}
        if len(toks) < 2 or not words & ORG_WORDS or words & ROLES or words <= GENERIC:
            continue
        name = display(toks, ctx)
        key = fold(name)
        if key in known or key in seen:
            continue
        seen.add(key)
        e = {"id": "org:%s:%s" % (kind.replace("_", "-"), slug(name)), "label": "organization", "kind": kind,
             "name": name, "aliases": []}
        items = []
        for syn in syns:
            st = syn.strip("_").replace("_", " ").split()
            sw = {t.lower().strip(".") for t in st}
            if len(st) >= 2 and sw & ORG_WORDS and not sw & ROLES and not re.search(r"[^A-Z .'\-&]", " ".join(st)):
                alias = display(st, ctx)
                if fold(alias) not in known:
                    items.append(alias)
        add_aliases(e, items, ctx)
        e["attrs"] = {"petrarch_code": codes[0].strip(), "source": "PETRARCH2 Phoenix.International.actors.txt"}
        finish_entry(e, ctx)
        out.append(e)
    taken = set()
    for e in out:
        if e["id"] in taken:
            e["id"] += "-2"
        taken.add(e["id"])
