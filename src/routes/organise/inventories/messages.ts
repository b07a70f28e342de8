import { m } from '$lib/paraglide/messages';

/** The sentence for a refusal of the inventory pages (`DomainError.code`), in the current language. */
const messages: Record<string, () => string> = {
	import_empty_file: m.import_error_file,
	import_file_too_large: m.import_error_too_large,
	import_unknown_encoding: m.import_error_encoding,
	import_unreadable_file: m.import_error_unreadable,
	import_bad_mapping: m.import_error_mapping,
	import_no_city_boundary: m.import_error_no_city,
	import_not_found: m.import_error_not_found,
	inventory_layer_not_found: m.import_error_layer,
	inventory_not_allowed: m.inventory_error_not_allowed,
	not_allowed: m.inventory_error_not_allowed
};

export function importMessage(code: string): string {
	return (Object.hasOwn(messages, code) ? messages[code] : m.import_error_unknown)();
}
