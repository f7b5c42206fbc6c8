// Playing the player's part of a solo game by accessible names, as game.test.ts does: shared by
// the browser tests that need a game to move on.
import type { Page } from 'playwright-core';

export const visible = async (page: Page, role: Parameters<Page['getByRole']>[0], name: string | RegExp, exact = false) => {
  const l = page.getByRole(role, { name, exact }).first();
  return (await l.count()) > 0 && (await l.isVisible().catch(() => false));
};

/** Closes the guide and the round summary, as a player would before looking around. */
export async function dismissDialogs(page: Page) {
  for (let i = 0; i < 5; i++) {
    if (await visible(page, 'button', 'Skip the guide')) await page.getByRole('button', { name: 'Skip the guide' }).click();
    else if (await visible(page, 'button', 'Continue', true)) await page.getByRole('button', { name: 'Continue', exact: true }).click();
    else return;
  }
}

/** Plays the player's part of the current step; returns false once the game is over. */
export async function playStep(page: Page): Promise<boolean> {
  if (await visible(page, 'heading', 'The talks are over')) return false;
  if (await visible(page, 'button', 'Skip the guide')) {
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    return true;
  }
  if (await visible(page, 'button', 'Continue', true)) {
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    return true;
  }
  const ready = page.getByRole('button', { name: 'Ready to commit' });
  if ((await ready.count()) && (await ready.isEnabled())) {
    for (let i = 0; i < 10; i++) {
      const accept = page.getByRole('button', { name: /^Accept package/ }).first();
      if (!(await accept.count())) break;
      await accept.click({ timeout: 2000 }).catch(() => undefined);
    }
    const pick = page.getByRole('combobox', { name: 'Start from a span of the interlock table' });
    const options = await pick.locator('option').count();
    for (let k = 1; k < options; k++) {
      await pick.selectOption({ index: k });
      const propose = page.getByRole('button', { name: 'Propose package' });
      if (await propose.isEnabled()) await propose.click();
    }
    await ready.click({ timeout: 2000 }).catch(() => undefined);
    return true;
  }
  if (await visible(page, 'button', 'Go to commit')) {
    await page.getByRole('button', { name: 'Go to commit' }).click();
    return true;
  }
  const seal = page.getByRole('button', { name: 'Seal commit' });
  if (await seal.count()) {
    const promised = page.getByRole('checkbox', { name: /promised/ });
    const n = await promised.count();
    for (let k = 0; k < n; k++) {
      const box = page.getByRole('checkbox', { name: /promised/ }).nth(k);
      if ((await box.isEnabled()) && !(await box.isChecked())) await box.check({ timeout: 2000 }).catch(() => undefined);
    }
    if (await seal.isEnabled()) await seal.click({ timeout: 2000 }).catch(() => undefined);
    return true;
  }
  await page.waitForTimeout(100);
  return true;
}

/** Starts a solo game as `seat` with `seed` from the start screen, and closes the guide. */
export async function startSolo(page: Page, seat: string, seed: number) {
  await page.getByRole('combobox', { name: 'Your delegation' }).selectOption(seat);
  await page.getByRole('spinbutton', { name: 'Seed for the solo game' }).fill(String(seed));
  await page.getByRole('button', { name: 'Start solo game' }).click();
  await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
  await dismissDialogs(page);
}

/** Clicks a button of the top bar, opening its folded "Menu" first where the bar is narrow. */
export async function topBarButton(page: Page, name: string) {
  const bar = page.getByRole('banner');
  const target = bar.getByRole('button', { name, exact: true });
  if (!(await target.isVisible())) await bar.getByRole('button', { name: 'Menu', exact: true }).click();
  await target.click();
}

/** Closes any dialog over the game (a briefing or a round summary), as a player would. */
export async function closeOverlays(p: Page, timeout = 5000) {
  for (let i = 0; i < 3; i++) {
    const dialog = p.locator('.overlay [role="dialog"]').first();
    if (!(await dialog.isVisible().catch(() => false))) return;
    await dialog
      .locator('button.primary, button')
      .first()
      .click({ timeout })
      .catch(() => undefined);
  }
}
