import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules are pure — no database, no Next, no clock — so the Rust replay runs the same code
// (ARCHITECTURE.md: where a new thing goes).
describe('rules module purity', () => {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it.each(files)('%s imports only pure modules and never reads the clock', (file) => {
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(i).toMatch(/^\.\.?\/(?!\.\.\/db)/);
    expect(imports.some((i) => /db|next|server-only|node:/.test(i))).toBe(false);
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
});
