import { db, asUser } from '../src/lib/server/db/index.ts';
const t = Date.now();
const d = await db();
console.log('opened', d.kind, d.migrations, Date.now() - t, 'ms');
const r = await asUser(null, (tx) => tx`select current_user, auth.role(), extensions.postgis_version() as v, (select count(*) from public.campaigns) as n`);
console.log(r);
process.exit(0);
