// `npm run db:seed`: loads the Chiba City demo data into the database DATABASE_URL names, on
// explicit request only (the app itself seeds the embedded database alone).
import postgres from 'postgres';
import { migrate } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/db/seed';

const url = process.env.DATABASE_URL;
if (!url) {
	console.error('Set DATABASE_URL to the database to fill; the embedded one is seeded on start.');
	process.exit(2);
}

const sql = postgres(url, { max: 1, onnotice: () => {} });
await migrate(sql);
const seeded = await seedDemo(sql);
console.log(seeded ? 'Demo data loaded.' : 'The database already has areas; nothing loaded.');
await sql.end();
