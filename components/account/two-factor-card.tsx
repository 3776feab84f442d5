import { twoFactorStatus } from '@/app/lib/two-factor';
import { Card, CardTitle } from '@/components/ui/card';
import { confirmTwoFactorSetup, startTwoFactor, turnOffTwoFactor } from '@/app/(app)/account/two-factor-actions';
import { TwoFactorSection } from './two-factor-section';

/** The account page's two-factor card: its own section, so other account settings merge apart. */
export function TwoFactorCard({ userId }: { userId: string }) {
  const status = twoFactorStatus(userId);
  return (
    <Card aria-labelledby="tf-h" id="two-factor">
      <CardTitle id="tf-h">Two-factor sign-in</CardTitle>
      <TwoFactorSection status={status} actions={{ start: startTwoFactor, confirm: confirmTwoFactorSetup, turnOff: turnOffTwoFactor }} />
    </Card>
  );
}
