// One server process owns a data file: a second one is refused with a clear message, and after
// the owner is killed (-9) the file is free again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from './process';

describe('the data file', () => {
  it('is owned by one server process at a time', async () => {
    const data = mkdtempSync(join(tmpdir(), 'interlock-lock-'));
    const a = new ServerProcess(await freePort(), data);
    const b = new ServerProcess(await freePort(), data);
    await a.start();
    await expect(b.start()).rejects.toThrow(/in use by another Interlock server/);
    await a.kill9();
    expect(await b.start()).toMatch(/rooms restored: 0/);
    await b.kill9();
  }, 60_000);
});
