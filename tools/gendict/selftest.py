#!/usr/bin/env python3
"""Tricky look-ups against the generated dictionaries, with the rough matcher of scan_corpus.py.

    python3 tools/gendict/selftest.py [--dict dictionaries]

This checks the data (aliases, policies, priorities), not the Rust matcher.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scan_corpus as S  # noqa: E402

CASES = [
    # (text, headline, expected [(surface, id)] in order; None id = must not match)
    ("Officials in the U.S. said on Monday.", False, [("U.S.", "place:country:US")]),
    ("The US and South Korea held talks.", False, [("US", "place:country:US"), ("South Korea", "place:country:KR")]),
    ("Let us know what you think of it.", False, []),
    ("He flew to Georgia last week.", False, [("Georgia", "place:country:GE")]),
    ("Troops crossed into Jordan and Chad.", False, [("Jordan", "place:country:JO"), ("Chad", "place:country:TD")]),
    ("We ate turkey with the family.", False, []),
    ("Ankara said Turkey would respond.", False, [("Ankara", "place:city:323786"), ("Turkey", "place:country:TR")]),
    ("Talks in Côte d'Ivoire and Ivory Coast.", False, [("Côte d'Ivoire", "place:country:CI"), ("Ivory Coast", "place:country:CI")]),
    ("Myanmar, formerly Burma, said.", False, [("Myanmar", "place:country:MM"), ("Burma", "place:country:MM")]),
    ("The Department of War said on Friday.", False, [("Department of War", "org:US:defense-ministry")]),
    ("Ahn said nothing.", False, []),
    ("Defense Minister Ahn Gyu-back met Hegseth. Ahn said the talks went well.", False,
     [("Ahn Gyu-back", "person:ahn-gyu-back"), ("Ahn", "person:ahn-gyu-back")]),
    ("Paul Volcker said rates would hold.", False, [("Paul Volcker", "person:paul-a-volcker")]),
    ("George Bush spoke.", False, [("George Bush", "person:george-bush")]),
    ("Pete Hegseth spoke. Later Hegseth left.", False, [("Pete Hegseth", "person:pete-hegseth"), ("Hegseth", "person:pete-hegseth")]),
    ("Pyongyang said it would retaliate.", False, [("Pyongyang", "place:city:1871859")]),
    ("The Korean delegation arrived.", False, [("Korean", "nationality:ambiguous:korean")]),
    ("North Korean and South Korean officials met.", False, [("North Korean", "nationality:KP"), ("South Korean", "nationality:KR")]),
    ("The White House and the Kremlin disagreed.", False, [("White House", "org:US:seat:white-house"), ("Kremlin", "org:RU:seat:kremlin")]),
    ("He will visit in May.", False, []),
    ("Theresa May spoke.", False, [("Theresa May", "person:theresa-may")]),  # an office holder; "May" alone is a short form
    ("They decided to split the company.", False, []),
    ("Prices in Split rose.", False, [("Split", "place:city:3190261")]),  # guarded, mid-sentence capital
    ("Split the bill, he said.", False, []),
    ("Exports rose in March and May.", False, []),
    ("The ship docked at Mobile on Tuesday.", False, [("Mobile", "place:city:4076598")]),
    ("Mobile phone sales rose.", False, []),
    ("NICE WEATHER IN READING", True, []),
    ("She reached the DMZ near Panmunjom.", False, [("DMZ", "place:region:dmz"), ("Panmunjom", "place:region:panmunjom")]),
    # The Factbook's "President XI Jinping": a family name in capitals that reads as a numeral.
    ("Xi Jinping met Kim Jong-un.", False, [("Xi Jinping", "person:xi-jinping"), ("Kim Jong-un", "person:kim-jong-un")]),
    ("Zelenskiy and Zelensky are one.", False,
     [("Zelenskiy", "person:volodymyr-zelenskyy"), ("Zelensky", "person:volodymyr-zelenskyy")]),
    # WordNet's older spellings of countries, not their local forms inside firms' names.
    ("Kazakstan and Surinam voted.", False, [("Kazakstan", "place:country:KZ"), ("Surinam", "place:country:SR")]),
    ("The Brasil and Italia units of the firm.", False, []),
    # A family name that opens with a particle keeps it.
    ("Bart de Wever spoke. De Wever left.", False, [("Bart de Wever", "person:bart-de-wever"), ("De Wever", "person:bart-de-wever")]),
    ("Bart de Wever spoke. Bart de", False, [("Bart de Wever", "person:bart-de-wever")]),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default=os.path.join(S.ROOT, "dictionaries"))
    args = ap.parse_args()
    table, stops = S.load(args.dict)
    bad = 0
    for text, head, want in CASES:
        got = [(surf, eid) for surf, eid, _ in S.scan(text, table, stops, head)]
        want_pos = [w for w in want if w[1] is not None]
        ok = got == want_pos
        bad += not ok
        print("%s  %-70s %s" % ("ok " if ok else "BAD", text[:70], "" if ok else "got %s want %s" % (got, want_pos)))
    print("%d/%d cases ok" % (len(CASES) - bad, len(CASES)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
