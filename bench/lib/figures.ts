/** Which database a run measured: the embedded default or a PostgreSQL server. */
export type DatabaseKind = 'pglite' | 'postgres';

/** A limit a figure must stay within; a figure past it prints as a miss. */
export interface Budget {
	/** The largest acceptable value, in the figure's unit. */
	max?: number;
	/** The smallest acceptable value, for figures where more is better (a score). */
	min?: number;
	/** The largest acceptable ratio to the baseline. */
	maxRatio?: number;
}

/** One measured number, with the baseline it is read against in the same run. */
export interface Figure {
	figure: string;
	value: number;
	unit: string;
	/** The same work done the simple way, measured in the same run and in the same unit. */
	baseline?: { figure: string; value: number };
	budget?: Budget;
	/** How it was measured, when a reader would otherwise assume something else. */
	note?: string;
}

/** One line of bench/results.json. */
export interface Result {
	figure: string;
	value: number;
	unit: string;
	baseline: { figure: string; value: number } | null;
	ratio: number | null;
	/** Null when the figure touches no database. */
	database: DatabaseKind | null;
	/** The generated data size; null when the scenario runs on the demo data or none. */
	scale: number | null;
	date: string;
	budget: Budget | null;
	withinBudget: boolean | null;
	note: string | null;
}

export function ratio(figure: Figure): number | null {
	return figure.baseline && figure.baseline.value > 0 ? figure.value / figure.baseline.value : null;
}

/** False when the figure misses its budget, null when it has none. */
export function withinBudget(figure: Figure): boolean | null {
	const { budget } = figure;
	if (!budget) return null;

	const r = ratio(figure);
	const valueFits =
		(budget.max === undefined || figure.value <= budget.max) &&
		(budget.min === undefined || figure.value >= budget.min);
	const ratioFits = budget.maxRatio === undefined || (r !== null && r <= budget.maxRatio);
	return valueFits && ratioFits;
}

/** `photo.pipeline  1046 ms  (photo.sharp 512 ms, ratio 2.04)`, plus a note and a budget miss. */
export function formatFigure(figure: Figure): string {
	const r = ratio(figure);
	const parts = [`${figure.figure}  ${formatValue(figure.value)} ${figure.unit}`];
	if (figure.baseline) {
		const base = `${figure.baseline.figure} ${formatValue(figure.baseline.value)} ${figure.unit}`;
		parts.push(`(${base}, ratio ${r === null ? 'n/a' : r.toFixed(2)})`);
	}
	if (figure.note) parts.push(`[${figure.note}]`);
	if (withinBudget(figure) === false) parts.push(`MISSES BUDGET (${formatBudget(figure.budget)})`);
	return parts.join('  ');
}

function formatBudget(budget: Budget | undefined): string {
	const limits: string[] = [];
	if (budget?.max !== undefined) limits.push(`max ${formatValue(budget.max)}`);
	if (budget?.min !== undefined) limits.push(`min ${formatValue(budget.min)}`);
	if (budget?.maxRatio !== undefined) limits.push(`ratio at most ${budget.maxRatio.toFixed(2)}`);
	return limits.join(', ');
}

/** Three significant digits are all a noisy machine can tell apart. */
function formatValue(value: number): string {
	if (Math.abs(value) >= 100) return Math.round(value).toString();
	return Number(value.toPrecision(3)).toString();
}
