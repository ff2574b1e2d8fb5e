// The spreadsheet readers (.xlsx by read-excel-file, .csv/.tsv by csv-parse) on files made at test time:
// what a sheet's rows become, and bad input refused with a reason instead of a crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvReader, sheetBlocks, xlsxReader } from '../src/ingest/formats/spreadsheet.js';
import { readerForFile, readerForMediaType } from '../src/ingest/formats/index.js';
import { writeXlsx } from './support/documents.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a sheet read as tables', () => {
  it('reads a title row, a header with its rows, a note, and a second table under its own header', () => {
    const { blocks, title } = sheetBlocks([
      ['2026年公益性岗位招聘计划', null],
      ['岗位', '人数'],
      ['保洁员', 12],
      ['护林员', 0.1 + 0.2],
      ['咨询电话', 13800138000],
      ['账号', 6222021234567890],
      [null, null],
      ['备注：报名截止到2026年3月31日。', null],
      ['报名地点', '电话'],
      ['城关街道便民服务中心', '0719-8233300'],
    ]);
    expect(title).toBe('2026年公益性岗位招聘计划');
    expect(blocks.map((b) => `${b.kind}:${b.text}`)).toEqual([
      'heading:2026年公益性岗位招聘计划',
      'table-row:岗位 | 人数',
      'table-row:保洁员 | 12',
      'table-row:护林员 | 0.3',
      'table-row:咨询电话 | 13800138000',
      'table-row:账号 | 6222021234567890',
      'paragraph:备注：报名截止到2026年3月31日。',
      'table-row:报名地点 | 电话',
      'table-row:城关街道便民服务中心 | 0719-8233300',
    ]);
    // Each row is read with its own table's header.
    expect(blocks.at(-1)).toMatchObject({ header: ['报名地点', '电话'] });
  });

  it('continues a table under its header after a note when the next row holds figures', () => {
    const { blocks } = sheetBlocks([
      ['品类', '价格'],
      ['废纸', '1.0元/公斤'],
      ['（以下为金属类）', null],
      ['废铜', '40元/公斤'],
    ]);
    expect(blocks.at(-1)).toMatchObject({ kind: 'table-row', text: '废铜 | 40元/公斤', header: ['品类', '价格'] });
  });

  it('drops columns empty in every row (a sheet\'s margin)', () => {
    const { blocks } = sheetBlocks([
      [null, '品类', null, '价格'],
      [null, '废纸', null, '1.0元/公斤'],
    ]);
    expect(blocks.map((b) => b.text)).toEqual(['品类 | 价格', '废纸 | 1.0元/公斤']);
  });
});

describe('the readers', () => {
  it('are registered for their extensions and media types', () => {
    expect(readerForFile('价格.XLSX')?.format).toBe('xlsx');
    expect(readerForFile('stations.tsv')?.format).toBe('csv');
    expect(readerForMediaType('text/csv; charset=utf-8')?.format).toBe('csv');
    expect(readerForMediaType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')?.format).toBe('xlsx');
  });

  it('read a workbook\'s dates as dates and its sheets in order, a generic sheet name as no heading', async () => {
    const file = path.join(dir, 'schedule.xlsx');
    await writeXlsx(file, [
      { name: 'Sheet1', rows: [['场次', '日期'], ['第一场', new Date(Date.UTC(2026, 1, 26))]] },
      { name: '联系方式', rows: [['单位', '电话'], ['市人社局', '0719-8270011']] },
    ]);
    const out = await xlsxReader.read({ bytes: fs.readFileSync(file), name: file });
    expect('blocks' in out).toBe(true);
    if (!('blocks' in out)) return;
    expect(out.blocks.map((b) => b.text)).toEqual(['场次 | 日期', '第一场 | 2026-02-26', '联系方式', '单位 | 电话', '市人社局 | 0719-8270011']);
  });

  it('refuse a file that is no workbook, an empty workbook and an empty CSV with the reason', async () => {
    const broken = await xlsxReader.read({ bytes: Buffer.from('PK\u0003\u0004 not really a zip'), name: 'broken.xlsx' });
    expect(broken).toMatchObject({ reason: expect.stringMatching(/^not a readable \.xlsx workbook/) });
    const emptyFile = path.join(dir, 'empty.xlsx');
    await writeXlsx(emptyFile, [{ name: 'Sheet1', rows: [[null]] }]);
    expect(await xlsxReader.read({ bytes: fs.readFileSync(emptyFile), name: emptyFile })).toEqual({ reason: 'empty spreadsheet' });
    expect(await csvReader.read({ bytes: Buffer.from('\n \n'), name: 'empty.csv' })).toEqual({ reason: 'empty file' });
    expect(await csvReader.read({ bytes: Buffer.from([0, 1, 2, 3]), name: 'x.csv' })).toEqual({ reason: 'binary file' });
  });

  it('reads a tab-separated file and a quoted cell holding the delimiter', async () => {
    const tsv = await csvReader.read({ bytes: Buffer.from('街道\t地址\n城关街道\t解放路88号\n'), name: 'a.tsv' });
    const csv = await csvReader.read({ bytes: Buffer.from('街道,地址\n城关街道,"解放路88号, 2楼"\n'), name: 'a.csv' });
    expect('blocks' in tsv && tsv.blocks.map((b) => b.text)).toEqual(['街道 | 地址', '城关街道 | 解放路88号']);
    expect('blocks' in csv && csv.blocks.map((b) => b.text)).toEqual(['街道 | 地址', '城关街道 | 解放路88号, 2楼']);
  });
});
