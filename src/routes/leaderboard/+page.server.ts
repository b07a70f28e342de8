import { getLocale } from '$lib/paraglide/runtime';
import { boardQuerySchema } from '$lib/schemas/scoring';
import { actorOf } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as scoring from '$lib/server/scoring';
import type { PageServerLoad } from './$types';

/** The Tokyo calendar month of a moment, as 「2026年12月」 or "December 2026". */
function monthName(date: Date): string {
	const locale = getLocale() === 'ja' ? 'ja-JP' : 'en-GB';
	return new Intl.DateTimeFormat(locale, {
		timeZone: 'Asia/Tokyo',
		year: 'numeric',
		month: 'long'
	}).format(date);
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = actorOf(locals);
	const parsed = boardQuerySchema.safeParse({
		period: url.searchParams.get('period') ?? undefined,
		ward: url.searchParams.get('ward') ?? undefined
	});
	const query = parsed.success ? parsed.data : { period: 'month' as const, ward: '' };
	const wardError = parsed.success ? null : (parsed.error.issues[0]?.message ?? null);

	const [board, wards] = await Promise.all([
		scoring.board(actor, { kind: query.period, ward: query.ward || null }),
		areas.listWards(actor)
	]);

	const ja = getLocale() === 'ja';
	return {
		period: query.period,
		ward: query.ward,
		wardError,
		monthName: monthName(new Date()),
		wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn })),
		top: board.top.map(({ userId, ...line }) => ({ ...line, isMe: userId === actor?.id })),
		mine: board.mine
			? {
					rank: board.mine.rank,
					points: board.mine.points,
					nickname: board.mine.nickname,
					pointsToPass: board.mine.pointsToPass,
					hidden: board.mine.hidden
				}
			: null
	};
};
