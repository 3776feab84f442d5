'use client';

import { approveScenePlan, signPlan } from '@/app/(app)/productions/[productionId]/scene-plans/actions';
import { FormError } from '@/components/form/field';
import { Button } from '@/components/ui/button';
import { useOneTap } from '@/components/form/one-tap';

const LABEL = { armorer: 'Sign as the armorer', advisor: 'Sign as the safety advisor', approve: 'Approve the plan' } as const;

/** One step of a plan's sign-off (rule 8): the armorer's and the safety advisor's signatures, then a producer's approval. */
export function PlanStepButton({ productionId, planId, step }: { productionId: string; planId: string; step: keyof typeof LABEL }) {
  const { pending, error, run } = useOneTap();
  const onClick = () => run(() => (step === 'approve' ? approveScenePlan(productionId, { planId }) : signPlan(productionId, step, { planId })));
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      <Button type="button" onClick={onClick} disabled={pending} className="w-full sm:w-auto">
        {pending ? 'Saving…' : LABEL[step]}
      </Button>
    </div>
  );
}
