import { asUser, type Actor } from './db';

export interface Category {
	code: string;
	group: 'road' | 'park' | 'streetlight' | 'rubbish' | 'other';
	nameJa: string;
	nameEn: string;
	helpJa: string;
	helpEn: string;
}

/** The city's problem categories, by group then code. */
export async function listCategories(actor: Actor | null): Promise<Category[]> {
	return asUser(
		actor,
		(tx) => tx<Category[]>`
		select code, group_code as "group", name_ja as "nameJa", name_en as "nameEn",
			help_ja as "helpJa", help_en as "helpEn"
		from public.categories order by group_code, code`
	);
}
