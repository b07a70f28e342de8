import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import type { Actor } from '$lib/server/db';

/**
 * The staff member importing. Visitors are sent to sign in first; signed-in people without the
 * role get 403. The database checks the role again (row-level security and import_reports).
 */
export function requireImporter(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);
	if (!actor.roles.includes('staff')) error(403, m.report_import_forbidden());
	return actor;
}

/** The sentence for a refusal of the import pages (`DomainError.code`), in the current language. */
const messages: Record<string, () => string> = {
	import_empty_file: m.report_import_error_file,
	import_file_too_large: m.import_error_too_large,
	import_unknown_encoding: m.import_error_encoding,
	import_unreadable_file: m.import_error_unreadable,
	import_bad_mapping: m.import_error_mapping,
	import_no_city_boundary: m.import_error_no_city,
	import_not_found: m.import_error_not_found,
	not_allowed: m.report_import_forbidden
};

export function importMessage(code: string): string {
	return (Object.hasOwn(messages, code) ? messages[code] : m.import_error_unknown)();
}
