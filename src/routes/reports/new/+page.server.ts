import { redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import {
	REPORT_ADDRESS_MAX_LENGTH,
	REPORT_DESCRIPTION_MAX_LENGTH,
	REPORT_PHOTO_MAX,
	reportSchema,
	type ReportForm
} from '$lib/schemas/report';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import { listCategories } from '$lib/server/categories';
import type { Actor } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { PHOTO_MAX_MEGABYTES, keepPhoto, photoMessage, readBody } from '$lib/server/photo-field';
import * as photos from '$lib/server/photos';
import { cityOutline, filedWithKey, outsideMessage } from '$lib/server/report-form';
import * as reports from '$lib/server/reports';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(reportSchema);
type Form = SuperValidated<ReportForm>;
type Point = { lon: number; lat: number };

// Six decimals are about 10 cm: more digits would only be noise in the typed fields.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

const isStaff = (actor: Actor) => actor.roles.includes('staff');

/** A fresh form; the idempotency key is made here so that it exists without JavaScript too. */
function emptyForm(category = ''): Promise<Form> {
	return superValidate({ category, idempotencyKey: crypto.randomUUID() }, schema, {
		errors: false
	});
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals) ?? signInFirst(url);
	const categories = await listCategories(actor);
	// Report-drive pages link here with `?category=CODE`: an unknown code is simply not chosen.
	const asked = url.searchParams.get('category') ?? '';
	const category = categories.some((c) => c.code === asked) ? asked : '';
	const ja = getLocale() === 'ja';

	return {
		form: await emptyForm(category),
		// "Other" closes its group, after the kinds it is the rest of.
		categories: [...categories].sort(otherLast).map((c) => ({
			code: c.code,
			group: c.group,
			name: ja ? c.nameJa : c.nameEn,
			help: ja ? c.helpJa : c.helpEn
		})),
		wards: (await areas.listWards(actor)).map((w) => ({
			code: w.code,
			name: ja ? w.nameJa : w.nameEn
		})),
		city: await cityOutline(),
		staff: isStaff(actor),
		limits: {
			photos: REPORT_PHOTO_MAX,
			photoMegabytes: PHOTO_MAX_MEGABYTES,
			descriptionLength: REPORT_DESCRIPTION_MAX_LENGTH,
			addressLength: REPORT_ADDRESS_MAX_LENGTH
		}
	};
};

export const actions: Actions = {
	submit: async ({ locals, request, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		const body = await readBody(request);
		if (!body) {
			return setError(await emptyForm(), 'photos._errors', photoMessage('too_large_bytes'), {
				status: 413
			});
		}
		const form = await superValidate(body, schema);
		const confirmed = form.data.confirm;
		form.data.confirm = false;
		if (!isStaff(actor)) {
			form.data.channel = 'app';
		}

		// The photos first, even when another field is wrong, so they are never asked for twice.
		await keepPhotos(actor, form);
		if (!form.valid) return fail(400, { form });

		const earlier = await filedWithKey(actor, form.data.idempotencyKey);
		if (earlier !== null) redirect(303, createdHref(earlier));

		const place = await locate(actor, form);
		if ('refusal' in place) return place.refusal;

		if (place.point && !confirmed) {
			const near = await reports.nearby(
				actor,
				form.data.category,
				place.point.lon,
				place.point.lat
			);
			if (near.length > 0) return { form, nearby: near.map(nearbyItem) };
		}

		let made: { number: number };
		try {
			made = await reports.create(actor, {
				categoryCode: form.data.category,
				lon: place.point?.lon ?? null,
				lat: place.point?.lat ?? null,
				wardCode: place.point ? null : form.data.ward,
				address: form.data.address,
				description: form.data.description,
				photoIds: form.data.photoIds,
				channel: form.data.channel,
				caller:
					form.data.channel === 'app'
						? undefined
						: {
								name: form.data.callerName,
								phone: form.data.callerPhone,
								email: form.data.callerEmail
							},
				idempotencyKey: form.data.idempotencyKey
			});
		} catch (cause) {
			return refusal(cause, form, url);
		}
		redirect(303, createdHref(made.number));
	},

	meToo: async ({ locals, request, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		const body = await readBody(request);
		const number = Number(body?.get('reportNumber'));
		const report = Number.isSafeInteger(number) ? await reports.read(actor, number) : null;
		if (!report) return fail(404, { meTooError: m.report_form_error_report_missing() });
		try {
			await reports.meToo(actor, report.id);
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			// Their own report: they already follow it, so its page is where they want to be.
			if (cause.code === 'own_report') redirect(303, localizeHref(`/reports/${number}`));
			if (cause.code === 'sign_in_required') signInFirst(url);
			const text =
				cause.code === 'report_not_open'
					? m.report_form_error_report_not_open()
					: m.report_form_error_report_missing();
			return fail(409, { meTooError: text });
		}
		redirect(303, localizeHref(`/reports/${number}`));
	}
};

function otherLast(a: { code: string }, b: { code: string }): number {
	return Number(a.code === 'other') - Number(b.code === 'other');
}

function createdHref(number: number): string {
	return localizeHref(`/reports/${number}?created=1`);
}

function nearbyItem(report: reports.NearbyReport) {
	return {
		number: report.number,
		description: report.description,
		photoId: report.photoId,
		meTooCount: report.meTooCount,
		distanceM: Math.round(report.distanceM)
	};
}

/**
 * Keeps the files sent now as pending photos after those kept from earlier attempts (less the
 * ones the person removed), at most three. A refused file gets its sentence on the field.
 */
async function keepPhotos(actor: Actor, form: Form): Promise<void> {
	const files = form.data.photos.filter((file) => file.size > 0);
	form.data.photos = [];
	const removed = new Set(form.data.removePhotoIds);
	form.data.removePhotoIds = [];
	const ids = [...new Set(form.data.photoIds)].filter((id) => !removed.has(id));

	const refused: string[] = [];
	for (const file of files) {
		if (ids.length >= REPORT_PHOTO_MAX) {
			refused.push(m.report_form_error_too_many_photos({ max: REPORT_PHOTO_MAX }));
			break;
		}
		const kept = await keepPhoto(actor, file);
		if (kept && 'id' in kept) ids.push(kept.id);
		if (kept && 'error' in kept) refused.push(kept.error);
	}
	form.data.photoIds = ids;
	if (refused.length > 0) {
		form.errors.photos = { _errors: [...new Set(refused)] };
		form.valid = false;
	}
}

// A refusal is what the action returns: a failure, or the form with the suggested place.
type Place = { point: Point | null } | { refusal: object };

/**
 * The place of the report: the point (typed, from the map or the phone) unless a ward is chosen
 * that it is not in — then the person changed the ward last, and the ward with the address is
 * used. With neither, the first photo's EXIF position is offered, never used silently.
 */
async function locate(actor: Actor, form: Form): Promise<Place> {
	const { lat, lon, ward, address } = form.data;
	if ((lat === null) !== (lon === null)) {
		return { refusal: refuseLocation(form, m.report_form_error_location_partial()) };
	}
	let point = lat !== null && lon !== null ? { lon, lat } : null;
	if (point && ward && (await areas.wardAt(point.lon, point.lat))?.code !== ward) {
		form.data.lat = null;
		form.data.lon = null;
		point = null;
	}

	if (point) {
		const owner = await reports.placeOwner(point.lon, point.lat);
		if (!owner.insideCity) return { refusal: refuseLocation(form, outsideMessage(owner)) };
		return { point };
	}
	if (ward) {
		if (!address) {
			return { refusal: setError(form, 'address', m.report_form_error_address_required()) };
		}
		return { point: null };
	}

	const gps = await photoPosition(actor, form);
	if (!gps) return { refusal: refuseLocation(form, m.report_form_error_location_required()) };
	form.data.lat = round(gps.lat);
	form.data.lon = round(gps.lon);
	const owner = await reports.placeOwner(gps.lon, gps.lat);
	if (!owner.insideCity) {
		const text = m.report_form_photo_position_used({ outside: outsideMessage(owner) });
		return { refusal: refuseLocation(form, text) };
	}
	return { refusal: message(form, m.report_form_location_suggested()) };
}

/** The EXIF position of the first pending photo that has one. */
async function photoPosition(actor: Actor, form: Form): Promise<Point | null> {
	for (const id of form.data.photoIds) {
		const photo = await photos.readPending(actor, id);
		if (photo?.gps) return photo.gps;
	}
	return null;
}

/** A place that cannot be used: the message goes beside the location fields. */
function refuseLocation(form: Form, text: string) {
	form.errors.lat = [text];
	form.errors.lon = [text];
	if (form.data.ward) form.errors.ward = [text];
	form.valid = false;
	return fail(400, { form });
}

/** What a refusal from the database means for the person, beside the field it concerns. */
async function refusal(cause: unknown, form: Form, url: URL) {
	if (!(cause instanceof DomainError)) throw cause;

	switch (cause.code) {
		case 'outside_city': {
			const { lon, lat } = form.data;
			const owner = lon !== null && lat !== null ? await reports.placeOwner(lon, lat) : null;
			return refuseLocation(form, outsideMessage(owner));
		}
		case 'location_required':
			return refuseLocation(form, m.report_form_error_location_required());
		case 'unknown_category':
			return setError(form, 'category', m.report_form_error_unknown_category());
		case 'description_required':
			return setError(form, 'description', m.report_form_error_description_required());
		case 'too_many_photos':
			return setError(
				form,
				'photos._errors',
				m.report_form_error_too_many_photos({ max: REPORT_PHOTO_MAX })
			);
		case 'photo_missing':
			// A pending photo expired (after a day): the person is asked for the photos again.
			form.data.photoIds = [];
			return setError(form, 'photos._errors', m.photo_error_missing());
		case 'channel_not_allowed':
			return setError(form, 'channel', m.report_form_error_channel());
		case 'sign_in_required':
			return signInFirst(url);
		default:
			throw cause;
	}
}
