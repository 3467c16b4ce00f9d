// The peer for tus uploads: @tus/server with @tus/file-store, the tus project's own Node server, on loopback.
// Run by bench/peers/tus-server.sh start PORT DIR (which sets TUS_CACHE to the folder holding node_modules).
// Serves tus 1.0 at http://127.0.0.1:PORT/files and stores uploads as files in DIR; prints "listening" when ready.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fromCache = createRequire(join(process.env.TUS_CACHE, 'package.json'));
const load = (name) => import(pathToFileURL(fromCache.resolve(name)).href);
const { Server } = await load('@tus/server');
const { FileStore } = await load('@tus/file-store');

const [port, directory] = process.argv.slice(2);
const server = new Server({ path: '/files', datastore: new FileStore({ directory }) });
server.listen({ host: '127.0.0.1', port: Number(port) }, () => console.log('listening'));
