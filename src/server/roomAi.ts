// Plays the AI seats of a room (empty seats, or seats the facilitator handed to the AI), the same
// way the local game does: proposals, then answers, then readiness; a sealed commit. Decisions
// are made in the AI threads from the seat's own view.
import { decisionView, seatStream } from '../engine';
import { DEFAULT_TEMPERAMENT, type Decision } from '../ai/baseline';
import type { AiAsk, AiPool } from './aiPool';
import type { Room } from './room';

export class RoomAi {
  private driving = false;
  private again = false;
  private proposedIn = new Map<string, number>();
  private readyIn = new Map<string, number>();

  constructor(
    private readonly room: Room,
    private readonly pool: AiPool,
  ) {}

  private aiSeats(): string[] {
    return [...this.room.seats.values()].filter((s) => s.mode === 'ai').map((s) => s.delegation);
  }

  /** Lets every AI seat act on the current step; runs again when something changed meanwhile. */
  async drive(): Promise<void> {
    if (this.driving) {
      this.again = true;
      return;
    }
    this.driving = true;
    try {
      do {
        this.again = false;
        await this.turn();
      } while (this.again && !this.room.disposed);
    } finally {
      this.driving = false;
    }
  }

  private async ask(d: string, request: AiAsk): Promise<Decision[]> {
    this.room.thinking.add(d);
    this.room.announceThinking();
    try {
      return await this.pool.decide(this.room.scenarioKey, this.room.scenario, request);
    } catch (err) {
      console.error('AI', d, (err as Error).message);
      return [];
    } finally {
      this.room.thinking.delete(d);
      this.room.announceThinking();
    }
  }

  private take(d: string, decisions: Decision[]) {
    for (const decision of decisions) {
      if (this.room.disposed || this.room.seats.get(d)?.mode !== 'ai') return;
      const r = this.room.apply(decision.intent, null, { kind: 'ai', delegation: d });
      if (!r.ok || decision.intent.type === 'negotiation.ready') continue;
      this.room.notes.push({ round: this.room.state.round, delegation: d, text: decision.reason, sealed: decision.intent.type === 'commit.submit' });
    }
  }

  /** The AI commits for seats that did not (used when a clock runs out and the facilitator chose so). */
  async commitFor(seats: string[]) {
    for (const d of seats) {
      const s = this.room.state;
      if (s.step !== 'commit' || s.delegations[d]?.committed) continue;
      const decisions = await this.ask(d, { kind: 'commit', delegation: d, view: decisionView(s, d), stream: seatStream(s, d), temperament: DEFAULT_TEMPERAMENT });
      for (const decision of decisions) this.room.apply(decision.intent, null, { kind: 'ai', delegation: d });
    }
  }

  private async turn() {
    const room = this.room;
    if (room.disposed || !room.started || room.session.done) return;
    const s = room.state;
    if (s.paused) return;
    const t = DEFAULT_TEMPERAMENT;
    if (s.step === 'negotiation') {
      for (const d of this.aiSeats()) {
        const st = room.state;
        if (st.step !== 'negotiation' || st.paused) return;
        const done = st.delegations[d]?.ready || st.packages.some((p) => p.proposer === d && p.round === st.round);
        if (this.proposedIn.get(d) === st.round || done) continue;
        this.proposedIn.set(d, st.round);
        this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view: decisionView(st, d), stream: seatStream(st, d), temperament: t, pass: 0 }));
      }
      for (const d of this.aiSeats()) {
        const st = room.state;
        if (st.step !== 'negotiation' || st.paused) return;
        const pending = st.packages.some((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
        if (pending) this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view: decisionView(st, d), stream: seatStream(st, d), temperament: t, pass: 1 }));
      }
      for (const d of this.aiSeats()) {
        const st = room.state;
        if (st.step !== 'negotiation' || st.paused || this.readyIn.get(d) === st.round || st.delegations[d]?.ready) continue;
        this.readyIn.set(d, st.round);
        this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view: decisionView(st, d), stream: seatStream(st, d), temperament: t, pass: 2 }));
      }
    } else if (s.step === 'commit') {
      for (const d of this.aiSeats()) {
        const st = room.state;
        if (st.step !== 'commit' || st.paused || st.delegations[d]?.committed) continue;
        this.take(d, await this.ask(d, { kind: 'commit', delegation: d, view: decisionView(st, d), stream: seatStream(st, d), temperament: t }));
      }
    }
  }
}
