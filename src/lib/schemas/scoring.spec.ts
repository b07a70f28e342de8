import { describe, expect, it } from 'vitest';
import { boardQuerySchema, leaderboardPrivacySchema, teamSchema } from './scoring';

describe('leaderboard query', () => {
	it('shows this month of the whole city when nothing is chosen', () => {
		expect(boardQuerySchema.parse({})).toEqual({ period: 'month', ward: '' });
	});

	it('falls back to the month for an unknown period', () => {
		expect(boardQuerySchema.parse({ period: 'decade', ward: '12103' })).toEqual({
			period: 'month',
			ward: '12103'
		});
	});

	it('refuses a ward outside Chiba City with a sentence, not a code', () => {
		const result = boardQuerySchema.safeParse({ period: 'all', ward: '13101' });

		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe(
			'その区は選べません。千葉市全体のランキングを表示しています。'
		);
	});
});

describe('team name', () => {
	it('trims the name and asks for 2 to 40 characters', () => {
		expect(teamSchema.parse({ name: '  稲毛の星  ' })).toEqual({ name: '稲毛の星' });
		expect(teamSchema.safeParse({ name: ' 星 ' }).error?.issues[0].message).toBe(
			'チーム名は2〜40文字にしてください。'
		);
		expect(teamSchema.safeParse({ name: 'あ'.repeat(41) }).success).toBe(false);
	});
});

describe('leaderboard setting', () => {
	it('reads an unticked box as shown', () => {
		expect(leaderboardPrivacySchema.parse({})).toEqual({ hide: false });
	});
});
