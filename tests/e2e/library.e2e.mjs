// Drives the library page at / in Debian's headless Chromium (playwright-core, no bundled browser).
// Usage: node library.e2e.mjs <base URL> <token>
// Prints one JSON line {ok, failures: [...], steps: [...]} and exits 0 either way; the caller asserts on it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, token] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.resolve(here, '..', 'MediaVault.Media.Tests', 'TestFiles');
const files = ['image.jpg', 'tone.mp3', 'document.pdf'];
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

/** The tenant a JWT names, to check the page shows it (null for API-key tokens). */
function tenantOf(jwt) {
  const parts = (jwt ?? '').split('.');
  if (parts.length !== 3) return null;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')).tenant ?? null;
  } catch {
    return null;
  }
}

const card = name => `#grid .card:has(.name[title="${name}"])`;

async function run(page) {
  await step('open the page', async () => {
    const response = await page.goto(new URL('/', baseUrl).href, { waitUntil: 'load' });
    check(response?.ok(), `GET / answered ${response?.status()}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
    await page.waitForSelector('#sign-in-view:not([hidden])', { timeout: TIMEOUT });
  });

  await step('sign in with a token', async () => {
    await page.fill('#token', token);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#library-view:not([hidden])', { timeout: TIMEOUT });
    const shown = (await page.textContent('#tenant-name'))?.trim();
    const expected = tenantOf(token);
    check(shown && (!expected || shown === expected), `the page shows tenant "${shown}", expected "${expected}"`);
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    check(stored.includes('credentials'), 'credentials are not in sessionStorage');
    check(!page.url().includes(token.slice(0, 20)), 'the token appears in the URL');
    return shown;
  });

  await step('upload an image, an MP3 and a PDF through the file input', async () => {
    await page.setInputFiles('#file-input', files.map(f => path.join(samples, f)));
    for (const name of files) {
      await page.waitForSelector(`.upload-row[data-name="${name}"] progress`, { state: 'attached', timeout: TIMEOUT });
    }
  });

  for (const name of files) {
    await step(`${name} shows its progress bar, then ready in the grid`, async () => {
      await page.waitForSelector(`.upload-row[data-name="${name}"][data-state="ready"]`, { timeout: TIMEOUT });
      const progress = await page.$eval(`.upload-row[data-name="${name}"] progress`, p => ({ value: p.value, max: p.max, visible: !p.hidden }));
      check(progress.visible && progress.value === progress.max, `progress ${progress.value}/${progress.max}`);
      await page.waitForSelector(`${card(name)}[data-state="ready"]`, { timeout: TIMEOUT });
      return (await page.textContent(`${card(name)} .meta`))?.trim();
    }, { critical: false });
  }

  await step('the audio card shows a waveform', async () => {
    await page.waitForSelector(`${card('tone.mp3')} svg.wave`, { timeout: TIMEOUT });
  }, { critical: false });

  await step('the image detail panel shows its preview and dimensions', async () => {
    await page.click(`${card('image.jpg')} button`);
    await page.waitForSelector('#detail[open][data-kind="image"] .detail-fields', { timeout: TIMEOUT });
    const fields = await page.textContent('#detail .detail-fields');
    check(/64\s*×\s*48/.test(fields), `no dimensions in "${fields}"`);
    await page.waitForFunction(() => document.querySelector('#detail .preview img')?.naturalWidth > 0, null, { timeout: TIMEOUT });
    const src = await page.getAttribute('#detail .preview img', 'src');
    check(src.includes('preset=medium'), `the preview is not a screen-size variant: ${src}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail:not([open])', { state: 'attached', timeout: TIMEOUT });
  }, { critical: false });

  await step('the MP3 plays and seeks through Range requests', async () => {
    const ranged = [];
    const onResponse = response => {
      if (response.url().includes('/files/') && response.status() === 206) ranged.push(response.request().headers().range);
    };
    page.on('response', onResponse);
    await page.click(`${card('tone.mp3')} button`);
    await page.waitForSelector('#detail[open][data-kind="audio"] audio', { timeout: TIMEOUT });
    const seek = await page.evaluate(async () => {
      const audio = document.querySelector('#detail audio');
      await new Promise((resolve, reject) => {
        if (audio.readyState >= 1) return resolve();
        audio.addEventListener('loadedmetadata', resolve, { once: true });
        audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)), { once: true });
      });
      const target = Math.min(1, audio.duration / 2);
      const seeked = new Promise(resolve => audio.addEventListener('seeked', resolve, { once: true }));
      audio.currentTime = target;
      await seeked;
      return { duration: audio.duration, currentTime: audio.currentTime, target };
    });
    page.off('response', onResponse);
    check(Math.abs(seek.currentTime - seek.target) < 0.25, `seeked to ${seek.currentTime}, wanted ${seek.target}`);
    check(ranged.length > 0, 'no 206 Partial Content response for the audio');
    await page.click('#detail-close');
    await page.waitForSelector('#detail:not([open])', { state: 'attached', timeout: TIMEOUT });
    return `duration ${seek.duration.toFixed(2)} s, at ${seek.currentTime.toFixed(2)} s, ${ranged.length} range responses`;
  }, { critical: false });

  await step('the PDF shows its first-page thumbnail and a download link', async () => {
    await page.click(`${card('document.pdf')} button`);
    await page.waitForSelector('#detail[open][data-kind="document"]', { timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelector('#detail img.document-preview')?.naturalWidth > 0, null, { timeout: TIMEOUT });
    check(await page.$('#detail .preview a[href*="/files/"]'), 'no open/download link');
  }, { critical: false });

  await step('delete the PDF after confirming; it leaves the grid', async () => {
    if (!(await page.$('#detail[open][data-kind="document"]'))) {
      await page.click(`${card('document.pdf')} button`);
      await page.waitForSelector('#detail[open][data-kind="document"]', { timeout: TIMEOUT });
    }

    await page.click('#delete-media');
    await page.waitForSelector('#confirm-delete', { state: 'visible', timeout: TIMEOUT });
    await page.click('#confirm-delete');
    await page.waitForSelector('#detail:not([open])', { state: 'attached', timeout: TIMEOUT });
    await page.waitForSelector(card('document.pdf'), { state: 'detached', timeout: TIMEOUT });
    check(await page.$(card('image.jpg')), 'the other media went too');
  }, { critical: false });

  await step('search by name narrows the grid', async () => {
    await page.fill('#search', 'TONE');
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('#grid .card .name')].map(n => n.textContent);
      return names.length === 1 && names[0] === 'tone.mp3';
    }, null, { timeout: TIMEOUT });
    await page.fill('#search', '');
    await page.waitForSelector(card('image.jpg'), { timeout: TIMEOUT });
  }, { critical: false });

  await step('at 390 px wide the grid is visible and fits', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
    await page.waitForSelector(`${card('image.jpg')}`, { state: 'visible', timeout: TIMEOUT });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, grid: document.getElementById('grid').getBoundingClientRect().width }));
    check(widths.page <= 390, `the page scrolls sideways (${widths.page} px)`);
    check(widths.grid > 0 && widths.grid <= 390, `grid is ${widths.grid} px wide`);
  }, { critical: false });

  await step('Tab reaches the upload button', async () => {
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'upload-button')) return `after ${i + 1} presses`;
    }

    throw new Error('20 presses of Tab never focused #upload-button');
  }, { critical: false });
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
