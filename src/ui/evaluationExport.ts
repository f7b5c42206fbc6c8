// The room's side of the console's evaluation tab: loading and saving the guide on the server, and
// the Markdown of the after-action report as it stands with the guide and the improvement plan.
import type { LogEntry } from '../machine/gameMachine';
import { reportMarkdown } from '../report/exports';
import { buildReport } from '../report/report';
import { buildTimeline } from '../report/timeline';
import type { App } from './app';
import type { EvaluationActions } from './consoleEvaluation';
import { download } from './download';

export function evaluationActions(app: App, code: string): EvaluationActions {
  const room = () => app.controller.room;
  const gone = { ok: false as const, reason: 'the console is not in a room' };
  return {
    room: code,
    load: async () => (await room()?.loadEvaluation()) ?? gone,
    save: async (objective, entry) => (await room()?.saveEvaluation(objective, entry)) ?? gone,
    downloadMarkdown: (guide) =>
      void (async () => {
        const t = room();
        if (!t) return;
        const r = await t.downloadLog();
        if (!r.ok) return app.notify('error', r.reason);
        const { log } = r.log as { log: { seed: number; entries: LogEntry[] } };
        const report = buildReport(buildTimeline(app.sc, log.seed, log.entries));
        download(`interlock-room-${code}-report-and-plan.md`, reportMarkdown(report, guide), 'text/markdown');
      })(),
  };
}
