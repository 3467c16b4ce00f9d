// Uploads one file with the stock tus-js-client (Node, read from disk slice by slice) and prints one JSON line:
// {"ok":true,"seconds":…,"url":…,"mediaId":…} or {"ok":false,"error":…}. Used for MediaVault's /uploads and for the
// @tus/server peer alike. TUS_CACHE is the folder whose node_modules hold tus-js-client (bench/peers/tus-server.sh install).
// Usage: node bench/tus-upload.mjs ENDPOINT FILE CHUNK_BYTES [HEADERS_JSON ({})] [METADATA_JSON ({"filename": basename})]
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fromCache = createRequire(join(process.env.TUS_CACHE, 'package.json'));
const tus = await import(pathToFileURL(fromCache.resolve('tus-js-client')).href);
const Upload = tus.Upload ?? tus.default.Upload;

const [endpoint, file, chunkSize, headersJson, metadataJson] = process.argv.slice(2);
const headers = JSON.parse(headersJson || '{}');
const metadata = JSON.parse(metadataJson || JSON.stringify({ filename: basename(file) }));
const started = process.hrtime.bigint();
try {
  const result = await new Promise((resolve, reject) => {
    const upload = new Upload(createReadStream(file), {
      endpoint,
      headers,
      metadata,
      uploadSize: statSync(file).size,
      chunkSize: Number(chunkSize),
      retryDelays: [],
      onError: reject,
      onSuccess(payload) {
        resolve({ url: upload.url, mediaId: payload.lastResponse.getHeader('Upload-Media-Id') ?? null });
      },
    });
    upload.start();
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ ok: true, seconds, ...result }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error) }));
  process.exitCode = 1;
}
