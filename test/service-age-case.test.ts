// The answering service on a small lexical corpus of its own, asked by residents who state their age (我爸67了):
// the rule for their age band answers them, not the passage that shares most of their words.
import { describe, expect, it } from 'vitest';
import { firstLine, serviceOnDocuments } from './support/service-corpus.js';

const GUIDE = `# 青岚市城乡公交乘车指南

青岚市交通运输局　2026年10月

## 一、购票方式

可以使用青岚交通卡、微信或者支付宝扫码乘车，也可以上车投币购票，不设找零。交通卡乘车享受9折优惠，售票点设在公交总站。

## 二、线路和票价

| 线路 | 起讫站 | 全程票价 |
|---|---|---|
| 1路 | 火车站—青岚湖 | 每人2元 |
| 8路 | 汽车站—白石镇 | 每人5元 |

## 三、优惠乘车

- 年满65周岁的老年人凭敬老卡免费乘坐城区公交，乘坐城乡公交半价；
- 60周岁至64周岁的老年人乘坐城区公交半价；
- 身高1.2米以下的儿童由成人陪同免费乘车；
- 现役军人、持证残疾人凭有效证件免费乘车。
`;

const OTHER = `青岚市图书馆开放时间：周二至周日9:00—20:00，周一闭馆。借书需要办理读者证，押金100元。`;

const { ask } = serviceOnDocuments('service-age-', { 'bus_guide.md': GUIDE, 'library.txt': OTHER });

describe('an asker who states their age', () => {
  it('is answered by the rule of their age band (年满65周岁…免费) in the guide, not by how tickets are bought', async () => {
    const r = await ask('我爸67了，坐公交还要买票吗');
    expect(r.abstained, r.answer).toBe(false);
    expect(firstLine(r.answer)).toContain('年满65周岁');
    // (The band below is theirs at 62.)
    const younger = await ask('我妈62了，坐公交要买票不');
    expect(firstLine(younger.answer)).toContain('60周岁至64周岁');
  });

  it('asked without an age, how tickets are bought leads', async () => {
    const r = await ask('坐公交能用支付宝买票吗');
    expect(r.abstained, r.answer).toBe(false);
    expect(firstLine(r.answer)).toContain('支付宝');
  });
});
