import { join } from 'node:path';
import { runScript } from './processes';
import type { BenchContext } from './scenario';
import { ensureBuild, startServer, type RunningServer } from './server';

/** Loads the demo data into the PostgreSQL server, as `npm run db:seed` does; once is enough. */
async function fillPostgres(context: BenchContext, databaseUrl: string): Promise<void> {
	context.log('loading the demo data into BENCH_DATABASE_URL (npm run db:seed)');
	await runScript(join(context.root, 'scripts/seed.ts'), {
		cwd: context.root,
		env: { DATABASE_URL: databaseUrl, PHOTO_DIR: context.tempDir('seed-photos') },
		timeoutMs: 5 * 60_000
	});
}

/**
 * The built app as the run's database serves it, with the Chiba demo data: a new embedded
 * database in a temporary folder, or BENCH_DATABASE_URL filled with the demo data. Configured
 * as the end-to-end tests run it: offline map style, phone-sized request bodies.
 */
export async function startApp(context: BenchContext): Promise<RunningServer> {
	await ensureBuild(context.root, context.log);
	const database =
		context.database === 'postgres' && context.databaseUrl
			? { DATABASE_URL: context.databaseUrl }
			: { DATABASE_URL: undefined, PGLITE_DIR: context.tempDir('pglite') };
	if (database.DATABASE_URL) await fillPostgres(context, database.DATABASE_URL);

	context.log(`starting the built server on ${context.database}`);
	return startServer(context.root, context.tempDir('build', join(context.root, '.tmp')), {
		...database,
		MACHI_ROOT: context.root,
		PHOTO_DIR: context.tempDir('photos'),
		BODY_SIZE_LIMIT: '20M',
		PUBLIC_MAP_STYLE_URL: '/map/offline-style.json',
		DEMO_DATA: undefined
	});
}
