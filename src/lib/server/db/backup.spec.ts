// `npm run backup` and `npm run restore` on the embedded database: a dump taken from a running
// server, or from a stopped one, restores to the same rows; restoring over a database keeps the
// old one. Runs the real scripts' functions against real PGlite processes.
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import {
	answerBackupRequest,
	backup,
	REQUEST_FILE,
	restore,
	runningServer
} from '../../../../scripts/pglite-backup.js';
import { startEmbeddedDatabase } from './embedded';

const root = mkdtempSync(join(process.env.MACHI_TEST_TMP ?? tmpdir(), 'machi-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function rowsIn(dataDir: string) {
	const db = await PGlite.create(dataDir, { extensions: { postgis } });
	try {
		const { rows } = await db.query<{ id: number; note: string; place: string }>(
			`select id, note, extensions.st_astext(place) as place from public.kept order by id`
		);
		return rows;
	} finally {
		await db.close();
	}
}

describe('backups of the embedded database', () => {
	it('dumps a running server between its queries and restores what was there then', async () => {
		const live = join(root, 'live');
		const server = await startEmbeddedDatabase(live);
		const sql = postgres({
			path: server.socketPath,
			user: 'postgres',
			database: 'postgres',
			max: 1,
			prepare: false,
			onnotice: () => {}
		});
		try {
			expect(runningServer(live)).toBe(server.child.pid);
			await sql`create schema if not exists extensions`;
			await sql`create extension if not exists postgis schema extensions`;
			await sql`create table public.kept (id int primary key, note text, place extensions.geometry(Point, 4326))`;
			await sql`insert into public.kept
				select n, '千葉の街灯 ' || n, extensions.st_setsrid(extensions.st_makepoint(140.1 + n / 1000.0, 35.6), 4326)
				from generate_series(1, 500) n`;

			const dump = join(root, 'live.tar.gz');
			expect(await backup(live, dump)).toEqual({ target: dump, live: true });
			// Written after the backup: not in it.
			await sql`insert into public.kept values (501, 'after', null)`;
			expect(await sql`select count(*)::int as n from public.kept`).toEqual([{ n: 501 }]);
		} finally {
			await sql.end();
			server.child.kill('SIGTERM');
			await new Promise((done) => server.child.once('exit', done));
		}
		expect(runningServer(live)).toBeNull();

		const restored = join(root, 'restored');
		expect(await restore(join(root, 'live.tar.gz'), restored)).toEqual({
			dataDir: restored,
			keptAs: null
		});
		const rows = await rowsIn(restored);
		expect(rows).toHaveLength(500);
		expect(rows[0]).toEqual({ id: 1, note: '千葉の街灯 1', place: 'POINT(140.101 35.6)' });
		expect(rows.at(-1)?.note).toBe('千葉の街灯 500');
	}, 300_000);

	it('dumps a stopped database and keeps the one it restores over', async () => {
		const restored = join(root, 'restored');
		const dump = join(root, 'offline.tar.gz');
		expect(await backup(restored, dump)).toEqual({ target: dump, live: false });

		const { keptAs } = await restore(join(root, 'live.tar.gz'), join(root, 'live'));
		expect(keptAs).not.toBeNull();
		expect(existsSync(keptAs!)).toBe(true);
		// The database that was there, with the row written after the first backup, is kept.
		expect(await rowsIn(keptAs!)).toHaveLength(501);
		expect(await rowsIn(join(root, 'live'))).toHaveLength(500);

		await restore(dump, join(root, 'again'));
		expect(await rowsIn(join(root, 'again'))).toEqual(await rowsIn(restored));
	}, 300_000);

	it('refuses a target it cannot write before asking the server, and the server survives a failed dump', async () => {
		const restored = join(root, 'restored');
		await expect(backup(restored, join(root, 'no-such-folder', 'x.tar.gz'))).rejects.toThrow(
			/is not a folder; make it first/
		);
		mkdirSync(join(root, 'a-folder'));
		await expect(backup(restored, join(root, 'a-folder'))).rejects.toThrow(
			/is a folder; name a file/
		);

		// A request the server cannot carry out (the folder went away) is answered, not thrown.
		const db = await PGlite.create(restored, { extensions: { postgis } });
		try {
			const id = '00000000-0000-4000-8000-000000000001';
			writeFileSync(
				join(restored, REQUEST_FILE),
				JSON.stringify({ id, target: join(root, 'gone', 'x.tar.gz') })
			);
			await answerBackupRequest(db, restored);
			const answer = JSON.parse(
				readFileSync(join(restored, `machi-backup-answer-${id}.json`), 'utf8')
			);
			expect(answer.ok).toBe(false);
			expect(answer.reason).toMatch(/ENOENT/);
			expect((await db.query('select count(*)::int as n from public.kept')).rows).toEqual([
				{ n: 500 }
			]);
		} finally {
			await db.close();
		}
		expect(readdirSync(root).filter((name) => name.endsWith('.partial'))).toEqual([]);
	}, 300_000);

	it('refuses to restore under a running server, and to back up nothing', async () => {
		await expect(backup(join(root, 'nothing-here'), join(root, 'x.tar.gz'))).rejects.toThrow(
			/no embedded database/
		);
		const server = await startEmbeddedDatabase(join(root, 'busy'));
		try {
			await expect(restore(join(root, 'live.tar.gz'), join(root, 'busy'))).rejects.toThrow(
				/stop it before restoring/
			);
		} finally {
			server.child.kill('SIGTERM');
			await new Promise((done) => server.child.once('exit', done));
		}
	}, 300_000);
});
