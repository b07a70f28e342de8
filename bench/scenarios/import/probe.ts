// Imports the Bristol streetlights (49,451 rows, no ids, outside Japan) into a fresh layer
// through the app's own code: assets.upload then assets.runImport, as the organiser's pages
// call them. Then imports the same file again (every row unchanged), and, as the baseline,
// inserts the same points into another layer in one bare set-based statement. Run by the import
// scenario with DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded) set, and BENCH_FILE.
import { readFileSync } from 'node:fs';
import { report } from '../../lib/report';

const { asSystem, db } = await import('../../../src/lib/server/db/index');
const assets = await import('../../../src/lib/server/assets');
await db();

const suffix = Date.now().toString(36);
const organiser = await asSystem('bench-organiser', async (tx) => {
	const [{ id }] = await tx<{ id: string }[]>`
		insert into auth.users (id, email) values (gen_random_uuid(), ${`bench-${suffix}@example.jp`})
		returning id`;
	await tx`insert into public.user_roles (user_id, role) values (${id}, 'organiser')`;
	return { id, roles: ['citizen', 'organiser'] };
});

const bytes = readFileSync(process.env.BENCH_FILE ?? '');
const layer = `bench-${suffix}`;
await assets.createLayer(organiser, {
	code: layer,
	nameJa: '街灯',
	nameEn: 'Lights',
	categoryCode: null
});

async function importOnce() {
	const started = performance.now();
	const id = await assets.upload(organiser, layer, { name: 'bristol.csv', bytes });
	const shown = await assets.preview(organiser, id);
	if (!shown) throw new Error('the upload is not pending');
	const result = await assets.runImport(organiser, id, shown.suggested, false);
	return { ms: performance.now() - started, result };
}

const first = await importOnce();
const again = await importOnce();

// The baseline: the same points, parsed by hand, in one statement with no checks at all.
const lines = bytes.toString('utf8').trim().split(/\r?\n/).slice(1);
const points = lines.map((line) => line.split(',').map(Number));
const bareStarted = performance.now();
await asSystem('bench-bare-insert', async (tx) => {
	const [{ id }] = await tx<{ id: string }[]>`
		insert into public.asset_layers (code, name_ja, name_en)
		values (${`bare-${suffix}`}, 'x', 'x') returning id`;
	await tx`insert into public.assets (layer_id, external_id, location)
		select ${id}, 'p' || n, extensions.st_setsrid(extensions.st_makepoint(x, y), 4326)
		from unnest(${points.map((p) => p[0])}::double precision[],
			${points.map((p) => p[1])}::double precision[]) with ordinality as r (x, y, n)`;
});
const bareMs = performance.now() - bareStarted;

const skipped = (r: typeof first.result) => r.skipped.reduce((sum, s) => sum + s.count, 0);
report({
	firstMs: first.ms,
	againMs: again.ms,
	bareMs,
	read: first.result.read,
	inserted: first.result.inserted,
	skipped: skipped(first.result),
	unchanged: again.result.unchanged
});
const { sql } = await db();
await sql.end({ timeout: 5 });
process.exit(0);
