// The engine's public surface: pure functions over plain JSON state (./core), and the zod
// schemas of its boundaries: scenario files and intents (in logs and network messages).
export * from './core';
export * from './scenario/schema';
export { parseScenario, parseScenarioText, formatProblems, formatPath } from './scenario/load';
export { intentSchema, parseIntent } from './intentSchema';
