// Shapes of the Rust reference case (ARCHITECTURE.md: reference data). Pure types: the seed module, the
// query module, the replay and the page all share them. Facts only — no rule outcomes live here;
// those come from running the rules module (app/lib/rust/replay.ts).
import type { IncidentType, Position, Role } from '../enums';
import type { Jurisdiction } from '../rules/osha';

export type FailurePointKey = 'FP1' | 'FP2' | 'FP3' | 'FP4' | 'FP5' | 'FP6' | 'FP7' | 'FP8';

/** Keys of the rules and features that answer a failure point (see answers.ts). */
export type AnswerKey =
  | 'rule-1'
  | 'rule-2'
  | 'rule-3'
  | 'rule-4'
  | 'rule-5'
  | 'rule-6'
  | 'dual-role-flag'
  | 'corrective-actions'
  | 'anonymous-reports'
  | 'witnessed-checks'
  | 'ammo-inspection';

/**
 * A source, cited by publication or body and date. `url` is set only when it points to the
 * original outlet or the primary body; sources read through a syndicated or republished copy
 * keep `url: null` and say so in `note` (never link the copies).
 */
export type RustSource = {
  key: string;
  publication: string;
  /** As the source is dated in the case notes ("20 Apr 2022", "Feb 2023"); null when it gives none. */
  date: string | null;
  /** A title, only where the case notes quote one. */
  title?: string;
  /** What the source reports, in a few words. */
  about?: string;
  url: string | null;
  note?: string;
};

export type RustPerson = {
  key: string;
  name: string;
  alsoWritten?: string;
  role: string;
  sources: string[];
};

/** One line of the case's key facts. */
export type RustFact = { term: string; value: string; sources: string[] };

export type RustCaseInfo = {
  title: string;
  /** Wall-clock times of the events are in this zone (Santa Fe County, New Mexico). */
  timeZone: string;
  facts: RustFact[];
  /** What happened, in a few sentences: the top of the page. Absent in version 1. */
  intro?: { paragraphs: string[]; sources: string[] };
  /**
   * Whose legal clocks the case's injury reports run under, as a live production's setting. Absent
   * before version 3, whose replay counted the federal OSHA clocks.
   */
  jurisdiction?: Jurisdiction;
  /** What SetSafe's model cannot yet express about this case, said next to the replay. */
  modelLimits?: { text: string; sources: string[] }[];
};

/**
 * A choice the replay makes where the sources are silent or disputed (ARCHITECTURE.md: reference data:
 * nothing invented). The page says it next to the firing it affects and shows what the replay
 * returns without it: `without` replaces the named events' records and the replay runs again.
 */
export type RustAssumption = {
  key: string;
  /** The event whose firings depend on it; the page shows the assumption there. */
  eventKey: string;
  /** What the replay assumes, in one sentence. */
  text: string;
  /** Why: what the sources say and do not say. */
  basis: string;
  sources: string[];
  without: { label: string; changes: { eventKey: string; records: SetSafeRecord[] }[] };
};

/** One entry of the correction log, like a newspaper's: what a version changed, and when. */
export type RustCorrection = {
  version: number;
  /** 'YYYY-MM-DD': the day the correction was published. */
  date: string;
  items: { text: string; sources: string[] }[];
};

export type HandoffAccount = {
  key: string;
  /** Whose account this is, e.g. "Search-warrant affidavit". */
  label: string;
  /** The account as a condition, e.g. "if the first assistant director handed it over (affidavit)". */
  condition: string;
  giver: { label: string; role: Role };
  sources: string[];
};

/**
 * What SetSafe would have held had the event been logged: plain facts, the same shapes a live
 * production records. Never a rule outcome.
 */
export type SetSafeRecord =
  | { kind: 'incident'; ref: string; type: IncidentType; label: string }
  | { kind: 'injury'; incidentRef: string; person: string; died: boolean; hospitalizedInpatient: boolean | null }
  | { kind: 'hold_call'; by: { label: string; role: Role }; reason: string }
  | {
      kind: 'handoff_attempt';
      weapon: string;
      recipient: { label: string; positions: Position[] };
      scene: string;
      /** Before-use checks of this weapon on record for this setup (none, on Rust). */
      checksRecorded: 'none';
      /** What the weapon held when it was handed over, where the sources say (rule 8 reads it). */
      load?: { kind: 'live'; note: string; sources: string[] };
      /** Non-firing weapons the sources place on the set: what a scene plan's replica question weighs. */
      replicasOnSet?: { label: string; sources: string[] }[];
      /** More than one account = a disputed fact; the replay evaluates each. */
      accounts: HandoffAccount[];
    }
  | { kind: 'hold_review'; note: string }
  | { kind: 'safety_meeting'; firearmsOnSet: boolean }
  | { kind: 'hold_lift'; resolution: string; concurrence: 'armorer' | 'second_producer' | null };

export type RustEvent = {
  key: string;
  seq: number;
  /** The date as the case notes give it, e.g. "Sat 16 Oct 2021" or "Early October 2021". */
  dateLabel: string;
  /**
   * Wall-clock 'YYYY-MM-DDTHH:mm' in the case's time zone: orders the replay. Where the sources
   * give no exact time or day, this is a placement only (`approximate`), explained in `placement`.
   */
  sortKey: string;
  approximate: boolean;
  /** The date itself is unverified, not only imprecise. */
  dateUnverified?: boolean;
  /** For an event whose day is not known: the days it may fall on; the replay tries each one. */
  range?: { from: string; to: string };
  placement?: string;
  summary: string;
  roles: string[];
  people: string[];
  sources: string[];
  failurePoints: FailurePointKey[];
  disputed?: { note: string; sources: string[] };
  /** Why an on-set event holds no SetSafe record, when it is not obvious (shown instead of the replay box). */
  replayNote?: string;
  /** 'on-set': the events the replay turns into records; 'after': investigations and courts. */
  phase: 'on-set' | 'after';
  records: SetSafeRecord[];
};

export type RustFailurePoint = {
  key: FailurePointKey;
  title: string;
  summary: string;
  sources: string[];
  answers: AnswerKey[];
  /** Parts of the finding marked unverified, shown with that flag. */
  unverified?: string;
};

export type RustCase = {
  info: RustCaseInfo;
  sources: RustSource[];
  people: RustPerson[];
  events: RustEvent[];
  failurePoints: RustFailurePoint[];
  /** Absent in version 1, which stated none. */
  assumptions?: RustAssumption[];
};
