#!/usr/bin/env bash
# Derives indexer/src/main/resources/world/city-names.tsv: the names people use for the cities of
# cities.tsv, in the network's languages (en de fr es it pt nl ru zh ja ar) and in the city's
# local language (the first language of its country in countries.tsv).
# Source: the Debian package libgeonames-common 0.3.0-1 (source package `geonames`), whose
# message catalogues (/usr/share/locale/<lang>/LC_MESSAGES/geonames.mo) map a GeoNames id to the
# city's name in that language; they are built from GeoNames' alternate names (CC BY 4.0,
# https://www.geonames.org/), as the package's copyright file says of its data.
# Needs apt-get (Debian), dpkg-deb, msgunfmt (gettext) and node. Nothing fetched is kept: only the
# derived file, sorted by id then language, so it is reproducible.
# Usage: indexer/tools/derive-city-names.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
world="$here/../src/main/resources/world"
out="$world/city-names.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v msgunfmt >/dev/null || apt-get install -y gettext >/dev/null
cd "$work"
chmod 777 "$work"
apt-get download libgeonames-common=0.3.0-1 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get download libgeonames-common=0.3.0-1 >/dev/null; }
dpkg-deb -x libgeonames-common_0.3.0-1_all.deb pkg
mkdir po
for mo in pkg/usr/share/locale/*/LC_MESSAGES/geonames.mo; do
  lang="$(basename "$(dirname "$(dirname "$mo")")")"
  msgunfmt --no-wrap "$mo" -o "po/$lang.po"
done
node "$here/derive-city-names.js" "$work/po" "$world/cities.tsv" "$world/countries.tsv" > "$out"
echo "wrote $(grep -vc '^#' "$out") names, $(wc -c < "$out") bytes to $out" >&2
