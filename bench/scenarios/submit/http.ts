import { randomUUID } from 'node:crypto';
import { startApp } from '../../lib/app';
import { Browser } from '../../lib/browser';
import type { BenchContext } from '../../lib/scenario';
import { benchPhoto, CHIBA, OPEN_CAMPAIGN_TITLE, SUBMISSIONS, WARMUP } from './entry';

/** submit_entry's limit of entries per person, campaign and hour. */
const ENTRIES_PER_CITIZEN = 20;

interface Credentials {
	email: string;
	password: string;
}

/** Registers a new citizen through the site's form, in a browser of its own. */
async function registerCitizen(origin: string): Promise<Credentials> {
	const id = randomUUID().slice(0, 8);
	const credentials = { email: `bench-${id}@example.jp`, password: `bench-password-${id}` };
	const form = new FormData();
	form.set('email', credentials.email);
	form.set('password', credentials.password);
	form.set('nickname', `bench-${id}`);
	form.set('homeWardCode', '12101');
	form.set('terms', 'on');

	await new Browser(origin).post('/register', form);
	return credentials;
}

async function signIn(browser: Browser, { email, password }: Credentials): Promise<void> {
	const form = new FormData();
	form.set('email', email);
	form.set('password', password);
	const next = await browser.post('/signin', form);
	if (next.startsWith('/signin')) throw new Error('the bench citizen could not sign in');
}

/** The open photo hunt's id, from the link on its card in the campaign list. */
async function openCampaignId(browser: Browser): Promise<string> {
	const html = await browser.page('/campaigns');
	const title = html.indexOf(OPEN_CAMPAIGN_TITLE);
	const links = [...html.matchAll(/\/campaigns\/([0-9a-f-]{36})/g)];
	const card = links.filter((link) => link.index < title).at(-1);
	if (title < 0 || !card) throw new Error(`no link to ${OPEN_CAMPAIGN_TITLE} on /campaigns`);
	return card[1];
}

function entryForm(photo: Blob, n: number): FormData {
	const form = new FormData();
	form.set('photo', photo, 'bench.jpg');
	form.set('photoId', '');
	form.set('lat', String(CHIBA.lat));
	form.set('lon', String(CHIBA.lon));
	form.set('ward', '');
	form.set('comment', `bench ${n}`);
	form.set('idempotencyKey', randomUUID());
	return form;
}

/**
 * Registers citizens (a new one every 20 entries) through the site's forms, then sends entries through the
 * entry form of the built server, one after another, each post timed until its whole answer has arrived. Returns
 * the milliseconds of each timed entry.
 */
export async function submitOverHttp(context: BenchContext): Promise<number[]> {
	const server = await startApp(context);
	try {
		let browser = new Browser(server.origin);
		const campaignId = await openCampaignId(browser);

		context.log(`submit: ${WARMUP} untimed and ${SUBMISSIONS} timed entries`);
		const latencies: number[] = [];
		for (let n = 0; n < WARMUP + SUBMISSIONS; n++) {
			// Fair play: a person sends at most 20 entries an hour to a campaign, and the same photo
			// only once, so a new citizen takes over every 20 entries and every entry has its own
			// photo (noise differs per call). Both happen before the timer starts.
			if (n % ENTRIES_PER_CITIZEN === 0) {
				browser = new Browser(server.origin);
				await signIn(browser, await registerCitizen(server.origin));
			}
			const photo = new Blob([new Uint8Array(await benchPhoto())], { type: 'image/jpeg' });
			const started = performance.now();
			const next = await browser.post(
				`/campaigns/${campaignId}/enter?/submit`,
				entryForm(photo, n)
			);
			if (n >= WARMUP) latencies.push(performance.now() - started);
			// Only an entry that was kept leads back to its campaign with the thank-you notice.
			if (!next.includes('sent=1')) throw new Error(`entry ${n} was not sent: went to ${next}`);
		}
		return latencies;
	} finally {
		await server.stop();
	}
}
