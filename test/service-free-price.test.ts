// The answering service on a small lexical corpus of its own, asked what something costs where the documents say it
// costs nothing (免费办理读者证): that is the answer, not "the documents don't say the amount".
import { describe, expect, it } from 'vitest';
import { firstLine, serviceOnDocuments } from './support/service-corpus.js';

const LIBRARY = `青川市图书馆办证须知

青川市图书馆位于文华路18号。读者凭身份证可免费办理读者证，无需缴纳押金。
每张读者证可同时借阅图书5册，借期30天。逾期未还的，每册每天收取滞纳金0.1元。
游泳馆门票：每人每次20元。
1.2米以下儿童和60周岁以上老年人免费进入游泳馆，不用购买游泳馆门票。
开放时间：周二至周日9:00—20:00，周一闭馆。
`;

const COMMUNITY = `桂园社区服务指南

桂园社区托育中心位于桂园路8号，招收2至3岁幼儿，开放时间为周一至周五7:30—17:30。
鼓励社区社会组织为辖区居民提供助餐助洁、义务家政、技能培训等无偿社会服务项目。
`;

const { ask } = serviceOnDocuments('service-free-', { 'library.txt': LIBRARY, 'community.txt': COMMUNITY });

describe('a price asked of something the documents say is free', () => {
  it('answers with the statement that it is free', async () => {
    const zh = await ask('办读者证要多少钱');
    expect(zh.abstained, zh.answer).toBe(false);
    expect(firstLine(zh.answer)).toContain('免费办理读者证');
    const deposit = await ask('办读者证押金多少');
    expect(deposit.abstained, deposit.answer).toBe(false);
    expect(firstLine(deposit.answer)).toContain('无需缴纳押金');
  });

  it('still leads with the amount where one is stated for the thing asked', async () => {
    const r = await ask('游泳馆门票多少钱');
    expect(r.abstained, r.answer).toBe(false);
    expect(firstLine(r.answer)).toContain('20元');
  });

  it('does not take a free service named beside the thing for its price', async () => {
    // (The 托育中心 is there, its fee is not: 无偿社会服务 is what other organisations offer.)
    const r = await ask('桂园社区托育中心一个月托费多少');
    expect(r.abstained, r.answer).toBe(true);
  });
});
