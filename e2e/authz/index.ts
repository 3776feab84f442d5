// Every feature's route table, one import line each (agent-notes/AUTHZ.md).
import type { RouteCase } from './types';
import { routes as foundation } from './foundation';

export const routes: RouteCase[] = [...foundation];
