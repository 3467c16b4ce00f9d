// Drives the library page's organising flows in Debian's headless Chromium (playwright-core, no bundled browser):
// select many and act in bulk (tag, undo, archive, restore, delete), edit details and find by tag and search, the URL
// keeping filters and the open media, cancel and retry an upload, resume an interrupted one, plain failure messages,
// controls hidden from a read-only user, a not-found release. With MEDIAVAULT_SCREENSHOTS=<folder> it also saves
// screenshots of the grid, the detail panel, a bulk selection and the archived view at 1280 and 390 px.
// Usage: node organise.e2e.mjs <base URL> <admin token> <read-only token>
// Prints one JSON line {ok, failures: [...], steps: [...]} and exits 0 either way; the caller asserts on it.
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, token, readerToken] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.resolve(here, '..', 'MediaVault.Media.Tests', 'TestFiles');
// A relative MEDIAVAULT_SCREENSHOTS is taken from the repository root (docs/screenshots).
const shots = process.env.MEDIAVAULT_SCREENSHOTS ? path.resolve(here, '..', '..', process.env.MEDIAVAULT_SCREENSHOTS) : null;
const steps = [];
const failures = [];
const TIMEOUT = 60_000;

class Stop extends Error {}

/** The page under test, for a screenshot when a step fails (MEDIAVAULT_E2E_DEBUG=<folder>). */
let current = null;

async function step(name, action, { critical = false } = {}) {
  try {
    const detail = await action();
    steps.push(detail === undefined ? name : `${name}: ${detail}`);
  } catch (error) {
    failures.push(`${name}: ${error?.message?.split('\n')[0] ?? error}`);
    if (process.env.MEDIAVAULT_E2E_DEBUG) {
      await current?.screenshot({ path: path.join(process.env.MEDIAVAULT_E2E_DEBUG, `failed-${steps.length + failures.length}.png`) }).catch(() => {});
    }

    if (critical) throw new Stop();
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const card = name => `#grid .card:has(.name[title="${name}"])`;
const names = page => page.$$eval('#grid .card .name', list => list.map(n => n.textContent));

async function signIn(page, with_) {
  await page.goto(new URL('/', baseUrl).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
  await page.waitForSelector('#sign-in-view:not([hidden])', { timeout: TIMEOUT });
  await page.fill('#token', with_);
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForSelector('#library-view:not([hidden])', { timeout: TIMEOUT });
}

/** The page's own API call (same credentials), for checks behind the page's back. */
function api(page, url, init = {}) {
  return page.evaluate(async ([u, i, t]) => {
    const response = await fetch(u, { ...i, headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json', ...(i.headers ?? {}) } });
    return { status: response.status, body: response.status === 204 ? null : await response.json().catch(() => null) };
  }, [url, init, token]);
}

async function shoot(page, name) {
  if (!shots) return;
  await mkdir(shots, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Waits until the page is ready again after a reload. */
async function reloaded(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
}

/** Ticks the checkbox of a card, with Shift held for a range. */
async function tick(page, name, shift = false) {
  await page.click(`${card(name)} .select`, { modifiers: shift ? ['Shift'] : [] });
}

async function confirm(page, expectedTitle, tags) {
  await page.waitForSelector('#confirm[open]', { timeout: TIMEOUT });
  const title = (await page.textContent('#confirm-title')).trim();
  check(title === expectedTitle, `the confirmation says "${title}", expected "${expectedTitle}"`);
  if (tags) await page.fill('#confirm-tag-input', tags);
  await page.click('#confirm-ok');
  await page.waitForSelector('#confirm:not([open])', { state: 'attached', timeout: TIMEOUT });
}

async function run(page, context) {
  const images = ['Lake.jpg', 'Forest.jpg', 'Harbour.jpg', 'Meadow.jpg', 'Dunes.jpg'];

  await step('open the page and sign in', () => signIn(page, token), { critical: true });

  await step('an empty library says so and how to upload (not "No media match.")', async () => {
    await page.waitForSelector('#grid-empty:not([hidden])', { timeout: TIMEOUT });
    const text = (await page.textContent('#grid-empty')).trim();
    check(/library is empty/i.test(text) && /upload/i.test(text), `the empty library says "${text}"`);
    return text;
  });

  await step('upload five images and a damaged file', async () => {
    const bytes = await readFile(path.join(samples, 'image.jpg'));
    const garbage = await readFile(path.join(samples, 'garbage.jpg'));
    await page.setInputFiles('#file-input', [
      ...images.map(name => ({ name, mimeType: 'image/jpeg', buffer: bytes })),
      { name: 'Broken.jpg', mimeType: 'image/jpeg', buffer: garbage },
    ]);
    for (const name of images) await page.waitForSelector(`${card(name)}[data-state="ready"]`, { timeout: TIMEOUT });
  }, { critical: true });

  await step('a failed media reads as a plain sentence, without server paths', async () => {
    await page.waitForSelector(`${card('Broken.jpg')}[data-state="failed"] .reason`, { timeout: TIMEOUT });
    const reason = (await page.textContent(`${card('Broken.jpg')} .reason`)).trim();
    check(!/[/\\]|\.cs\b|exception|vips|ffmpeg/i.test(reason), `the reason shows internals: "${reason}"`);
    const row = (await page.textContent('.upload-row[data-name="Broken.jpg"] .message')).trim();
    check(row === reason, `the upload row says "${row}"`);
    return reason;
  });

  await step('the upload queue collapses and clears finished rows', async () => {
    await page.click('#upload-queue .queue-toggle');
    check(await page.$eval('#uploads', list => list.hidden), 'the list did not collapse');
    const summary = (await page.textContent('#upload-queue .queue-summary')).trim();
    check(/5 done/.test(summary) && /1 failed/.test(summary), `summary "${summary}"`);
    await page.click('#upload-queue .queue-toggle');
    await page.click('#upload-queue [data-all="clear"]');
    await page.waitForSelector('#upload-queue[hidden]', { state: 'attached', timeout: TIMEOUT });
    return summary;
  });

  await step('cancel an upload while it sends, then retry it', async () => {
    let release;
    const held = new Promise(resolve => { release = resolve; });
    let holding = true;
    await page.route('**/*', async route => {
      if (route.request().method() === 'PUT' && holding) {
        await held;
        await route.abort().catch(() => {});
      } else {
        await route.continue().catch(() => {});
      }
    });
    const bytes = await readFile(path.join(samples, 'image.png'));
    await page.setInputFiles('#file-input', [{ name: 'Slow.png', mimeType: 'image/png', buffer: bytes }]);
    const row = '.upload-row[data-name="Slow.png"]';
    await page.waitForSelector(`${row}[data-state="uploading"] [data-action="cancel"]`, { timeout: TIMEOUT });
    await page.click(`${row} [data-action="cancel"]`);
    await page.waitForSelector(`${row}[data-state="cancelled"] [data-action="retry"]`, { timeout: TIMEOUT });
    holding = false;
    release();
    await page.unroute('**/*');
    // The cancelled attempt leaves no pending entry in the library.
    await page.waitForFunction(async t => {
      const r = await fetch('/v2/media?q=slow', { headers: { Authorization: `Bearer ${t}` } });
      return (await r.json()).data.length === 0;
    }, token, { timeout: TIMEOUT, polling: 500 });
    await page.click(`${row} [data-action="retry"]`);
    await page.waitForSelector(`${row}[data-state="ready"]`, { timeout: TIMEOUT });
    await page.waitForSelector(`${card('Slow.png')}[data-state="ready"]`, { timeout: TIMEOUT });
  });

  await step('shift-click selects a range; the bar counts it', async () => {
    await page.click('#upload-queue [data-all="clear"]').catch(() => {});
    // Three neighbouring image cards (uploads finish in any order, so the damaged file may sit between images).
    const order = await names(page);
    const at = order.findIndex((n, i) => order.slice(i, i + 3).length === 3 && order.slice(i, i + 3).every(m => images.includes(m)));
    check(at >= 0, `no three neighbouring images in ${order.join(', ')}`);
    const [first, , third] = order.slice(at, at + 3);
    await tick(page, first);
    await tick(page, third, true);
    const count = (await page.textContent('#bulk-count')).trim();
    check(count === '3 selected', `the bar says "${count}"`);
    check(await page.$$eval('#grid .card.selected', c => c.length) === 3, 'three cards are not marked selected');
    return `${first} … ${third}`;
  });

  await step('screenshots: bulk selection', async () => {
    await shoot(page, 'bulk-selection-1280');
  });

  await step('add tags to the three, with a confirmation that says how many; the cards show the chips', async () => {
    await page.click('#bulk-tag');
    await confirm(page, 'Add tags to 3 media items', 'Summer, beach');
    await page.waitForFunction(() => document.getElementById('bulk-report').textContent === 'Tagged 3 media items (Summer, beach).', null, { timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelectorAll('#grid .card .chip').length === 6, null, { timeout: TIMEOUT });
    const tags = await api(page, '/v2/media/tags');
    const summer = tags.body.data.find(t => t.tag.toLowerCase() === 'summer');
    check(summer?.count === 3, `GET /v2/media/tags: ${JSON.stringify(tags.body)}`);
  });

  await step('undo takes the tags back off exactly those media', async () => {
    await page.waitForSelector('#undo-button', { state: 'visible', timeout: TIMEOUT });
    await page.click('#undo-button');
    await page.waitForFunction(() => document.getElementById('bulk-report').textContent === 'Undone.', null, { timeout: TIMEOUT });
    check(await page.$$eval('#grid .card .chip', c => c.length) === 0, 'chips are left');
    const tags = await api(page, '/v2/media/tags');
    check(tags.body.data.every(t => t.count === 0 || !['summer', 'beach'].includes(t.tag.toLowerCase())), JSON.stringify(tags.body));
  });

  await step('keyboard: Space ticks a card, Ctrl+A selects the page, Escape clears', async () => {
    await page.focus(`${card(images[0])} .select`);
    await page.keyboard.press('Space');
    check((await page.textContent('#bulk-count')).trim() === '1 selected', 'Space did not select');
    await page.keyboard.press('Control+A');
    const all = await page.$$eval('#grid .card', c => c.length);
    check((await page.textContent('#bulk-count')).trim() === `${all} selected`, 'Ctrl+A did not select the page');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#bulkbar[hidden]', { state: 'attached', timeout: TIMEOUT });
    return `${all} cards`;
  });

  await step('tag two again and keep them', async () => {
    await tick(page, 'Lake.jpg');
    await tick(page, 'Forest.jpg');
    await page.click('#bulk-tag');
    await confirm(page, 'Add tags to 2 media items', 'summer');
    await page.waitForFunction(() => document.querySelectorAll('#grid .card .chip').length === 2, null, { timeout: TIMEOUT });
  });

  await step('edit name, alt text, description and tags in the detail panel', async () => {
    await page.click(`${card('Meadow.jpg')} .open`);
    await page.waitForSelector('#detail[open] #edit-form', { timeout: TIMEOUT });
    check(page.url().includes('media='), `the open media is not in the URL: ${page.url()}`);
    await page.fill('#edit-name', 'Mangoré meadow.jpg');
    await page.fill('#edit-alt', 'Wild flowers in a green meadow');
    await page.fill('#edit-description', 'Shot at dawn for the spring catalogue.');
    await page.fill('#edit-tags', 'spring');
    await page.keyboard.press('Enter');
    await page.fill('#edit-tags', 'Summer');
    await page.keyboard.press('Enter');
    await page.click('#edit-save');
    await page.waitForFunction(() => document.getElementById('toast').textContent === 'Changes saved', null, { timeout: TIMEOUT });
    const id = await page.getAttribute('#detail', 'data-id');
    const saved = await api(page, `/v2/media/${id}`);
    check(saved.body.name === 'Mangoré meadow.jpg' && saved.body.altText === 'Wild flowers in a green meadow'
      && saved.body.description === 'Shot at dawn for the spring catalogue.' && saved.body.tags.join().toLowerCase() === 'spring,summer',
      `saved ${JSON.stringify(saved.body)}`);
  });

  await step('the "copied" and "saved" messages show above the open dialog', async () => {
    const top = await page.evaluate(() => {
      const toast = document.getElementById('toast');
      const box = toast.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { visible: box.width > 0, onTop: hit === toast || toast.contains(hit) };
    });
    check(top.visible && top.onTop, `toast ${JSON.stringify(top)}`);
  });

  await step('the detail panel never shows the word "null"', async () => {
    // innerText keeps the breaks between blocks (textContent would glue "null" to the next heading).
    const text = await page.innerText('#detail-body');
    check(!/\bnull\b/.test(text), 'the panel shows "null"');
  });

  await step('the open media survives a reload', async () => {
    await shoot(page, 'detail-1280');
    await reloaded(page);
    await page.waitForSelector('#detail[open] #edit-form', { timeout: TIMEOUT });
    check((await page.inputValue('#edit-name')) === 'Mangoré meadow.jpg', 'another media opened');
    await page.click('#detail-close');
    // The dialog's close event (which rewrites the URL) is queued as a task after close(): wait for it, not for the click.
    const cleared = await page.waitForFunction(() => !location.href.includes('media='), null, { timeout: 10_000 }).then(() => true, () => false);
    check(cleared, `closing left the media in the URL: ${page.url()}`);
  });

  const clearSearch = async () => {
    await page.fill('#search', '');
    await page.waitForFunction(() => document.querySelectorAll('#grid .card').length > 1, null, { timeout: TIMEOUT });
  };

  await step('search finds alt text and lives in the URL', async () => {
    try {
      await page.fill('#search', 'green meadow');
      await page.waitForFunction(() => {
        const n = [...document.querySelectorAll('#grid .card .name')].map(e => e.textContent);
        return n.length === 1 && n[0] === 'Mangoré meadow.jpg';
      }, null, { timeout: TIMEOUT });
      check(page.url().includes('q=green+meadow'), page.url());
    } finally {
      await clearSearch();
    }
  });

  await step('search is accent- and case-insensitive ("MANGORE" finds "Mangoré")', async () => {
    try {
      await page.fill('#search', 'MANGORE');
      await page.waitForFunction(() => {
        const n = [...document.querySelectorAll('#grid .card .name')].map(e => e.textContent);
        return n.length === 1 && n[0] === 'Mangoré meadow.jpg';
      }, null, { timeout: 10_000 });
    } finally {
      await clearSearch();
    }
  });

  await step('filter by tag; reload and the shared URL keep it', async () => {
    await page.selectOption('#filter-tag', { label: 'summer (3)' });
    await page.waitForFunction(() => document.querySelectorAll('#grid .card').length === 3, null, { timeout: TIMEOUT });
    await page.selectOption('#filter-sort', 'name');
    await page.waitForFunction(() => [...document.querySelectorAll('#grid .card .name')].map(e => e.textContent).join() === 'Forest.jpg,Lake.jpg,Mangoré meadow.jpg', null, { timeout: TIMEOUT });
    const url = page.url();
    check(url.includes('tag=summer') && url.includes('sort=name'), url);
    // Another tab is another session: it signs in, then shows what the shared URL says.
    const other = await context.newPage();
    await other.goto(url, { waitUntil: 'load' });
    await other.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
    await other.fill('#token', token);
    await other.click('#sign-in-form button[type="submit"]');
    await other.waitForFunction(() => [...document.querySelectorAll('#grid .card .name')].map(e => e.textContent).join() === 'Forest.jpg,Lake.jpg,Mangoré meadow.jpg', null, { timeout: TIMEOUT });
    check((await other.inputValue('#filter-sort')) === 'name', 'the sort menu does not show the sort');
    check((await other.textContent('#filter-tags')).includes('summer'), 'the tag chip is missing');
    await other.close();
    await page.click('#filter-tags .chip-remove');
    await page.waitForFunction(() => !location.hash.includes('tag='), null, { timeout: TIMEOUT });
    return url.slice(url.indexOf('#'));
  });

  await step('back to the unfiltered library', async () => {
    await page.goto(new URL('/#library', baseUrl).href);
    await page.waitForFunction(() => document.querySelectorAll('#grid .card').length >= 6 && document.getElementById('filter-sort').value === '', null, { timeout: TIMEOUT });
  }, { critical: true });

  await step('screenshots: grid', async () => {
    await shoot(page, 'grid-1280');
  });

  await step('archive two with a confirmation; undo brings them back; archive again', async () => {
    await page.waitForSelector(card('Harbour.jpg'), { timeout: TIMEOUT });
    await tick(page, 'Harbour.jpg');
    await tick(page, 'Dunes.jpg');
    await page.click('#bulk-archive');
    await confirm(page, 'Archive 2 media items?');
    await page.waitForFunction(() => document.getElementById('bulk-report').textContent === 'Archived 2 media items.', null, { timeout: TIMEOUT });
    check(!(await page.$(card('Harbour.jpg'))), 'the archived card is still there');
    await page.click('#undo-button');
    await page.waitForFunction(() => document.getElementById('bulk-report').textContent === 'Undone.', null, { timeout: TIMEOUT });
    await page.waitForSelector(card('Harbour.jpg'), { timeout: TIMEOUT });
    await page.waitForSelector(card('Dunes.jpg'), { timeout: TIMEOUT });
    await tick(page, 'Harbour.jpg');
    await tick(page, 'Dunes.jpg');
    await page.click('#bulk-archive');
    await confirm(page, 'Archive 2 media items?');
    await page.waitForSelector(card('Dunes.jpg'), { state: 'detached', timeout: TIMEOUT });
  });

  await step('the Archived view lists them; restore one in bulk and one from its panel', async () => {
    await page.click('#nav a[data-view="archived"]');
    await page.waitForFunction(() => document.getElementById('library-title').textContent === 'Archived'
      && document.querySelectorAll('#grid .card').length === 2, null, { timeout: TIMEOUT });
    check(await page.$eval('#upload-button', b => b.hidden), 'the Archived view offers uploads');
    await shoot(page, 'archived-1280');
    await tick(page, 'Harbour.jpg');
    check(await page.$eval('#bulk-archive', b => b.hidden) && !(await page.$eval('#bulk-restore', b => b.hidden)), 'the bar offers Archive, not Restore');
    await page.click('#bulk-restore');
    await confirm(page, 'Restore 1 media item?');
    await page.waitForSelector(card('Harbour.jpg'), { state: 'detached', timeout: TIMEOUT });
    await page.click(`${card('Dunes.jpg')} .open`);
    await page.waitForSelector('#restore-media', { timeout: TIMEOUT });
    await page.click('#restore-media');
    await page.waitForSelector(card('Dunes.jpg'), { state: 'detached', timeout: TIMEOUT });
    await page.waitForSelector('#grid-empty:not([hidden])', { timeout: TIMEOUT });
    await page.click('#nav a[data-view="library"]');
    await page.waitForSelector(card('Dunes.jpg'), { timeout: TIMEOUT });
    await page.waitForSelector(card('Harbour.jpg'), { timeout: TIMEOUT });
  });

  await step('delete one in bulk after a confirmation', async () => {
    await tick(page, 'Broken.jpg');
    await page.click('#bulk-delete');
    await confirm(page, 'Delete 1 media item permanently?');
    await page.waitForFunction(() => document.getElementById('bulk-report').textContent.startsWith('Deleted 1 media item.'), null, { timeout: TIMEOUT });
    check(!(await page.$(card('Broken.jpg'))), 'the deleted card is still there');
  });

  await step('an interrupted resumable upload is listed, and picking the file resumes it from where it stopped', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'mediavault-resume-'));
    const file = path.join(folder, 'Long tone.wav');
    await writeFile(file, wav(24 * 1024 * 1024));
    let patches = 0;
    const offsets = [];
    let release;
    const held = new Promise(resolve => { release = resolve; });
    await page.route('**/uploads/**', async route => {
      if (route.request().method() === 'PATCH') {
        offsets.push(Number(route.request().headers()['upload-offset']));
        if (++patches >= 2) {
          await held;
          await route.abort().catch(() => {});
          return;
        }
      }

      await route.continue().catch(() => {});
    });
    await page.setInputFiles('#file-input', file);
    const deadline = Date.now() + TIMEOUT;
    while (patches < 2 && Date.now() < deadline) await page.waitForTimeout(100);
    check(patches >= 2, 'the second chunk never started');
    release();
    await page.unroute('**/uploads/**');
    await reloaded(page);
    await page.waitForSelector('#resumable:not([hidden]) .pending-upload[data-name="Long tone.wav"]', { timeout: TIMEOUT });
    const before = offsets.length;
    page.on('request', request => {
      if (request.method() === 'PATCH' && request.url().includes('/uploads/')) offsets.push(Number(request.headers()['upload-offset']));
    });
    await page.setInputFiles('#file-input', file);
    await page.waitForSelector('.upload-row[data-name="Long tone.wav"][data-state="ready"]', { timeout: TIMEOUT });
    const resumedAt = offsets[before];
    check(resumedAt > 0, `the upload started again from ${resumedAt} (offsets ${offsets.join(', ')})`);
    check(await page.$eval('#resumable', e => e.hidden), 'the interrupted upload is still listed');
    await rm(folder, { recursive: true, force: true });
    return `resumed at byte ${resumedAt}`;
  });

  await step('an interrupted upload can be discarded', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'mediavault-discard-'));
    const file = path.join(folder, 'Abandoned.wav');
    await writeFile(file, wav(22 * 1024 * 1024));
    await page.route('**/uploads/**', route => (route.request().method() === 'PATCH' ? route.abort() : route.continue()));
    await page.setInputFiles('#file-input', file);
    await page.waitForSelector('.pending-upload[data-name="Abandoned.wav"]', { timeout: TIMEOUT }).catch(async () => {
      // The upload keeps retrying the refused chunk; a reload interrupts it as a closed tab would.
      await reloaded(page);
      await page.waitForSelector('.pending-upload[data-name="Abandoned.wav"]', { timeout: TIMEOUT });
    });
    await page.unroute('**/uploads/**');
    await reloaded(page);
    await page.click('.pending-upload[data-name="Abandoned.wav"] button[aria-label^="Discard"]');
    await page.waitForSelector('#resumable[hidden]', { state: 'attached', timeout: TIMEOUT });
    const left = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('mediavault.tus:')).length);
    check(left === 0, `${left} upload(s) still remembered`);
    await rm(folder, { recursive: true, force: true });
  });

  await step('an animated GIF plays its animated preview while the pointer is over its card', async () => {
    await page.setInputFiles('#file-input', path.join(samples, 'image.gif'));
    await page.waitForSelector(`${card('image.gif')}[data-state="ready"] .thumb img`, { timeout: TIMEOUT });
    const id = await page.getAttribute(card('image.gif'), 'data-id');
    await page.waitForFunction(async ([mediaId, t]) => {
      const detail = await (await fetch(`/api/media/${mediaId}`, { headers: { Authorization: `Bearer ${t}` } })).json();
      return detail.renditions.some(r => r.name === 'animated.webp');
    }, [id, token], { timeout: TIMEOUT, polling: 500 });
    const still = await page.getAttribute(`${card('image.gif')} .thumb img`, 'src');
    await page.hover(`${card('image.gif')} .open`);
    await page.waitForFunction(selector => document.querySelector(selector)?.src.includes('animated.webp'), `${card('image.gif')} .thumb img`, { timeout: TIMEOUT });
    await page.mouse.move(1, 1);
    await page.waitForFunction(([selector, src]) => document.querySelector(selector)?.src === src, [`${card('image.gif')} .thumb img`, still], { timeout: TIMEOUT });
  });

  await step('release media open the library\'s detail panel; a not-found release does not show the previous release', async () => {
    const created = await api(page, '/releases', { method: 'POST', body: JSON.stringify({ title: 'Spring Sessions' }) });
    check(created.status === 201 || created.status === 200, `POST /releases answered ${created.status}`);
    await page.goto(new URL(`/#release/${created.body.data.id}`, baseUrl).href);
    await page.waitForFunction(() => document.getElementById('release-title').textContent === 'Spring Sessions', null, { timeout: TIMEOUT });
    const jpeg = (await readFile(path.join(samples, 'image.jpg'))).toString('base64');
    const uploaded = await page.evaluate(async ([id, t, b64]) => {
      const form = new FormData();
      form.append('files', new Blob([Uint8Array.from(atob(b64), c => c.charCodeAt(0))], { type: 'image/jpeg' }), 'Cover.jpg');
      return (await fetch(`/releases/${id}/media/files`, { method: 'POST', headers: { Authorization: `Bearer ${t}` }, body: form })).status;
    }, [created.body.data.id, token, jpeg]);
    check(uploaded < 300, `the release upload answered ${uploaded}`);
    await page.reload({ waitUntil: 'load' });
    await page.click('#release-media .card:has(.name[title="Cover.jpg"]) .open', { timeout: TIMEOUT });
    await page.waitForSelector('#detail[open][data-kind="image"] #edit-form', { timeout: TIMEOUT });
    check((await page.textContent('#detail-title')) === 'Cover.jpg', 'the release media opened another panel');
    await page.click('#detail-close');
    await page.goto(new URL('/#release/00000000-0000-0000-0000-000000000000', baseUrl).href);
    await page.waitForFunction(() => document.getElementById('release-title').textContent === 'Release not found', null, { timeout: TIMEOUT });
    check(!(await page.textContent('#release-view')).includes('Spring Sessions'), 'the previous release still shows');
  });

  await step('screenshots at 390 px', async () => {
    if (!shots) return 'skipped';
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL('/#library', baseUrl).href);
    await page.waitForSelector(card('Lake.jpg'), { timeout: TIMEOUT });
    await shoot(page, 'grid-390');
    await tick(page, 'Lake.jpg');
    await tick(page, 'Forest.jpg');
    await shoot(page, 'bulk-selection-390');
    await page.keyboard.press('Escape');
    await page.click(`${card('Mangoré meadow.jpg')} .open`);
    await page.waitForSelector('#detail[open] #edit-form', { timeout: TIMEOUT });
    await shoot(page, 'detail-390');
    await page.click('#detail-close');
    await page.evaluate(async t => {
      const list = await (await fetch('/v2/media?q=lake', { headers: { Authorization: `Bearer ${t}` } })).json();
      await fetch('/v2/media/bulk', { method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'archive', ids: list.data.map(m => m.id) }) });
    }, token);
    await page.click('#nav a[data-view="archived"]');
    await page.waitForSelector(card('Lake.jpg'), { timeout: TIMEOUT });
    await shoot(page, 'archived-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    return shots;
  });

  await step('a read-only user sees no upload, bulk or Releases controls', async () => {
    // A new tab has its own sessionStorage, so it starts signed out.
    const other = await context.newPage();
    await signIn(other, readerToken);
    check(await other.$eval('#upload-button', b => b.hidden), 'the upload button shows');
    check(await other.$eval('#dropzone', b => b.hidden), 'the drop zone shows');
    check(await other.$eval('#nav-releases', b => b.hidden), 'the Releases tab shows');
    await other.waitForSelector('#grid .card', { timeout: TIMEOUT });
    check(!(await other.isVisible('#grid .card .select')), 'cards offer selection');
    await other.focus('#grid .card .open');
    await other.keyboard.press('Control+A');
    check(await other.$eval('#bulkbar', b => b.hidden), 'Ctrl+A opened the bulk bar');
    await other.close();
  });
}

/** A WAV of silence, bytes long (16-bit stereo, 44.1 kHz). */
function wav(bytes) {
  const data = bytes - 44;
  const buffer = Buffer.alloc(bytes);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(bytes - 8, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(2, 22);
  buffer.writeUInt32LE(44100, 24);
  buffer.writeUInt32LE(44100 * 4, 28);
  buffer.writeUInt16LE(4, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(data, 40);
  return buffer;
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
      // Aborted requests (the cancel and interrupt steps) log network errors that are the point of those steps.
      if (message.type() === 'error' && !/net::ERR_FAILED|ERR_ABORTED|Failed to load resource/.test(message.text())) {
        failures.push(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
      }
    });
    page.on('pageerror', error => failures.push(`page error: ${error.message}`));
    current = page;
    await run(page, context);
  } catch (error) {
    if (!(error instanceof Stop)) failures.push(`run: ${error?.message?.split('\n')[0] ?? error}`);
  } finally {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

const guard = setTimeout(() => {
  failures.push('run: gave up after 280 s');
  console.log(JSON.stringify({ ok: false, failures, steps }));
  process.exit(0);
}, 280_000);
await main();
clearTimeout(guard);
console.log(JSON.stringify({ ok: failures.length === 0, failures, steps }));
process.exit(0);
