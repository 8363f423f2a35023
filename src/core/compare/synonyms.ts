/**
 * Words news reports use interchangeably for the same act or thing. Outlets
 * paraphrase each other's statements ("is reviewing an offer", "is assessing
 * a proposal"); folding these onto one term lets the comparison see one
 * statement where word overlap alone would see two. Kept to general news
 * vocabulary, English only, and to classes whose members are truly
 * interchangeable in reporting.
 */
const CLASSES = [
  'evaluate evaluat assess review consider weigh study examine',
  'offer proposal overture',
  'talk negotiation negotiate dialogue discussion',
  'tariff duty levy',
  'say state add tell told',
  'confirm acknowledge',
  'cancel scrap remove withdraw revoke rollback reverse lift',
  'impose introduce slap levy',
  'evacuate evacuation evacuee',
  'blaze fire',
  'injure hurt injury',
  'kill dead death die',
  'firefighter firefight',
  'home house household residence',
  'resident people',
  'official authority',
  'employee worker staff staffer',
  'damage loss',
  'approve pass adopt',
  'increase raise hike rise',
  'decrease cut reduce lower',
  'deficit shortfall gap',
  'expand widen broaden extend',
  'oppose opposition opponent',
  'speak spoke testify testimony',
  'plant facility factory',
  'close shut',
  'investigate investigation probe',
  'passenger rider',
];

/**
 * What the light stemmer leaves apart that is one word: "approved"/"approve",
 * "voted"/"vote", "buses"/"bus", "testified"/"testify".
 */
function inflection(term: string): string {
  if (!/^[a-z]{4,}$/.test(term)) return term;
  if (term.endsWith('ed') && term.length >= 5) term = term.slice(0, -2);
  else if (term.endsWith('e')) term = term.slice(0, -1);
  if (term.endsWith('i')) term = `${term.slice(0, -1)}y`;
  return term;
}

const CANONICAL = new Map<string, string>();
for (const line of CLASSES) {
  const [head, ...rest] = line.split(' ').map(inflection);
  for (const word of [head!, ...rest]) if (!CANONICAL.has(word)) CANONICAL.set(word, head!);
}

/** The class representative of an already normalised English term, or the term with its inflection folded. */
export function canonicalTerm(term: string): string {
  const folded = inflection(term);
  return CANONICAL.get(folded) ?? folded;
}
