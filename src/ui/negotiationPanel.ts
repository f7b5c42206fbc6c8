// Negotiation: compose linked packages from the move catalogue, answer offers, follow replies.
import { checkIntent, inForce, type Package, type PackageStep } from '../engine';
import { button, h } from './dom';
import { nameOf, moveOf, trackName, type Ctx } from './context';

function stepText(ctx: Ctx, st: PackageStep, i: number): string {
  const m = moveOf(ctx.sc, st.move);
  const after = st.after !== undefined ? ` — runs once step ${st.after + 1} is verified` : '';
  return `${i + 1}. ${nameOf(ctx.sc, st.delegation)}: ${m?.name ?? st.move}${m ? ` (${trackName(ctx.sc, m.track)})` : ''}${after}`;
}

function packageCard(ctx: Ctx, p: Package, actions: HTMLElement | null): HTMLElement {
  return h(
    'article',
    { class: 'pkg', 'aria-label': `Package ${p.id} from ${nameOf(ctx.sc, p.proposer)}, ${p.status}` },
    h('div', { class: 'row' }, h('strong', {}, `#${p.id} from ${nameOf(ctx.sc, p.proposer)}`), h('span', { class: 'spacer' }), h('span', { class: 'tag' }, p.status), h('span', { class: 'tag' }, `window ${p.window}`)),
    p.note ? h('p', { class: 'small' }, `“${p.note}”`) : null,
    h('ol', { class: 'small' }, ...p.steps.map((st, i) => h('li', { style: 'list-style:none' }, stepText(ctx, st, i)))),
    ...p.replies.map((r) => h('div', { class: 'reply' }, `${nameOf(ctx.sc, r.by)} ${r.answer === 'accept' ? 'accepts' : r.answer === 'reject' ? 'rejects' : 'counters'}${r.reason ? `: “${r.reason}”` : '.'}`)),
    actions,
  );
}

export function negotiationPanel(ctx: Ctx): HTMLElement {
  const { sc, view, seat, ui } = ctx;
  if (!seat) return h('div', {});
  const inNegotiation = view.step === 'negotiation';
  const draft = ui.packageDraft;
  const setDraft = (patch: Partial<typeof draft>) => ctx.set({ packageDraft: { ...draft, ...patch } });

  // Offers to answer.
  const incoming = view.packages.filter((p) => p.status === 'proposed' && p.parties.includes(seat) && !p.accepted.includes(seat));
  const incomingEls = incoming.map((p) =>
    packageCard(
      ctx,
      p,
      h(
        'div',
        { class: 'row' },
        button('Accept', () => ctx.send({ type: 'package.accept', actor: seat, package: p.id }), { class: 'primary', 'aria-label': `Accept package ${p.id}`, 'data-key': `acc-${p.id}` }),
        button('Reject', () => ctx.send({ type: 'package.reject', actor: seat, package: p.id, reason: 'We cannot accept these terms.' }), { 'aria-label': `Reject package ${p.id}`, 'data-key': `rej-${p.id}` }),
        button('Counter…', () => ctx.set({ packageDraft: { steps: p.steps.map((s) => ({ ...s })), window: p.window, counterTo: p.id } }), { 'aria-label': `Counter package ${p.id}` }),
      ),
    ),
  );

  // The composer.
  const spanChoices = sc.interlocks.filter((x) => x.phase === view.phase);
  const spanSelect = h(
    'select',
    { id: 'span-pick', 'aria-label': 'Start from a span of the interlock table' },
    h('option', { value: '' }, '— start from a span of the interlock table —'),
    ...spanChoices.map((x) => h('option', { value: x.id }, `${x.name} (${trackName(sc, x.track)})`)),
  );
  spanSelect.addEventListener('change', () => {
    const span = sc.interlocks.find((x) => x.id === spanSelect.value);
    if (!span) return;
    const steps = [span.restraint, ...span.reciprocal].map((m) => ({ delegation: moveOf(sc, m)?.delegation ?? '', move: m }));
    setDraft({ steps, window: span.window });
  });
  const whoSelect = h('select', { id: 'compose-who', 'aria-label': 'Delegation whose move to add' }, ...sc.delegations.map((d) => h('option', { value: d.id, selected: d.id === seat }, d.name)));
  const moveSelect = h('select', { id: 'compose-move', 'aria-label': 'Move to add to the package' });
  const fillMoves = () => {
    const moves = sc.moves.filter((m) => m.delegation === whoSelect.value && m.phases.includes(view.phase) && !(m.kind === 'step' && inForce(view, m.id)));
    moveSelect.replaceChildren(...moves.map((m) => h('option', { value: m.id }, `${m.name} (${m.kind === 'pledge' ? 'pledge' : `${m.cost} AP`}, ${trackName(sc, m.track)})`)));
  };
  whoSelect.addEventListener('change', fillMoves);
  fillMoves();
  const windowSelect = h('select', { id: 'compose-window', 'aria-label': 'Window in rounds' }, ...[1, 2, 3].map((w) => h('option', { value: w, selected: w === draft.window }, `${w} round${w > 1 ? 's' : ''}`)));
  windowSelect.addEventListener('change', () => setDraft({ window: Number(windowSelect.value) }));
  const noteInput = h('input', { id: 'compose-note', type: 'text', maxlength: 200, placeholder: 'A word to the other parties (optional)', 'aria-label': 'Message with the package' });

  const draftRows = draft.steps.map((st, i) => {
    const after = h('select', { 'aria-label': `Trigger for step ${i + 1}` }, h('option', { value: '' }, 'at once'), ...draft.steps.slice(0, i).map((_, j) => h('option', { value: j, selected: st.after === j }, `after step ${j + 1} is verified`)));
    after.addEventListener('change', () => {
      const steps = draft.steps.map((s, k) => (k === i ? (after.value === '' ? { delegation: s.delegation, move: s.move } : { ...s, after: Number(after.value) }) : s));
      setDraft({ steps });
    });
    return h('li', { class: 'row small' }, h('span', { style: 'flex:1' }, stepText(ctx, st, i)), i > 0 ? after : null, button('Remove', () => setDraft({ steps: draft.steps.filter((_, k) => k !== i) }), { 'aria-label': `Remove step ${i + 1}` }));
  });
  const proposal =
    draft.counterTo !== null
      ? ({ type: 'package.counter', actor: seat, package: draft.counterTo, steps: draft.steps, window: draft.window, reason: '' } as const)
      : ({ type: 'package.propose', actor: seat, steps: draft.steps, window: draft.window } as const);
  const problem = draft.steps.length ? checkIntent(sc, view, proposal) : 'Add the steps of both sides first.';
  const composer = h(
    'section',
    { class: 'section', 'aria-labelledby': 'compose-h' },
    h('h2', { id: 'compose-h' }, draft.counterTo !== null ? `Counter-offer to #${draft.counterTo}` : 'Compose a linked package'),
    h('p', { class: 'small muted' }, 'Link your step to the steps that must match it. All named delegations must accept; each step then has to be implemented inside the window.'),
    spanSelect,
    h('div', { class: 'row', style: 'margin-top:6px' }, whoSelect, moveSelect, button('Add step', () => {
      const m = moveOf(sc, moveSelect.value);
      if (m && !draft.steps.some((s) => s.move === m.id)) setDraft({ steps: [...draft.steps, { delegation: m.delegation, move: m.id }] });
    })),
    h('ol', { class: 'plain', 'aria-label': 'Steps of the package' }, ...draftRows),
    h('div', { class: 'row' }, h('label', { for: 'compose-window', class: 'small muted' }, 'Window'), windowSelect),
    h('div', { class: 'row', style: 'margin-top:6px' }, noteInput),
    h(
      'div',
      { class: 'row', style: 'margin-top:6px' },
      button(draft.counterTo !== null ? 'Send counter-offer' : 'Propose package', () => {
        const note = noteInput.value.trim();
        if (proposal.type === 'package.counter') ctx.send({ ...proposal, reason: note });
        else ctx.send(note ? { ...proposal, note } : proposal);
        setDraft({ steps: [], counterTo: null });
      }, { class: 'primary', disabled: !inNegotiation || problem !== null }),
      button('Clear', () => setDraft({ steps: [], counterTo: null })),
    ),
    problem && draft.steps.length ? h('p', { class: 'small muted', role: 'note' }, problem) : null,
  );

  const mine = view.packages.filter((p) => p.round === view.round && p.proposer === seat);
  const agreed = view.packages.filter((p) => p.status === 'accepted' && p.parties.includes(seat));
  const notes = ui.aiNotes.filter((n) => n.round >= view.round - 1 && (!n.sealed || n.round < view.round)).slice(-6);
  const ready = view.delegations[seat]?.ready ?? false;
  return h(
    'div',
    { class: 'tabpanel' },
    h(
      'section',
      { class: 'section' },
      h('div', { class: 'row' }, h('h2', {}, 'Negotiation'), h('span', { class: 'spacer' }), button(ready ? 'Ready — waiting for the others' : 'Ready to commit', () => ctx.send({ type: 'negotiation.ready', actor: seat }), { class: 'primary', disabled: !inNegotiation || ready, 'data-key': 'ready' })),
      !inNegotiation ? h('p', { class: 'small muted' }, view.step === 'commit' ? 'Negotiation is closed: make your sealed commit.' : 'Waiting for the next round.') : null,
    ),
    incoming.length ? h('section', { class: 'section', 'aria-label': 'Offers to answer' }, h('h3', {}, 'Offers to answer'), ...incomingEls) : null,
    inNegotiation ? composer : null,
    mine.length ? h('section', { class: 'section' }, h('h3', {}, 'Your proposals this round'), ...mine.map((p) => packageCard(ctx, p, null))) : null,
    agreed.length ? h('section', { class: 'section' }, h('h3', {}, 'Agreed packages: steps to implement'), ...agreed.map((p) => packageCard(ctx, p, null))) : null,
    notes.length
      ? h('section', { class: 'section', 'aria-label': 'What the AI delegations said' }, h('h3', {}, 'What the other delegations said'), h('ul', { class: 'plain small' }, ...notes.map((n) => h('li', {}, h('strong', {}, `${nameOf(sc, n.delegation)}: `), n.text))))
      : null,
  );
}
