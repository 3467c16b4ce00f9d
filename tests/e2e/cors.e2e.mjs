// A page on a second loopback origin uses a MediaVault server on another origin, in Debian's headless Chromium
// (playwright-core): stock Uppy (@uppy/core + @uppy/tus, bundled by esbuild) uploads over tus, fetch runs the library
// create → PUT uploadUrl → PATCH confirm flow, and a <video crossorigin> plays the signed URL. The same page on an
// origin the server does not allow must fail both uploads.
// Usage: node cors.e2e.mjs <API base URL> <token> <token for the refused origin> <port of the allowed page origin>
// Prints one JSON line {ok, failures: [...], steps: [...], results: {...}} and exits 0 either way; the caller asserts on it.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const [apiArgument, token, refusedToken, allowedPort] = process.argv.slice(2);
const api = apiArgument.replace(/\/+$/, '');
const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.resolve(here, '..', 'MediaVault.Media.Tests', 'TestFiles');
const video = 'clip.webm';
const steps = [];
const failures = [];
const results = {};

class Stop extends Error {}

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

/** Serves the page, its bundle and the sample files on 127.0.0.1:port (0: any free port); resolves to its origin. */
async function servePage(port, bundle) {
  const types = { '.webm': 'video/webm', '.mp4': 'video/mp4', '.jpg': 'image/jpeg' };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://page');
    try {
      if (url.pathname === '/') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(await readFile(path.join(here, 'cors', 'index.html')));
      } else if (url.pathname === '/app.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
      } else if (url.pathname.startsWith('/samples/') && !url.pathname.includes('..')) {
        const name = path.basename(url.pathname);
        response.writeHead(200, { 'Content-Type': types[path.extname(name)] ?? 'application/octet-stream' }).end(await readFile(path.join(samples, name)));
      } else {
        response.writeHead(404).end();
      }
    } catch {
      response.writeHead(500).end();
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(Number(port), '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function open(context, origin) {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', error => failures.push(`page error on ${origin}: ${error.message}`));
  const response = await page.goto(`${origin}/`, { waitUntil: 'load' });
  check(response?.ok(), `GET ${origin}/ answered ${response?.status()}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  return page;
}

async function run(context, allowed, refused) {
  const size = (await readFile(path.join(samples, video))).length;
  const page = await open(context, allowed);
  page.on('console', message => {
    if (message.type() === 'error') failures.push(`console error on the allowed origin: ${message.text()}`);
  });

  await step('Uppy uploads over tus from the allowed origin', async () => {
    const result = await page.evaluate(args => window.uploadWithUppy(args), { api, token, name: video });
    check(result.ok, `Uppy failed: ${JSON.stringify(result.errors)}`);
    check(result.headStatus === 200, `HEAD of the upload answered ${result.headStatus}`);
    check(result.offset === String(size) && result.length === String(size), `Upload-Offset ${result.offset}, Upload-Length ${result.length}, file ${size}`);
    check(result.mediaId, 'Upload-Media-Id is not readable by the page');
    results.uppyMediaId = result.mediaId;
    return `media ${result.mediaId}`;
  });

  let signedUrl;
  await step('create → PUT uploadUrl → PATCH confirm from the allowed origin', async () => {
    const result = await page.evaluate(args => window.libraryFlow(args), { api, token, name: video });
    check(result.ok, result.error);
    check(result.created === 201 && result.put === 200 && result.confirm === 200, `create ${result.created}, PUT ${result.put}, confirm ${result.confirm}`);
    check(result.status === 'SUCCESS' && result.path, `status ${result.status}, path ${result.path}`);
    results.libraryMediaId = result.id;
    signedUrl = result.path;
    return `media ${result.id}`;
  });

  await step('the signed URL plays in <video crossorigin="anonymous">', async () => {
    const result = await page.evaluate(url => window.play(url), signedUrl);
    check(result.width > 0 && result.height > 0 && result.readyState >= 2, JSON.stringify(result));
    return `${result.width}x${result.height}, ${result.duration.toFixed(2)} s`;
  });

  await step('a ranged fetch of the signed URL reads Content-Range, ETag and Accept-Ranges', async () => {
    const result = await page.evaluate(url => window.readRange(url), signedUrl);
    check(result.status === 206 && result.bytes === 16, `status ${result.status}, ${result.bytes} bytes`);
    check(result.contentRange?.startsWith('bytes 0-15/'), `Content-Range ${result.contentRange}`);
    check(result.etag && result.acceptRanges === 'bytes', `ETag ${result.etag}, Accept-Ranges ${result.acceptRanges}`);
    return result.contentRange;
  });

  const other = await open(context, refused);
  await step('Uppy fails from an origin the server does not allow', async () => {
    const result = await other.evaluate(args => window.uploadWithUppy(args), { api, token: refusedToken, name: video });
    check(!result.ok, `the upload succeeded (${result.uploadUrl})`);
    return result.errors.join('; ');
  });

  await step('the library flow fails from an origin the server does not allow', async () => {
    const result = await other.evaluate(args => window.libraryFlow(args), { api, token: refusedToken, name: video });
    check(!result.ok && result.error.startsWith('TypeError'), JSON.stringify(result));
    return result.error;
  });
}

async function main() {
  const profile = await mkdtemp(path.join(tmpdir(), 'mediavault-cors-e2e-'));
  const built = await esbuild.build({ entryPoints: [path.join(here, 'cors', 'app.js')], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const allowed = await servePage(allowedPort, built.outputFiles[0].text);
  const refused = await servePage(0, built.outputFiles[0].text);
  results.allowedOrigin = allowed.origin;
  results.refusedOrigin = refused.origin;
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
    await run(context, allowed.origin, refused.origin);
  } catch (error) {
    if (!(error instanceof Stop)) failures.push(`run: ${error?.message?.split('\n')[0] ?? error}`);
  } finally {
    await context?.close().catch(() => {});
    allowed.server.close();
    refused.server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

const guard = setTimeout(() => {
  failures.push('run: gave up after 170 s');
  console.log(JSON.stringify({ ok: false, failures, steps, results }));
  process.exit(0);
}, 170_000);
await main();
clearTimeout(guard);
console.log(JSON.stringify({ ok: failures.length === 0, failures, steps, results }));
process.exit(0);
