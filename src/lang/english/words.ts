// English words of a question: splitting, stop words, plural/-ing/-ed base forms, phrase keys, numbers.

/**
 * Function words, question words, chat filler, and the words of an asker's story (kinship, neighbours, when):
 * never looked up in CC-CEDICT, never a topic ("my neighbour is 65" is about the neighbour's case).
 */
export const STOP_WORDS = new Set(
  `a an the and or but if then than so as of at by for from in into on onto to with without within about above below over under
  up down out off again further once here there when where why how what which who whom whose whatever whichever
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves this that these those am is are was were be been being have has had having
  do does did doing done can could will would shall should may might must ought need needs needed
  not no nor only own same too very just also still even ever yet already really quite rather much many more most some any enough
  all both each few other such every either neither one ones lot lots
  get gets got getting give gives gave given tell tells told know knows knew want wants wanted like please thanks thank
  let lets make makes made go goes went going come comes came say says said see saw seen look looking find found
  thing things way ways something anything everything someone anyone everyone kind sort
  able available possible there's it's i'm what's how's where's who's don't doesn't didn't can't won't isn't aren't
  theres im ive youre theyre whats hows wheres whos thats shes hes dont doesnt didnt cant wont isnt arent wasnt werent
  hasnt havent hadnt shouldnt wouldnt couldnt mustnt
  hi hello hey ok okay yes yeah well now today currently about regarding according
  article articles report reported news newspaper mentioned mention text page information info detail details exactly specific
  question questions query queries enquiry enquiries inquiry inquiries ask asks asked asking
  mom mum mommy mother mama dad daddy father papa parents grandma grandpa grandmother grandfather granny grandparents gran
  son daughter wife husband brother sister uncle aunt auntie cousin nephew niece grandson granddaughter
  neighbour neighbor neighbours neighbors friend friends colleague colleagues coworker roommate boyfriend girlfriend
  tomorrow yesterday tonight soon recently lately
  during throughout while u ur pls plz`
    .split(/\s+/)
    .filter(Boolean),
);


/** Lower-case English words of a text: NFKC, curly quotes straightened, possessive 's dropped, inner apostrophes removed. */
export function englishWords(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'");
  const words: string[] = [];
  for (const raw of normal.split(/[^a-z0-9']+/)) {
    const word = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '').replace(/'/g, '');
    if (word) words.push(word);
  }
  return words;
}


/** The word as written, then plausible base forms (plural, -ing, -ed), for dictionary look-ups. */
export function wordForms(word: string): string[] {
  const forms = [word];
  const n = word.length;
  if (n > 3 && !/\d/.test(word)) {
    if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
    else if (/(ches|shes|xes|sses|zes)$/.test(word)) forms.push(word.slice(0, -2));
    else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) forms.push(word.slice(0, -1));
    if (n > 5 && word.endsWith('ing')) {
      const base = word.slice(0, -3);
      forms.push(base, `${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) forms.push(base.slice(0, -1));
    }
    if (n > 4 && word.endsWith('ied')) forms.push(`${word.slice(0, -3)}y`);
    else if (n > 4 && word.endsWith('ed')) {
      const base = word.slice(0, -2);
      forms.push(base, word.slice(0, -1));
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) forms.push(base.slice(0, -1));
    }
  }
  return [...new Set(forms)];
}

/** Keys (single-space-joined word forms) for `count` words starting at `start`; capped to stay cheap. */
export function phraseKeys(words: readonly string[], start: number, count: number): string[] {
  let keys = [''];
  for (let i = start; i < start + count; i++) {
    const next: string[] = [];
    for (const prefix of keys) for (const form of wordForms(words[i]!)) next.push(prefix ? `${prefix} ${form}` : form);
    keys = next.slice(0, 64);
  }
  return keys;
}

/** Numbers as written in the question, thousands separators removed ("2,836" → "2836", "8.5" stays). */
export function numbersIn(text: string): string[] {
  const matches = text.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? [];
  return matches.flatMap((m) => (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(m) ? [m.replace(/,/g, '')] : m.split(',')));
}

