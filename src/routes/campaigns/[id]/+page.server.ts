import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { messageFor } from '$lib/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as campaigns from '$lib/server/campaigns';
import * as checks from '$lib/server/checks';
import * as entries from '$lib/server/entries';
import { DomainError } from '$lib/server/errors';
import * as proposals from '$lib/server/proposals';
import * as scoring from '$lib/server/scoring';
import { teamSchema } from '$lib/schemas/scoring';
import { teamMessage } from '$lib/team-messages';
import type { Geometry } from 'geojson';
import type { Actions, PageServerLoad } from './$types';
import { likeActions } from './like-actions';

const GALLERY_PAGE_SIZE = 24;

/** `?page=N` as a number; anything unreadable is page 1, and the gallery clamps the rest. */
function requestedPage(url: URL): number {
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return Number.isSafeInteger(page) ? page : 1;
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const actor = actorOf(locals);
	const campaign = await campaigns.read(actor, params.id);
	if (!campaign) error(404, m.campaign_not_found());

	const [gallery, leaderboard, joined, mine, area, wards, proposedBy] = await Promise.all([
		entries.gallery(actor, campaign.id, requestedPage(url), GALLERY_PAGE_SIZE),
		scoring.leaderboard(actor, campaign.id, 20),
		campaigns.hasJoined(actor, campaign.id),
		actor ? entries.mine(actor, campaign.id) : [],
		campaigns.areaGeoJson(actor, campaign.id),
		areas.listWards(actor),
		proposals.forCampaign(actor, campaign.id)
	]);

	const coverage =
		campaign.kind === 'asset_check' ? await checks.coverage(actor, campaign.id) : null;
	const driveReports =
		campaign.kind === 'report_drive' ? await entries.driveReports(actor, campaign.id) : null;
	// A check that found the asset working may come without a photo: the gallery shows photos.
	gallery.entries = gallery.entries.filter((entry) => entry.photoId);
	const teams = campaign.allowTeams ? await scoring.teamBoard(actor, campaign.id) : null;
	const teamForm = await superValidate(zod4(teamSchema), { id: 'team', errors: false });

	const wardName = (ward: areas.Ward) => (getLocale() === 'ja' ? ward.nameJa : ward.nameEn);
	const me = actor?.id;
	return {
		campaign,
		proposedBy,
		wardNames: wards.filter((w) => campaign.wardCodes.includes(w.code)).map(wardName),
		allWards: wards.every((w) => campaign.wardCodes.includes(w.code)),
		area: area as Geometry | null,
		joined,
		// The entry form comes back here with ?sent=1 once the entry is in.
		sent: url.searchParams.has('sent'),
		// The check form comes back here with ?checked=1 (or =pending when moderated).
		checked: url.searchParams.get('checked'),
		coverage,
		driveReports,
		mine: mine.map(({ id, photoId, comment, status, createdAt, moderationReason }) => ({
			id,
			photoId,
			comment,
			status,
			createdAt,
			moderationReason
		})),
		gallery: {
			...gallery,
			entries: (await withAltText(gallery.entries, wardName)).map((entry) => ({
				...entry,
				isMine: mine.some((own) => own.id === entry.id)
			}))
		},
		leaderboard: {
			top: leaderboard.top.map(({ userId, ...standing }) => ({ ...standing, isMe: userId === me })),
			mine: leaderboard.mine
				? {
						rank: leaderboard.mine.rank,
						points: leaderboard.mine.points,
						nickname: leaderboard.mine.nickname,
						pointsToPass: leaderboard.mine.pointsToPass,
						hidden: leaderboard.mine.hidden
					}
				: null
		},
		teams,
		teamForm
	};
};

/**
 * A description for each photo: the participant's comment, or for a photo without one, whose
 * entry it is and in which ward it was taken, so a screen reader never hears only "image".
 */
async function withAltText(list: entries.Entry[], wardName: (ward: areas.Ward) => string) {
	return Promise.all(
		list.map(async (entry) => {
			const { id, photoId, nickname, comment, lon, lat, createdAt } = entry;
			let alt = comment.trim();
			if (!alt) {
				const ward = await areas.wardAt(lon, lat);
				alt = ward
					? m.campaign_photo_alt({ nickname, ward: wardName(ward) })
					: m.campaign_photo_alt_plain({ nickname });
			}
			const { featured, likeCount, likedByMe } = entry;
			return {
				id,
				photoId,
				nickname,
				comment,
				lon,
				lat,
				createdAt,
				alt,
				featured,
				likeCount,
				likedByMe
			};
		})
	);
}

export const actions: Actions = {
	...likeActions,
	join: async ({ params, url, locals }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const campaign = await campaigns.read(actor, params.id);
		if (!campaign) error(404, m.campaign_not_found());
		if (campaign.phase !== 'open' && campaign.phase !== 'scheduled') {
			return fail(409, { error: messageFor('campaign_not_open') });
		}

		try {
			await campaigns.join(actor, campaign.id);
		} catch (failure) {
			if (failure instanceof DomainError) return fail(400, { error: messageFor(failure.code) });
			throw failure;
		}

		return { joined: true };
	},

	joinTeam: async ({ params, url, locals, request }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const campaign = await campaigns.read(actor, params.id);
		if (!campaign) error(404, m.campaign_not_found());

		const form = await superValidate(request, zod4(teamSchema), { id: 'team' });
		if (!form.valid) return fail(400, { teamForm: form });
		try {
			await scoring.joinTeam(actor, campaign.id, form.data.name);
		} catch (failure) {
			if (failure instanceof DomainError) return setError(form, 'name', teamMessage(failure.code));
			throw failure;
		}

		return message(form, m.team_joined({ name: form.data.name }));
	}
};
