import { error, redirect } from '@sveltejs/kit';
import type { Geometry } from 'geojson';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { COMMENT_MAX_LENGTH, entrySchema, type EntryForm } from '$lib/schemas/entry';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as campaigns from '$lib/server/campaigns';
import type { Actor } from '$lib/server/db';
import * as entries from '$lib/server/entries';
import { DomainError } from '$lib/server/errors';
import * as photos from '$lib/server/photos';
import { PHOTO_MAX_PIXELS, type PhotoErrorCode } from '$lib/server/photos/process';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(entrySchema);
type Form = SuperValidated<EntryForm>;
type Point = { lon: number; lat: number };

const MAX_MEGABYTES = photos.PHOTO_MAX_BYTES / 1024 / 1024;

function photoMessage(code: PhotoErrorCode): string {
	switch (code) {
		case 'not_image':
			return m.photo_error_not_image();
		case 'damaged':
			return m.photo_error_damaged();
		case 'too_large_bytes':
			return m.photo_error_too_large_bytes({ max: MAX_MEGABYTES });
		case 'too_large_pixels':
			return m.photo_error_too_large_pixels({ max: PHOTO_MAX_PIXELS / 1_000_000 });
	}
}

// Six decimals are about 10 cm: more digits would only be noise in the typed fields.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function signedIn(locals: App.Locals, url: URL): Actor {
	return actorOf(locals) ?? signInFirst(url);
}

async function readCampaign(actor: Actor, id: string): Promise<campaigns.Campaign> {
	const campaign = await campaigns.read(actor, id);
	if (!campaign) error(404, m.campaign_not_found());
	return campaign;
}

function reportFormHref(campaign: { categoryCodes: string[] }): string {
	const category = campaign.categoryCodes[0];
	return localizeHref(category ? `/reports/new?category=${category}` : '/reports/new');
}

/** A fresh form; the idempotency key is made here so that it exists without JavaScript too. */
function emptyForm(): Promise<Form> {
	return superValidate({ idempotencyKey: crypto.randomUUID() }, schema, { errors: false });
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = signedIn(locals, url);
	const campaign = await readCampaign(actor, params.id);
	// An asset check sends the condition of one asset: it has its own form.
	if (campaign.kind === 'asset_check') {
		redirect(303, localizeHref(`/campaigns/${campaign.id}/check`));
	}
	// A report drive's entries are reports: they are filed with the report form.
	if (campaign.kind === 'report_drive') redirect(303, reportFormHref(campaign));
	const summary = { id: campaign.id, title: campaign.title };
	if (campaign.phase !== 'open') {
		return { campaign: summary, open: false as const, form: await emptyForm() };
	}

	const area = await campaigns.areaGeoJson(actor, campaign.id);
	// Each ward comes with a point inside it, so that choosing a ward can move the map's marker.
	const wards = [];
	for (const ward of await areas.listWards(actor)) {
		const point = await areas.wardPoint(ward.code);
		wards.push({
			code: ward.code,
			name: wardName(ward),
			point: point && { lon: round(point.lon), lat: round(point.lat) }
		});
	}

	return {
		campaign: summary,
		open: true as const,
		form: await emptyForm(),
		area: area as Geometry | null,
		wards,
		areaWards: await areaWardNames(actor, campaign),
		limits: { commentLength: COMMENT_MAX_LENGTH, photoMegabytes: MAX_MEGABYTES }
	};
};

export const actions: Actions = {
	submit: async ({ locals, params, request, url }) => {
		const actor = signedIn(locals, url);
		const campaign = await readCampaign(actor, params.id);
		if (campaign.kind !== 'photo_hunt') error(400, m.entry_not_a_photo_hunt());
		const body = await readBody(request);
		if (!body) return refuseBody();
		const form = await superValidate(body, schema);
		if (campaign.phase !== 'open') return refuseClosed(form);

		// The photo first, even when another field is wrong, so it is never asked for twice.
		await keepPhoto(actor, form);
		if (!form.valid) return fail(400, { form });
		const photo = form.data.photoId ? await photos.readPending(actor, form.data.photoId) : null;
		if (!photo) return refusePhoto(form, form.data.photoId ? 'missing' : 'required');

		const point = await locate(form);
		if (!point && photo.gps) return suggest(form, photo.gps);
		if (!point) return refuseLocation(form, missingLocationMessage(form.data));
		if (!(await insideArea(campaign, point))) {
			return refuseLocation(form, await outsideAreaMessage(actor, campaign));
		}

		try {
			await entries.submit(actor, {
				campaignId: campaign.id,
				photoId: photo.id,
				...point,
				comment: form.data.comment,
				idempotencyKey: form.data.idempotencyKey
			});
		} catch (cause) {
			return refusal(cause, form, actor, campaign, url);
		}

		redirect(303, localizeHref(`/campaigns/${campaign.id}?sent=1`));
	}
};

/** The request's form data, or null when it is larger than the server accepts (HTTP 413). */
async function readBody(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (cause) {
		if (statusOf(cause) === 413 || statusOf((cause as { cause?: unknown })?.cause) === 413) {
			return null;
		}
		error(400, m.entry_error_unreadable());
	}
}

function statusOf(value: unknown): number | undefined {
	return (value as { status?: number } | null)?.status;
}

/**
 * Turns a photo sent with the form into the person's pending photo and puts its id in the form.
 * The size is checked before the bytes are read; a refused photo gets its error on the field.
 */
async function keepPhoto(actor: Actor, form: Form): Promise<void> {
	const file = form.data.photo;
	form.data.photo = undefined;
	if (!file) return;

	let code: PhotoErrorCode | null = file.size > photos.PHOTO_MAX_BYTES ? 'too_large_bytes' : null;
	if (!code) {
		try {
			const pending = await photos.upload(actor, new Uint8Array(await file.arrayBuffer()));
			form.data.photoId = pending.id;
		} catch (cause) {
			if (!(cause instanceof photos.PhotoError)) throw cause;
			code = cause.code;
		}
	}
	if (code) {
		form.errors.photo = [photoMessage(code)];
		form.valid = false;
	}
}

/**
 * The place of the entry. Typed (or map) coordinates win, unless a ward is chosen that they
 * are not in: then the person changed the ward last, most likely without the map, and the
 * ward's point is used.
 */
async function locate(form: Form): Promise<Point | null> {
	const { lat, lon, ward } = form.data;
	const typed = lat !== null && lon !== null ? { lon, lat } : null;
	if (!ward) return typed;
	if (typed && (await areas.wardAt(typed.lon, typed.lat))?.code === ward) return typed;

	const point = await areas.wardPoint(ward);
	if (point) {
		form.data.lat = point.lat;
		form.data.lon = point.lon;
	}
	return point;
}

function missingLocationMessage({ lat, lon }: EntryForm): string {
	return lat === null && lon === null
		? m.entry_error_location_required()
		: m.entry_error_location_partial();
}

/** Over BODY_SIZE_LIMIT the body cannot be read at all, so nothing typed can come back. */
async function refuseBody() {
	return setError(await emptyForm(), 'photo', photoMessage('too_large_bytes'), { status: 413 });
}

function refuseClosed(form: Form) {
	return setError(form, '', m.entry_error_not_open(), { status: 409 });
}

/** No usable photo: none was ever sent, or the pending one expired (after a day). */
function refusePhoto(form: Form, reason: 'required' | 'missing') {
	form.data.photoId = '';
	const text = reason === 'required' ? m.photo_error_required() : m.photo_error_missing();
	return setError(form, 'photo', text);
}

/** A place that cannot be used: the message goes beside every location field. */
function refuseLocation(form: Form, text: string) {
	form.errors.lat = [text];
	form.errors.lon = [text];
	if (form.data.ward) form.errors.ward = [text];
	form.valid = false;
	return fail(400, { form });
}

/** The place from the photo's EXIF, offered for the person to confirm or move (never trusted). */
function suggest(form: Form, gps: Point) {
	form.data.lat = round(gps.lat);
	form.data.lon = round(gps.lon);
	return message(form, m.entry_location_suggested());
}

/**
 * Whether the point is in the campaign's area. The area is made of wards, so the ward at the
 * point answers what the database function checks again; asking first spares the person a
 * refused round trip.
 */
async function insideArea(campaign: campaigns.Campaign, point: Point): Promise<boolean> {
	// An uploaded zone does not follow ward lines: the database answers for it.
	if (campaign.hasZone) return true;
	const ward = await areas.wardAt(point.lon, point.lat);
	return ward !== null && campaign.wardCodes.includes(ward.code);
}

/** What a refusal from the database means for the person, beside the field it concerns. */
async function refusal(
	cause: unknown,
	form: Form,
	actor: Actor,
	campaign: campaigns.Campaign,
	url: URL
) {
	if (!(cause instanceof DomainError)) throw cause;

	switch (cause.code) {
		case 'outside_area':
			return refuseLocation(form, await outsideAreaMessage(actor, campaign));
		case 'photo_missing':
			return refusePhoto(form, 'missing');
		case 'campaign_not_open':
			return refuseClosed(form);
		case 'duplicate_photo':
			// The same photo cannot be sent again, so the person is asked for another one.
			form.data.photoId = '';
			return setError(form, 'photo', m.fairplay_duplicate_photo(), { status: 409 });
		case 'too_many_entries':
			return setError(form, '', m.fairplay_too_many_entries(), { status: 429 });
		case 'sign_in_required':
			return signInFirst(url);
		default:
			throw cause;
	}
}

function wardName(ward: areas.Ward): string {
	return getLocale() === 'ja' ? ward.nameJa : ward.nameEn;
}

/** The campaign's wards as one phrase in the person's language ("中央区、美浜区"). */
async function areaWardNames(actor: Actor, campaign: campaigns.Campaign): Promise<string> {
	if (campaign.hasZone) return m.entry_zone_on_map();
	const wards = await areas.listWards(actor);
	const names = wards.filter((w) => campaign.wardCodes.includes(w.code)).map(wardName);
	return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(names);
}

async function outsideAreaMessage(actor: Actor, campaign: campaigns.Campaign): Promise<string> {
	if (campaign.hasZone) return m.entry_error_outside_zone();
	return m.entry_error_outside_area({ wards: await areaWardNames(actor, campaign) });
}
