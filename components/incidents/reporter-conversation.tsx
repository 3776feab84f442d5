import type { Actor } from '@/app/lib/auth';
import { LABELS } from '@/app/lib/enums';
import { formatInZone, formatStamp } from '@/app/lib/time';
import { getReporterConversation } from '@/db/queries/anonymous';
import { Card, CardTitle } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { AskReporterForm } from './ask-reporter-form';

/**
 * For anonymous reports on the incident page: the two-way conversation with the reporter (ARCHITECTURE.md:
 * anonymous reports). Renders nothing for named reports or incidents the actor may not see.
 */
export function ReporterConversation({ actor, incidentId, className }: { actor: Actor; incidentId: string; className?: string }) {
  const c = getReporterConversation(actor, incidentId);
  if (!c) return null;
  const tz = actor.production.timeZone;
  return (
    <Card aria-labelledby="reporter-h" className={className}>
      <CardTitle id="reporter-h">Anonymous reporter</CardTitle>
      <p className="text-muted">
        Filed anonymously. The reporter reads questions here with their receipt code and answers without saying who they are; their messages
        carry the day only.
      </p>
      {c.messages.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-line p-3 text-center text-muted">No questions asked yet.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3" aria-label="Conversation with the anonymous reporter">
          {c.messages.map((m) => (
            <li key={m.id} className={cx('rounded-xl p-3', m.author ? 'border border-line bg-canvas sm:mr-10' : 'bg-brand-soft sm:ml-10')}>
              <p className="text-sm font-semibold text-muted">
                {m.author
                  ? `Question from ${m.author.name}${m.author.role ? ` (${LABELS.role[m.author.role]})` : ''} · ${formatInZone(m.at, tz)}`
                  : `${m.kind === 'answer' ? 'Answer' : 'Added information'} from the anonymous reporter · ${formatStamp(m.at, tz, true)}`}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {c.canAsk ? (
        <AskReporterForm productionId={actor.productionId} incidentId={incidentId} />
      ) : (
        <p className="mt-3 text-sm text-muted">
          {actor.production.phase === 'wrapped'
            ? 'This production is wrapped and read-only.'
            : 'Producers ask the reporter questions (and the armorer, for firearm-related reports).'}
        </p>
      )}
    </Card>
  );
}
