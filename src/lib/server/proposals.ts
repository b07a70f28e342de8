import { asUser, type Actor, type Tx } from './db';
import { asDomainError, DomainError } from './errors';
import { isUuid } from './ids';

export type ProposalKind = 'photo_hunt' | 'asset_check' | 'report_drive';
export type ProposalStatus = 'open' | 'accepted' | 'declined';
export type ProposalSort = 'votes' | 'newest';

export interface Proposal {
	id: string;
	authorId: string;
	authorNickname: string;
	title: string;
	description: string;
	kind: ProposalKind;
	wardCodes: string[];
	/** The suggested period as calendar days in Chiba (`2027-05-01`), or null when none. */
	startsOn: string | null;
	endsOn: string | null;
	status: ProposalStatus;
	declineReason: string | null;
	/** The draft campaign made from it; null unless accepted (or if that campaign was deleted). */
	campaignId: string | null;
	voteCount: number;
	/** Whether the person asking has voted for it; false for visitors. */
	voted: boolean;
	createdAt: Date;
}

export interface NewProposal {
	title: string;
	description: string;
	kind: ProposalKind;
	wardCodes: string[];
	startsOn: string | null;
	endsOn: string | null;
}

export interface ProposalPage {
	proposals: Proposal[];
	page: number;
	pageCount: number;
	total: number;
}

const columns = (tx: Tx) => tx`
	p.id, p.author_id as "authorId", pr.nickname as "authorNickname", p.title, p.description,
	p.kind, p.ward_codes as "wardCodes", p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
	p.status, p.decline_reason as "declineReason", p.campaign_id as "campaignId",
	p.vote_count as "voteCount",
	exists (select 1 from public.proposal_votes v
		where v.proposal_id = p.id and v.user_id = (select auth.uid())) as voted,
	p.created_at as "createdAt"`;

/**
 * One page of proposals in a status, by votes (ties: newest first) or newest first. A page past
 * the end gives the last page.
 */
export async function list(
	actor: Actor | null,
	options: { status: ProposalStatus; sort: ProposalSort; page: number; pageSize: number }
): Promise<ProposalPage> {
	const { status, sort, pageSize } = options;

	return asUser(actor, async (tx) => {
		const [{ total }] = await tx<{ total: number }[]>`
			select count(*)::int as total from public.proposals where status = ${status}`;
		const pageCount = Math.max(1, Math.ceil(total / pageSize));
		const page = Math.min(Math.max(1, options.page), pageCount);
		const order =
			sort === 'votes'
				? tx`p.vote_count desc, p.created_at desc, p.id`
				: tx`p.created_at desc, p.id`;
		const proposals = await tx<Proposal[]>`
			select ${columns(tx)}
			from public.proposals p join public.profiles pr on pr.id = p.author_id
			where p.status = ${status}
			order by ${order}
			limit ${pageSize} offset ${(page - 1) * pageSize}`;
		return { proposals, page, pageCount, total };
	});
}

/** One proposal, or null when the id is not one. */
export async function read(actor: Actor | null, id: string): Promise<Proposal | null> {
	if (!isUuid(id)) return null;

	const [proposal] = await asUser(
		actor,
		(tx) => tx<Proposal[]>`
		select ${columns(tx)}
		from public.proposals p join public.profiles pr on pr.id = p.author_id
		where p.id = ${id}`
	);
	return proposal ?? null;
}

/** Proposes a theme as the person; refused past five a day (`proposal_rate_limited`). */
export async function create(actor: Actor, input: NewProposal): Promise<string> {
	const [{ id }] = await asUser(
		actor,
		(tx) => tx<{ id: string }[]>`
		insert into public.proposals (title, description, kind, ward_codes, starts_on, ends_on)
		values (${input.title}, ${input.description}, ${input.kind}, ${input.wardCodes}::text[],
			${input.startsOn}::date, ${input.endsOn}::date)
		returning id`
	).catch(asDomainError);
	return id;
}

/** Votes for an open proposal of someone else; voting twice is one vote. Returns the count. */
export async function vote(actor: Actor, id: string): Promise<number> {
	return call(actor, id, 'vote');
}

/** Withdraws the person's vote, if any. Returns the count. */
export async function unvote(actor: Actor, id: string): Promise<number> {
	return call(actor, id, 'unvote');
}

async function call(actor: Actor, id: string, verb: 'vote' | 'unvote'): Promise<number> {
	if (!isUuid(id)) throw new DomainError('proposal_not_found');

	const [{ count }] = await asUser(actor, (tx) =>
		verb === 'vote'
			? tx<{ count: number }[]>`select public.vote_proposal(${id}) as count`
			: tx<{ count: number }[]>`select public.unvote_proposal(${id}) as count`
	).catch(asDomainError);
	return count;
}

/**
 * Accepts an open proposal (organisers only): a draft campaign prefilled from it, the proposer
 * credited in the ledger. An asset-check proposal needs the inventory layer to check
 * (`proposal_layer_required` without one). Returns the new campaign's id.
 */
export async function accept(
	actor: Actor,
	id: string,
	layerId: number | null = null
): Promise<string> {
	if (!isUuid(id)) throw new DomainError('proposal_not_found');

	const [{ campaignId }] = await asUser(
		actor,
		(tx) => tx<{ campaignId: string }[]>`
		select public.accept_proposal(${id}, ${layerId}::bigint) as "campaignId"`
	).catch(asDomainError);
	return campaignId;
}

/** The inventory layers an asset-check proposal can be accepted on, by name. */
export async function layers(
	actor: Actor | null
): Promise<{ id: number; nameJa: string; nameEn: string }[]> {
	return asUser(
		actor,
		(tx) => tx<{ id: number; nameJa: string; nameEn: string }[]>`
		select id::int, name_ja as "nameJa", name_en as "nameEn" from public.asset_layers order by name_ja`
	);
}

/** Declines an open proposal (organisers only) with a reason everyone can read. */
export async function decline(actor: Actor, id: string, reason: string): Promise<void> {
	if (!isUuid(id)) throw new DomainError('proposal_not_found');

	await asUser(actor, (tx) => tx`select public.decline_proposal(${id}, ${reason})`).catch(
		asDomainError
	);
}

/** The proposal a campaign was made from, to credit its proposer on the campaign page. */
export async function forCampaign(
	actor: Actor | null,
	campaignId: string
): Promise<{ id: string; nickname: string } | null> {
	if (!isUuid(campaignId)) return null;

	const [row] = await asUser(
		actor,
		(tx) => tx<{ id: string; nickname: string }[]>`
		select p.id, pr.nickname
		from public.campaigns c
			join public.proposals p on p.id = c.proposal_id
			join public.profiles pr on pr.id = p.author_id
		where c.id = ${campaignId}`
	);
	return row ?? null;
}
