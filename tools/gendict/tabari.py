"""Reading TABARI actor files (PETRARCH2's `Phoenix.*.actors.txt`).

An entry is a head line (`NAME_ [CODE dates]  # comment`), synonym lines
starting with `+`, and indented lines holding more `[CODE dates]`.
"""

import re
from collections import namedtuple

# head: the entry's phrase; synonyms: its `+` lines; codes: every bracketed
# code, those of the head line first; head_codes: those of the head line.
Actor = namedtuple("Actor", "head synonyms codes head_codes")


def parse(path):
    """The entries of a TABARI actor file, in file order."""
    entries, cur = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.rstrip("\n").split("#")[0].rstrip()
            if not s.strip():
                continue
            if s.startswith("+"):
                if cur is not None:
                    cur.synonyms.append(s[1:].strip())
                continue
            if s[0] in " \t[":
                if cur is not None:
                    cur.codes.extend(re.findall(r"\[([^\]]*)\]", s))
                continue
            m = re.match(r"^([^\s\[]+)\s*(.*)$", s)
            head_codes = re.findall(r"\[([^\]]*)\]", m.group(2))
            cur = Actor(m.group(1), [], list(head_codes), head_codes)
            entries.append(cur)
    return entries
