// Uploads a file to MediaVault with the stock tus-js-client and prints one JSON line with the outcome.
// Usage: node upload.mjs <endpoint> <token> <file> <chunkSize> <metadataJson> [interrupt]
// With "interrupt", the first attempt is aborted (connection closed) after about a third of the file and a second
// Upload resumes it from the server's offset (HEAD), as a client would after a network drop or a page reload.
import { createReadStream, statSync } from 'node:fs';
import * as tus from 'tus-js-client';

const [endpoint, token, file, chunkSize, metadataJson, mode] = process.argv.slice(2);
const size = statSync(file).size;
const metadata = JSON.parse(metadataJson);
const headers = { Authorization: `Bearer ${token}` };

function start(uploadUrl, stopAt) {
  return new Promise((resolve, reject) => {
    let offsets = [];
    const upload = new tus.Upload(createReadStream(file), {
      endpoint,
      uploadUrl,
      headers,
      metadata,
      uploadSize: size,
      chunkSize: Number(chunkSize),
      retryDelays: [0, 200, 500],
      removeFingerprintOnSuccess: true,
      onProgress(sent) {
        if (stopAt && sent >= stopAt) {
          upload.abort(false).then(() => resolve({ aborted: true, url: upload.url, offsets }));
          stopAt = null;
        }
      },
      onChunkComplete(_chunk, accepted) {
        offsets.push(accepted);
      },
      onError: reject,
      onSuccess(payload) {
        const mediaId = payload.lastResponse.getHeader('Upload-Media-Id');
        resolve({ aborted: false, url: upload.url, mediaId, offsets });
      },
    });
    upload.start();
  });
}

try {
  let result;
  if (mode === 'interrupt') {
    const first = await start(null, Math.floor(size / 3));
    const resumed = await start(first.url, null);
    result = { ...resumed, resumedFrom: resumed.offsets[0] ?? null, firstUrl: first.url, firstOffsets: first.offsets };
  } else {
    result = await start(null, null);
  }
  console.log(JSON.stringify({ ok: true, ...result }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error), status: error?.originalResponse?.getStatus?.() ?? null, body: error?.originalResponse?.getBody?.() ?? null }));
}
