// npm run -s talk -- --from DELEGATION --to DELEGATION --text "..." [--scenario F] [--seed S] [--json]
// Reads a message as its recipient would at the start of a game and prints what it understood
// and the AI's reply. With --json the last line is
// {"intents":[...],"understood":true|false,"reply":"..."} (intents in the game's own format; a
// question is {"type":"question","actor","about"}). Bad arguments exit with code 1, a bad
// scenario with code 2.
import { answerAtStart, talkProblem } from '../ai/talk/atStart';
import { intFlag, parseArgs } from './args';
import { loadScenarioOrExit } from './scenarioFile';

const USAGE = 'usage: npm run -s talk -- --from DELEGATION --to DELEGATION --text "..." [--scenario F] [--seed S] [--json]\n';
const { flags } = parseArgs(process.argv.slice(2));
const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
const from = str('from');
const to = str('to');
const text = str('text');
if (!from || !to || text === undefined) {
  process.stderr.write(USAGE);
  process.exit(1);
}
const scenario = loadScenarioOrExit(str('scenario'));
const seed = intFlag(flags, 'seed', 1);
const problem = talkProblem(scenario, from, to, text);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
const r = answerAtStart(scenario, seed, from, to, text);
if (flags.json) process.stdout.write(`${JSON.stringify({ intents: r.intents, understood: r.understood, reply: r.reply })}\n`);
else {
  process.stdout.write(`${r.understood ? 'understood' : 'not understood'}: ${JSON.stringify(r.intents)}\n`);
  for (const a of r.acts.slice(0, -1)) process.stdout.write(`${to} does: ${JSON.stringify(a)}\n`);
  process.stdout.write(`${to} replies: ${r.reply}\n`);
}
