// The embedded database: PGlite with PostGIS, served over a Unix socket by pglite-socket.
// It runs in its own process so that PGlite's computation never blocks the web server's
// event loop, and it listens on a socket inside a private (0700) directory, so it is
// reachable by this server alone: no TCP port, nothing other local users can open.
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = process.argv[2];
mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create(dataDir, { extensions: { postgis } });
const socketDir = mkdtempSync(join(tmpdir(), 'machi-pglite-'));
const socketPath = join(socketDir, '.s.PGSQL.5432');
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 });
await server.start();

async function shutdown() {
	await server.stop();
	await db.close();
	rmSync(socketDir, { recursive: true, force: true });
	process.exit(0);
}

process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.send?.({ socketPath });
