// Everything the bot says on its own (not answers). Bilingual: residents write Chinese or English,
// and these notes arrive before we know which.
import type { CollectionInfo } from '../../src/ports.js';
import { paginate, type Block } from './render.js';

const MAX_TITLES = 12;

/** /start and /help: what the bot knows, example questions, how to read sources. */
export function helpMessage(info: CollectionInfo, isGroup: boolean, botUsername: string): string[] {
  const blocks: Block[] = [
    { text: '本地公共服务问答 · Local public services Q&A', style: 'bold' },
    { text: `我只根据收录的 ${info.documents} 份报纸/政府文章回答（${info.chunks} 个段落，索引建于 ${info.builtAt}）。` },
    { text: `I answer only from ${info.documents} collected newspaper/government articles (${info.chunks} passages, indexed ${info.builtAt}).` },
    { text: '' },
    { text: '收录的文章 · Articles:', style: 'bold' },
  ];
  const titles = info.titles.slice(0, MAX_TITLES);
  for (const t of titles) blocks.push({ text: `• ${t.title} — ${t.doc}` });
  if (info.titles.length > titles.length) blocks.push({ text: `… +${info.titles.length - titles.length}` });
  blocks.push(
    { text: '' },
    { text: '可以这样问 · Try:', style: 'bold' },
    { text: '• 高龄津贴怎么申请？' },
    { text: '• 社区助理是做什么的？' },
    { text: '• How do I apply for the old-age allowance?' },
    { text: '' },
    { text: '怎么看来源 · Reading sources:', style: 'bold' },
    { text: '回答后面列出编号来源「标题 — 文件」，回答中的 [1] 指第 1 个来源。发送 /sources 查看原文段落。' },
    { text: 'Each answer ends with numbered sources "title — file"; [1] in the answer refers to source 1. Send /sources for the full passages.' },
    { text: '' },
    { text: '命令 · Commands:', style: 'bold' },
    { text: '/sources — 上一条回答的完整来源 · full sources of the last answer' },
    { text: '/new — 开始新的对话 · start a new conversation' },
    { text: '/privacy — 保存了什么、保存多久 · what is kept about you, and for how long' },
    { text: '/forget — 删除关于你的全部记录 · delete everything stored about you' },
  );
  if (isGroup) {
    blocks.push(
      { text: '' },
      { text: `在群里请 @${botUsername} 提问、回复我的消息，或发送 /ask 问题。` },
      { text: `In groups, mention @${botUsername}, reply to one of my messages, or send /ask <question>.` },
    );
  }
  blocks.push({ text: '' }, { text: '回答仅供参考，办事请以政府部门最新通知为准。 · Answers are for reference; check with the office before you go.', style: 'italic' });
  return paginate(blocks);
}

export const TEXT = {
  textOnly: '我只能回答文字问题，请把问题打出来。\nI can only answer text questions — please type your question.',
  rateLimited: (perMinute: number) =>
    `提问有点快了，请稍等一分钟再问（每分钟最多 ${perMinute} 个问题）。\nYou're asking a bit fast — please wait a minute (up to ${perMinute} questions a minute).`,
  tooLong: (max: number) =>
    `问题太长了，请缩短到 ${max} 个字以内。\nThat question is too long — please keep it under ${max} characters.`,
  emptyAsk: '请在 /ask 后面写上问题，例如：/ask 高龄津贴怎么申请？\nPut your question after /ask, e.g. /ask How do I apply for the old-age allowance?',
  apology: '抱歉，回答时出错了，请稍后再试。\nSorry — something went wrong while answering. Please try again in a moment.',
  forgotten: '好的，我们重新开始。\nOK — starting a new conversation.',
  unknownCommand: '我不认识这个命令。发送 /help 查看用法。\nI don\'t know that command. Send /help to see what I can do.',
  feedbackThanks: '谢谢反馈！ · Thanks for the feedback!',
  feedbackDuplicate: '已记下（每人每条回答只算一票）。 · Noted — each person\'s vote counts once per answer.',
  feedbackUnknown: '这条回答已找不到。 · That answer is no longer available.',
  feedbackRefused: '只有提问的人可以评价这条回答；如果是你自己较早的回答，请重新提问。 · Only the person who asked can rate this answer; if it is your own older answer, please ask again.',
} as const;
