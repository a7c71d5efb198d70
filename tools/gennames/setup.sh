#!/usr/bin/env bash
# Fetches the pinned sources through the ordinary registry clients into
# $WORK (default /tmp/gennames-src) and regenerates the name lists.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${WORK:-/tmp/gennames-src}"
mkdir -p "$work"
cd "$work"
[ -d names-0.3.0 ] || { pip download --no-deps --no-binary :all: names==0.3.0 -d . && tar xzf names-0.3.0.tar.gz; }
[ -d package ] || { npm pack compromise@14.17.0 && tar xzf compromise-14.17.0.tgz; }
node "$here/compromise_lexicon.mjs" "$work/package" > "$work/compromise_lexicon.json"
python3 "$here/gennames.py" --census "$work/names-0.3.0/names" \
  --compromise "$work/compromise_lexicon.json" \
  --countryinfo "${PETRARCH:-$here/../../../shared/sources/petrarch2}/Phoenix.Countries.actors.txt" \
  --out "$here/../../dictionaries/rules"
