import { describe, expect, it } from 'vitest';
import { isBrokenLine, normalizeForMatch, normalizeText } from '../src/text/normalize.js';
import { splitSentences } from '../src/text/sentences.js';

describe('normalizeText', () => {
  it('joins numbers and their Chinese units, including full-width digits', () => {
    expect(normalizeText('预计发送旅客 8.5 万人次')).toBe('预计发送旅客8.5万人次');
    expect(normalizeText('全县 2836 名在职党员')).toBe('全县2836名在职党员');
    expect(normalizeText('146 个县直单位，７ 月 １０ 日')).toBe('146个县直单位,7月10日');
    expect(normalizeText('８ . ５万')).toBe('8.5万');
    // (A full stop before a numbered item with its own decimal point ends a sentence: no decimal 1,000.2.)
    expect(normalizeText('it is RMB 1,000. 2.5 A residence permit must be renewed')).toBe('it is RMB 1,000. 2.5 A residence permit must be renewed');
  });

  it('maps full-width ASCII forms consistently and keeps Chinese-only punctuation', () => {
    expect(normalizeText('（试行）：ＡＢＣ！？；')).toBe('(试行):ABC!?;');
    expect(normalizeText('“小支点”撬动「大民生」。、《通知》')).toBe('“小支点”撬动「大民生」。、《通知》');
    expect(normalizeText('（市、区）')).toBe(normalizeText('(市、区)'));
  });

  it('removes zero-width characters, BOM and control characters', () => {
    expect(normalizeText('\uFEFF社区\u200B助理\u0007培训\u00AD')).toBe('社区助理培训');
    expect(normalizeText('a\r\nb')).toBe('a\nb');
  });

  it('joins a sentence broken across a paragraph gap but keeps headlines apart', () => {
    expect(normalizeText('依安县大力实施“全科社\n\n工”培养工程，构建“全科全科”网格体系。')).toBe(
      '依安县大力实施“全科社工”培养工程,构建“全科全科”网格体系。',
    );
    expect(normalizeText('招聘会为期3天，全市共270余家\n\n用人单位带来近千个岗位，涵盖制造等领域。')).toBe(
      '招聘会为期3天,全市共270余家用人单位带来近千个岗位,涵盖制造等领域。',
    );
    const headline = '忻州：“小支点”撬动“大民生”\n\n三百余名高校毕业生成社区「主力军」\n\n在忻府区的街道社区服务站，刚入职几个月的社区助理正在讲解。';
    expect(normalizeText(headline).split('\n\n')).toHaveLength(3);
    const subhead = '联盟共建聚合力 增强党建“引领力”\n\n近日，壶关县龙泉镇福馨社区党委联合多家民营企业及单位举办招聘会。';
    expect(normalizeText(subhead).split('\n\n')).toHaveLength(2);
  });

  it('does not join after a finished sentence or a signature', () => {
    expect(isBrokenLine('这是一句完整的话，已经结束。', '下一段开始了，内容很长很长很长很长很长。')).toBe(false);
    expect(isBrokenLine('用青春动能激活基层治理“一池春水”。(本报记者 乔龙飞)', '寒冬时节，宁武县管湾山脚下的仓库内却是一派火热景象。')).toBe(false);
  });

  it('normalizeForMatch ignores case, width and whitespace', () => {
    expect(normalizeForMatch('高铁长治南站 预计发送旅客 8.5 万人次')).toBe(normalizeForMatch('高铁长治南站预计发送旅客８.５万人次'));
    expect(normalizeForMatch('AI 智能 巡检')).toBe('ai智能巡检');
  });
});

describe('splitSentences', () => {
  const pieces = (t: string) => splitSentences(t).map((s) => s.text);

  it('splits after Chinese and English terminators and keeps closing quotes with their sentence', () => {
    expect(pieces('他说：“好的。”然后走了！真的吗？是；对…… Hello world. Next')).toEqual([
      '他说：“好的。”',
      '然后走了！',
      '真的吗？',
      '是；',
      '对…… ',
      'Hello world. ',
      'Next',
    ]);
    expect(pieces('标题「主力军」』】。下一句')).toEqual(['标题「主力军」』】。', '下一句']);
  });

  it('ends sentences at newlines and does not split decimals', () => {
    expect(pieces('第一行\n第二行含8.5万人次。\n\n')).toEqual(['第一行\n', '第二行含8.5万人次。\n\n']);
  });

  it('never loses or duplicates a character, and offsets slice the input', () => {
    const samples = [
      '',
      '   ',
      '\n\n前导空行。然后“引号！”（括号。）结束',
      '“冬天家里可暖和了，这老小\n\n区住着比以前舒服多了。”供暖期里……居民称赞！？!?;;. . .',
      'a.b. c.\n.\n。。。',
    ];
    // plus pseudo-random strings over a punctuation-heavy alphabet
    const alphabet = ['字', '。', '！', '？', '；', '…', '.', ' ', '\n', '”', '」', '）', 'a', '1', '，'];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += alphabet[seed % alphabet.length];
      }
      samples.push(s);
    }
    for (const text of samples) {
      const spans = splitSentences(text);
      expect(spans.map((s) => s.text).join('')).toBe(text);
      let at = 0;
      for (const s of spans) {
        expect(s.start).toBe(at);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text.length).toBeGreaterThan(0);
        at = s.end;
      }
    }
  });
});
