import { describe, expect, it } from 'vitest';
import { ANSWERS } from '@/app/lib/rust/answers';
import { COPY_HOSTS as COPY_DOMAINS, ORIGINAL_OUTLET_HOSTS as ORIGINAL_HOSTS } from '@/app/lib/rust/outlets';
import { RUST_CASE } from './rust-case';

const keys = new Set(RUST_CASE.sources.map((s) => s.key));
const allText = JSON.stringify(RUST_CASE);

describe('Rust case data', () => {
  it('every event cites at least one source, and every cited key exists', () => {
    for (const e of RUST_CASE.events) {
      expect(e.sources.length, e.key).toBeGreaterThan(0);
      const cited = [...e.sources, ...(e.disputed?.sources ?? []), ...e.records.flatMap((r) => (r.kind === 'handoff_attempt' ? r.accounts.flatMap((a) => a.sources) : []))];
      for (const k of cited) expect(keys.has(k), `${e.key} cites ${k}`).toBe(true);
    }
    for (const x of [...RUST_CASE.people, ...RUST_CASE.failurePoints, ...RUST_CASE.info.facts]) {
      expect(x.sources.length).toBeGreaterThan(0);
      for (const k of x.sources) expect(keys.has(k), k).toBe(true);
    }
  });

  it('links no syndicated copy, only original outlets and primary bodies, over https', () => {
    const urls = RUST_CASE.sources.map((s) => s.url).filter((u): u is string => u !== null);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) {
      const host = new URL(u).hostname;
      expect(new URL(u).protocol).toBe('https:');
      for (const d of COPY_DOMAINS) expect(host === d || host.endsWith(`.${d}`), `${u} is a copy`).toBe(false);
      expect(ORIGINAL_HOSTS as readonly string[], u).toContain(host);
    }
    // No copy address hides anywhere else in the data either.
    for (const d of COPY_DOMAINS) expect(allText).not.toContain(d);
  });

  it('a source without a link says why', () => {
    for (const s of RUST_CASE.sources.filter((x) => x.url === null)) expect(s.note, s.key).toBeTruthy();
  });

  it('uses the right words: involuntary manslaughter, discharged; never "murder" or "misfired"', () => {
    expect(allText).not.toMatch(/murder/i);
    expect(allText).not.toMatch(/misfire/i);
    expect(allText).toContain('involuntary manslaughter');
    expect(RUST_CASE.events.find((e) => e.key === 'discharge')?.summary).toContain('discharges one live round');
  });

  it('leaves out what the case notes mark unverified: the release date, the exact minute, the day count', () => {
    expect(allText).not.toContain('23 May 2025');
    expect(allText).not.toMatch(/1:4\d p\.m\./);
    expect(RUST_CASE.failurePoints.find((f) => f.key === 'FP4')?.unverified).toBeTruthy();
  });

  it('dates: sort keys are well formed and in the case notes order; approximate days carry a range around their placement', () => {
    const sorted = [...RUST_CASE.events].sort((a, b) => a.seq - b.seq);
    for (const e of sorted) {
      expect(e.sortKey).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      if (e.range) {
        expect(e.approximate).toBe(true);
        expect(e.range.from <= e.sortKey.slice(0, 10) && e.sortKey.slice(0, 10) <= e.range.to).toBe(true);
      }
    }
    const early = RUST_CASE.events.find((e) => e.key === 'early-oct-discharge')!;
    expect(early).toMatchObject({ approximate: true, dateUnverified: true });
    expect(new Set(sorted.map((e) => e.seq)).size).toBe(sorted.length);
  });

  it('the disputed hand-off is marked disputed and carries both accounts', () => {
    const h = RUST_CASE.events.find((e) => e.key === 'handoff')!;
    expect(h.disputed?.note).toMatch(/disputed/);
    const rec = h.records.find((r) => r.kind === 'handoff_attempt');
    expect(rec && rec.kind === 'handoff_attempt' && rec.accounts.map((a) => a.giver.role)).toEqual(['crew', 'armorer']);
  });

  it('failure points FP1\u2013FP8 each link to something in SetSafe that answers them', () => {
    expect(RUST_CASE.failurePoints.map((f) => f.key)).toEqual(['FP1', 'FP2', 'FP3', 'FP4', 'FP5', 'FP6', 'FP7', 'FP8']);
    for (const f of RUST_CASE.failurePoints) {
      expect(f.answers.length).toBeGreaterThan(0);
      for (const a of f.answers) expect(ANSWERS[a]).toBeDefined();
    }
    expect(RUST_CASE.failurePoints.find((f) => f.key === 'FP4')?.answers).toContain('dual-role-flag');
    expect(RUST_CASE.failurePoints.find((f) => f.key === 'FP8')?.answers).toContain('rule-6');
  });

  it('people are names and roles, not accounts', () => {
    for (const p of RUST_CASE.people) expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['key', 'name', 'role', 'sources']));
    expect(allText).not.toMatch(/@/);
  });
});
