// The start-of-round briefing of one seat: what changed since it last acted (the last round's
// outcome, the news and shocks that opened this round, spans unwound), and what waits for it now
// (offers, votes, promised steps, windows closing, steps awaiting verification). Pure: built from
// the seat's own view, so it never shows what the seat may not see.
import type { GameView, Scenario } from '../engine';
import { lineOf, roundSummary, type RoundSummary, type SummaryLine } from './roundSummary';
import { spanInfo } from './spanStatus';

export interface WaitingItem {
  kind: 'offer' | 'vote' | 'dispute' | 'promise' | 'window' | 'verification';
  text: string;
}

export interface RoundBriefing {
  round: number;
  /** What opened this round (news, domestic shocks, a new phase), outcome-first like a summary. */
  opened: SummaryLine[];
  /** The last round, as its summary; null in the first round. */
  last: RoundSummary | null;
  waiting: WaitingItem[];
}

// Events of the new round that are news for the briefing (the rest is the negotiation itself).
const OPENING = new Set(['inject', 'shock', 'stop-loss', 'phase', 'override', 'reveal', 'paused', 'resumed']);

const short = (sc: Scenario, id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;

function waitingFor(sc: Scenario, view: GameView, seat: string): WaitingItem[] {
  const out: WaitingItem[] = [];
  for (const p of view.packages) {
    if (p.status === 'proposed' && p.parties.includes(seat) && !p.accepted.includes(seat))
      out.push({
        kind: 'offer',
        text: `Package #${p.id} from ${short(sc, p.proposer)} waits for your answer (${p.steps.length} step${p.steps.length === 1 ? '' : 's'}); it lapses if the negotiation closes first.`,
      });
  }
  if (view.council.members.includes(seat))
    for (const m of view.council.motions)
      if (m.status === 'open' && m.votes[seat] === undefined)
        out.push({ kind: 'vote', text: `Motion #${m.id}: a penalty for incident #${m.incident} waits for your vote.` });
  // Binding disputes (rules §6.6): an answer owed this round, a reparation ordered.
  for (const x of view.disputes ?? []) {
    if (x.stage === 'filed' && x.respondent === seat && x.filedRound === view.round)
      out.push({
        kind: 'dispute',
        text: `Dispute #${x.id} from ${short(sc, x.filer)} waits for your answer (maintain or concede) before the commit ends.`,
      });
    if (x.stage === 'upheld' && x.filer === seat && x.complyBy !== null && view.round <= x.complyBy)
      out.push({
        kind: 'dispute',
        text: `The ruling on dispute #${x.id} upheld the finding: comply by the end of round ${x.complyBy}'s commit, or it is enforced.`,
      });
  }
  for (const p of view.packages) {
    if (p.status !== 'accepted' || p.acceptedRound === null) continue;
    const due = p.acceptedRound + p.window - 1;
    for (const st of p.steps) {
      const m = sc.moves.find((x) => x.id === st.move);
      if (st.delegation !== seat || m?.kind !== 'step' || st.after !== undefined) continue;
      const done = view.implemented.some((x) => x.move === st.move && x.round >= (p.acceptedRound ?? 0));
      if (!done) out.push({ kind: 'promise', text: `You promised “${m.name}” (package #${p.id}): commit it by the end of round ${due}.` });
    }
  }
  for (const span of sc.interlocks) {
    const info = spanInfo(sc, view, span);
    const rec = view.spans[span.id];
    if (info.state === 'open' && rec?.closesRound === view.round)
      out.push({
        kind: 'window',
        text: `“${span.name}”: its window closes at the end of this round; still to come: ${info.awaiting.map((s) => `${s.who}'s “${s.name}”`).join('; ')}.`,
      });
    if (info.state === 'pending')
      out.push({
        kind: 'verification',
        text: `“${span.name}” awaits verification of ${info.awaiting.map((s) => `${s.who}'s “${s.name}” (${s.monitor})`).join('; ')}.`,
      });
  }
  return out;
}

/** The briefing of `seat` at the start of the view's round. */
export function roundBriefing(sc: Scenario, view: GameView, seat: string): RoundBriefing {
  const opened = view.events.filter((e) => e.round === view.round && OPENING.has(e.kind)).map(lineOf);
  // A shock names the span it unwound; a phase line the new phase: both lead.
  opened.sort((a, b) => Number(b.kind === 'unwound') - Number(a.kind === 'unwound'));
  const last = view.round > 1 ? roundSummary(sc, view, view.round - 1, seat) : null;
  return { round: view.round, opened, last, waiting: waitingFor(sc, view, seat) };
}

/** The offers a seat has not answered: "Ready to commit" warns about them (they lapse). */
export const unansweredOffers = (view: GameView, seat: string): number[] =>
  view.packages.filter((p) => p.status === 'proposed' && p.parties.includes(seat) && !p.accepted.includes(seat)).map((p) => p.id);
