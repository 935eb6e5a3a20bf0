// The model catalogue and flag words shipped with Genonaut (data/*.csv, data/flag-words.txt), parsed into
// rows. The worker's sync job later marks which of these a ComfyUI server really has.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export interface CheckpointEntry {
  filename: string;
  name: string;
  architecture: string;
  family: string;
  version: string;
  description: string;
  rating: number;
  tags: string[];
}

export interface LoraEntry {
  filename: string;
  name: string;
  compatibleArchitectures: string[];
  family: string;
  version: string;
  description: string;
  rating: number;
  tags: string[];
  triggerWords: string[];
  optimalCheckpoints: string[];
  recommendedStrength: number;
}

/** Parses a simple CSV (no quoted commas: the catalogue uses `;` inside fields). */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',');
      if (cells.length !== columns.length)
        throw new Error(`CSV row has ${cells.length} cells, expected ${columns.length}: ${line}`);
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
}

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const read = (file: string) => readFileSync(path.join(dataDir, file), 'utf8');

export function loadCheckpoints(): CheckpointEntry[] {
  return parseCsv(read('checkpoints.csv')).map((r) => ({
    filename: r.filename ?? '',
    name: r.name ?? '',
    architecture: r.architecture ?? 'unknown',
    family: r.family ?? '',
    version: r.version ?? '',
    description: r.description ?? '',
    rating: Number(r.rating),
    tags: splitList(r.tags),
  }));
}

export function loadLoras(): LoraEntry[] {
  return parseCsv(read('loras.csv')).map((r) => ({
    filename: r.filename ?? '',
    name: r.name ?? '',
    compatibleArchitectures: splitList(r.compatible_architectures),
    family: r.family ?? '',
    version: r.version ?? '',
    description: r.description ?? '',
    rating: Number(r.rating),
    tags: splitList(r.tags),
    triggerWords: splitList(r.trigger_words),
    // The CSV names optimal checkpoints without the file extension; the catalogue stores file names.
    optimalCheckpoints: splitList(r.optimal_checkpoints).map((c) =>
      c.includes('.') ? c : `${c}.safetensors`,
    ),
    recommendedStrength: Number(r.recommended_strength),
  }));
}

export function loadFlagWords(): string[] {
  return read('flag-words.txt')
    .split(/\r?\n/)
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
