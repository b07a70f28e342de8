// The two formats of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/): XML, which
// the specification requires, and JSON. Every answer is built once as plain data in the JSON
// shape and turned into XML by naming the elements of each list the way the specification's
// examples do (<services><service>…, <service_requests><request>…).
import { XMLBuilder } from 'fast-xml-parser';

export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** The element of each item of a list, by the list's element name. */
const ITEM_NAMES: Record<string, string> = {
	services: 'service',
	service_requests: 'request',
	errors: 'error',
	attributes: 'attribute',
	values: 'value',
	endpoints: 'endpoint',
	formats: 'format'
};

/**
 * Characters XML 1.0 cannot carry at all, even escaped (https://www.w3.org/TR/xml/#charsets):
 * a description typed with a stray control character must not make the whole answer unreadable.
 */
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- these characters are exactly what is matched
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const builder = new XMLBuilder({
	format: true,
	indentBy: '    ',
	suppressEmptyNode: false,
	ignoreAttributes: false
});

export function isFormat(value: string): value is Format {
	return (FORMATS as readonly string[]).includes(value);
}

export const CONTENT_TYPES: Record<Format, string> = {
	xml: 'text/xml; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/** The XML tree fast-xml-parser builds from: lists wrapped in their item element. */
function toXml(name: string, value: Value): unknown {
	if (value === null) return '';
	if (typeof value === 'boolean' || typeof value === 'number') return String(value);
	if (typeof value === 'string') return value.replace(NOT_XML, '');
	if (Array.isArray(value)) {
		const item = ITEM_NAMES[name];
		if (!item) throw new Error(`No XML item element for the list ${name}`);
		return value.length === 0 ? '' : { [item]: value.map((v) => toXml(item, v)) };
	}
	return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toXml(key, v)]));
}

/**
 * The body of an answer: `root` names the XML document element (`services`, `service_requests`,
 * `service_definition`, `discovery`, `errors`); JSON has no root, the value is the document.
 */
export function serialize(format: Format, root: string, value: Value): string {
	if (format === 'json') return JSON.stringify(value);
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
		[root]: toXml(root, value)
	}) as string;
}

/** Japan keeps one offset all year (no daylight saving), so +09:00 is always right. */
const JST_MS = 9 * 60 * 60 * 1000;

/** A W3C datetime (https://www.w3.org/TR/NOTE-datetime) in Japan time: 2026-12-04T09:30:00+09:00. */
export function w3cDatetime(date: Date): string {
	return `${new Date(date.getTime() + JST_MS).toISOString().slice(0, 19)}+09:00`;
}
