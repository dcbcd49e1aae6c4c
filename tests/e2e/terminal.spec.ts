import { expect, test, type Page } from '@playwright/test';

async function openTerminal(page: Page) {
  await page.goto('/');
  const terminal = page.locator('docker-terminal').first();
  await terminal.locator('.term-screen').click();
  await expect(terminal).toHaveAttribute('data-ready', 'true');
  await expect(terminal.locator('textarea')).toBeFocused();
  return terminal;
}

test('the overview page loads xterm only when the terminal is needed', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(scripts.some((url) => url.includes('/boot.'))).toBe(false);
  await page.locator('docker-terminal .term-screen').scrollIntoViewIfNeeded();
  await expect(page.locator('docker-terminal')).toHaveAttribute('data-ready', 'true');
  expect(scripts.some((url) => url.includes('/boot.'))).toBe(true);
});

test('typing docker --version answers like the real CLI', async ({ page }) => {
  const terminal = await openTerminal(page);
  await expect(terminal.locator('.xterm-rows')).toContainText('student@laptop:~$');
  await page.keyboard.type('docker --version');
  await expect(terminal.locator('.xterm-rows')).toContainText('student@laptop:~$ docker --version');
  await page.keyboard.press('Enter');
  await expect(terminal.locator('.xterm-rows')).toContainText('Docker version 28.2.2, build e6534b4');
  const log = terminal.locator('[role="log"]');
  await expect(log).toContainText('Docker version 28.2.2, build e6534b4');
});

test('an unknown command fails as in bash, and the prompt returns', async ({ page }) => {
  const terminal = await openTerminal(page);
  await page.keyboard.type('nosuch');
  await page.keyboard.press('Enter');
  await expect(terminal.locator('.xterm-rows')).toContainText('bash: nosuch: command not found');
  await expect(terminal.locator('.xterm-rows > div').nth(2)).toContainText('student@laptop:~$');
});

test('the terminal is reachable with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const screen = page.locator('docker-terminal .term-screen');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await screen.evaluate((el) => el.contains(document.activeElement))) break;
  }
  await expect(page.locator('docker-terminal')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('docker-terminal textarea')).toBeFocused();
  await page.keyboard.type('docker --version');
  await page.keyboard.press('Enter');
  await expect(page.locator('docker-terminal .xterm-rows')).toContainText('Docker version 28.2.2');
});

test('a second terminal attaches to the same laptop', async ({ page }) => {
  const terminal = await openTerminal(page);
  await page.keyboard.type('history');
  await terminal.getByRole('button', { name: 'Open a new terminal on the same laptop' }).click();
  const tabs = terminal.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = terminal.getByRole('tabpanel', { name: 'Terminal 2' });
  await expect(second.locator('textarea')).toBeFocused();
  await page.keyboard.type('docker --version');
  await page.keyboard.press('Enter');
  await expect(second.locator('.xterm-rows')).toContainText('Docker version 28.2.2');
  // the first terminal kept its half-typed line
  await tabs.nth(0).click();
  await expect(terminal.getByRole('tabpanel', { name: 'Terminal 1' }).locator('.xterm-rows')).toContainText(
    'student@laptop:~$ history',
  );
  // arrow keys move between tabs
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('"Run" on a shell code block types the command into the page terminal', async ({ page }) => {
  await page.goto('/');
  const run = page.getByRole('button', { name: 'Run in terminal: docker --version' });
  await expect(run).toBeVisible();
  await run.click();
  const terminal = page.locator('docker-terminal');
  await expect(terminal.locator('.xterm-rows')).toContainText('student@laptop:~$ docker --version');
  await expect(terminal.locator('.xterm-rows')).toContainText('Docker version 28.2.2, build e6534b4');
  await expect(terminal.locator('textarea')).toBeFocused();
});
