import Link from 'next/link';
import { cache } from 'react';
import * as Q from '@/db/queries/dashboard';
import { memoFigure, type DataArea } from '@/db/queries/dashboard-memo';
import type { DashboardActor } from '@/db/queries/dashboard';
import { INCIDENT_TYPES, LABELS, SEVERITIES } from '@/app/lib/enums';
import { DAY, formatInZone, formatStamp, localDate, waitedSince } from '@/app/lib/time';
import { dayStart } from '@/app/lib/calendar';
import { SeverityBadge } from '@/components/ui/badge';
import { RuleRef } from '@/components/ui/rule-ref';
import { Item, ItemList, NoneYet, StatCard } from './stat-card';
import { WeeklyChart } from './weekly-chart';
import { can } from '@/app/lib/policy';
import { DecideDuties, RevokeDutyDecision } from './duty-decision';
import { formatCount } from '@/app/lib/numbers';
import { safetyVerdict, type VerdictFacts, type VerdictTarget } from '@/app/lib/rules/verdict';

type Props = { actor: DashboardActor; now: Date };

/**
 * Each figure once per page (React's per-request cache: every card gets the same actor and `now`)
 * and once per data version across requests (memoFigure: recomputed after any committed change).
 */
function figure<R extends unknown[], T>(name: string, fn: (a: DashboardActor, now: Date, ...rest: R) => T, area?: DataArea) {
  return cache((a: DashboardActor, now: Date, ...rest: R) => memoFigure(name, a, now, rest, () => fn(a, now, ...rest), area));
}
const F = {
  holds: figure('holds', (a) => Q.listOpenHolds(a)),
  overdueActions: figure('overdueActions', (a, now) => Q.overdueCorrectiveActions(a, now)),
  deadlines: figure('deadlines', (a, now) => Q.overdueLegalDeadlines(a, now)),
  // These three read only the firearms area (and members' names, which the minute in every key
  // brings up to date): a report filed leaves them standing (per-figure invalidation).
  weapons: figure('weapons', (a, now) => Q.weaponsNotBack(a, now), 'firearms'),
  pending: figure('pending', (a) => Q.checksMissingWitness(a), 'firearms'),
  flags: figure('flags', (a) => Q.listRuleFlags(a)),
  compliance: figure('compliance', (a, _now, since: number) => Q.checkCompliance(a, new Date(since)), 'firearms'),
  armorers: figure('armorers', (a) => Q.armorersWithDuties(a)),
  severity: figure('severity', (a) => Q.openIncidentsBySeverity(a)),
  type: figure('type', (a) => Q.openIncidentsByType(a)),
  weekly: figure('weekly', (a, now) => Q.incidentsPerWeek(a, now, 12)),
  unassigned: figure('unassigned', (a) => Q.oldestUnassigned(a)),
  untriaged: figure('untriaged', (a) => Q.untriagedIncidents(a)),
};

const base = (a: DashboardActor) => `/productions/${a.productionId}`;
const incidentHref = (a: DashboardActor, id: string) => `${base(a)}/incidents/${id}`;
const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

const since = (at: Date, now: Date) => waitedSince(at, now, 'UTC', false);

function targetHref(a: DashboardActor, t: VerdictTarget): string {
  switch (t.screen) {
    case 'hold':
      return `${base(a)}/hold`;
    case 'incident':
      return incidentHref(a, t.id);
    case 'incidents': {
      const q = new URLSearchParams();
      if (t.status) q.set('status', t.status);
      if (t.severity) q.set('severity', t.severity);
      return `${base(a)}/incidents${q.size ? `?${q}` : ''}`;
    }
    case 'dashboard':
      return `${base(a)}/dashboard#${t.card}`;
    case 'custody':
      return `${base(a)}/custody`;
  }
}

/** The facts the verdict weighs, from the same figures the cards below show. */
function verdictFacts(actor: DashboardActor, now: Date): VerdictFacts {
  const tz = actor.production.timeZone;
  const untriaged = F.untriaged(actor, now);
  const week = F.compliance(actor, now, dayStart(localDate(new Date(now.getTime() - 6 * DAY), tz), tz).getTime());
  return {
    holds: F.holds(actor, now).length,
    untriagedCritical: untriaged.critical,
    untriagedCriticalId: untriaged.criticalId,
    overdueLegal: F.deadlines(actor, now).count,
    overdueActions: F.overdueActions(actor, now).count,
    weaponsNotBack: F.weapons(actor, now).overdue,
    untriagedOther: untriaged.other,
    openCritical: untriaged.openCritical,
    recentFlags: F.flags(actor, now).items.filter((f) => now.getTime() - f.createdAt.getTime() < 14 * DAY).length,
    checksAwaitingWitness: F.pending(actor, now).count,
    compliance: week.ratio,
  };
}

const VERDICT_STYLE = {
  stop: { box: 'border-hold bg-hold-solid text-white', mark: '■', link: 'link text-white' },
  attention: { box: 'border-medium bg-warn-soft text-ink', mark: '◆', link: 'link' },
  clear: { box: 'border-ok/40 bg-ok-soft text-ink', mark: '✓', link: 'link' },
} as const;

/** Rule 4: can we shoot, in plain words — the worst state, and every reason with a link to it. */
export function Verdict({ actor, now }: Props) {
  const v = safetyVerdict(verdictFacts(actor, now));
  const style = VERDICT_STYLE[v.level];
  return (
    <div role="status" data-testid="verdict" data-level={v.level} className={`flex min-h-20 flex-col justify-center gap-1 rounded-xl border-2 px-4 py-3 ${style.box}`}>
      <p className="text-xl font-extrabold">
        <span aria-hidden="true">{style.mark} </span>
        {v.headline}
      </p>
      {v.reasons.length ? (
        <ul className="flex flex-col" aria-label="Why">
          {v.reasons.map((r) => (
            <li key={r.text} className="flex items-start gap-2">
              <span aria-hidden="true" className="min-h-11 leading-[2.75rem]">{r.level === 'stop' ? '■' : '◆'}</span>
              <Link className={`${style.link} link-alone`} href={targetHref(actor, r.target)}>
                {r.text}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No hold, nothing untriaged, nothing overdue, every check witnessed.</p>
      )}
    </div>
  );
}

export function HoldsCard({ actor, now }: Props) {
  const holds = F.holds(actor, now);
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-holds" title="Stop-work holds" count={holds.length} countLabel={holds.length ? 'standing' : 'none'} tone={holds.length ? 'danger' : 'ok'}
      footer={<Link className="link link-alone" href={`${base(actor)}/hold`}>Holds and their history</Link>}>
      {holds.length === 0 ? (
        <NoneYet>No hold stands.</NoneYet>
      ) : (
        <ItemList>
          {holds.map((h) => (
            <Item key={h.id}>
              <p className="font-semibold">{h.reason}</p>
              <p className="text-sm text-muted">
                Since {formatStamp(h.calledAt, tz)}, called by {h.calledBy ?? (h.source === 'rule1' ? 'rule 1 (from a report)' : 'an anonymous report')}
                {h.incidentNumber ? ` · incident #${h.incidentNumber}` : ''}
                {h.needsConcurrence ? (h.concurred ? ' · concurrence recorded' : ' · lifting needs a second person’s concurrence') : ''}
              </p>
            </Item>
          ))}
        </ItemList>
      )}
    </StatCard>
  );
}

export function OverdueActionsCard({ actor, now }: Props) {
  const { count, items } = F.overdueActions(actor, now);
  return (
    <StatCard id="card-overdue-actions" title="Overdue corrective actions" count={count} countLabel={count ? 'overdue' : 'none'} tone={count ? 'danger' : 'ok'}>
      {count === 0 ? (
        <NoneYet>Every open corrective action is within its due date.</NoneYet>
      ) : (
        <ItemList>
          {items.map((a) => (
            <Item key={a.id}>
              <p className="font-semibold">{a.what}</p>
              <p className="text-sm text-muted">
                Due {a.dueDate} · {a.owner} ·{' '}
                <Link className="link" href={incidentHref(actor, a.incidentId)}>
                  incident #{a.incidentNumber}
                </Link>
              </p>
            </Item>
          ))}
          {count > items.length ? <Item><span className="text-sm text-muted">and {formatCount(count - items.length)} more</span></Item> : null}
        </ItemList>
      )}
    </StatCard>
  );
}

export function DeadlinesCard({ actor, now }: Props) {
  const { count, items } = F.deadlines(actor, now);
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-deadlines" title="Overdue legal deadlines" count={count} countLabel={count ? 'overdue' : 'none'} tone={count ? 'danger' : 'ok'}
      footer={<span className="text-muted">OSHA: a death within 8 h; in-patient hospitalisation, amputation or loss of an eye within 24 h; Form 301 within 7 days.</span>}>
      {count === 0 ? (
        <NoneYet>No injury report is past a legal deadline.</NoneYet>
      ) : (
        <ItemList>
          {items.flatMap((i) =>
            i.deadlines.map((d) => (
              <Item key={`${i.incidentId}-${d.key}`}>
                <p className="font-semibold">{d.label}</p>
                <p className="text-sm text-muted">
                  <Link className="link" href={incidentHref(actor, i.incidentId)}>Incident #{i.incidentNumber}</Link> · was due {formatInZone(d.dueAt, tz)}
                </p>
              </Item>
            )),
          )}
        </ItemList>
      )}
    </StatCard>
  );
}

export function RuleFlagsCard({ actor, now }: Props) {
  const { count, items } = F.flags(actor, now);
  const tz = actor.production.timeZone;
  const recent = items.filter((f) => now.getTime() - f.createdAt.getTime() < 14 * DAY).length;
  return (
    <StatCard id="card-flags" title="Repeated firearm incidents" count={count} countLabel={count ? (recent ? `${recent} in 14 days` : 'older') : 'none'} tone={recent ? 'danger' : count ? 'warn' : 'ok'}
      footer={<span className="text-muted">Two or more within 7 days of each other are escalated to the producers (<RuleRef n={3} />).</span>}>
      {count === 0 ? (
        <NoneYet>No two near misses, misfires or discharges within 7 days of each other.</NoneYet>
      ) : (
        <ItemList>
          {items.map((f) => (
            <Item key={f.id}>
              <p className="font-semibold">
                {plural(f.incidents.length, 'incident')} within 7 days:{' '}
                {f.incidents.map((i, k) => (
                  <span key={i.id}>
                    {k ? ', ' : ''}
                    <Link className="link" href={incidentHref(actor, i.id)}>#{i.number}</Link>
                  </span>
                ))}
              </p>
              <p className="text-sm text-muted">
                {formatInZone(f.windowStart, tz, { time: false })} to {formatInZone(f.windowEnd, tz, { time: false })} · flagged {formatInZone(f.createdAt, tz)}
              </p>
            </Item>
          ))}
        </ItemList>
      )}
    </StatCard>
  );
}

export function WeaponsOutCard({ actor, now }: Props) {
  const { overdue, outNow, items } = F.weapons(actor, now);
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-weapons-out" title="Weapons not back with the armorer" count={overdue} countLabel={overdue ? 'from an earlier day' : 'overdue'} tone={overdue ? 'danger' : outNow ? 'warn' : 'ok'}
      footer={<Link className="link link-alone" href={`${base(actor)}/custody`}>Custody log</Link>}>
      {items.length === 0 ? (
        <NoneYet>Every weapon is back with the armorer.</NoneYet>
      ) : (
        <>
          <p className="mb-1 text-sm text-muted">{formatCount(outNow)} out today (not yet due back).</p>
          <ItemList>
            {items.slice(0, 6).map((w) => (
              <Item key={w.handoffId}>
                <p className="font-semibold">
                  {w.overdue ? <span className="text-hold">Not back: </span> : <span>Out today: </span>}
                  {w.tag} · {w.description}
                </p>
                <p className="text-sm text-muted">
                  With {w.holder} since {formatInZone(w.handedAt, tz)} ({since(w.handedAt, now)}) · {w.scene}
                </p>
              </Item>
            ))}
          </ItemList>
        </>
      )}
    </StatCard>
  );
}

export function PendingWitnessCard({ actor, now }: Props) {
  const { count, items } = F.pending(actor, now);
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-witness" title="Checks missing a witness confirmation" count={count} countLabel={count ? 'waiting' : 'none'} tone={count ? 'warn' : 'ok'}
      footer={<Link className="link link-alone" href={`${base(actor)}/checks`}>Checks</Link>}>
      {count === 0 ? (
        <NoneYet>Every named witness has confirmed.</NoneYet>
      ) : (
        <ItemList>
          {items.map((c) => (
            <Item key={c.id}>
              <p className="font-semibold">
                {c.firearmTag} · {LABELS.checkPhase[c.phase as keyof typeof LABELS.checkPhase] ?? c.phase} · {c.scene}
              </p>
              <p className="text-sm text-muted">
                {formatInZone(c.performedAt, tz)} · waiting for {c.pending.join(', ')}
              </p>
            </Item>
          ))}
        </ItemList>
      )}
    </StatCard>
  );
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export function ComplianceCard({ actor, now }: Props) {
  const tz = actor.production.timeZone;
  const today = F.compliance(actor, now, dayStart(localDate(now, tz), tz).getTime());
  const week = F.compliance(actor, now, dayStart(localDate(new Date(now.getTime() - 6 * DAY), tz), tz).getTime());
  const tone = week.ratio === null ? 'neutral' : week.ratio < 1 ? (week.ratio < 0.9 ? 'danger' : 'warn') : 'ok';
  return (
    <StatCard id="card-compliance" title="Check compliance (last 7 days)" count={pct(week.ratio)} tone={tone}
      footer={<span className="text-muted">Hand-offs with a valid check ÷ (hand-offs + refused attempts). Valid: a passing before-use check of that weapon, every witness confirmed, after its last return (rule 2). The full record is in the exports.</span>}>
      <dl className="grid grid-cols-[1fr_auto_auto] gap-x-4 gap-y-1 text-sm tabular-nums">
        <dt className="font-semibold text-muted" />
        <dd className="font-semibold text-muted">today</dd>
        <dd className="font-semibold text-muted">7 days</dd>
        <dt>Hand-offs with a valid check</dt>
        <dd>{formatCount(today.valid)}</dd>
        <dd>{formatCount(week.valid)}</dd>
        <dt>Hand-offs</dt>
        <dd>{formatCount(today.handoffs)}</dd>
        <dd>{formatCount(week.handoffs)}</dd>
        <dt>Refused attempts</dt>
        <dd>{formatCount(today.refused)}</dd>
        <dd>{formatCount(week.refused)}</dd>
        <dt className="font-semibold">Compliance</dt>
        <dd className="font-semibold">{pct(today.ratio)}</dd>
        <dd className="font-semibold">{pct(week.ratio)}</dd>
      </dl>
    </StatCard>
  );
}

export function ArmorerCard({ actor, now }: Props) {
  const doubling = F.armorers(actor, now);
  const flagged = doubling.filter((d) => d.state === 'flagged').length;
  const decide = can(actor.role, 'duties.decide') && actor.production.phase !== 'wrapped';
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-armorer" title="Armorer holding another position" count={flagged} countLabel={flagged ? 'flagged' : doubling.length ? 'decided' : 'none'} tone={flagged ? 'warn' : 'ok'}
      footer={
        <span className="text-muted">
          On <i>Rust</i> the armorer was also key props assistant and was not given time for armorer duties (<Link href="/reference/rust#fp-FP4" className="text-brand underline underline-offset-2">failure point 4 of the Rust case</Link>). A producer’s decision covers the workload only: a setup whose scene plan records the armorer on another duty still refuses every hand-out (<RuleRef n={9} />).
        </span>
      }>
      {doubling.length === 0 ? (
        <NoneYet>No armorer holds another position on this show.</NoneYet>
      ) : (
        <ItemList>
          {doubling.map((d) => (
            <Item key={d.userId}>
              <p className="font-semibold">
                {d.name}{' '}
                <span className={d.state === 'flagged' ? 'text-medium' : 'text-ok'}>
                  {d.state === 'flagged' ? <><span aria-hidden="true">⚠ </span>flagged</> : <><span aria-hidden="true">✓ </span>decided</>}
                </span>
              </p>
              <p className="text-sm text-muted">Armorer and {d.positions.map((p) => LABELS.position[p] ?? p).join(', ')}: make sure the armorer work has its own time.</p>
              {d.decision ? (
                <div className="mt-1 text-sm" data-testid="duty-decision">
                  <p>
                    Decided by {d.decision.decidedBy}, {formatInZone(d.decision.decidedAt, tz)}: <q className="break-words">{d.decision.reason}</q>
                  </p>
                  {decide ? <RevokeDutyDecision productionId={actor.productionId} decisionId={d.decision.id} /> : null}
                </div>
              ) : decide ? (
                <DecideDuties productionId={actor.productionId} userId={d.userId} name={d.name} />
              ) : (
                <p className="text-sm">A producer decides how that work is covered while weapons are out.</p>
              )}
              {d.history.filter((h) => h.revokedAt).slice(0, 3).map((h) => (
                <p key={h.id} className="mt-1 text-sm text-muted">
                  Earlier decision by {h.decidedBy} ({formatInZone(h.decidedAt, tz)}), revoked by {h.revokedBy} ({formatInZone(h.revokedAt!, tz)}): {h.revokeReason}
                </p>
              ))}
            </Item>
          ))}
        </ItemList>
      )}
    </StatCard>
  );
}

/** Bars drawn by CSS (app/globals.css, .bars): three elements a row, the length in --w. */
function Bars({ rows }: { rows: { key: string; label: React.ReactNode; n: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <ul className="bars">
      {rows.map((r) => (
        <li key={r.key} style={{ '--w': `${((r.n / max) * 100).toFixed(1)}%` } as React.CSSProperties}>
          <span>{r.label}</span>
          <span>{formatCount(r.n)}</span>
        </li>
      ))}
    </ul>
  );
}

export function SeverityCard({ actor, now }: Props) {
  const by = F.severity(actor, now);
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  const order = [...SEVERITIES].reverse();
  return (
    <StatCard id="card-severity" title="Open incidents by severity" count={total} countLabel="open" tone={by.critical ? 'danger' : 'neutral'}
      footer={<Link className="link link-alone" href={`${base(actor)}/incidents`}>All incidents</Link>}>
      <Bars rows={order.map((s) => ({ key: s, label: <SeverityBadge severity={s} />, n: by[s] }))} />
    </StatCard>
  );
}

export function TypeCard({ actor, now }: Props) {
  const by = F.type(actor, now);
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  const rows = INCIDENT_TYPES.map((t) => ({ key: t, label: LABELS.incidentType[t], n: by[t] })).sort((a, b) => b.n - a.n);
  return (
    <StatCard id="card-type" title="Open incidents by type" count={total} countLabel="open" tone="neutral">
      {total === 0 ? <NoneYet>No open incidents.</NoneYet> : <Bars rows={rows.filter((r) => r.n > 0)} />}
    </StatCard>
  );
}

export function WeeklyCard({ actor, now }: Props) {
  const weeks = F.weekly(actor, now);
  const total = weeks.reduce((n, w) => n + w.total, 0);
  const peak = weeks.reduce((a, b) => (b.total > a.total ? b : a), weeks[0]);
  const summary = total
    ? `${plural(total, 'incident')} in the last 12 weeks; the most, ${formatCount(peak.total)}, in the week of ${peak.label}.`
    : 'No incidents in the last 12 weeks.';
  return (
    <StatCard id="card-weekly" title="Incidents per week (last 12 weeks)" tone="neutral" className="min-h-96">
      <figure>
        <figcaption className="mb-2 text-muted">{summary} Weeks start on Monday ({actor.production.timeZone}).</figcaption>
        <WeeklyChart data={weeks.map((w) => ({ label: w.label, firearm: w.firearm, other: w.other }))} summary={summary} />
        <details className="group mt-2">
          <summary className="flex min-h-11 cursor-pointer items-center gap-2 font-semibold text-brand">
            <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">▸</span>
            Show as a table
          </summary>
          <table className="figures mt-1">
            <caption className="sr-only">Incidents per week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Firearm-related</th>
                <th scope="col">Other</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{w.label}</th>
                  <td>{formatCount(w.firearm)}</td>
                  <td>{formatCount(w.other)}</td>
                  <td className="font-semibold">{formatCount(w.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </StatCard>
  );
}

export function UnassignedCard({ actor, now }: Props) {
  const { count, items } = F.unassigned(actor, now);
  const tz = actor.production.timeZone;
  return (
    <StatCard id="card-unassigned" title="Oldest unassigned reports" count={count} countLabel={count ? 'without an owner' : 'none'} tone={count ? 'warn' : 'ok'}>
      {count === 0 ? (
        <NoneYet>Every open report has an owner.</NoneYet>
      ) : (
        <ItemList>
          {items.map((i) => (
            <Item key={i.id}>
              <p className="flex flex-wrap items-center gap-2 font-semibold">
                <Link className="link link-alone" href={incidentHref(actor, i.id)}>#{i.number} {LABELS.incidentType[i.type]}</Link>
                <SeverityBadge severity={i.severity} />
              </p>
              <p className="text-sm text-muted">
                Reported {formatStamp(i.reportedAt, tz, i.anonymous)}
                {i.anonymous ? ' (anonymous)' : ''} · waiting {waitedSince(i.reportedAt, now, tz, i.anonymous)}
              </p>
            </Item>
          ))}
        </ItemList>
      )}
    </StatCard>
  );
}
