// The Rust replay (ARCHITECTURE.md: reference data, safety rules). Walks the case's events in time order,
// keeps the state SetSafe would have held (incidents, the standing hold, pattern flags, safety
// meetings) and asks the same pure rule functions that guard live productions what they would
// have done. Every firing below is read off what those functions return; nothing is hard-coded.
// Pure: no database, no Next, no clock.
import { LABELS } from '../enums';
import {
  DEFAULT_RULES,
  HANDOFF_REASONS,
  MIN_RESOLUTION_LENGTH,
  canCallHold,
  canConcur,
  canLiftHold,
  evaluateHandoff,
  injuryDeadlines,
  onIncidentFiled,
  type ActorFact,
  type Effect,
  type HandoffReason,
  type HoldFact,
  type IncidentFact,
  type PatternFlagFact,
  type RuleConfig,
} from '../rules';
import { fromLocalDateTime, localDate } from '../time';
import type { HandoffAccount, RustEvent, SetSafeRecord } from './types';
import type { Jurisdiction } from '../rules/osha';

export type RuleNumber = 1 | 2 | 3 | 4 | 5 | 6 | 8;

export type Firing = {
  rule: RuleNumber;
  summary: string;
  details: string[];
  /** Which record of the event fired it, when the event has several ("First round"). */
  record?: string;
  /** For a disputed fact: the account this firing follows. */
  account?: string;
};

export type Clock = { person: string; items: string[] };

export type EventReplay = {
  key: string;
  at: Date;
  /** What SetSafe would have held: the event's records, described. */
  records: string[];
  firings: Firing[];
  /** Distinct rule numbers that fired, ascending. */
  rules: RuleNumber[];
  /** Legal clocks on injury reports (OSHA Form 301, 29 CFR 1904), from injuryDeadlines. */
  clocks: Clock[];
  notes: string[];
};

export type Requirement = { rule: RuleNumber | null; text: string };

export type Stop = { eventKey: string; dateLabel: string; approximate: boolean; dateUnverified: boolean; rule: RuleNumber; cause: string };

export type PlacementDifference = { eventKey: string; dateLabel: string; rule: RuleNumber; firesOn: string[]; notOn: string[] };

export type PlacementCheck = {
  eventKey: string;
  dateLabel: string;
  from: string;
  to: string;
  days: number;
  differences: PlacementDifference[];
};

export type ReplaySummary = {
  /** The first moment SetSafe would have stopped work: the earliest hold. */
  firstStop: Stop | null;
  /** When the first stop rests on an unverified date: the first stop without such events. */
  firstStopExactlyDated: Stop | null;
  holdsCalled: number;
  reportsJoiningHold: number;
  criticalReports: number;
  patternEscalations: number;
  refusedHandoffs: number;
  /** What a producer would have had to do before the first hold could be lifted (rule 5). */
  liftRequirements: Requirement[];
  /** What the refused hand-offs were missing: what the next hand-off would need. */
  handoffRequirements: Requirement[];
  /** What the rule-3 escalations asked of producers. */
  patternAdvice: string[];
  /** The hold still standing after the last event, if any. */
  standingAtEnd: { since: string; joined: number } | null;
  placementChecks: PlacementCheck[];
};

export type ReplayResult = { events: EventReplay[]; byKey: Record<string, EventReplay>; summary: ReplaySummary };

/** `jurisdiction`: whose clocks an injury report runs (the case's own setting; federal when unset). */
export type ReplayOptions = { timeZone?: string; checkPlacements?: boolean; jurisdiction?: Jurisdiction };

export const RUST_TIME_ZONE = 'America/Denver';

type HoldState = HoldFact & { eventKey: string; dateLabel: string; cause: string; joined: number };

const PRODUCER: ActorFact = { userId: 'replay-producer', role: 'producer' };
const SECOND_PRODUCER: ActorFact = { userId: 'replay-producer-2', role: 'producer' };
const ARMORER: ActorFact = { userId: 'replay-armorer', role: 'armorer' };
const CREW: ActorFact = { userId: 'replay-crew', role: 'crew' };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const stripRuleTag = (s: string) => s.replace(/\s*\(rule \d\)\s*/g, ' ').replace(/\s+\./g, '.').trim();

/** The rule a hand-off refusal belongs to, read from the rules module's own message. */
function ruleOfReason(reason: HandoffReason): RuleNumber {
  const m = /\(rule (\d)\)/.exec(HANDOFF_REASONS[reason]);
  return (m ? Number(m[1]) : 2) as RuleNumber;
}

/** The rules module's refusal message, told about a past day rather than today. */
const reasonText = (reason: HandoffReason) => stripRuleTag(HANDOFF_REASONS[reason]).replace(/\btoday\b/, 'that day');

/** Identical firings from several records of one event are shown once, naming the records. */
function mergeFirings(firings: Firing[]): Firing[] {
  const out: Firing[] = [];
  for (const f of firings) {
    const same = out.find((o) => o.rule === f.rule && o.summary === f.summary && o.account === f.account && o.details.join('\n') === f.details.join('\n'));
    if (same && f.record) same.record = same.record ? `${same.record}; ${f.record.toLowerCase()}` : f.record;
    else out.push({ ...f });
  }
  return out;
}

function describe(rec: SetSafeRecord, incidentLabels: Map<string, string>): string {
  switch (rec.kind) {
    case 'incident':
      return `${LABELS.incidentType[rec.type]} report: ${rec.label.toLowerCase()}`;
    case 'injury':
      return `Injury details (OSHA Form 301 fields) for ${rec.person}, added to the report "${incidentLabels.get(rec.incidentRef) ?? rec.incidentRef}"`;
    case 'hold_call':
      return `Stop-work hold called by ${rec.by.label}: ${rec.reason.charAt(0).toLowerCase()}${rec.reason.slice(1)}`;
    case 'handoff_attempt':
      return `Hand-off attempt: ${rec.weapon} to ${rec.recipient.label} for "${rec.scene}", with no before-use check on record for this setup`;
    case 'hold_review':
      return `The standing hold's record: ${rec.note.charAt(0).toLowerCase()}${rec.note.slice(1)}`;
    case 'safety_meeting':
      return rec.firearmsOnSet ? 'Safety meeting recorded, covering firearms' : 'Safety meeting recorded, not covering firearms';
    case 'hold_lift':
      return `Written lift of the hold: "${rec.resolution}"`;
  }
}

/** What a producer must do before this hold can be lifted: the lift checks' own refusals, in order. */
export function liftRequirementsFor(hold: HoldFact): Requirement[] {
  const resolution = 'x'.repeat(MIN_RESOLUTION_LENGTH);
  const probes = [
    canLiftHold(CREW, hold, resolution),
    canLiftHold(PRODUCER, hold, ''),
    canLiftHold(PRODUCER, hold, resolution),
    hold.source === 'rule1' ? canConcur(CREW, hold) : { ok: true as const },
    hold.source === 'rule1' ? canLiftHold(PRODUCER, { ...hold, concurredById: PRODUCER.userId }, resolution) : { ok: true as const },
  ];
  const out: Requirement[] = [];
  for (const v of probes) if (!v.ok && !out.some((r) => r.text === v.reason)) out.push({ rule: 5, text: v.reason });
  return out;
}

function rule1Firing(effects: Effect[], holdsById: Map<string, HoldState>): Firing | null {
  const mine = effects.filter((e) => e.rule === 1);
  if (mine.length === 0) return null;
  const called = mine.find((e) => e.kind === 'call_hold');
  const details: string[] = [];
  for (const e of mine) {
    if (e.kind === 'force_severity') details.push(`Severity set to ${e.severity}, whatever severity was chosen.`);
    if (e.kind === 'call_hold') details.push(`Stop-work hold called: ${lowerFirst(stripRuleTag(e.reason))}.`);
    if (e.kind === 'join_hold') {
      const h = holdsById.get(e.holdId);
      details.push(`Joins the stop-work hold standing since ${h ? `${h.dateLabel} (${h.cause})` : 'earlier'}.`);
    }
    if (e.kind === 'notify_producers') details.push(`Every producer notified: "${e.title}". ${e.body}`);
  }
  return { rule: 1, summary: called ? 'Critical: stop-work hold called' : 'Critical: joins the standing stop-work hold', details };
}

function rule3Firing(effects: Effect[], labelOf: (id: string) => string): Firing | null {
  const flag = effects.find((e) => e.kind === 'flag_pattern');
  if (!flag || flag.kind !== 'flag_pattern') return null;
  const notify = effects.find((e) => e.kind === 'notify_producers' && e.rule === 3);
  const details = [`Counted together: ${flag.incidentIds.map(labelOf).join('; ')}.`];
  if (notify && notify.kind === 'notify_producers') details.push(`Producers notified: ${notify.body}`);
  return { rule: 3, summary: notify && notify.kind === 'notify_producers' ? `Escalated to producers. ${notify.title}` : 'Escalated to producers', details };
}

/** "2, 5 and 6" */
export function listRules(rules: number[]): string {
  return rules.length <= 1 ? rules.join('') : `${rules.slice(0, -1).join(', ')} and ${rules[rules.length - 1]}`;
}

function uniqueRules(firings: Firing[]): RuleNumber[] {
  return [...new Set(firings.map((f) => f.rule))].sort((a, b) => a - b);
}

/** One pass over the events; `checkPlacements` adds the re-runs for events without an exact day. */
export function replayRust(events: RustEvent[], config: RuleConfig = DEFAULT_RULES, opts: ReplayOptions = {}): ReplayResult {
  const timeZone = opts.timeZone ?? RUST_TIME_ZONE;
  const at = (e: RustEvent) => {
    const d = fromLocalDateTime(e.sortKey, timeZone);
    if (!d) throw new Error(`Event ${e.key} has an unreadable sort key: ${e.sortKey}`);
    return d;
  };
  const ordered = [...events].map((e) => ({ e, at: at(e) })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.e.seq - b.e.seq);

  const incidents: IncidentFact[] = [];
  const incidentInfo = new Map<string, { label: string; eventKey: string; dateLabel: string; at: Date }>();
  const flags: PatternFlagFact[] = [];
  const meetings: { date: string; firearmsOnSet: boolean }[] = [];
  const holds = new Map<string, HoldState>();
  // Mutated from the helpers below; an object keeps TypeScript's narrowing honest.
  const st: { openHold: HoldState | null; firstStop: Stop | null } = { openHold: null, firstStop: null };
  const counts = { critical: 0, joined: 0, escalations: 0, refusedHandoffs: 0 };
  const handoffReasons: HandoffReason[] = [];
  const patternAdvice: string[] = [];
  let breachSeq = 0;

  const labelOf = (id: string) => {
    const i = incidentInfo.get(id);
    return i ? `${i.label.toLowerCase()} (${i.dateLabel})` : id;
  };

  const openNewHold = (e: RustEvent, when: Date, source: HoldFact['source'], calledById: string | null, cause: string) => {
    const hold: HoldState = {
      id: `hold-${holds.size + 1}`,
      source,
      calledById,
      calledAt: when,
      concurredById: null,
      liftedAt: null,
      eventKey: e.key,
      dateLabel: e.dateLabel,
      cause,
      joined: 0,
    };
    holds.set(hold.id, hold);
    st.openHold = hold;
    st.firstStop ??= { eventKey: e.key, dateLabel: e.dateLabel, approximate: e.approximate, dateUnverified: !!e.dateUnverified, rule: source === 'rule1' ? 1 : 5, cause };
    return hold;
  };

  const fileIncident = (e: RustEvent, when: Date, id: string, type: IncidentFact['type'], label: string): Firing[] => {
    const fact: IncidentFact = { id, type, occurredAt: when, reportedAt: when, duplicateOfId: null };
    const effects = onIncidentFiled(fact, { openHold: st.openHold, others: incidents, flags }, config);
    incidents.push(fact);
    incidentInfo.set(id, { label, eventKey: e.key, dateLabel: e.dateLabel, at: when });
    const r1 = rule1Firing(effects, holds);
    const order = (id: string) => incidents.findIndex((x) => x.id === id);
    const r3 = rule3Firing(
      effects.map((x) => (x.kind === 'flag_pattern' ? { ...x, incidentIds: [...x.incidentIds].sort((a, b) => order(a) - order(b)) } : x)),
      labelOf,
    );
    for (const eff of effects) {
      if (eff.kind === 'force_severity') counts.critical += 1;
      if (eff.kind === 'call_hold') openNewHold(e, when, 'rule1', null, lowerFirst(stripRuleTag(eff.reason)));
      if (eff.kind === 'join_hold') {
        const h = holds.get(eff.holdId);
        if (h) h.joined += 1;
        counts.joined += 1;
      }
      if (eff.kind === 'flag_pattern') {
        flags.push({ windowStart: eff.windowStart, windowEnd: eff.windowEnd });
        counts.escalations += 1;
      }
      if (eff.kind === 'notify_producers' && eff.rule === 3 && !patternAdvice.includes(eff.body)) patternAdvice.push(eff.body);
    }
    return [r1, r3].filter((f): f is Firing => f !== null);
  };

  const evaluateAccount = (rec: Extract<SetSafeRecord, { kind: 'handoff_attempt' }>, account: HandoffAccount, when: Date) =>
    evaluateHandoff({
      giver: { userId: `replay-giver-${account.key}`, role: account.giver.role },
      recipient: { userId: 'replay-recipient', positions: rec.recipient.positions },
      firearm: { id: 'replay-weapon', status: 'locked_up' },
      scene: rec.scene,
      checks: [],
      lastReturnAt: null,
      holdStanding: st.openHold !== null,
      meetingsToday: meetings.filter((m) => m.date === localDate(when, timeZone)),
      // Rule 8 as on a production that plans its firearm scenes: the state holds only the case's
      // records, so no plan and no meeting for the scene; what the weapon held comes from the
      // record (a live round); the handler's qualifications are not in the sources, so unknown.
      scenePlan: {
        plansInUse: true,
        plan: null,
        scene: rec.scene,
        firearmId: 'replay-weapon',
        handlerId: 'replay-recipient',
        load: rec.load?.kind ?? 'none',
        rounds: 0,
        meetingScenesToday: [],
        handlerQualifications: null,
        today: localDate(when, timeZone),
      },
    });

  const out: EventReplay[] = [];
  for (const { e, at: when } of ordered) {
    const firings: Firing[] = [];
    const clocks: Clock[] = [];
    const notes: string[] = [];
    const labels = new Map([...incidentInfo].map(([k, v]) => [k, v.label]));
    for (const rec of e.records) if (rec.kind === 'incident') labels.set(rec.ref, rec.label);
    const records = e.records.map((r) => describe(r, labels));
    const many = e.records.length > 1;

    for (const rec of e.records) {
      switch (rec.kind) {
        case 'incident': {
          const fs = fileIncident(e, when, rec.ref, rec.type, rec.label);
          firings.push(...fs.map((f) => (many ? { ...f, record: rec.label } : f)));
          break;
        }
        case 'injury': {
          const inc = incidentInfo.get(rec.incidentRef);
          const occurred = inc?.at ?? when;
          const deadlines = injuryDeadlines(
            { died: rec.died, hospitalizedInpatient: rec.hospitalizedInpatient, amputation: false, lossOfEye: false, oshaReportedAt: null, form301CompletedAt: null },
            occurred,
            when,
            opts.jurisdiction ?? 'federal',
          );
          clocks.push({ person: rec.person, items: deadlines.map((d) => d.label) });
          break;
        }
        case 'hold_call': {
          const actor: ActorFact = { userId: 'replay-caller', role: rec.by.role };
          const verdict = canCallHold(actor, st.openHold);
          if (verdict.ok) {
            const hold = openNewHold(e, when, 'manual', actor.userId, `called by ${rec.by.label}`);
            const lift = canLiftHold(actor, hold, rec.reason);
            firings.push({
              rule: 5,
              summary: `Stop-work hold called by ${rec.by.label}`,
              details: [`Reason given: ${rec.reason}.`, ...(lift.ok ? [] : [lift.reason])],
            });
          } else {
            const standing: HoldState | null = st.openHold;
            firings.push({
              rule: 5,
              summary: `Any member may call a hold: one was already standing`,
              details: [verdict.reason, ...(standing ? [`Standing since ${standing.dateLabel} (${standing.cause}).`] : [])],
            });
          }
          break;
        }
        case 'handoff_attempt': {
          const results = rec.accounts.map((a) => ({ account: a, result: evaluateAccount(rec, a, when) }));
          // A disputed fact (more than one account) is replayed once per account. A refusal that
          // holds under every account is shown plainly; one that holds under some says which.
          const byRule = new Map<RuleNumber, { text: string; accounts: HandoffAccount[] }[]>();
          for (const { account, result } of results) {
            for (const reason of result.reasons) {
              const rule = ruleOfReason(reason);
              const list = byRule.get(rule) ?? [];
              const text = reasonText(reason);
              const found = list.find((x) => x.text === text);
              if (found) found.accounts.push(account);
              else list.push({ text, accounts: [account] });
              byRule.set(rule, list);
            }
          }
          for (const [rule, reasons] of [...byRule].sort((a, b) => a[0] - b[0])) {
            const everywhere = (r: { accounts: HandoffAccount[] }) => r.accounts.length === results.length;
            const details = reasons.map((r) => (everywhere(r) ? r.text : `${r.text.replace(/\.$/, '')} (${r.accounts.map((a) => a.condition).join('; ')}).`));
            firings.push({
              rule,
              summary: rule === 2 ? 'Hand-off refused: nothing moves, and a custody breach is recorded' : 'Hand-off refused',
              details,
              ...(reasons.some(everywhere) ? {} : { account: reasons.flatMap((r) => r.accounts.map((a) => a.condition)).join('; ') }),
            });
          }
          if (rec.replicasOnSet?.length) notes.push(`Non-firing revolvers were on the set (${rec.replicasOnSet.map((r) => r.label).join('; ')}): a scene plan asks whether one would do.`);
          if (results.length > 1) {
            const sets = results.map((r) => new Set(r.result.reasons.map(ruleOfReason)));
            const common = [...sets[0]].filter((rule) => sets.every((x) => x.has(rule))).sort((a, b) => a - b);
            notes.push(
              common.length > 0
                ? `This fact is disputed, so the replay ran each account. Rule${common.length > 1 ? 's' : ''} ${listRules(common)} fire${common.length > 1 ? '' : 's'} under every account.`
                : 'This fact is disputed, so the replay ran each account; no rule fires under every account.',
            );
          }
          for (const { account, result } of results)
            if (result.allowed) notes.push(`${results.length > 1 ? `${account.label}: ` : ''}the hand-off would have been allowed.`);
          // Rule 2: a refused attempt is recorded as a custody-breach incident. State follows the
          // first account; where the accounts disagree on the outcome, the page says so.
          const main = results[0];
          if (main && !main.result.allowed) {
            counts.refusedHandoffs += 1;
            for (const r of main.result.reasons) if (!handoffReasons.includes(r)) handoffReasons.push(r);
            breachSeq += 1;
            fileIncident(e, when, `${e.key}-breach-${breachSeq}`, 'custody_breach', 'Refused hand-off');
          }
          if (new Set(results.map((r) => r.result.allowed)).size > 1) notes.push('The accounts lead to different outcomes: the replay follows the first.');
          break;
        }
        case 'hold_review': {
          const standing: HoldState | null = st.openHold;
          if (standing) {
            firings.push({
              rule: 5,
              summary: 'The stop-work hold still stands: only a producer lifts it, in writing',
              details: [
                `Standing since ${standing.dateLabel} (${standing.cause}); ${standing.joined} later report${standing.joined === 1 ? '' : 's'} joined it.`,
                ...liftRequirementsFor(standing).map((r) => r.text),
              ],
            });
          } else notes.push('No hold stands at this point.');
          break;
        }
        case 'safety_meeting':
          meetings.push({ date: localDate(when, timeZone), firearmsOnSet: rec.firearmsOnSet });
          break;
        case 'hold_lift': {
          const hold: HoldState | null = st.openHold;
          if (!hold) {
            notes.push('There is no hold to lift.');
            break;
          }
          if (rec.concurrence) {
            const by = rec.concurrence === 'armorer' ? ARMORER : SECOND_PRODUCER;
            const c = canConcur(by, hold);
            if (c.ok) hold.concurredById = by.userId;
          }
          const verdict = canLiftHold(PRODUCER, hold, rec.resolution);
          if (verdict.ok) {
            hold.liftedAt = when;
            st.openHold = null;
            firings.push({ rule: 5, summary: 'Hold lifted by a producer, in writing', details: [`Resolution: ${rec.resolution}`] });
          } else firings.push({ rule: 5, summary: 'Lift refused: the hold stands', details: [verdict.reason] });
          break;
        }
      }
    }
    out.push({ key: e.key, at: when, records, firings: mergeFirings(firings), rules: uniqueRules(firings), clocks, notes });
  }

  const firstHold = [...holds.values()][0] ?? null;
  const endHold: HoldState | null = st.openHold;
  let firstStopExactlyDated: Stop | null = null;
  const stop: Stop | null = st.firstStop;
  if (stop && stop.dateUnverified) {
    firstStopExactlyDated = replayRust(
      events.filter((e) => !e.dateUnverified),
      config,
      { timeZone, jurisdiction: opts.jurisdiction, checkPlacements: false },
    ).summary.firstStop;
  }

  const summary: ReplaySummary = {
    firstStop: stop,
    firstStopExactlyDated,
    holdsCalled: holds.size,
    reportsJoiningHold: counts.joined,
    criticalReports: counts.critical,
    patternEscalations: counts.escalations,
    refusedHandoffs: counts.refusedHandoffs,
    liftRequirements: firstHold ? liftRequirementsFor(firstHold) : [],
    handoffRequirements: handoffReasons.map((r) => ({ rule: ruleOfReason(r), text: reasonText(r) })),
    patternAdvice,
    standingAtEnd: endHold ? { since: `${endHold.dateLabel} (${endHold.cause})`, joined: endHold.joined } : null,
    placementChecks: opts.checkPlacements === false ? [] : checkPlacements(events, config, timeZone, out, opts.jurisdiction),
  };
  return { events: out, byKey: Object.fromEntries(out.map((r) => [r.key, r])), summary };
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * For each event whose day is not known, replays the case once per day of its range and reports
 * any rule whose firing depends on where the event is placed.
 */
function checkPlacements(events: RustEvent[], config: RuleConfig, timeZone: string, base: EventReplay[], jurisdiction?: Jurisdiction): PlacementCheck[] {
  const checks: PlacementCheck[] = [];
  for (const ev of events) {
    if (!ev.range) continue;
    const time = ev.sortKey.slice(10);
    const days = daysBetween(ev.range.from, ev.range.to);
    const runs = days.map((day) => ({
      day,
      result: replayRust(
        events.map((x) => (x.key === ev.key ? { ...x, sortKey: `${day}${time}` } : x)),
        config,
        { timeZone, jurisdiction, checkPlacements: false },
      ),
    }));
    const differences: PlacementDifference[] = [];
    for (const b of base) {
      const info = events.find((x) => x.key === b.key);
      const seen = new Set<RuleNumber>(runs.flatMap((r) => r.result.byKey[b.key]?.rules ?? []));
      for (const rule of [...seen].sort((x, y) => x - y)) {
        const firesOn = runs.filter((r) => r.result.byKey[b.key]?.rules.includes(rule)).map((r) => r.day);
        if (firesOn.length === runs.length) continue;
        differences.push({ eventKey: b.key, dateLabel: info?.dateLabel ?? b.key, rule, firesOn, notOn: days.filter((d) => !firesOn.includes(d)) });
      }
    }
    checks.push({ eventKey: ev.key, dateLabel: ev.dateLabel, from: ev.range.from, to: ev.range.to, days: days.length, differences });
  }
  return checks;
}

/** "9–15 Oct 2021", "1 Oct 2021 and 3–4 Oct 2021": consecutive days as ranges. */
export function formatDays(days: string[]): string {
  if (days.length === 0) return 'no day';
  const fmt = (d: string, withMonth = true) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', ...(withMonth ? { month: 'short', year: 'numeric' } : {}) }).format(new Date(`${d}T00:00:00Z`));
  const runs: [string, string][] = [];
  for (const d of [...days].sort()) {
    const last = runs[runs.length - 1];
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === 86_400_000) last[1] = d;
    else runs.push([d, d]);
  }
  const parts = runs.map(([a, b]) => (a === b ? fmt(a) : a.slice(0, 7) === b.slice(0, 7) ? `${fmt(a, false)}\u2013${fmt(b)}` : `${fmt(a)} \u2013 ${fmt(b)}`));
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

