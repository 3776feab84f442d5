import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from './enums';
import { ACTIONS, can, isWriteAction } from './policy';

// docs/ARCHITECTURE.md "Permission matrix" is generated from the policy; this test keeps the two
// equal, so the document a newcomer reads is the matrix the server enforces.
const DOC = path.resolve(import.meta.dirname, '../../docs/ARCHITECTURE.md');
const START = '<!-- permission-matrix:start (generated from app/lib/policy.ts; app/lib/policy-doc.test.ts checks it) -->';
const END = '<!-- permission-matrix:end -->';

export function permissionMatrixMarkdown(): string {
  const head = `| action | ${ROLES.join(' | ')} | refused when wrapped |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|---|`;
  const rows = ACTIONS.map((a) => `| \`${a}\` | ${ROLES.map((r) => (can(r, a) ? 'yes' : '—')).join(' | ')} | ${isWriteAction(a) ? 'yes' : 'no'} |`);
  return [head, rule, ...rows].join('\n');
}

describe('docs/ARCHITECTURE.md permission matrix', () => {
  it('is the matrix in app/lib/policy.ts, role by action', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    expect(from, 'the start marker is in the document').toBeGreaterThan(-1);
    expect(to, 'the end marker follows it').toBeGreaterThan(from);
    expect(doc.slice(from + START.length, to).trim()).toBe(permissionMatrixMarkdown());
  });
});
