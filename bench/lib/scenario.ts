import type { DatabaseKind, Figure } from './figures';

/** What every scenario gets from the runner. */
export interface BenchContext {
	/** The repository's root folder. */
	root: string;
	/** Real input files (photos, boundaries): REAL_DATA_DIR, default ../shared/data. */
	realDataDir: string;
	database: DatabaseKind;
	/** The PostgreSQL server to measure, when `database` is postgres. */
	databaseUrl: string | null;
	/** How many reports the data generator makes; scenarios that use generated data read it. */
	scale: number;
	/** A new empty folder, in the system's or in `parent`, removed when the run ends. */
	tempDir(purpose: string, parent?: string): string;
	/** A progress line on stderr, kept apart from the figures on stdout. */
	log(message: string): void;
}

/** One benchmark: `npm run bench -- <name>` runs it alone. */
export interface Scenario {
	name: string;
	/** One line for `--list` and for the log. */
	summary: string;
	/**
	 * The databases it can measure. Empty when it touches none: it then runs whatever database
	 * the run is for, and its figures record none.
	 */
	databases: readonly DatabaseKind[];
	/** Whether its data size follows `--scale` (the data generator); otherwise it uses demo data. */
	scaled: boolean;
	run(context: BenchContext): Promise<Figure[]>;
}
