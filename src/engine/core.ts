// The engine's public surface without zod: pure functions over plain JSON state, and the types.
// The AI (and its Web Worker) imports this, so it does not bundle the schema library; the
// boundary schemas (scenario files, intents in logs and messages) are in ./index.
export * from './types';
export type * from './scenario/schema';
export type { Problem, ScenarioResult } from './scenario/load';
export { catalog } from './catalog';
export { standingStep, inForce, isDefected, lastImplemented } from './standing';
export { createGame, ENGINE_VERSION } from './setup';
export { checkIntent, applyIntent, legalIntents, commitMoves, apAvailable, spanPackages } from './intents';
export {
  spanSecured,
  stepsInWindow,
  stepsVerified,
  noVerifiedViolationSince,
  bridgeComplete,
  securedSpansOn,
  windowClosedUnmatched,
  snapbackArmed,
} from './interlock';
export {
  bridgeStatus,
  bridgeShortfall,
  commitCost,
  mayRetaliate,
  retaliableIncidents,
  retaliationTargets,
  retaliationProblem,
  RETALIATION_COST,
  type BridgeStatus,
  type TrackStatus,
} from './queries';
export { resolveRound, verificationChance, detectionChance, effectiveFunding } from './resolution';
export { passedOverAllies } from './negotiation';
export { MONITOR_RULES, monitorOf, type MonitorRule } from './monitors';
export * from './round';
export { mselRows, mselInject, dueInjects, checkMsel, type MselRow, type MselStatus } from './msel';
export {
  undoAct,
  undoInLog,
  droppedPrefix,
  undoProblem,
  actsAfter,
  isUndoable,
  UNDOABLE_ACTS,
  type DroppedIntent,
  type LaterIntent,
  type Undone,
  type UndoableAct,
  type UndoLogEntry,
} from './undo';
export { intentWords, actorWords } from './intentWords';
export {
  FLOW_GUARDS,
  ENDING_REASON,
  NEXT_PHASE,
  ADVANCE_WHEN,
  END_CHECKS,
  endingOf,
  roundChecks,
  afterRound,
  beginAfter,
  closeRound,
  openingState,
  type FlowGuard,
  type FlowGuards,
  type FlowStep,
  type RoundCheck,
  type Ending,
  type UnravelingCause,
} from './flow';
export { WHITE_CELL_ENDED, WHITE_CELL_NO_REASON } from './facilitator';
export { dealtObjectives, objectivesOf, score, scoreBreakdown, scores, OUTCOME_POINTS, type ScoreBreakdown } from './objectives';
export { viewFor, decisionView, publicView, facilitatorView, intentFor, seatStream, type GameView, type Audience } from './views';
export { scenarioFor, scenarioVersion } from './scenarioView';
export { hashValue, canonicalJson } from './hash';
export { inquiryConfidence } from './council';
export {
  disputableFindings,
  findingOf,
  findingText,
  respondentFor,
  panelFor,
  barredFromDisputes,
  fileProblem,
  answerProblem,
  complyProblem,
  COMPLIANCE_TRUST,
  hasDisputeBusiness,
} from './dispute';
export { continueSeed, deriveSeed, nextFloat } from './rng';
export { MAX_TALK_TEXT, MAX_TALK_PER_ROUND, unansweredTalk, hasUnansweredTalk } from './talk';
export { MAX_PACKAGE_STEPS } from './intentSchema';

import { hashValue } from './hash';
import type { GameState } from './types';

/** The state hash used by replay, saves and golden tests. */
export const stateHash = (s: GameState): string => hashValue(s);
