// Reads a Terraform directory with HashiCorp's own HCL parser (compiled to WebAssembly, works offline)
// and evaluates the small expression language our locals use, so tests can check what a task
// definition really gets: its ports, environment and secrets, with variables taken from a tfvars file.
import { parse } from '@cdktf/hcl2json';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type Block = Record<string, unknown>;

export interface TerraformDir {
  resources: Record<string, Record<string, Block>>;
  data: Record<string, Record<string, Block>>;
  variables: Record<string, Block>;
  outputs: Record<string, Block>;
  locals: Record<string, unknown>;
  terraform: Block[];
  providers: Record<string, Block>;
  files: Record<string, string>;
}

type Parsed = Record<string, unknown>;

const blocks = (section: unknown): Record<string, Block> =>
  Object.fromEntries(
    Object.entries((section ?? {}) as Record<string, Block[]>).map(([name, list]) => [name, list[0] ?? {}]),
  );

export async function parseHcl(file: string, text: string): Promise<Parsed> {
  return (await parse(file, text)) as Parsed;
}

export async function loadTerraform(dir: string): Promise<TerraformDir> {
  const result: TerraformDir = {
    resources: {},
    data: {},
    variables: {},
    outputs: {},
    locals: {},
    terraform: [],
    providers: {},
    files: {},
  };
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.tf')).sort()) {
    const text = await readFile(path.join(dir, name), 'utf8');
    result.files[name] = text;
    const parsed = await parseHcl(name, text);
    for (const [type, byName] of Object.entries((parsed.resource ?? {}) as Record<string, unknown>)) {
      Object.assign((result.resources[type] ??= {}), blocks(byName));
    }
    for (const [type, byName] of Object.entries((parsed.data ?? {}) as Record<string, unknown>)) {
      Object.assign((result.data[type] ??= {}), blocks(byName));
    }
    Object.assign(result.variables, blocks(parsed.variable));
    Object.assign(result.outputs, blocks(parsed.output));
    Object.assign(result.providers, blocks(parsed.provider));
    for (const locals of (parsed.locals ?? []) as Block[]) Object.assign(result.locals, locals);
    result.terraform.push(...((parsed.terraform ?? []) as Block[]));
  }
  return result;
}

/** Every `type.name` a resource or data source of the directory is known by. */
export function addresses(tf: TerraformDir): Set<string> {
  const all = new Set<string>();
  for (const [type, byName] of Object.entries(tf.resources))
    for (const n of Object.keys(byName)) all.add(`${type}.${n}`);
  for (const [type, byName] of Object.entries(tf.data))
    for (const n of Object.keys(byName)) all.add(`data.${type}.${n}`);
  return all;
}

/** Splits `text` at `separator` characters that are outside quotes and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if ('([{'.includes(c ?? '')) depth++;
    else if (')]}'.includes(c ?? '')) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Finds the `${ ... }` interpolations of a template string, with balanced braces. */
function interpolations(text: string): { start: number; end: number; expr: string }[] {
  const found: { start: number; end: number; expr: string }[] = [];
  let i = text.indexOf('${');
  while (i !== -1) {
    let depth = 0;
    let j = i + 1;
    let quoted = false;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    found.push({ start: i, end: j + 1, expr: text.slice(i + 2, j) });
    i = text.indexOf('${', j + 1);
  }
  return found;
}

/**
 * Evaluates values of a parsed directory: literals, templates, var.*, local.*, attributes written in a
 * resource block, tostring, merge, `a != "" ? b : c` and `[for k, v in map : { name = k, value = v }]`.
 * Attributes AWS computes (ARNs, addresses) become stand-ins such as `aws-db-instance-main-address.invalid`.
 */
export class Evaluator {
  constructor(
    private readonly tf: TerraformDir,
    private readonly vars: Record<string, unknown>,
  ) {}

  value(value: unknown): unknown {
    if (typeof value === 'string') return this.template(value);
    if (Array.isArray(value)) return value.map((v) => this.value(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v)]));
    }
    return value;
  }

  template(text: string): unknown {
    const parts = interpolations(text);
    const only = parts[0];
    if (parts.length === 1 && only && only.start === 0 && only.end === text.length)
      return this.expr(only.expr);
    let out = '';
    let last = 0;
    for (const p of parts) {
      out += text.slice(last, p.start) + String(this.expr(p.expr));
      last = p.end;
    }
    return out + text.slice(last);
  }

  expr(source: string): unknown {
    const e = source.trim();
    const ternary = splitTopLevel(e, '?');
    if (ternary.length === 2) {
      const [whenTrue, whenFalse] = splitTopLevel(ternary[1] ?? '', ':');
      return this.expr(ternary[0] ?? '') ? this.expr(whenTrue ?? '') : this.expr(whenFalse ?? '');
    }
    for (const op of ['!=', '==']) {
      const sides = splitTopLevel(e, op);
      if (sides.length === 2) {
        const equal = this.expr(sides[0] ?? '') === this.expr(sides[1] ?? '');
        return op === '==' ? equal : !equal;
      }
    }
    if (/^"([^"\\]|\\.)*"$/.test(e)) return this.template(JSON.parse(e) as string);
    if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e);
    if (e === 'true' || e === 'false') return e === 'true';
    const forMap = /^\[for (\w+), (\w+) in (.+) : \{ (\w+) = \1, (\w+) = \2 \}\]$/s.exec(e);
    if (forMap) {
      const map = this.expr(forMap[3] ?? '') as Record<string, unknown>;
      return Object.entries(map).map(([k, v]) => ({ [forMap[4] ?? '']: k, [forMap[5] ?? '']: v }));
    }
    const call = /^(\w+)\((.*)\)$/s.exec(e);
    if (call) {
      const args = splitTopLevel(call[2] ?? '', ',')
        .filter((a) => a.trim() !== '')
        .map((a) => this.expr(a));
      if (call[1] === 'tostring') return String(args[0]);
      if (call[1] === 'merge') return Object.assign({}, ...(args as object[])) as unknown;
      throw new Error(`cannot evaluate function ${call[1]} in: ${e}`);
    }
    return this.reference(e);
  }

  private reference(e: string): unknown {
    const [root, ...rest] = e.split('.');
    if (root === 'var') {
      const name = rest[0] ?? '';
      if (name in this.vars) return this.walk(this.vars[name], rest.slice(1));
      const variable = this.tf.variables[name];
      if (!variable) throw new Error(`unknown variable ${name}`);
      if (!('default' in variable)) throw new Error(`variable ${name} has no value and no default`);
      return this.walk(this.value(variable.default), rest.slice(1));
    }
    if (root === 'local') {
      const name = rest[0] ?? '';
      if (!(name in this.tf.locals)) throw new Error(`unknown local ${name}`);
      return this.walk(this.value(this.tf.locals[name]), rest.slice(1));
    }
    const [name, attr] = rest;
    const block = root === 'data' ? undefined : this.tf.resources[root ?? '']?.[name ?? ''];
    if (root !== 'data' && !block) throw new Error(`unknown reference ${e}`);
    if (block && attr && attr in block) return this.value(block[attr]);
    return `${e.replace(/[^A-Za-z0-9]+/g, '-')}.invalid`;
  }

  private walk(value: unknown, keys: string[]): unknown {
    let current = value;
    for (const key of keys) {
      if (current === null || typeof current !== 'object' || !(key in current)) {
        throw new Error(`no attribute ${key} in ${JSON.stringify(current)}`);
      }
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }
}

/** The `type.name` references an expression (or any nested value) mentions. */
export function referencesIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/\b((?:data\.)?aws_[a-z0-9_]+\.[a-z0-9_]+)/g)].map((m) => m[1] ?? '');
}

export async function readTfvars(file: string): Promise<Record<string, unknown>> {
  return parseHcl(path.basename(file), await readFile(file, 'utf8'));
}
