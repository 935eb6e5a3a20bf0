// Tag ids are UUID v5 of the slug in Genonaut's namespace — the same value the database's tags_set_id
// trigger computes — so a tag has the same id in every installation and seeds can link tags by slug.
import { createHash } from 'node:crypto';

export const TAG_NAMESPACE = '6f1c3e0a-2b7d-4c59-9a8e-3d5b7c1f2e40';

export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const tagIdForSlug = (slug: string): string => uuidV5(slug, TAG_NAMESPACE);
