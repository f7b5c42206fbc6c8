// The negotiation machine: phases as states, the round cycle inside each, and the round's flow
// (engine/flow.ts) as resolution transitions whose guards are named after the rules they call.
import { assign, setup } from 'xstate';
import {
  allCommittedBut,
  allReadyBut,
  applyIntent,
  bridgeComplete,
  ceasefireExpired,
  checkIntent,
  createGame,
  ENDING_REASON,
  endGame,
  enterPhase,
  frameworkAgreed,
  nextRound,
  openCommit,
  openNegotiation,
  resolveRound,
  roundChecks,
  roundLimitReached,
  startBriefing,
  truceCollapsed,
  type GameState,
  type Intent,
  type Outcome,
  type PhaseId,
  type Scenario,
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
}

export type GameInput = { seed: number };

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
        event.type === 'facilitator.end' &&
        event.outcome === params.outcome &&
        checkIntent(scenario, context.game, event) === null,
    },
    actions: {
      applyIntent: assign(({ context, event }) => ({
        game: applyIntent(scenario, context.game, event),
        log: logged(context, event),
      })),
      logIntent: assign(({ context, event }) => ({ log: logged(context, event) })),
      startBriefing: assign(({ context }) => ({ game: startBriefing(scenario, context.game) })),
      openNegotiation: assign(({ context }) => ({ game: openNegotiation(context.game) })),
      openCommit: assign(({ context }) => ({ game: openCommit(context.game) })),
      resolveRound: assign(({ context }) => ({ game: resolveRound(scenario, context.game) })),
      nextRound: assign(({ context }) => ({ game: nextRound(scenario, context.game) })),
      enterPhase: assign(({ context }, params: { phase: PhaseId }) => ({
        game: enterPhase(scenario, context.game, params.phase),
      })),
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
  const resolutionOf = (phase: PhaseId) => [
    ...roundChecks(phase).map((c) =>
      c.then.kind === 'end'
        ? ({ guard: c.guard, target: `#interlock.${c.then.outcome}` } as const)
        : ({ guard: c.guard, target: `#interlock.${PHASE_STATE[c.then.phase]}`, actions: 'nextRound' } as const),
    ),
    { target: 'briefing', actions: 'nextRound' } as const,
  ];

  const roundCycle = (phase: PhaseId) => {
    const resolution = resolutionOf(phase);
    return {
      initial: 'briefing',
      entry: phase === 'ceasefire' ? [] : [{ type: 'enterPhase', params: { phase } } as const],
      states: {
        briefing: { entry: 'startBriefing', always: { target: 'negotiation' } },
        negotiation: {
          entry: 'openNegotiation',
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
        resolution: { entry: 'resolveRound', always: resolution },
      },
    } as const;
  };

  const ending = (outcome: Outcome) => ({
    type: 'final' as const,
    entry: { type: 'endGame' as const, params: { outcome, reason: ENDING_REASON[outcome] } },
  });

  return m.createMachine({
    id: 'interlock',
    context: ({ input }) => ({ game: createGame(scenario, input.seed), log: [] }),
    initial: 'ceasefire',
    on: {
      ...(Object.fromEntries(FACILITATOR_INTENTS.map((t) => [t, accept])) as Record<
        (typeof FACILITATOR_INTENTS)[number],
        typeof accept
      >),
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
