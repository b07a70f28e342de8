import bcrypt from 'bcryptjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Sql, TransactionSql } from 'postgres';
import sharp from 'sharp';
import { getPhotoStore, newPhotoKey } from '../storage';
import { NEIGHBOUR_NAMES_EN } from './neighbour-names';
import { seedShelterCheck } from './seed-checks';
import { seedReports } from './seed-reports';

/** Demo accounts; the README gives these credentials. */
export const DEMO_PASSWORD = 'machi-quest-demo';
const ORGANISER = { email: 'organiser@example.jp', nickname: '千葉市まちづくり係' };
const CITIZENS = ['いなげの海風', 'みはまランナー', 'はなみがわ散歩', 'わかばの森', 'みどり坂'];

const OFFICES = [
	{
		code: 'civil-chuo-mihama',
		ja: '中央・美浜土木事務所',
		en: 'Chuo/Mihama Civil Works Office',
		wards: ['12101', '12106']
	},
	{
		code: 'civil-hanamigawa-inage',
		ja: '花見川・稲毛土木事務所',
		en: 'Hanamigawa/Inage Civil Works Office',
		wards: ['12102', '12103']
	},
	{
		code: 'civil-wakaba-midori',
		ja: '若葉・緑土木事務所',
		en: 'Wakaba/Midori Civil Works Office',
		wards: ['12104', '12105']
	},
	{ code: 'parks', ja: '公園管理課', en: 'Parks Management Division', wards: [] },
	{ code: 'waste', ja: '収集業務課', en: 'Waste Collection Division', wards: [] }
];

const CATEGORIES = [
	{
		code: 'road-damage',
		group: 'road',
		office: null,
		ja: '道路の損傷',
		en: 'Road damage',
		helpJa: '穴、段差、ひび割れなど',
		helpEn: 'Potholes, bumps, cracks'
	},
	{
		code: 'park-equipment',
		group: 'park',
		office: 'parks',
		ja: '公園の遊具・ベンチ',
		en: 'Park equipment and benches',
		helpJa: '壊れた遊具やベンチ',
		helpEn: 'Broken play equipment or benches'
	},
	{
		code: 'streetlight',
		group: 'streetlight',
		office: null,
		ja: '街灯の不具合',
		en: 'Streetlight fault',
		helpJa: '消えている、点滅している街灯',
		helpEn: 'Lights that are out or flickering'
	},
	{
		code: 'dumping',
		group: 'rubbish',
		office: 'waste',
		ja: 'ごみの不法投棄',
		en: 'Illegal dumping',
		helpJa: '道路や公園に捨てられたごみ',
		helpEn: 'Rubbish left on roads or in parks'
	},
	{
		code: 'sign',
		group: 'other',
		office: null,
		ja: '標識・案内板の不具合',
		en: 'Signs and notice boards',
		helpJa: '避難所の標識や案内板が壊れている、読めない、見当たらない',
		helpEn: 'Shelter signs or notice boards that are broken, unreadable or gone'
	},
	{
		code: 'other',
		group: 'other',
		office: null,
		ja: 'その他',
		en: 'Other',
		helpJa: '上記にあてはまらないもの',
		helpEn: 'Anything else'
	}
];

function root(): string {
	return resolve(process.env.MACHI_ROOT ?? process.cwd());
}

/**
 * Fills an empty embedded database with Chiba City: its six wards (MLIT N03 2022 boundaries),
 * offices, categories, demo people, reports with their timelines and repairs, volunteers with
 * fixes and activities, and two photo hunts, one open and one with final results.
 * Runs only on the embedded default or by explicit command, never on a DATABASE_URL database.
 */
export async function seedDemo(sql: Sql): Promise<boolean> {
	const [{ seeded }] = await sql`select exists (select 1 from public.areas) as seeded`;
	if (seeded) return false;

	const hash = await bcrypt.hash(DEMO_PASSWORD, Number(process.env.BCRYPT_COST ?? 10));
	await sql.begin(async (tx) => {
		await seedPlaces(tx);
		await seedAssets(tx);
		const organiser = await seedPerson(tx, ORGANISER.email, ORGANISER.nickname, '12101', hash);
		await tx`insert into public.user_roles (user_id, role)
			values (${organiser}, 'organiser'), (${organiser}, 'staff'), (${organiser}, 'admin')`;
		const citizens: string[] = [];
		for (const [i, nickname] of CITIZENS.entries()) {
			const ward = `1210${(i % 6) + 1}`;
			citizens.push(await seedPerson(tx, `citizen${i + 1}@example.jp`, nickname, ward, hash));
		}
		await seedReports(tx, organiser, citizens, (owner, colours, seed) =>
			seedPhoto(tx, owner, colours, seed)
		);
		await seedCampaigns(tx, organiser, citizens);
		await seedShelterCampaign(tx, organiser, citizens);
		await seedProposals(tx, citizens);
	});
	return true;
}

const PROPOSALS = [
	{
		author: 0,
		title: '海辺の公園のベンチを点検しよう',
		description:
			'稲毛海浜公園や幕張の浜のベンチは、潮風で傷みやすいと感じます。座れないベンチや、板が割れているベンチをみんなで点検しませんか。',
		kind: 'asset_check',
		wards: ['12106'],
		period: null,
		voters: [1, 2, 3],
		daysAgo: 6
	},
	{
		author: 2,
		title: '花見川の桜フォトハント',
		description:
			'花見川沿いの桜並木はとてもきれいです。来年の春、川沿いの桜を写真で集めて、まちの魅力を発信しましょう。',
		kind: 'photo_hunt',
		wards: ['12102'],
		period: ['2027-03-25', '2027-04-10'],
		voters: [0, 4],
		daysAgo: 3
	},
	{
		author: 4,
		title: '通学路の穴ぼこレポート週間',
		description:
			'子どもたちが歩く通学路の段差や穴を、一週間集中してレポートしませんか。若葉区と緑区の通学路から始めたいです。',
		kind: 'report_drive',
		wards: ['12104', '12105'],
		period: null,
		voters: [1],
		daysAgo: 1
	}
];

/** Open theme proposals by the demo citizens, with some votes from the others. */
async function seedProposals(tx: TransactionSql, citizens: string[]) {
	for (const p of PROPOSALS) {
		const [{ id }] = await tx`insert into public.proposals (author_id, title, description, kind,
				ward_codes, starts_on, ends_on)
			values (${citizens[p.author]}, ${p.title}, ${p.description}, ${p.kind}, ${p.wards}::text[],
				${p.period?.[0] ?? null}::date, ${p.period?.[1] ?? null}::date)
			returning id`;
		for (const voter of p.voters) {
			await tx`insert into public.proposal_votes (proposal_id, user_id)
				values (${id}, ${citizens[voter]})`;
		}
		// The insert trigger stamps the present time; the demo spreads the proposals over a week.
		await tx`update public.proposals
			set vote_count = ${p.voters.length}, created_at = now() - ${`${p.daysAgo} days`}::interval
			where id = ${id}`;
	}
}

/** The wards, the city polygon, the offices and the categories; also used by the specs. */
export async function seedPlaces(tx: TransactionSql): Promise<void> {
	const wards = JSON.parse(
		readFileSync(resolve(root(), 'static/boundaries/chiba_wards.geojson'), 'utf8')
	) as { features: { properties: Record<string, string>; geometry: unknown }[] };

	for (const { properties: p, geometry } of wards.features) {
		await tx`insert into public.areas (code, kind, name_ja, name_en, geom)
			values (${p.code}, 'ward', ${p.name_ja}, ${p.name_en},
				extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson(${JSON.stringify(geometry)}), 4326)))`;
	}
	await tx`insert into public.areas (code, kind, name_ja, name_en, geom)
		select '12100', 'city', '千葉市', 'Chiba City', extensions.st_multi(extensions.st_union(geom))
		from public.areas where kind = 'ward'`;

	const neighbours = readFileSync(
		resolve(root(), 'static/boundaries/chiba_prefecture_neighbours.geojson'),
		'utf8'
	);
	// Japanese names only in the source file; the English ones come from NEIGHBOUR_NAMES_EN
	// (a name missing there stays Japanese on English pages).
	await tx`insert into public.municipalities (code, name_ja, name_en, geom)
		select f -> 'properties' ->> 'code', f -> 'properties' ->> 'name_ja',
			coalesce(${JSON.stringify(NEIGHBOUR_NAMES_EN)}::text::jsonb ->> (f -> 'properties' ->> 'name_ja'),
				f -> 'properties' ->> 'name_ja'),
			extensions.st_multi(extensions.st_makevalid(extensions.st_setsrid(
				extensions.st_geomfromgeojson(f -> 'geometry'), 4326)))
		from jsonb_array_elements(${neighbours}::text::jsonb -> 'features') as f`;

	for (const office of OFFICES) {
		const [{ id }] = await tx`insert into public.offices (code, name_ja, name_en)
			values (${office.code}, ${office.ja}, ${office.en}) returning id`;
		for (const ward of office.wards) {
			await tx`insert into public.office_wards (office_id, area_id)
				select ${id}, id from public.areas where code = ${ward}`;
		}
	}
	for (const c of CATEGORIES) {
		await tx`insert into public.categories (code, group_code, name_ja, name_en, help_ja, help_en, office_id)
			values (${c.code}, ${c.group}, ${c.ja}, ${c.en}, ${c.helpJa}, ${c.helpEn},
				(select id from public.offices where code = ${c.office}))`;
	}
}

/**
 * The designated emergency shelters of Chiba City (指定緊急避難場所, 国土地理院) as the
 * `shelters` asset layer, from `supabase/demo/shelters.geojson`, in one set-based statement.
 */
export async function seedAssets(tx: TransactionSql): Promise<void> {
	const shelters = readFileSync(resolve(root(), 'supabase/demo/shelters.geojson'), 'utf8');
	const [layer] = await tx<{ id: string }[]>`
		insert into public.asset_layers (code, name_ja, name_en, category_code)
		values ('shelters', '指定緊急避難場所', 'Designated emergency shelters', 'sign')
		returning id`;
	await tx`insert into public.assets (layer_id, external_id, name, location, properties)
		select ${layer.id}, f -> 'properties' ->> '共通ID', f -> 'properties' ->> '施設・場所名',
			extensions.st_setsrid(extensions.st_geomfromgeojson(f -> 'geometry'), 4326),
			f -> 'properties'
		from jsonb_array_elements(${shelters}::text::jsonb -> 'features') as f`;
}

async function seedPerson(
	tx: TransactionSql,
	email: string,
	nickname: string,
	ward: string,
	hash: string
): Promise<string> {
	const [{ id }] =
		await tx`insert into auth.users (id, email, encrypted_password, email_confirmed_at)
		values (gen_random_uuid(), ${email}, ${hash}, now()) returning id`;
	await tx`insert into public.profiles (id, nickname, home_ward_code, terms_version)
		values (${id}, ${nickname}, ${ward}, '2026-12')`;
	await tx`insert into public.user_roles (user_id, role) values (${id}, 'citizen')`;
	return id;
}

const DAY = 24 * 60 * 60 * 1000;

async function seedCampaigns(tx: TransactionSql, organiser: string, citizens: string[]) {
	const now = Date.now();
	const open = await seedCampaign(tx, organiser, {
		title: 'ジェフユナイテッド千葉のイエローを探せ！',
		description:
			'まちの中にあるチームカラーの黄色と緑を写真で集めましょう。看板、花壇、自転車、なんでも構いません。1枚につき10ポイントです。',
		startsAt: new Date(now - 7 * DAY),
		endsAt: new Date(now + 21 * DAY),
		review: '3 days',
		colours: ['#f5d300', '#00843d']
	});
	const past = await seedCampaign(tx, organiser, {
		title: '桜フォトハント 2026',
		description: '市内の桜の名所を写真で紹介してください。結果は確定しています。',
		startsAt: new Date('2026-03-25T00:00:00+09:00'),
		endsAt: new Date('2026-04-15T00:00:00+09:00'),
		review: '3 days',
		colours: ['#f7c6d9', '#e58fb0']
	});

	for (const [i, citizen] of citizens.entries()) {
		await seedEntries(tx, open, citizen, (i % 3) + 1, i, ['#f5d300', '#00843d']);
		await seedEntries(tx, past, citizen, (i % 4) + 1, i + 10, ['#f7c6d9', '#e58fb0']);
	}
	await tx`select public.finalize_campaign(${past})`;
}

async function seedCampaign(
	tx: TransactionSql,
	organiser: string,
	c: {
		title: string;
		description: string;
		startsAt: Date;
		endsAt: Date;
		review: string;
		colours: string[];
	}
): Promise<string> {
	const [{ id }] = await tx`insert into public.campaigns (kind, title, description, starts_at,
			ends_at, review_window, points_per_entry, moderation, published_at, created_by)
		values ('photo_hunt', ${c.title}, ${c.description}, ${c.startsAt}, ${c.endsAt},
			${c.review}::interval, 10, 'auto', ${c.startsAt}, ${organiser})
		returning id`;
	await tx`insert into public.campaign_areas (campaign_id, area_id)
		select ${id}, id from public.areas where kind = 'ward'`;
	return id;
}

async function seedEntries(
	tx: TransactionSql,
	campaign: string,
	citizen: string,
	count: number,
	seed: number,
	colours: string[]
) {
	await tx`insert into public.campaign_participants (campaign_id, user_id) values (${campaign}, ${citizen})`;
	for (let n = 0; n < count; n++) {
		const photo = await seedPhoto(tx, citizen, colours, seed * 7 + n);
		const [entry] = await tx`insert into public.entries (campaign_id, user_id, photo_id, location,
				comment, status, created_at)
			select ${campaign}, ${citizen}, ${photo},
				(extensions.st_dump(extensions.st_generatepoints(geom, 1, ${seed * 7 + n + 1}))).geom,
				${`デモ投稿 ${n + 1}`}, 'approved',
				(select starts_at from public.campaigns where id = ${campaign}) + ${`${seed + n} hours`}::interval
			from public.areas where kind = 'city'
			returning id`;
		await tx`insert into public.point_events (user_id, campaign_id, entry_id, points, reason, created_at)
			select ${citizen}, ${campaign}, ${entry.id}, 10, 'entry_approved', created_at
			from public.entries where id = ${entry.id}`;
	}
}

/** The open shelter-sign check over the shelters layer of seedAssets, with a few checks. */
async function seedShelterCampaign(tx: TransactionSql, organiser: string, citizens: string[]) {
	const [layer] = await tx<{ id: number }[]>`
		select id::int from public.asset_layers where code = 'shelters'`;
	await seedShelterCheck(tx, layer.id, organiser, citizens, (owner, seed) =>
		seedPhoto(tx, owner, ['#2e7d32', '#f5f5f5'], seed)
	);
}

/** A simple generated picture (stripes in the campaign's colours): demo data needs no real photo. */
async function seedPhoto(tx: TransactionSql, owner: string, colours: string[], seed: number) {
	const angle = (seed * 37) % 180;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
		<rect width="800" height="600" fill="${colours[0]}"/>
		<g transform="rotate(${angle} 400 300)">
			<rect x="-400" y="250" width="1600" height="${60 + (seed % 5) * 20}" fill="${colours[1]}"/>
		</g>
		<circle cx="${150 + ((seed * 97) % 500)}" cy="${120 + ((seed * 53) % 360)}" r="70" fill="#ffffff" opacity="0.7"/>
	</svg>`;
	const display = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
	const thumb = await sharp(display).resize(400).jpeg({ quality: 80 }).toBuffer();
	const store = getPhotoStore();
	const displayKey = newPhotoKey();
	const thumbKey = newPhotoKey();
	await store.put(displayKey, display, 'image/jpeg');
	await store.put(thumbKey, thumb, 'image/jpeg');

	const [{ id }] = await tx`insert into public.photos (owner_id, state, display_key, thumb_key,
			width, height, expires_at)
		values (${owner}, 'attached', ${displayKey}, ${thumbKey}, 800, 600, null)
		returning id`;
	return id as string;
}
