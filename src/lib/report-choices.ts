// The report statuses and list orders, without zod: pages import these for their menus, and a
// page that imported them from the schema module would send zod (about 25 KB) to the browser.

export const REPORT_STATUSES = [
	'received',
	'in_progress',
	'resolved',
	'forwarded',
	'duplicate',
	'closed'
] as const;

export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_SORTS = ['newest', 'oldest', 'me_too'] as const;
