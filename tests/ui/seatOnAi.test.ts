// A team whose seat the facilitator handed to the AI watches: the AI answers for it, so the
// negotiation panel's Accept, Reject and Counter are disabled for it (they would be refused).
import { describe, expect, it } from 'vitest';
import type { RoomUi, UiState } from '../../src/store/gameStore';
import { seatOnAi } from '../../src/ui/context';

const room = (role: RoomUi['role'], mode: 'ai' | 'human'): Pick<UiState, 'room'> => ({
  room: {
    role,
    info: {
      seats: [{ delegation: 'iran', mode, team: 'Team Tehran', online: [], persona: { personality: 'pragmatic', difficulty: 'standard' } }],
    },
  } as unknown as RoomUi,
});

describe('a seat on the AI', () => {
  it('is on the AI for its own team only while the facilitator has handed it over', () => {
    expect(seatOnAi({ seat: 'iran', ui: room({ kind: 'seat', delegation: 'iran' }, 'ai') as UiState })).toBe(true);
    expect(seatOnAi({ seat: 'iran', ui: room({ kind: 'seat', delegation: 'iran' }, 'human') as UiState })).toBe(false);
    // The console and local play are never "on the AI".
    expect(seatOnAi({ seat: 'iran', ui: room({ kind: 'facilitator' }, 'ai') as UiState })).toBe(false);
    expect(seatOnAi({ seat: 'iran', ui: { room: null } as UiState })).toBe(false);
  });
});
