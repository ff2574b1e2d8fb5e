// Rendering answers as Telegram HTML: escaping, splitting at 4096 visible characters between
// sentences without breaking tags, sources, feedback callback data.
import { describe, expect, it } from 'vitest';
import type { AskResponse, Source } from '../src/ports.js';
import {
  TELEGRAM_MESSAGE_LIMIT, escapeHtml, feedbackKeyboard, findCut, paginate, parseFeedbackData, renderAnswer, renderFullSources,
} from '../adapters/telegram/render.js';

/** What Telegram would display: tags removed, entities decoded. */
function visible(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Tags balanced and properly nested, and no bare < > & outside tags/entities. */
function assertValidTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)>/g)) {
    if (m[1]) expect(stack.pop(), `closing </${m[2]}> in ${html.slice(0, 80)}`).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
  const text = html.replace(/<\/?(b|i|blockquote)>/g, '');
  expect(text).not.toMatch(/[<>]/);
  expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
}

function source(rank: number, title: string, doc: string, text = `${title}的正文。`): Source {
  return { rank, doc, title, text, score: 1 / rank };
}

function response(answer: string, overrides: Partial<AskResponse> = {}): AskResponse {
  return {
    question: 'q', answer, abstained: false, language: 'zh',
    sources: [source(1, '社区助理培训', '000_a.txt'), source(2, '高龄津贴', '001_b.txt'), source(3, '无关', '002_c.txt')],
    citations: [1, 2], retrieval: { mode: 'lexical', embedding_model: null }, timings_ms: { retrieve: 1, answer: 1, total: 2 },
    ...overrides,
  };
}

describe('escapeHtml', () => {
  it('escapes the three characters HTML parse mode needs', () => {
    expect(escapeHtml('a < b && c > d <b>x</b>')).toBe('a &lt; b &amp;&amp; c &gt; d &lt;b&gt;x&lt;/b&gt;');
  });
});

describe('renderAnswer', () => {
  it('puts the answer first, then the cited sources numbered by rank as "title — file"', () => {
    const [html] = renderAnswer(response('高龄津贴可以在社区服务站申请[2]。'));
    expect(html.indexOf('高龄津贴可以')).toBeLessThan(html.indexOf('<b>来源:</b>'));
    expect(html).toContain('1. 社区助理培训 — 000_a.txt');
    expect(html).toContain('2. 高龄津贴 — 001_b.txt');
    expect(html).not.toContain('002_c.txt'); // retrieved but not cited
  });

  it('labels sources in English for English answers and lists none when the bot abstains', () => {
    expect(renderAnswer(response('Apply at the service station [1].', { language: 'en' }))[0]).toContain('<b>Sources:</b>');
    const abstained = renderAnswer(response('资料里没有找到答案。', { abstained: true, citations: [] }))[0];
    expect(abstained).not.toContain('来源');
    // "The documents name it but don't say how": the sentence it quotes is cited, and only that source is listed.
    const facet = renderAnswer(response('文档提到了「高龄津贴」，但没有说明办理方法。文档中写的是：……[2]', { abstained: true, citations: [2] }))[0];
    expect(facet).toContain('<b>来源:</b>');
    expect(facet).toContain('2. 高龄津贴 — 001_b.txt');
    expect(facet).not.toContain('000_a.txt');
  });

  it('escapes markup coming from answers, titles and notes (documents are untrusted)', () => {
    const evil = response('<a href="http://phish">点这里</a> & 领补贴', {
      sources: [source(1, '<script>标题</script>', 'x&y.txt')], citations: [1], notes: ['<i>note</i>'],
    });
    const [html] = renderAnswer(evil);
    assertValidTelegramHtml(html);
    expect(html).not.toContain('<a ');
    expect(visible(html)).toContain('<a href="http://phish">点这里</a> & 领补贴');
    expect(visible(html)).toContain('<script>标题</script> — x&y.txt');
  });

  it('splits a long answer into parts of at most 4096 visible characters, between sentences, with valid HTML', () => {
    const sentence = (i: number) => `第${i}条：申请人须携带身份证<原件>&复印件到社区服务站办理。`;
    const answer = Array.from({ length: 400 }, (_, i) => sentence(i)).join('');
    const parts = renderAnswer(response(answer));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(visible(part).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      assertValidTelegramHtml(part);
    }
    // Nothing lost, nothing cut mid-sentence: every part of the answer ends at a sentence end.
    const answerParts = parts.map(visible).filter((p) => !p.includes('来源:'));
    for (const p of answerParts) expect(p.trimEnd()).toMatch(/。$/);
    const joined = parts.map(visible).join('');
    for (let i = 0; i < 400; i++) expect(joined).toContain(sentence(i));
    expect(visible(parts.at(-1)!)).toContain('2. 高龄津贴 — 001_b.txt');
  });

  it('never splits inside a tag when a styled block itself is longer than a message', () => {
    const long = '很长的来源段落。'.repeat(1500); // 12,000 characters inside one <blockquote>
    const parts = renderFullSources(response('答', { sources: [source(1, '标题', 'a.txt', long)] }));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(visible(part).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      assertValidTelegramHtml(part);
    }
    expect(parts.map(visible).join('').replace(/\n/g, '')).toContain(long.slice(0, 3000));
  });
});

describe('findCut', () => {
  it('prefers a sentence end, then whitespace, and never halves a surrogate pair', () => {
    expect(findCut('一句话。第二句话很长很长', 8)).toBe(4);
    expect(findCut('Short one. And then more words here', 20)).toBe(10);
    expect(findCut('no sentence end just words here', 20)).toBe(16);
    expect(findCut('x'.repeat(30), 20)).toBe(20);
    const emoji = 'a'.repeat(9) + '😀' + 'b'.repeat(10);
    expect(findCut(emoji, 10)).toBe(9);
  });
});

describe('paginate', () => {
  it('keeps short content in one message and drops leading blank lines', () => {
    expect(paginate([{ text: '' }, { text: 'a' }, { text: '' }, { text: 'b', style: 'bold' }])).toEqual(['a\n\n<b>b</b>']);
  });
});

describe('/sources', () => {
  it('lists every retrieved passage in full, and says so when there was no answer yet', () => {
    const [html] = renderFullSources(response('答'));
    for (const title of ['社区助理培训', '高龄津贴', '无关']) expect(html).toContain(`<blockquote>${title}的正文。</blockquote>`);
    expect(visible(renderFullSources(undefined)[0])).toMatch(/ask a question first/);
  });
});

describe('feedback buttons', () => {
  it('carry the interaction id and its signature and parse back within 64 bytes; anything else is rejected', () => {
    const signature = 'AbCdEfGhIjKlMnOpQrSt_-';
    const keyboard = feedbackKeyboard(123456789012345, signature);
    const [up, down] = keyboard.inline_keyboard[0];
    expect([up.text, down.text]).toEqual(['👍', '👎']);
    expect(parseFeedbackData(up.callback_data)).toEqual({ vote: 'up', interactionId: 123456789012345, signature });
    expect(parseFeedbackData(down.callback_data)).toEqual({ vote: 'down', interactionId: 123456789012345, signature });
    expect(Buffer.byteLength(up.callback_data)).toBeLessThanOrEqual(64);
    for (const bad of ['fb:up:', 'fb:up:1', 'fb:maybe:1', 'fb:up:1;drop', 'x', `fb:u:1:${signature}x`, 'fb:u:1:short']) expect(parseFeedbackData(bad)).toBeUndefined();
  });
});
