import { describe, expect, it } from 'vitest';
import { clearsCopies, fallbackHtml, isStaticAsset, keepsCopy, staticAssetsIn, titleOf } from './protocol';

describe('which pages get an offline copy', () => {
  it('keeps app pages and the home page', () => {
    for (const p of ['/', '/productions/p1', '/productions/p1/incidents/new', '/productions/p1/hold', '/account']) expect(keepsCopy(p), p).toBe(true);
  });
  it('never keeps the anonymous report link, invitations, sign-in, route handlers or files', () => {
    for (const p of ['/report/tok123', '/report/follow-up', '/invite/abc', '/sign-in', '/api/productions/p1/incidents', '/sw.js', '/icon.svg', '/_next/static/chunks/a.js']) expect(keepsCopy(p), p).toBe(false);
  });
  it('reads build files as static and sign-in/out posts as clearing the copies', () => {
    expect(isStaticAsset('/_next/static/chunks/app.js')).toBe(true);
    expect(isStaticAsset('/productions/p1')).toBe(false);
    expect(clearsCopies('/api/auth/signout', 'POST')).toBe(true);
    expect(clearsCopies('/api/auth/callback/credentials', 'POST')).toBe(true);
    expect(clearsCopies('/api/auth/callback/credentials', 'GET')).toBe(false);
    expect(clearsCopies('/api/productions/p1/incidents', 'POST')).toBe(false);
  });
});

describe('what a kept page needs', () => {
  it('finds scripts, styles and the chunks named in the inline payload (escaped or not)', () => {
    const html = `<link rel="stylesheet" href="/_next/static/css/a1.css"><script src="/_next/static/chunks/main-9f.js" async></script>
      <script>self.__next_f.push([1,"2:I[\\"static/chunks/app/form-3c.js\\",[]]"])</script><img src="/icon.svg">`;
    expect(staticAssetsIn(html).sort()).toEqual(['/_next/static/chunks/app/form-3c.js', '/_next/static/chunks/main-9f.js', '/_next/static/css/a1.css']);
  });
  it('finds the chunks a script loads on demand (the bundler names them as literals)', () => {
    const js = `e=>{e.v(r=>Promise.all(["static/chunks/1nwo0i6rvf1_u.js","static/chunks/13eydea0kgf5r.js"].map(r=>e.l(r))).then(()=>r(48358)))}`;
    expect(staticAssetsIn(js).sort()).toEqual(['/_next/static/chunks/13eydea0kgf5r.js', '/_next/static/chunks/1nwo0i6rvf1_u.js']);
    expect(staticAssetsIn('var a="static";function l(){}')).toEqual([]);
  });
  it('reads the title with its escapes', () => {
    expect(titleOf('<head><title>Report &amp; hold · SetSafe</title></head>')).toBe('Report & hold · SetSafe');
    expect(titleOf('<p>none</p>')).toBe('');
  });
});

describe('the page shown with no copy', () => {
  it('says so, lists saved copies newest first, and escapes what it lists', () => {
    const html = fallbackHtml(
      [
        { url: 'http://x/productions/p1/hold', title: 'Holds <b>', savedAt: 1 },
        { url: 'http://x/productions/p1/incidents/new', title: 'New report', savedAt: 2 },
      ],
      (ms) => `t${ms}`,
    );
    expect(html).toContain('This page was not saved on this phone');
    expect(html.indexOf('New report')).toBeLessThan(html.indexOf('Holds'));
    expect(html).toContain('Holds &lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script/i);
    expect(fallbackHtml([], String)).toContain('No page is saved on this phone yet');
  });
});
