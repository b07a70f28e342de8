/**
 * Calls `show` once `element` comes within a screen's reach of the viewport, so that a map
 * further down a page costs nothing (no MapLibre download, no WebGL) until the person scrolls
 * to it. Without IntersectionObserver it calls `show` at once. Returns a function that stops
 * watching.
 */
export function whenVisible(element: Element | undefined, show: () => void): () => void {
	if (!element || typeof IntersectionObserver === 'undefined') {
		show();
		return () => {};
	}
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			show();
		},
		{ rootMargin: '200px' }
	);
	observer.observe(element);
	return () => observer.disconnect();
}
