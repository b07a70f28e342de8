import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { serialize, w3cDatetime } from './format';

describe('Open311 formats', () => {
	it('names each list item as the specification does, and writes an empty list as an empty element', () => {
		const xml = serialize('xml', 'service_definition', { service_code: 'a', attributes: [] });
		expect(xml).toBe(
			'<?xml version="1.0" encoding="utf-8"?>\n<service_definition>\n    <service_code>a</service_code>\n    <attributes></attributes>\n</service_definition>\n'
		);
		expect(serialize('xml', 'errors', [{ code: 404, description: 'x' }])).toContain(
			'<errors>\n    <error>\n        <code>404</code>'
		);
	});

	it('escapes markup and drops characters XML cannot carry, so the answer stays well-formed', () => {
		const xml = serialize('xml', 'service_requests', [
			{ description: '<b>穴</b> & "溝"\u0001\u000b end \ud800', status_notes: null }
		]);
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).toContain(
			'<description>&lt;b&gt;穴&lt;/b&gt; &amp; &quot;溝&quot; end </description>'
		);
		expect(xml).toContain('<status_notes></status_notes>');
	});

	it('writes JSON as the value itself, with nulls kept', () => {
		expect(serialize('json', 'services', [{ service_code: 'a', description: null }])).toBe(
			'[{"service_code":"a","description":null}]'
		);
	});

	it('writes W3C datetimes in Japan time with the +09:00 zone', () => {
		expect(w3cDatetime(new Date('2026-12-03T15:30:05.123Z'))).toBe('2026-12-04T00:30:05+09:00');
	});
});
