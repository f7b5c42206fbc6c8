// The facilitator's console (the White Cell): the room and its seats on the left, and on the
// right the session (pause, clocks, end, the log), injects, rulings and reveals, and messages.
import { type GameView, type Intent, type Scenario } from '../engine';
import { formatCode, type RoomAction } from '../net/protocol';
import type { ConsoleTab, RoomUi } from '../store/gameStore';
import { nameOf } from './context';
import { button, h, type VNode } from './dom';
import { InjectsPanel } from './consoleInjects';
import { RecordPanel } from './consoleRecord';
import { RulingsPanel } from './consoleRulings';
import { TruthPanel } from './consoleTruth';
import { EvaluationPanel, type EvaluationActions } from './consoleEvaluation';
import type { AiNote } from '../net/transport';
import { SessionPanel } from './consoleSession';
import { personaPicker } from './personaPicker';
import { joinUrl, projectorUrl } from './roomFlow';
import { Confirm } from './consoleConfirm';
import type { TalkModelCall } from './consoleModel';
import { humanSeats, noHumanWarning } from './consolePace';
import './whiteCell.css';

export interface ConsoleActions {
  intent(i: Intent): void;
  action(a: RoomAction): void;
  download(): void;
  /** The room's language model for the AI's messages (consoleModel.ts). */
  talkModel: TalkModelCall;
  /** Opens the after-action report or the replay of the room as it stands. */
  debrief(tab: 'report' | 'replay'): void;
  /** Opens the hot wash in the console. */
  hotWash(): void;
  setTab(t: ConsoleTab): void;
  qr(url: string, size?: number): VNode;
  leave(): void;
}

/** The reason typed for the next seat change (the field is left to the browser, so a redraw keeps it); cleared once used. */
function seatReason(): { reason?: string } {
  const el = document.getElementById('seat-reason') as HTMLInputElement | null;
  const reason = el?.value.trim() ?? '';
  if (el) el.value = '';
  return reason ? { reason } : {};
}

/** The room: its code and QR code to join, the projector link, and every seat. */
export function roomSection(sc: Scenario, room: RoomUi, view: GameView, act: ConsoleActions): VNode {
  const url = joinUrl(room.base, room.code);
  const seats = room.info.seats;
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'join-h' },
      h('h2', { id: 'join-h' }, 'Join code'),
      h('div', { class: 'joincode', 'aria-label': `Join code ${formatCode(room.code).split('').join(' ')}` }, formatCode(room.code)),
      act.qr(url, 132),
      h('p', { class: 'small muted' }, `Teams open ${room.base.replace(/^https?:\/\//, '')} and type the code, or scan the QR code.`),
      h(
        'div',
        { class: 'row' },
        h('a', { href: projectorUrl(room.code), target: '_blank', rel: 'noopener', class: 'small' }, 'Open the projector view'),
        h('a', { href: url, target: '_blank', rel: 'noopener', class: 'small' }, 'Join link'),
      ),
      room.info.started
        ? null
        : h(
            'div',
            { style: 'margin-top:8px' },
            h(Confirm, {
              label: 'Start the game',
              // With no team seated, the AI would play every seat: the facilitator is asked first.
              ask: seats.every((s) => s.team === null),
              question: noHumanWarning(room).replace('No team holds a seat', 'No team has claimed a seat yet') + ' Start anyway?',
              yes: 'Yes, start with no teams',
              onYes: () => act.action({ kind: 'start' }),
              attrs: { class: 'primary' },
            }),
            h('p', { class: 'small muted' }, 'Seats no team has claimed are then played by the AI.'),
          ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'seats-h' },
      h('h3', { id: 'seats-h' }, 'Seats'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'seat-reason' }, 'Reason for a seat change (kept in the White Cell record)'),
        h('input', { type: 'text', id: 'seat-reason', maxlength: 400, placeholder: 'e.g. coffee break; the team left early' }),
      ),
      h(
        'table',
        { class: 'seats' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, 'Delegation'), h('th', {}, 'Held by'), h('th', {}, h('span', { class: 'sr-only' }, 'Actions'))),
        ),
        // A body per seat: its row, and under it the persona its AI plays (now or when handed over).
        ...seats.map((s) => {
          const d = view.delegations[s.delegation];
          const status =
            view.step === 'commit'
              ? d?.committed
                ? `committed${d.committedBy ? ` (${d.committedBy})` : ''}`
                : 'not committed'
              : d?.ready
                ? 'ready'
                : '';
          return h(
            'tbody',
            { key: s.delegation },
            h(
              'tr',
              {},
              h(
                'td',
                {},
                h('span', { class: 'dot', style: `background:${sc.delegations.find((x) => x.id === s.delegation)?.color ?? '#888'}` }),
                ` ${nameOf(sc, s.delegation)}`,
              ),
              h(
                'td',
                { class: 'small' },
                s.mode === 'ai' ? `AI${s.team ? ` (team ${s.team} watching)` : ''}` : s.team ? `${s.team}` : 'open',
                s.online.length ? h('div', { class: 'muted' }, `online: ${s.online.join(', ')}`) : null,
                status ? h('div', { class: 'muted' }, status) : null,
              ),
              h(
                'td',
                { class: 'row', style: 'gap:4px' },
                s.mode === 'ai'
                  ? s.team
                    ? button(
                        'Back to team',
                        () => act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'human', ...seatReason() }),
                        {
                          'aria-label': `Back to team: ${nameOf(sc, s.delegation)}`,
                        },
                      )
                    : null
                  : h(Confirm, {
                      label: 'To AI',
                      // The last people in a started game: the AI would then play the round through.
                      ask: room.info.started && humanSeats(room).length === 1 && s.mode === 'human',
                      question: `${nameOf(sc, s.delegation)} is the last seat people hold: with it on the AI, no person is left in the game. Hand it over?`,
                      yes: 'Yes, hand it to the AI',
                      onYes: () =>
                        act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'ai', persona: s.persona, ...seatReason() }),
                      attrs: { 'aria-label': `To AI: ${nameOf(sc, s.delegation)}` },
                    }),
                s.team
                  ? h(Confirm, {
                      label: 'Release',
                      question: `Release ${nameOf(sc, s.delegation)}? ${s.team}'s devices leave the seat and need the join code again.`,
                      yes: 'Yes, release it',
                      onYes: () => act.action({ kind: 'releaseSeat', delegation: s.delegation, ...seatReason() }),
                      attrs: { 'aria-label': `Release ${nameOf(sc, s.delegation)}`, class: 'danger' },
                    })
                  : null,
              ),
            ),
            h(
              'tr',
              { class: 'persona-row' },
              h(
                'td',
                { colspan: 3 },
                h('span', { class: 'small muted' }, s.mode === 'ai' ? 'The AI plays it as ' : 'If the AI plays it: '),
                personaPicker(nameOf(sc, s.delegation), s.persona, (persona) =>
                  act.action({ kind: 'persona', delegation: s.delegation, persona }),
                ),
              ),
            ),
          );
        }),
      ),
    ),
  );
}

export function consoleTabs(
  sc: Scenario,
  room: RoomUi,
  view: GameView,
  tab: ConsoleTab,
  act: ConsoleActions,
  messages: () => VNode,
  notes: readonly AiNote[] = [],
  evaluation?: EvaluationActions,
): VNode {
  const label = (t: ConsoleTab, text: string) =>
    h(
      'button',
      {
        role: 'tab',
        type: 'button',
        id: `ctab-${t}`,
        'aria-selected': String(tab === t),
        'aria-controls': `cpanel-${t}`,
        onclick: () => act.setTab(t),
      },
      text,
    );
  const body =
    tab === 'session'
      ? h(SessionPanel, { room, view, act })
      : tab === 'truth'
        ? h(TruthPanel, { sc, view, notes })
        : tab === 'injects'
          ? h(InjectsPanel, { sc, view, act })
          : tab === 'rulings'
            ? h(RulingsPanel, { sc, view, act })
            : tab === 'record'
              ? h(RecordPanel, { view, acts: room.acts, act })
              : tab === 'evaluation' && evaluation
                ? h(EvaluationPanel, { sc, view, notes, act: evaluation, pushed: room.evaluation })
                : messages();
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': 'Facilitator console' },
      label('session', 'Session'),
      label('truth', 'Truth'),
      label('injects', 'Injects'),
      label('rulings', 'Rulings'),
      label('record', 'Undo'),
      evaluation ? label('evaluation', 'Evaluation') : null,
      label('messages', `Messages (${room.messages.length})`),
    ),
    h('div', { key: tab, role: 'tabpanel', id: `cpanel-${tab}`, 'aria-labelledby': `ctab-${tab}`, class: 'tabpanel' }, body),
  );
}
