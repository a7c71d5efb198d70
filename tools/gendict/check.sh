#!/usr/bin/env bash
# Regenerates the dictionaries into a temp dir and diffs them against the committed files.
# Needs the inputs of setup.sh (run it first; it is quick when they are cached).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="${GENDICT_SOURCES:-$root/../shared/sources}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp "$root/dictionaries/README.md" "$tmp/README.md"
python3 "$root/tools/gendict/gendict.py" --sources "$src" --out "$tmp" >/dev/null
rc=0
( cd "$root/dictionaries" && find . -name '*.jsonl' -not -path './topics/*' -not -path './rules/*' | sort ) > "$tmp/.committed"
( cd "$tmp" && find . -name '*.jsonl' | sort ) > "$tmp/.fresh"
diff "$tmp/.committed" "$tmp/.fresh" || { echo "check: file lists differ"; rc=1; }
while read -r f; do
  cmp -s "$root/dictionaries/$f" "$tmp/$f" || { echo "check: $f differs from a fresh run"; diff "$root/dictionaries/$f" "$tmp/$f" | head -5; rc=1; }
done < "$tmp/.fresh"
cmp -s "$root/dictionaries/README.md" "$tmp/README.md" || { echo "check: README coverage table is stale"; rc=1; }
[ $rc = 0 ] && echo "check: dictionaries match a fresh run"
exit $rc
