import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { getSqlite } from '@/db/client';

// The benchmark's "bare Next.js" floor (ARCHITECTURE.md: performance budget): the same incident insert as filing, with no
// auth, validation, rules or audit. It exists only while SETSAFE_BENCH=1; otherwise it is a 404.
export async function POST() {
  if (process.env.SETSAFE_BENCH !== '1') return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  const productionId = process.env.SETSAFE_BENCH_PRODUCTION ?? '';
  const id = randomUUID();
  const now = Date.now();
  getSqlite()
    .prepare(
      `insert into incidents (id, production_id, number, reporter_id, anonymous, type, severity, status, reported_at, location, scene, description, immediate_actions, people_involved, updated_at)
       values (?, ?, (select coalesce(max(number), 0) + 1 from incidents where production_id = ?), null, 0, 'unsafe_condition', 'unrated', 'reported', ?, 'Stage 2', '', 'bench floor', '', '', ?)`,
    )
    .run(id, productionId, productionId, now, now);
  return NextResponse.json({ id }, { status: 201 });
}
