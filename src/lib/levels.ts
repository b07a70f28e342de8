/**
 * Levels from lifetime points. The points needed for level n grow with the square of n
 * (10·n·(n−1): 0, 20, 60, 120, 200 …), so the first levels come after a few entries and later
 * ones take a season.
 */
const STEP = 10;

export interface Level {
	level: number;
	points: number;
	/** Lifetime points at which this level began. */
	floor: number;
	/** Lifetime points at which the next level begins. */
	next: number;
	/** Points still needed for the next level. */
	toNext: number;
	/** How far through this level, 0–100. */
	percent: number;
}

/** The lifetime points at which level n begins (level 1 at 0). */
export function threshold(level: number): number {
	return STEP * level * (level - 1);
}

/** The level of a lifetime score, and the progress towards the next one. */
export function levelFor(points: number): Level {
	const score = Math.max(0, Math.floor(points));
	// The inverse of the threshold, then corrected for floating-point rounding at the edges.
	let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + (4 * score) / STEP)) / 2));
	while (threshold(level + 1) <= score) level += 1;
	while (level > 1 && threshold(level) > score) level -= 1;

	const floor = threshold(level);
	const next = threshold(level + 1);
	return {
		level,
		points: score,
		floor,
		next,
		toNext: next - score,
		percent: Math.floor(((score - floor) / (next - floor)) * 100)
	};
}
