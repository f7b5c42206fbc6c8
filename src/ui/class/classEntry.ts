// Where the page meets classes: #class opens the teacher's pages; #student=TOKEN (a student's
// personal link) finds their seat, joins it with no other step and shows their class tasks (an
// observer's or the press's link joins their table's public view). The class code loads only when
// a class is used.
import { render } from 'preact';
import type { ClassClient } from '../../net/classClient';
import type { StudentInfo } from '../../net/classProtocol';
import type { App } from '../app';
import { h } from '../dom';

export const STUDENT_KEY = 'interlock.student.v1';

export type ClassRoute = { kind: 'teacher' } | { kind: 'student'; token: string };

export function classRoute(hash: string): ClassRoute | null {
  if (hash === '#class') return { kind: 'teacher' };
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('student');
  return token ? { kind: 'student', token } : null;
}

/** Replaces the game's interface with the teacher's pages; `back` puts the game's back. */
export async function openClassPages(root: HTMLElement, app: App, back: () => void) {
  const [{ ClassApp }, { ClassClient }] = await Promise.all([import('./classApp'), import('../../net/classClient')]);
  const client = new ClassClient();
  history.replaceState(null, '', `${location.pathname}${location.search}#class`);
  render(
    h(ClassApp, {
      scenario: app.builtIn,
      client,
      back: () => {
        client.close();
        history.replaceState(null, '', location.pathname + location.search);
        back();
      },
    }),
    root,
  );
}

/** A student's link: their seat is found, joined, and their tasks shown beside the game. */
export async function followStudentLink(app: App, token: string) {
  history.replaceState(null, '', location.pathname + location.search);
  const { ClassClient } = await import('../../net/classClient');
  const client = new ClassClient();
  const r = await client.call<{ info: StudentInfo }>('student.locate', { token });
  if (!r.ok) {
    client.close();
    return app.notify('error', `This personal link does not open a seat: ${r.reason}`);
  }
  try {
    localStorage.setItem(STUDENT_KEY, token);
  } catch {
    /* private mode: the tasks show until the page is closed */
  }
  const player = r.info.student.role === 'delegation';
  // An observer or the press holds no seat: the link stays in the address, so a reload finds the table again.
  if (!player) history.replaceState(null, '', `${location.pathname}${location.search}#student=${encodeURIComponent(token)}`);
  const joined = await app.rooms.join({
    code: r.info.code,
    as: player ? { kind: 'seat', token } : { kind: 'projector' },
    name: r.info.student.name,
  });
  if (joined) await showTasks(app, client, token, r.info);
}

/** After a reload: the student's tasks come back with their seat. */
export async function resumeStudentTasks(app: App) {
  let token: string | null;
  try {
    token = localStorage.getItem(STUDENT_KEY);
  } catch {
    return;
  }
  const saved = app.rooms.saved();
  if (!token || saved?.as.kind !== 'seat' || saved.as.token !== token) return;
  const { ClassClient } = await import('../../net/classClient');
  const client = new ClassClient();
  const r = await client.call<{ info: StudentInfo }>('student.locate', { token });
  if (r.ok) await showTasks(app, client, token, r.info);
  else client.close();
}

async function showTasks(app: App, client: ClassClient, token: string, info: StudentInfo) {
  const [{ StudentTasks }, { RoleTasks }] = await Promise.all([import('./studentTasks'), import('./roleTasks')]);
  await import('./class.css');
  let host = document.getElementById('class-tasks-root');
  if (!host) {
    host = document.createElement('div');
    host.id = 'class-tasks-root';
    document.body.append(host);
  }
  const names = new Map(app.builtIn.delegations.map((d) => [d.id, d.name]));
  const nameOf = (d: string) => names.get(d) ?? d;
  if (info.student.role !== 'delegation') {
    render(h(RoleTasks, { store: app.store, client, token, first: info, nameOf }), host);
    return;
  }
  render(
    h(StudentTasks, {
      store: app.store,
      client,
      token,
      first: info,
      nameOf,
      chat: (text: string) => app.roomChat('all', text),
    }),
    host,
  );
}
