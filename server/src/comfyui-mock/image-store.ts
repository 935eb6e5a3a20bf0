// The mock's output folder: SaveImage names files as ComfyUI's folder_paths.get_save_image_path does
// (prefix directory → subfolder, `<name>_<counter:05>_.png`, counters continuing per prefix), and GET /view
// answers from here with ComfyUI's refusals. Files live in a temporary directory removed on close, so a
// long-running mock does not hold every image in memory.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OutputImage } from '@genonaut/contracts';
import { NodeExecutionError } from './execution-errors';

export type ViewResult = { status: 200; bytes: Buffer; filename: string } | { status: 400 | 403 | 404 };

const folderTypes = ['output', 'input', 'temp'] as const;

export class ImageStore {
  private readonly files = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  private constructor(
    private readonly root: string,
    private readonly removeOnClose: boolean,
  ) {}

  /** A store in `dir`, or in a fresh temporary directory that close() removes. */
  static async open(dir?: string): Promise<ImageStore> {
    if (dir) {
      await mkdir(dir, { recursive: true });
      return new ImageStore(path.resolve(dir), false);
    }
    return new ImageStore(await mkdtemp(path.join(os.tmpdir(), 'comfyui-mock-')), true);
  }

  /** SaveImage: writes one PNG per buffer and returns the entries ComfyUI puts in `output.images`. */
  async saveImages(
    prefix: string,
    size: { width: number; height: number },
    images: AsyncIterable<Buffer>,
  ): Promise<OutputImage[]> {
    const { subfolder, filename } = splitPrefix(expandPrefix(prefix, size));
    const counterKey = `${subfolder}\0${filename}`;
    let counter = (this.counters.get(counterKey) ?? 0) + 1;
    const dir = path.join(this.root, 'output', subfolder);
    await mkdir(dir, { recursive: true });
    const results: OutputImage[] = [];
    let batchNumber = 0;
    for await (const png of images) {
      const file = `${filename.replaceAll('%batch_num%', String(batchNumber))}_${String(counter).padStart(5, '0')}_.png`;
      const target = path.join(dir, file);
      await writeFile(target, png);
      this.files.set(fileKey('output', subfolder, file), target);
      this.counters.set(counterKey, counter);
      results.push({ filename: file, subfolder, type: 'output' });
      counter++;
      batchNumber++;
    }
    return results;
  }

  /** GET /view?filename&subfolder&type with server.py's checks: 400 bad name or type, 403 outside, 404 unknown. */
  async view(query: { filename?: string; subfolder?: string; type?: string }): Promise<ViewResult> {
    if (query.filename === undefined) return { status: 404 };
    let name = query.filename;
    let type = query.type ?? 'output';
    const annotated = /^(.*) \[(input|output|temp)\]$/.exec(name);
    if (annotated) [, name = '', type = 'output'] = annotated;
    if (!name || name.startsWith('/') || name.includes('..')) return { status: 400 };
    if (!(folderTypes as readonly string[]).includes(type)) return { status: 400 };
    const subfolder = path.posix.normalize(query.subfolder ?? '');
    if (path.posix.isAbsolute(subfolder) || subfolder === '..' || subfolder.startsWith('../')) {
      return { status: 403 };
    }
    const base = path.posix.basename(name);
    const target = this.files.get(fileKey(type, subfolder === '.' ? '' : subfolder, base));
    if (!target) return { status: 404 };
    try {
      return { status: 200, bytes: await readFile(target), filename: base };
    } catch {
      return { status: 404 };
    }
  }

  async close(): Promise<void> {
    this.files.clear();
    if (this.removeOnClose) await rm(this.root, { recursive: true, force: true });
  }
}

const fileKey = (type: string, subfolder: string, file: string) => `${type}\0${subfolder}\0${file}`;

/** The %width%/%height%/%year%… variables of filename_prefix, as compute_vars replaces them. */
function expandPrefix(prefix: string, size: { width: number; height: number }): string {
  if (!prefix.includes('%')) return prefix;
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return prefix
    .replaceAll('%width%', String(size.width))
    .replaceAll('%height%', String(size.height))
    .replaceAll('%year%', String(now.getFullYear()))
    .replaceAll('%month%', two(now.getMonth() + 1))
    .replaceAll('%day%', two(now.getDate()))
    .replaceAll('%hour%', two(now.getHours()))
    .replaceAll('%minute%', two(now.getMinutes()))
    .replaceAll('%second%', two(now.getSeconds()));
}

/** 'genonaut/job-12' → subfolder 'genonaut', filename 'job-12'; refuses prefixes leaving the folder. */
function splitPrefix(prefix: string): { subfolder: string; filename: string } {
  const normal = path.posix.normalize(prefix);
  if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) {
    throw new NodeExecutionError(
      'Exception',
      `**** ERROR: Saving image outside the output folder is not allowed.\n full_output_folder: ${normal}`,
    );
  }
  const dir = path.posix.dirname(normal);
  return { subfolder: dir === '.' ? '' : dir, filename: path.posix.basename(normal) };
}
