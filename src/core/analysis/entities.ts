/**
 * Named people, organisations and places, found without a model: runs of
 * capitalised words inside sentences, typed by the words around them
 * ("Mr", "said", "in", "Ministry", "River"). Good enough to tell two
 * earthquakes apart by where they struck and who spoke, which is what the
 * matcher and the comparison view need; not a general NER.
 */
import { STOPWORDS } from '../stopwords';
import { isCapitalised, isUncased, sentences, tokenize, type Token } from './tokens';

export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

export interface Entity {
  /** Fullest form seen, e.g. "Mark Teixeira". */
  name: string;
  /** What two articles compare: lower case; a person's surname, since later mentions drop the first name. */
  key: string;
  kind: EntityKind;
  mentions: number;
  /** Offset of the first mention. */
  first: number;
}

const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president vice senator sen rep representative gov governor mayor minister premier chancellor secretary judge justice gen general col colonel capt captain sgt sergeant lt officer chief king queen prince princess pope rev father saint st coach detective inspector commissioner ceo chairman chairwoman spokesman spokeswoman spokesperson actor actress singer star striker quarterback pitcher'.split(' '),
);
const ORG_WORDS = new Set(
  'inc corp corporation co company ltd llc plc group party ministry department dept university college school council association bank agency committee commission court police army navy force forces guard union institute foundation federation league club team news times post journal network airlines airline airways church hospital board office bureau service services authority fund organisation organization assembly parliament congress senate house administration government regime brigade front movement coalition alliance'.split(' '),
);
const PLACE_WORDS = new Set(
  'city county state province region district island islands river lake mountain mountains valley bay coast street road avenue square park bridge airport station village town republic kingdom peninsula sea ocean gulf strait desert hills'.split(' '),
);
const PLACE_CUES = new Set('in at near from across outside inside to into towards toward throughout off'.split(' '));
const SPEECH = new Set('said says told added asked explained announced stated wrote tweeted argued warned insisted'.split(' '));
/** Lower-case words allowed inside a name: "Bank of England", "Charles de Gaulle". */
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'bin', 'ibn', 'y', '&']);
/** Capitalised words that open sentences or headlines but name nothing. */
const NOT_NAMES = new Set(
  'the a an this that these those it its he she they we i you his her their our my there here but and or so yet if when while after before as at in on of for to by with from about over under into police officials authorities residents witnesses sources according monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december breaking update updated photo video read watch'.split(
    ' ',
  ),
);

interface Run {
  words: string[];
  start: number;
  before: string | null;
  after: string | null;
  sentenceStart: boolean;
  /** The character right after the run ("," in "Earlier, police said"). */
  next: string;
}

function runsOf(text: string, toks: Token[], lang: string | null): Run[] {
  const runs: Run[] = [];
  const bounds = sentences(text, lang).map((s) => s.start);
  let b = 0;
  let i = 0;
  // Index of the first token of the current sentence.
  let sentenceFirst = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    while (b + 1 < bounds.length && bounds[b + 1]! <= tok.start) {
      b++;
      sentenceFirst = i;
    }
    if (!isCapitalised(tok.text) || isUncased(tok.text)) {
      i++;
      continue;
    }
    const sentenceEnd = bounds[b + 1] ?? Infinity;
    const words = [tok.text];
    let j = i + 1;
    while (j < toks.length && toks[j]!.start < sentenceEnd) {
      const gap = text.slice(toks[j - 1]!.start + toks[j - 1]!.text.length, toks[j]!.start);
      // A comma, a quote mark or a line break ends a name; an initial's full stop or a hyphen does not.
      if (gap !== ' ' && gap !== '. ' && gap !== '-' && gap !== '.' && gap !== '') break;
      const next = toks[j]!.text;
      if (isCapitalised(next) || (CONNECTORS.has(next) && j + 1 < toks.length && isCapitalised(toks[j + 1]!.text))) {
        words.push(next);
        j++;
        continue;
      }
      break;
    }
    // "Route 9", "Flight 370": a number right after the words is part of the name, so two reports naming
    // "Route 6" and "Route 9" share no name. Years are not ("Brackenmoor 2026", "March 2024").
    const number = toks[j];
    if (number && number.start < sentenceEnd && /^\d{1,4}$/.test(number.text) && !/^(?:1[89]|20)\d\d$/.test(number.text) && text.slice(toks[j - 1]!.start + toks[j - 1]!.text.length, number.start) === ' ' && !NOT_NAMES.has(words.at(-1)!.toLowerCase())) {
      words.push(number.text);
      j++;
    }
    runs.push({
      words,
      start: tok.start,
      before: i > sentenceFirst ? toks[i - 1]!.text.toLowerCase() : null,
      after: j < toks.length && toks[j]!.start < sentenceEnd ? toks[j]!.text.toLowerCase() : null,
      sentenceStart: i === sentenceFirst,
      next: text.charAt(toks[j - 1]!.start + toks[j - 1]!.text.length),
    });
    i = j;
  }
  return runs;
}

function kindOf(words: string[], run: Run, titled: boolean): EntityKind {
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  if (lower.some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (lower.some((w) => PLACE_WORDS.has(w))) return 'place';
  if (titled) return 'person';
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) return 'organisation';
  if (run.after && SPEECH.has(run.after)) return 'person';
  if (run.before && PLACE_CUES.has(run.before)) return 'place';
  return 'other';
}

/**
 * Lines set in headline case ("Red Sox Will Nab Teixeira"): every word is
 * capitalised, so capitals there do not tell names apart. Pages captured
 * whole often carry such lines (headings, the headline repeated); the
 * names they hold are named again in the text.
 */
function headlineLines(text: string, lang: string | null): [number, number][] {
  const out: [number, number][] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (/[.!?:;"”]\s*$/.test(m[0])) continue;
    const words = tokenize(m[0], lang).filter((t) => !/^\d/.test(t.text));
    if (words.length < 3) continue;
    const capitalised = words.filter((t) => isCapitalised(t.text) || CONNECTORS.has(t.text) || STOPWORDS.has(t.text)).length;
    if (words.filter((t) => isCapitalised(t.text)).length >= 3 && capitalised === words.length) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Every named entity of the text, most mentioned first. */
export function extractEntities(text: string, lang: string | null = null): Entity[] {
  if (!text) return [];
  const toks = tokenize(text, lang);
  const lowerSeen = new Set<string>();
  for (const t of toks) if (!isCapitalised(t.text)) lowerSeen.add(t.text);

  const headlines = headlineLines(text, lang);
  const runs = runsOf(text, toks, lang).filter((r) => !headlines.some(([a, b]) => r.start >= a && r.start < b));
  // Words capitalised inside sentences are names; a sentence's first word is capitalised anyway.
  const midCapitalised = new Set(runs.filter((r) => !r.sentenceStart).flatMap((r) => r.words));
  const byName = new Map<string, Entity>();
  for (const run of runs) {
    let words = run.words.map((w) => w.replace(/['’]s$/, ''));
    // "Later Seel said": the opener is an ordinary word when it is never capitalised elsewhere.
    if (run.sentenceStart && words.length > 1 && !midCapitalised.has(run.words[0]!) && midCapitalised.has(run.words[1]!)) words = words.slice(1);
    let titled = false;
    while (words.length > 1 && (TITLES.has(words[0]!.toLowerCase().replace(/\.$/, '')) || NOT_NAMES.has(words[0]!.toLowerCase()) || STOPWORDS.has(words[0]!.toLowerCase()))) {
      if (TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) titled = true;
      words = words.slice(1);
    }
    while (words.length && CONNECTORS.has(words.at(-1)!)) words = words.slice(0, -1);
    if (!words.length || /^\d/.test(words[0]!)) continue;
    if (run.before && TITLES.has(run.before)) titled = true;
    const lower = words.map((w) => w.toLowerCase());
    if (words.length === 1) {
      const w = lower[0]!;
      if (NOT_NAMES.has(w) || STOPWORDS.has(w) || TITLES.has(w) || w.length < 2) continue;
      // A word that also appears in lower case is an ordinary word in a capitalised position.
      if (lowerSeen.has(w)) continue;
      // "Earlier, police said", "Publicly, he ...": an opening adverb, unless the text capitalises it elsewhere too.
      if (run.sentenceStart && !midCapitalised.has(run.words[0]!) && (run.next === ',' || /ly$/.test(w))) continue;
    }
    const name = words.join(' ');
    const existing = byName.get(name.toLowerCase());
    if (existing) {
      existing.mentions++;
      if (existing.kind === 'other') existing.kind = kindOf(words, run, titled);
      continue;
    }
    byName.set(name.toLowerCase(), { name, key: name.toLowerCase(), kind: kindOf(words, run, titled), mentions: 1, first: run.start });
  }

  // "Teixeira" after "Mark Teixeira" is the same person: fold surnames into full names.
  const entities = [...byName.values()];
  // Only a name of several words can be another's full name (a one-word name equal to `e`'s is `e`):
  // each surname's first such person, found once rather than by a search per entity.
  const bySurname = new Map<string, Entity>();
  for (const p of entities) {
    if (!p.name.includes(' ') || !(p.kind === 'person' || p.kind === 'other')) continue;
    const surname = p.name.slice(p.name.lastIndexOf(' ') + 1);
    if (!bySurname.has(surname)) bySurname.set(surname, p);
  }
  for (const e of entities) {
    if (e.name.includes(' ')) continue;
    const full = bySurname.get(e.name);
    if (!full) continue;
    full.mentions += e.mentions;
    if (e.kind === 'person') full.kind = 'person';
    e.mentions = 0;
  }
  const out = entities.filter((e) => e.mentions > 0);
  for (const e of out) if (e.kind === 'person' && e.name.includes(' ')) e.key = e.name.split(' ').at(-1)!.toLowerCase();
  return out.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
}
