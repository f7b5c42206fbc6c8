// docs/scenario-format.md is the contract a scenario author works from: its complete example
// must validate, and every field of the schema must be documented.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/engine/scenario/load';
import { scenarioSchema } from '../../src/engine/scenario/schema';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/scenario-format.md', import.meta.url)), 'utf8');

function docExample(doc: string): string {
  const at = doc.indexOf('<!-- example: hormuz-hotline');
  const start = doc.indexOf('```json\n', at) + '```json\n'.length;
  return doc.slice(start, doc.indexOf('```', start));
}

/** Every field name the schema knows, walking zod/mini's definitions. */
function fieldNames(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown) => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(k);
        walk(v);
      }
    }
    for (const key of ['element', 'innerType', 'valueType', 'options', 'in', 'out']) {
      const v = def[key];
      if (Array.isArray(v)) v.forEach(walk);
      else walk(v);
    }
  };
  walk(scenarioSchema);
  return names;
}

describe('docs/scenario-format.md', () => {
  it('holds a complete example scenario that validates as it is', () => {
    const r = parseScenarioText(docExample(DOC));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('documents every field of the schema', () => {
    const names = fieldNames();
    expect(names.size).toBeGreaterThan(60);
    const missing = [...names].filter((n) => !DOC.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it('describes the shipped smaller scenario, which validates', () => {
    const small = JSON.parse(readFileSync(fileURLToPath(new URL('../../assets/scenarios/gulf-waters.json', import.meta.url)), 'utf8'));
    const r = parseScenario(small);
    expect(r.ok).toBe(true);
    expect(DOC).toContain('gulf-waters.json');
  });
});
