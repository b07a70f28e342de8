// Services of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/#get-service-list):
// the city's report categories. Categories ask no further questions, so every service has
// `metadata` false and its definition an empty list of attributes.
import { listCategories } from '../categories';
import type { Value } from './format';

export type Locale = 'ja' | 'en';

/** The service list, in the order and with the keys of the specification's example. */
export async function list(locale: Locale): Promise<Value[]> {
	const categories = await listCategories(null);
	return categories.map((category) => ({
		service_code: category.code,
		service_name: locale === 'en' ? category.nameEn : category.nameJa,
		description: (locale === 'en' ? category.helpEn : category.helpJa) || null,
		metadata: false,
		type: 'realtime',
		keywords: '',
		group: category.group
	}));
}

/** The definition of one service, or null when there is no such category. */
export async function definition(code: string): Promise<Value | null> {
	const categories = await listCategories(null);
	if (!categories.some((category) => category.code === code)) return null;

	return { service_code: code, attributes: [] };
}
