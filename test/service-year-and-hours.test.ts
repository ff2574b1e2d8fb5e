// The answering service on a small lexical corpus of its own, shaped like two forge documents: a notice issued in one
// year that sets next year's standard in a table (the table's passage names no year; the notice's opening does), and
// a guide whose table gives each station's opening hours, asked 开到几点.
import { describe, expect, it } from 'vitest';
import { firstLine, serviceOnDocuments } from './support/service-corpus.js';

const WAGE = `青川市人力资源和社会保障局关于调整全市最低工资标准的通知

青人社发〔2026〕40号

各区、县人力资源社会保障局，各用人单位：

经省人民政府批准，本市最低工资标准自2027年1月1日起调整。现将有关事项通知如下：

一、调整后的最低工资标准

| 类别 | 适用地区 | 月最低工资标准 | 非全日制用工小时最低工资标准 |
|---|---|---|---|
| 一类 | 东城区、西城区 | 2150元 | 22元 |
| 二类 | 南山县、北湖县 | 1980元 | 20元 |

二、最低工资标准不包括加班加点工资，中班、夜班、高温、低温、井下、有毒有害等特殊工作环境条件下的津贴，以及法律法规规定的社会保险福利待遇。用人单位应当将本通知在本单位内公示，并告知全体劳动者。

三、用人单位支付劳动者的工资低于最低工资标准的，由人力资源社会保障部门责令限期补发所欠部分；逾期不支付的，责令用人单位按应付金额50%以上100%以下的标准向劳动者加付赔偿金。

青川市人力资源和社会保障局
2026年11月20日
`;

const STATIONS = `# 青川市零工驿站服务指南

全市设有3个零工驿站，提供免费饮水、手机充电、热饭和休息，并发布附近的零工岗位。

| 驿站 | 地址 | 开放时间 | 电话 |
|---|---|---|---|
| 东门零工驿站 | 东城区东门路120号 | 6:00—18:00 | 0571-3225 4100 |
| 河口零工驿站 | 西城区河口路210号 | 6:30—12:00 | 0571-3224 8812 |
| 南站零工驿站 | 南山县南站路45号 | 6:00—17:00 | 0571-3517 3090 |
`;

const MARKET = `青川市零工市场使用须知

零工市场和零工驿站不收取任何费用，任何单位和个人以零工市场名义收取介绍费、押金的，请向服务电话举报。零工工钱被拖欠的，可以向驿站反映，驿站协助劳动者向人力资源社会保障部门投诉。通过零工市场或者零工驿站对接成功的日结零工，由市人力资源和社会保障局统一购买当日意外伤害保险。
`;

const REST = `青川市户外劳动者服务驿站

全市已建成户外劳动者服务驿站120个，环卫工人、快递员、外卖骑手等户外劳动者可以进站饮水、休息、热饭、充电。驿站标识为橙色“爱心驿站”牌子。
`;

// (A document that uses 开到 makes it a word of the corpus, heavier than the station's name.)
const BUS = `春节返乡专车服务公告

返乡专车从东门客运站出发，直接开到各县汽车站，务工人员凭工作证明免费乘坐。
`;

const { ask } = serviceOnDocuments('service-year-hours-', { 'wage.txt': WAGE, 'stations.md': STATIONS, 'market.txt': MARKET, 'rest.txt': REST, 'bus.txt': BUS });

describe('a year asked of a notice that states it in its opening only', () => {
  it("answers from the notice's table, whose passage names no year", async () => {
    const r = await ask('2027年东城区最低工资多少');
    expect(r.abstained, r.answer).toBe(false);
    expect(firstLine(r.answer)).toContain('2150元');
  });

  it('still abstains for a year the notice does not name', async () => {
    const r = await ask('2025年东城区最低工资多少');
    expect(r.abstained, r.answer).toBe(true);
  });
});

describe('opening hours asked with 开到几点', () => {
  it("answers with the station's row of the table, whose field is 开放时间", async () => {
    const r = await ask('河口那个零工驿站开到几点');
    expect(r.abstained, r.answer).toBe(false);
    expect(firstLine(r.answer)).toContain('6:30—12:00');
  });
});
