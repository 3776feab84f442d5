import Link from 'next/link';
import { RULES, ruleHref, type RuleNumber } from '@/app/lib/rule-text';

/**
 * The rule number after the plain sentence, as a small link to the page that explains it, so a
 * number is never the only explanation.
 */
export function RuleRef({ n }: { n: RuleNumber }) {
  return (
    <Link href={ruleHref(n)} title={RULES[n].title} className="whitespace-nowrap font-normal text-brand underline decoration-1 underline-offset-2">
      rule {n}
    </Link>
  );
}
