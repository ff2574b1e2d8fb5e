// English words that name the same thing: British and American spellings, and the everyday word beside the one a
// page for foreign residents uses. An English question's word finds an English page's other word (a "center" the
// page spells "centre", a "normal" residence permit it calls "ordinary"). General English, not any corpus's.
export const ENGLISH_VARIANTS: readonly (readonly string[])[] = [
  ['centre', 'center'],
  ['centres', 'centers'],
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['metre', 'meter'],
  ['metres', 'meters'],
  ['litre', 'liter'],
  ['enrol', 'enroll'],
  ['enrolment', 'enrollment'],
  ['neighbour', 'neighbor'],
  ['neighbours', 'neighbors'],
  ['neighbourhood', 'neighborhood'],
  ['organisation', 'organization'],
  ['labour', 'labor'],
  ['colour', 'color'],
  ['normal', 'ordinary', 'regular'],
  ['kid', 'child'],
  ['kids', 'children'],
  ['mum', 'mom', 'mother'],
  ['dad', 'father'],
  ['grandma', 'grandmother'],
  ['grandpa', 'grandfather'],
  ['flat', 'apartment'],
  ['flats', 'apartments'],
  ['nappy', 'diaper'],
  ['nappies', 'diapers'],
  ['rubbish', 'garbage', 'trash'],
  ['lift', 'elevator'],
  ['mobile', 'cellphone'],
  ['holiday', 'vacation'],
  ['holidays', 'vacations'],
  ['pram', 'stroller'],
  ['doctor', 'physician'],
  ['doctors', 'physicians'],
  ['tourist', 'visitor'],
  ['tourists', 'visitors'],
  ['bike', 'bicycle'],
  ['bikes', 'bicycles'],
  ['fever', 'temperature'],
  ['hurt', 'injured'],
  ['ticket', 'pass'],
  ['tickets', 'passes'],
];

// A verb and the noun of its act, where the stemmer leaves them apart (pay and payment, register and registration:
// "when must the bill be paid" finds "payment is due within 15 days"). Forms whose stems already meet
// (renew/renewal, insure/insurance, cremate/cremation) need no entry.
export const ENGLISH_DERIVATIONS: readonly (readonly string[])[] = [
  ['pay', 'paid', 'payment', 'payments'],
  ['register', 'registered', 'registration'],
  ['deliver', 'delivered', 'delivery'],
  ['treat', 'treated', 'treatment'],
  ['admit', 'admitted', 'admission'],
  ['extend', 'extended', 'extension'],
  ['submit', 'submitted', 'submission'],
  ['subsidise', 'subsidize', 'subsidised', 'subsidized', 'subsidy', 'subsidies'],
  ['bury', 'buried', 'burial'],
  ['settle', 'settled', 'settlement'],
  ['verify', 'verified', 'verification'],
];

const BY_WORD = new Map<string, readonly string[]>([...ENGLISH_VARIANTS, ...ENGLISH_DERIVATIONS].flatMap((group) => group.map((w) => [w, group] as const)));

/** The other words for the same thing as `word` (lower case), if any. */
export function variantsOf(word: string): string[] {
  return (BY_WORD.get(word) ?? []).filter((w) => w !== word);
}
