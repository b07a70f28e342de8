import { m } from '$lib/paraglide/messages';
import type { CoordinateSystem, ImportStatus } from '$lib/report-import-options';

/** The words for what the import pages show, in the current language. */
export const statusLabels: Record<ImportStatus, () => string> = {
	received: m.report_import_status_received,
	in_progress: m.report_import_status_in_progress,
	resolved: m.report_import_status_resolved,
	closed: m.report_import_status_closed
};

export const systemLabels: Record<CoordinateSystem, () => string> = {
	wgs84: m.report_import_system_wgs84,
	'missouri-east-ftus': m.report_import_system_missouri_east_ftus,
	'jgd2011-ix': m.report_import_system_jgd2011_ix
};

export const skipLabels: Record<string, () => string> = {
	missing_coordinates: m.import_skip_missing_coordinates,
	invalid_coordinates: m.import_skip_invalid_coordinates,
	unreadable_date: m.report_import_skip_unreadable_date,
	closed_before_opened: m.report_import_skip_closed_before_opened,
	unknown_category: m.report_import_skip_unknown_category,
	unknown_status: m.report_import_skip_unknown_status,
	missing_id: m.report_import_skip_missing_id,
	duplicate_id: m.report_import_skip_duplicate_id,
	already_imported: m.report_import_skip_already_imported,
	outside_city: m.import_skip_outside_city
};
