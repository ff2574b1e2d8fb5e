// npm run purge: deletes questions, votes, conversation turns and delivery records older than
// DATA_RETENTION_DAYS (or --days N) from the interaction store. The running bot does the same hourly.
import { loadCoreConfig } from '../config.js';
import { checkDatabaseFile } from '../privacy/files.js';
import { purgeExpired } from '../privacy/retention.js';
import { openStore } from '../store/open.js';
import { cliLogger, parseCli, runMain, UsageError } from './args.js';

export const PURGE_USAGE = `Usage: npm run purge -- [--days N]

Deletes what the bot stored (questions and answers, votes, conversation turns, delivery records) that is
older than DATA_RETENTION_DAYS days (default 90), from the database at DB_PATH (or DATABASE_URL). The running bot does this
at start and every hour; run it by hand after lowering DATA_RETENTION_DAYS, or from cron while the bot is off.

Options:
  --days N     delete what is older than N days instead (1-3650)
  -h, --help   show this help

Exit codes: 0 done, 1 the database refused the purge (nothing was deleted; the message says why),
2 usage error or unusable DB_PATH, 4 PostgreSQL unreachable.`;

runMain(async () => {
  const { values } = parseCli(process.argv.slice(2), { days: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, PURGE_USAGE);
  if (values.help) {
    process.stdout.write(PURGE_USAGE + '\n');
    return 0;
  }
  const config = loadCoreConfig();
  const days = values.days === undefined ? config.privacy.retentionDays : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError(`--days must be a whole number of days between 1 and 3650 (got "${values.days}").\n\n${PURGE_USAGE}`);
  if (!config.databaseUrl) checkDatabaseFile(config.dbPath);
  const store = await openStore(config, cliLogger());
  const where = config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : config.dbPath;
  try {
    const purged = await purgeExpired(store, days, Date.now(), cliLogger());
    process.stdout.write(
      `Deleted from ${where} what was older than ${days} day(s) (before ${new Date(purged.before).toISOString()}): ` +
        `${purged.interactions} question(s), ${purged.votes} vote(s), ${purged.turns} conversation turn(s), ${purged.deliveries} delivery record(s).\n`,
    );
  } finally {
    await store.close();
  }
  return 0;
});
