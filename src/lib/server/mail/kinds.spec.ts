import { beforeAll, describe, expect, it } from 'vitest';
import * as campaigns from '../campaigns';
import { asSystem, type Actor } from '../db';
import { moderate, submit } from '../entries';
import * as fixes from '../fixes';
import * as notifications from '../notifications';
import * as reports from '../reports';
import {
	CHUO,
	createOpenCampaign,
	createPerson,
	ensurePlaces,
	pendingPhoto,
	useTestDatabase
} from '../testing';
import { notifyExpiringClaims } from './sender';

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	organiser = await createPerson(['organiser', 'staff']);
});

async function send(campaignId: string, author: Actor): Promise<string> {
	const { id } = await submit(author, {
		campaignId,
		photoId: await pendingPhoto(author),
		...CHUO,
		comment: '',
		idempotencyKey: null
	});
	return id;
}

async function ofKind(person: Actor, kind: string) {
	return (await notifications.list(person, 1, 100)).items.filter((n) => n.kind === kind);
}

async function mailKinds(person: Actor): Promise<string[]> {
	const rows = await asSystem(
		'spec-mail-kinds',
		(tx) => tx<{ kind: string }[]>`
		select kind from public.mail_outbox where user_id = ${person.id} order by id`
	);
	return rows.map((row) => row.kind);
}

describe('notifications of each kind, each mailed', () => {
	it('tells entrants their entry was approved, or not and why', async () => {
		const campaign = await createOpenCampaign(organiser, { moderation: 'moderated' });
		const entrant = await createPerson();
		const first = await send(campaign, entrant);
		const second = await send(campaign, entrant);

		await moderate(organiser, first, 'approved');
		await moderate(organiser, second, 'rejected', 'ピントが合っていません');

		const found = await ofKind(entrant, 'entry_moderated');
		expect(found.map((n) => [n.status, n.note, n.campaignId])).toEqual([
			['rejected', 'ピントが合っていません', campaign],
			['approved', '', campaign]
		]);
		expect(found[0].title).toMatch(/^Spec campaign/);
		expect(await mailKinds(entrant)).toEqual(
			expect.arrayContaining(['entry_moderated', 'entry_moderated', 'badge_earned'])
		);
	});

	it('tells people of a badge they earned, with its name in both languages', async () => {
		const reporter = await createPerson();
		await reports.create(reporter, {
			categoryCode: 'road-damage',
			lon: CHUO.lon + Math.random() * 0.01,
			lat: CHUO.lat,
			wardCode: null,
			address: '',
			description: '街灯が消えています',
			photoIds: [],
			channel: 'app',
			idempotencyKey: null
		});

		const badges = await ofKind(reporter, 'badge_earned');
		expect(badges).toContainEqual(
			expect.objectContaining({ badgeNameJa: 'はじめてのレポート', badgeNameEn: 'First report' })
		);
		// One mail per badge (a report drive another spec left open may add one on a shared database).
		expect(await mailKinds(reporter)).toEqual(badges.map(() => 'badge_earned'));
	});

	it('tells participants their final rank and points when the results are frozen', async () => {
		const campaign = await createOpenCampaign(organiser);
		const winner = await createPerson();
		const runnerUp = await createPerson();
		await send(campaign, winner);
		await send(campaign, winner);
		await send(campaign, runnerUp);
		await asSystem(
			'spec-campaign-past',
			(tx) => tx`update public.campaigns
				set starts_at = now() - interval '10 days', ends_at = now() - interval '5 days',
					review_window = interval '1 day'
				where id = ${campaign}`
		);

		await campaigns.read(null, campaign);

		const [won] = await ofKind(winner, 'campaign_result');
		expect(won).toMatchObject({ campaignId: campaign, rank: 1, points: 20, ranked: 2 });
		const [second] = await ofKind(runnerUp, 'campaign_result');
		expect(second).toMatchObject({ rank: 2, points: 10, ranked: 2 });
		expect(await mailKinds(winner)).toContain('campaign_result');
	});

	it('warns a volunteer once when a claim is about to expire, and again after extending it', async () => {
		const volunteer = await createPerson();
		await fixes.becomeVolunteer(volunteer, []);
		const holder = { ...volunteer, roles: [...volunteer.roles, 'volunteer'] };
		const fix = await fixes.createFix(organiser, {
			title: '側溝の落ち葉を取る',
			whatToDo: '落ち葉を集めて袋に入れる',
			...CHUO,
			address: '',
			difficulty: 'easy',
			tools: '',
			photoId: null,
			reportId: null,
			claimHours: 72,
			points: 30
		});
		await fixes.claim(holder, fix);

		await notifyExpiringClaims();
		expect(await ofKind(holder, 'claim_expiring')).toEqual([]);

		await asSystem(
			'spec-claim-soon',
			(tx) => tx`update public.fix_claims
				set claimed_at = now() - interval '69 hours', expires_at = now() + interval '3 hours'
				where fix_id = ${fix} and state = 'active'`
		);
		await notifyExpiringClaims();
		await notifyExpiringClaims();
		const warned = await ofKind(holder, 'claim_expiring');
		expect(warned).toHaveLength(1);
		expect(warned[0]).toMatchObject({ fixId: fix, title: '側溝の落ち葉を取る' });
		expect(warned[0].expiresAt!.getTime() - Date.now()).toBeLessThan(3 * 60 * 60 * 1000);

		await fixes.extend(holder, fix);
		await notifyExpiringClaims();
		expect(await ofKind(holder, 'claim_expiring')).toHaveLength(1);
		await asSystem(
			'spec-claim-soon-again',
			(tx) => tx`update public.fix_claims set expires_at = now() + interval '1 hour'
				where fix_id = ${fix} and state = 'active'`
		);
		await notifyExpiringClaims();
		expect(await ofKind(holder, 'claim_expiring')).toHaveLength(2);
		expect(await mailKinds(holder)).toEqual(['claim_expiring', 'claim_expiring']);
	});
});
