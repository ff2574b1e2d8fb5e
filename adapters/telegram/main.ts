// `npm run telegram`: check config and token, open the app, then take updates by long polling
// (default, no public URL needed) or by webhook. SIGTERM/SIGINT: stop taking updates, finish the
// answers under way (bounded), close the app, exit 0.
import { pathToFileURL } from 'node:url';
import { Api, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { ConfigError, loadCoreConfig, loadOpsConfig, loadTelegramConfig, loadTogether, secretValues, type Env, type TelegramConfig } from '../../src/config.js';
import { createLogger, redact, type Logger } from '../../src/log.js';
import { openApp, type App, type OpenAppOptions } from '../../src/app.js';
import { createTelegramBot } from './bot.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';
import { exitCodeFor, FAILURE_EXIT, PLATFORM_REFUSED_EXIT } from '../../src/exit-code.js';
import { startOpsServer, type OpsServer } from '../../src/ops/http.js';
import { makeNewFilesPrivate } from '../../src/privacy/files.js';
import { privacyFacts } from '../../src/privacy/notice.js';

export interface StartTelegramOptions {
  env?: Env;
  cwd?: string;
  logger?: Logger;
  /** How the app is opened (default: src/app.ts openApp). */
  openApp?: (options: OpenAppOptions) => Promise<App>;
  /** Long-poll timeout for getUpdates, seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long shutdown waits for answers under way (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningTelegram {
  mode: TelegramConfig['mode'];
  bot: UserFromGetMe;
  /** Webhook mode: the port bound. */
  port?: number;
  /** With OPS_PORT: the port of the /healthz, /readyz, /metrics server. */
  opsPort?: number;
  /** Settles when polling ends by itself (e.g. the token was revoked): rejects with the cause. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** A start-up failure whose message is safe to print (no secrets) and says what to do. */
export class TelegramStartError extends Error {
  constructor(message: string, readonly code: 'TOKEN_REJECTED' | 'API_UNREACHABLE' | 'API_ERROR') {
    super(message);
  }
}

/** Both config scopes checked together, so one start reports every problem at once. */
export function loadAllConfig(env: Env, cwd: string): TelegramConfig {
  return loadTogether('Telegram bot', () => loadTelegramConfig(env), [() => loadCoreConfig(env, cwd), () => loadOpsConfig(env)]);
}

async function checkToken(config: TelegramConfig): Promise<UserFromGetMe> {
  try {
    return await new Api(config.token, { apiRoot: config.apiRoot }).getMe();
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new TelegramStartError(
        `Telegram rejected the token (${error.error_code}): TELEGRAM_BOT_TOKEN is wrong or was revoked. ` +
          'Copy the current token from @BotFather (/mybots → API Token) into TELEGRAM_BOT_TOKEN.',
        'TOKEN_REJECTED',
      );
    }
    if (error instanceof HttpError) {
      throw new TelegramStartError(`Could not reach the Telegram Bot API at ${config.apiRoot} (${error.message}). Check the network or TELEGRAM_API_ROOT.`, 'API_UNREACHABLE');
    }
    throw new TelegramStartError(`Telegram refused getMe: ${(error as Error).message}`, 'API_ERROR');
  }
}

export async function startTelegram(options: StartTelegramOptions = {}): Promise<RunningTelegram> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const config = loadAllConfig(env, cwd);
  const logger = options.logger ?? createLogger({ secrets: secretValues(env) });
  const botInfo = await checkToken(config); // before opening the app: a bad token fails in a second
  logger.info('telegram.authorized', { username: botInfo.username, mode: config.mode });

  const app = await (options.openApp ?? openApp)({ env, cwd, logger, ops: true, warm: true });
  // app.logger also counts error lines for /metrics.
  const { bot, inFlight } = createTelegramBot({
    config, service: app.service, store: app.store, logger: app.logger, botInfo, keys: app.keys,
    privacy: privacyFacts(app.config), limiter: app.rateLimiter?.(config.ratePerMinute),
  });
  const opsConfig = loadOpsConfig(env);
  let opsServer: OpsServer | undefined;
  const drainMs = options.drainTimeoutMs ?? 10_000;

  const finish = async (stopTaking: () => Promise<void>, closeTransport: () => Promise<void>) => {
    await stopTaking();
    if (!(await inFlight.drain(drainMs))) logger.warn('telegram.shutdown_abandoned', { in_flight: inFlight.size, waited_ms: drainMs });
    await closeTransport();
    await opsServer?.close();
    await app.close();
    logger.info('telegram.stopped', {});
  };

  try {
    if (opsConfig.port !== null && app.ops) opsServer = await startOpsServer(app.ops, opsConfig.host, opsConfig.port);
    if (config.mode === 'webhook') {
      const server: WebhookServer = await startWebhookServer({
        bot, host: config.webhook.host, port: config.webhook.port, path: config.webhook.path, secret: config.webhook.secret!, logger: app.logger,
        ops: app.ops ?? undefined,
      });
      if (config.webhook.url) {
        await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: ['message', 'callback_query'] });
        logger.info('telegram.webhook_set', { url: config.webhook.url });
      }
      let stopping: Promise<void> | undefined;
      return {
        mode: 'webhook', bot: botInfo, port: server.port, opsPort: opsServer?.port, done: new Promise<void>(() => {}),
        stop: () => (stopping ??= finish(async () => server.stopAccepting(), () => server.close())),
      };
    }

    // getUpdates answers 409 while a webhook is set; polling mode owns the bot, so remove it.
    await bot.api.deleteWebhook();
    const runner: RunnerHandle = run(bot, {
      runner: { fetch: { timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: ['message', 'callback_query'] }, silent: true },
    });
    const done = (runner.task() ?? Promise.resolve()).catch((error: unknown) => {
      logger.error('telegram.polling_failed', { cause: error });
      throw error instanceof GrammyError && error.error_code === 401
        ? new TelegramStartError('Telegram rejected the token (401) while polling: it was revoked. Set the new token from @BotFather.', 'TOKEN_REJECTED')
        : error;
    });
    done.catch(() => {}); // observed by main(); don't crash tests that never look
    logger.info('telegram.polling', { username: botInfo.username });
    let stopping: Promise<void> | undefined;
    return {
      mode: 'polling', bot: botInfo, opsPort: opsServer?.port, done,
      stop: () => (stopping ??= finish(async () => { if (runner.isRunning()) await runner.stop(); }, async () => {})),
    };
  } catch (error) {
    await opsServer?.close();
    await app.close();
    throw error;
  }
}

const TELEGRAM_USAGE = `Usage: npm run telegram

Answers residents in Telegram (private chats; in groups when mentioned, replied to, or via /ask).
Configured by environment variables (or .env): TELEGRAM_BOT_TOKEN (required), TELEGRAM_MODE=polling|webhook,
TELEGRAM_WEBHOOK_HOST/PORT/PATH/SECRET/URL, TELEGRAM_API_ROOT, RATE_LIMIT_PER_MINUTE, MAX_QUESTION_CHARS,
plus the core settings (INDEX_DIR, DB_PATH or DATABASE_URL, DATA_SECRET, DATA_RETENTION_DAYS, EMBEDDING_MODEL, LLM_MODEL, ...).
Residents' commands include /privacy (what is kept, for how long) and /forget (delete it). See .env.example and
the README sections "Run on Telegram" and "Privacy".`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(TELEGRAM_USAGE + '\n');
    return;
  }
  makeNewFilesPrivate();
  const secrets = secretValues(process.env);
  const fail = (message: string, code: number) => {
    process.stderr.write(redact(message, secrets) + '\n');
    process.exit(code);
  };
  let running: RunningTelegram;
  try {
    running = await startTelegram();
  } catch (error) {
    const code = error instanceof TelegramStartError ? PLATFORM_REFUSED_EXIT : exitCodeFor(error, [ConfigError]);
    return fail(code === FAILURE_EXIT ? `Telegram bot failed to start: ${(error as Error).stack ?? String(error)}` : (error as Error).message, code);
  }
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: finishing answers under way, then stopping…\n`);
    running.stop().then(() => process.exit(0), (error: unknown) => fail(`Shutdown failed: ${(error as Error).message}`, FAILURE_EXIT));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // Polling ended by itself (token revoked, another instance polling): close cleanly, then say why.
  running.done.catch(async (error: unknown) => {
    await running.stop().catch(() => {});
    fail((error as Error).message, PLATFORM_REFUSED_EXIT);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
