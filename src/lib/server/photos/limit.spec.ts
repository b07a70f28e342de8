import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './limit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('limitConcurrency', () => {
	it('runs no more than the given number of tasks at once, all of them in the end', async () => {
		const limit = limitConcurrency(2);
		let running = 0;
		let most = 0;
		const task = async (value: number) => {
			running++;
			most = Math.max(most, running);
			await tick();
			running--;
			return value;
		};

		const results = await Promise.all([1, 2, 3, 4, 5].map((value) => limit(() => task(value))));

		expect(results).toEqual([1, 2, 3, 4, 5]);
		expect(most).toBe(2);
	});

	it('frees the slot of a task that failed', async () => {
		const limit = limitConcurrency(1);

		await expect(limit(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
		expect(await limit(() => Promise.resolve('next'))).toBe('next');
	});
});
