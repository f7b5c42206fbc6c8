// What each seat may see (boardgame.io's playerView): one function per audience, filtered at
// the source. The AI decides from these; the server sends only these.
import { cloneState, copyDelegation, shallowCopy } from './draft';
import { deriveSeed } from './rng';
import type { Scenario } from './scenario/schema';
import type { DelegationId, DelegationState, FigureChange, GameEvent, GameState, Incident, Intent, Package, QuietDefection } from './types';

export type Audience = { kind: 'delegation'; id: DelegationId } | { kind: 'public' } | { kind: 'facilitator' };

/** A view has the shape of the state, with secrets removed or masked. */
export type GameView = GameState & { viewer: Audience };

// With the seed and the public log anyone could replay the generator and read every secret.
const HIDDEN_SEED = 0;
const HIDDEN_RNG = 0;
const NONE: ReadonlySet<number> = new Set();
const PUBLIC_PACKAGE = new Set(['accepted', 'fulfilled', 'broken']);

function maskIncident(inc: Incident, revealedTo: boolean): Incident {
  if (inc.revealed || revealedTo) return { ...inc };
  // The true sponsor is secret; the council's finding (attribution) is public.
  return { ...inc, sponsor: 'hidden', attribution: inc.attribution ? { ...inc.attribution } : null };
}

function canSee(e: Pick<GameEvent, 'audience'>, viewer: DelegationId | null): boolean {
  if (e.audience === 'all') return true;
  if (e.audience === 'secret') return false;
  return viewer !== null && e.audience.includes(viewer);
}

// Filtered events are cached by the (never mutated) array they come from, since many views are
// taken of states that share it.
const eventsFor = new WeakMap<readonly GameEvent[], Map<string, GameEvent[]>>();

// The masked incidents of the last array seen: every seat's view of one state masks the same
// incidents (a WeakMap lookup cost more than it saved here).
let lastIncidents: readonly Incident[] | null = null;
let lastMasked: Incident[] = [];

/** The delegations' records, the others' sealed commits left out (shared when none is in). */
function sealedCommits(all: GameState['delegations'], viewer: DelegationId | null): GameState['delegations'] {
  let sealedAny = false;
  for (const id in all) if (id !== viewer && (all[id] as DelegationState).commit !== null) sealedAny = true;
  if (!sealedAny) return all;
  const out: GameState['delegations'] = {};
  for (const id in all) {
    const d = all[id] as DelegationState;
    if (id === viewer || d.commit === null) out[id] = d;
    else {
      const masked = copyDelegation(d);
      masked.commit = null;
      out[id] = masked;
    }
  }
  return out;
}

function incidentsFor(s: GameState, revealed: ReadonlySet<number>): Incident[] {
  if (revealed.size > 0) return s.incidents.map((i) => maskIncident(i, revealed.has(i.id)));
  if (s.incidents !== lastIncidents) {
    lastMasked = s.incidents.map((i) => maskIncident(i, false));
    lastIncidents = s.incidents;
  }
  return lastMasked;
}

function visibleEvents(s: GameState, viewer: DelegationId | null): GameEvent[] {
  let byViewer = eventsFor.get(s.events);
  if (!byViewer) {
    byViewer = new Map();
    eventsFor.set(s.events, byViewer);
  }
  const key = viewer ?? '';
  let hit = byViewer.get(key);
  if (!hit) {
    hit = s.events.filter((e) => canSee(e, viewer));
    byViewer.set(key, hit);
  }
  return hit;
}

// The causes of figure changes follow the same audiences as events (a quiet defection's gain at
// home is the defector's, the cost of a misdirected retaliation is secret).
const changesFor = new WeakMap<readonly FigureChange[], Map<string, FigureChange[]>>();
function visibleChanges(s: GameState, viewer: DelegationId | null): FigureChange[] {
  let byViewer = changesFor.get(s.changes);
  if (!byViewer) {
    byViewer = new Map();
    changesFor.set(s.changes, byViewer);
  }
  const key = viewer ?? '';
  let hit = byViewer.get(key);
  if (!hit) {
    hit = s.changes.filter((c) => canSee(c, viewer));
    byViewer.set(key, hit);
  }
  return hit;
}

/** A delegation's own quiet defections (the public sees none until the facilitator reveals them). */
function ownDefections(list: QuietDefection[], viewer: DelegationId | null): QuietDefection[] {
  if (list.length === 0) return list;
  const own = viewer === null ? [] : list.filter((q) => q.delegation === viewer);
  return own.length === list.length ? list : own;
}

/** One copy per package object (packages are copied on write), so an unchanged package is the same object in the next view and never travels again. */
const wordless = new WeakMap<Package, Package>();
function withoutWords(p: Package): Package {
  let w = wordless.get(p);
  if (!w) {
    w = { ...p, note: '', replies: p.replies.map((r) => ({ ...r, reason: '' })) };
    wordless.set(p, w);
  }
  return w;
}

/** The dealt objectives a viewer may read: its own, those revealed to it, all once the game is over. */
function objectivesFor(s: GameState, viewer: DelegationId | null): GameState['objectives'] {
  if (s.outcome !== null) return s.objectives;
  const toMe = (to: string) => to === 'all' || to === viewer;
  const out: GameState['objectives'] = {};
  for (const [d, dealt] of Object.entries(s.objectives)) {
    if (d === viewer || s.revealed.objectives.some((r) => toMe(r.to) && (r.whose === 'all' || r.whose === d))) out[d] = dealt;
  }
  return out;
}

/**
 * Views are read-only: they share every part of the state that holds no secret, and replace
 * the parts that do (commits, quiet defections, true sponsors, private events, the seed and the
 * generator).
 */
function filtered(s: GameState, viewer: DelegationId | null, audience: Audience, withLog = true): GameView {
  const toViewer = (to: string) => to === 'all' || to === viewer;
  const revealedIncidents = s.revealed.incidents.length
    ? new Set(s.revealed.incidents.filter((r) => toViewer(r.to)).map((r) => r.id))
    : NONE;
  const defectionsShown = s.revealed.defections.some(toViewer);
  const v = shallowCopy(s) as GameView;
  v.seed = HIDDEN_SEED;
  v.rng = HIDDEN_RNG;
  v.funding = {};
  v.delegations = sealedCommits(s.delegations, viewer);
  v.quietDefections = defectionsShown ? s.quietDefections : ownDefections(s.quietDefections, viewer);
  v.objectives = objectivesFor(s, viewer);
  v.incidents = incidentsFor(s, revealedIncidents);
  // Whether a ruled violation was groundless is the White Cell's and the giver's to know (§6.6).
  if (s.violations.some((x) => x.groundless && x.delegation !== viewer))
    v.violations = s.violations.map((x) => {
      if (!x.groundless || x.delegation === viewer) return x;
      const { groundless: _secret, ...open } = x;
      return open;
    });
  // A package is seen by its parties; agreed ones are public commitments, but what the parties
  // said to each other with it (the note, each answer's reason, an AI's reasoning too) stays theirs.
  const packages: Package[] = [];
  for (const p of s.packages) {
    if (viewer !== null && p.parties.includes(viewer)) packages.push(p);
    else if (PUBLIC_PACKAGE.has(p.status)) packages.push(withoutWords(p));
  }
  v.packages = packages;
  v.events = withLog ? visibleEvents(s, viewer) : [];
  v.changes = withLog ? visibleChanges(s, viewer) : [];
  if (!withLog) v.history = [];
  // The events list as the White Cell planned it (held, moved, added, its notes) is its own.
  if (v.msel) delete v.msel;
  v.viewer = audience;
  return v;
}

/**
 * A delegation's view. Given the scenario, a patron also sees the funding of the networks it
 * funds: it pays them, and an objective of keeping one funded must be trackable by its holder.
 */
export function viewFor(s: GameState, delegation: DelegationId, scenario?: Pick<Scenario, 'proxyNetworks'>): GameView {
  const v = filtered(s, delegation, { kind: 'delegation', id: delegation });
  const own = scenario?.proxyNetworks.filter((n) => n.patron === delegation) ?? [];
  if (own.length) v.funding = Object.fromEntries(own.map((n) => [n.id, s.funding[n.id] ?? 0]));
  return v;
}

/**
 * What an AI delegation decides from: its view without the round log and the history, which it
 * does not read (smaller to send to a worker, quicker to build).
 */
export function decisionView(s: GameState, delegation: DelegationId): GameView {
  return filtered(s, delegation, { kind: 'delegation', id: delegation }, false);
}

export function publicView(s: GameState): GameView {
  return filtered(s, null, { kind: 'public' });
}

export function facilitatorView(s: GameState): GameView {
  return { ...cloneState(s), seed: HIDDEN_SEED, rng: HIDDEN_RNG, viewer: { kind: 'facilitator' } };
}

/**
 * The random stream of a seat's AI, handed to it by the authority beside its decision view (never
 * in a view): its draws are its own and repeat on replay, and no view needs the seed for them.
 */
export const seatStream = (s: GameState, delegation: DelegationId): number => deriveSeed(s.seed, delegation);

/**
 * An intent as an audience may read it in the event log: a commit's secret reason stays with the
 * committing delegation and the facilitator (the White Cell sees the ground truth) until the game
 * is over (then the end screen and the debrief show it to all).
 */
export function intentFor(intent: Intent, audience: Audience, over: boolean): Intent {
  if (intent.type !== 'commit.submit' || intent.secretReason === undefined) return intent;
  if (over || audience.kind === 'facilitator' || (audience.kind === 'delegation' && audience.id === intent.actor)) return intent;
  const { secretReason: _hidden, ...open } = intent;
  return open;
}
