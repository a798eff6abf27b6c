/**
 * Reading a value at a path of a JSON body without a schema: what is not there, or not of the
 * type asked for, reads as absent. For the few optional fields of the content readers (captions,
 * tags, comments), where a zod schema would weigh more in the content scripts than it checks.
 */
import { isObject } from './page';

/** The value at `path` (object keys), or undefined. */
export function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** The string at `path`, or undefined. */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  const v = at(value, ...path);
  return typeof v === 'string' ? v : undefined;
}

/** The array at `path` (its first 1,000 items), or an empty one. */
export function listAt(value: unknown, ...path: string[]): unknown[] {
  const v = at(value, ...path);
  return Array.isArray(v) ? v.slice(0, 1000) : [];
}

/** The boolean at `path`, or undefined. */
export function flagAt(value: unknown, ...path: string[]): boolean | undefined {
  const v = at(value, ...path);
  return typeof v === 'boolean' ? v : undefined;
}
