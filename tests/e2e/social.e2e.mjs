// Drives the detail panel's social networks section in Debian's headless Chromium (playwright-core): the badges
// per network and placement, the problems behind them, and "Make it fit" until the fitted version's link appears.
// Usage: node social.e2e.mjs <base URL> <token> <media id of a 4000×1000 PNG, the tenant's only media>
// Prints one JSON line {ok, failures: [...], steps: [...]} and exits 0 either way; the caller asserts on it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, token, mediaId] = process.argv.slice(2);
const steps = [];
const failures = [];
const TIMEOUT = 60_000;

class Stop extends Error {}

/** Runs one named check; a failed critical step stops the run (later steps would only time out). */
async function step(name, action, { critical = true } = {}) {
  try {
    const detail = await action();
    steps.push(detail === undefined ? name : `${name}: ${detail}`);
  } catch (error) {
    failures.push(`${name}: ${error?.message?.split('\n')[0] ?? error}`);
    if (critical) throw new Stop();
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const feed = '#social .social-row[data-network="instagram"][data-placement="feed"]';

async function run(page) {
  await step('open the page and sign in', async () => {
    await page.goto(new URL('/', baseUrl).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
    await page.fill('#token', token);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#library-view:not([hidden])', { timeout: TIMEOUT });
  });

  await step('open the media and see a badge per network', async () => {
    const card = `#grid .card[data-id="${mediaId}"]`;
    await page.waitForSelector(`${card}[data-state="ready"]`, { timeout: TIMEOUT });
    await page.click(`${card} button`);
    await page.waitForSelector(`#detail[open] ${feed}`, { timeout: TIMEOUT });
    const rows = await page.$$eval('#social .social-row', list => list.map(r => `${r.dataset.network}:${r.dataset.placement}`));
    check(rows.includes('x:post') && rows.includes('linkedin:post'), `rows: ${rows.join(', ')}`);
    return rows.join(', ');
  });

  await step('the Instagram feed badge says it does not fit, and why', async () => {
    check(await page.$(`${feed} .badge.bad`), 'the feed badge is not marked as a problem');
    const badge = (await page.textContent(`${feed} .badge`))?.trim();
    check(/2 problems/.test(badge ?? ''), `badge: ${badge}`);
    await page.click(`${feed} details summary`);
    const why = await page.textContent(`${feed} details`);
    check(why?.includes('JPEG') && why.includes('aspect ratio'), `why: ${why}`);
    return badge;
  });

  await step('make it fit by cropping, and get the fitted version', async () => {
    await page.selectOption(`${feed} select`, 'crop');
    await page.click(`${feed} .actions button`);
    await page.waitForSelector(`${feed} .conformed a[href*="/files/"]`, { timeout: TIMEOUT });
    return (await page.textContent(`${feed} .conformed`))?.trim();
  });
}

async function main() {
  const profile = await mkdtemp(path.join(tmpdir(), 'mediavault-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      acceptDownloads: false,
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', message => {
      if (message.type() === 'error') failures.push(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
    });
    page.on('pageerror', error => failures.push(`page error: ${error.message}`));
    await run(page);
  } catch (error) {
    if (!(error instanceof Stop)) failures.push(`run: ${error?.message?.split('\n')[0] ?? error}`);
  } finally {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

const guard = setTimeout(() => {
  failures.push('run: gave up after 170 s');
  console.log(JSON.stringify({ ok: false, failures, steps }));
  process.exit(0);
}, 170_000);
await main();
clearTimeout(guard);
console.log(JSON.stringify({ ok: failures.length === 0, failures, steps }));
process.exit(0);
