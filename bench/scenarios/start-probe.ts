// Opens the embedded database in this process, as the server does on start, and reports how long
// it took. Run by the `start` scenario with PGLITE_DIR and PHOTO_DIR pointing at its own folders.
import { report } from '../lib/report';

const started = performance.now();
const { db } = await import('../../src/lib/server/db/index');
const { migrations } = await db();
report({ ms: performance.now() - started, migrations });

// Ending the process closes the IPC channel, on which the embedded database shuts itself down.
process.exit(0);
