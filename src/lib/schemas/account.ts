import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Every message is a function, called when a value fails rather than when the schema is built,
// so the one schema speaks the language of whichever request is being checked.

/** Chiba City's six wards, by their national local-government codes. */
export const WARD_CODES: readonly string[] = ['12101', '12102', '12103', '12104', '12105', '12106'];

// bcrypt reads only the first 72 bytes of a password; longer ones would be silently cut.
const BCRYPT_MAX_BYTES = 72;

const codePoints = (text: string) => [...text].length;

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, { error: () => m.account_error_email_invalid() })
	.check(z.email({ error: () => m.account_error_email_invalid() }));

export const registerSchema = z.object({
	email,
	password: z
		.string()
		.min(10, { error: () => m.account_error_password_short() })
		.refine((password) => new TextEncoder().encode(password).length <= BCRYPT_MAX_BYTES, {
			error: () => m.account_error_password_long()
		}),
	nickname: z
		.string()
		.trim()
		.refine((nickname) => codePoints(nickname) >= 2 && codePoints(nickname) <= 30, {
			error: () => m.account_error_nickname_length()
		}),
	homeWardCode: z.string().refine((code) => WARD_CODES.includes(code), {
		error: () => m.account_error_home_ward()
	}),
	terms: z.boolean().refine((accepted) => accepted, { error: () => m.account_error_terms() })
});

export const signInSchema = z.object({
	email,
	password: z
		.string()
		.min(1, { error: () => m.account_error_password_required() })
		.max(1024, { error: () => m.account_error_credentials() })
});

export type RegisterForm = z.infer<typeof registerSchema>;
export type SignInForm = z.infer<typeof signInSchema>;
