import { listWards } from '$lib/server/areas';

export interface WardChoice {
	code: string;
	nameJa: string;
	nameEn: string;
}

// The registration form must work on a database without boundaries too (one given by
// DATABASE_URL before an admin imports areas), so the six wards are also known here.
const CHIBA_WARDS: WardChoice[] = [
	{ code: '12101', nameJa: '中央区', nameEn: 'Chuo-ku' },
	{ code: '12102', nameJa: '花見川区', nameEn: 'Hanamigawa-ku' },
	{ code: '12103', nameJa: '稲毛区', nameEn: 'Inage-ku' },
	{ code: '12104', nameJa: '若葉区', nameEn: 'Wakaba-ku' },
	{ code: '12105', nameJa: '緑区', nameEn: 'Midori-ku' },
	{ code: '12106', nameJa: '美浜区', nameEn: 'Mihama-ku' }
];

/** The wards a person can give as their home ward, from the areas table when it has them. */
export async function homeWardChoices(): Promise<WardChoice[]> {
	const wards = await listWards(null);
	if (wards.length === 0) return CHIBA_WARDS;
	return wards.map(({ code, nameJa, nameEn }) => ({ code, nameJa, nameEn }));
}
