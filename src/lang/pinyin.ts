// pinyin-pro, loaded on first use: its dictionaries are ~0.5 MB of JavaScript (60 ms to load), and most
// Chinese questions never need a romanisation, so a one-off answer should not pay for them.
import { createRequire } from 'node:module';
import type { pinyin as PinyinFn } from 'pinyin-pro';

let loaded: typeof PinyinFn | null = null;

export const pinyin: typeof PinyinFn = ((text: string, options?: Parameters<typeof PinyinFn>[1]) => {
  loaded ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof PinyinFn }).pinyin;
  return loaded(text, options as never);
}) as typeof PinyinFn;
