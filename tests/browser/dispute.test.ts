// A binding dispute as a player meets it (docs/rules.md §6.6): a saved solo game in which an
// inquiry named the player's delegation for an attack; on the Council & fund tab the player
// writes its case and files the dispute with the keyboard alone, then reads the dispute's stage and
// deadline. At 1366×768 the section fits its panel, and axe finds nothing on the tab.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { disputableFindings } from '../../src/engine';
import { makeSave } from '../../src/machine/saveFile';
import { GameSession } from '../../src/machine/session';
import { SCENARIO } from '../engine/fixtures';
import { axe } from './axe';
import { gamePages } from './harness';
import { dismissDialogs } from './play';

const pages = gamePages();
const dir = mkdtempSync(join(tmpdir(), 'interlock-dispute-'));
/**
 * An AI-only game, saved at the start of a negotiation in which some delegation may dispute an
 * attribution that names it; the save hands that delegation to the player.
 */
function savedWithFinding(): { file: string; seat: string; incident: number } {
  for (let seed = 1; seed < 200; seed++) {
    const session = GameSession.start(SCENARIO, seed);
    for (let i = 0; i < 40 && !session.done; i++) {
      const s = session.state;
      for (const seat of SCENARIO.delegations.map((d) => d.id)) {
        const finding = s.step === 'negotiation' ? disputableFindings(SCENARIO, s, seat).find((f) => f.kind === 'attribution') : undefined;
        if (finding?.kind !== 'attribution') continue;
        const file = join(dir, `save-${seed}.json`);
        const setup = { mode: 'solo' as const, humans: [seat], difficulty: 'standard' as const };
        writeFileSync(file, JSON.stringify(makeSave(SCENARIO, session, setup, new Date().toISOString())));
        return { file, seat, incident: finding.incident };
      }
      playStep(SCENARIO, session);
    }
  }
  throw new Error('no game in 200 seeds names a delegation for an attack');
}

describe('a binding dispute in the browser', () => {
  it('the player files a dispute by keyboard and reads its stage; the section fits 1366×768 and passes axe', async () => {
    const { file, seat, incident } = savedWithFinding();
    const name = SCENARIO.delegations.find((d) => d.id === seat)?.short ?? seat;
    const page = await pages.open({ size: { width: 1366, height: 768 } });
    await page.locator('#load-save').setInputFiles(file);
    await dismissDialogs(page);
    await page.getByRole('tab', { name: 'Council & fund' }).click();
    const what = `the attribution of incident #${incident}`;
    const filing = page.getByRole('button', { name: `Dispute ${what}` });
    await filing.waitFor();

    // Keyboard only: the case is typed in its field, Tab moves to the button, Enter files.
    await page.getByRole('textbox', { name: `Your case against ${what}` }).focus();
    await page.keyboard.type('The network takes no orders from us.');
    await page.keyboard.press('Tab');
    await expect(filing.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');

    const disputes = page.getByRole('list', { name: 'Disputes' });
    await disputes.getByText(`Dispute #1: ${name} contests ${what}`).waitFor();
    await expect(disputes.textContent()).resolves.toContain('The network takes no orders from us.');
    await expect(disputes.textContent()).resolves.toMatch(/filed in round \d+|fact-finding by|settled|conceded/);
    await expect(filing.count()).resolves.toBe(0);

    const fits = await page.evaluate(() => {
      const section = document.querySelector('[aria-labelledby="disputes-h"]') as HTMLElement | null;
      return section !== null && section.scrollWidth <= section.clientWidth && document.documentElement.scrollWidth <= window.innerWidth;
    });
    expect(fits).toBe(true);
    expect(await axe(page, 'Council & fund with a dispute')).toEqual([]);
    expect(pages.errors).toEqual([]);
  }, 180_000);
});
