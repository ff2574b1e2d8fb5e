import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPage } from '../src/ingest/pages.js';
import type { Article, SourceDocument } from '../src/ports.js';

const SEEDS = path.resolve('seeds');
const seed = (prefix: string): SourceDocument => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing from ${SEEDS}`);
  return { id: name, path: path.join(SEEDS, name), text: readFileSync(path.join(SEEDS, name), 'utf8'), hash: '', encoding: 'utf-8' };
};
const doc = (text: string, id = 'page.txt'): SourceDocument => ({ id, path: id, text, hash: '', encoding: 'utf-8' });
const titles = (articles: Article[]) => articles.map((a) => a.title);
const body = (articles: Article[]) => articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
const find = (articles: Article[], title: string) => {
  const a = articles.find((x) => x.title === title);
  if (!a) throw new Error(`no article titled ${title}; got ${titles(articles).join(' | ')}`);
  return a;
};

// Headlines read off the seed pages by hand.
const EXPECTED_TITLES: Record<string, string[]> = {
  '000': ['忻州：“小支点”撬动“大民生”', '五百余万元快件补助激励农产品「出山进城」'],
  '001': ['居民幸福“有办法”', '搭供需桥梁聚人才', '绛县市场监督管理局开展食品安全“你点我检”宣传', '临猗县举办高校毕业生招聘会', '垣曲县开展残疾人文化进社区主题活动', '让家门口养老更幸福'],
  '002': ['解锁基层治理“密码”', '超市上门 兑废为宝', '青海省公路局确保汛期群众出行安全', '模范“好声音” 传播好风气', '以民生“温度”标注幸福“刻度”'],
  '003': ['创新举措解民忧 竭诚服务惠民生', '暑期科普课堂点亮青少年科技梦想', '“平城办”短视频让办事“好办”“易办”', '“医保小信使”贴心服务受好评', '心理讲座提升基层服务“心”动力', '“社区合伙人”服务提升居民幸福指数', '文明祭祀引领殡葬新风尚', '党群联动治环境 小区旧貌换新颜'],
  '004': ['“新晋邻”让服务更暖心更近', '做活『小集市』激发『大能量』', '帮在“点”上 扶在心上', '长治文旅推介会在郑州举行', '高铁长治南站多措并举 全力护航 2025 年暑运安全', '黎城县图书馆亲子科普活动获省级优秀表彰'],
};

describe('splitPage on the seed pages', () => {
  for (const [prefix, expected] of Object.entries(EXPECTED_TITLES)) {
    it(`${prefix}: finds the headlines, and every paragraph slices the page back`, () => {
      const d = seed(prefix);
      const articles = splitPage(d);
      for (const t of expected) expect(titles(articles)).toContain(t);
      for (const a of articles) {
        expect(a.docId).toBe(d.id);
        expect(a.paragraphs.length).toBeGreaterThan(0);
        expect(a.title.trim()).not.toBe('');
        for (const p of a.paragraphs) {
          expect(d.text.slice(p.start, p.end)).toBe(p.text);
          expect(p.start).toBeGreaterThanOrEqual(a.start);
          expect(p.end).toBeLessThanOrEqual(a.end);
        }
      }
      // articles do not overlap and come in page order
      for (let i = 1; i < articles.length; i++) expect(articles[i].paragraphs[0].start).toBeGreaterThanOrEqual(articles[i - 1].paragraphs.at(-1)!.end);
    });
  }

  it('000: the small item and the kicker are not the title; bylines, editor lines and captions are not body', () => {
    const articles = splitPage(seed('000'));
    const main = find(articles, '忻州：“小支点”撬动“大民生”');
    expect(main.subtitle).toContain('三百余名高校毕业生成社区「主力军」');
    expect(main.byline).toContain('乔龙飞');
    expect(main.paragraphs[0].text.startsWith('“李奶奶')).toBe(true);
    const second = find(articles, '五百余万元快件补助激励农产品「出山进城」');
    expect(second.byline).toContain('薛璐瑶');
    expect(second.paragraphs[0].text.startsWith('寒冬时节')).toBe(true);
    const text = body(articles);
    for (const junk of ['本报记者', '策划', '设计:', '冯媛摄', '张存良摄', '·民生实事·', '我在新闻现场']) expect(text).not.toContain(junk);
  });

  it('001: subheads tag paragraphs; lead bylines and photo captions are stripped', () => {
    const articles = splitPage(seed('001'));
    const main = find(articles, '居民幸福“有办法”');
    expect(main.subtitle).toBe('——稷山县稷王社区探索基层治理新实践');
    expect(main.byline).toContain('王月文');
    expect(main.subheads).toEqual(['“小板凳”架桥——民声落地成实事', '“社区合伙人”聚力——社商共赢暖民生', '“契约化”破题——多方联动焕新颜']);
    const tagged = main.paragraphs.find((p) => p.text.startsWith('民有所呼'));
    expect(tagged?.subhead).toBe('“小板凳”架桥——民声落地成实事');
    expect(main.paragraphs[0].subhead).toBeUndefined();
    const item = find(articles, '临猗县举办高校毕业生招聘会');
    expect(item.byline).toContain('董战轩');
    expect(item.paragraphs[0].text.startsWith('近日，临猗县')).toBe(true);
    expect(find(articles, '让家门口养老更幸福').byline).toBe('周珊珊');
    const text = body(articles);
    for (const junk of ['本报讯', '文/图', '上 图', '右下图', '本报记者 王月文 摄']) expect(text).not.toContain(junk);
  });

  it('002: a headline printed after its body still gets its own article', () => {
    const articles = splitPage(seed('002'));
    const first = find(articles, '解锁基层治理“密码”');
    const second = find(articles, '超市上门 兑废为宝');
    expect(body([first])).not.toContain('射阳县');
    expect(second.paragraphs[0].text.startsWith('5月27日上午')).toBe(true);
    expect(second.byline).toContain('张伟伟');
    expect(first.subheads).toEqual(['精治强兵筑根基', '善治暖心惠民生', '智治赋能提质效']);
    // the paragraph broken inside a word is one paragraph
    expect(first.paragraphs.some((p) => p.text.startsWith('依安县大力实施“全科社') && p.text.includes('培养工程'))).toBe(true);
  });

  it('003: markdown place labels are not titles; (上接…) and photo credits are not body', () => {
    const articles = splitPage(seed('003'));
    expect(titles(articles)).not.toContain('鹿苑街道');
    expect(titles(articles)).not.toContain('平城头条');
    const main = find(articles, '创新举措解民忧 竭诚服务惠民生');
    expect(main.subheads).toHaveLength(3);
    expect(body(articles)).not.toContain('郑林 摄');
    expect(body(articles)).not.toContain('图为');
  });

  it('004: signatures between ·dots· close articles; continuation markers start a new one', () => {
    const articles = splitPage(seed('004'));
    expect(find(articles, '“新晋邻”让服务更暖心更近').byline).toBe('李恒稼');
    expect(find(articles, '做活『小集市』激发『大能量』').byline).toBe('牛惠');
    const text = body(articles);
    expect(text).not.toContain('上接第一版');
    expect(text).not.toContain('·李恒稼·');
    expect(text).not.toContain('张国平 李波 摄');
    expect(text).toContain('充分运用 AI 智能巡检技术');
    expect(find(articles, '长治文旅推介会在郑州举行').byline).toBe('王佳琪 梁艳锋');
  });

  it('004: photo news (several sentences over a photo credit) stays body text; its credit does not', () => {
    const text = body(splitPage(seed('004')));
    expect(text).toContain('山西漳泽水库管理有限公司工作人员在溢洪道启闭机房仔细检查设备运转情况');
    expect(text).toContain('对水库大坝 84 个渗流观测点进行电脑监测和人工比测');
    expect(text).not.toContain('张国平 李波 摄');
  });

  it('a one-sentence caption over a photo credit is still dropped, a photo news report is kept', () => {
    const caption = '7月2日，居民在社区服务站办理业务。';
    const report = '7月2日，城东社区服务站工作人员为居民办理养老保险认证业务。入夏以来，该站延长服务时间至晚上8点，方便上班族下班后办理，已累计为辖区居民办理各类业务1200余人次，群众纷纷点赞。';
    expect(body(splitPage(doc(`# 民生新闻\n\n${caption}\n\n本报记者 王明 摄`)))).not.toContain('居民在社区服务站办理业务');
    const kept = body(splitPage(doc(`# 民生新闻\n\n${report}\n\n本报记者 王明 摄`)));
    expect(kept).toContain('延长服务时间至晚上8点');
    expect(kept).not.toContain('王明 摄');
  });
});

describe('splitPage on plain and markdown documents', () => {
  it('a page without headline structure is one article titled by its first line', () => {
    const text = '社区食堂开放时间\n\n社区食堂每天中午十一点开放，老年人凭卡就餐可以享受优惠。\n\n周末照常营业，节假日另行通知。';
    const [a, ...rest] = splitPage(doc(text));
    expect(rest).toEqual([]);
    expect(a.title).toBe('社区食堂开放时间');
    expect(a.paragraphs.map((p) => p.text)).toEqual(['社区食堂每天中午十一点开放，老年人凭卡就餐可以享受优惠。', '周末照常营业，节假日另行通知。']);
  });

  it('only prose: titled by the file name', () => {
    const text = '社区食堂每天中午十一点开放，老年人凭卡就餐可以享受优惠，周末照常营业，节假日另行通知，欢迎大家前来就餐。';
    const [a] = splitPage(doc(text, 'folder/食堂通知.txt'));
    expect(a.title).toBe('食堂通知');
    expect(a.paragraphs).toHaveLength(1);
  });

  it('markdown: # is the title, ### are subheads, hard-wrapped lines are one paragraph', () => {
    const text = '# 居住证办理指南\n\n### 申请条件\n\n在本市居住半年以上，\n有合法稳定住所的居民可以申请。\n\n### 办理地点\n\n各街道便民服务中心受理。';
    const [a, ...rest] = splitPage(doc(text, 'guide.md'));
    expect(rest).toEqual([]);
    expect(a.title).toBe('居住证办理指南');
    expect(a.subheads).toEqual(['申请条件', '办理地点']);
    expect(a.paragraphs.map((p) => [p.subhead, p.text])).toEqual([
      ['申请条件', '在本市居住半年以上，\n有合法稳定住所的居民可以申请。'],
      ['办理地点', '各街道便民服务中心受理。'],
    ]);
  });

  it('two ## articles with bylines on one page; empty and caption-only pages give no articles', () => {
    const text = '## 第一篇报道的标题\n\n本报记者 张三\n\n第一篇的正文内容，讲述社区服务的变化。\n\n## 第二篇报道的标题\n\n本报讯（记者 李四）第二篇的正文内容，讲述医保报销的流程。';
    const articles = splitPage(doc(text));
    expect(titles(articles)).toEqual(['第一篇报道的标题', '第二篇报道的标题']);
    expect(articles.map((a) => a.byline)).toEqual(['本报记者 张三', '本报讯（记者 李四）']);
    expect(splitPage(doc(''))).toEqual([]);
    expect(splitPage(doc('图为招聘会现场。\n\n郑林 摄'))).toEqual([]);
  });

  it('handles CRLF line ends and keeps offsets exact', () => {
    const text = '标题在这里\r\n\r\n第一段正文，内容足够长所以是正文。\r\n\r\n第二段正文也在这里。\r\n';
    const [a] = splitPage(doc(text));
    expect(a.title).toBe('标题在这里');
    for (const p of a.paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(a.paragraphs.map((p) => p.text)).toEqual(['第一段正文，内容足够长所以是正文。', '第二段正文也在这里。']);
  });
});

describe('tables on a .txt page', () => {
  it('short table rows stay body text, one paragraph a row, never joined or read as headlines', () => {
    const page = ['再生资源回收指导价格（2026年4月版）', '', '现发布本季度回收指导价格，自4月1日起执行。', '', '品名 | 规格 | 指导价', '空调 | 1匹挂机 | 120元/台', '空调 | 1.5匹挂机 | 170元/台', '冰箱 | 对开门 | 130元/台'].join('\n');
    const articles = splitPage(doc(page));
    const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    for (const row of ['品名 | 规格 | 指导价', '空调 | 1匹挂机 | 120元/台', '空调 | 1.5匹挂机 | 170元/台', '冰箱 | 对开门 | 130元/台']) expect(paragraphs).toContain(row);
    expect(titles(articles).join(' ')).not.toContain('|');
  });
});
