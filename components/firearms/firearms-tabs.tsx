import type { Actor } from '@/app/lib/auth';
import { firearmsTabs } from '@/app/lib/nav';
import { ProductionNav } from '@/components/shell/production-nav';

/** The firearms section's tab bar (one nav entry for its five pages), for those who see inventory. */
export function FirearmsTabs({ actor }: { actor: Actor }) {
  const tabs = firearmsTabs(actor.role, actor.productionId);
  if (tabs.length === 0) return null;
  return <ProductionNav items={tabs} label="Firearms" variant="tabs" />;
}
