// The record with times: every logged intent and chat line carries its round, step and wall time,
// and the White Cell's room actions (seats handed over, time added, clocks, pace) are in the
// downloaded record with their reasons; the room comes back with them after a restore.
import { describe, expect, it } from 'vitest';
import { logFile } from '../../src/server/roomInfo';
import { msgId, roomWith, withTestServer } from './helpers';

// The AI keeps the room's pace (its clocks), so the round stays where the White Cell acts: the record's
// round and step are pinned, not guessed.
const server = withTestServer({ aiPace: 'room' });

describe('the White Cell record', () => {
  it('has the room actions with reasons, and intents and chat with round, step and time', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran']);
    const room = server().rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.clock?.step === 'negotiation', 5000, 'negotiation clock');
    expect(await act({ kind: 'extend', minutes: 2, reason: 'the teams asked for time' })).toEqual({ ok: true });
    expect(await act({ kind: 'seatMode', delegation: 'iran', mode: 'ai', reason: 'coffee break' })).toEqual({ ok: true });
    expect(await act({ kind: 'seatMode', delegation: 'iran', mode: 'human' })).toEqual({ ok: true });
    expect(await iran.call('chat.send', { id: msgId(), to: 'all', text: 'We are back.' })).toEqual({ ok: true });
    expect(await act({ kind: 'seatMode', delegation: 'iran', mode: 'ai', reason: 'x'.repeat(401) })).toMatchObject({ ok: false });

    const { transcript } = logFile(room) as {
      transcript: {
        whiteCell: Array<{ at: string; round: number; step: string; text: string; reason?: string }>;
        intents: Array<{ at: string; round: number | null; step: string | null; type: string }>;
        chat: Array<{ round?: number; step?: string; at: number; text: string }>;
      };
    };
    const texts = transcript.whiteCell.map((e) => `${e.text}${e.reason ? ` | ${e.reason}` : ''}`);
    expect(texts).toContain('Added 2 min to the running clock. | the teams asked for time');
    expect(texts.some((t) => t.startsWith('Handed Islamic Republic of Iran to the AI') && t.endsWith('| coffee break'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Gave Islamic Republic of Iran back'))).toBe(true);
    for (const e of transcript.whiteCell) {
      expect(e.round).toBe(1);
      expect(e.step).toBe('negotiation');
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
    expect(transcript.intents.length).toBe(room.session.log.length);
    for (const i of transcript.intents) {
      expect(i.round).toBeGreaterThanOrEqual(1);
      expect(i.step).toBeTruthy();
      expect(Number.isNaN(Date.parse(i.at))).toBe(false);
    }
    const line = transcript.chat.find((l) => l.text === 'We are back.');
    expect(line).toMatchObject({ round: 1, step: 'negotiation' });
    fac.close();
    iran.close();
  });
});
