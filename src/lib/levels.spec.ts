import { describe, expect, it } from 'vitest';
import { levelFor, threshold } from './levels';

describe('levels', () => {
	it('starts everyone at level 1, also with negative points', () => {
		expect(levelFor(0)).toMatchObject({ level: 1, floor: 0, next: 20, toNext: 20, percent: 0 });
		expect(levelFor(-15).level).toBe(1);
	});

	it('reaches a level exactly at its threshold, not a point before', () => {
		expect(levelFor(19).level).toBe(1);
		expect(levelFor(20).level).toBe(2);
		expect(levelFor(59).level).toBe(2);
		expect(levelFor(60).level).toBe(3);
	});

	it('keeps early levels quick and later ones slower: the gaps grow', () => {
		const gaps = [1, 2, 3, 4, 5, 10].map((n) => threshold(n + 1) - threshold(n));
		expect(gaps).toEqual([20, 40, 60, 80, 100, 200]);
	});

	it('agrees with the thresholds for every score up to level 100', () => {
		for (let level = 1; level <= 100; level++) {
			expect(levelFor(threshold(level)).level).toBe(level);
			expect(levelFor(threshold(level + 1) - 1).level).toBe(level);
		}
	});

	it('reports the progress through the current level', () => {
		expect(levelFor(90)).toMatchObject({ level: 3, floor: 60, next: 120, toNext: 30, percent: 50 });
	});
});
