// A class's moderation of its students' messages, as pure functions: whether a message goes
// through, waits for the teacher's approval or is refused (and why); and a change of the rules
// in words, for each table's log.
import type { Moderation } from '../net/classProtocol';
import type { ChatLine } from '../net/protocol';

export function chatVerdict(m: Moderation, code: string, line: ChatLine, step: string): 'send' | 'hold' | string {
  if (m.muted.includes(`${code}:${line.from}`)) return 'your teacher has muted your team for now';
  if (Array.isArray(line.to) && (m.privateOff as string[]).includes(step)) return `private messages are off during the ${step} step`;
  if (m.templates.length > 0 && !m.templates.includes(line.text)) return 'in this class, choose one of your teacher’s messages';
  return m.hold ? 'hold' : 'send';
}

/** What changed for one table, in words (empty: nothing did). */
export function moderationChanges(before: Moderation, after: Moderation, code: string): string[] {
  const out: string[] = [];
  if (before.hold !== after.hold) out.push(after.hold ? 'messages now wait for approval' : 'messages go through without approval');
  const mine = (m: Moderation) => new Set(m.muted.filter((x) => x.startsWith(`${code}:`)).map((x) => x.slice(code.length + 1)));
  const [was, now] = [mine(before), mine(after)];
  for (const d of now) if (!was.has(d)) out.push(`${d} muted`);
  for (const d of was) if (!now.has(d)) out.push(`${d} no longer muted`);
  if (before.privateOff.join() !== after.privateOff.join())
    out.push(
      after.privateOff.length ? `private messages off during ${after.privateOff.join(' and ')}` : 'private messages on in every step',
    );
  if (before.templates.join('\n') !== after.templates.join('\n'))
    out.push(
      after.templates.length ? `students send only the ${after.templates.length} message templates` : 'students write their own messages',
    );
  return out;
}
