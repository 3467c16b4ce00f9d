// The smallest tus 1.0 server that can take an upload: it counts the bytes of each PATCH and throws them away. It
// stores nothing, hashes nothing and checks nothing, so tus-js-client's time against it is the client's own ceiling
// on this machine (reading the file, slicing 64 MiB chunks, one request per chunk), which no server can beat.
// Usage: node bench/peers/tus-sink.mjs PORT      prints "listening" once ready.
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const uploads = new Map();
let next = 0;
const tusHeaders = { 'Tus-Resumable': '1.0.0', 'Access-Control-Expose-Headers': 'Location, Upload-Offset' };

createServer((request, response) => {
  const id = request.url.split('/')[2];
  if (request.method === 'POST') {
    const name = String(++next);
    uploads.set(name, { length: Number(request.headers['upload-length']), offset: 0 });
    request.resume();
    request.on('end', () => response.writeHead(201, { ...tusHeaders, Location: `/files/${name}` }).end());
  } else if (request.method === 'PATCH' && uploads.has(id)) {
    const upload = uploads.get(id);
    request.on('data', (chunk) => { upload.offset += chunk.length; });
    request.on('end', () => {
      if (upload.offset >= upload.length) uploads.delete(id);
      response.writeHead(204, { ...tusHeaders, 'Upload-Offset': String(upload.offset) }).end();
    });
  } else if (request.method === 'HEAD' && uploads.has(id)) {
    const upload = uploads.get(id);
    response.writeHead(200, { ...tusHeaders, 'Upload-Offset': String(upload.offset), 'Upload-Length': String(upload.length) }).end();
  } else {
    request.resume();
    response.writeHead(404, tusHeaders).end();
  }
}).listen(port, '127.0.0.1', () => console.log('listening'));
