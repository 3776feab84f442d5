// Every feature's routes, one line each; authz.spec.ts walks them all.
import type { RouteCase } from './types';
import { routes as anonymous } from './anonymous';

export const ROUTES: RouteCase[] = [...anonymous];
