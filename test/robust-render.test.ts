// Renderers under hostile sizes: a document-sized answer or a 100k-character question must render
// in milliseconds (rendering runs on the event loop every other chat waits on), and a hard cut must
// never leave half an emoji behind.
import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../src/ports.js';
import { renderAnswer as renderSlack, renderNotice, splitForSections } from '../adapters/slack/render.js';
import { renderAnswer as renderTelegram } from '../adapters/telegram/render.js';
import { slackMessageProblems, telegramPartsProblems } from './support/fuzz.js';

function response(answer: string, question: string): AskResponse {
  return {
    question, answer, abstained: false, language: 'zh', citations: [1],
    sources: [{ rank: 1, doc: 'a.txt', title: '标题', text: answer.slice(0, 100), score: 1 }],
    retrieval: { mode: 'lexical', embedding_model: null }, timings_ms: { retrieve: 0, answer: 0, total: 0 }, interaction_id: 7,
  };
}

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('very long answers and questions', () => {
  it('a 300k-character answer and a 100k-character question render validly for Slack and Telegram', () => {
    const answer = '社区<助理>&居民'.repeat(30_000); // 300k chars, no sentence ends, every third char escaped
    const question = '<!channel> 高龄津贴'.repeat(7_000);
    const slack = renderSlack(response(answer, question), { feedback: true, postToChannel: true, showQuestion: true });
    expect(slackMessageProblems(slack)).toEqual([]);
    expect(slack.blocks.length).toBe(50);

    const parts = renderTelegram(response(answer, question));
    expect(telegramPartsProblems(parts)).toEqual([]);
  });

  it('a notice of any length keeps at most 50 blocks', () => {
    expect(renderNotice('通知。'.repeat(100_000)).blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('hard cuts', () => {
  it('never split an emoji or a supplementary-plane character in half', () => {
    for (const limit of [2999, 3000, 3001]) {
      const text = 'x' + '😀𠀀'.repeat(5_000);
      const pieces = splitForSections(text, limit);
      expect(pieces.some(hasLoneSurrogate)).toBe(false);
      expect(pieces.join('')).toBe(text);
    }
  });
});
