/** Matches text that contains `message` (a page may put a sign such as ⚠ before it). */
export function containing(message: string | RegExp): RegExp {
	return typeof message === 'string'
		? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		: message;
}
