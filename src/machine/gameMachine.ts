// The negotiation machine (docs/rules.md §3–§5): phases as states, the round cycle inside each, and the round's flow
// (engine/flow.ts) as resolution transitions whose guards are named after the rules they call.
import { assign, setup } from 'xstate';
import {
  allCommittedBut,
  allReadyBut,
  applyIntent,
  beginAfter,
  bridgeComplete,
  ceasefireExpired,
  checkIntent,
  ENDING_REASON,
  endGame,
  actsAfter,
  frameworkAgreed,
  openingState,
  openCommit,
  resolveRound,
  roundChecks,
  roundLimitReached,
  truceCollapsed,
  type FlowStep,
  type GameState,
  type Intent,
  type Outcome,
  type PhaseId,
  type Scenario,
  undoInLog,
  undoProblem,
  type UndoableAct,
} from '../engine';

export interface LogEntry {
  seq: number;
  round: number;
  actor: string;
  intent: Intent;
}

export interface GameContext {
  game: GameState;
  log: LogEntry[];
  /** The White Cell's acts that can still be undone: this round's, not undone (absent in older snapshots). */
  acts?: UndoableAct[];
}

/** Why the White Cell cannot undo this act now, or null (docs/rules.md §10). */
export const undoProblemIn = (scenario: Scenario, context: GameContext, intent: Intent): string | null =>
  undoProblem(scenario, context.game, context.log, context.acts ?? [], intent);

export type GameInput = { seed: number };

type NextRound = Exclude<FlowStep, { kind: 'end' }>;
const STAY: NextRound = { kind: 'stay' };

const PHASE_STATE: Record<PhaseId, string> = { ceasefire: 'ceasefire', A: 'phaseA', B: 'phaseB', C: 'phaseC' };

const DELEGATION_INTENTS = [
  'package.propose',
  'package.accept',
  'package.reject',
  'package.counter',
  'council.penalize',
  'council.vote',
  'negotiation.ready',
] as const;
const FACILITATOR_INTENTS = [
  'facilitator.pause',
  'facilitator.resume',
  'facilitator.inject',
  'facilitator.override',
  'facilitator.reveal',
  'facilitator.msel',
  // Messages are written at any step (the engine refuses them once the game is over).
  'talk.say',
  // Disputes (§6.6): the engine judges the step (filing in negotiation, answers and compliance also in commit).
  'dispute.file',
  'dispute.answer',
  'dispute.comply',
] as const;

export function createGameMachine(scenario: Scenario) {
  const logged = (context: GameContext, intent: Intent): LogEntry[] => [
    ...context.log,
    { seq: context.log.length + 1, round: context.game.round, actor: intent.actor, intent },
  ];

  const m = setup({
    types: {
      context: {} as GameContext,
      events: {} as Intent,
      input: {} as GameInput,
    },
    guards: {
      intentLegal: ({ context, event }) => checkIntent(scenario, context.game, event) === null,
      undoable: ({ context, event }) => undoProblemIn(scenario, context, event) === null,
      /** Taken first where later guards would judge the same intent again (readiness, commits). */
      intentRefused: ({ context, event }) => checkIntent(scenario, context.game, event) !== null,
      /** The last delegation to declare itself ready closes the negotiation (after intentRefused). */
      lastReady: ({ context, event }) => allReadyBut(context.game, event.actor),
      /** The last sealed commit opens the reveal (after intentRefused). */
      lastCommit: ({ context, event }) => allCommittedBut(context.game, event.actor),
      // The round flow's checks (engine/flow.ts), each a guard of its own name so a test can swap it.
      /** The interlocking-safeties rule: the current phase's bridge is complete. */
      bridgeComplete: ({ context }) => bridgeComplete(scenario, context.game),
      frameworkAgreed: ({ context }) => frameworkAgreed(context.game),
      ceasefireExpired: ({ context }) => ceasefireExpired(scenario, context.game),
      truceCollapsed: ({ context }) => truceCollapsed(context.game),
      roundLimitReached: ({ context }) => roundLimitReached(scenario, context.game),
      endsIn: ({ context, event }, params: { outcome: Outcome }) =>
        event.type === 'facilitator.end' && event.outcome === params.outcome && checkIntent(scenario, context.game, event) === null,
    },
    actions: {
      applyIntent: assign(({ context, event }) => ({
        game: applyIntent(scenario, context.game, event),
        log: logged(context, event),
        // An undoable act keeps the state before it until its round resolves.
        acts: actsAfter(context.acts ?? [], context.log.length + 1, event, context.game),
      })),
      undoAct: assign(({ context, event }) =>
        event.type === 'facilitator.undo'
          ? { ...undoInLog(scenario, context.log, context.acts ?? [], event), log: logged(context, event) }
          : {},
      ),
      logIntent: assign(({ context, event }) => ({ log: logged(context, event) })),
      openCommit: assign(({ context }) => ({ game: openCommit(scenario, context.game) })),
      // Once the round resolves, its White Cell acts are part of it: no undo reaches back past a resolution.
      resolveRound: assign(({ context }) => ({ game: resolveRound(scenario, context.game), acts: [] })),
      /** The next round: its number, the next phase if the flow advances, the briefing, the negotiation open. */
      beginRound: assign(({ context }, params: { step: NextRound }) => ({ game: beginAfter(scenario, context.game, params.step) })),
      endGame: assign(({ context }, params: { outcome: Outcome; reason: string }) => ({
        game: context.game.step === 'ended' ? context.game : endGame(context.game, params.outcome, params.reason),
      })),
    },
  });

  const accept = { guard: 'intentLegal', actions: 'applyIntent' } as const;
  // A refused intent stops here and changes nothing, so the transitions after it judge it once.
  const refuse = { guard: 'intentRefused' } as const;
  const apply = { actions: 'applyIntent' } as const;
  const negotiationOn = Object.fromEntries(DELEGATION_INTENTS.map((t) => [t, accept])) as Record<
    (typeof DELEGATION_INTENTS)[number],
    typeof accept
  >;

  // The resolution's transitions, built from the engine's round flow (the same table that
  // afterRound reads): the first guard that holds decides; none holding, the phase goes on.
  // One action begins the next round (in one step of the machine, not one per part of it).
  const resolutionOf = (phase: PhaseId) => [
    ...roundChecks(phase).map((c) =>
      c.then.kind === 'end'
        ? ({ guard: c.guard, target: `#interlock.${c.then.outcome}` } as const)
        : ({
            guard: c.guard,
            target: `#interlock.${PHASE_STATE[c.then.phase]}`,
            actions: { type: 'beginRound', params: { step: c.then } },
          } as const),
    ),
    { target: 'negotiation', actions: { type: 'beginRound', params: { step: STAY } } } as const,
  ];

  const roundCycle = (phase: PhaseId) =>
    ({
      initial: 'negotiation',
      states: {
        negotiation: {
          on: {
            ...negotiationOn,
            'negotiation.ready': [refuse, { guard: 'lastReady', target: 'commit', actions: 'applyIntent' }, apply],
            'step.close': { guard: 'intentLegal', target: 'commit', actions: 'logIntent' },
          },
        },
        commit: {
          entry: 'openCommit',
          on: {
            'commit.submit': [refuse, { guard: 'lastCommit', target: 'resolution', actions: 'applyIntent' }, apply],
            'step.close': { guard: 'intentLegal', target: 'resolution', actions: 'logIntent' },
          },
        },
        resolution: { entry: 'resolveRound', always: resolutionOf(phase) },
      },
    }) as const;

  const ending = (outcome: Outcome) => ({
    type: 'final' as const,
    entry: { type: 'endGame' as const, params: { outcome, reason: ENDING_REASON[outcome] } },
  });

  return m.createMachine({
    id: 'interlock',
    context: ({ input }) => ({ game: openingState(scenario, input.seed), log: [], acts: [] }),
    initial: 'ceasefire',
    on: {
      ...(Object.fromEntries(FACILITATOR_INTENTS.map((t) => [t, accept])) as Record<(typeof FACILITATOR_INTENTS)[number], typeof accept>),
      'facilitator.undo': { guard: 'undoable', actions: 'undoAct' },
      'facilitator.end': [
        { guard: { type: 'endsIn', params: { outcome: 'consolidation' } }, target: '.consolidation', actions: 'applyIntent' },
        { guard: { type: 'endsIn', params: { outcome: 'drift' } }, target: '.drift', actions: 'applyIntent' },
        { guard: { type: 'endsIn', params: { outcome: 'unraveling' } }, target: '.unraveling', actions: 'applyIntent' },
      ],
    },
    states: {
      [PHASE_STATE.ceasefire]: roundCycle('ceasefire'),
      [PHASE_STATE.A]: roundCycle('A'),
      [PHASE_STATE.B]: roundCycle('B'),
      [PHASE_STATE.C]: roundCycle('C'),
      consolidation: ending('consolidation'),
      drift: ending('drift'),
      unraveling: ending('unraveling'),
    },
  });
}

export type GameMachine = ReturnType<typeof createGameMachine>;
