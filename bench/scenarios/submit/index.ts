import type { Scenario } from '../../lib/scenario';
import { percentile } from '../../lib/stats';
import { SUBMISSIONS } from './entry';
import { submitOverHttp } from './http';

/**
 * Entry submission latency end to end over HTTP: one citizen sends entries to the open photo
 * hunt through the site's entry form, each with a new 1200×900 photo. p50, and p95 against p50
 * to show the tail.
 */
export const submit: Scenario = {
	name: 'submit',
	summary: `entry submission latency p50/p95 over ${SUBMISSIONS} entries with photos, over HTTP`,
	databases: ['pglite', 'postgres'],
	scaled: false,

	async run(context) {
		const latencies = await submitOverHttp(context);

		const p50 = { figure: 'submit.p50', value: percentile(latencies, 50) };
		const note = `${latencies.length} entries, one at a time`;
		return [
			{ ...p50, unit: 'ms', note },
			{ figure: 'submit.p95', value: percentile(latencies, 95), unit: 'ms', baseline: p50, note }
		];
	}
};
