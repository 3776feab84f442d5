import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The seams between layers (ARCHITECTURE.md: seams), read from the import lines of every source
// file: reads under db/ never reach into write modules or Next-bound code, components never call
// queries (their page feeds them), and the safety rules import only each other.
// ALLOWED lists what was already there when this test was written and is too invasive to move in
// one step; each entry has its reason. The list may only shrink: an entry that no longer occurs
// fails the test, so whoever removes a violation also removes its line.

const ROOT = path.resolve(import.meta.dirname, '../..');

type Violation = `${string} -> ${string}`;

const ALLOWED: Record<Violation, string> = {
  // db/ → write modules
  'db/queries/custody.ts -> app/lib/firearms/custody.ts': 'the hand-off facts (checkFactsOf, lastReturnOf) are shared by the custody log and rule 2; they belong in a facts module',
  'db/queries/incidents.ts -> app/lib/incidents/file.ts': 'ANONYMOUS_LABEL is a constant of the filing module; it belongs with the incident facts',
  'db/queries/invites.ts -> app/lib/account.ts': 'findInvite reads the invite state the password-setting core also checks',
  // components/ → db/queries
  'components/audit/audit-entries.tsx -> db/queries/audit.ts': 'a server component that loads its own entries; its pages should pass them in',
  'components/dashboard/cards.tsx -> db/queries/dashboard.ts': 'each dashboard card streams in its own <Suspense> and loads its figure; the memo policy lives here too',
  'components/dashboard/cards.tsx -> db/queries/dashboard-memo.ts': 'the same cards keep each figure per data version',
  'components/firearms/check-list.tsx -> db/queries/checks.ts': 'a server component shared by the checks and firearm pages that loads its rows',
  'components/incidents/attachments-panel.tsx -> db/queries/attachments.ts': 'loads the photos of the incident it is given',
  'components/incidents/reporter-conversation.tsx -> db/queries/anonymous.ts': 'loads the conversation with the anonymous reporter',
  'components/delivery/who-was-told.tsx -> db/queries/delivery.ts': 'the "who was told" panel loads the outbox rows of the record it is given, on the incident and hold pages',
  'components/productions/waiting-list.tsx -> db/queries/home.ts': "the overview's \"waiting for you\" list loads the member's own items; the page should pass them in",
  'components/signals/overview-signals.tsx -> db/queries/signals.ts': "the overview's unacknowledged signals and hotline load themselves; the page should pass them in",
  'components/signals/signal-panel.tsx -> db/queries/signals.ts': 'the signal panel on a record loads its escalation settings; the page should pass them in',
  'components/shell/notification-bell.tsx -> db/queries/notifications.ts': 'the bell in the signed-in shell counts unread notifications itself',
  // app/lib/rules/ → anything else
  'app/lib/rules/acknowledgement.ts -> app/lib/enums.ts': 'the closed sets (roles, kinds) are a leaf module with no imports',
  'app/lib/rules/reminders.ts -> app/lib/time.ts': 'DAY and HOUR; time.ts is pure (no db, no Next, no clock)',
  'app/lib/rules/custody.ts -> app/lib/enums.ts': 'the closed sets (roles, positions, statuses) are a leaf module with no imports',
  'app/lib/rules/deadlines.ts -> app/lib/time.ts': 'DAY and HOUR; time.ts is pure (no db, no Next, no clock)',
  'app/lib/rules/incidents.ts -> app/lib/enums.ts': 'LABELS for the reasons it gives; the closed sets are a leaf module with no imports',
  'app/lib/rules/incidents.ts -> app/lib/time.ts': 'DAY (rule 3 window); time.ts is pure (no db, no Next, no clock)',
  'app/lib/rules/types.ts -> app/lib/enums.ts': 'the closed sets are a leaf module with no imports',
};

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP_DIRS = new Set(['node_modules', '.next', 'data', 'test-results', 'playwright-report', '.git', 'migrations']);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP_DIRS.has(e.name)) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : SOURCE.test(e.name) ? [p] : [];
  });
}

// db/test-utils.ts is test support: it builds its world through app/lib/site.ts like the app does.
const isTest = (rel: string) => /\.test\.tsx?$/.test(rel) || rel === 'db/test-utils.ts';

/** Every module a file names: import/export … from, bare import, dynamic import(), require(). */
export function importsOf(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of src.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of src.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** A repository-relative file for a module specifier, or the bare package name. */
function resolve(fromRel: string, spec: string): string {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(fromRel), spec);
  else return spec;
  for (const ext of ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx']) {
    const cand = base + ext;
    if (fs.existsSync(path.join(ROOT, cand)) && fs.statSync(path.join(ROOT, cand)).isFile()) return cand;
  }
  return base;
}

/** A module under app/lib that changes records: it runs a transaction, defines a core or writes audit entries. */
function isWriteModule(rel: string): boolean {
  if (!rel.startsWith('app/lib/') || rel.startsWith('app/lib/rules/') || rel.startsWith('app/lib/schemas/')) return false;
  const file = path.join(ROOT, rel);
  if (!fs.existsSync(file)) return false;
  return /\b(defineCore|defineUserCore|defineAsyncCore|write|writeWith|appendAudit|storePhoto)\(/.test(fs.readFileSync(file, 'utf8'));
}

const NEXT_BOUND = (target: string) =>
  /^next(\/|$)/.test(target) || /^next-auth(\/|$)/.test(target) || ['app/lib/auth.ts', 'app/lib/auth-options.ts', 'app/lib/action.ts', 'app/lib/http.ts'].includes(target);

function why(rel: string, target: string): string | null {
  // Seeds are writers by design: the demo is made through the app's own cores so it has its audit trail.
  if (rel.startsWith('db/') && !rel.startsWith('db/seed/') && !isTest(rel)) {
    if (NEXT_BOUND(target)) return 'a read under db/ imports Next or the session code';
    if (isWriteModule(target)) return 'a read under db/ imports a write module';
  }
  if (rel.startsWith('components/') && target.startsWith('db/queries/')) return 'a component calls a query instead of being fed by its page';
  if (rel.startsWith('app/lib/rules/') && !isTest(rel) && !target.startsWith('app/lib/rules/')) return 'a safety rule imports something outside app/lib/rules/';
  return null;
}

function violations(): Map<Violation, string> {
  const found = new Map<Violation, string>();
  for (const file of [...walk(path.join(ROOT, 'app')), ...walk(path.join(ROOT, 'components')), ...walk(path.join(ROOT, 'db'))]) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      const target = resolve(rel, spec);
      const reason = why(rel, target);
      if (reason) found.set(`${rel} -> ${target}`, reason);
    }
  }
  return found;
}

describe('import seams', () => {
  const found = violations();

  it('reads the import lines it is meant to (multi-line, type-only, dynamic and bare imports)', () => {
    expect(importsOf("import {\n  a,\n  b,\n} from '@/db/queries/x';\nimport type { A } from './y';\nimport 'server-only';\nconst m = await import('next/headers');")).toEqual([
      '@/db/queries/x',
      './y',
      'server-only',
      'next/headers',
    ]);
  });

  it('finds no import across a seam beyond the listed exceptions', () => {
    const fresh = [...found].filter(([v]) => !(v in ALLOWED)).map(([v, reason]) => `${v}: ${reason}`);
    expect(fresh).toEqual([]);
  });

  it('lists only exceptions that still occur (the list may only shrink)', () => {
    const gone = Object.keys(ALLOWED).filter((v) => !found.has(v as Violation));
    expect(gone).toEqual([]);
  });
});
