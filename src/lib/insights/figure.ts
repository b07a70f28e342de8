// The shape every dashboard figure takes: a table that carries all of its numbers (rendered on
// the server, read by screen readers, copied into a spreadsheet) and an optional chart of the
// same numbers, drawn in the browser.
import { getLocale } from '$lib/paraglide/runtime';
import { addMonths, monthsBetween } from '$lib/schemas/insights';

export interface ChartSeries {
	key: string;
	label: string;
	values: number[];
}

export interface ChartSpec {
	kind: 'bar' | 'line';
	/** Bars of the series on top of each other rather than side by side. */
	stacked?: boolean;
	labels: string[];
	series: ChartSeries[];
}

export interface TableSpec {
	/** Column headings; the first is the heading of the row labels. */
	head: string[];
	rows: { label: string; cells: string[] }[];
}

export interface Figure {
	id: string;
	title: string;
	lead?: string;
	table: TableSpec;
	chart: ChartSpec | null;
}

/** Names of categories, wards and offices by code, in the page's language. */
export interface Names {
	category: Map<string, string>;
	ward: Map<string, string>;
	office: Map<string, string>;
}

export interface Named {
	code: string;
	nameJa: string;
	nameEn: string;
}

export function namesOf(list: Named[]): Map<string, string> {
	const ja = getLocale() === 'ja';
	return new Map(list.map((item) => [item.code, ja ? item.nameJa : item.nameEn]));
}

function localeTag(): string {
	return getLocale() === 'ja' ? 'ja-JP' : 'en-GB';
}

export function formatNumber(value: number, digits = 0): string {
	return new Intl.NumberFormat(localeTag(), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

export function formatYen(value: number): string {
	return new Intl.NumberFormat(localeTag(), {
		style: 'currency',
		currency: 'JPY',
		currencyDisplay: 'narrowSymbol',
		maximumFractionDigits: 0
	}).format(value);
}

/** `2026-04` as 「2026年4月」 or "Apr 2026". */
export function formatMonth(month: string): string {
	const [year, number] = month.split('-').map(Number);
	return new Intl.DateTimeFormat(localeTag(), {
		year: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** Every month of a period, first to last. */
export function monthsOf(from: string, to: string): string[] {
	return Array.from({ length: monthsBetween(from, to) }, (_, index) => addMonths(from, index));
}

/** One table cell per number, and the row's total at the end. */
export function withTotal(values: number[]): string[] {
	const total = values.reduce((sum, value) => sum + value, 0);
	return [...values, total].map((value) => formatNumber(value));
}
