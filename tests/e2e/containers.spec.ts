/**
 * Containers at the page's terminal (a TTY, real time): an interactive shell inside a container,
 * a container seen from a second terminal while it runs, and Ctrl+C of an attached container.
 * The first `docker run` of a test pulls python:3.11-slim (about 5 s of simulated download).
 */
import { expect, test } from '@playwright/test';
import { openTerminal, run, screenRows } from './terminal-helpers';

test.describe.configure({ timeout: 90_000 });




const PROMPT = 'student@laptop:~$';

test('docker run -it gives a shell inside the container; exit returns to the host', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'docker run -it --name shell1 --entrypoint sh python:3.11-slim');
  await expect.poll(() => screenRows(terminal), { timeout: 30_000 }).toContain('#');
  await run(page, 'echo hello from $HOSTNAME');
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining(['# echo hello from $HOSTNAME', expect.stringMatching(/^hello from [0-9a-f]{12}$/)]));
  // typing is edited by the container's terminal: Backspace removes the x
  await page.keyboard.type('echo typox');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenRows(terminal)).toContain('typo');
  // Ctrl+C stops the command running in the container's shell, and works again after that
  await run(page, 'sleep 100');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+c');
  await expect.poll(() => screenRows(terminal)).toContain('# sleep 100');
  await run(page, 'echo status $?');
  await expect.poll(() => screenRows(terminal)).toContain('status 130');
  await run(page, 'sleep 100');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+c');
  await run(page, 'echo again $?');
  await expect.poll(() => screenRows(terminal)).toContain('again 130');
  await run(page, 'exit 7');
  await expect.poll(() => screenRows(terminal)).toContain(PROMPT);
  await run(page, 'echo host $?');
  await expect.poll(() => screenRows(terminal)).toContain('host 7');
  await run(page, "docker ps -a --format '{{.Names}} {{.Status}}'");
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining([expect.stringMatching(/^shell1 Exited \(7\) /)]));
});

test('a second terminal sees the container the first one runs', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'docker run --name t1 python:3.11-slim sleep 30');
  await terminal.getByRole('button', { name: 'Open a new terminal on the same laptop' }).click();
  const second = terminal.getByRole('tabpanel', { name: 'Terminal 2' });
  await expect(second.locator('textarea')).toBeFocused();
  // the pull in terminal 1 takes a few seconds: ask until the container is up
  await expect
    .poll(
      async () => {
        await run(page, "docker ps --format '{{.Names}} {{.Command}} {{.Status}}'");
        await page.waitForTimeout(500);
        return (await second.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
      },
      { timeout: 30_000 },
    )
    .toMatch(/t1 "sleep 30" Up (Less than a second|\d+ seconds?)/);
});

test('Ctrl+C of an attached container: forwarded as SIGINT, --init stops it', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'docker run --init --name c1 python:3.11-slim sleep 300');
  // wait for the pull to finish and the container to run
  await page.waitForTimeout(500);
  await terminal.getByRole('button', { name: 'Open a new terminal on the same laptop' }).click();
  const second = terminal.getByRole('tabpanel', { name: 'Terminal 2' });
  await expect
    .poll(
      async () => {
        await run(page, "docker ps --format '{{.Names}}'");
        await page.waitForTimeout(500);
        return second.locator('.xterm-rows').innerText();
      },
      { timeout: 30_000 },
    )
    .toContain('c1');
  await terminal.getByRole('tab').nth(0).click();
  await terminal.locator('[role="tabpanel"]:not([hidden]) .term-screen').click();
  await page.keyboard.press('Control+c');
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining(['^C', PROMPT]));
  await run(page, "docker ps -a --format '{{.Names}} {{.Status}}'");
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining([expect.stringMatching(/^c1 Exited \(130\) /)]));
});

test('a program reading the terminal gets typed lines; Ctrl+D ends its input', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'docker run --rm python:3.11-slim true');
  await expect.poll(() => screenRows(terminal), { timeout: 30_000 }).toEqual(expect.arrayContaining([PROMPT]));
  await run(page, 'docker run -i --rm python:3.11-slim sort -r');
  await page.waitForTimeout(500);
  await run(page, 'apple');
  await run(page, 'cherry');
  await page.keyboard.press('Control+d');
  await expect.poll(() => screenRows(terminal)).toEqual(expect.arrayContaining(['apple', 'cherry', 'cherry', 'apple', PROMPT]));
  // docker container prune asks, and reads the answer from the terminal
  await run(page, 'docker run --name old python:3.11-slim true');
  await run(page, 'docker container prune');
  await expect.poll(() => screenRows(terminal)).toContain('Are you sure you want to continue? [y/N]');
  await run(page, 'y');
  await expect.poll(() => screenRows(terminal)).toContain('Deleted Containers:');
});

test('the GPU page switches between the laptop and a cloud VM with a GPU', async ({ page }) => {
  await page.goto('/exercises/gpu/');
  const terminal = page.locator('docker-terminal').first();
  await terminal.locator('.term-screen').click();
  await expect(terminal).toHaveAttribute('data-ready', 'true');
  const machine = terminal.getByRole('combobox', { name: 'Docker runs on' });
  await run(page, 'docker info --format "{{.Runtimes}}" | grep -c nvidia');
  await expect.poll(() => screenRows(terminal)).toContain('0');
  await machine.selectOption('gpu-cloud');
  await expect(terminal.locator('textarea')).toBeFocused();
  await run(page, 'clear; docker info --format "{{json .Runtimes}}" | grep -o nvidia | head -1');
  await expect.poll(() => screenRows(terminal)).toContain('nvidia');
});

test('docker pull at the terminal updates each layer in place, then prints the summary', async ({ page }) => {
  const terminal = await openTerminal(page);
  await run(page, 'docker pull python:3.11-slim');
  // the lesson column is narrower than 110 columns, where docker leaves out the [===>  ] bar itself
  await expect
    .poll(async () => (await screenRows(terminal)).some((row) => /^[0-9a-f]{12}: Downloading +[\d.]+[kM]?B\/[\d.]+MB$/.test(row)))
    .toBe(true);
  await expect.poll(() => screenRows(terminal), { timeout: 30_000 }).toContain('Status: Downloaded newer image for python:3.11-slim');
  const rows = await screenRows(terminal);
  expect(rows).toContain('docker.io/library/python:3.11-slim');
  expect(rows.some((row) => /Downloading/.test(row))).toBe(false);
  expect(rows.filter((row) => /^[0-9a-f]{12}: Download complete$/.test(row)).length).toBeGreaterThan(1);
});
