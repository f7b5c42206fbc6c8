import { checkReferences, type Problem } from './references';
import { SCHEMA_VERSION, scenarioSchema, type Scenario } from './schema';

export type { Problem };

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Validates a parsed JSON value as a scenario. Never returns a half-loaded scenario. */
export function parseScenario(json: unknown): ScenarioResult {
  if (typeof json === 'object' && json !== null && 'schemaVersion' in json) {
    const v = (json as { schemaVersion: unknown }).schemaVersion;
    if (v !== SCHEMA_VERSION)
      return {
        ok: false,
        problems: [
          {
            path: 'schemaVersion',
            message: `this game reads scenario schema version ${SCHEMA_VERSION}, the file has ${JSON.stringify(v)}`,
          },
        ],
      };
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Parses scenario text (JSON). A syntax error is one problem at the root. */
export function parseScenarioText(source: string): ScenarioResult {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseScenario(json);
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
}
