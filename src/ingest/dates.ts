// Publication dates stated in a document's text: "发布时间：2024-03-01", "发布日期：2024年3月1日",
// "Published: 2024-03-01", or the date line under the sign-off (落款) at the end of a notice.
import type { Block } from './model.js';

const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "二〇二四" → 2024, "十二" → 12, "二十五" → 25. */
function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return Number([...s].map((c) => CN_NUM[c]).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_NUM[tens] : 1) * 10 + (ones ? CN_NUM[ones] : 0);
}

function iso(y: number | null, m: number | null, d: number | null): string | undefined {
  if (y === null || m === null || d === null) return undefined;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YMD = String.raw`(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日`;
const DASHED = String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The first date written in `text`, as YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  const t = text.normalize('NFKC');
  let m = new RegExp(YMD).exec(t);
  if (m) return iso(chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3]));
  m = new RegExp(DASHED).exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS.indexOf(m[2].toLowerCase()) >= 0) return iso(Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
  m = /\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS.indexOf(m[1].toLowerCase()) >= 0) return iso(Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2]));
  return undefined;
}

const LABELLED = /^(?:发布(?:时间|日期)|发文日期|成文日期|印发日期|日期|published|date(?: published)?|issued)\s*[:：]?\s*/i;
/** A line that is only a date (the 落款 date): "2024年3月1日", "二〇二四年三月一日". */
const DATE_ONLY = new RegExp(String.raw`^(?:${YMD}|${DASHED})$`);

/** A labelled publication (or update) date anywhere, else the last date-only line in the final blocks (the sign-off). */
export function findDate(blocks: Pick<Block, 'text'>[]): string | undefined {
  for (const b of blocks) {
    const text = b.text.normalize('NFKC').trim();
    // "发布时间：2024-03-01 来源：…" often sits inside one info line.
    const at = text.search(/(发布(?:时间|日期)|发文日期|成文日期|更新(?:时间|日期))\s*[:：]/);
    if (at >= 0) {
      const date = parseDate(text.slice(at));
      if (date) return date;
    }
    if (LABELLED.test(text) && text.length <= 60) {
      const date = parseDate(text.replace(LABELLED, ''));
      if (date) return date;
    }
  }
  for (const b of blocks.slice(-6).reverse()) {
    const text = b.text.normalize('NFKC').replace(/\s+/g, '');
    if (DATE_ONLY.test(text)) return parseDate(text);
  }
  return undefined;
}
