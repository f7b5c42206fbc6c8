// Cross-reference checks: every id a scenario names must exist, ids are unique, and the
// interlock table can actually complete every phase.
import { MONITOR_RULES } from '../monitors';
import type { Condition, Effects, Scenario } from './schema';

export interface Problem {
  /** JSON path, e.g. "moves[3].delegation". */
  path: string;
  message: string;
}

type Kind = 'delegation' | 'track' | 'front' | 'move' | 'interlock' | 'network';

export function checkReferences(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const sets: Record<Kind, Set<string>> = {
    delegation: uniqueIds(s.delegations, 'delegations', add),
    track: uniqueIds(s.tracks, 'tracks', add),
    front: uniqueIds(s.fronts, 'fronts', add),
    move: uniqueIds(s.moves, 'moves', add),
    interlock: uniqueIds(s.interlocks, 'interlocks', add),
    network: uniqueIds(s.proxyNetworks, 'proxyNetworks', add),
  };
  uniqueIds(s.injects, 'injects', add);
  uniqueIds(s.places, 'places', add);
  uniqueIds(s.phases, 'phases', add);
  uniqueIds(s.exerciseObjectives ?? [], 'exerciseObjectives', add);
  uniqueIds(s.council.penalties, 'council.penalties', add);
  uniqueIds(s.council.ladder, 'council.ladder', add);

  const ref = (kind: Kind, value: string, path: string) => {
    if (!sets[kind].has(value)) add(path, `unknown ${kind} "${value}"`);
  };
  const refKeys = (kind: Kind, rec: Record<string, unknown> | undefined, path: string) => {
    for (const key of Object.keys(rec ?? {})) ref(kind, key, `${path}.${key}`);
  };
  const refEffects = (e: Effects, path: string) => {
    refKeys('front', e.fronts, `${path}.fronts`);
    refKeys('delegation', e.support, `${path}.support`);
    refKeys('network', e.funding, `${path}.funding`);
    refKeys('track', e.verification, `${path}.verification`);
    refKeys('front', e.patrols, `${path}.patrols`);
  };

  s.delegations.forEach((d, i) => {
    uniqueIds(d.secretObjectives, `delegations[${i}].secretObjectives`, add);
    d.secretObjectives.forEach((o, j) => refCondition(o.condition, `delegations[${i}].secretObjectives[${j}].condition`, ref));
    if (d.doctrine) {
      const at = `delegations[${i}].doctrine`;
      refKeys('track', d.doctrine.priorities, `${at}.priorities`);
      uniqueIds(d.doctrine.redLines, `${at}.redLines`, add);
      d.doctrine.redLines.forEach((r, j) => {
        r.when.forEach((m, k) => {
          ref('move', m, `${at}.redLines[${j}].when[${k}]`);
          const owner = s.moves.find((x) => x.id === m)?.delegation;
          if (owner !== undefined && owner !== d.id)
            add(`${at}.redLines[${j}].when[${k}]`, `a red line guards the delegation's own moves; "${m}" belongs to ${owner}`);
        });
        r.requires?.forEach((m, k) => ref('move', m, `${at}.redLines[${j}].requires[${k}]`));
      });
    }
  });

  const phaseIds = s.phases
    .map((p) => p.id)
    .sort()
    .join(',');
  if (phaseIds !== 'A,B,C') add('phases', 'the phases must be exactly A, B and C');
  s.phases.forEach((p, i) => refKeys('track', p.requires, `phases[${i}].requires`));

  s.fronts.forEach((f, i) => f.exposed.forEach((d, j) => ref('delegation', d, `fronts[${i}].exposed[${j}]`)));
  s.proxyNetworks.forEach((n, i) => {
    n.fronts.forEach((f, j) => ref('front', f, `proxyNetworks[${i}].fronts[${j}]`));
    ref('delegation', n.patron, `proxyNetworks[${i}].patron`);
  });

  s.moves.forEach((m, i) => {
    const at = `moves[${i}]`;
    ref('delegation', m.delegation, `${at}.delegation`);
    ref('track', m.track, `${at}.track`);
    if (m.front !== undefined) ref('front', m.front, `${at}.front`);
    if (MONITOR_RULES[m.verifiedBy].needsFront && m.front === undefined)
      add(`${at}.front`, `a move verified by ${MONITOR_RULES[m.verifiedBy].label} must name the front where they verify it`);
    refEffects(m.effects, `${at}.effects`);
    refKeys('network', m.defection?.funding, `${at}.defection.funding`);
    if (m.defection !== undefined && !m.defectable) add(`${at}.defection`, 'a move that cannot be defected on has no defection gains');
  });

  refKeys('delegation', s.synonyms?.delegations, 'synonyms.delegations');
  refKeys('move', s.synonyms?.moves, 'synonyms.moves');

  const moveById = new Map(s.moves.map((m) => [m.id, m]));
  const phaseOrder = ['ceasefire', 'A', 'B', 'C'];
  const spanOfMove = new Map<string, string>();
  s.interlocks.forEach((span, i) => {
    const at = `interlocks[${i}]`;
    ref('track', span.track, `${at}.track`);
    const steps: Array<[string, string]> = [
      [span.restraint, `${at}.restraint`],
      ...span.reciprocal.map((m, j): [string, string] => [m, `${at}.reciprocal[${j}]`]),
    ];
    for (const [moveId, path] of steps) {
      ref('move', moveId, path);
      const m = moveById.get(moveId);
      if (!m) continue;
      if (m.kind !== 'step') add(path, `move "${moveId}" is a pledge; a span needs steps that are implemented`);
      if (!m.phases.includes(span.phase)) add(path, `move "${moveId}" is not available in phase ${span.phase}, where this span is`);
      // docs/rules.md §5.1: a later phase's span cannot be built ahead of time.
      const early = m.phases.filter((ph) => phaseOrder.indexOf(ph) >= 0 && phaseOrder.indexOf(ph) < phaseOrder.indexOf(span.phase));
      if (early.length > 0)
        add(path, `move "${moveId}" is a step of a phase ${span.phase} span but is available earlier (${early.join(', ')})`);
      const other = spanOfMove.get(moveId);
      if (other !== undefined) add(path, `move "${moveId}" is already a step of span "${other}"`);
      else spanOfMove.set(moveId, span.id);
    }
    const restraintOwner = moveById.get(span.restraint)?.delegation;
    span.reciprocal.forEach((m, j) => {
      if (restraintOwner !== undefined && moveById.get(m)?.delegation === restraintOwner)
        add(`${at}.reciprocal[${j}]`, 'a reciprocal step must come from another delegation than the restraint');
    });
  });

  s.phases.forEach((p, i) => {
    for (const [trackId, needed] of Object.entries(p.requires)) {
      const available = s.interlocks.filter((x) => x.phase === p.id && x.track === trackId).length;
      if (sets.track.has(trackId) && available < needed)
        add(
          `phases[${i}].requires.${trackId}`,
          `phase ${p.id} needs ${needed} secured span(s) on "${trackId}" but the interlock table has ${available}`,
        );
    }
  });

  ref('delegation', s.monitors.allocator, 'monitors.allocator');
  s.framework.requiredDelegations.forEach((d, i) => {
    ref('delegation', d, `framework.requiredDelegations[${i}]`);
    if (!s.moves.some((m) => m.delegation === d && m.tags.includes('framework')))
      add(`framework.requiredDelegations[${i}]`, `delegation "${d}" has no move tagged "framework"`);
  });
  s.council.guarantors.forEach((d, i) => ref('delegation', d, `council.guarantors[${i}]`));
  s.council.ladder.forEach((r, i) => refEffects(r.effects, `council.ladder[${i}].effects`));
  s.escrow.pledgers.forEach((d, i) => ref('delegation', d, `escrow.pledgers[${i}]`));
  ref('delegation', s.escrow.recipient, 'escrow.recipient');
  if (s.escrow.holder !== undefined) ref('delegation', s.escrow.holder, 'escrow.holder');
  if (s.council.chair !== undefined) ref('delegation', s.council.chair, 'council.chair');
  s.spoilers.fronts.forEach((f, i) => ref('front', f, `spoilers.fronts[${i}]`));
  for (const [ally, tracks] of Object.entries(s.alliance?.priorities ?? {})) {
    ref('delegation', ally, `alliance.priorities.${ally}`);
    tracks.forEach((tr, i) => ref('track', tr, `alliance.priorities.${ally}[${i}]`));
  }

  s.injects.forEach((inj, i) => {
    refEffects(inj.effects, `injects[${i}].effects`);
    if (inj.audience !== 'all') inj.audience.forEach((d, j) => ref('delegation', d, `injects[${i}].audience[${j}]`));
    if (inj.shock !== undefined) ref('delegation', inj.shock, `injects[${i}].shock`);
    if (inj.round !== undefined && inj.round > s.tunables.roundLimit)
      add(`injects[${i}].round`, `round ${inj.round} is after the round limit (${s.tunables.roundLimit})`);
  });

  return problems;
}

function uniqueIds(items: ReadonlyArray<{ id: string }>, path: string, add: (path: string, message: string) => void): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) add(`${path}[${i}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}

function refCondition(c: Condition, path: string, ref: (kind: Kind, value: string, path: string) => void) {
  switch (c.type) {
    case 'trackSecured':
      return ref('track', c.track, `${path}.track`);
    case 'spanSecured':
      return ref('interlock', c.span, `${path}.span`);
    case 'frontTensionAtMost':
      return ref('front', c.front, `${path}.front`);
    case 'moveImplemented':
    case 'moveNeverImplemented':
      return ref('move', c.move, `${path}.move`);
    case 'fundingAtLeast':
    case 'fundingAtMost':
      return ref('network', c.network, `${path}.network`);
    default:
      return undefined;
  }
}
