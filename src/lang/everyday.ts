// Everyday words in residents' questions that are never the topic: fillers, kinship words, time-of-life
// chatter, and the words that only say how something is asked. "我儿子下个月考完试想去社区上班，报名截止到
// 哪天？" is about 社区 jobs and 报名's deadline; 儿子 / 下个月 / 考完试 are not missing topics when no
// document uses them. Closed word classes of spoken Chinese, not tuned to any document.

const KINSHIP = `儿子 女儿 闺女 孩子 小孩 娃 娃娃 孙子 孙女 外孙 外孙女 老婆 老公 媳妇 丈夫 妻子 爱人 老伴 对象
  爸 妈 爸爸 妈妈 我爸 我妈 父亲 母亲 父母 爹 娘 爷爷 奶奶 姥姥 姥爷 外婆 外公 公公 婆婆 岳父 岳母 丈母娘
  哥 姐 弟 妹 哥哥 姐姐 弟弟 妹妹 表哥 表姐 表弟 表妹 堂哥 堂姐 堂弟 堂妹 舅舅 舅妈 姑姑 姑父 叔叔 阿姨 伯伯 婶婶
  侄子 侄女 外甥 外甥女 亲戚 家人 家里人 家里 邻居 朋友 同学 同事 老乡 室友 我家 咱家 他家 她家 俺家 俺爹 俺娘 俺爸 俺妈
  宝宝 宝贝 小宝 孩儿 小孩儿 小朋友 老人家 嫂子 大嫂 弟媳 姐夫 妹夫 儿媳 儿媳妇 女婿 大姨 小姨 姨妈 姨夫 大伯 小叔子 小舅子 老爷子 老太太 老头 老太 老爷爷 老奶奶`;

const TIME_CHATTER = `下个月 上个月 这个月 下周 上周 这周 下礼拜 上礼拜 下星期 上星期 明天 后天 昨天 前天 昨晚 今晚 今早 明早
  最近 近期 现在 目前 马上 刚刚 刚才 以后 之后 以前 之前 将来 早点 晚点 过几天 过两天 回头 到时候 那时候 平时 平常
  考完试 考完 放假 毕业后 退休后 下班后`;

const FILLERS = `那个 这个 那边 这边 那里 这里 请问 你好 您好 想问 问一下 问问 一下 听说 听人说 据说 到底 究竟 麻烦 谢谢 多谢
  是不是 有没有 能不能 可不可以 可以不 会不会 要不要 多不多 好不好 行不行 对不对 够不够 贵不贵 远不远 来着
  啊 呀 吧 呢 嘛 哦 哈 呗 啦 吗 哎 诶 嗯 喔 哇 咯 么 滴
  我想 想要 打算 准备 知道 了解 告诉 一般 大概 差不多 大约 左右 具体 一共 总共 还是 或者 然后 就是 其实 真的 挺 特别 非常
  咱们 咱 俺 俺们 我们 你们 他们 她们 人家 自己 大家 我 你 他 她 它 您
  啥 咋 咋样 咋办 怎么办 怎么样 怎样 如何 什么 哪个 哪些 哪里 哪儿 哪 哪家 哪天 几 多少 多 什么样 是什么 干啥 干嘛 为啥
  太多 太少 很多 好多 不少 去 回来 回去 弄 搞 整 办法 东西 事儿 事情 情况 问题 地方 时候 一点 有点 稍微
  关于 对于 有关 以及 为了 因为 所以 但是 可是 不过 如果 要是 的话 还有 另外
  该 应该 以内 之内 块钱 元钱 毛钱`;

const EVERYDAY = new Set(`${KINSHIP} ${TIME_CHATTER} ${FILLERS}`.split(/\s+/).filter(Boolean));

/** True for a word that is never what a question is about (filler, kinship, time-of-life chatter, asking word). */
export function isEverydayWord(word: string): boolean {
  return EVERYDAY.has(word);
}

/**
 * Fillers the segmenter cuts into a word of their own (来着 → 来: 票价多少来着 is 票价多少 said while remembering), dropped
 * from the text before it is cut.
 */
const CUT_FILLERS = /来着/g;

/** `text` without the fillers the segmenter would cut into words (来着). */
export function withoutCutFillers(text: string): string {
  return text.replace(CUT_FILLERS, ' ');
}
