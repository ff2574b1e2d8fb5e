// /privacy (Telegram and Slack): what the bot keeps about a person, for how long, why, who sees it
// and how to delete it, in the asker's language. Plain text; each adapter escapes and renders it.
import type { ForgetOutcome, Language } from '../ports.js';
import type { CoreConfig } from '../config.js';

export interface PrivacyFacts {
  /** DATA_RETENTION_DAYS. */
  retentionDays: number;
  /** Follow-up context is used for this long after the last question (CONVERSATION_TTL_MINUTES). */
  conversationMinutes: number;
  /** The platform's command prefix for /forget and /new ('/' on both platforms today). */
  commandPrefix?: string;
}

/** The facts /privacy states, from the configuration in force. */
export function privacyFacts(config: Pick<CoreConfig, 'privacy' | 'conversation'>): PrivacyFacts {
  return { retentionDays: config.privacy.retentionDays, conversationMinutes: Math.round(config.conversation.maxAgeMs / 60_000) };
}

export interface PrivacyNotice {
  title: string;
  paragraphs: string[];
}

export function privacyNotice(language: Language, facts: PrivacyFacts): PrivacyNotice {
  const c = facts.commandPrefix ?? '/';
  const days = facts.retentionDays;
  if (language === 'zh') {
    return { title: '隐私说明', paragraphs: [
      `保存什么：你的问题（手机号、身份证号、银行卡号和电子邮箱在保存前已打码）、回答及其来源、提问时间、你的 👍/👎，以及最近几轮对话（用于理解追问，${facts.conversationMinutes} 分钟后不再使用）。你的账号和聊天只以加密哈希保存，不保存姓名或用户名。`,
      `为什么：为了理解追问、每人每条回答只计一票，并让工作人员看到哪些问题资料里还没有答案，从而补充资料。`,
      `保存多久：所有记录最多保存 ${days} 天，到期自动删除。`,
      '谁能看到：只有指定的工作人员能看到未能回答的问题（已打码，不含账号）；其他人看不到。',
      `如何删除：发送 ${c}forget 立即删除关于你的全部记录（问题、对话和投票）。${c}new 只是开始新对话。`,
    ] };
  }
  return { title: 'Privacy', paragraphs: [
    `What is kept: your question (phone, ID-card and bank card numbers and e-mail addresses are masked before it is stored), the answer and its sources, when you asked, your 👍/👎, and the last few turns of the conversation so follow-up questions are understood (not used after ${facts.conversationMinutes} minutes). Your account and chat are stored only as a keyed hash — never your name or username.`,
    'Why: to understand follow-up questions, to count one vote per person per answer, and so that staff can see which questions the documents do not answer yet and add documents.',
    `How long: everything is deleted automatically after ${days} days at the latest.`,
    'Who can see it: only designated staff, who see masked questions that could not be answered (without any account); nobody else.',
    `How to delete it: send ${c}forget to delete everything stored about you now (questions, conversations and votes). ${c}new only starts a new conversation.`,
  ] };
}

/** The bilingual confirmation of /forget (Telegram and Slack); undefined when it failed (the adapter apologises). */
export function forgetReply(outcome: ForgetOutcome): string | undefined {
  if (outcome.status === 'deleted') {
    const { interactions: q, turns: t, votes: v } = outcome;
    return `已删除关于你的全部记录：${q} 个问题、${t} 条对话记录、${v} 次投票。\nDeleted everything stored about you: ${q} question(s), ${t} conversation turn(s), ${v} vote(s).`;
  }
  if (outcome.status === 'queued') return '数据库暂时繁忙，删除已排队，几分钟内完成。\nThe database is busy: the deletion is queued and will be done within minutes.';
  return undefined;
}
