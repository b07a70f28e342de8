import { error, redirect } from '@sveltejs/kit';
import type { Geometry } from 'geojson';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { COMMENT_MAX_LENGTH } from '$lib/schemas/entry';
import { assetListQuerySchema, checkSchema, type CheckForm } from '$lib/schemas/check';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as campaigns from '$lib/server/campaigns';
import * as checks from '$lib/server/checks';
import { DomainError } from '$lib/server/errors';
import { PHOTO_MAX_MEGABYTES, keepPhoto, photoMessage, readBody } from '$lib/server/photo-field';
import * as photos from '$lib/server/photos';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(checkSchema);
type Form = SuperValidated<CheckForm>;

const PAGE_SIZE = 20;

// Six decimals are about 10 cm: more digits would only be noise in the typed fields.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** The campaign, for a signed-in person; photo hunts and report drives have their own form. */
async function readCampaign(locals: App.Locals, url: URL, id: string) {
	const actor = actorOf(locals) ?? signInFirst(url);
	const campaign = await campaigns.read(actor, id);
	if (!campaign) error(404, m.campaign_not_found());
	if (campaign.kind !== 'asset_check') redirect(303, localizeHref(`/campaigns/${id}/enter`));
	return { actor, campaign };
}

/** `?asset=N` as an asset id, or null. */
function requestedAsset(url: URL): number | null {
	const id = Number(url.searchParams.get('asset'));
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function emptyForm(assetId: number): Promise<Form> {
	return superValidate(
		{ assetId, condition: 'working', idempotencyKey: crypto.randomUUID() },
		schema,
		{ errors: false }
	);
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { actor, campaign } = await readCampaign(locals, url, params.id);
	const summary = { id: campaign.id, title: campaign.title, radius: campaign.checkRadiusM };
	if (campaign.phase !== 'open') return { campaign: summary, open: false as const };

	const area = (await campaigns.areaGeoJson(actor, campaign.id)) as Geometry | null;
	const assetId = requestedAsset(url);
	const asset = assetId === null ? null : await checks.campaignAsset(actor, campaign.id, assetId);
	if (asset) {
		return {
			campaign: summary,
			open: true as const,
			step: 'report' as const,
			area,
			asset,
			form: await emptyForm(asset.id),
			limits: { commentLength: COMMENT_MAX_LENGTH, photoMegabytes: PHOTO_MAX_MEGABYTES }
		};
	}

	const query = assetListQuerySchema.parse(Object.fromEntries(url.searchParams));
	const near = query.lon !== undefined && query.lat !== undefined ? query : undefined;
	const page = query.page ?? 1;
	const list = await checks.campaignAssets(actor, campaign.id, {
		near: near && { lon: near.lon!, lat: near.lat! },
		search: query.q,
		page,
		pageSize: PAGE_SIZE
	});
	return {
		campaign: summary,
		open: true as const,
		step: 'choose' as const,
		area,
		unknownAsset: assetId !== null,
		query: { q: query.q ?? '', near: near ? { lon: near.lon!, lat: near.lat! } : null },
		assets: list.assets,
		total: list.total,
		page,
		pageCount: Math.max(1, Math.ceil(list.total / PAGE_SIZE))
	};
};

export const actions: Actions = {
	submit: async ({ locals, params, request, url }) => {
		const { actor, campaign } = await readCampaign(locals, url, params.id);
		const body = await readBody(request);
		if (!body) return refuseBody(requestedAsset(url) ?? 1);
		const form = await superValidate(body, schema);
		if (campaign.phase !== 'open') return setError(form, '', m.check_not_open(), { status: 409 });

		// The photo first, even when another field is wrong, so it is never asked for twice.
		const kept = await keepPhoto(actor, form.data.photo);
		form.data.photo = undefined;
		if (kept && 'id' in kept) form.data.photoId = kept.id;
		if (kept && 'error' in kept) {
			form.errors.photo = [kept.error];
			form.valid = false;
		}
		if (!form.valid) return fail(400, { form });

		const photo = form.data.photoId ? await photos.readPending(actor, form.data.photoId) : null;
		if (form.data.photoId && !photo) return refusePhoto(form, m.photo_error_missing());
		if (!photo && form.data.condition !== 'working') {
			return refusePhoto(form, m.check_error_photo_required());
		}

		const { lat, lon } = form.data;
		if ((lat === null) !== (lon === null)) {
			return refuseLocation(form, m.entry_error_location_partial());
		}
		if (lat === null && photo?.gps) return suggest(form, photo.gps);
		if (lat === null || lon === null) {
			return refuseLocation(form, m.check_error_location_required());
		}

		let sent: { status: string };
		try {
			sent = await checks.submitCheck(actor, {
				campaignId: campaign.id,
				assetId: form.data.assetId,
				condition: form.data.condition,
				photoId: photo?.id ?? null,
				lon,
				lat,
				comment: form.data.comment,
				idempotencyKey: form.data.idempotencyKey
			});
		} catch (cause) {
			return refusal(cause, form, url);
		}

		// The campaign page thanks the person and shows the coverage their check moved.
		const outcome = sent.status === 'approved' ? '1' : 'pending';
		redirect(303, localizeHref(`/campaigns/${campaign.id}?checked=${outcome}`));
	}
};

/** Over BODY_SIZE_LIMIT the body cannot be read at all, so nothing typed can come back. */
async function refuseBody(assetId: number) {
	const form = await emptyForm(assetId);
	return setError(form, 'photo', photoMessage('too_large_bytes'), { status: 413 });
}

function refusePhoto(form: Form, text: string, status: 400 | 409 = 400) {
	form.data.photoId = '';
	return setError(form, 'photo', text, { status });
}

/** A place that cannot be used: the message goes beside the location fields. */
function refuseLocation(form: Form, text: string) {
	form.errors.lat = [text];
	form.errors.lon = [text];
	form.valid = false;
	return fail(400, { form });
}

/** The place from the photo's EXIF, offered for the person to confirm or move (never trusted). */
function suggest(form: Form, gps: { lat: number; lon: number }) {
	form.data.lat = round(gps.lat);
	form.data.lon = round(gps.lon);
	return message(form, m.check_location_suggested());
}

/** What a refusal from the database means for the person, beside the field it concerns. */
function refusal(cause: unknown, form: Form, url: URL) {
	if (!(cause instanceof DomainError)) throw cause;

	switch (cause.code) {
		case 'too_far_from_asset':
			return refuseLocation(form, m.check_error_too_far());
		case 'check_location_required':
			return refuseLocation(form, m.check_error_location_required());
		case 'check_photo_required':
			return refusePhoto(form, m.check_error_photo_required());
		case 'photo_missing':
			return refusePhoto(form, m.photo_error_missing());
		case 'duplicate_photo':
			// The same photo cannot be sent again, so the person is asked for another one.
			return refusePhoto(form, m.fairplay_duplicate_photo(), 409);
		case 'invalid_condition':
			return setError(form, 'condition', m.check_error_invalid_condition());
		case 'asset_not_in_campaign':
			return setError(form, '', m.check_error_asset_not_in_campaign());
		case 'not_an_asset_check':
			return setError(form, '', m.check_error_not_an_asset_check());
		case 'campaign_not_open':
			return setError(form, '', m.check_not_open(), { status: 409 });
		case 'too_many_entries':
			return setError(form, '', m.fairplay_too_many_entries(), { status: 429 });
		case 'sign_in_required':
			return signInFirst(url);
		default:
			throw cause;
	}
}
