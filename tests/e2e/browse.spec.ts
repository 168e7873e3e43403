import { expect, test } from '@playwright/test';
import { gotoEnhanced, sparseThread } from './helpers';

test('from the list index into a list and a thread, every message with author and date', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Lists' })).toBeVisible();
  const row = page.getByRole('row', { name: /linux-sparse/ });
  // 9 + 5 + 15 + 17 messages in the four sample threads.
  await expect(row.getByRole('cell').nth(1)).toHaveText('46');
  await row.getByRole('link', { name: 'linux-sparse' }).click();
  await expect(page).toHaveURL(/\/linux-sparse\/$/);
  const subject = 'detecting misuse of of_get_property';
  // Each thread with its reply count (9 messages: the root and 8 replies), participants, date.
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: subject, exact: true }) });
  await expect(item).toContainText(/^detecting misuse of of_get_property\s*8 replies · Rasmus/);
  await page.getByRole('link', { name: subject }).click();
  await expect(page.locator('h1')).toHaveText('detecting misuse of of_get_property');
  const messages = page.locator('article.tl-msg');
  await expect(messages).toHaveCount(9);
  for (const m of await messages.all()) {
    await expect(m.locator('.tl-author')).not.toBeEmpty();
    await expect(m.locator('time.tl-date')).toHaveAttribute('datetime', /^20\d\d-\d\d-\d\dT/);
    // Every message shows its subject, repeated ones muted.
    await expect(m.locator('.tl-subject')).toHaveText(
      /^(Re: )?detecting misuse of of_get_property$/,
    );
  }
  await expect(messages.locator('.tl-author')).toContainText([
    'Rasmus Villemoes',
    'Luc Van Oostenryck',
  ]);
});

test('the seed opens from the lkml list', async ({ page }) => {
  await page.goto('/lkml/');
  await page.getByRole('link', { name: /Clang patch stacks/ }).click();
  await expect(page.locator('article.tl-msg .tl-author')).toHaveText('Matthias Kaehlcke');
});

test('an unknown message id gives a 404 page', async ({ page }) => {
  const res = await page.goto(
    '/linux-sparse/' + encodeURIComponent('no-such-id@example.org') + '/',
  );
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  const list = await page.goto('/no-such-list/');
  expect(list?.status()).toBe(404);
});

test('dark mode follows the system, and the toggle is remembered across pages', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ colorScheme: 'dark' });
  const page = await ctx.newPage();
  await page.goto('/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(15, 17, 21)');
  const toggle = page.getByRole('button', { name: /Switch theme/ });
  await toggle.click(); // system → dark
  await toggle.click(); // dark → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(255, 255, 255)');
  // Remembered: the server renders the next page light, though the system is dark.
  await page.goto('/linux-sparse/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(255, 255, 255)');
  // The thread page (its own small script, no React) renders the choice and switches it.
  await gotoEnhanced(page, sparseThread());
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const threadToggle = page.getByRole('button', { name: /Switch theme/ });
  await expect(threadToggle).toHaveText('Theme: light');
  await threadToggle.click(); // light → system
  await expect(threadToggle).toHaveText('Theme: system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await bg()).toBe('rgb(15, 17, 21)');
  await page.goto('/linux-sparse/');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await ctx.close();
});
