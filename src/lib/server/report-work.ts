// What staff do with a report. Every call goes through a SQL function that checks the staff
// role again and writes the timeline, so a page cannot change a report without a trace.
import { asUser, type Actor } from './db';
import { asDomainError } from './errors';
import type { ReportStatus } from './reports';

export interface StatusChange {
	status: Exclude<ReportStatus, 'received'>;
	publicNote: string;
	/** For "duplicate": the report kept. */
	originalId?: string | null;
	/** For "forwarded": who owns the problem. */
	owner?: string | null;
}

export interface Material {
	item: string;
	quantity: number;
	unit: string;
}

export interface RepairRecord {
	completedOn: string;
	/** Yen. */
	cost: number | null;
	crewHours: number | null;
	materials: Material[];
	beforePhotoIds: string[];
	afterPhotoIds: string[];
}

export async function changeStatus(
	actor: Actor,
	reportId: string,
	change: StatusChange
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select public.change_report_status(${reportId}, ${change.status},
			${change.publicNote}, ${change.originalId ?? null}, ${change.owner ?? null})`
	).catch(asDomainError);
}

/** A note on the timeline: public, or internal (staff only). */
export async function addNote(
	actor: Actor,
	reportId: string,
	note: string,
	internal: boolean
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select public.add_report_note(${reportId}, ${note}, ${internal})`
	).catch(asDomainError);
}

/** Moves reports to an office; returns how many changed office. */
export async function assign(actor: Actor, reportIds: string[], officeId: number): Promise<number> {
	const [{ moved }] = await asUser(
		actor,
		(tx) => tx<{ moved: number }[]>`
		select public.assign_reports(${reportIds}::uuid[], ${officeId}) as moved`
	).catch(asDomainError);
	return moved;
}

/** Marks `duplicateId` a duplicate of `keptId`; followers and "me too" move to the kept one. */
export async function merge(
	actor: Actor,
	duplicateId: string,
	keptId: string,
	publicNote: string
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select public.merge_reports(${duplicateId}, ${keptId}, ${publicNote})`
	).catch(asDomainError);
}

export async function setFitForVolunteers(
	actor: Actor,
	reportId: string,
	fit: boolean
): Promise<void> {
	await asUser(actor, (tx) => tx`select public.set_fit_for_volunteers(${reportId}, ${fit})`).catch(
		asDomainError
	);
}

/** Records (or corrects) how a report was repaired. */
export async function recordRepair(
	actor: Actor,
	reportId: string,
	repair: RepairRecord
): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`select public.record_repair(${reportId}, ${repair.completedOn}::date,
			${repair.cost}, ${repair.crewHours}, ${JSON.stringify(repair.materials)}::text::jsonb,
			${repair.beforePhotoIds}::uuid[], ${repair.afterPhotoIds}::uuid[])`
	).catch(asDomainError);
}
