// Slack message text → the plain question the answering service expects.
// Slack sends text with `&`, `<`, `>` escaped and mentions/links in angle brackets.

/**
 * Removes mentions of the bot, turns links, channels and other mentions into readable text,
 * and unescapes Slack's entities. `botUserId` may be unknown (then every leading mention is dropped).
 */
export function questionFromSlackText(text: string, botUserId?: string): string {
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, 'g'), ' ');
  else out = out.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, ' ');
  out = out
    .replace(/<@([A-Z0-9]+)\|([^>]*)>/g, '@$2')
    .replace(/<@([A-Z0-9]+)>/g, '')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!([a-z]+)(\|[^>]*)?>/g, '') // <!here>, <!channel>: not part of a question
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]*)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return out.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Conversation key: one per thread, so follow-ups in a thread share the previous turns. */
export function conversationIdFor(channel: string, threadTs: string | undefined): string {
  return `${channel}:${threadTs ?? 'main'}`;
}

/** `/gaps 30` → 30; empty → the default; anything else → undefined (caller shows usage). */
export function parseDays(text: string, fallback: number, max = 365): number | undefined {
  const t = text.trim();
  if (!t) return fallback;
  if (!/^\d{1,4}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= max ? n : undefined;
}
