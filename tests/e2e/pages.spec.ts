import { expect, test } from '@playwright/test';

/** Every page of the lesson, from the sidebar of the home page. */
async function lessonPages(page: import('@playwright/test').Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.locator('nav.sidebar a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)];
}

test('every page renders its content, and every internal link resolves', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = await lessonPages(page);
  expect(pages.length).toBeGreaterThanOrEqual(13);
  const checked = new Set<string>();
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main h1').first()).not.toBeEmpty();
    const text = await page.locator('main .sl-markdown-content').innerText();
    expect(text.length, `${path} has real content`).toBeGreaterThan(400);
    const links = await page
      .locator('main a[href^="/"]')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const link of links) {
      const [target, anchor] = link.split('#');
      if (!checked.has(target!)) {
        const linked = await request.get(target!);
        expect(linked.status(), `${path} links to ${link}`).toBe(200);
        checked.add(target!);
      }
      if (anchor) {
        const html = await (await request.get(target!)).text();
        expect(html.includes(`id="${anchor}"`), `${path} links to missing anchor ${link}`).toBe(true);
      }
    }
  }
});

test('every "Run" button on every page reaches a terminal and runs its command', async ({ page }) => {
  test.setTimeout(120_000);
  const pages = await lessonPages(page);
  let buttons = 0;
  for (const path of pages) {
    await page.goto(path);
    const runs = page.locator('button.run-in-terminal').filter({ visible: true });
    const count = await runs.count();
    if (count === 0) continue;
    expect(await page.locator('docker-terminal').count(), `${path} has a terminal`).toBeGreaterThan(0);
    buttons += count;
    // the first one on each page: it is typed into a terminal, which answers
    await runs.first().click();
    const terminal = page.locator('docker-terminal[data-ready]');
    await expect(terminal.first()).toBeVisible();
    const first = (await runs.first().getAttribute('aria-label'))!.replace('Run in terminal: ', '');
    await expect(page.locator('docker-terminal .xterm-rows').filter({ hasText: first.slice(0, 30) })).not.toHaveCount(0);
  }
  expect(buttons).toBeGreaterThan(20);
});
