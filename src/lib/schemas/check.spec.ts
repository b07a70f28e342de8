import { describe, expect, it } from 'vitest';
import { assetListQuerySchema, checkSchema } from './check';

const valid = {
	assetId: 12,
	condition: 'faulty',
	photoId: '',
	lat: 35.6074,
	lon: 140.1233,
	comment: '  The sign has faded  ',
	idempotencyKey: '00000000-0000-4000-8000-00000000c001'
};

describe('the check form', () => {
	it('accepts the four conditions and trims the comment', () => {
		for (const condition of ['working', 'faulty', 'missing', 'obstructed']) {
			expect(checkSchema.safeParse({ ...valid, condition }).success).toBe(true);
		}
		expect(checkSchema.parse(valid).comment).toBe('The sign has faded');
	});

	it('refuses a condition outside the list, with a message for the field', () => {
		const result = checkSchema.safeParse({ ...valid, condition: 'broken' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].path).toEqual(['condition']);
		expect(result.error?.issues[0].message).not.toBe('');
	});

	it('refuses an asset id that is not a positive whole number', () => {
		for (const assetId of [0, -3, 1.5]) {
			expect(checkSchema.safeParse({ ...valid, assetId }).success).toBe(false);
		}
	});

	it('refuses coordinates off the globe and a pending photo id that is not a uuid', () => {
		expect(checkSchema.safeParse({ ...valid, lat: 91 }).success).toBe(false);
		expect(checkSchema.safeParse({ ...valid, lon: -181 }).success).toBe(false);
		expect(checkSchema.safeParse({ ...valid, photoId: '../etc/passwd' }).success).toBe(false);
	});

	it('leaves the place empty when none was given', () => {
		expect(checkSchema.parse({ ...valid, lat: null, lon: null })).toMatchObject({
			lat: null,
			lon: null
		});
	});
});

describe('the asset list address', () => {
	it('reads a position, a search and a page', () => {
		expect(
			assetListQuerySchema.parse({ lon: '140.12', lat: '35.6', q: ' 小学校 ', page: '3' })
		).toEqual({ lon: 140.12, lat: 35.6, q: '小学校', page: 3 });
	});

	it('drops what it cannot read instead of failing', () => {
		expect(
			assetListQuerySchema.parse({ lon: 'east', lat: '95', page: '0', q: 'x'.repeat(101) })
		).toEqual({ lon: undefined, lat: undefined, q: undefined, page: undefined });
	});
});
