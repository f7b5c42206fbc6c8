// The teacher's pages: the class set-up, then its dashboard (tables live, students and links,
// assessment, comparison, settings). Its own root: it replaces the game's interface while open.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Scenario } from '../../engine';
import type { ClassClient } from '../../net/classClient';
import type {
  ClassCreated,
  ClassOverview,
  ClassSettings,
  ComparedTable,
  StudentRecord,
  TableSummary,
  TeacherCommand,
} from '../../net/classProtocol';
import { button, h, type VNode } from '../dom';
import { download } from '../download';
import { Assessment, StudentWorkView } from './classAssess';
import { Comparison, SettingsForm } from './classCompare';
import { ClassSetup, type SetupInput } from './classSetup';
import { StudentList } from './classStudents';
import { AllTables } from './classTables';
import './class.css';

export const CLASS_KEY = 'interlock.class.v1';
type Creds = { id: string; key: string };
type Tab = 'tables' | 'students' | 'assess' | 'compare' | 'settings';

const loadCreds = (): Creds | null => {
  try {
    const raw = localStorage.getItem(CLASS_KEY);
    return raw ? (JSON.parse(raw) as Creds) : null;
  } catch {
    return null;
  }
};
const saveCreds = (c: Creds | null) => {
  try {
    if (c) localStorage.setItem(CLASS_KEY, JSON.stringify(c));
    else localStorage.removeItem(CLASS_KEY);
  } catch {
    /* private mode: the dashboard works until the page is closed */
  }
};

let seq = 0;
const msgId = () => `cls-${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function ClassApp({ scenario, client, back }: { scenario: Scenario; client: ClassClient; back: () => void }): VNode {
  const [creds, setCreds] = useState<Creds | null>(loadCreds);
  const [overview, setOverview] = useState<ClassOverview | null>(null);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<Tab>('tables');
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [records, setRecords] = useState<StudentRecord[] | null>(null);
  const [compared, setCompared] = useState<ComparedTable[] | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const [, tick] = useState(0);
  const skew = useRef(0);
  const nameOf = useMemo(() => {
    const names = new Map(scenario.delegations.map((d) => [d.id, d.name]));
    return (d: string) => names.get(d) ?? d;
  }, [scenario]);
  const injects = useMemo(
    () => scenario.injects.filter((i) => i.round === undefined).map((i) => ({ id: i.id, title: i.title })),
    [scenario],
  );

  const fail = (r: { ok: false; reason: string }) => setNotice({ kind: 'error', text: r.reason });

  const watch = async (c: Creds) => {
    const r = await client.call<{ overview: ClassOverview }>('class.watch', c);
    if (!r.ok) {
      saveCreds(null);
      setCreds(null);
      return fail(r);
    }
    skew.current = r.overview.now - Date.now();
    setOverview(r.overview);
    if (Object.keys(links).length === 0) {
      const l = await client.call<{ links: ClassCreated['links'] }>('class.links', c);
      if (l.ok) setLinks(Object.fromEntries(l.links.map((x) => [x.student.id, x.token])));
    }
  };

  useEffect(() => {
    client.onUpdate((m) => {
      skew.current = m.now - Date.now();
      setOverview((o) => {
        if (!o) return o;
        const byCode = new Map<string, TableSummary>(m.tables.map((t) => [t.code, t]));
        return { ...o, tables: o.tables.map((t) => byCode.get(t.code) ?? t), ...(m.students ? { students: m.students } : {}) };
      });
    });
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!creds) return;
    void watch(creds);
    client.onReconnect(() => void watch(creds));
  }, [creds]);
  useEffect(() => {
    if (printing) {
      window.print();
      setPrinting(null);
    }
  }, [printing]);

  const create = async (f: SetupInput) => {
    setBusy(true);
    setNotice(null);
    const r = await client.call<ClassCreated>('class.create', {
      title: f.title.trim() || 'My class',
      roster: f.roster,
      preset: f.preset,
      ...(f.tables ? { tables: f.tables } : {}),
      persona: { personality: f.personality, difficulty: f.difficulty },
      ...(f.serverKey.trim() ? { serverKey: f.serverKey.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return fail(r);
    const c = { id: r.id, key: r.key };
    saveCreds(c);
    setLinks(Object.fromEntries(r.links.map((x) => [x.student.id, x.token])));
    setTab('students');
    setCreds(c);
    setNotice({ kind: 'info', text: `Class made: ${r.links.length} students at their seats. Hand out the links, then start the tables.` });
  };

  if (!creds || !overview)
    return h(ClassSetup, {
      delegations: scenario.delegations.length,
      busy,
      error: notice?.kind === 'error' ? notice.text : null,
      create: (f) => void create(f),
      back,
    });

  const auth = creds;
  const run = async (p: Promise<{ ok: true } | { ok: false; reason: string }>, done?: string) => {
    const r = await p;
    if (!r.ok) fail(r);
    else if (done) setNotice({ kind: 'info', text: done });
  };
  const command = (cmd: TeacherCommand, table: string | null) =>
    void run(client.call('class.command', { ...auth, msgId: msgId(), table, command: cmd }));
  const loadRecords = async () => {
    const r = await client.call<{ records: StudentRecord[] }>('class.records', auth);
    if (r.ok) setRecords(r.records);
    else fail(r);
  };
  const loadCompare = async () => {
    const r = await client.call<{ tables: ComparedTable[] }>('class.compare', auth);
    if (r.ok) setCompared(r.tables);
    else fail(r);
  };
  const open = (t: Tab) => {
    setTab(t);
    if (t === 'assess') void loadRecords();
    if (t === 'compare') void loadCompare();
  };
  const tableName = (code: string) => overview.tables.find((t) => t.code === code)?.name ?? code;
  const tabs: Array<[Tab, string]> = [
    ['tables', 'Tables'],
    ['students', 'Students and links'],
    ['assess', 'Assessment'],
    ['compare', 'Comparison'],
    ['settings', 'Settings and data'],
  ];
  const printed = printing ? records?.find((r) => r.student.id === printing) : undefined;
  const assessActs = {
    nameOf,
    tableName,
    grade: (student: string, levels: Record<string, number>, comment: string) =>
      void run(client.call('class.grade', { ...auth, student, levels, comment }), 'Grade saved.').then(loadRecords),
    csv: async () => {
      const r = await client.call<{ csv: string }>('class.csv', auth);
      if (!r.ok) return fail(r);
      download(`${overview.settings.title.replace(/[^\w-]+/g, '-') || 'class'}-grades.csv`, r.csv, 'text/csv');
    },
    refresh: () => void loadRecords(),
    print: (student: string) => setPrinting(student),
  };

  return h(
    'main',
    { class: 'class-page class-dash' },
    h(
      'header',
      { class: 'class-head' },
      h('h1', {}, overview.settings.title),
      h('span', { class: 'muted' }, `${overview.students.length} students · ${overview.tables.length} tables`),
      h(
        'div',
        { class: 'row' },
        button('Set up another class', () => {
          saveCreds(null);
          setCreds(null);
          setOverview(null);
          setLinks({});
        }),
        button('Back to the start', back),
      ),
    ),
    notice ? h('p', { class: `notice ${notice.kind}`, role: notice.kind === 'error' ? 'alert' : 'status' }, notice.text) : null,
    h(
      'div',
      { class: 'class-tabs', role: 'tablist', 'aria-label': 'Class dashboard' },
      ...tabs.map(([t, label]) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t}`,
            'aria-selected': tab === t,
            'aria-controls': `panel-${t}`,
            onclick: () => open(t),
          },
          label,
        ),
      ),
    ),
    h(
      'div',
      { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}`, class: 'class-panel' },
      tab === 'tables'
        ? h(AllTables, {
            tables: overview.tables,
            act: {
              command,
              nameOf,
              injects,
              now: () => Date.now() + skew.current,
              release: (table, message, approved) => void run(client.call('class.release', { ...auth, table, message, approved })),
              muted: overview.settings.moderation.muted,
              extra: overview.settings.extraTime,
              setExtra: (table, delegation, minutes) => {
                const extraTime = { ...overview.settings.extraTime, [`${table}:${delegation}`]: minutes };
                if (!minutes) delete extraTime[`${table}:${delegation}`];
                const settings = { ...overview.settings, extraTime };
                void run(client.call('class.settings', { ...auth, settings }), 'Extra time saved.').then(() =>
                  setOverview((o) => (o ? { ...o, settings } : o)),
                );
              },
              mute: (table, delegation, on) => {
                const key = `${table}:${delegation}`;
                const muted = on
                  ? [...overview.settings.moderation.muted, key]
                  : overview.settings.moderation.muted.filter((x) => x !== key);
                const settings = { ...overview.settings, moderation: { ...overview.settings.moderation, muted } };
                void run(client.call('class.settings', { ...auth, settings })).then(() => setOverview((o) => (o ? { ...o, settings } : o)));
              },
            },
          })
        : tab === 'students'
          ? h(StudentList, {
              students: overview.students,
              tables: overview.tables,
              links,
              nameOf,
              move: (student, table, seat) =>
                void run(
                  seat === '@observer' || seat === '@press'
                    ? client.call('class.role', { ...auth, student, table, role: seat.slice(1) })
                    : client.call('class.move', { ...auth, student, table, delegation: seat }),
                  'Student moved.',
                ),
            })
          : tab === 'assess'
            ? h(Assessment, { records, settings: overview.settings, act: assessActs })
            : tab === 'compare'
              ? h(Comparison, { tables: compared, refresh: () => void loadCompare() })
              : h(SettingsForm, {
                  settings: overview.settings,
                  save: (settings: ClassSettings) =>
                    void run(client.call('class.settings', { ...auth, settings }), 'Settings saved.').then(() =>
                      setOverview({ ...overview, settings }),
                    ),
                  remove: () => {
                    if (!confirm('Delete this class’s rooms, logs, statements, reflections, peer evaluations and grades?')) return;
                    void client.call('class.delete', auth).then((r) => {
                      if (!r.ok) return fail(r);
                      saveCreds(null);
                      setCreds(null);
                      setOverview(null);
                      setNotice({ kind: 'info', text: 'The class’s data is deleted.' });
                    });
                  },
                }),
    ),
    printed
      ? h(
          'section',
          { class: 'print-report', 'aria-label': `Report for ${printed.student.name}` },
          h('h1', {}, `${printed.student.name} — ${overview.settings.title}`),
          h(StudentWorkView, { r: printed, settings: overview.settings, act: assessActs }),
        )
      : null,
  );
}
