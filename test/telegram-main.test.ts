// `npm run telegram` as a real process (tsx adapters/telegram/main.ts) against the local Bot API server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramApiServer } from './support/telegram-api-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

function runTelegram(env: Record<string, string>, timeoutMs = 30_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['adapters/telegram/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`telegram process did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

let tmp: string;
let api: TelegramApiServer;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'telegram-main-'));
  api = await TelegramApiServer.start();
});

afterEach(async () => {
  await api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run telegram', () => {
  it('stops with one message listing every configuration problem (exit 2), token never printed', async () => {
    const result = await runTelegram({
      TELEGRAM_BOT_TOKEN: 'secret-but-malformed-token', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_PATH: 'telegram', RETRIEVAL_K: '0',
      DB_PATH: path.join(tmp, 'bot.sqlite'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/configuration has 4 problem\(s\)/);
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_PATH', 'RETRIEVAL_K']) expect(result.stderr).toContain(name);
    expect(result.stderr + result.stdout).not.toContain('secret-but-malformed-token');
  });

  it('says Telegram rejected the token (401), without printing it (exit 3)', async () => {
    const token = '123:WRONG_but_wellformed_token_xyz';
    const result = await runTelegram({
      TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, DB_PATH: path.join(tmp, 'bot.sqlite'), EMBEDDING_MODEL: 'none',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Telegram rejected the token \(401\)/);
    expect(result.stderr + result.stdout).not.toContain(token);
    expect(api.rejected.map((c) => c.method)).toEqual(['getMe']);
  });
});
