// How much a room's chat may hold, per sender and in all, and the page of it a client receives:
// the newest lines on joining, older ones when it asks. A seat that filled its share is refused;
// the facilitator can always write (its own share is apart from the room's).
import type { ChatLine } from '../net/protocol';

export interface ChatLimits {
  linesPerSender: number;
  bytesPerSender: number;
  /** What the delegations write in all (the facilitator's lines are not counted here). */
  linesPerRoom: number;
  bytesPerRoom: number;
  /** The newest lines a join or a resync carries, and each older page. */
  pageLines: number;
  pageBytes: number;
}

export const CHAT_LIMITS: ChatLimits = {
  linesPerSender: 500,
  bytesPerSender: 250_000,
  linesPerRoom: 2_500,
  bytesPerRoom: 1_000_000,
  pageLines: 60,
  pageBytes: 32_000,
};

const bytes = (l: ChatLine) => Buffer.byteLength(l.text) + l.by.length + 64;

/** Why `from` may not add a line of `text` to this chat, or null when it may. */
export function chatRefusal(chat: readonly ChatLine[], from: string, text: string, limits: ChatLimits = CHAT_LIMITS): string | null {
  let mine = 0;
  let mineBytes = 0;
  let all = 0;
  let allBytes = 0;
  for (const l of chat) {
    if (l.from === from) {
      mine += 1;
      mineBytes += bytes(l);
    }
    if (l.from !== 'facilitator') {
      all += 1;
      allBytes += bytes(l);
    }
  }
  const size = Buffer.byteLength(text) + 64;
  const who = from === 'facilitator' ? 'The facilitator has' : 'Your delegation has';
  if (mine + 1 > limits.linesPerSender || mineBytes + size > limits.bytesPerSender)
    return `${who} written as much as one sender may in this room (${limits.linesPerSender} messages or ${Math.round(limits.bytesPerSender / 1000)} kB)`;
  if (from !== 'facilitator' && (all + 1 > limits.linesPerRoom || allBytes + size > limits.bytesPerRoom))
    return `The messages of this room are full (${limits.linesPerRoom} messages or ${Math.round(limits.bytesPerRoom / 1000)} kB); the facilitator can still write`;
  return null;
}

/**
 * The newest lines before the line `before` (or the newest of all), at most a page by count and
 * by size, in order; `more` says whether older lines remain.
 */
export function chatPage(
  lines: readonly ChatLine[],
  before: string | null = null,
  limits: ChatLimits = CHAT_LIMITS,
): { messages: ChatLine[]; more: boolean } {
  let end = lines.length;
  if (before !== null) {
    const at = lines.findIndex((l) => l.id === before);
    end = at < 0 ? 0 : at;
  }
  let start = end;
  let size = 0;
  while (start > 0 && end - start < limits.pageLines) {
    const next = bytes(lines[start - 1]!);
    if (end - start > 0 && size + next > limits.pageBytes) break;
    size += next;
    start -= 1;
  }
  return { messages: lines.slice(start, end), more: start > 0 };
}
