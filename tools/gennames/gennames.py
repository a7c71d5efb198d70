#!/usr/bin/env python3
"""Generates the given-name and surname lists of dictionaries/rules/.

Sources (public; the first two pinned and fetched by setup.sh with the registry
clients, the third read from ../shared/sources):

- `names==0.3.0` (PyPI, MIT): the US Census 1990 name files (public domain):
  dist.male.first, dist.female.first, dist.all.last (rank-ordered).
- `compromise@14.17.0` (npm, MIT): its lexicon's MaleName, FemaleName,
  FirstName and LastName tags (international given names and surnames), and
  its ordinary-word tags, used to split off names that are also common words.
- PETRARCH2 `Phoenix.Countries.actors.txt` (MIT): the first names of the
  world's office holders (Sadiq, Imad, Haidar), which the US lists lack.

A name that is also an ordinary English word ("Will", "Brown", "Young") or
a place ("Paris", "Jordan") goes to the `*_common` list, which the rules use
only next to stronger evidence (a title, an honorific, a known given name).
For surnames, "ordinary word" also means a lemma WordNet 3.0 writes in lower
case (Debian wordnet-base: "League", "Story", "Tower" are Census surnames):
a bare surname after an unknown capitalized word must not be a noun.

Output: names_given.jsonl and names_surname.jsonl, in the rule-file format of
dictionaries/rules/README.md (`{"list": ..., "words": [...]}` lines).
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gendict"))
from gendict import load_wordnet  # noqa: E402  (the same WordNet reading as the dictionaries)
import office_holders  # noqa: E402  (the same reading of PETRARCH2's CountryInfo)

SURNAME_RANKS = 15000  # Census surnames kept, by rank (about 85% of people)
CHUNK = 100

WORD_TAGS = {
    "Infinitive", "PresentTense", "PastTense", "Gerund", "Participle", "Adjective",
    "Comparative", "Superlative", "Singular", "Plural", "Uncountable", "Adverb",
    "Preposition", "Conjunction", "Determiner", "Pronoun", "Modal", "Month", "WeekDay",
    "Copula", "Actor", "Noun", "Place", "City", "Country", "Region", "Demonym",
    "Organization", "Unit", "Currency", "Expression", "Date", "Duration", "Cardinal",
    "Ordinal", "TextValue", "QuestionWord", "Possessive", "Reflexive", "Negative",
    "Honorific", "Abbreviation", "PhrasalVerb", "Verb",
}
# Short function words and frequent capitalized sentence starters that the
# compromise lexicon does not list as words.
EXTRA_COMMON = set("""
a an the and or but if in on at to of for by as is it be we he she they you i
so no not all any may will can did do am are was were has had have my our
long young white black green brown gray grey rich hope joy faith grant bill mark
sun moon star rose lily iris ivy holly dawn summer winter autumn april june july
august march major king prince duke earl baron lord bishop pope guy don ray
""".split())

# Given names that are also words, but whose word is seldom capitalized in
# running text before another capitalized word: no title ("King", "Major"),
# no adjective of a party or a people ("Christian", "Royal"), no place, no
# firm's first word ("Golden", "Marine", "Holly", "Reed", "Hunter"). There
# they are the given name ("Mark Calcavecchia", "Frank Wezniak"), so they
# are in `given` as well as in `given_common`: the rules that want a given
# name before a name word take them, and `given_alone`, which excludes
# `given_common`, still never reads one alone as a person ("the Mark rose").
GIVEN_BEFORE_NAME = set("""
mark frank bill jay ray gene guy dick herb earl dean cliff rod rex bud randy rusty dusty sandy sonny eddy beau
""".split())

# Titles and name particles that stand first in CountryInfo names ("Ayatollah
# Ali Khamenei", "Datuk Seri ...", "Bin Laden"): no given names.
NOT_GIVEN = {"ayatollah", "hojatolislam", "hojjat", "datuk", "dato", "datin", "tun", "sri", "alhaji", "haji", "hadja",
             "haja", "sheikh", "shaykh", "abd", "abu", "bin", "ibn", "ould", "ben", "al", "el"}
# US state abbreviations news writes with a period ("Dothan, Ala."), read as words.
STATE_ABBREVIATIONS = set("""ala ariz ark calif colo conn del fla ill ind kan mass mich minn miss mont neb nev okla
ore penn tenn tex wash wis wyo""".split())
# A CountryInfo first name that is also a US surname up to this rank (Salomon,
# Baldwin, Lim) names a company or a person by surname as often as a person
# by given name: left out.
COUNTRYINFO_SURNAME_RANK = 20000


def countryinfo_given(path, us_surnames):
    """Given names of the world's office holders: the first part of PETRARCH2
    CountryInfo names, where at least two people have it first and more put it
    first than last (family-first countries left out: there it is the surname),
    and that is no common US surname."""
    first, last = {}, {}
    for toks, _, offices in office_holders.office_holders(path):
        if offices[0][0][:3] in office_holders.FAMILY_FIRST:
            continue
        f, lst = toks[0].lower(), toks[-1].lower()
        first[f] = first.get(f, 0) + 1
        last[lst] = last.get(lst, 0) + 1
    return {w for w, n in first.items()
            if n >= 2 and n > last.get(w, 0) and len(w) >= 3 and w.isalpha() and re.search("[aeiouy]", w)
            and w not in NOT_GIVEN and w not in STATE_ABBREVIATIONS and w not in us_surnames}


def census(path, limit=None):
    words = []
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if not parts:
            continue
        if limit is not None and int(parts[3]) > limit:
            break
        words.append(parts[0].lower())
    return words


def emit(path, lists, meta, case="capitalized"):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"meta": meta}, ensure_ascii=False) + "\n")
        for name, words in lists:
            words = sorted(words)
            for i in range(0, len(words), CHUNK):
                f.write(json.dumps({"list": name, "case": case,
                                    "words": words[i:i + CHUNK]}, ensure_ascii=False) + "\n")


def acronym_words(wordnet):
    """Words in capitals that are no organization's name: WordNet's acronyms outside its group
    nouns ("CEO", "GDP", "AIDS"), its common words of up to six letters written in capitals
    ("NOTE", "CRUDE"), single letters and Roman numerals ("I", "IV")."""
    common, _, acronyms = wordnet[:3]
    words = {a.lower() for a in acronyms}
    words |= {w for w in common if 2 <= len(w) <= 6 and w.isalpha()}
    words |= set("abcdefghijklmnopqrstuvwxyz")
    words |= {r.lower() for r in (roman(n) for n in range(1, 51))}
    return words


def roman(n):
    out = ""
    for value, digits in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def usable(w):
    return len(w) >= 2 and w.replace("-", "").replace("'", "").isalpha() and " " not in w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--census", required=True, help="names-0.3.0/names directory")
    ap.add_argument("--compromise", required=True, help="lexicon JSON from compromise_lexicon.mjs")
    ap.add_argument("--countryinfo", required=True, help="PETRARCH2 Phoenix.Countries.actors.txt")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    lex = json.load(open(a.compromise, encoding="utf-8"))
    common = set(EXTRA_COMMON)
    for tag in WORD_TAGS:
        common.update(w for w in lex.get(tag, []) if " " not in w)
    given = set(census(os.path.join(a.census, "dist.male.first")))
    given |= set(census(os.path.join(a.census, "dist.female.first")))
    for tag in ("MaleName", "FemaleName", "FirstName"):
        given |= set(lex.get(tag, []))
    given |= countryinfo_given(
        a.countryinfo, set(census(os.path.join(a.census, "dist.all.last"), COUNTRYINFO_SURNAME_RANK)))
    surname = set(census(os.path.join(a.census, "dist.all.last"), SURNAME_RANKS))
    surname |= set(lex.get("LastName", []))
    given = {w for w in given if usable(w)}
    surname = {w for w in surname if usable(w)}
    wordnet = load_wordnet()
    surname_common = common | {w for w in wordnet[0] if " " not in w}
    meta = {
        "source": "US Census 1990 name files via PyPI names==0.3.0 (public domain data, MIT package); "
                  "compromise@14.17.0 lexicon (MIT, (c) Spencer Kelly): MaleName, FemaleName, FirstName, LastName; "
                  "PETRARCH2 Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance): first names of office holders; "
                  "WordNet 3.0 common words (Debian wordnet-base) to split off surnames that are words",
        "license": "public domain (Census); MIT (compromise, PETRARCH2)",
        "generated_by": "tools/gennames/gennames.py",
    }
    emit(os.path.join(a.out, "names_given.jsonl"),
         [("given", (given - common) | (given & GIVEN_BEFORE_NAME)), ("given_common", given & common)],
         dict(meta, note="given names; *_common also ordinary words or places"))
    emit(os.path.join(a.out, "names_surname.jsonl"),
         [("surname", surname - surname_common), ("surname_common", surname & surname_common)],
         dict(meta, note=f"Census surnames of rank <= {SURNAME_RANKS}, plus compromise LastName"))
    acr = acronym_words(wordnet)
    emit(os.path.join(a.out, "acronyms.jsonl"), [("acronym_common", acr)],
         {"source": "WordNet 3.0 (Debian wordnet-base): acronyms outside noun.group and common words "
                    "of up to six letters; single letters; Roman numerals to L",
          "license": "WordNet 3.0 license (see dictionaries/NOTICE)", "generated_by": "tools/gennames/gennames.py",
          "note": "words in capitals that name no organization"}, case="upper")
    print(f"acronym_common {len(acr)}")
    print(f"given {len(given - common)} (+{len(given & common)} common), "
          f"surname {len(surname - surname_common)} (+{len(surname & surname_common)} common)")


if __name__ == "__main__":
    main()
