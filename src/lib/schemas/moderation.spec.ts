import { describe, expect, it } from 'vitest';
import { featureSchema, formFields, reasonSchema } from './moderation';

const entryId = '00000000-0000-4000-8000-00000000e001';

describe('moderation forms', () => {
	it('requires a reason to reject or hide, trimmed', () => {
		expect(reasonSchema.safeParse({ entryId, reason: '   ' }).success).toBe(false);
		expect(reasonSchema.parse({ entryId, reason: '  Off theme ' }).reason).toBe('Off theme');
	});

	it('refuses a reason over 500 characters', () => {
		expect(reasonSchema.safeParse({ entryId, reason: 'x'.repeat(501) }).success).toBe(false);
	});

	it('refuses an entry id that is not a uuid', () => {
		expect(featureSchema.safeParse({ entryId: '1; drop', featured: 'on' }).success).toBe(false);
	});

	it('reads missing form fields as empty strings', () => {
		const data = new FormData();
		data.set('entryId', entryId);
		expect(formFields(data, ['entryId', 'reason'])).toEqual({ entryId, reason: '' });
	});
});
