// `npm run slack`: configuration → answering service (openApp) → Slack adapter, until SIGTERM/SIGINT.
// HTTP mode listens on SLACK_HOST:SLACK_PORT at /slack/events; Socket Mode when SLACK_APP_TOKEN is set.
import { ConfigError, loadCoreConfig, loadOpsConfig, loadSlackConfig, loadTogether, secretValues, type Env, type SlackConfig } from '../../src/config.js';
import { StoreOpenError } from '../../src/store/open.js';
import { exitCodeFor, FAILURE_EXIT } from '../../src/exit-code.js';
import { openApp, type App } from '../../src/app.js';
import { makeNewFilesPrivate } from '../../src/privacy/files.js';
import { privacyFacts } from '../../src/privacy/notice.js';
import { createLogger, redact } from '../../src/log.js';
import { createSlackApp } from './app.js';
import { startOpsServer, type OpsServer } from '../../src/ops/http.js';

/** Every configuration problem, Slack's and the core's, in one message (never a value). */
function loadConfig(env: Env): SlackConfig {
  return loadTogether('Slack', () => loadSlackConfig(env), [() => loadCoreConfig(env), () => loadOpsConfig(env)]);
}

const SLACK_USAGE = `Usage: npm run slack

Answers staff in Slack (mentions in threads, DMs, /ask, /gaps, /stats, /privacy, /forget). HTTP mode on SLACK_HOST:SLACK_PORT
at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set. Variables: SLACK_BOT_TOKEN (required),
SLACK_SIGNING_SECRET (HTTP mode), SLACK_APP_TOKEN, SLACK_HOST, SLACK_PORT, SLACK_API_URL,
RATE_LIMIT_PER_MINUTE, SLACK_STAFF_USER_IDS and SLACK_STAFF_CHANNEL_IDS (who may run /gaps, /stats and add documents),
plus the core settings (DB_PATH, DATA_SECRET, DATA_RETENTION_DAYS, ...). See .env.example, adapters/slack/manifest.yml and the
README section "Run on Slack".

Staff add documents: share a file (PDF, DOCX, HTML, TXT, MD) with the bot in a DM or a mention, or run
/add-doc <http(s) URL>. Files are saved in CORPUS_DIR/staff-uploads/, URLs listed in
CORPUS_DIR/staff-uploads/.urls.txt; the incremental ingest runs (its lock respected) and the bot answers from the
document at once. Limits: FETCH_MAX_BYTES (size) and FETCH_TIMEOUT_MS (download / fetch time).`;

async function main(env: Env = process.env): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(SLACK_USAGE + '\n');
    return 0;
  }
  makeNewFilesPrivate();
  const logger = createLogger();
  let config: SlackConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return exitCodeFor(error, [ConfigError]);
    }
    throw error;
  }

  let core: App;
  try {
    core = await openApp({ env, logger, ops: true, warm: true });
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === FAILURE_EXIT) throw error;
    // PostgreSQL unreachable, or an unusable database or data secret: the message names what to check and the fix.
    const message = (error as Error).message;
    process.stderr.write(`${error instanceof StoreOpenError ? redact(message, secretValues(env)) : message}\n`);
    return code;
  }
  // core.logger also counts error lines for /metrics; HTTP mode serves the ops paths beside /slack/events.
  const slack = createSlackApp({
    config, service: core.service, store: core.store, logger: core.logger, keys: core.keys, privacy: privacyFacts(core.config), ops: core.ops ?? undefined,
    limiter: core.rateLimiter?.(config.ratePerMinute), documents: core.documents,
  });
  const opsConfig = loadOpsConfig(env);
  let opsServer: OpsServer | undefined;
  try {
    if (opsConfig.port !== null && core.ops) opsServer = await startOpsServer(core.ops, opsConfig.host, opsConfig.port);
    await slack.start();
  } catch (error) {
    logger.error('slack.start_failed', { error });
    process.stderr.write(`${(error as Error).message}\n`);
    await opsServer?.close();
    await core.close();
    return 1;
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // A second signal while draining means "now". Copies of the first one arrive within moments
  // (tsx relays the signal its process group also got), so only a later one counts.
  const firstAt = Date.now();
  const forceExit = () => {
    if (Date.now() - firstAt > 1000) process.exit(1);
  };
  process.on('SIGTERM', forceExit);
  process.on('SIGINT', forceExit);

  logger.info('slack.shutting_down', { signal, inFlight: slack.inFlight });
  await slack.stop();
  await opsServer?.close();
  await core.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    createLogger().error('slack.crashed', { error });
    process.exit(1);
  },
);
