'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';

// The dashboard is the producer's first page and stays light (ARCHITECTURE.md: performance
// budget; first-load JS): a decision form and its react-hook-form code load when the producer
// opens it, not to show every card.
const loading = () => <p className="mt-2 text-sm text-muted" role="status">Opening the form…</p>;
const DecideDutiesForm = dynamic(() => import('./duty-decision-form').then((m) => m.DecideDutiesForm), { loading });
const RevokeDutyDecisionForm = dynamic(() => import('./duty-decision-form').then((m) => m.RevokeDutyDecisionForm), { loading });

/** A producer's decision on an armorer's other position (rule 9), opened on demand. */
export function DecideDuties(props: { productionId: string; userId: string; name: string }) {
  const [open, setOpen] = useState(false);
  if (open) return <DecideDutiesForm {...props} />;
  return (
    <div className="mt-2">
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Decide how {props.name}’s other position is covered
      </Button>
    </div>
  );
}

/** Revoking a decision puts the flag back (rule 9), opened on demand. */
export function RevokeDutyDecision(props: { productionId: string; decisionId: string }) {
  const [open, setOpen] = useState(false);
  if (open) return <RevokeDutyDecisionForm {...props} />;
  return (
    <div className="mt-2">
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Revoke the decision
      </Button>
    </div>
  );
}
