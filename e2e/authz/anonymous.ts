// Routes of issue 5 (anonymous reports and photos) for the authorization matrix.
import { BASE_URL } from '../../playwright.config';
import { fileAnonymously, gpsJpeg } from '../anonymous-flow';
import { CALLERS, type AuthzCtx, type Caller, type Expectation, type RouteCase } from './types';

const everyone = (e: Expectation) => Object.fromEntries(CALLERS.map((c) => [c, e])) as Record<Caller, Expectation>;
const demoToken = (ctx: AuthzCtx) => ctx.value('select report_token from productions where id = ?', ctx.demo);

/** One anonymous report with one photo in the demo production, made once per run through the public form. */
let made: Promise<Record<string, string>> | null = null;
const prepare: RouteCase['prepare'] = (ctx, browser) =>
  (made ??= (async () => {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    const marker = `authz matrix photo ${Date.now()}`;
    const { receipt } = await fileAnonymously(page, `/report/${demoToken(ctx)}`, {
      description: marker,
      location: 'Authz stage',
      photos: [{ name: 'authz.jpg', mimeType: 'image/jpeg', buffer: await gpsJpeg() }],
    });
    await context.close();
    const incidentId = ctx.value('select id from incidents where description = ?', marker);
    const attachmentId = ctx.value('select id from attachments where incident_id = ?', incidentId);
    return { receipt, incidentId, attachmentId };
  })());

export const routes: RouteCase[] = [
  { name: 'anonymous report form (current link)', path: (ctx) => `/report/${demoToken(ctx)}`, method: 'GET', kind: 'page', expect: everyone('ok') },
  { name: 'anonymous report form (unknown or rotated link)', path: () => '/report/this-link-was-rotated-long-ago', method: 'GET', kind: 'page', expect: everyone('notfound') },
  { name: 'receipt follow-up', path: () => '/report/follow-up', method: 'GET', kind: 'page', expect: everyone('ok') },
  {
    name: 'anonymous reporting link and QR code',
    path: (ctx) => `/productions/${ctx.demo}/reporting`,
    method: 'GET',
    kind: 'page',
    expect: { crew: 'ok', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Crew may see only the incidents they filed: an anonymous report is nobody's.
    name: 'incident photo',
    path: (ctx) => `/api/productions/${ctx.demo}/incidents/${ctx.made.incidentId}/attachments/${ctx.made.attachmentId}`,
    method: 'GET',
    kind: 'api',
    prepare,
    expect: { crew: 'notfound', armorer: 'ok', producer: 'ok', auditor: 'ok', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Not firearm-related: only producers ask (the armorer asks about firearm-related reports).
    name: 'ask the anonymous reporter (JSON)',
    path: (ctx) => `/api/productions/${ctx.demo}/incidents/${ctx.made.incidentId}/questions`,
    method: 'POST',
    kind: 'api',
    prepare,
    body: () => ({ body: 'Authorization matrix: which stage was it?' }),
    expect: { crew: 'forbidden', armorer: 'forbidden', producer: 'ok', auditor: 'forbidden', admin: 'notfound', other: 'notfound', anon: 'signin' },
  },
  {
    // Public: the receipt is the key, whoever is signed in.
    name: 'reporter’s own photo, with the receipt',
    path: (ctx) => `/api/report/attachments/${ctx.made.attachmentId}`,
    method: 'POST',
    kind: 'api',
    prepare,
    body: (ctx) => ({ receipt: ctx.made.receipt }),
    expect: everyone('ok'),
  },
  {
    name: 'reporter’s photo, with a wrong receipt',
    path: (ctx) => `/api/report/attachments/${ctx.made.attachmentId}`,
    method: 'POST',
    kind: 'api',
    prepare,
    body: () => ({ receipt: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
    expect: everyone('notfound'),
  },
];
