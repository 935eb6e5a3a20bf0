// SQL of the model catalogue: the lists the generate page offers, the files a submission may name, and
// the availability each sync with the image servers writes.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { DB, ModelsCheckpoints, ModelsLoras } from '../../db/types';
import type { Availability } from './model-availability';

export type CheckpointRow = Selectable<ModelsCheckpoints>;
export type LoraRow = Selectable<ModelsLoras>;
export type ModelTable = 'models_checkpoints' | 'models_loras';

export interface LoraFilter {
  /** Words of the name or file name, matched as a literal substring. */
  q?: string;
  /** Only LoRAs made for this architecture. */
  architecture?: string;
}

const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function loraFilter(filter: LoraFilter) {
  return (eb: ExpressionBuilder<DB, 'models_loras'>) => {
    const { q, architecture } = filter;
    return eb.and([
      ...(q ? [eb.or([eb('name', 'ilike', likeLiteral(q)), eb('filename', 'ilike', likeLiteral(q))])] : []),
      ...(architecture !== undefined
        ? [eb(sql.val(architecture), '=', eb.fn.any('compatible_architectures'))]
        : []),
    ]);
  };
}

/** Every checkpoint: those a server has first, then by rating (unrated last) and name. */
export function listCheckpoints(db: Database): Promise<CheckpointRow[]> {
  return db
    .selectFrom('models_checkpoints')
    .selectAll()
    .orderBy('is_available', 'desc')
    .orderBy('rating', (ob) => ob.desc().nullsLast())
    .orderBy('name')
    .orderBy('filename')
    .execute();
}

export async function checkpointArchitecture(db: Database, filename: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('models_checkpoints')
    .select('architecture')
    .where('filename', '=', filename)
    .executeTakeFirst();
  return row?.architecture;
}

/** One page of LoRAs by rating (unrated last), name and file name: a total order, so pages never overlap. */
export function listLoras(
  db: Database,
  filter: LoraFilter,
  page: { limit: number; offset: number },
): Promise<LoraRow[]> {
  return db
    .selectFrom('models_loras')
    .selectAll()
    .where(loraFilter(filter))
    .orderBy('rating', (ob) => ob.desc().nullsLast())
    .orderBy('name')
    .orderBy('filename')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countLoras(db: Database, filter: LoraFilter): Promise<number> {
  const row = await db
    .selectFrom('models_loras')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(loraFilter(filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The file names of a catalogue table, with whether some server has each. */
export function modelFiles(db: Database, table: ModelTable) {
  return db.selectFrom(table).select(['filename', 'is_available']).execute();
}

/** Adds the files a server has that the catalogue does not know yet, named after their file name. */
export async function addModelFiles(db: Database, table: ModelTable, files: string[]): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto(table)
    .values(files.map((filename) => ({ filename, name: filename.replace(/\.[a-z0-9]+$/i, '') })))
    .onConflict((oc) => oc.column('filename').doNothing())
    .execute();
}

/** Which servers have each file, with the rows locked until the caller's transaction ends. */
export async function lockAvailability(db: Database, table: ModelTable): Promise<Availability> {
  const rows = await db.selectFrom(table).select(['filename', 'available_on']).forUpdate().execute();
  return new Map(rows.map((r) => [r.filename, r.available_on]));
}

/** Writes the servers of each file (and is_available with them); rows that did not change are left alone. */
export async function writeAvailability(
  db: Database,
  table: ModelTable,
  availability: Availability,
): Promise<void> {
  if (availability.size === 0) return;
  const rows = JSON.stringify([...availability].map(([filename, servers]) => ({ filename, servers })));
  await sql`
    UPDATE ${sql.table(table)} AS m
    SET available_on = v.servers, is_available = cardinality(v.servers) > 0
    FROM jsonb_to_recordset(${rows}::jsonb) AS v(filename text, servers text[])
    WHERE m.filename = v.filename
      AND (m.available_on IS DISTINCT FROM v.servers OR m.is_available <> (cardinality(v.servers) > 0))`.execute(
    db,
  );
}
