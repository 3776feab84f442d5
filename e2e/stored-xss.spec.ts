// "No script ever runs when stored text is shown" (ARCHITECTURE.md: no 500 from user input). Hostile text goes into every
// free-text field a user can fill — through the JSON routes and the real forms — on a production
// made for this spec (so no other spec's records or holds are touched). Then every page that shows
// those records is opened as each role that may see it, and the exports are fetched.
//
// Two payload families, so that both classic tags (<script>, <img>, <svg>, javascript:) and the
// less common ones (event handlers on details/video/input/b, template injection, a CSV formula)
// reach the pages. No field refuses markup-like words: escaping on output is the defence.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInState } from './auth-state';
import { fileAnonymously, openWithReceipt, reportToken } from './anonymous-flow';
import { liveFormula, parseCsv } from './csv';

import { storageStateFor } from './auth-state';
import { acceptInviteLink, freshEmail, inviteAndActivate } from './pages/members-page';
import { one } from './db';

const RUN = randomUUID().slice(0, 6).toUpperCase();
const mark = (field: string) => `X${RUN}${field}`;
/** Every field that was given a payload, for the figures. */
const FIELDS = new Set<string>();

/** Classic tags and URLs. */
const FULL = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', '"><svg onload=window.__xss=1>', 'javascript:window.__xss=1'];
/** Less common markup, then template injection and a CSV formula. */
const BYPASS = [
  '"><details open ontoggle=window.__xss=1><summary>d</summary></details>',
  '<video src=x onerror=window.__xss=1></video>',
  '<input autofocus onfocus=window.__xss=1>',
  '<b onmouseover=window.__xss=1>b</b>',
  "{{constructor.constructor('window.__xss=1')()}}",
];
const FORMULA = '=HYPERLINK("https://evil.example","open")';

/** The marker, then as many payload fragments as fit in `max` characters (field limits differ). */
function payload(field: string, max: number, kind: 'full' | 'bypass', formula = false): string {
  FIELDS.add(field);
  let s = `${formula ? FORMULA + ' ' : ''}${mark(field)}`;
  for (const frag of kind === 'full' ? FULL : BYPASS) if (s.length + 1 + frag.length <= max) s += ` ${frag}`;
  return s;
}

/** Everything a shown page could carry if a payload came alive. */
async function inspect(page: Page): Promise<{ xss: unknown; injected: string[]; text: string }> {
  return page.evaluate(() => {
    const injected: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (a.name.startsWith('on') && a.value.includes('__xss')) injected.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction') && /^\s*javascript:/i.test(a.value)) injected.push(`<${el.tagName.toLowerCase()} ${a.name}=javascript:>`);
      }
    }
    if (document.querySelector('img[src="x"], video[src="x"]')) injected.push('img/video src=x');
    for (const s of Array.from(document.scripts)) if ((s.textContent ?? '').trim().startsWith('window.__xss')) injected.push('<script>window.__xss');
    return { xss: (window as unknown as { __xss?: unknown }).__xss, injected, text: document.body.textContent ?? '' };
  });
}

type Ids = {
  pid: string;
  incident: string;
  crewIncident: string;
  anonIncident: string;
  receipt: string;
  firearm: string;
  check: string;
  accounts: Record<'producer' | 'armorer' | 'crew' | 'auditor', { email: string; password: string; name: string }>;
};

const PHONE = { width: 375, height: 800 };

async function contextAs(browser: Browser, baseURL: string, email: string, password: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: PHONE, storageState: await signInState(baseURL, email, password) });
}

/** Builds the hostile production through the app: admin form, invites, JSON routes and forms. */
async function storeHostileText(browser: Browser, baseURL: string): Promise<Ids> {
  const admin = await browser.newContext({ baseURL, storageState: await storageStateFor('admin', baseURL) });
  const a = await admin.newPage();
  await a.goto('/admin');
  const form = a.getByRole('region', { name: 'New production' });
  const title = payload('title', 120, 'full');
  const producerEmail = freshEmail('xss.producer');
  const producerName = payload('pname', 100, 'full');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Production company').fill(payload('company', 120, 'full'));
  await form.getByLabel('Locations').fill(`${FORMULA} ${payload('locations', 440, 'full')}`);
  await form.getByLabel('First day').fill('2026-01-05');
  await form.getByLabel('Last day').fill('2027-12-20');
  await form.getByLabel('Time zone').fill('America/Denver');
  await form.getByLabel('Phase').selectOption('shooting');
  await form.getByLabel('Producer’s email').fill(producerEmail);
  await form.getByLabel('Producer’s name').fill(producerName);
  await form.getByRole('button', { name: 'Create production' }).click();
  await expect(form.getByTestId('invite-link')).toBeVisible();
  const link = await form.getByTestId('invite-link').getByRole('textbox', { name: 'Invite link' }).inputValue();
  await admin.close();
  const producerPassword = `pw-${randomUUID()}`;
  await acceptInviteLink(browser, link, producerPassword);
  const pid = one<{ id: string }>('select id from productions where title = ?', title).id;

  const producer = await contextAs(browser, baseURL, producerEmail, producerPassword);
  const p = await producer.newPage();
  const armorer = await inviteAndActivate(browser, p, pid, { role: 'armorer', name: payload('aname', 100, 'full') });
  const crew = await inviteAndActivate(browser, p, pid, { role: 'crew', name: payload('cname', 100, 'full'), positions: ['actor'] });
  const auditor = await inviteAndActivate(browser, p, pid, { role: 'auditor', name: payload('uname', 100, 'full') });
  const api = p.request;

  // Report text takes the full family too: markup-like words are not refused (a real report says
  // "<5 rounds" or "a <b> tag"); escaping on output is what keeps them inert.
  const legit = await api.post(`/api/productions/${pid}/incidents`, {
    data: { id: randomUUID(), type: 'other', description: `${mark('legit')} <5 rounds left, a <b> tag on the case`, location: 'Stage 1' },
  });
  expect(legit.status(), await legit.text()).toBe(201);
  expect(one<{ description: string }>('select description from incidents where id = ?', ((await legit.json()) as { id: string }).id).description).toBe(
    `${mark('legit')} <5 rounds left, a <b> tag on the case`,
  );
  // Control characters, NUL, a lone surrogate and a bidirectional override are cleaned before storing.
  const dirty = await api.post(`/api/productions/${pid}/incidents`, {
    data: { id: randomUUID(), type: 'other', description: `${mark('dirty')} a\u0000b\u0007c \uD800 \u202Egnihton\u202C Cafe\u0301`, location: 'Stage\u0000 1' },
  });
  expect(dirty.status(), await dirty.text()).toBe(201);
  const stored = one<{ description: string; location: string }>('select description, location from incidents where id = ?', ((await dirty.json()) as { id: string }).id);
  expect(stored.description).toBe(`${mark('dirty')} abc \uFFFD gnihton Caf\u00e9`);
  expect(stored.location).toBe('Stage 1');
  const filed = await api.post(`/api/productions/${pid}/incidents`, {
    data: {
      id: randomUUID(),
      type: 'unsafe_condition',
      description: payload('desc', 5000, 'full', true),
      location: payload('where', 200, 'bypass'),
      scene: payload('scene', 200, 'bypass'),
      immediateActions: payload('actions', 5000, 'bypass', true),
      peopleInvolved: payload('people', 2000, 'bypass'),
      severity: 'low',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const incident = ((await filed.json()) as { id: string }).id;

  const crewCtx = await contextAs(browser, baseURL, crew.email, crew.password);
  const crewFiled = await crewCtx.request.post(`/api/productions/${pid}/incidents`, {
    data: { id: randomUUID(), type: 'other', description: payload('crewdesc', 5000, 'bypass', true), location: payload('crewwhere', 200, 'bypass') },
  });
  expect(crewFiled.status(), await crewFiled.text()).toBe(201);
  const crewIncident = ((await crewFiled.json()) as { id: string }).id;

  // Comment, corrective action and the closing resolution, through the incident page's forms.
  await p.goto(`/productions/${pid}/incidents/${incident}`);
  const comment = p.getByRole('form', { name: 'Add a comment' });
  await comment.getByLabel('Add a comment').fill(payload('comment', 5000, 'bypass', true));
  await comment.getByRole('button', { name: 'Post comment' }).click();
  await expect(p.getByText(mark('comment')).first()).toBeVisible();
  const ca = p.getByRole('form', { name: 'Add a corrective action' });
  await ca.getByLabel('What will be done').fill(payload('ca', 1000, 'bypass', true));
  await ca.locator('#ca-owner').selectOption({ index: 1 });
  await ca.getByLabel('Due').fill('2026-12-31');
  await ca.getByRole('button', { name: 'Add corrective action' }).click();
  await expect(p.getByText(mark('ca')).first()).toBeVisible();
  // An open corrective action keeps a report open: the resolution goes on crew's report.
  await p.goto(`/productions/${pid}/incidents/${crewIncident}`);
  const status = p.getByRole('form', { name: 'Change status' });
  await status.getByLabel('Move to').selectOption('closed');
  await status.getByLabel(/Resolution/).fill(payload('resolution', 5000, 'bypass', true));
  await status.getByRole('button', { name: 'Close report' }).click();
  await expect(p.getByText(mark('resolution')).first()).toBeVisible();

  // A stop-work hold called by crew and lifted by the producer (this production only).
  const c = await crewCtx.newPage();
  await c.goto(`/productions/${pid}/hold`);
  await c.getByLabel('Why must work stop?').fill(payload('hold', 2000, 'bypass', true));
  await c.getByRole('button', { name: 'Call stop-work hold' }).click();
  await expect(c.getByTestId('hold-banner')).toContainText(mark('hold'));
  await p.goto(`/productions/${pid}/hold`);
  await p.getByLabel('Written resolution').fill(payload('lift', 5000, 'bypass', true));
  await p.getByRole('button', { name: 'Lift hold' }).click();
  await p.getByRole('button', { name: 'Yes, lift the hold' }).click();
  await expect(p.getByTestId('hold-banner')).toHaveCount(0);

  // Inventory by JSON, then a failing check and a safety meeting through their forms.
  const armorerCtx = await contextAs(browser, baseURL, armorer.email, armorer.password);
  const fa = await armorerCtx.request.post(`/api/productions/${pid}/firearms`, {
    data: {
      tag: payload('tag', 30, 'bypass'),
      make: payload('make', 80, 'bypass'),
      model: payload('model', 80, 'bypass'),
      serial: payload('serial', 80, 'bypass'),
      kind: 'non_firing_replica',
      status: 'locked_up',
      notes: payload('notes', 2000, 'bypass', true),
    },
  });
  expect(fa.status(), await fa.text()).toBe(201);
  const firearm = ((await fa.json()) as { id: string }).id;
  const lot = await armorerCtx.request.post(`/api/productions/${pid}/ammunition`, {
    data: {
      id: randomUUID(),
      kind: 'dummy',
      calibre: payload('calibre', 40, 'bypass'),
      countOnHand: 12,
      supplier: payload('supplier', 120, 'bypass'),
      lotNumber: payload('lot', 80, 'bypass'),
      paperworkRef: 'DN-XSS',
      receivedOn: '2026-11-02',
      verificationMethods: ['rattle'],
      verifiedCount: 12,
      inspected: true,
      inspectionNotes: payload('inspect', 2000, 'bypass', true),
    },
  });
  expect(lot.status(), await lot.text()).toBe(201);

  const ar = await armorerCtx.newPage();
  await ar.goto(`/productions/${pid}/checks/new`);
  await ar.getByRole('combobox', { name: 'Weapon' }).selectOption(firearm);
  await ar.getByLabel('Scene or setup').fill(payload('chscene', 60, 'bypass'));
  await ar.getByRole('radio', { name: /Fail/ }).check();
  await ar.getByLabel('Findings').fill(payload('findings', 2000, 'bypass', true));
  await ar.getByRole('button', { name: 'Record the check' }).click();
  await expect(ar).toHaveURL(new RegExp(`/productions/${pid}/checks/[0-9a-f-]{36}$`));
  const check = ar.url().split('/').pop()!;

  await ar.goto(`/productions/${pid}/meetings`);
  await ar.getByLabel('Scene or setup').fill(payload('mscene', 60, 'bypass'));
  await ar.getByLabel('Firearms on set').check();
  await ar.getByLabel('Other topics and notes').fill(payload('topics', 2000, 'bypass', true));
  await ar.getByRole('checkbox', { name: new RegExp(mark('cname')) }).check();
  await ar.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(ar.getByText(mark('topics')).first()).toBeVisible();

  // The anonymous report, a question to its reporter (JSON) and the reporter's answer.
  const reporter = await browser.newContext({ baseURL });
  const rp = await reporter.newPage();
  const { receipt, number } = await fileAnonymously(rp, `/report/${reportToken(pid)}`, {
    description: payload('anondesc', 5000, 'bypass', true),
    location: payload('anonwhere', 200, 'bypass'),
  }, { publish: true });
  const anonIncident = one<{ id: string }>('select id from incidents where production_id = ? and number = ?', pid, number).id;
  const asked = await api.post(`/api/productions/${pid}/incidents/${anonIncident}/questions`, { data: { body: payload('question', 2000, 'bypass', true) } });
  expect(asked.status(), await asked.text()).toBe(201);
  await openWithReceipt(rp, receipt);
  await rp.getByRole('textbox', { name: 'Your answer' }).fill(payload('answer', 5000, 'bypass', true));
  await rp.getByRole('button', { name: 'Send answer anonymously' }).click();
  await expect(rp.getByText('Answer sent anonymously.')).toBeVisible();

  for (const ctx of [producer, crewCtx, armorerCtx, reporter]) await ctx.close();
  return {
    pid,
    incident,
    crewIncident,
    anonIncident,
    receipt,
    firearm,
    check,
    accounts: {
      producer: { email: producerEmail, password: producerPassword, name: producerName },
      armorer: { ...armorer },
      crew: { ...crew },
      auditor: { ...auditor },
    },
  };
}

test.describe('stored hostile text never runs', () => {
  test.describe.configure({ timeout: 300_000 });

  test('every page showing it, as every role that may see it, and the exports', async ({ browser, baseURL }) => {
    const ids = await storeHostileText(browser, baseURL!);
    const { pid } = ids;
    const base = `/productions/${pid}`;
    // page → who opens it → markers it must show as text
    const pages: { path: string; roles: ('producer' | 'armorer' | 'crew' | 'auditor' | 'admin' | 'reporter')[]; shows: string[] }[] = [
      { path: '/', roles: ['producer', 'crew'], shows: ['title'] },
      { path: base, roles: ['producer', 'armorer', 'crew', 'auditor'], shows: ['title', 'locations'] },
      { path: `${base}/incidents`, roles: ['producer', 'armorer', 'auditor'], shows: ['desc', 'crewdesc'] },
      { path: `${base}/incidents`, roles: ['crew'], shows: ['crewdesc'] },
      { path: `${base}/incidents/${ids.incident}`, roles: ['producer', 'armorer', 'auditor'], shows: ['desc', 'where', 'scene', 'actions', 'people', 'comment', 'ca', 'pname'] },
      { path: `${base}/incidents/${ids.crewIncident}`, roles: ['crew', 'producer'], shows: ['crewdesc', 'crewwhere', 'resolution', 'cname'] },
      { path: `${base}/incidents/${ids.anonIncident}`, roles: ['producer'], shows: ['anondesc', 'anonwhere', 'question', 'answer'] },
      { path: `${base}/incidents/${ids.incident}/report`, roles: ['producer', 'auditor'], shows: ['desc', 'actions', 'comment', 'ca'] },
      { path: `${base}/hold`, roles: ['producer', 'crew'], shows: ['hold', 'lift'] },
      { path: `${base}/firearms`, roles: ['armorer', 'producer', 'auditor'], shows: ['tag', 'make', 'model'] },
      { path: `${base}/firearms/${ids.firearm}`, roles: ['armorer', 'producer', 'auditor'], shows: ['tag', 'serial', 'notes', 'findings'] },
      { path: `${base}/ammunition`, roles: ['armorer', 'producer', 'auditor'], shows: ['calibre', 'supplier', 'lot'] },
      { path: `${base}/checks`, roles: ['armorer', 'producer'], shows: ['chscene'] },
      { path: `${base}/checks/${ids.check}`, roles: ['armorer', 'producer', 'auditor'], shows: ['chscene', 'findings'] },
      { path: `${base}/custody`, roles: ['armorer', 'producer'], shows: ['tag'] },
      { path: `${base}/meetings`, roles: ['armorer', 'crew', 'producer'], shows: ['mscene', 'topics', 'cname'] },
      { path: `${base}/members`, roles: ['producer', 'crew'], shows: ['pname', 'aname', 'cname', 'uname'] },
      { path: `${base}/dashboard`, roles: ['producer', 'auditor'], shows: ['title'] },
      { path: '/dashboard', roles: ['producer'], shows: ['title'] },
      { path: `${base}/audit`, roles: ['producer', 'auditor'], shows: ['pname'] },
      { path: `${base}/reporting`, roles: ['producer', 'crew'], shows: ['title'] },
      { path: `${base}/settings`, roles: ['producer'], shows: [] },
      { path: '/notifications', roles: ['producer'], shows: [] },
      { path: '/admin', roles: ['admin'], shows: ['title', 'pname'] },
      { path: `/report/${reportToken(pid)}`, roles: ['reporter'], shows: ['title'] },
    ];

    const contexts: Record<string, BrowserContext> = {};
    const open = async (role: string) => {
      if (!contexts[role]) {
        if (role === 'admin') contexts[role] = await browser.newContext({ baseURL, viewport: PHONE, storageState: await storageStateFor('admin', baseURL!) });
        else if (role === 'reporter') contexts[role] = await browser.newContext({ baseURL, viewport: PHONE });
        else {
          const acc = ids.accounts[role as keyof Ids['accounts']];
          contexts[role] = await contextAs(browser, baseURL!, acc.email, acc.password);
        }
      }
      return contexts[role];
    };

    const problems: string[] = [];
    const sideScroll: string[] = [];
    let checked = 0;
    const visit = async (role: string, go: (page: Page) => Promise<unknown>, where: string, shows: string[]) => {
      const page = await (await open(role)).newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      await go(page);
      await page.waitForLoadState('networkidle');
      // Handlers such as onfocus, ontoggle and onerror run in tasks queued at insertion or on a
      // failed load: once the network is idle, two animation frames later they have all run.
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      await page.mouse.move(200, 300);
      const r = await inspect(page);
      checked++;
      // The sweep runs on a phone-sized window: long unbroken payload words must wrap (house rule: no side scroll at 375 px).
      const wide = await page.evaluate(() => {
        const sw = document.documentElement.scrollWidth;
        if (sw <= 375) return null;
        const culprits = [...document.querySelectorAll('body *')].filter((e) => e.scrollWidth > e.clientWidth + 2 && getComputedStyle(e).overflowX === 'visible');
        const last = culprits[culprits.length - 1];
        return `${sw}px at <${last?.tagName.toLowerCase()} class="${String(last?.className ?? '').slice(0, 60)}">`;
      });
      if (wide) sideScroll.push(`${role} ${where}: ${wide}`);
      if (r.xss !== undefined) problems.push(`${role} ${where}: window.__xss was set`);
      if (dialogs.length) problems.push(`${role} ${where}: dialogs ${dialogs.join(' | ')}`);
      if (r.injected.length) problems.push(`${role} ${where}: injected ${r.injected.join(', ')}`);
      for (const m of shows) if (!r.text.includes(mark(m))) problems.push(`${role} ${where}: does not show ${m}`);
      if (shows.length && !r.text.includes('window.__xss=1')) problems.push(`${role} ${where}: the payload is not shown as text`);
      await page.close();
    };

    for (const pg of pages) for (const role of pg.roles) await visit(role, (p) => p.goto(pg.path), pg.path, pg.shows);
    // How the hostile text looks on a phone (test-results/ is not committed).
    const phone = await (await open('producer')).newPage();
    await phone.goto(`${base}/incidents/${ids.incident}`);
    await phone.screenshot({ path: test.info().outputPath('incident-with-hostile-text-375.png'), fullPage: true });
    await phone.close();
    await visit('reporter', (p) => openWithReceipt(p, ids.receipt), '/report/follow-up (receipt)', ['anondesc', 'question', 'answer']);

    // Exports: formulas neutralised in CSV, JSON never sniffed as HTML, a safe file name.
    const producer = await open('producer');
    let exportsChecked = 0;
    for (const dataset of ['incidents', 'checks', 'custody', 'audit']) {
      for (const format of ['csv', 'json']) {
        const res = await producer.request.get(`/api/productions/${pid}/export/${dataset}.${format}`);
        expect(res.status(), `${dataset}.${format}`).toBe(200);
        const h = res.headers();
        expect(h['x-content-type-options']).toBe('nosniff');
        expect(h['content-disposition']).toMatch(new RegExp(`^attachment; filename="setsafe-[a-z0-9-]+-${dataset}-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`));
        const body = await res.text();
        if (format === 'json') {
          expect(h['content-type']).toBe('application/json; charset=utf-8');
          expect(() => JSON.parse(body)).not.toThrow();
        } else {
          expect(h['content-type']).toBe('text/csv; charset=utf-8');
          const { comments, header, rows } = parseCsv(body);
          expect(comments).toHaveLength(0);
          expect(body.startsWith(header.join(','))).toBe(true);
          expect(h['x-setsafe-chain-head']).toMatch(/^\d+:[0-9a-f]{64}$/);
          const cells = rows.flatMap((r) => Object.values(r));
          const live = cells.filter(liveFormula);
          expect(live, `${dataset}.csv cells that a spreadsheet would run`).toEqual([]);
          if (dataset === 'incidents') expect(cells.some((v) => v.startsWith(`'${FORMULA}`))).toBe(true);
        }
        exportsChecked++;
      }
    }
    for (const ctx of Object.values(contexts)) await ctx.close();

    const summary = `[stored-xss] ${BYPASS.length + FULL.length + 1} payloads in ${FIELDS.size} fields ${checked} page views checked (${pages.length + 1} pages × their roles); ${exportsChecked} exports checked`;
    console.log(summary);
    console.log(`[stored-xss] side scroll at 375 px: ${sideScroll.length ? sideScroll.join('; ') : 'none'}`);
    test.info().annotations.push({ type: 'stored-xss', description: summary });
    expect(problems).toEqual([]);
    expect(sideScroll, 'pages that scroll sideways on a phone').toEqual([]);
  });
});
