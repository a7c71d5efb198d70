"""Natural features and regions from WordNet 3.0 instance nouns: rivers, lakes, seas, straits,
islands, mountain ranges, deserts, plateaus, valleys, peninsulas and geographical areas that
WordNet's lexicographers list by name ("Euphrates", "Bekaa Valley", "Darfur", "Bosporus").

WordNet names a few thousand places, the prominent ones: a good prior for news. Cities, states,
countries and counties come from GeoNames and the Factbook instead (a WordNet instance whose
name another entry already has is left out whole), and so do names that are mostly words,
people or companies (the same test as GeoNames' towns)."""
import os
import re

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
    "battlefield": "region",
}


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


def build(files, base, ctx, known, fold, alias_ok, finish_entry):
    """Adds places/features.jsonl. `known`: folded names and aliases of every other entry."""
    syn = load(base)
    name_of = lambda o: syn[o][1][0]
    out = []
    for off, (lexfile, words, ptrs, gloss) in sorted(syn.items()):
        if lexfile not in (15, 17):  # noun.location, noun.object
            continue
        kinds = [KINDS.get(name_of(o)) for s, o in ptrs if s == "@i"]
        kinds = [k for k in kinds if k]
        if not kinds:
            continue
        lemmas = []
        for w in words:
            w = re.sub(r"\(.*\)$", "", w).replace("_", " ")
            if w not in lemmas:
                lemmas.append(w)
        # A place another entry names (a city, a country, a curated region) is that entry's.
        if any(fold(w) in known for w in lemmas):
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
