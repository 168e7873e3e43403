import { expect, test } from '@playwright/test';
import { gotoEnhanced, openSeed, sparseThread } from './helpers';

const OBJDUMP_LINE = 'ffffffff811932af: 48 83 39 00 cmpq $0x0,(%rcx)';

test('depth control collapses replies and keeps the depth in the URL', async ({ page }) => {
  await page.goto(sparseThread());
  const nodes = page.locator('details.tl-node');
  await expect(nodes).toHaveCount(9);
  await page
    .getByRole('navigation', { name: 'Replies shown to depth' })
    .getByRole('link', { name: '1' })
    .click();
  await expect(page).toHaveURL(/\?depth=1$/);
  // Depth 0 stays open; every reply (depth >= 1) is collapsed to its one-line summary.
  await expect(page.locator('details.tl-node[data-depth="0"]')).toHaveAttribute('open', '');
  for (const d of await page.locator('details.tl-node:not([data-depth="0"])').all()) {
    await expect(d).not.toHaveAttribute('open', '');
  }
  const dan = page
    .locator('details.tl-node[data-depth="1"]')
    .filter({ hasText: 'Dan Carpenter' })
    .first();
  await expect(dan.locator(':scope > summary')).toContainText(
    '6 messages from Dan Carpenter, Rasmus Villemoes, Luc Van Oostenryck',
  );
  // The same URL opened fresh renders the same way (server-side, no client state).
  await page.goto(sparseThread('?depth=1'));
  await expect(page.locator('details.tl-node[data-depth="1"][open]')).toHaveCount(0);
});

test('a subtree collapses on its own', async ({ page }) => {
  await page.goto(sparseThread());
  const dan = page
    .locator('details.tl-node[data-depth="1"]')
    .filter({ hasText: 'Dan Carpenter' })
    .first();
  await dan.locator(':scope > summary').click();
  await expect(dan).not.toHaveAttribute('open', '');
  await expect(page.locator('details.tl-node[data-depth="1"]').first()).toHaveAttribute('open', '');
});

test('quotes fold by depth and unfold in place', async ({ page }) => {
  await openSeed(page);
  const deep = page.locator('details.tl-quote[data-depth="3"]').first();
  await expect(deep).not.toHaveAttribute('open', '');
  await expect(deep.locator(':scope > summary')).toContainText(
    /\d+ lines? quoted from Sedat Dilek, Apr 24, 2018/,
  );
  await deep.locator(':scope > summary').click();
  await expect(deep).toHaveAttribute('open', '');
  await expect(page.locator('details.tl-quote[data-depth="2"]').first()).toHaveAttribute(
    'open',
    '',
  );
  // The reader setting: fold from depth 1.
  await openSeed(page, '?fold=1');
  await expect(page.locator('details.tl-quote[data-depth="1"]').first()).not.toHaveAttribute(
    'open',
    '',
  );
});

test('a permalink into a folded depth-3 quote expands and highlights it', async ({
  page,
  browser,
}) => {
  const href = await openSeed(page);
  const line = page.locator('details.tl-quote[data-depth="3"] .tl-line').first();
  const id = await line.getAttribute('id');
  expect(id).toMatch(/^m-[0-9a-f]{10}-L\d+$/);
  const other = await browser.newPage();
  await other.goto(`${href}#${id}`);
  const target = other.locator(`[id="${id}"]`);
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/tl-hl/);
  await other.close();
});

test('the objdump line in the depth-2 quote: collapse to depth 1, copy its link, a colleague lands on it', async ({
  page,
  browser,
}) => {
  await openSeed(page, '?depth=1');
  const line = page.locator('.tl-line', { hasText: OBJDUMP_LINE.split(' ')[0]! }).first();
  await expect(line).toBeVisible();
  await expect(
    line.locator('xpath=ancestor::details[contains(@class,"tl-quote")][1]'),
  ).toHaveAttribute('data-depth', '2');
  await line.locator('a.tl-ln').click();
  const link = await page.locator('.tl-copy-link input').inputValue();
  expect(link).toContain('#m-');
  for (const javaScriptEnabled of [true, false]) {
    const ctx = await browser.newContext({ javaScriptEnabled });
    const colleague = await ctx.newPage();
    await colleague.goto(link);
    const target = colleague.locator(`[id="${await line.getAttribute('id')}"]`);
    await expect(target).toBeVisible();
    await expect(target).toContainText('cmpq');
    await expect(target).toBeInViewport();
    await ctx.close();
  }
});

test('shift-click makes a line range; the range link highlights every line, also without JS', async ({
  page,
  browser,
}) => {
  await openSeed(page, '?fold=all');
  // Visible lines only: rejoined continuation lines are hidden until shown as sent.
  const lines = page.locator('figure.tl-code .tl-line:not(.tl-cont)');
  const first = lines.nth(2);
  const last = lines.nth(5);
  await first.locator('a.tl-ln').click();
  await last.locator('a.tl-ln').click({ modifiers: ['Shift'] });
  const link = await page.locator('.tl-copy-link input').inputValue();
  expect(link).toMatch(/[?&]hl=m-[0-9a-f]{10}-L\d+-L\d+#m-/);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p = await ctx.newPage();
  await p.goto(link);
  await expect(p.locator('.tl-line.tl-hl')).toHaveCount(4);
  await ctx.close();
});

test('selecting text offers a link to the selected lines', async ({ page }) => {
  await openSeed(page);
  // Two of the sender's own (depth 0) prose lines, selected across.
  const own = page.locator('.tl-body > .tl-prose .tl-line:not(:empty)');
  const [a, b] = [own.nth(0), own.nth(2)];
  const ids = [await a.getAttribute('id'), await b.getAttribute('id')];
  await page.evaluate(([x, y]) => {
    const range = document.createRange();
    range.setStart(document.getElementById(x!)!.firstChild!, 0);
    range.setEnd(document.getElementById(y!)!.firstChild!, 1);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, ids);
  const n = (id: string | null) => Number(id!.split('-L')[1]);
  await expect(page.locator('.tl-copy-link input')).toHaveValue(
    new RegExp(`\\?hl=m-[0-9a-f]{10}-L${n(ids[0]!)}-L${n(ids[1]!)}#m-[0-9a-f]{10}-L${n(ids[0]!)}$`),
  );
});

test('keyboard: j/k move between messages, o collapses, ? shows the keys', async ({ page }) => {
  await gotoEnhanced(page, sparseThread());
  await page.keyboard.press('j');
  const summaries = page.locator('details.tl-node > summary');
  await expect(summaries.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(summaries.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(summaries.nth(0)).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.locator('details.tl-node').first()).not.toHaveAttribute('open', '');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('the thread page ships one small script and no framework runtime or data payload', async ({
  page,
}) => {
  const href = await openSeed(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await gotoEnhanced(page, href);
  expect(scripts).toEqual(['/_tl/thread.js']);
  // The thread is in the HTML once: no hydration data (__NEXT_DATA__, RSC payload) copies it.
  const inline = await page.locator('script:not([src])').count();
  expect(inline).toBe(0);
});

test('without JavaScript the thread reads and collapses through <details>', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(sparseThread());
  await expect(page.locator('article.tl-msg')).toHaveCount(9);
  const first = page.locator('details.tl-node').first();
  await first.locator(':scope > summary').click();
  await expect(first).not.toHaveAttribute('open', '');
  await ctx.close();
});

test('a signature is folded by default and a permalink into it opens it', async ({
  page,
  browser,
}) => {
  // Borislav Petkov's reply in the objtool sample ends with a 5-line `-- ` signature.
  const id = 'YedOLva0zos3A1JE@zn.tnic';
  const url = `/linux-sparse/${encodeURIComponent(id)}/`;
  await gotoEnhanced(page, url);
  const signature = page.locator(`article[data-message-id="${id}"] details.tl-signature`);
  await expect(signature).toHaveCount(1);
  await expect(signature).not.toHaveAttribute('open', '');
  await expect(signature.locator(':scope > summary')).toHaveText('signature, 5 lines');
  const line = signature.locator('.tl-line', { hasText: 'Boris.' });
  await expect(line).toBeHidden();
  const lineId = await line.getAttribute('id');
  expect(lineId).toMatch(/^m-[0-9a-f]{10}-L\d+$/);

  // A colleague opens the link: the script opens the folded signature and marks the line.
  const other = await browser.newPage();
  await gotoEnhanced(other, `${url}#${lineId}`);
  const target = other.locator(`[id="${lineId}"]`);
  await expect(target.locator('xpath=ancestor::details[1]')).toHaveAttribute('open', '');
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/tl-hl/);
  await expect(target).toBeInViewport();
  await other.close();
});

test('a 375 px phone viewport has no horizontal page scroll', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await ctx.newPage();
  await openSeed(page, '?fold=all');
  await page
    .locator('details')
    .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await ctx.close();
});

test('the seed renders its blocks recognised and highlighted', async ({ page }) => {
  await openSeed(page, '?fold=all');
  for (const kind of ['log', 'asm', 'shell', 'diff', 'traceback', 'code']) {
    await expect(page.locator(`figure.tl-code[data-kind="${kind}"]`).first()).toBeAttached();
  }
  // The oops: RIP and its symbol are coloured tokens, the symbol links to elixir at v4.14.
  const rip = page
    .locator('figure[data-kind="log"] .tl-line', { hasText: 'RIP: 0010:irq_work_tick' })
    .first();
  await expect(rip.locator('span[style*="--shiki-light"]').first()).toBeAttached();
  await expect(rip.getByRole('link', { name: /irq_work_tick/ })).toHaveAttribute(
    'href',
    /^https:\/\/elixir\.bootlin\.com\/linux\/v4\.14/,
  );
  // objdump -S: the instruction line is asm with separate tokens.
  const insn = page
    .locator('figure[data-kind="asm"] .tl-line', { hasText: 'ffffffff811932af' })
    .first();
  expect(await insn.locator('span[style]').count()).toBeGreaterThan(2);
});

test('hard-wrapped log lines show joined; "lines as sent" shows them as sent', async ({ page }) => {
  await openSeed(page, '?fold=all');
  const block = page.locator('figure.tl-code:has(.tl-cont)').first();
  const cont = block.locator('.tl-cont').first();
  await expect(cont).toBeHidden();
  const head = block.locator('.tl-has-tail').first();
  await expect(head.locator('.tl-tail')).toBeVisible();
  await block.getByLabel(/lines as sent/).check();
  await expect(cont).toBeVisible();
  await expect(head.locator('.tl-tail')).toBeHidden();
});

test('a diffstat line links to its file diff, and diff lines are anchorable', async ({ page }) => {
  const id = '20221025-test1-v1-1-e4f28f57990c@linuxfoundation.org';
  await page.goto(`/b4/${encodeURIComponent(id)}/`);
  const patch = page.locator(`article[data-message-id="${id}"]`);
  const stat = patch.locator('.tl-diffstat a').first();
  await expect(stat).toHaveText('file2.txt');
  const href = await stat.getAttribute('href');
  await stat.click();
  const target = page.locator(`[id="${href!.slice(1)}"]`);
  await expect(target).toContainText('diff --git a/file2.txt b/file2.txt');
  await expect(target).toBeInViewport();
  await expect(target.locator('a.tl-ln')).toHaveAttribute('href', href!);
});
