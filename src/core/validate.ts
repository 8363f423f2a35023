/**
 * Small runtime validators for data that crosses a trust boundary
 * (messages between contexts, imported files). Each validator returns the
 * value typed, or throws a ValidationError naming the offending path.
 */

export class ValidationError extends Error {
  override name = 'ValidationError';
}

export type Validator<T> = (value: unknown, path: string) => T;
export type Infer<V> = V extends Validator<infer T> ? T : never;

function fail(path: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new ValidationError(`${path || 'value'}: expected ${expected}, got ${got}`);
}

export function string(opts: { max?: number; min?: number } = {}): Validator<string> {
  const max = opts.max ?? 10_000_000;
  const min = opts.min ?? 0;
  return (value, path) => {
    if (typeof value !== 'string') fail(path, 'a string', value);
    if (value.length > max) throw new ValidationError(`${path}: longer than ${max} characters`);
    if (value.length < min) throw new ValidationError(`${path}: shorter than ${min} characters`);
    return value;
  };
}

export function number(opts: { min?: number; max?: number; integer?: boolean } = {}): Validator<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value);
    if (opts.integer && !Number.isInteger(value)) fail(path, 'an integer', value);
    if (opts.min !== undefined && value < opts.min) throw new ValidationError(`${path}: below ${opts.min}`);
    if (opts.max !== undefined && value > opts.max) throw new ValidationError(`${path}: above ${opts.max}`);
    return value;
  };
}

export const boolean: Validator<boolean> = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'a boolean', value);
  return value;
};

export function literal<const T extends string | number | boolean>(expected: T): Validator<T> {
  return (value, path) => {
    if (value !== expected) fail(path, JSON.stringify(expected), value);
    return expected;
  };
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null || value === undefined ? null : inner(value, path));
}

export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (value, path) => (value === undefined ? undefined : inner(value, path));
}

export function array<T>(item: Validator<T>, opts: { max?: number } = {}): Validator<T[]> {
  const max = opts.max ?? 100_000;
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, 'an array', value);
    if (value.length > max) throw new ValidationError(`${path}: more than ${max} items`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

type Shape = Record<string, Validator<unknown>>;
type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** An object with exactly the listed keys (unknown keys are dropped, not kept). */
export function object<S extends Shape>(shape: S): Validator<ObjectOf<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const v = check((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (v !== undefined) out[key] = v;
    }
    return out as ObjectOf<S>;
  };
}

/** Runs a validator at the top level, returning a result instead of throwing. */
export function check<T>(validator: Validator<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: validator(value, '') };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, error: err.message };
    throw err;
  }
}
