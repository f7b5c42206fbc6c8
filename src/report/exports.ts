// The report's exports: CSV of every time series, and Markdown of the whole report.
import type { Report } from './report';
import { nameIn } from './report';
import { promiseVerdict } from './ledger';
import { evaluationMarkdown, type EvaluationGuide } from './evaluation';

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per round: tension, each front, each delegation's support and trust, spans, fund, incidents. */
export function reportCsv(r: Report): string {
  const sc = r.scenario;
  const fronts = sc.fronts.map((f) => f.id);
  const dels = sc.delegations.map((d) => d.id);
  const header = [
    'round',
    'phase',
    'tension',
    ...fronts.map((f) => `front_tension.${f}`),
    ...dels.map((d) => `support.${d}`),
    ...dels.map((d) => `trust_in.${d}`),
    'secured_spans',
    'escrow_balance',
    'incidents',
  ];
  const rows = r.history.map((h) => [
    h.round,
    h.phase,
    h.tension,
    ...fronts.map((f) => h.fronts[f] ?? ''),
    ...dels.map((d) => h.support[d] ?? ''),
    ...dels.map((d) => h.trust[d] ?? ''),
    h.secured,
    h.escrow,
    h.incidents,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

const mdCell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');

export const OUTCOME_LINE: Record<string, string> = {
  consolidation: 'Consolidation — the truce became an enforceable compact.',
  drift: 'Drift — the lull holds, but incidents keep rising and nothing is settled.',
  unraveling: 'Unraveling — the truce collapsed into renewed conflict.',
};

/** The report in Markdown; with the White Cell's evaluation guide, its guide and improvement plan follow. */
export function reportMarkdown(r: Report, evaluation?: EvaluationGuide): string {
  const sc = r.scenario;
  const move = (id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
  const span = (id: string | null) => (id ? (sc.interlocks.find((x) => x.id === id)?.name ?? id) : '—');
  const del = (id: string) => nameIn(sc, id);
  const out: string[] = [];
  out.push(`# After-action report: ${sc.title}`);
  out.push('');
  out.push(
    r.over
      ? `**${OUTCOME_LINE[r.outcome ?? ''] ?? r.outcome}** ${r.endReason ?? ''} After ${r.rounds} rounds; seed ${r.seed}; ${r.entries} logged intents; final state ${r.hash}.`
      : `**The game is not over** (round ${r.rounds}). This report reveals every secret: it is for the facilitator. Seed ${r.seed}; ${r.entries} logged intents.`,
  );
  out.push('');
  out.push('_A post-game document: it shows everything, including what each delegation kept secret._');
  out.push('');
  out.push('## Key turning points');
  out.push('');
  for (const t of r.turningPoints)
    out.push(`- Round ${t.round}: ${t.text}${t.tension ? ` (tension ${t.tension > 0 ? '+' : ''}${t.tension})` : ''}`);
  out.push('');
  out.push('## Escalation curve');
  out.push('');
  out.push(
    table(
      ['round', 'phase', 'tension', ...sc.fronts.map((f) => f.name), 'secured spans', 'incidents'],
      r.history.map((h) => [h.round, h.phase, h.tension, ...sc.fronts.map((f) => h.fronts[f.id] ?? ''), h.secured, h.incidents]),
    ),
  );
  out.push('');
  out.push('## Domestic support');
  out.push('');
  out.push(
    table(
      ['round', ...sc.delegations.map((d) => d.short)],
      r.history.map((h) => [h.round, ...sc.delegations.map((d) => h.support[d.id] ?? '')]),
    ),
  );
  out.push('');
  out.push('## Trust the others hold in each delegation');
  out.push('');
  out.push(
    table(
      ['round', ...sc.delegations.map((d) => d.short)],
      r.history.map((h) => [h.round, ...sc.delegations.map((d) => h.trust[d.id] ?? '')]),
    ),
  );
  out.push('');
  out.push('## Promise ledger');
  out.push('');
  out.push(
    table(
      ['package', 'offered', 'by', 'step', 'span', 'answer', 'implemented', 'verified', 'quietly abandoned', 'what became of it'],
      r.ledger.rows.map((row) => [
        `#${row.package}`,
        row.offered,
        del(row.proposer),
        `${del(row.delegation)}: ${move(row.move)}`,
        span(row.span),
        row.agreed !== null ? `agreed round ${row.agreed}${row.settled ? `, ${row.settled}` : ''}` : row.answer,
        row.delivery?.implemented ?? '—',
        row.delivery?.verified ?? '—',
        row.delivery?.defected ?? '—',
        promiseVerdict(row),
      ]),
    ),
  );
  out.push('');
  if (r.ledger.unilateral.length) {
    out.push('### Steps taken outside any agreed package');
    out.push('');
    out.push(
      table(
        ['round', 'step', 'verified', 'what became of it'],
        r.ledger.unilateral.map((i) => [
          i.implemented,
          `${del(i.delegation)}: ${move(i.move)}`,
          i.verified ?? '—',
          i.ended ? `${i.ended.how} in round ${i.ended.round}` : 'in force at the end',
        ]),
      ),
    );
    out.push('');
  }
  out.push('## Spans of the interlock table');
  out.push('');
  out.push(
    table(
      ['span', 'phase', 'track', 'secured', 'negated', 'violated', 'at the end'],
      r.spanCounts.map((x) => [x.name, x.phase, x.track, x.secured, x.negated, x.violated, x.status]),
    ),
  );
  out.push('');
  out.push('## Quiet defections');
  out.push('');
  if (r.defections.length === 0) out.push('No delegation defected quietly.');
  for (const d of r.defections) {
    const caught = r.ledger.instances.find((i) => i.move === d.move && i.defected === d.round)?.ended?.how === 'violated';
    out.push(
      `- Round ${d.round}: ${del(d.delegation)} quietly stopped "${move(d.move)}" — ${caught ? 'caught (verified violation)' : 'never caught'}.`,
    );
  }
  out.push('');
  out.push('## Attribution accuracy');
  out.push('');
  const a = r.attribution;
  out.push(
    `${a.rows.length} incidents; the council named a sponsor ${a.named} times, correctly ${a.correct} times${a.named ? ` (${Math.round((100 * a.correct) / a.named)}%)` : ''}; ${a.misattributed} misattributed; ${a.inconclusive} inconclusive${a.ruled ? `; ${a.ruled} set by the White Cell (not counted as the council's)` : ''}.`,
  );
  out.push('');
  if (a.rows.length)
    out.push(
      table(
        ['incident', 'round', 'front', 'kind', 'severity', 'true sponsor', 'council finding', 'verdict'],
        a.rows.map(({ incident: i, verdict }) => [
          `#${i.id}`,
          i.round,
          sc.fronts.find((f) => f.id === i.front)?.name ?? i.front,
          i.kind,
          i.severity,
          del(i.sponsor),
          i.attribution
            ? i.attribution.named === null
              ? `inconclusive (${i.attribution.confidence}%)`
              : `${del(i.attribution.named)} (${i.attribution.confidence}%${i.attribution.override ? ', set by the White Cell' : ''})`
            : '—',
          verdict === 'misattributed' ? '**MISATTRIBUTED**' : verdict,
        ]),
      ),
    );
  for (const m of a.misdirectedRetaliations) out.push(`- ${m}`);
  out.push('');
  out.push('## Secret objectives');
  out.push('');
  for (const o of r.objectives) {
    out.push(`### ${sc.delegations.find((d) => d.id === o.delegation)?.name ?? o.delegation}: ${o.score} points`);
    out.push('');
    for (const x of o.objectives) out.push(`- ${x.met ? '[x] met' : '[ ] not met'}: ${x.text} (${x.points} points)`);
    out.push('');
  }
  if (evaluation) out.push(evaluationMarkdown(sc, evaluation, r));
  return out.join('\n');
}
