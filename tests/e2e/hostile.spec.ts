/**
 * Hostile mail in a real browser (issue 8). List `hostile` holds tests/fixtures/e2e/hostile:
 * the whole hostile corpus (symlinked) plus url-ids.mbox. Every message's thread page, raw
 * page and every list page is opened with listeners on dialogs, script errors and
 * requests: mail must never run code or make the browser fetch from another host.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { listPath, messagePath, rawPath } from '../../lib/urls';

const LIST = 'hostile';
const HOST = `127.0.0.1:${process.env.E2E_PORT || 3100}`;

/** The cases of tests/fixtures/e2e/hostile/url-ids.mbox: subject suffix → Message-ID as stored. */
const URL_IDS: [string, string][] = [
  ['slash', 'a/b/c@hostile.example'],
  ['dotdot', '../../etc/passwd@hostile.example'],
  ['percent', '100%off%25%2F@hostile.example'],
  ['question', 'what?is=this&dup=1@hostile.example'],
  ['hash', 'hash#frag@hostile.example'],
  ['quotes', `"double"'single'@hostile.example`],
  // Whitespace is folding, not part of an id (RFC 5322 §3.6.4): stored without the space.
  ['space', '"johnsmith"@hostile.example'],
  ['unicode', 'ünïcødé-✓-😀@例え.jp'],
  ['long', 'l'.repeat(1200) + '@hostile.example'],
  ['backslash', 'back\\slash@hostile.example'],
  ['attribute', '"onfocus="alert(1)"autofocus="@hostile.example'],
  // `<..>` (case `dots`) cannot be a URL segment: it is stored under a content id instead.
];

interface Found {
  messageId: string;
  permalink: string;
  raw: string;
}

/** Record everything mail could make the browser do; the test asserts the list stays empty. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog (${d.type()}): ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    // The browser asks for /favicon.ico on its own; the app has none. Not caused by mail.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'http:' || url.host !== HOST) problems.push(`outside request: ${r.url()}`);
  });
  return problems;
}

/**
 * Markup mail could have smuggled in: event-handler attributes anywhere, links that are
 * not same-origin, http(s) or mailto, and outside links without rel noopener nofollow ugc.
 */
async function badMarkup(page: Page): Promise<string[]> {
  const handlers = await page.$$eval('body *', (elements) =>
    elements.flatMap((e) =>
      e
        .getAttributeNames()
        .filter((n) => n.startsWith('on'))
        .map((n) => `${e.tagName} ${n}`),
    ),
  );
  const links = await page.$$eval(
    'a[href]',
    (links, host) =>
      links.flatMap((a) => {
        const url = new URL((a as HTMLAnchorElement).href);
        if (url.protocol === 'mailto:') return [];
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return [`scheme: ${url.href}`];
        if (url.host === host) return [];
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        return ['noopener', 'nofollow', 'ugc'].every((r) => rel.includes(r))
          ? []
          : [`rel: ${url.href}`];
      }),
    HOST,
  );
  return [...handlers, ...links];
}

/** Thread links of every list page, following "older →". */
async function listPages(page: Page): Promise<{ pages: string[]; threads: string[] }> {
  const pages: string[] = [];
  const threads: string[] = [];
  for (let url: string | null = listPath(LIST); url !== null;) {
    pages.push(url);
    await page.goto(url);
    threads.push(
      ...(await page
        .locator('main ol a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
    );
    const older = page.getByRole('link', { name: 'older →' });
    url = (await older.count()) ? await older.getAttribute('href') : null;
  }
  return { pages, threads };
}

let found: { pages: string[]; messages: Found[] } | null = null;

/** Every message of the list, found the way a reader would: list pages, then threads. */
async function allMessages(browser: Browser): Promise<{ pages: string[]; messages: Found[] }> {
  if (found) return found;
  const page = await browser.newPage();
  const { pages, threads } = await listPages(page);
  const byPermalink = new Map<string, Found>();
  for (const href of threads) {
    await page.goto(href);
    for (const m of await page.locator('article.tl-msg').evaluateAll((articles) =>
      articles.map((a) => ({
        messageId: a.getAttribute('data-message-id')!,
        permalink: a.querySelector('a.tl-permalink')!.getAttribute('href')!,
        raw: a.querySelector('a.tl-raw')!.getAttribute('href')!,
      })),
    )) {
      byPermalink.set(m.raw, m);
    }
  }
  await page.close();
  found = { pages, messages: [...byPermalink.values()] };
  return found;
}

test.describe.configure({ timeout: 240_000 });

test('the hostile list holds every valid corpus message', async ({ browser }) => {
  const { messages } = await allMessages(browser);
  const ids = new Set(messages.map((m) => m.messageId));
  for (const [, id] of URL_IDS) expect(ids.has(id), id).toBe(true);
  // Two different messages share this Message-ID (duplicate-ids.mbox): both must be reachable.
  const dups = messages.filter((m) => m.messageId === 'dup@hostile.example').map((m) => m.raw);
  expect(dups.sort()).toEqual([
    rawPath(LIST, 'dup@hostile.example'),
    rawPath(LIST, 'dup@hostile.example', 1),
  ]);
  // 50 corpus messages (see tests/unit/hostile/import-hostile.test.ts, less the generated
  // ones) plus the 12 url-ids messages.
  expect(messages.length).toBe(62);
});

test('every thread page: no dialog, no script error, no outside request, safe links', async ({
  browser,
  page,
}) => {
  const { messages } = await allMessages(browser);
  const problems = watch(page);
  for (const m of messages) {
    const response = await page.goto(m.permalink, { waitUntil: 'networkidle' });
    expect(response?.status(), m.permalink).toBe(200);
    const shown = await page
      .locator('article.tl-msg')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-message-id')));
    expect(shown, m.permalink).toContain(m.messageId);
    problems.push(...(await badMarkup(page)).map((b) => `${m.permalink}: ${b}`));
  }
  expect(problems).toEqual([]);
});

test('every raw page: plain text, no dialog, no script error, no outside request', async ({
  browser,
  page,
}) => {
  const { messages } = await allMessages(browser);
  const problems = watch(page);
  for (const m of messages) {
    const response = await page.goto(m.raw, { waitUntil: 'networkidle' });
    expect(response?.status(), m.raw).toBe(200);
    expect(response?.headers()['content-type'], m.raw).toBe('text/plain; charset=utf-8');
    expect(await page.locator('script').count(), m.raw).toBe(0);
  }
  expect(problems).toEqual([]);
});

test('every list page: no dialog, no script error, no outside request, safe links', async ({
  browser,
  page,
}) => {
  const { pages } = await allMessages(browser);
  expect(pages.length).toBe(2);
  const problems = watch(page);
  for (const url of pages) {
    await page.goto(url, { waitUntil: 'networkidle' });
    problems.push(...(await badMarkup(page)).map((b) => `${url}: ${b}`));
  }
  await page.goto(listPath(LIST));
  await expect(page.getByRole('link', { name: "<script>alert('subject')</script>" })).toBeVisible();
  expect(problems).toEqual([]);
});

test('markup in mail is shown as text', async ({ page }) => {
  const problems = watch(page);
  await page.goto(messagePath(LIST, 'xss-script@hostile.example'), { waitUntil: 'networkidle' });
  const card = page.locator('article[data-message-id="xss-script@hostile.example"]');
  await expect(card.locator('.tl-author')).toHaveText('<script>alert(1)</script>');
  await expect(card.locator('.tl-body')).toContainText("<script>alert('body')</script>");
  await page.goto(messagePath(LIST, 'xss-filenames@hostile.example'), { waitUntil: 'networkidle' });
  await expect(page.getByText('attachment: <img src=x onerror=alert(1)>.txt')).toBeVisible();
  await page.goto(messagePath(LIST, 'html-script@hostile.example'), { waitUntil: 'networkidle' });
  const html = page.locator('article[data-message-id="html-script@hostile.example"] .tl-body');
  await expect(html).toContainText('Hello html world');
  await expect(html).not.toContainText('alert');
  expect(await page.locator('main iframe, main img, main svg, main object').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('Message-IDs with /, .., %, ?, #, quotes, spaces, unicode, 1200 chars round-trip', async ({
  page,
}) => {
  const problems = watch(page);
  for (const [name, id] of URL_IDS) {
    const response = await page.goto(messagePath(LIST, id));
    expect(response?.status(), name).toBe(200);
    await expect(page, name).toHaveTitle(`url-id ${name} · Threadlight`);
    await expect(page.locator('article.tl-msg').first(), name).toHaveAttribute(
      'data-message-id',
      id,
    );
    const raw = await page.request.get(rawPath(LIST, id));
    expect(raw.status(), name).toBe(200);
    expect(await raw.text(), name).toContain(`Subject: url-id ${name}\n`);
  }
  // The list page's links land on the same pages.
  await page.goto(listPath(LIST));
  for (const [name, id] of URL_IDS) {
    await page.goto(listPath(LIST));
    await page.getByRole('link', { name: `url-id ${name}`, exact: true }).click();
    await expect(page, name).toHaveTitle(`url-id ${name} · Threadlight`);
    expect(decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!), name).toBe(id);
  }
  expect(problems).toEqual([]);
});

test('a malformed address is a 400 and an unknown id a 404, never a server error', async ({
  page,
}) => {
  for (const path of ['/hostile/%E0%A4%A/', '/hostile/%E0%A4%A/raw', '/%ZZ/']) {
    expect((await page.request.get(path)).status(), path).toBe(400);
  }
  for (const path of ['/hostile/%25/', '/hostile/nope%40x/', '/hostile/nope%40x/raw']) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

/** The CSP's script nonce, after checking the policy has no unsafe-inline scripts. */
function checkPolicy(csp: string | undefined, where: string): string {
  expect(csp, where).toBeDefined();
  const directives = new Map(
    csp!.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const script = directives.get('script-src') ?? [];
  expect(script, where).not.toContain("'unsafe-inline'");
  expect(script, where).toContain("'strict-dynamic'");
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  expect(directives.get('base-uri'), where).toEqual(["'none'"]);
  const nonce = script.find((s) => s.startsWith("'nonce-"));
  expect(nonce, where).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
  return nonce!.slice("'nonce-".length, -1);
}

test('security headers on pages, route handlers, 404s and assets; scripts carry the nonce', async ({
  request,
}) => {
  const thread = messagePath(LIST, 'xss-script@hostile.example');
  const pages = ['/', listPath(LIST), thread, '/no-such-list/'];
  const handlers = [rawPath(LIST, 'xss-script@hostile.example'), `${thread}t.mbox`];
  const nonces = new Set<string>();
  let asset = '';
  for (const path of [...pages, ...handlers]) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('no-referrer');
    const nonce = checkPolicy(h['content-security-policy'], path);
    nonces.add(nonce);
    if (!pages.includes(path)) continue;
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    asset ||= /<script\b[^>]*\bsrc="([^"]+)"/.exec(html)?.[1] ?? '';
  }
  // A fresh nonce per response: a message author cannot learn one and reuse it.
  expect(nonces.size).toBe(pages.length + handlers.length);
  const raw = await request.get(handlers[0]!);
  expect(raw.headers()['content-disposition']).toMatch(/^inline; filename=/);
  expect(asset).toMatch(/^\/_next\/static\//);
  expect((await request.get(asset)).headers()['x-content-type-options']).toBe('nosniff');
});

test('scripts run under the policy: the thread script, and React on the other pages', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(messagePath(LIST, 'cycle-a@hostile.example'), { waitUntil: 'networkidle' });
  // The thread page's one script ran (it marks the page once its listeners are live).
  await expect(page.locator('html[data-enhanced]')).toBeAttached();
  await page.getByRole('link', { name: LIST, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${listPath(LIST)}$`));
  // Client navigation is React at work: only possible when the nonced runtime ran.
  await page.getByRole('link', { name: 'Threadlight', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => 'next' in window)).toBe(true);
  expect(problems).toEqual([]);
});
