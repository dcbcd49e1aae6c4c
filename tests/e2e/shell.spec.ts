import { expect, test } from '@playwright/test';
import { openTerminal, run, screenRows } from './terminal-helpers';




test('line editing: arrows, Home/End and Ctrl+W change the line before it runs', async ({ page }) => {
  const terminal = await openTerminal(page);
  await page.keyboard.type('eho hello world');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('c');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+w');
  await page.keyboard.type('there');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenRows(terminal)).toContain('hello there');
});

test('history: Up recalls earlier commands, and it survives a reload', async ({ page }) => {
  let terminal = await openTerminal(page);
  await run(page, 'echo first');
  await run(page, 'echo second');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenRows(terminal)).filter((r) => r === 'first').length).toBe(2);
  await page.reload();
  terminal = page.locator('docker-terminal').first();
  await terminal.locator('.term-screen').click();
  await expect(terminal.locator('textarea')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screenRows(terminal)).toContain('student@laptop:~$ echo first');
});

test('Tab completes commands and file names; a second Tab lists the choices', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'mkdir -p project/src/models project/src/data && touch project/trainer.dockerfile');
  await page.keyboard.type('cd pro');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenRows(terminal)).toContain('student@laptop:~/project$');
  await page.keyboard.type('ls src/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => screenRows(terminal)).toContain('data/    models/');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('docker ver');
  await page.keyboard.press('Tab');
  await expect.poll(() => screenRows(terminal)).toContain('student@laptop:~/project$ docker version');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenRows(terminal)).toContain('  Version:          26.1.5+dfsg1');
});

test('Ctrl+C interrupts a running program and the prompt returns', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'sleep 30');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+c');
  // as in a real terminal, the tty echoes ^C on the line below the command
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining(['student@laptop:~$ sleep 30', '^C']));
  await run(page, 'echo status $?');
  await expect.poll(() => screenRows(terminal)).toContain('status 130');
});

test('Ctrl+C on a half-typed line cancels it', async ({ page }) => {
  const terminal = await openTerminal(page);
  await page.keyboard.type('docker rm -f everything');
  await page.keyboard.press('Control+c');
  await run(page, 'echo ok');
  await expect.poll(() => screenRows(terminal)).toContain('ok');
  expect(await screenRows(terminal)).toContain('student@laptop:~$ docker rm -f everything^C');
});

test('pasting several lines runs them one by one, with > for a continued line', async ({ page }) => {
  const terminal = await openTerminal(page);
  await page.evaluate(() => {
    const textarea = document.querySelector('docker-terminal textarea')!;
    const data = new DataTransfer();
    data.setData('text/plain', 'mkdir models\necho one \\\n  two\ncat <<EOF\nheredoc body\nEOF\nls\n');
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => screenRows(terminal)).toContain('mnist  models');
  const rows = await screenRows(terminal);
  expect(rows).toContain('student@laptop:~$ echo one \\');
  expect(rows).toContain('>   two');
  expect(rows).toContain('one two');
  expect(rows).toContain('> heredoc body');
  expect(rows).toContain('heredoc body');
});

test('a second terminal sees the same laptop: files made in one are listed in the other', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'mkdir shared-folder');
  await terminal.getByRole('button', { name: 'Open a new terminal on the same laptop' }).click();
  await expect(terminal.getByRole('tabpanel', { name: 'Terminal 2' }).locator('textarea')).toBeFocused();
  await run(page, 'ls');
  await expect.poll(() => screenRows(terminal)).toContain('mnist  shared-folder');
});

test('exit ends the shell; Enter starts a new one', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'exit');
  await expect.poll(() => screenRows(terminal)).toContain('[The shell has exited. Press Enter to start a new one.]');
  await page.keyboard.press('Enter');
  await run(page, 'echo back');
  await expect.poll(() => screenRows(terminal)).toContain('back');
});

test('the prompt is coloured like Debian bash, and ls fits its columns to the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const terminal = await openTerminal(page);
  await expect(terminal.locator('.xterm-rows span.xterm-bold').first()).toHaveText('student@laptop');
  await run(page, 'mkdir w && cd w && touch alpha-file bravo-file charlie-file delta-file echo-file foxtrot-file');
  // a command longer than the screen is wide wraps, and its output starts below all of it
  await expect.poll(() => screenRows(terminal)).toContain('file delta-file echo-file foxtrot-file');
  await run(page, 'ls');
  const rowsOfFiles = async () => (await screenRows(terminal)).filter((row) => /^\w+-file/.test(row)).length;
  await expect.poll(rowsOfFiles).toBe(2);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => ((document.querySelector('docker-terminal') as HTMLElement).style.width = '1100px'));
  await page.waitForTimeout(300);
  await run(page, 'clear; ls');
  await expect.poll(() => screenRows(terminal)).toContain('alpha-file  bravo-file  charlie-file  delta-file  echo-file  foxtrot-file');
});
