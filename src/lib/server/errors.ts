/**
 * An expected refusal from the database: the SQL functions raise these with SQLSTATE `MQxxx`
 * and a message that is a stable code (`outside_area`, `campaign_not_open` …), which the
 * pages turn into a translated sentence.
 */
export class DomainError extends Error {
	constructor(public readonly code: string) {
		super(code);
		this.name = 'DomainError';
	}
}

interface PostgresError {
	code?: string;
	message?: string;
}

/** Turns a database error raised by our SQL functions into a DomainError; rethrows others. */
export function asDomainError(error: unknown): never {
	const pg = error as PostgresError;
	if (typeof pg?.code === 'string' && pg.code.startsWith('MQ') && pg.message) {
		throw new DomainError(pg.message);
	}
	if (pg?.code === '42501') throw new DomainError('not_allowed');
	throw error;
}
