// `npm run backup [-- FILE]`: writes a dump of the embedded database (PGLITE_DIR, default
// data/pglite) to FILE (default backups/machi-<time>.tar.gz), while the server runs or not.
// For PostgreSQL or Supabase deployments use pg_dump; see the README.
import { backup } from './pglite-backup.js';

const dataDir = process.env.PGLITE_DIR ?? 'data/pglite';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? `backups/machi-${stamp}.tar.gz`;
try {
	const { target: written, live } = await backup(dataDir, target);
	console.log(`Backup written to ${written}${live ? ' (from the running server)' : ''}.`);
	process.exit(0);
} catch (error) {
	console.error(`backup: ${error.message}`);
	process.exit(1);
}
