import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gotoEnhanced, openSeed, sparseThread } from './helpers';

test("the seed's conversation view shows four turns by two people in time order", async ({
  page,
}) => {
  await openSeed(page);
  await page.getByRole('link', { name: 'conversation', exact: true }).click();
  await expect(page).toHaveURL(/\/conversation$/);

  const turns = page.locator('li.tl-turn');
  await expect(turns).toHaveCount(4);
  await expect(turns.locator('.tl-turn-author')).toHaveText([
    'Sedat Dilek',
    'Matthias Kaehlcke',
    'Sedat Dilek',
    'Matthias Kaehlcke',
  ]);
  await expect(turns.locator('.tl-turn-date')).toHaveText([
    'Tue, Apr 24, 2018, 11:54 UTC',
    'Wed, Apr 25, 2018, 01:06',
    'Sun, May 06, 2018, 07:42 UTC',
    'Mon, May 07, 2018, 18:49 UTC',
  ]);
  const depths = await turns.evaluateAll((els) => els.map((e) => e.getAttribute('data-depth')));
  expect(depths).toEqual(['3', '2', '1', '0']);
  await expect(page.getByText('4 turns by 2 people')).toBeVisible();

  // Matthias's first answer sits under the end of Sedat's passage it answers.
  const answer = turns.nth(1).locator('.tl-conv-passage').first();
  await expect(answer.locator('.tl-conv-answered')).toContainText(
    'in reply to Sedat Dilek (lines 4–46)',
  );
  await expect(answer.locator('.tl-conv-text').first()).toContainText(
    'Yes, these patch stacks are based on vanilla Linux v4.14',
  );
});

test('a passage of the conversation links back to its lines on the thread page', async ({
  page,
}) => {
  const threadHref = await openSeed(page);
  await page.goto(`${threadHref}conversation`);
  const last = page.locator('li.tl-turn').nth(3).locator('.tl-conv-passage').first();
  const source = last.locator('a.tl-conv-source');
  await expect(source).toHaveText('lines 495–508 in the thread');
  await source.click();
  await expect(page).toHaveURL(/\?hl=m-[0-9a-f]{10}-L495-L508#m-[0-9a-f]{10}-L495$/);
  const first = page.locator('[data-line="495"]').first();
  await expect(first).toHaveClass(/tl-hl/);
  await expect(first).toContainText('Apparently stack-protector code is clobbering RCX');
  await expect(first).toBeInViewport();
});

test('a quote links to the lines of the message that first wrote it', async ({ page }) => {
  await gotoEnhanced(page, sparseThread());
  const luc = page.locator('article[data-message-id="20191029114750.a7inago2vd2o4lzl@ltop.local"]');
  const original = luc.locator('.tl-quote-wrap > a.tl-quote-origin').first();
  await expect(original).toHaveText('original');
  await expect(original).toHaveAttribute(
    'title',
    'Where this was first written: lines 46–58 (nothing trimmed)',
  );
  await original.click();
  // The fragment is the whole range the quote reproduces; the script highlights it all.
  await expect(page).toHaveURL(/#m-[0-9a-f]{10}-L46-L58$/);
  const hash = new URL(page.url()).hash.slice(1).replace(/-L58$/, '');
  const target = page.locator(`[id="${hash}"]`);
  await expect(target).toHaveClass(/tl-hl/);
  await expect(page.locator(`[id="${hash.replace(/-L46$/, '-L58')}"]`)).toHaveClass(/tl-hl/);
  // The line is in Dan's patch, the message Luc quoted.
  await expect(
    page
      .locator('article[data-message-id="20191029104917.GI1944@kadam"]')
      .locator(`[id="${hash}"]`),
  ).toHaveCount(1);
  await expect(target).toContainText('+static void match_of_get_property(const char *fn');
  await expect(target).toBeInViewport();
});

test('a quote without attribution is named after the message it came from', async ({ page }) => {
  // This reply quotes Jeff Layton's message with no `... wrote:` line above the quote.
  const id = '20210831125848.mqkudmaz4innkst4@mail';
  await page.goto(`/linux-sparse/${encodeURIComponent(id)}/`);
  const quote = page.locator(`article[data-message-id="${id}"] .tl-quote-wrap`).first();
  await expect(quote.locator('details.tl-quote > summary')).toContainText(
    /lines? quoted from Jeff Layton, Aug \d+, 2021/,
  );
  await expect(quote.locator(':scope > a.tl-quote-origin')).toHaveText('original');
});

test('axe finds no serious or critical violation on the conversation page', async ({ page }) => {
  const threadHref = await openSeed(page);
  await page.goto(`${threadHref}conversation`);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.html}`)).toEqual([]);
});
