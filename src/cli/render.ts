// Plain-text rendering of an answer for the terminal: the answer, then numbered sources.
import type { AskResponse } from '../ports.js';
import { citationText, citedSources } from '../text/citation.js';

export function renderPlain(response: AskResponse, options: { showAll?: boolean } = {}): string {
  const lines = [response.answer, ''];
  const sources = options.showAll ? response.sources : citedSources(response);
  if (sources.length) {
    lines.push(response.language === 'en' ? 'Sources:' : '来源：');
    for (const s of sources) lines.push(`  [${s.rank}] ${citationText(s)}`);
  }
  for (const note of response.notes ?? []) lines.push(`(${note})`);
  return lines.join('\n');
}
