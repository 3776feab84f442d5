import type { Production } from '@/db/schema';
import type { Position, Role } from './enums';

/** Who is acting, on which production, with which role: looked up on the server every request. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  productionId: string;
  role: Role;
  positions: Position[];
  production: Production;
};
