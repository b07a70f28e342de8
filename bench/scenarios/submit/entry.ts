import sharp from 'sharp';

/** How many entries are timed, and how many go first untimed to warm caches and JIT. */
export const SUBMISSIONS = 200;
export const WARMUP = 5;

/** The demo data's open photo hunt; it covers all six wards of Chiba City. */
export const OPEN_CAMPAIGN_TITLE = 'ジェフユナイテッド千葉のイエローを探せ！';

/** Chiba Station's east side, in Chuo ward: inside the campaign's area. */
export const CHIBA = { lat: 35.6074, lon: 140.1065 };

/**
 * A 1200×900 JPEG with some texture, so that it costs a realistic amount to decode and
 * re-encode, made in code so that the benchmark reads no photo of anybody.
 */
export function benchPhoto(): Promise<Buffer> {
	return sharp({
		create: {
			width: 1200,
			height: 900,
			channels: 3,
			background: '#f5d300',
			noise: { type: 'gaussian', mean: 128, sigma: 24 }
		}
	})
		.jpeg({ quality: 85 })
		.toBuffer();
}
