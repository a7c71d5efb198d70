"""Natural features and regions from WordNet 3.0 instance nouns: rivers, lakes, seas, straits,
islands, mountain ranges, deserts, plateaus, valleys, peninsulas and geographical areas that
WordNet's lexicographers list by name ("Euphrates", "Bekaa Valley", "Darfur", "Bosporus").

WordNet names a few thousand places, the prominent ones: a good prior for news. Cities, states,
countries and counties come from GeoNames and the Factbook instead (a WordNet instance whose
name another entry already has is left out whole), and so do names that are mostly words,
people or companies (the same test as GeoNames' towns)."""
import os
import re

import tables as T

# Direct instance hypernym -> kind.
KINDS = {
    "river": "river", "tributary": "river",
    "lake": "lake", "reservoir": "lake",
    "sea": "sea", "inlet": "sea", "gulf": "sea", "bay": "sea", "strait": "sea", "channel": "sea",
    "sound": "sea", "ocean": "sea", "fjord": "sea", "lagoon": "sea",
    "canal": "canal", "ship_canal": "canal",
    "island": "island", "archipelago": "island", "isle": "island", "atoll": "island",
    "barrier_island": "island", "Aegean_island": "island",
    "range": "mountains", "mountain_peak": "mountain", "mountain": "mountain", "volcano": "mountain",
    "desert": "desert", "tableland": "plateau", "plateau": "plateau", "highland": "plateau",
    "valley": "valley", "gorge": "valley", "rift_valley": "valley",
    "peninsula": "peninsula", "cape": "cape", "promontory": "cape", "isthmus": "isthmus",
    "geographical_area": "region", "region": "region", "French_region": "region",
    "Italian_region": "region", "plain": "region", "badlands": "region", "moor": "region",
    "battlefield": "region", "district": "region", "state": "region", "city_district": "district",
    "empire": "former_country",
}

# Instance hypernyms of divisions of a country: WordNet's English name of a division that the
# Factbook names in its own language is an alias of that entry ("Lombardy" of "Lombardia"), and a
# division withheld bare because a given name is spelled the same ("Alberta") is named bare.
# Not American states (GeoNames names them; WordNet adds nicknames: "Empire State", "First State")
# nor geographical areas ("South" is the American South, not Cameroon's South region).
DIVISIONS = {"region", "French_region", "Italian_region", "district", "state", "Canadian_province",
             "Australian_state"}
DIVISION_KINDS = {"admin1", "region", "territory", "constituent_country"}
# Instance hypernyms of countries: WordNet's other names of a country are aliases of its entry.
COUNTRY_KINDS = {"country", "European_country", "Asian_country", "African_country", "South_American_country",
                 "North_American_country", "Central_American_country", "Middle_Eastern_country"}


# Names that in news mostly stand inside another name or for something else (a review of the
# Reuters-21578 corpus): "Credit Lyonnais", "Dakota City, Neb.", "Huron Dressed Beef", "Everest
# and Jennings", "Saudi Arabia" misspelled.
PART_OF_OTHER_NAMES = {"Lyonnais", "Dakota", "Huron", "Everest", "Arabia"}


def load(base):
    """(offset, lexicographer file, lemmas, instance hypernyms, gloss) of every noun synset."""
    syn = {}
    with open(os.path.join(base, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition("|")
            p = head.split()
            n = int(p[3], 16)
            words = [p[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            ptrs = [(p[k + 1 + 4 * i], p[k + 2 + 4 * i]) for i in range(int(p[k]))]
            syn[p[0]] = (int(p[1]), words, ptrs, gloss.strip())
    return syn


def lemma(w):
    return re.sub(r"\(.*\)$", "", w).replace("_", " ")


def division_owners(files, fold):
    """Folded name, alias or withheld bare name -> the divisions of a country (admin1, region ...)
    that carry it."""
    owners = {}
    for fn, entries in files.items():
        if not fn.startswith("places/"):
            continue
        for e in entries:
            if "id" not in e or e.get("kind") not in DIVISION_KINDS:
                continue
            names = [e["name"]] + [a if isinstance(a, str) else a["text"] for a in e.get("aliases", [])]
            names += [e["attrs"]["bare_name"]] if "bare_name" in e.get("attrs", {}) else []
            for n in {fold(n) for n in names}:
                owners.setdefault(n, []).append(e)
    return owners


def name_country(countries, words, syn_people, syn_groups, ctx, known, fold, alias_ok, add_aliases, finish_entry):
    """Adds WordNet's other spellings of a country's name to its entry, the one the synset's
    names name (`countries`: folded name or alias -> country entry): older and transliterated
    spellings news used ("Kazakstan", "Surinam", "Byelarus", "Rumania"), two letters or fewer
    from the name; not other names ("Cathay", "Annam"), nor local forms that stand inside firms'
    names ("Italia", `tables.LOCAL_EXCLUDE`), nor a name another entry has, or a person's, a
    language's or a people's ("Tadjik"; `syn_groups`), a word or a company's."""
    lemmas = [lemma(w) for w in words]
    found = {id(countries[fold(w)]): countries[fold(w)] for w in lemmas if fold(w) in countries}
    if len(found) != 1:
        return
    e = next(iter(found.values()))
    extra = [w for w in lemmas if fold(w) not in known and w[:1].isupper() and alias_ok(w) and len(w) >= 4
             and not ctx.risky_place(w) and fold(w) not in syn_people and fold(w) not in syn_groups
             and w not in T.LOCAL_EXCLUDE and spelling_distance(fold(w), fold(e["name"])) <= 2]
    if extra:
        add_aliases(e, extra, ctx)
        finish_entry(e, ctx)


def spelling_distance(a, b):
    """Levenshtein distance between the letters of `a` and of `b`."""
    a, b = re.sub(r"[^a-z]", "", a), re.sub(r"[^a-z]", "", b)
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def name_division(e, lemmas, syn_people, ctx, known, fold, alias_ok, add_aliases, finish_entry):
    """Adds WordNet's names of the division `e` to it: its English names the entry lacks, and its
    bare name where only a given name of the same spelling withheld it, either where WordNet knows
    no person of that name ("Brittany", "Alberta"). `syn_people`: the folded names of people and
    languages in WordNet."""
    extra = [w for w in lemmas if fold(w) not in known and w[:1].isupper() and alias_ok(w) and len(w) >= 4
             and ctx.risky_place(w) in (None, "person") and w not in PART_OF_OTHER_NAMES
             and fold(w) not in syn_people]
    bare = e.get("attrs", {}).get("bare_name")
    if bare and e["attrs"].get("bare_name_risk") == "person" and fold(bare) not in syn_people \
            and any(fold(w) == fold(bare) for w in lemmas):
        extra.append(bare)
    if extra:
        add_aliases(e, extra, ctx, place_guard=True)
        finish_entry(e, ctx, place_guard=True)


def build(files, base, ctx, known, fold, alias_ok, add_aliases, finish_entry):
    """Adds places/features.jsonl. `known`: folded names and aliases of every other entry."""
    syn = load(base)
    name_of = lambda o: syn[o][1][0]
    # Names of people and of peoples' languages ("Abkhaz"): no other name of a place.
    syn_people = {fold(lemma(w)) for lexfile, words, _, _ in syn.values() if lexfile in (10, 18) for w in words}
    syn_groups = {fold(lemma(w)) for lexfile, words, _, _ in syn.values() if lexfile == 14 for w in words}
    owners = division_owners(files, fold)
    countries = {fold(n): e for e in files["places/countries.jsonl"] if "id" in e
                 for n in [e["name"]] + [a if isinstance(a, str) else a["text"] for a in e.get("aliases", [])]}
    out = []
    for off, (lexfile, words, ptrs, gloss) in sorted(syn.items()):
        if lexfile not in (15, 17):  # noun.location, noun.object
            continue
        hypernyms = [name_of(o) for s, o in ptrs if s == "@i"]
        if any(h in COUNTRY_KINDS for h in hypernyms):
            name_country(countries, words, syn_people, syn_groups, ctx, known, fold, alias_ok, add_aliases, finish_entry)
            continue
        kinds = [KINDS[h] for h in hypernyms if h in KINDS]
        division = any(h in DIVISIONS for h in hypernyms)
        if not kinds and not division:
            continue
        lemmas = []
        for w in words:
            w = lemma(w)
            if w not in lemmas:
                lemmas.append(w)
        # A place another entry names (a city, a country, a curated region) is that entry's; a
        # division of a country takes WordNet's other names of it, when it alone has the name.
        if any(fold(w) in known for w in lemmas):
            if division:
                found = {id(e): e for w in lemmas for e in owners.get(fold(w), [])}
                if len(found) == 1:
                    name_division(next(iter(found.values())), lemmas, syn_people, ctx, known, fold, alias_ok,
                                  add_aliases, finish_entry)
            continue
        if not kinds:
            continue
        if "mythology" in gloss:  # the Styx
            continue
        names = [w for w in lemmas if w[:1].isupper() and alias_ok(w) and len(w) >= 4
                 and not ctx.risky_place(w) and w not in PART_OF_OTHER_NAMES]
        if not names:
            continue
        e = {"id": "place:feature:wn-%s" % off, "label": "place", "kind": kinds[0], "name": names[0],
             "aliases": [], "priority": 6, "attrs": {"wordnet": "%s-n" % off}}
        for a in names[1:]:
            e["aliases"].append(a)
        finish_entry(e, ctx)
        out.append(e)
    files["places/features.jsonl"] = out
