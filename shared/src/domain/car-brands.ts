/**
 * A car model: `pattern` is a regular expression over folded text (lower case, no diacritics) that
 * takes the Polish cases ("Passata", "Corollą"); `alone` when the name is known without the brand
 * ("ma Passata", "Ioniq 5"); `cased` when it is also an everyday word and counts only when written
 * with a capital ("Golf", "Seat", "Spring").
 */
export type CarModel = { name: string; pattern: string; alone?: boolean; cased?: boolean };

/** A car brand and the models worth naming; other models are read by shape ("A4", "EV6", "XC40"). */
export type CarBrand = { name: string; pattern: string; cased?: boolean; models: CarModel[] };

/** Tesla: the brand the dealer sells, so never a competitor, but a Tesla can be the client's current car. */
export const OWN_BRAND = 'Tesla';

const m = (name: string, pattern: string, flags: Partial<Pick<CarModel, 'alone' | 'cased'>> = {}): CarModel => ({
  name,
  pattern,
  ...flags,
});
const ALONE = { alone: true };
const ALONE_CASED = { alone: true, cased: true };
const CASED = { cased: true };

export const CAR_BRANDS: CarBrand[] = [
  { name: 'Tesla', pattern: 'tesl(?:a|i|e|ami|ach|om)', models: ['3', 'Y', 'S', 'X'].map((x) => m(`Model ${x}`, `model ?${x.toLowerCase()}`, ALONE)).concat([m('Cybertruck', 'cybertruck\\w*', ALONE)]) },
  { name: 'BMW', pattern: 'bmw(?:-?(?:em|ie|u|a|ice))?', models: [m('i4', 'i4', ALONE), m('i5', 'i5', ALONE), m('i7', 'i7', ALONE), m('iX1', 'ix1', ALONE), m('iX2', 'ix2', ALONE), m('iX3', 'ix3', ALONE), m('iX', 'ix', ALONE_CASED), m('i3', 'i3')] },
  { name: 'Audi', pattern: 'audi', models: [m('Q4 e-tron', 'q4 e-?tron', ALONE), m('Q6 e-tron', 'q6 e-?tron', ALONE), m('Q8 e-tron', 'q8 e-?tron', ALONE), m('e-tron GT', 'e-?tron gt', ALONE), m('e-tron', 'e-?tron', ALONE)] },
  { name: 'Mercedes', pattern: 'mercedes(?:-benz)?(?:a|em|ie|y|ow)?|merc(?:a|em|u)?|benz(?:a|em)?', models: ['a', 'b', 'c', 'e', 's', 'v'].map((x) => m(`EQ${x.toUpperCase()}`, `eq${x}(?: ?\\d{3})?`, ALONE)).concat([m('GLC', 'glc'), m('GLE', 'gle'), m('GLA', 'gla'), m('CLA', 'cla')]) },
  { name: 'Volkswagen', pattern: 'volkswagen(?:a|em|ie|y)?|vw(?:-?(?:em|ie|u|a))?', models: [m('ID.3', 'id\\.? ?3', ALONE), m('ID.4', 'id\\.? ?4', ALONE), m('ID.5', 'id\\.? ?5', ALONE), m('ID.7', 'id\\.? ?7', ALONE), m('ID. Buzz', 'id\\.? ?buzz\\w*', ALONE), m('Passat', 'passat(?:a|em|cie|y)?', ALONE), m('Golf', 'golf(?:a|em|ie)?', ALONE_CASED), m('Tiguan', 'tiguan(?:a|em|ie)?', ALONE), m('Touareg', 'touareg(?:a|iem)?', ALONE), m('Arteon', 'arteon(?:a|em|ie)?', ALONE), m('Touran', 'touran(?:a|em|ie)?', ALONE), m('Polo', 'polo', ALONE_CASED), m('T-Roc', 't-?roc(?:a|iem)?', ALONE), m('Sharan', 'sharan(?:a|em|ie)?', ALONE)] },
  { name: 'Skoda', pattern: 'skod(?:a|y|e|zie|ami|ach)', models: [m('Enyaq', 'enyaq(?:a|iem|u)?', ALONE), m('Elroq', 'elroq(?:a|iem|u)?', ALONE), m('Octavia', 'octavi(?:a|i|e|ami)', ALONE), m('Superb', 'superb(?:a|em|ie)?', ALONE_CASED), m('Kodiaq', 'kodiaq(?:a|iem|u)?', ALONE), m('Karoq', 'karoq(?:a|iem|u)?', ALONE), m('Kamiq', 'kamiq(?:a|iem|u)?', ALONE), m('Fabia', 'fabi(?:a|i|e)', ALONE_CASED), m('Scala', 'scal(?:a|i|e)', CASED)] },
  { name: 'Toyota', pattern: 'toyot(?:a|y|e|ami|ach|om)|toyocie', models: [m('Corolla', 'corol(?:la|li|le)', ALONE), m('RAV4', 'rav ?4', ALONE), m('bZ4X', 'bz4x', ALONE), m('C-HR', 'c-?hr', ALONE), m('Yaris', 'yaris(?:a|em|ie)?', ALONE), m('Prius', 'prius(?:a|em|ie)?', ALONE), m('Camry', 'camry', ALONE), m('Auris', 'auris(?:a|em|ie)?', ALONE), m('Avensis', 'avensis(?:a|em|ie)?', ALONE), m('Aygo', 'aygo'), m('Land Cruiser', 'land cruiser\\w*', ALONE)] },
  { name: 'Hyundai', pattern: 'hyundai(?:a|em|u|ach)?', models: [m('Ioniq 5', 'ioniq ?5', ALONE), m('Ioniq 6', 'ioniq ?6', ALONE), m('Ioniq 9', 'ioniq ?9', ALONE), m('Ioniq', 'ioniq(?:a|iem)?', ALONE), m('Kona', 'kon(?:a|y|e|ie)', CASED), m('Tucson', 'tucson(?:a|em|ie)?', ALONE_CASED), m('Santa Fe', 'santa fe'), m('Inster', 'inster\\w*', ALONE_CASED)] },
  { name: 'Kia', pattern: 'ki(?:a|i)', models: [m('EV3', 'ev ?3', ALONE), m('EV6', 'ev ?6', ALONE), m('EV9', 'ev ?9', ALONE), m('e-Niro', 'e-?niro', ALONE), m('Niro', 'niro', ALONE_CASED), m('Sportage', 'sportage(?:a|m|u)?', ALONE), m('Sorento', 'sorento', ALONE), m('Ceed', 'x?ceed(?:a|em|zie)?', CASED), m('Picanto', 'picanto')] },
  { name: 'BYD', pattern: 'byd(?:a|em|zie|u)?', models: [m('Atto 3', 'atto ?3', ALONE), m('Atto 2', 'atto ?2', ALONE), m('Seal U', 'seal u', ALONE_CASED), m('Seal', 'seal(?:a|em)?', ALONE_CASED), m('Dolphin', 'dolphin(?:a|em)?', ALONE_CASED), m('Han', 'han', CASED), m('Tang', 'tang', CASED), m('Sealion 7', 'sealion ?7', ALONE)] },
  { name: 'Polestar', pattern: 'polestar(?:a|em|ze|y)?', models: [m('2', '2'), m('3', '3'), m('4', '4')] },
  { name: 'Volvo', pattern: 'volv(?:o|a|em|ie)', models: [m('XC40', 'xc ?40', ALONE), m('XC60', 'xc ?60', ALONE), m('XC90', 'xc ?90', ALONE), m('EX30', 'ex ?30', ALONE), m('EX40', 'ex ?40', ALONE), m('EX90', 'ex ?90', ALONE), m('C40', 'c40', ALONE)] },
  { name: 'Porsche', pattern: 'porsche|porsch(?:a|em|ie|u)', models: [m('Taycan', 'taycan(?:a|em|ie)?', ALONE), m('Macan', 'macan(?:a|em|ie)?', ALONE), m('Cayenne', 'cayenne', ALONE), m('Panamera', 'panamer(?:a|y|e|ze)', ALONE), m('911', '911')] },
  { name: 'Nio', pattern: 'nio', cased: true, models: [] },
  { name: 'Xpeng', pattern: 'xpeng(?:a|iem)?', models: [] },
  { name: 'MG', pattern: 'mg', cased: true, models: [m('MG4', 'mg ?4', ALONE_CASED), m('MG5', 'mg ?5', ALONE_CASED), m('ZS', 'zs')] },
  { name: 'Cupra', pattern: 'cupr(?:a|y|e|ze|ami)', models: [m('Born', 'born(?:a|em|ie)?', CASED), m('Formentor', 'formentor(?:a|em|ze)?', ALONE), m('Tavascan', 'tavascan(?:a|em|ie)?', ALONE), m('Leon', 'leon(?:a|em|ie)?', CASED)] },
  { name: 'Renault', pattern: 'renault(?:a|em|cie)?', models: [m('Megane', 'megane', ALONE), m('Zoe', 'zoe', CASED), m('Scenic', 'scenic(?:a|iem)?', CASED), m('Clio', 'clio', CASED), m('Captur', 'captur(?:a|em|ze)?'), m('Austral', 'austral\\w*'), m('5', '5'), m('Laguna', 'lagun(?:a|y|e|zie)', ALONE_CASED)] },
  { name: 'Peugeot', pattern: 'peugeot(?:a|em|cie)?', models: [m('e-208', 'e-208', ALONE), m('e-2008', 'e-2008', ALONE), m('e-3008', 'e-3008', ALONE), m('e-5008', 'e-5008', ALONE), m('e-308', 'e-308', ALONE), m('2008', '2008'), m('3008', '3008'), m('5008', '5008')] },
  { name: 'Ford', pattern: 'ford(?:a|em|zie|y)?', models: [m('Mustang Mach-E', '(?:mustang )?mach-?e', ALONE), m('Mondeo', 'mondeo', ALONE), m('Kuga', 'kug(?:a|i|e|ze)', ALONE_CASED), m('Focus', 'focus(?:a|em|ie)?', ALONE_CASED), m('Fiesta', 'fiest(?:a|y|e|ie)', CASED), m('Explorer', 'explorer\\w*', CASED), m('Puma', 'pum(?:a|y|e|ie)', CASED), m('Mustang', 'mustang(?:a|iem)?', CASED)] },
  { name: 'Lexus', pattern: 'lexus(?:a|em|ie|y)?', models: [m('RZ', 'rz'), m('UX', 'ux'), m('NX', 'nx'), m('RX', 'rx')] },
  { name: 'Opel', pattern: 'opel|opl(?:a|em|u)', models: [m('Astra', 'astr(?:a|y|e|ze)', ALONE_CASED), m('Corsa', 'cors(?:a|y|e|ie)', ALONE_CASED), m('Insignia', 'insigni(?:a|i|e)', ALONE), m('Zafira', 'zafir(?:a|y|e|ze)', ALONE), m('Vectra', 'vectr(?:a|y|e|ze)', ALONE), m('Mokka', 'mokk(?:a|i|e)', CASED), m('Grandland', 'grandland\\w*')] },
  { name: 'Citroen', pattern: 'citroen(?:a|em|ie)?', models: [m('e-C4', 'e-?c4', ALONE), m('Berlingo', 'berlingo'), m('Ami', 'ami', CASED)] },
  { name: 'Fiat', pattern: 'fiat(?:a|em|cie)?', models: [m('500e', '500e?'), m('600e', '600e?'), m('Panda', 'pand(?:a|y|e|zie)'), m('Tipo', 'tipo')] },
  { name: 'Nissan', pattern: 'nissan(?:a|em|ie)?', models: [m('Leaf', 'leaf(?:a|em|ie)?', ALONE_CASED), m('Ariya', 'ariy(?:a|i|e)', ALONE), m('Qashqai', 'qashqai(?:a|em|u)?', ALONE), m('Juke', 'juke', CASED), m('X-Trail', 'x-?trail\\w*', ALONE)] },
  { name: 'Mazda', pattern: 'mazd(?:a|y|e|zie)', models: [m('6', '6'), m('3', '3'), m('MX-30', 'mx-?30', ALONE)] },
  { name: 'Honda', pattern: 'hond(?:a|y|e|zie)', models: [m('Civic', 'civic(?:a|iem|u)?', ALONE_CASED), m('CR-V', 'cr-?v', ALONE), m('HR-V', 'hr-?v', ALONE), m('Jazz', 'jazz', CASED), m('Accord', 'accord\\w*', CASED)] },
  { name: 'Jaguar', pattern: 'jaguar(?:a|em|ze)?', models: [m('I-Pace', 'i-?pace', ALONE), m('F-Pace', 'f-?pace', ALONE)] },
  { name: 'Land Rover', pattern: 'land ?rover(?:a|em|ze)?', models: [m('Defender', 'defender\\w*'), m('Discovery', 'discovery')] },
  { name: 'Range Rover', pattern: 'range ?rover(?:a|em|ze)?', models: [m('Sport', 'sport'), m('Evoque', 'evoque', ALONE), m('Velar', 'velar\\w*')] },
  { name: 'Dacia', pattern: 'daci(?:a|i|e)', models: [m('Spring', 'spring(?:a|iem)?', CASED), m('Duster', 'duster(?:a|em|ze)?', ALONE), m('Sandero', 'sandero', ALONE), m('Jogger', 'jogger\\w*')] },
  { name: 'Seat', pattern: 'seat(?:a|em|cie)?', cased: true, models: [m('Leon', 'leon(?:a|em|ie)?'), m('Ibiza', 'ibiz(?:a|y|e|ie)'), m('Ateca', 'atec(?:a|i|e)'), m('Arona', 'aron(?:a|y|e|ie)')] },
  { name: 'Subaru', pattern: 'subaru', models: [m('Solterra', 'solterr(?:a|y|e|ze)', ALONE), m('Forester', 'forester\\w*', ALONE), m('Outback', 'outback\\w*')] },
  { name: 'Mitsubishi', pattern: 'mitsubishi', models: [m('Outlander', 'outlander\\w*', ALONE)] },
  { name: 'Suzuki', pattern: 'suzuki', models: [m('Vitara', 'vitar(?:a|y|e|ze)', ALONE), m('Swift', 'swift\\w*', CASED)] },
  { name: 'Jeep', pattern: 'jeep(?:a|em|ie)?', models: [m('Avenger', 'avenger\\w*'), m('Compass', 'compass\\w*'), m('Wrangler', 'wrangler\\w*', ALONE), m('Renegade', 'renegade\\w*')] },
  { name: 'Mini', pattern: 'mini', cased: true, models: [m('Cooper SE', 'cooper se'), m('Countryman', 'countryman\\w*', ALONE), m('Aceman', 'aceman\\w*', ALONE), m('Cooper', 'cooper\\w*')] },
  { name: 'Smart', pattern: 'smart(?:a|em|cie)?', cased: true, models: [m('#1', '#1'), m('#3', '#3'), m('ForTwo', 'fortwo')] },
  { name: 'Alfa Romeo', pattern: 'alf(?:a|y|e|ie) romeo', models: [m('Junior', 'junior\\w*'), m('Tonale', 'tonale')] },
  { name: 'DS', pattern: 'ds', cased: true, models: [] },
  { name: 'Zeekr', pattern: 'zeekr(?:a|em|ze)?', models: [] },
  { name: 'Leapmotor', pattern: 'leapmotor(?:a|em|ze)?', models: [] },
  { name: 'Lucid', pattern: 'lucid(?:a|em|zie)?', cased: true, models: [m('Air', 'air', CASED)] },
  { name: 'Rivian', pattern: 'rivian(?:a|em|ie)?', models: [] },
  { name: 'Omoda', pattern: 'omod(?:a|y|e|zie)', models: [] },
  { name: 'Jaecoo', pattern: 'jaecoo', models: [] },
  { name: 'Genesis', pattern: 'genesis(?:a|em|ie)?', cased: true, models: [] },
  { name: 'Lynk & Co', pattern: 'lynk(?: (?:&|and) co)?', models: [] },
  { name: 'Chevrolet', pattern: 'chevrolet\\w*', models: [] },
  { name: 'Maserati', pattern: 'maserati', models: [] },
  { name: 'Lotus', pattern: 'lotus(?:a|em|ie)?', cased: true, models: [m('Eletre', 'eletre', ALONE)] },
];

/**
 * The usual spelling of a model read by its shape from folded text:
 * "a4" → "A4", "ix3" → "iX3", "ev6" → "EV6", "e-208" → "e-208", "cx-5" → "CX-5", "q4 e-tron" → "Q4 e-tron".
 */
export function formatModelName(raw: string): string {
  return raw
    .split(' ')
    .map((part) => {
      if (/^e-?tron$/.test(part)) return 'e-tron';
      const m = /^([a-z]*)(-?)(\d*)([a-z]*)$/.exec(part);
      if (!m) return part;
      const [, lead = '', dash = '', digits = '', tail = ''] = m;
      if (lead === 'e' && dash) return `e-${digits}${tail}`;
      const head = lead.startsWith('i') && lead.length <= 2 ? `i${lead.slice(1).toUpperCase()}` : lead.toUpperCase();
      return `${head}${dash}${digits}${tail}`;
    })
    .join(' ');
}
