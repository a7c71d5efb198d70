#!/usr/bin/env python3
"""Rough false-positive scan: match every dictionary alias over a JSONL corpus ({id,title,text})
and print the most frequent matched surfaces with the entry they resolved to.

    python3 tools/gendict/scan_corpus.py [--dict dictionaries] [--corpus ../shared/bench/reuters21578.jsonl] [--top 100]

It honours the match policies roughly (exact / capitalized / any / short / auto), the
common_word guard (not sentence-initial, not in all-caps or title-case text), the not_in_headline guard (not in
all-caps or title-case text) and the stop list.
Longest match wins; among entries with the same surface, the highest priority wins.
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def strip_marks(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")


def fold(s):
    return re.sub(r"\s+", " ", strip_marks(s)).casefold().strip()


def auto_policy(text):
    letters = [c for c in text if c.isalpha()]
    if not any(c.islower() for c in letters) and len(letters) <= 5:
        return "exact"
    if any(c.isupper() for c in letters):
        return "capitalized"
    return "any"


def load(dict_dir):
    table = defaultdict(list)
    stops = {}
    for p in sorted(glob.glob(os.path.join(dict_dir, "**", "*.jsonl"), recursive=True)):
        for line in open(p, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            e = json.loads(line)
            if "meta" in e:
                continue
            if "stop" in e:
                stops[fold(e["stop"])] = e["stop"]
                continue
            if "name" not in e:
                continue  # the rules' lists and the topic model's lines are no entries
            items = [e["name"]] + e.get("aliases", [])
            seen = set()
            objs = {a["text"]: a for a in e.get("aliases", []) if isinstance(a, dict)}
            for a in items:
                t = a if isinstance(a, str) else a["text"]
                if isinstance(a, str) and t in objs:
                    a = objs[t]  # an alias object for the name overrides the name's auto policy
                if t in seen:
                    continue
                seen.add(t)
                pol = "auto" if isinstance(a, str) else a.get("match", "auto")
                if pol == "auto":
                    pol = auto_policy(t)
                guard = None if isinstance(a, str) else a.get("guard")
                table[fold(t)].append((e["id"], t, pol, guard, e.get("priority", 0)))
    return table, stops


TOK = re.compile(r"[^\W_]+(?:[.'’&\-][^\W_]+)*\.?")


def cap_ok(alias, surface):
    a, s = strip_marks(alias), strip_marks(surface)
    if len(a) != len(s):
        a, s = alias.replace(" ", ""), surface.replace(" ", "")
        if len(a) != len(s):
            return surface[:1].isupper()
    return all(not ca.isupper() or cs.isupper() for ca, cs in zip(a, s))


def caps_line(text, pos):
    """The line around pos is set in capitals (a headline inside the body)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a:b if b >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def sentence_start(text, pos):
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'(":
        j -= 1
    if j < 0:
        return True
    if text[j] == "\n":
        k = j - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or text[k] == "\n":
            return True
        j = k
    return text[j] in ".!?:;"


def scan(text, table, stops, headline, maxn=7):
    toks = [m for m in TOK.finditer(text)]
    out = []
    full_seen = set()
    i = 0
    while i < len(toks):
        best = None
        for n in range(min(maxn, len(toks) - i), 0, -1):
            start, end = toks[i].start(), toks[i + n - 1].end()
            span = text[start:end]
            for cand in ((span, end), (span[:-1], end - 1)) if span.endswith(".") else ((span, end),):
                surf, e2 = cand
                k = fold(surf)
                if not surf or k not in table:
                    continue
                if k in stops:
                    continue
                ok = []
                for eid, t, pol, guard, prio in table[k]:
                    norm_s = re.sub(r"\s+", " ", surf)
                    if pol == "exact" and strip_marks(norm_s) != strip_marks(t):
                        continue
                    if pol in ("capitalized", "short") and not cap_ok(t, norm_s):
                        continue
                    if pol == "short" and eid not in full_seen:
                        continue
                    if guard == "common_word":
                        if headline or caps_line(text, start) or sentence_start(text, start):
                            continue
                    if guard == "not_in_headline" and (headline or caps_line(text, start)):
                        continue
                    ok.append((prio, eid, pol))
                if ok:
                    ok.sort(key=lambda x: (-x[0], x[1]))
                    best = (n, surf, ok[0][1], ok[0][2], len(ok))
                    break
            if best:
                break
        if best:
            n, surf, eid, pol, nc = best
            if pol != "short":
                full_seen.add(eid)
            out.append((re.sub(r"\s+", " ", surf), eid, nc))
            i += n
        else:
            i += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default=os.path.join(ROOT, "dictionaries"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "bench", "reuters21578.jsonl"))
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--grep", default=None, help="print contexts of this surface")
    args = ap.parse_args()
    table, stops = load(args.dict)
    cnt = Counter()
    ent = defaultdict(Counter)
    ctx_n = 0
    with open(args.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if args.limit and n >= args.limit:
                break
            d = json.loads(line)
            title = d.get("title") or ""
            for part, head in ((title, True), (d.get("text") or "", False)):
                for surf, eid, nc in scan(part, table, stops, head):
                    cnt[surf] += 1
                    ent[surf][eid] += 1
                    if args.grep and surf == args.grep and ctx_n < 15:
                        i = part.find(surf)
                        print("   ...%s..." % part[max(0, i - 60):i + 60].replace("\n", " "))
                        ctx_n += 1
    total = sum(cnt.values())
    print("%d matches, %d distinct surfaces" % (total, len(cnt)))
    for surf, c in cnt.most_common(args.top):
        print("%7d  %-28s %s" % (c, surf, ", ".join("%s" % e for e, _ in ent[surf].most_common(2))))


if __name__ == "__main__":
    main()
