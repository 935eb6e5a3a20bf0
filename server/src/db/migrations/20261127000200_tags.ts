import { sql, type Kysely } from 'kysely';

// Tags form a polyhierarchy (several parents per tag). Ids are UUID v5 of the slug so that the same tag
// has the same id in every database; the trigger computes it, the app's tagIdForSlug() agrees with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tags (
      id uuid PRIMARY KEY,
      slug text NOT NULL CONSTRAINT tags_slug_key UNIQUE
        CONSTRAINT tags_slug_format CHECK (char_length(slug) <= 100 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text NOT NULL CONSTRAINT tags_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
      description text CONSTRAINT tags_description_length CHECK (char_length(description) <= 2000),
      metadata jsonb NOT NULL DEFAULT '{}'::jsonb CONSTRAINT tags_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE FUNCTION tags_set_id() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.id IS NULL THEN
        NEW.id := uuid_generate_v5('6f1c3e0a-2b7d-4c59-9a8e-3d5b7c1f2e40'::uuid, NEW.slug);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER tags_set_id BEFORE INSERT ON tags FOR EACH ROW EXECUTE FUNCTION tags_set_id();
    CREATE TRIGGER tags_set_updated_at BEFORE UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    -- Autocomplete and tag:prefix* search.
    CREATE INDEX tags_name_trgm_idx ON tags USING gin (lower(name) gin_trgm_ops);
    CREATE INDEX tags_slug_prefix_idx ON tags (slug text_pattern_ops);

    CREATE TABLE tag_parents (
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      parent_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tag_id, parent_id),
      CONSTRAINT tag_parents_no_self_edge CHECK (tag_id <> parent_id)
    );
    CREATE INDEX tag_parents_parent_id_idx ON tag_parents (parent_id, tag_id);

    -- Refuses an edge that would close a cycle. Hierarchy writes are serialised by an advisory lock so
    -- two concurrent inserts cannot each pass the check and together form a cycle.
    CREATE FUNCTION tag_parents_refuse_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.tag_id = NEW.parent_id THEN
        RETURN NEW; -- the self-edge CHECK reports this one
      END IF;
      PERFORM pg_advisory_xact_lock(hashtext('tag_parents'));
      IF EXISTS (
        WITH RECURSIVE ancestors(id) AS (
          SELECT NEW.parent_id
          UNION
          SELECT tp.parent_id FROM tag_parents tp JOIN ancestors a ON tp.tag_id = a.id
        )
        SELECT 1 FROM ancestors WHERE id = NEW.tag_id
      ) THEN
        RAISE EXCEPTION 'tag % cannot have parent %: it would create a cycle', NEW.tag_id, NEW.parent_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'tag_parents_no_cycle', TABLE = 'tag_parents';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER tag_parents_refuse_cycle BEFORE INSERT OR UPDATE ON tag_parents
      FOR EACH ROW EXECUTE FUNCTION tag_parents_refuse_cycle();

    CREATE TABLE tag_cardinality_stats (
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      source text NOT NULL CONSTRAINT tag_cardinality_stats_source_check CHECK (source IN ('all', 'regular', 'auto')),
      content_count bigint NOT NULL CONSTRAINT tag_cardinality_stats_count_check CHECK (content_count >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tag_id, source)
    );
    CREATE INDEX tag_cardinality_stats_popular_idx ON tag_cardinality_stats (source, content_count DESC, tag_id);

    CREATE TABLE tag_ratings (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      rating numeric(2, 1) NOT NULL
        CONSTRAINT tag_ratings_half_stars CHECK (rating BETWEEN 1 AND 5 AND rating * 2 = trunc(rating * 2)),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, tag_id)
    );
    CREATE INDEX tag_ratings_tag_id_idx ON tag_ratings (tag_id);
    CREATE TRIGGER tag_ratings_set_updated_at BEFORE UPDATE ON tag_ratings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

    CREATE TABLE user_favorite_tags (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, tag_id)
    );
    CREATE INDEX user_favorite_tags_tag_id_idx ON user_favorite_tags (tag_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE user_favorite_tags;
    DROP TABLE tag_ratings;
    DROP TABLE tag_cardinality_stats;
    DROP TABLE tag_parents;
    DROP FUNCTION tag_parents_refuse_cycle();
    DROP TABLE tags;
    DROP FUNCTION tags_set_id();
  `.execute(db);
}
