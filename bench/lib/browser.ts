/**
 * What a browser adds to the site's form posts: the Origin header, without which SvelteKit
 * refuses them, and the session cookie.
 */
export class Browser {
	private cookies = new Map<string, string>();

	constructor(readonly origin: string) {}

	async page(path: string): Promise<string> {
		const response = await this.request(path, { method: 'GET' });
		if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
		return response.text();
	}

	/**
	 * Posts a form as a browser without JavaScript does and returns where the answer sends it:
	 * a form that was accepted answers 303.
	 */
	async post(path: string, form: FormData): Promise<string> {
		const response = await this.request(path, { method: 'POST', body: form });
		const body = await response.text();
		const location = response.headers.get('location');
		if (response.status !== 303 || !location) {
			throw new Error(`POST ${path} answered ${response.status}: ${visibleText(body)}`);
		}
		return location;
	}

	private async request(path: string, init: RequestInit): Promise<Response> {
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		const response = await fetch(new URL(path, this.origin), {
			...init,
			redirect: 'manual',
			// A browser's Accept: given fetch's */*, SvelteKit answers form posts with JSON.
			headers: { accept: 'text/html', origin: this.origin, ...(cookie ? { cookie } : {}) }
		});
		for (const header of response.headers.getSetCookie()) {
			const pair = header.split(';')[0];
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
		return response;
	}
}

/** The error messages of a refused form, without the markup around them. */
function visibleText(html: string): string {
	const errors = [...html.matchAll(/class="[^"]*error[^"]*"[^>]*>([^<]+)</g)].map(
		(match) => match[1]
	);
	return errors.length > 0 ? errors.join(' / ') : html.slice(0, 300);
}
