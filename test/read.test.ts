import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles, isRejected, readDocument } from '../src/ingest/read.js';
import type { RejectedFile, SourceDocument } from '../src/ports.js';

let root: string;
const file = (name: string) => path.join(root, name);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'read-test-'));
  await mkdir(file('sub/deeper'), { recursive: true });
  await writeFile(file('b.txt'), '第二篇。');
  await writeFile(file('a.md'), '# 标题\n\n正文。');
  await writeFile(file('sub/deeper/c.txt'), '深层文件。');
  await writeFile(file('notes.xls'), 'xls');
  await writeFile(file('.hidden.txt'), '隐藏');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function read(name: string, options = {}): Promise<SourceDocument | RejectedFile> {
  return readDocument(file(name), root, options);
}

describe('discoverFiles', () => {
  it('walks folders recursively, keeps the formats it reads, sorted, and names the files it cannot read', async () => {
    const { files, rejected } = await discoverFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a.md', 'b.txt', path.join('sub', 'deeper', 'c.txt')]);
    expect(rejected).toEqual([{ path: file('notes.xls'), reason: expect.stringContaining('unsupported format .xls') }]);
  });

  it('accepts explicit files, de-duplicates, and reports missing or wrong-type paths', async () => {
    const { files, rejected } = await discoverFiles([file('b.txt'), root, file('missing.txt'), file('notes.xls')]);
    expect(files).toHaveLength(3);
    expect(rejected.map((r) => [path.basename(r.path), r.reason])).toEqual([
      ['missing.txt', expect.stringContaining('not found')],
      ['notes.xls', expect.stringContaining('.txt')],
    ]);
  });
});

describe('readDocument', () => {
  it('reads UTF-8 with the id relative to the root and the sha256 of the bytes', async () => {
    const doc = await read('sub/deeper/c.txt');
    expect(isRejected(doc)).toBe(false);
    const d = doc as SourceDocument;
    expect(d.id).toBe('sub/deeper/c.txt');
    expect(d.text).toBe('深层文件。');
    expect(d.encoding).toBe('utf-8');
    expect(d.hash).toBe(createHash('sha256').update('深层文件。').digest('hex'));
  });

  it('gives seed files their file name as id', async () => {
    const seeds = path.resolve('seeds');
    const { files } = await discoverFiles([seeds]);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const doc = (await readDocument(files[0], seeds)) as SourceDocument;
    expect(doc.id).toBe(path.basename(files[0]));
    expect(doc.id).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
  });

  it('strips a UTF-8 BOM', async () => {
    await writeFile(file('bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('社区助理')]));
    expect((await read('bom.txt')) as SourceDocument).toMatchObject({ text: '社区助理', encoding: 'utf-8' });
  });

  it('decodes GB18030 text', async () => {
    // "社区助理培训。" in GBK/GB18030
    const gbk = Buffer.from('c9e7c7f8d6fac0edc5e0d1b5a1a3', 'hex');
    await writeFile(file('gbk.txt'), gbk);
    expect((await read('gbk.txt')) as SourceDocument).toMatchObject({ text: '社区助理培训。', encoding: 'gb18030' });
  });

  it('rejects empty, whitespace-only, binary and undecodable files with a reason', async () => {
    await writeFile(file('empty.txt'), '');
    await writeFile(file('blank.txt'), '  \n\t\n ');
    await writeFile(file('nul.txt'), Buffer.from([0x41, 0x00, 0x42]));
    await writeFile(file('ctrl.txt'), Buffer.alloc(100, 0x01));
    // 0x80 is a lone continuation byte in UTF-8 and invalid as a GB18030 lead byte.
    await writeFile(file('bad.txt'), Buffer.from([0x41, 0x80, 0x80, 0x80, 0xff]));
    expect(await read('empty.txt')).toMatchObject({ reason: 'empty file' });
    expect(await read('blank.txt')).toMatchObject({ reason: 'empty file' });
    expect(await read('nul.txt')).toMatchObject({ reason: 'binary file' });
    expect(await read('ctrl.txt')).toMatchObject({ reason: 'binary file' });
    expect(await read('bad.txt')).toMatchObject({ reason: 'not UTF-8 or GB18030 text' });
  });

  it('rejects missing and unreadable files instead of throwing', async () => {
    expect(await read('gone.txt')).toMatchObject({ reason: expect.stringContaining('not found') });
    await writeFile(file('locked.txt'), '内容');
    await chmod(file('locked.txt'), 0o000);
    const result = await read('locked.txt');
    await chmod(file('locked.txt'), 0o644);
    // root can read anything; everyone else gets a permission rejection
    if (process.getuid?.() === 0) expect(isRejected(result)).toBe(false);
    else expect(result).toMatchObject({ reason: 'permission denied' });
  });

  it('rejects files over the size limit', async () => {
    await writeFile(file('big.txt'), '字'.repeat(100));
    expect(await read('big.txt', { maxBytes: 50 })).toMatchObject({ reason: expect.stringContaining('too large') });
    expect(isRejected(await read('big.txt', { maxBytes: 1000 }))).toBe(false);
  });

  it('reads a single 1 MB line and a 50 MB file whole', async () => {
    await writeFile(file('line.txt'), '社区助理'.repeat(90_000)); // ~1 MB, no newline
    const line = (await read('line.txt')) as SourceDocument;
    expect(line.text.length).toBe(360_000);

    await writeFile(file('huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const huge = (await read('huge.txt')) as SourceDocument;
    expect(huge.text.length).toBe(50 * 1024 * 1024);
    await rm(file('huge.txt'));
  });
});
