/** The middle value: unmoved by one run that a neighbour's job slowed down. */
export function median(values: readonly number[]): number {
	return percentile(values, 50);
}

/**
 * The nearest-rank percentile: the smallest value that at least `p` percent of the values do not
 * exceed, so every figure reported was actually observed.
 */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) throw new Error('percentile of no values');

	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}
