// Follow-up rewriting without an LLM: a dependent question is searched with the previous question's
// key terms (weaker than its own); a self-contained question is left alone.
import { describe, expect, it } from 'vitest';
import type { Turn } from '../src/ports.js';
import { planFollowUp } from '../src/answer/followup.js';
import { indexTokenizer } from '../src/ingest/pipeline.js';

const tokenizer = indexTokenizer(['稷王社区']);
const turn = (question: string): Turn => ({ question, searched: question, answer: '…', at: Date.now() });
const ownTerms = (q: string) => tokenizer.tokens(q).length;

describe('planFollowUp', () => {
  it('carries the previous subject into a short Chinese follow-up', () => {
    const q = '那有几个小区？';
    const plan = planFollowUp(q, 'zh', [turn('稷王社区有多少居民？')], tokenizer, ownTerms(q));
    expect(plan.isFollowUp).toBe(true);
    const carried = plan.carried.map((t) => t.term);
    expect(carried).toContain('稷王社区');
    expect(carried).not.toContain('小区'); // the follow-up's own words are not carried
    for (const t of plan.carried) {
      expect(t.origin).toBe('history');
      expect(t.weight).toBeGreaterThan(0);
      expect(t.weight).toBeLessThan(1);
    }
    expect(plan.searched).toContain('稷王社区');
  });

  it('carries the subject into an English follow-up', () => {
    const q = 'and where do I apply?';
    const plan = planFollowUp(q, 'en', [turn('How do I apply for social assistance in Pingcheng?')], tokenizer, 0);
    expect(plan.isFollowUp).toBe(true);
    // Carried as the index searches them: English words stemmed (assistance → assist).
    expect(plan.carried.map((t) => t.term)).toEqual(expect.arrayContaining(['social', 'assist', 'pingcheng']));
  });

  it('uses the most recent turn', () => {
    const q = '那需要什么材料？';
    const plan = planFollowUp(q, 'zh', [turn('稷王社区有多少居民？'), turn('平城区社会救助去哪里申请？')], tokenizer, ownTerms(q));
    const carried = plan.carried.map((t) => t.term);
    expect(carried).toContain('社会救助');
    expect(carried).not.toContain('稷王社区');
  });

  it('leaves a self-contained question alone', () => {
    const q = '露天巷的巷子有多长？';
    const plan = planFollowUp(q, 'zh', [turn('稷王社区有多少居民？')], tokenizer, ownTerms(q));
    expect(plan).toEqual({ isFollowUp: false, carried: [], searched: q });
  });

  it('does nothing without history', () => {
    const plan = planFollowUp('那有几个小区？', 'zh', [], tokenizer, 1);
    expect(plan.isFollowUp).toBe(false);
    expect(plan.carried).toEqual([]);
  });
});
