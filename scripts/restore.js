// `npm run restore -- FILE`: brings a dump made by `npm run backup` back into the embedded
// database (PGLITE_DIR, default data/pglite). Stop the server first; a database already there
// is kept beside the restored one, renamed, never deleted.
import { restore } from './pglite-backup.js';

const dump = process.argv[2];
if (!dump) {
	console.error('restore: name the dump to restore: npm run restore -- backups/machi-….tar.gz');
	process.exit(2);
}
const dataDir = process.env.PGLITE_DIR ?? 'data/pglite';
try {
	const { keptAs } = await restore(dump, dataDir);
	console.log(
		`Restored ${dump} into ${dataDir}.${keptAs ? ` The database that was there is now ${keptAs}.` : ''}`
	);
	process.exit(0);
} catch (error) {
	console.error(`restore: ${error.message}`);
	process.exit(1);
}
