// Slack rendering and parsing: Block Kit limits, escaping, question extraction, staff views.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDays, questionFromSlackText } from '../adapters/slack/incoming.js';
import { escapeMrkdwn, MAX_BLOCKS, parseButtonValue, renderAnswer, SECTION_TEXT_LIMIT, splitForSections, type RenderableAnswer } from '../adapters/slack/render.js';
import { renderGaps, renderStats } from '../adapters/slack/staff.js';
import { savedId } from './support/store.js';
import { createMemoryLogger } from '../src/log.js';

const SIGNATURE = 'AbCdEfGhIjKlMnOpQrSt_-';
import { openInteractionStore } from '../src/store/sqlite.js';

const base: RenderableAnswer = {
  question: '问题',
  answer: '答案。',
  abstained: false,
  sources: [{ rank: 1, doc: 'a.txt', title: '标题', text: '', score: 1 }],
  citations: [1],
  language: 'zh',
  interaction_id: 7,
};

const sectionTexts = (blocks: ReturnType<typeof renderAnswer>['blocks']) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);

describe('renderAnswer', () => {
  it('splits a long answer into sections of at most 3000 characters, cutting at sentence ends', () => {
    const sentence = '社区食堂为辖区老年人提供助餐服务，每天中午十一点开门。';
    const answer = sentence.repeat(400); // ~10,800 characters
    const message = renderAnswer({ ...base, answer });
    const sections = sectionTexts(message.blocks);
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    for (const s of sections) expect(s.endsWith('。')).toBe(true);
    expect(sections.join('')).toBe(answer);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('never cuts inside an escape entity, even when escaping makes the text longer than the limit', () => {
    const answer = '&'.repeat(2000); // 10,000 characters once escaped
    const sections = sectionTexts(renderAnswer({ ...base, answer }).blocks);
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(s).toMatch(/^(&amp;)+$/);
    }
    expect(sections.join('')).toBe(escapeMrkdwn(answer));
  });

  it('keeps at most 50 blocks, whatever the answer length', () => {
    const message = renderAnswer({ ...base, answer: 'x'.repeat(3000 * 80) }, { feedback: true, signature: SIGNATURE });
    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(message.blocks.at(-1)!.type).toBe('actions'); // the buttons survive the cut
  });

  it('shows cited sources, or none for an abstention, and buttons only with an interaction id', () => {
    const cited = renderAnswer({ ...base, sources: [...base.sources, { rank: 2, doc: 'b.txt', title: '别的', text: '', score: 0.5 }] }, { feedback: true });
    expect(JSON.stringify(cited.blocks)).toContain('标题 — a.txt');
    expect(JSON.stringify(cited.blocks)).not.toContain('b.txt');

    const abstained = renderAnswer({ ...base, abstained: true, citations: [] }, { feedback: true });
    expect(abstained.blocks.some((b) => b.type === 'context')).toBe(false);

    const unlogged = renderAnswer({ ...base, interaction_id: undefined }, { feedback: true, postToChannel: true, signature: SIGNATURE });
    expect(unlogged.blocks.some((b) => b.type === 'actions')).toBe(false);
    const unsigned = renderAnswer(base, { feedback: true, postToChannel: true });
    expect(unsigned.blocks.some((b) => b.type === 'actions')).toBe(false);
    const signed = renderAnswer(base, { feedback: true, postToChannel: true, signature: SIGNATURE });
    const values = signed.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.value) : []));
    expect(values).toEqual([`7:${SIGNATURE}`, `7:${SIGNATURE}`, `7:${SIGNATURE}`]);
    expect(parseButtonValue(values[0])).toEqual({ interactionId: 7, signature: SIGNATURE });
    for (const bad of ['7', `x:${SIGNATURE}`, `7:${SIGNATURE}x`, '']) expect(parseButtonValue(bad)).toBeUndefined();
  });
});

describe('questionFromSlackText', () => {
  it('strips the bot mention and broadcast mentions, unescapes entities and keeps link targets visible', () => {
    expect(questionFromSlackText('<@UBOT0001> 社区食堂 &amp; 助餐 &lt;哪里&gt;？', 'UBOT0001')).toBe('社区食堂 & 助餐 <哪里>？');
    expect(questionFromSlackText('<!channel> <@UBOT0001|bot> 看 <https://gov.example/a|这个>', 'UBOT0001')).toBe('看 这个 (https://gov.example/a)');
    expect(questionFromSlackText('<@UBOT0001>', 'UBOT0001')).toBe('');
  });
});

describe('parseDays', () => {
  it('accepts 1..365, defaults when empty, rejects the rest', () => {
    expect(parseDays('', 7)).toBe(7);
    expect(parseDays(' 30 ', 7)).toBe(30);
    expect(parseDays('0', 7)).toBeUndefined();
    expect(parseDays('366', 7)).toBeUndefined();
    expect(parseDays('7d', 7)).toBeUndefined();
  });
});

describe('staff views', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-staff-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('escape questions and compute rates from the store', async () => {
    const store = openInteractionStore(path.join(tmp, 'bot.sqlite'), createMemoryLogger());
    try {
      const now = Date.now();
      await store.recordInteraction({ channel: 'telegram', chatId: '1', question: '<!channel> 护照？', answer: '', abstained: true, sources: [], latencyMs: 1, at: now });
      const answered = savedId(await store.recordInteraction({ channel: 'slack', chatId: 'C1', question: '食堂？', answer: '11点', abstained: false, sources: [], latencyMs: 1, at: now }))!;
      expect(await store.recordFeedback({ interactionId: answered, voterKey: 'slack:U1', vote: 'up', at: now })).toBe('stored');

      const gaps = JSON.stringify(await renderGaps(store, 7, now));
      expect(gaps).toContain('&lt;!channel&gt; 护照？');
      expect(gaps).not.toContain('<!channel>');

      // Low-confidence answers are listed beside abstentions, masked like every question shown.
      await store.recordInteraction({ channel: 'slack', chatId: 'C1', question: '暖气费怎么交？电话13812345678', answer: '…', abstained: false, lowConfidence: true, sources: [], latencyMs: 1, at: now });
      const withLow = JSON.stringify(await renderGaps(store, 7, now));
      expect(withLow).toMatch(/暖气费怎么交？电话138\*\*\*\*5678.*low confidence 1/);
      expect(withLow).not.toContain('13812345678');

      const stats = JSON.stringify(await renderStats(store, 7, now));
      expect(stats).toContain('Questions: *3*');
      expect(stats).toContain('abstained: *33%*');
      expect(stats).toContain('👍 1 / 👎 0 (100% helpful)');
    } finally {
      await store.close();
    }
  });
});
