import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openSeed, sparseThread } from './helpers';

for (const [name, open] of [
  ['list index', (p: import('@playwright/test').Page) => p.goto('/')],
  ['list page', (p: import('@playwright/test').Page) => p.goto('/linux-sparse/')],
  ['thread page', (p: import('@playwright/test').Page) => p.goto(sparseThread())],
  ['seed thread page', (p: import('@playwright/test').Page) => openSeed(p)],
] as const) {
  test(`axe finds no serious or critical violation on the ${name}`, async ({ page }) => {
    await open(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.html}`)).toEqual(
      [],
    );
  });
}
