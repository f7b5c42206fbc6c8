// The event log as an audience may read it: an AI's secret reason (why it quietly defects) is
// its own until the game is over; then every view of the log carries it.
import { catalog, intentFor, type Audience, type Scenario } from '../engine';
import type { LogEntry } from './gameMachine';

/** The log for `audience`: entries without a secret, or the audience's own, are shared as they are. */
export function logFor(log: readonly LogEntry[], audience: Audience, over: boolean): LogEntry[] {
  return log.map((e) => {
    const intent = intentFor(e.intent, audience, over);
    return intent === e.intent ? e : { ...e, intent };
  });
}

/** The secret reasons the AI delegations gave, for the end screen: none before the game is over. */
export function secretReasons(scenario: Scenario, log: readonly LogEntry[], over: boolean): string[] {
  if (!over) return [];
  const short = (d: string) => catalog(scenario).delegation.get(d)?.short ?? d;
  return log.flatMap((e) =>
    e.intent.type === 'commit.submit' && e.intent.secretReason ? [`Round ${e.round}, ${short(e.actor)}: ${e.intent.secretReason}`] : [],
  );
}
