// Negotiation: compose linked packages from the move catalogue, answer offers, follow replies.
import { checkIntent, inForce, type Package, type PackageStep } from '../engine';
import { emptyPackage, type PackageDraft } from '../store/gameStore';
import { button, h, valueOf, type VNode } from './dom';
import { nameOf, moveOf, seatOnAi, trackName, type Ctx } from './context';
import { term } from './glossary';
import { moveTerms } from './moveTerms';
import { unansweredOffers } from '../report/roundBriefing';

function stepText(ctx: Ctx, st: PackageStep, i: number): string {
  const m = moveOf(ctx.sc, st.move);
  const after = st.after !== undefined ? ` — runs once step ${st.after + 1} is verified` : '';
  return `${i + 1}. ${nameOf(ctx.sc, st.delegation)}: ${m?.name ?? st.move}${m ? ` (${trackName(ctx.sc, m.track)})` : ''}${after}`;
}

function packageCard(ctx: Ctx, p: Package, actions: VNode | null): VNode {
  return h(
    'article',
    { key: p.id, class: 'pkg', 'aria-label': `Package ${p.id} from ${nameOf(ctx.sc, p.proposer)}, ${p.status}` },
    h(
      'div',
      { class: 'row' },
      h('strong', {}, `#${p.id} from ${nameOf(ctx.sc, p.proposer)}`),
      h('span', { class: 'spacer' }),
      h('span', { class: 'tag' }, p.status),
      h('span', { class: 'tag' }, `window ${p.window}`),
    ),
    p.note ? h('p', { class: 'small' }, `“${p.note}”`) : null,
    h(
      'ol',
      { class: 'small' },
      ...p.steps.map((st, i) => {
        const m = moveOf(ctx.sc, st.move);
        const terms = m ? moveTerms(m) : [];
        return h('li', { style: 'list-style:none' }, stepText(ctx, st, i), ...terms.flatMap((x) => [' · ', x]));
      }),
    ),
    ...p.replies.map((r) =>
      h(
        'div',
        { class: 'reply' },
        `${nameOf(ctx.sc, r.by)} ${r.answer === 'accept' ? 'accepts' : r.answer === 'reject' ? 'rejects' : 'counters'}${r.reason ? `: “${r.reason}”` : '.'}`,
      ),
    ),
    actions,
  );
}

export function negotiationPanel(ctx: Ctx): VNode {
  const { sc, view, seat, ui } = ctx;
  if (!seat) return h('div', {});
  const inNegotiation = view.step === 'negotiation';
  const draft = ui.packageDraft;
  // Handed to the AI, the seat's answers are the AI's: the team's buttons would only be refused.
  const onAi = seatOnAi(ctx);
  const aiNote = onAi
    ? { disabled: true, title: 'The facilitator handed your seat to the AI: it answers for you until you get it back.' }
    : {};

  // Offers to answer.
  const incoming = view.packages.filter((p) => p.status === 'proposed' && p.parties.includes(seat) && !p.accepted.includes(seat));
  // Every counter this seat sent to an offer still on the table, whatever became of it: the card says so.
  const counteredBy = (id: number) => view.packages.filter((q) => q.counterTo === id && q.proposer === seat);
  const incomingEls = incoming.map((p) =>
    packageCard(
      ctx,
      p,
      h(
        'div',
        {},
        h(
          'div',
          { class: 'row' },
          button('Accept', () => ctx.send({ type: 'package.accept', actor: seat, package: p.id }), {
            class: 'primary',
            'aria-label': `Accept package ${p.id}`,
            ...aiNote,
          }),
          button(
            'Reject',
            () => ctx.send({ type: 'package.reject', actor: seat, package: p.id, reason: 'We cannot accept these terms.' }),
            {
              'aria-label': `Reject package ${p.id}`,
              ...aiNote,
            },
          ),
          button(
            'Counter…',
            () => {
              ctx.set({ packageDraft: { ...draft, steps: p.steps.map((s) => ({ ...s })), window: p.window, counterTo: p.id } });
              // The form is further down the panel: bring it into view and put the focus on it.
              requestAnimationFrame(() => {
                const el = document.getElementById('compose-h');
                el?.scrollIntoView({ block: 'start' });
                el?.focus();
              });
            },
            { 'aria-label': `Counter package ${p.id}`, ...aiNote },
          ),
        ),
        counteredBy(p.id).length
          ? h(
              'p',
              { class: 'sent-note small' },
              h(
                'strong',
                {},
                `You sent counter-offer ${counteredBy(p.id)
                  .map((c) => `#${c.id}`)
                  .join(', ')}. `,
              ),
              counteredBy(p.id).some((c) => c.status === 'proposed')
                ? `#${p.id} stays open until one of them is agreed: you can still accept it.`
                : `It was turned down; #${p.id} still stands open: you can still accept it.`,
            )
          : null,
      ),
    ),
  );
  const unanswered = unansweredOffers(view, seat);

  const composer = inNegotiation ? h(Composer, { ctx, seat }) : null;

  const mine = view.packages.filter((p) => p.round === view.round && p.proposer === seat);
  const mineCards = mine.map((p) =>
    packageCard(
      ctx,
      p,
      p.counterTo !== null
        ? h(
            'p',
            { class: 'small muted' },
            `Your counter-offer to #${p.counterTo}: #${p.counterTo} stays open until one of the two is agreed.`,
          )
        : null,
    ),
  );
  const agreed = view.packages.filter((p) => p.status === 'accepted' && p.parties.includes(seat));
  const notes = ui.aiNotes.filter((n) => n.round >= view.round - 1 && (!n.sealed || n.round < view.round)).slice(-6);
  const ready = view.delegations[seat]?.ready ?? false;
  return h(
    'div',
    { class: 'tabpanel' },
    h(
      'section',
      { class: 'section' },
      h(
        'div',
        { class: 'row' },
        h('h2', {}, 'Negotiation'),
        h('span', { class: 'spacer' }),
        button(ready ? 'Ready — waiting for the others' : 'Ready to commit', () => ctx.send({ type: 'negotiation.ready', actor: seat }), {
          class: 'primary',
          disabled: !inNegotiation || ready,
          ...(inNegotiation && !ready && unanswered.length ? { 'aria-describedby': 'ready-warning' } : {}),
        }),
      ),
      inNegotiation && unanswered.length
        ? h(
            'p',
            { class: 'ready-warning small', id: 'ready-warning' },
            h(
              'strong',
              {},
              `${unanswered.length === 1 ? 'One offer is' : `${unanswered.length} offers are`} still unanswered: ${unanswered.map((id) => `#${id}`).join(', ')}. `,
            ),
            ready
              ? 'They lapse if the negotiation closes before you answer.'
              : 'If you are ready and the negotiation closes, they lapse unanswered. Accept, reject or counter them first.',
          )
        : null,
      !inNegotiation
        ? h(
            'p',
            { class: 'small muted' },
            view.step === 'commit' ? 'Negotiation is closed: make your sealed commit.' : 'Waiting for the next round.',
          )
        : null,
    ),
    incoming.length
      ? h('section', { class: 'section', 'aria-label': 'Offers to answer' }, h('h3', {}, 'Offers to answer'), ...incomingEls)
      : null,
    composer,
    mine.length ? h('section', { class: 'section' }, h('h3', {}, 'Your proposals this round'), ...mineCards) : null,
    agreed.length
      ? h(
          'section',
          { class: 'section' },
          h('h3', {}, 'Agreed packages: steps to implement'),
          ...agreed.map((p) => packageCard(ctx, p, null)),
        )
      : null,
    notes.length
      ? h(
          'section',
          { class: 'section', 'aria-label': 'What the AI delegations said' },
          h('h3', {}, 'What the other delegations said'),
          h(
            'ul',
            { class: 'plain small' },
            ...notes.map((n) =>
              h('li', { key: `${n.round}-${n.delegation}-${n.text}` }, h('strong', {}, `${nameOf(sc, n.delegation)}: `), n.text),
            ),
          ),
        )
      : null,
  );
}

/**
 * The composer of a linked package. Everything it holds (steps, window, the delegation and move
 * picked, the note) is the store's draft, so an update of the game redraws it unchanged.
 */
function Composer({ ctx, seat }: { ctx: Ctx; seat: string }): VNode {
  const { sc, view } = ctx;
  const draft = ctx.ui.packageDraft;
  const setDraft = (patch: Partial<PackageDraft>) => ctx.set({ packageDraft: { ...draft, ...patch } });
  const spanChoices = sc.interlocks.filter((x) => x.phase === view.phase);
  const pickSpan = (e: Event) => {
    const span = sc.interlocks.find((x) => x.id === valueOf(e));
    if (!span) return;
    const steps = [span.restraint, ...span.reciprocal].map((m) => ({ delegation: moveOf(sc, m)?.delegation ?? '', move: m }));
    setDraft({ steps, window: span.window });
  };
  const who = draft.who ?? seat;
  const moves = sc.moves.filter(
    (m) => m.delegation === who && m.phases.includes(view.phase) && !(m.kind === 'step' && inForce(view, m.id)),
  );
  const move = moves.find((m) => m.id === draft.move) ?? moves[0];
  const draftRows = draft.steps.map((st, i) => {
    const after = (e: Event) => {
      const v = valueOf(e);
      const steps = draft.steps.map((s, k) =>
        k === i ? (v === '' ? { delegation: s.delegation, move: s.move } : { ...s, after: Number(v) }) : s,
      );
      setDraft({ steps });
    };
    return h(
      'li',
      { key: st.move, class: 'row small' },
      h('span', { style: 'flex:1' }, stepText(ctx, st, i)),
      i > 0
        ? h(
            'select',
            { 'aria-label': `Trigger for step ${i + 1}`, value: st.after === undefined ? '' : String(st.after), onchange: after },
            h('option', { value: '' }, 'at once'),
            ...draft.steps.slice(0, i).map((_, j) => h('option', { key: j, value: String(j) }, `after step ${j + 1} is verified`)),
          )
        : null,
      button('Remove', () => setDraft({ steps: draft.steps.filter((_, k) => k !== i) }), { 'aria-label': `Remove step ${i + 1}` }),
    );
  });
  const proposal =
    draft.counterTo !== null
      ? ({ type: 'package.counter', actor: seat, package: draft.counterTo, steps: draft.steps, window: draft.window, reason: '' } as const)
      : ({ type: 'package.propose', actor: seat, steps: draft.steps, window: draft.window } as const);
  const problem = draft.steps.length ? checkIntent(sc, view, proposal) : 'Add the steps of both sides first.';
  const send = () => {
    const note = draft.note.trim();
    if (proposal.type === 'package.counter') ctx.send({ ...proposal, reason: note });
    else ctx.send(note ? { ...proposal, note } : proposal);
    ctx.set({ packageDraft: { ...emptyPackage(), who: draft.who, move: draft.move } });
  };
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'compose-h' },
    h(
      'h2',
      { id: 'compose-h', tabindex: -1 },
      draft.counterTo !== null ? `Counter-offer to #${draft.counterTo}` : 'Compose a linked package',
    ),
    draft.counterTo !== null
      ? h(
          'p',
          { class: 'sent-note small' },
          h('strong', {}, `Editing a counter-offer to #${draft.counterTo}. `),
          `Change the steps, then send it. #${draft.counterTo} stays open until one of the two is agreed; “Clear” drops the counter.`,
        )
      : null,
    h(
      'p',
      { class: 'small muted' },
      'Link your step to the steps that must match it (a ',
      term('span', 'span'),
      '). All named delegations must accept; each step then has to be implemented inside the ',
      term('window', 'window'),
      '.',
    ),
    // A menu, not a setting: choosing a span fills the draft, and the menu returns to its prompt.
    h(
      'select',
      { id: 'span-pick', 'aria-label': 'Start from a span of the interlock table', value: '', onchange: pickSpan },
      h('option', { value: '' }, '— start from a span of the interlock table —'),
      ...spanChoices.map((x) => h('option', { key: x.id, value: x.id }, `${x.name} (${trackName(sc, x.track)})`)),
    ),
    h(
      'div',
      { class: 'row', style: 'margin-top:6px' },
      h(
        'select',
        {
          id: 'compose-who',
          'aria-label': 'Delegation whose move to add',
          value: who,
          onchange: (e: Event) => setDraft({ who: valueOf(e), move: null }),
        },
        ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
      ),
      h(
        'select',
        {
          id: 'compose-move',
          'aria-label': 'Move to add to the package',
          value: move?.id ?? '',
          onchange: (e: Event) => setDraft({ move: valueOf(e) }),
        },
        ...moves.map((m) =>
          h(
            'option',
            { key: m.id, value: m.id },
            `${m.name} (${m.kind === 'pledge' ? 'pledge' : `${m.cost} AP`}, ${trackName(sc, m.track)})`,
          ),
        ),
      ),
      button('Add step', () => {
        if (move && !draft.steps.some((s) => s.move === move.id))
          setDraft({ steps: [...draft.steps, { delegation: move.delegation, move: move.id }] });
      }),
    ),
    h('ol', { class: 'plain', 'aria-label': 'Steps of the package' }, ...draftRows),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'compose-window', class: 'small muted' }, 'Window'),
      h(
        'select',
        {
          id: 'compose-window',
          'aria-label': 'Window in rounds',
          value: String(draft.window),
          onchange: (e: Event) => setDraft({ window: Number(valueOf(e)) }),
        },
        ...[1, 2, 3].map((w) => h('option', { key: w, value: String(w) }, `${w} round${w > 1 ? 's' : ''}`)),
      ),
    ),
    h(
      'div',
      { class: 'row', style: 'margin-top:6px' },
      h('input', {
        id: 'compose-note',
        type: 'text',
        maxlength: 200,
        placeholder: 'A word to the other parties (optional)',
        'aria-label': 'Message with the package',
        value: draft.note,
        oninput: (e: Event) => setDraft({ note: valueOf(e) }),
      }),
    ),
    h(
      'div',
      { class: 'row', style: 'margin-top:6px' },
      button(draft.counterTo !== null ? 'Send counter-offer' : 'Propose package', send, {
        class: 'primary',
        disabled: view.step !== 'negotiation' || problem !== null,
      }),
      button('Clear', () => setDraft({ steps: [], counterTo: null })),
    ),
    problem && draft.steps.length ? h('p', { class: 'small muted', role: 'note' }, problem) : null,
  );
}
