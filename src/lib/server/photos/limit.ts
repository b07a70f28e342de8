/**
 * A counting semaphore: the returned function runs at most `slots` pieces of work at once and
 * queues the rest in arrival order.
 */
export function limitConcurrency(slots: number): <T>(work: () => Promise<T>) => Promise<T> {
	let free = slots;
	const waiting: (() => void)[] = [];

	return async (work) => {
		if (free > 0) free--;
		else await new Promise<void>((resolve) => waiting.push(resolve));

		try {
			return await work();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else free++;
		}
	};
}
