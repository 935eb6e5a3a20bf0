// Python's value semantics where ComfyUI's validation leans on them: int()/float()/str()/bool() coercion
// with the exceptions Python raises, type names as error messages print them, and exceptions as
// ComfyUI reports them (str(ex) and the type's name).
import { pyRepr, pyStr } from './python-text';

/** A Python exception as ComfyUI reports it: str(ex) and full_type_name(type(ex)). */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

/** Any error as the Python exception ComfyUI would have caught. */
export function asPyException(error: unknown): PyException {
  if (error instanceof PyException) return error;
  if (error instanceof RangeError) {
    return new PyException(
      'RecursionError',
      'maximum recursion depth exceeded while calling a Python object',
    );
  }
  return new PyException('Exception', error instanceof Error ? error.message : String(error));
}

/** Python's int()/float()/str()/bool() on a JSON value, raising what Python raises. */
export function coerce(type: string | string[], value: unknown): unknown {
  if (type === 'INT') return pyInt(value);
  if (type === 'FLOAT') return pyFloatValue(value);
  if (type === 'STRING') return pyStr(value);
  if (type === 'BOOLEAN') return pyTruthy(value);
  return value;
}

function pyInt(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value))
    return Number(value.replaceAll('_', ''));
  if (typeof value === 'string')
    throw new PyException('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
  throw new PyException(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}

function pyFloatValue(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  if (typeof value === 'string')
    throw new PyException('ValueError', `could not convert string to float: ${pyRepr(value)}`);
  throw new PyException(
    'TypeError',
    `float() argument must be a string or a real number, not '${pyTypeName(value)}'`,
  );
}

function pyTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}
