// Every feature's route table, one import line each (ARCHITECTURE.md: tests).
import type { RouteCase } from './types';
import { routes as foundation } from './foundation';
import { routes as firearms } from './firearms';
import { routes as rust } from './rust';
import { routes as bench } from './bench';
import { routes as incidents } from './incidents';
import { routes as oversight } from './oversight';
import { routes as anonymous } from './anonymous';
import { routes as signals } from './signals';
import { routes as signInLink } from './sign-in-link';
import { routes as scenePlans } from './scene-plans';
import { routes as osha } from './osha';
import { routes as firearmsReport } from './firearms-report';

import { routes as ammunition } from './ammunition';

export const routes: RouteCase[] = [...foundation, ...firearms, ...rust, ...bench, ...incidents, ...oversight, ...anonymous, ...signals, ...signInLink, ...scenePlans, ...osha, ...firearmsReport, ...ammunition];
