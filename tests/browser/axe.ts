// axe-core in the page, for the WCAG 2.2 AA checks of every screen: injected through the DevTools
// protocol (the server's Content-Security-Policy stays as it is), target size on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The violations axe finds on the page as it stands, each as "screen — rule: targets". */
export async function axe(page: Page, screen: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the server's Content-Security-Policy stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    // Target size (WCAG 2.2, 2.5.8) is off by default in axe: on here.
    const r = await run.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found.map((v) => `${screen} — ${v}`);
}
