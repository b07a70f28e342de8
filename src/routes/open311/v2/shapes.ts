// For the specs only: the shape of an Open311 document (element or key names, nesting, value
// types) and the specification's own examples to compare it with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const EXAMPLES = join(process.env.REAL_DATA_DIR ?? '../shared/data', 'open311', 'spec_examples');

/** Elements that are items of a list, so that one item parses as a list too. */
const ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);

const parser = new XMLParser({
	parseTagValue: false,
	isArray: (name) => ITEMS.has(name)
});

/** An example file's body, without the "HTTP/1.1 403 Forbidden" lines some of them start with. */
export function example(file: string): string {
	const text = readFileSync(join(EXAMPLES, file), 'utf8');
	return text.startsWith('HTTP/') ? text.slice(text.indexOf('\n\n') + 2) : text;
}

/** The HTTP status an error example shows. */
export function exampleStatus(file: string): number {
	return Number(/^HTTP\/1\.1 (\d{3})/.exec(readFileSync(join(EXAMPLES, file), 'utf8'))?.[1]);
}

/**
 * The specification's JSON examples write codes as bare numbers with leading zeros
 * (`"service_code":001`), which is not JSON; they mean the strings the XML examples show.
 */
export function lenientJson(text: string): unknown {
	return JSON.parse(text.replace(/(:\s*)(0\d+)(\s*[,}\]])/g, '$1"$2"$3'));
}

export function xml(text: string): unknown {
	const valid = XMLValidator.validate(text);
	if (valid !== true) throw new Error(`Not well-formed XML: ${JSON.stringify(valid)}`);
	return parser.parse(text);
}

export type Shape = string | Shape[] | { [key: string]: Shape };

/**
 * Names and nesting, with each scalar as its JSON type. A list's shape is the union of its
 * items' keys, so that an item that leaves a key out does not hide it.
 */
export function shape(value: unknown): Shape {
	if (Array.isArray(value)) {
		if (value.length === 0) return [];
		const merged: Record<string, unknown> = {};
		for (const item of value) {
			if (item && typeof item === 'object' && !Array.isArray(item)) Object.assign(merged, item);
		}
		return [Object.keys(merged).length > 0 ? shape(merged) : shape(value[0])];
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key]) => key !== '?xml')
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([key, v]) => [key, shape(v)])
		);
	}
	return value === null ? 'null' : typeof value;
}

/**
 * The names (paths) of a shape, with list items marked `[]`: `[].service_code`. Types left out:
 * XML has none, and the JSON types are compared by `typesMatch`.
 */
export function names(s: Shape, prefix = ''): string[] {
	if (typeof s === 'string') return [prefix];
	if (Array.isArray(s)) return s.length === 0 ? [`${prefix}[]`] : names(s[0], `${prefix}[]`);
	return Object.entries(s).flatMap(([key, v]) => names(v, prefix ? `${prefix}.${key}` : key));
}

/** Scalars by path: `[].lat` → `number`. */
export function types(s: Shape, prefix = ''): Record<string, string> {
	if (typeof s === 'string') return { [prefix]: s };
	if (Array.isArray(s)) return s.length === 0 ? {} : types(s[0], `${prefix}[]`);
	return Object.assign(
		{},
		...Object.entries(s).map(([key, v]) => types(v, prefix ? `${prefix}.${key}` : key))
	);
}
