import { z } from 'zod';
import { reportFilterSchema } from './report-map';

export const DATASETS = ['reports', 'entries', 'assets', 'wards'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const FORMATS = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** A GET form sends an empty string for a field left blank: that means no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
	.refine((text) => {
		const date = new Date(`${text}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
	}, 'a real calendar date');

/** The filters each dataset takes; every one may be left out. */
export const exportFilterSchemas = {
	reports: reportFilterSchema,
	entries: z
		.object({
			campaign: optional(z.uuid('a campaign id')),
			from: optional(day),
			to: optional(day)
		})
		.refine(({ from, to }) => !from || !to || from <= to, {
			message: 'from must not be after to',
			path: ['to']
		}),
	assets: z.object({ layer: optional(z.string().regex(/^[a-z0-9-]{1,40}$/, 'a layer code')) }),
	wards: z.object({})
} as const;

export type ExportFilters = {
	[name in DatasetName]: z.infer<(typeof exportFilterSchemas)[name]>;
};

/** `reports.csv`, `assets.geojson`: the last path segment of a download. */
export function parseFileName(file: string): { dataset: DatasetName; format: ExportFormat } | null {
	const [dataset, format, ...rest] = file.split('.');
	if (rest.length > 0) return null;
	if (!(DATASETS as readonly string[]).includes(dataset)) return null;
	if (!(FORMATS as readonly string[]).includes(format)) return null;
	return { dataset: dataset as DatasetName, format: format as ExportFormat };
}

/** `?bom=1` (or `true`): UTF-8 with a byte order mark, which spreadsheet software needs. */
export function wantsBom(params: URLSearchParams): boolean {
	return ['1', 'true', 'yes'].includes(params.get('bom') ?? '');
}
