// What the bot says besides answers. Bilingual: residents' questions may be Chinese or English.

export const TEXTS = {
  apology: '抱歉，暂时无法回答，请稍后再试。\nSorry — I could not answer just now. Please try again in a moment.',
  emptyQuestion:
    '请直接提问，例如：“老年人助餐服务在哪里？”\nAsk me a question about local public services, e.g. “Where can elderly residents get meals?”',
  rateLimited: '问题太多了，请一分钟后再试。\nToo many questions — please wait a minute and try again.',
  askUsage: 'Usage: `/ask <question>` — e.g. `/ask 社区食堂几点开门？` (only you see the answer; you can post it to the channel).',
  daysUsage: (command: string) => `Usage: \`${command} [days]\` with days between 1 and 365 (default 7).`,
  feedbackStored: '谢谢反馈！ Thanks — your feedback was recorded.',
  feedbackDuplicate: '已更新。 Your vote was already counted (a changed vote replaces the earlier one).',
  feedbackUnknown: 'That answer is no longer in the log, so the vote was not recorded.',
  answerGone: 'That answer is no longer available to post; please ask again.',
  staffOnly: '抱歉，这个命令只供服务团队使用。\nSorry — this command is for the service team only.',
  notYourVote: '只有提问的人可以评价这条回答；如果是你自己较早的回答，请重新提问。\nOnly the person who asked can rate this answer; if it is your own older answer, please ask again.',
  notYourAnswer: '只有提问的人可以把这条回答发到频道；如果是你自己较早的回答，请重新提问。\nOnly the person who asked can post this answer to the channel; if it is your own older answer, please ask again.',
  addDocStaffOnly: '抱歉，只有服务团队可以添加文档。\nSorry — only the service team can add documents.',
  addDocUsage: 'Usage: `/add-doc <http(s) URL>` — e.g. `/add-doc https://www.example.gov.cn/notice.html`. To add a file (PDF, Word .docx, HTML, TXT, MD), share it with the bot in a direct message or mention the bot with the file attached.',
  addDocUnavailable: 'Adding documents is not available in this deployment.',
  addDocFailed: 'Could not add the document just now; the error was logged. Please try again.',
  staffFailed: 'Could not read the question log just now; the error was logged. Please try again.',
} as const;
