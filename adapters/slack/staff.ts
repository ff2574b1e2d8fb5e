// /gaps and /stats for staff: read the shared interaction store (every channel, Telegram included)
// and render plain Block Kit. Pure over the store: no Slack client here.
import type { DailyStats, GapGroup, InteractionStore } from '../../src/ports.js';
import { mask } from '../../src/privacy/mask.js';
import { DAY_MS } from '../../src/time.js';
import { escapeMrkdwn, MAX_BLOCKS, section, splitForSections, type Block, type SlackMessage } from './render.js';

/**
 * Who may run the staff commands (/gaps, /stats, and any document management): a user listed in
 * SLACK_STAFF_USER_IDS, or anyone running the command in a channel listed in SLACK_STAFF_CHANNEL_IDS
 * (meant for private, staff-only channels). Nobody when both lists are empty.
 */
export function isStaffMember(staff: { users: readonly string[]; channels: readonly string[] }, user: string, channel: string): boolean {
  return staff.users.includes(user) || staff.channels.includes(channel);
}
export const GAPS_LIMIT = 20;

export async function renderGaps(store: InteractionStore, days: number, now: number): Promise<SlackMessage> {
  const groups = await store.gaps(now - days * DAY_MS, GAPS_LIMIT);
  const title = `*Questions the documents did not answer well — last ${days} day(s)*`;
  if (!groups.length) return message(`${title}\nNone: every question was answered with confidence and nobody pressed 👎.`, []);
  const lines = groups.map((g, i) => gapLine(g, i + 1));
  return message(`${title}\n_Most frequent first; grouped by similar wording; add documents that answer these._`, lines);
}

function gapLine(g: GapGroup, n: number): string {
  const why = [g.abstained ? `no answer ${g.abstained}` : '', g.lowConfidence ? `low confidence ${g.lowConfidence}` : '', g.downvoted ? `👎 ${g.downvoted}` : '']
    .filter(Boolean)
    .join(', ');
  // Questions are masked when stored; masked again here for rows kept before masking existed.
  const masked = mask(g.example);
  const example = escapeMrkdwn(masked.length > 300 ? masked.slice(0, 300) + '…' : masked);
  return `*${n}.* “${example}” — *${g.count}×* (${why}) · ${g.channels.join(', ')} · last ${isoDay(g.lastAt)}`;
}

export async function renderStats(store: InteractionStore, days: number, now: number): Promise<SlackMessage> {
  const rows = await store.stats(now - days * DAY_MS);
  const title = `*Usage — last ${days} day(s)*`;
  if (!rows.length) return message(`${title}\nNo questions yet.`, []);
  const total = sum(rows);
  const summary = [
    `Questions: *${total.questions}*`,
    `abstained: *${percent(total.abstained, total.questions)}*`,
    `feedback: 👍 ${total.up} / 👎 ${total.down}${total.up + total.down ? ` (${percent(total.up, total.up + total.down)} helpful)` : ''}`,
  ].join(' · ');
  const table = [
    'day         channel    questions  abstained  👍   👎',
    ...rows.map((r) =>
      [r.day.padEnd(11), r.channel.padEnd(10), String(r.questions).padStart(9), String(r.abstained).padStart(10), String(r.up).padStart(4), String(r.down).padStart(4)].join(' '),
    ),
  ];
  // A code block keeps the columns; split it so each section stays within Slack's limit.
  const tableBlocks = splitForSections(table.join('\n'), 2990).map((piece) => '```' + piece + '```');
  return message(`${title}\n${summary}`, tableBlocks);
}

function sum(rows: DailyStats[]) {
  return rows.reduce(
    (t, r) => ({ questions: t.questions + r.questions, abstained: t.abstained + r.abstained, up: t.up + r.up, down: t.down + r.down }),
    { questions: 0, abstained: 0, up: 0, down: 0 },
  );
}

function percent(part: number, whole: number): string {
  return whole ? `${Math.round((100 * part) / whole)}%` : '—';
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Header plus one section per line group, within Slack's 3000-character and 50-block limits. */
function message(header: string, lines: string[]): SlackMessage {
  const blocks: Block[] = [section(header)];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > 2900) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  const text = [header, ...lines].join('\n');
  return {
    text: text.length > 3000 ? text.slice(0, 2999) + '…' : text,
    blocks: blocks.slice(0, MAX_BLOCKS),
    unfurl_links: false,
    unfurl_media: false,
  };
}
