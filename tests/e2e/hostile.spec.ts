/**
 * Hostile mail in a real browser (issue 8). List `hostile` holds tests/fixtures/e2e/hostile:
 * the whole hostile corpus (symlinked) plus url-ids.mbox. Every message's thread page, raw
 * page and conversation page, every list page, the series, search and Atom pages are
 * opened with listeners on dialogs, script errors and requests: mail must never run code
 * or make the browser fetch from another host.
 */
import { expect, test, type APIResponse, type Browser, type Page } from '@playwright/test';
import { messageAnchor } from '../../lib/anchors';
import { listFeedPath, listMboxPath, threadFeedPath } from '../../lib/feeds/feed-paths';
import { MAX_RENDERED_NESTING, MAX_THREAD_PAGE_MESSAGES } from '../../lib/limits';
import { listPath, messagePath, rawPath } from '../../lib/urls';
import { parseXml, type XmlElement } from '../unit/search/well-formed-xml';
import { gotoEnhanced } from './helpers';

const LIST = 'hostile';
/** The server under test (host:port): every request and unmarked link must stay on it. */
const host = () => new URL(test.info().project.use.baseURL!).host;

/** The cases of tests/fixtures/e2e/hostile/url-ids.mbox: subject suffix → Message-ID as stored. */
const URL_IDS: [string, string][] = [
  ['slash', 'a/b/c@hostile.example'],
  ['dotdot', '../../etc/passwd@hostile.example'],
  ['percent', '100%off%25%2F@hostile.example'],
  ['question', 'what?is=this&dup=1@hostile.example'],
  ['hash', 'hash#frag@hostile.example'],
  ['quotes', `"double"'single'@hostile.example`],
  // A blank inside a quoted local-part is part of the id (RFC 5322 §3.2.4): kept, so it
  // stays apart from `"johnsmith"@…` and the URL of the real id finds it.
  ['space', '"john smith"@hostile.example'],
  ['unicode', 'ünïcødé-✓-😀@例え.jp'],
  ['long', 'l'.repeat(1200) + '@hostile.example'],
  ['backslash', 'back\\slash@hostile.example'],
  ['attribute', '"onfocus="alert(1)"autofocus="@hostile.example'],
  // `<..>` (case `dots`) cannot be a URL segment: it is stored under a content id instead.
];

interface Found {
  messageId: string;
  /** Which of the messages sharing the Message-ID (`?dup=N`); 0 for the first. */
  dup: number;
  permalink: string;
  raw: string;
}

/** reply-chain-1000.mbox: a thread of its own, 1,000 deep, with its own test below. */
const CHAIN = 1000;
const chainId = (i: number) => `c${i}@chain`;
const RE_CHAIN_ID = /^c\d+@chain$/;

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
    if (url.protocol !== 'http:' || url.host !== host())
      problems.push(`outside request: ${r.url()}`);
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
    host(),
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
      // The 1,000-message chain is checked page by page in its own test.
      if (RE_CHAIN_ID.test(m.messageId)) continue;
      const dup = Number(new URL(m.raw, 'http://localhost').searchParams.get('dup') ?? 0);
      byPermalink.set(m.raw, { ...m, dup });
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
  // 55 corpus messages (see tests/unit/hostile/import-hostile.test.ts, less the generated
  // ones and the reply chain) plus the 12 url-ids messages.
  expect(messages.length).toBe(67);
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

test('security headers on pages, route handlers, redirects, uploads, 404s, 400s and assets; scripts carry the nonce', async ({
  request,
}) => {
  const thread = messagePath(LIST, 'xss-script@hostile.example');
  const pages = ['/', listPath(LIST), thread, '/no-such-list/'];
  const get = (path: string) => () => request.get(path, { maxRedirects: 0 });
  // Everything that is not an HTML page, with the status it answers.
  const others: [string, () => Promise<APIResponse>, number][] = [
    ['raw', get(rawPath(LIST, 'xss-script@hostile.example')), 200],
    ['t.mbox', get(`${thread}t.mbox`), 200],
    ['t.atom', get(threadFeedPath(LIST, 'xss-script@hostile.example')), 200],
    ['new.atom', get(listFeedPath(LIST)), 200],
    ['all.mbox.gz', get(listMboxPath(LIST)), 200],
    ['series.mbox', get(`${messagePath(LIST, 'xss-series-1@hostile.example')}series.mbox`), 200],
    ['results.mbox.gz', get(`/search/results.mbox.gz?q=alert&list=${LIST}`), 200],
    ['/r/', get(`/r/${encodeURIComponent('xss-script@hostile.example')}/`), 302],
    // An empty form: answered with a redirect back to the form (it counts as one upload).
    [
      'POST /upload/submit',
      () => request.post('/upload/submit', { multipart: { text: '' }, maxRedirects: 0 }),
      303,
    ],
    // proxy.ts answers a malformed address itself, before any route.
    ['proxy 400', get('/hostile/%E0%A4%A/'), 400],
  ];
  const nonces = new Set<string>();
  let asset = '';
  const checkHeaders = (response: APIResponse, where: string): string => {
    const h = response.headers();
    expect(h['x-content-type-options'], where).toBe('nosniff');
    expect(h['referrer-policy'], where).toBe('no-referrer');
    const nonce = checkPolicy(h['content-security-policy'], where);
    nonces.add(nonce);
    return nonce;
  };
  for (const path of pages) {
    const response = await request.get(path);
    const nonce = checkHeaders(response, path);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    asset ||= /<script\b[^>]*\bsrc="([^"]+)"/.exec(html)?.[1] ?? '';
  }
  for (const [where, send, status] of others) {
    const response = await send();
    expect(response.status(), where).toBe(status);
    checkHeaders(response, where);
  }
  // A fresh nonce per response: a message author cannot learn one and reuse it.
  expect(nonces.size).toBe(pages.length + others.length);
  const raw = await others[0]![1]();
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

test('a reply chain 1,000 deep: every message on its page, deep replies flat and reachable', async ({
  page,
}) => {
  const problems = watch(page);
  const shown: string[] = [];
  for (const n of [1, 2]) {
    const url = `${messagePath(LIST, chainId(0))}?page=${n}`;
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('navigation', { name: 'Thread pages' }).first()).toContainText(
      `Page ${n} of 2 (${CHAIN} messages)`,
    );
    shown.push(
      ...(await page
        .locator('article.tl-msg')
        .evaluateAll((as) => as.map((a) => a.getAttribute('data-message-id')!))),
    );
    // Nesting stops at MAX_RENDERED_NESTING levels; deeper replies follow one another
    // inside the deepest level, each badged with its real depth.
    const flat = page.locator('details.tl-node.tl-flat');
    await expect(flat).toHaveCount(MAX_THREAD_PAGE_MESSAGES - MAX_RENDERED_NESTING);
    const badges = await flat.evaluateAll((nodes) =>
      nodes.map((d) => [
        `depth ${d.getAttribute('data-depth')}`,
        d.querySelector(':scope > summary .tl-depth')?.textContent,
      ]),
    );
    for (const [want, got] of badges) expect(got).toBe(want);
    const nesting = await page.evaluate(() => {
      let deepest = 0;
      for (const node of document.querySelectorAll('.tl-node')) {
        let levels = 0;
        for (let n: Element | null = node; n; n = n.parentElement?.closest('.tl-node') ?? null) {
          levels++;
        }
        deepest = Math.max(deepest, levels);
      }
      return deepest;
    });
    expect(nesting, url).toBe(MAX_RENDERED_NESTING + 1);
    problems.push(...(await badMarkup(page)).map((b) => `${url}: ${b}`));
  }
  expect(shown).toEqual(Array.from({ length: CHAIN }, (_, i) => chainId(i)));

  // A permalink to a flat reply with every reply collapsed (`?depth=1`): the page script
  // opens its collapsed ancestors (components/ui/permalink-dom.ts expandTo).
  const deep = chainId(700);
  const anchor = messageAnchor(deep);
  await gotoEnhanced(page, `${messagePath(LIST, deep)}?depth=1#${anchor}`);
  await expect(page.locator(`article#${anchor}`)).toBeVisible();
  // j/k walk the flat replies in reading order (components/ui/thread-keys.ts).
  const summary = (id: string) =>
    page.locator(`details.tl-node[data-anchor="${messageAnchor(id)}"] > summary`);
  await summary(deep).focus();
  await page.keyboard.press('j');
  await expect(summary(chainId(701))).toBeFocused();
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(summary(chainId(699))).toBeFocused();
  expect(problems).toEqual([]);
});

test('a reply under 256 missing parents is shown below its ghosts', async ({ page }) => {
  const problems = watch(page);
  const id = 'many-references@hostile.example';
  await gotoEnhanced(page, messagePath(LIST, id));
  await expect(page.locator(`article[data-message-id="${id}"]`)).toBeVisible();
  // 256 References are kept, each a parent not in the archive.
  await expect(
    page.locator('div.tl-node > p', { hasText: 'message not in this archive' }),
  ).toHaveCount(256);
  await expect(
    page.locator(`details.tl-node[data-anchor="${messageAnchor(id)}"] > summary .tl-depth`),
  ).toHaveText('depth 256');
  expect(problems).toEqual([]);
});

test('every conversation page: no dialog, no script error, no outside request, safe links', async ({
  browser,
  page,
}) => {
  const { messages } = await allMessages(browser);
  const problems = watch(page);
  for (const m of messages) {
    const url = `${messagePath(LIST, m.messageId)}conversation${m.dup ? `?dup=${m.dup}` : ''}`;
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
    problems.push(...(await badMarkup(page)).map((b) => `${url}: ${b}`));
  }
  // Markup quoted in mail is a turn's text.
  await page.goto(`${messagePath(LIST, 'xss-series-review@hostile.example')}conversation`, {
    waitUntil: 'networkidle',
  });
  await expect(
    page.locator('.tl-turn-author', { hasText: "<svg onload=alert('reviewer')>" }),
  ).toHaveCount(1);
  await expect(page.locator('main')).toContainText(`+"><img src=x onerror=alert('diff')>`);
  expect(problems).toEqual([]);
});

test('a hostile patch series: banner, series page and series.mbox show it as text', async ({
  page,
  request,
}) => {
  const problems = watch(page);
  const part = messagePath(LIST, 'xss-series-1@hostile.example');
  await page.goto(part, { waitUntil: 'networkidle' });
  const banner = page.locator('.tl-series-banner');
  await expect(banner).toContainText("<script>alert('series')</script>");
  problems.push(...(await badMarkup(page)).map((b) => `${part}: ${b}`));
  await banner.getByRole('link', { name: 'series view' }).click();
  await expect(page).toHaveURL(/\/series$/);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "[PATCH] <script>alert('series')</script>",
  );
  const parts = page.locator('.tl-series-parts > li');
  await expect(parts).toHaveCount(2);
  await expect(parts.locator('a.font-medium')).toHaveText([
    '[PATCH 1/2] <b onmouseover=alert(1)>bold</b>',
    '[PATCH 2/2] "><img src=x onerror=alert(2)>',
  ]);
  await expect(parts.nth(1).locator('li[data-kind="reviewed-by"]')).toContainText(
    "<svg onload=alert('reviewer')>",
  );
  // `Link: javascript:alert(1)` never becomes a link: badMarkup checks every link there is.
  problems.push(...(await badMarkup(page)).map((b) => `${page.url()}: ${b}`));
  const mbox = await request.get(`${part}series.mbox`);
  expect(mbox.status()).toBe(200);
  expect(mbox.headers()['content-type']).toBe('application/mbox');
  expect(await mbox.text()).toContain('Subject: [PATCH 1/2] <b onmouseover=alert(1)>bold</b>\n');
  // A message in no series has no series page, and says so without a server error.
  const none = await request.get(`${messagePath(LIST, 'xss-script@hostile.example')}series`);
  expect(none.status()).toBe(404);
  expect(problems).toEqual([]);
});

test('search pages over hostile mail: no dialog, no script error, no outside request, safe links', async ({
  page,
  request,
}) => {
  const problems = watch(page);
  const queries = [
    'alert',
    's:alert',
    'onerror OR onload',
    'f:script',
    '"<script>alert(1)</script>"',
    '<img src=x onerror=alert(1)>',
    'b:javascript',
  ];
  for (const q of queries) {
    const url = `/search?q=${encodeURIComponent(q)}&list=${LIST}`;
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
    problems.push(...(await badMarkup(page)).map((b) => `${url}: ${b}`));
  }
  // Subjects and snippets holding markup are hits shown as text.
  await page.goto(`/search?q=${encodeURIComponent('s:alert')}&list=${LIST}&sort=date`, {
    waitUntil: 'networkidle',
  });
  await expect(
    page.getByRole('link', { name: "<script>alert('subject')</script>", exact: true }),
  ).toHaveCount(1);
  const results = await request.get(`/search/results.mbox.gz?q=alert&list=${LIST}`);
  expect(results.status()).toBe(200);
  expect(results.headers()['content-type']).toBe('application/gzip');
  expect(problems).toEqual([]);
});

/** Every element name in an XML tree. */
function elementNames(root: XmlElement): Set<string> {
  const names = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    names.add(e.name);
    stack.push(...e.children);
  }
  return names;
}

test('Atom feeds of hostile mail are well-formed Atom, and open without running anything', async ({
  browser,
  page,
  request,
}) => {
  const { messages } = await allMessages(browser);
  // The elements lib/feeds/build-atom.ts writes.
  const ATOM = ['feed', 'title', 'id', 'updated', 'link', 'generator', 'entry', 'author'];
  ATOM.push('name', 'email', 'content');
  const feeds = [
    listFeedPath(LIST),
    ...new Set(messages.map((m) => threadFeedPath(LIST, m.messageId))),
  ];
  for (const url of feeds) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type'], url).toBe('application/atom+xml; charset=utf-8');
    // Mail never adds an element: every one is Atom's own (no <script>, no XHTML).
    const names = [...elementNames(parseXml(await response.text()))];
    expect(
      names.filter((n) => !ATOM.includes(n)),
      url,
    ).toEqual([]);
  }
  // Chromium shows Atom as an XML document: opening one must run and fetch nothing.
  const problems = watch(page);
  for (const url of [
    listFeedPath(LIST),
    threadFeedPath(LIST, 'xss-script@hostile.example'),
    threadFeedPath(LIST, 'xss-series-0@hostile.example'),
    threadFeedPath(LIST, 'html-script@hostile.example'),
  ]) {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
  }
  expect(problems).toEqual([]);
});
