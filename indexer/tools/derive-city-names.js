// Joins the GeoNames message catalogues (see derive-city-names.sh) with cities.tsv and
// countries.tsv into the city-names TSV: id, language, name. A name equal to the city's main name
// (cities.tsv) is left out, the main name being searchable and shown already, unless the English
// name differs from it (Köln, Cologne): then German must still say Köln rather than fall back.
// Usage: node derive-city-names.js PO_DIR CITIES_TSV COUNTRIES_TSV
'use strict';
const fs = require('fs');
const path = require('path');
const [poDir, citiesFile, countriesFile] = process.argv.slice(2);

const NETWORK = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'zh', 'ja', 'ar'];
// Catalogue names where the language has no plain catalogue (or a fuller regional one).
const CATALOGUES = { zh: ['zh', 'zh_CN', 'zh_TW'], no: ['nb', 'nn'], tl: ['fil', 'tl'] };

function unquote(s) {
  return JSON.parse(s.replace(/\\([^"\\nt])/g, '$1'));
}
function readPo(lang) {
  const names = new Map();
  for (const catalogue of CATALOGUES[lang] || [lang]) {
    const file = path.join(poDir, catalogue + '.po');
    if (!fs.existsSync(file)) continue;
    let id = null;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('msgid ')) id = unquote(line.slice(6));
      else if (line.startsWith('msgstr ') && id && /^\d+$/.test(id)) {
        const name = unquote(line.slice(7)).replace(/[\t\r\n]/g, ' ').trim();
        if (name && !names.has(id)) names.set(id, name);
        id = null;
      }
    }
  }
  return names;
}

const rows = line => line.split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split('\t'));
const localLanguage = new Map(rows(fs.readFileSync(countriesFile, 'utf8')).map(r => [r[0], r[2].split(',')[0]]));
const cities = rows(fs.readFileSync(citiesFile, 'utf8')).map(r => ({ id: r[0], name: r[1], country: r[3] }));

const catalogues = new Map();
const namesIn = lang => {
  if (!catalogues.has(lang)) catalogues.set(lang, readPo(lang));
  return catalogues.get(lang);
};
const out = ['# id\tlanguage\tname — see indexer/tools/derive-city-names.sh (GeoNames alternate names, CC BY 4.0)'];
for (const city of cities.sort((a, b) => Number(a.id) - Number(b.id))) {
  const local = localLanguage.get(city.country);
  const langs = [...new Set([...NETWORK, ...(local ? [local] : [])])].sort();
  const english = namesIn('en').get(city.id);
  const keepMain = english !== undefined && english !== city.name;
  for (const lang of langs) {
    const name = namesIn(lang).get(city.id);
    if (name && (name !== city.name || keepMain)) out.push([city.id, lang, name].join('\t'));
  }
}
process.stdout.write(out.join('\n') + '\n');
