// The embedded database: PGlite with PostGIS, served over a Unix socket by pglite-socket.
// It runs in its own process so that PGlite's computation never blocks the web server's
// event loop, and it listens on a socket inside a private (0700) directory, so it is
// reachable by this server alone: no TCP port, nothing other local users can open.
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerBackupRequest, PID_FILE } from './pglite-backup.js';

const dataDir = process.argv[2];
mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create(dataDir, { extensions: { postgis } });
dropEarlyReadyForQuery(db);
const socketDir = mkdtempSync(join(tmpdir(), 'machi-pglite-'));
const socketPath = join(socketDir, '.s.PGSQL.5432');
const server = new PGLiteSocketServer({
	db,
	path: socketPath,
	maxConnections: 16,
	debug: process.env.PGLITE_SOCKET_DEBUG === 'on'
});
await server.start();
// `npm run backup` finds the server here and asks it for a dump (scripts/pglite-backup.js).
writeFileSync(join(dataDir, PID_FILE), String(process.pid));
process.on('SIGUSR2', () => void answerBackupRequest(db, dataDir));

async function shutdown() {
	await server.stop();
	await db.close();
	rmSync(join(dataDir, PID_FILE), { force: true });
	rmSync(socketDir, { recursive: true, force: true });
	process.exit(0);
}

/**
 * In the extended query protocol the server answers ReadyForQuery only to Sync
 * (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY).
 * PGlite also sends one right after an ErrorResponse to Parse, Bind or Execute, so a client
 * such as postgres.js receives two for one Sync, loses its place in the conversation and closes
 * the connection: every failed transaction then broke the next one. This drops ReadyForQuery
 * from the answers to the extended protocol's other messages.
 */
// Parse, Bind, Describe, Execute, Close, Flush
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

function dropEarlyReadyForQuery(pglite) {
	const original = pglite.execProtocolRawStream.bind(pglite);
	pglite.execProtocolRawStream = (message, options) => {
		if (!EXTENDED.has(String.fromCharCode(message[0]))) return original(message, options);
		// A large answer (a few hundred rows) arrives in several chunks that split messages
		// anywhere: the part of a message at a chunk's end waits for the rest.
		let partial = null;
		return original(message, {
			...options,
			onRawData: (data) => {
				const whole = partial ? Buffer.concat([partial, data]) : data;
				const { kept, rest } = withoutReady(whole);
				partial = rest;
				if (kept.length > 0) options.onRawData(kept);
			}
		});
	};
}

/** The complete messages of `data` except ReadyForQuery, and an incomplete last one if any. */
function withoutReady(data) {
	const kept = [];
	let offset = 0;
	while (offset + 5 <= data.length) {
		const length = 1 + new DataView(data.buffer, data.byteOffset + offset + 1, 4).getInt32(0);
		if (offset + length > data.length) break;
		if (data[offset] !== 0x5a) kept.push(data.subarray(offset, offset + length));
		offset += length;
	}
	const rest = offset < data.length ? Buffer.from(data.subarray(offset)) : null;
	return { kept: kept.length === 1 ? kept[0] : Buffer.concat(kept), rest };
}

process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.send?.({ socketPath });
