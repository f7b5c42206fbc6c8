// The hot wash (docs/rules.md §7): the discussion right after play, drawn from one view of the
// game. Its prompts take the game's ideas (reciprocity, verification, attribution, sanctions
// leverage, spoilers) to what happened in this game; its marks put the events on the tension
// curve; its White Cell list says what the facilitator changed. It reads only the events its view
// holds, so the projector's hot wash (from the public view) cannot name what the public may not see.
import { WHITE_CELL_ENDED, type GameEvent, type GameView, type Scenario } from '../engine';

export const HOT_WASH_THEMES = ['reciprocity', 'verification', 'attribution', 'sanctions', 'spoilers'] as const;
export type HotWashTheme = (typeof HOT_WASH_THEMES)[number];

export const THEME_NAMES: Record<HotWashTheme, string> = {
  reciprocity: 'Reciprocity',
  verification: 'Verification',
  attribution: 'Attribution',
  sanctions: 'Sanctions leverage',
  spoilers: 'Spoilers',
};

export interface HotWashPrompt {
  theme: HotWashTheme;
  /** The round it is about, or null for the theme's general question (nothing in this game touched it). */
  round: number | null;
  text: string;
}

export type HotWashMarkKind = 'inject' | 'white-cell' | 'secured' | 'broken' | 'incident';

export interface HotWashMark {
  round: number;
  kind: HotWashMarkKind;
  text: string;
}

/** One act of the White Cell, with its reason when it gave one. */
export interface WhiteCellChange {
  round: number;
  text: string;
  reason: string | null;
  undone: boolean;
}

export interface HotWash {
  over: boolean;
  outcome: GameView['outcome'];
  endReason: string | null;
  /** Tension after each resolved round. */
  curve: Array<{ round: number; tension: number }>;
  marks: HotWashMark[];
  prompts: HotWashPrompt[];
  whiteCell: WhiteCellChange[];
}

export type HotWashView = Pick<GameView, 'events' | 'history' | 'outcome' | 'endReason' | 'viewer'>;

/** At most this many prompts a theme tied to this game (the latest events first), so the list stays a discussion. */
const PER_THEME = 2;

/** The events this view may show: all of them for the White Cell or after the end, else only public ones. */
function readable(view: HotWashView): readonly GameEvent[] {
  if (view.outcome !== null || view.viewer.kind === 'facilitator') return view.events;
  return view.events.filter((e) => e.audience === 'all');
}

const MARK_OF: Record<string, HotWashMarkKind> = {
  inject: 'inject',
  'inject.hidden': 'inject',
  override: 'white-cell',
  reveal: 'white-cell',
  undo: 'white-cell',
  'span.secured': 'secured',
  'span.negated': 'broken',
  shock: 'broken',
  violation: 'broken',
  snapback: 'broken',
  incident: 'incident',
};

const WHITE_CELL_KINDS = new Set(['override', 'reveal', 'undo']);

function promptsFor(sc: Scenario, events: readonly GameEvent[]): HotWashPrompt[] {
  const tied: Record<HotWashTheme, HotWashPrompt[]> = { reciprocity: [], verification: [], attribution: [], sanctions: [], spoilers: [] };
  const add = (theme: HotWashTheme, round: number, text: string) => tied[theme].push({ theme, round, text });
  const quote = (e: GameEvent) => e.text.replace(/\.$/, '');
  for (const e of events) {
    const r = e.round;
    switch (e.kind) {
      case 'span.secured':
        add('reciprocity', r, `Round ${r}: ${quote(e)}. What did each side give, and what made the others believe it would hold?`);
        break;
      case 'span.negated':
      case 'shock':
        add('reciprocity', r, `Round ${r}: ${quote(e)}. Who did not match in the window, and what would have made them?`);
        break;
      case 'package.broken':
        add('reciprocity', r, `Round ${r}: ${quote(e)}. Was the promise too big, or the window too short?`);
        break;
      case 'violation':
        add('verification', r, `Round ${r}: ${quote(e)}. How did the others learn of it, and how did they answer?`);
        break;
      case 'defection':
        add('verification', r, `Round ${r}: ${quote(e)}. Would more inspectors or observers have caught it sooner?`);
        break;
      case 'inquiry':
        add(
          'attribution',
          r,
          e.text.includes('inconclusive')
            ? `Round ${r}: ${quote(e)}. What did each delegation do while nobody could be blamed?`
            : `Round ${r}: ${quote(e)}. Who retaliated, and why? Was the finding trusted?`,
        );
        break;
      case 'retaliation':
      case 'misdirected':
        add('attribution', r, `Round ${r}: ${quote(e)}. What did the retaliation cost, and who gained from it?`);
        break;
      case 'penalty':
      case 'snapback':
        add('sanctions', r, `Round ${r}: ${quote(e)}. Did the threat change anyone's behaviour before it fell?`);
        break;
      case 'incident':
        add('spoilers', r, `Round ${r}: ${quote(e)}. Who gained from it, and did the process hold?`);
        break;
      default:
        if (e.kind === 'inject' && e.audience === 'all')
          add('spoilers', r, `Round ${r}: the event "${e.text.split(': ')[0]}". How did it change the room's plans?`);
    }
  }
  const general: Record<HotWashTheme, string> = {
    reciprocity: 'Which concession did you hold back because the matching one might not come? What would have unlocked it?',
    verification: 'Where did you take a step on trust alone? What would it have taken to verify it?',
    attribution: 'When an incident struck, how did you decide whom to blame, and how sure were you?',
    sanctions: 'Did the council or the escrow fund change anyone’s choices, or only punish after the fact?',
    spoilers: `How did ${sc.spoilers.name} and the injects shape the game? Did anyone plan for them?`,
  };
  return HOT_WASH_THEMES.flatMap((theme) => {
    const own = tied[theme].slice(-PER_THEME);
    return own.length ? own : [{ theme, round: null, text: general[theme] }];
  });
}

/**
 * The hot wash of the game as `view` shows it. `record` is the White Cell's own record (the
 * console has it: rulings, reveals, injects, undos, hand-overs and clocks, with reasons); without
 * it, the White Cell's public lines stand for it.
 */
export function buildHotWash(sc: Scenario, view: HotWashView, record?: readonly WhiteCellChange[]): HotWash {
  const events = readable(view);
  const marks: HotWashMark[] = [];
  for (const e of events) {
    const kind = MARK_OF[e.kind];
    if (kind) marks.push({ round: e.round, kind, text: e.text });
    else if (e.kind === 'ended' && e.text.startsWith(WHITE_CELL_ENDED)) marks.push({ round: e.round, kind: 'white-cell', text: e.text });
  }
  const whiteCell =
    record ??
    events
      .filter((e) => WHITE_CELL_KINDS.has(e.kind) || (e.kind === 'ended' && e.text.startsWith(WHITE_CELL_ENDED)))
      .map((e) => ({ round: e.round, text: e.text, reason: null, undone: false }));
  return {
    over: view.outcome !== null,
    outcome: view.outcome,
    endReason: view.endReason,
    curve: view.history.map((x) => ({ round: x.round, tension: x.tension })),
    marks,
    prompts: promptsFor(sc, events),
    whiteCell: [...whiteCell],
  };
}
