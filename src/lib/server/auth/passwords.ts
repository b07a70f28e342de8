import bcrypt from 'bcryptjs';

// bcrypt, as GoTrue stores it in auth.users.encrypted_password, so local accounts can move to
// Supabase Auth unchanged. Cost 12 takes about a quarter of a second here: slow for a guesser,
// bearable for a person. Tests lower it through BCRYPT_COST.
const PRODUCTION_COST = 12;

function cost(): number {
	const configured = Number(process.env.BCRYPT_COST);
	return Number.isInteger(configured) && configured >= 4 && configured <= 31
		? configured
		: PRODUCTION_COST;
}

export function hashPassword(password: string): Promise<string> {
	return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
	return bcrypt.compare(password, hash);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends the time of one real comparison when there is no account to compare with, so that the
 * response time does not tell an unknown email from a wrong password.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
	const rounds = cost();
	let dummy = dummyHashes.get(rounds);
	if (!dummy) {
		dummy = bcrypt.hash('no account has this password', rounds);
		dummyHashes.set(rounds, dummy);
	}

	await bcrypt.compare(password, await dummy);
	return false;
}
