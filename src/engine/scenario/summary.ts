// A short account of what a valid scenario contains, for `npm run scenario:check` and the start
// screen: what an author checks at a glance after editing the file.
import type { Scenario } from './schema';

export interface ScenarioSummary {
  lines: string[];
  /** Things that are legal but probably not what the author meant. */
  warnings: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summarizeScenario(s: Scenario): ScenarioSummary {
  const t = s.tunables;
  const steps = s.moves.filter((m) => m.kind === 'step').length;
  const pledges = s.moves.length - steps;
  const scheduled = s.injects.filter((i) => i.round !== undefined).length;
  const lines = [
    `"${s.title}" (id ${s.id}, schema version ${s.schemaVersion})`,
    `${t.roundLimit} rounds, ${t.actionPoints} action points a round, ceasefire of up to ${plural(t.ceasefireRounds, 'round')}, start tension ${t.startTension}`,
    `${plural(s.delegations.length, 'delegation')}: ${s.delegations.map((d) => `${d.name} (${d.id}, ${d.role})`).join(', ')}`,
    `${plural(s.tracks.length, 'track')}: ${s.tracks.map((x) => x.id).join(', ')}`,
    ...s.phases.map(
      (p) =>
        `phase ${p.id} "${p.name}" needs ${Object.entries(p.requires)
          .map(([track, n]) => `${track} ${n}/${s.interlocks.filter((x) => x.phase === p.id && x.track === track).length}`)
          .join(', ')} (secured spans needed / spans in the table)`,
    ),
    `${plural(s.fronts.length, 'front')}: ${s.fronts.map((f) => f.id).join(', ')}; ${plural(s.proxyNetworks.length, 'proxy network')}`,
    `${plural(s.moves.length, 'move')} (${steps} steps, ${pledges} pledges), ${plural(s.interlocks.length, 'span')} in the interlock table`,
    `${plural(s.injects.length, 'inject')} (${scheduled} scheduled, ${s.injects.length - scheduled} for the facilitator); events list: ${s.injects.filter((i) => i.expected).length} with expected player actions, ${s.injects.filter((i) => i.notes).length} with controller notes`,
    `${plural(s.exerciseObjectives?.length ?? 0, 'exercise objective')} for the evaluation guide`,
  ];
  const warnings: string[] = [];
  for (const d of s.delegations) {
    const own = s.moves.filter((m) => m.delegation === d.id);
    if (own.length === 0) warnings.push(`delegation "${d.id}" has no moves: it can only vote and accept`);
    else if (!s.interlocks.some((x) => [x.restraint, ...x.reciprocal].some((m) => own.some((o) => o.id === m))))
      warnings.push(`delegation "${d.id}" has no step in any span of the interlock table`);
  }
  for (const tr of s.tracks) if (!s.phases.some((p) => tr.id in p.requires)) warnings.push(`track "${tr.id}" is required by no phase`);
  if (!s.moves.some((m) => m.tags.includes('council')))
    warnings.push('no move is tagged "council": the mediation council can never be founded');
  const syn = s.synonyms;
  const phraseCount = (rec: Record<string, string[]> | undefined) => Object.values(rec ?? {}).reduce((a, l) => a + l.length, 0);
  lines.push(
    syn
      ? `synonyms for the message reader: ${plural(phraseCount(syn.delegations), 'phrase')} for delegations, ${plural(phraseCount(syn.moves), 'phrase')} for moves`
      : 'no synonyms: the message reader knows only the names of delegations and moves',
  );
  // One phrase for two moves of the same delegation: the reader cannot tell which is meant.
  const owner = new Map<string, string>();
  for (const [moveId, list] of Object.entries(syn?.moves ?? {})) {
    const d = s.moves.find((m) => m.id === moveId)?.delegation ?? '';
    for (const phrase of list) {
      const key = `${d}|${phrase.toLowerCase()}`;
      const other = owner.get(key);
      if (other !== undefined && other !== moveId) warnings.push(`synonym "${phrase}" names both "${other}" and "${moveId}"`);
      else owner.set(key, moveId);
    }
  }
  return { lines, warnings };
}
