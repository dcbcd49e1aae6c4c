import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the overview page with a fresh history and focuses its terminal, ready to type. */
export async function openTerminal(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const terminal = page.locator('docker-terminal').first();
  await terminal.locator('.term-screen').click();
  await expect(terminal).toHaveAttribute('data-ready', 'true');
  await expect(terminal.locator('textarea')).toBeFocused();
  return terminal;
}

/** The visible terminal's text, one string per row, trailing blanks dropped. */
export async function screenRows(terminal: Locator): Promise<string[]> {
  const rows = await terminal.locator('[role="tabpanel"]:not([hidden]) .xterm-rows > div').allInnerTexts();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd());
}

/** Types a line and presses Enter, as a student would. */
export async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
