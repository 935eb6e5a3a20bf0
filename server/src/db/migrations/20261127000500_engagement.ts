import { sql, type Kysely } from 'kysely';

// Bookmarks in nested categories, notifications, search history and recommendations. The bookmark rules
// live in the database: composite foreign keys make cross-user membership impossible, every user gets
// exactly one undeletable default category, and a bookmark left without a category returns to it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE bookmark_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CONSTRAINT bookmark_categories_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
      description text CONSTRAINT bookmark_categories_description_length CHECK (char_length(description) <= 1000),
      color text CONSTRAINT bookmark_categories_color_format CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
      icon text CONSTRAINT bookmark_categories_icon_length CHECK (char_length(icon) BETWEEN 1 AND 50),
      cover_content_id bigint REFERENCES content_items (id) ON DELETE SET NULL,
      parent_id uuid,
      sort_index integer NOT NULL DEFAULT 0,
      is_public boolean NOT NULL DEFAULT false,
      share_token text CONSTRAINT bookmark_categories_share_token_key UNIQUE
        CONSTRAINT bookmark_categories_share_token_format CHECK (share_token ~ '^[A-Za-z0-9_-]{16,64}$'),
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT bookmark_categories_id_user_key UNIQUE (id, user_id),
      CONSTRAINT bookmark_categories_parent_fk FOREIGN KEY (parent_id, user_id)
        REFERENCES bookmark_categories (id, user_id) ON DELETE SET NULL (parent_id),
      CONSTRAINT bookmark_categories_no_self_parent CHECK (parent_id <> id),
      CONSTRAINT bookmark_categories_public_has_token CHECK (NOT is_public OR share_token IS NOT NULL),
      CONSTRAINT bookmark_categories_default_top_level CHECK (NOT is_default OR parent_id IS NULL)
    );
    CREATE UNIQUE INDEX bookmark_categories_one_default_key ON bookmark_categories (user_id) WHERE is_default;
    CREATE UNIQUE INDEX bookmark_categories_name_key ON bookmark_categories (user_id, parent_id, lower(name)) NULLS NOT DISTINCT;
    CREATE INDEX bookmark_categories_parent_idx ON bookmark_categories (parent_id, user_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX bookmark_categories_cover_idx ON bookmark_categories (cover_content_id) WHERE cover_content_id IS NOT NULL;
    CREATE TRIGGER bookmark_categories_set_updated_at BEFORE UPDATE ON bookmark_categories
      FOR EACH ROW EXECUTE FUNCTION set_updated_at();

    CREATE FUNCTION bookmark_categories_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        -- The default category goes only with its user (the cascade runs after the user row is gone).
        IF OLD.is_default AND EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
          RAISE EXCEPTION 'the default bookmark category cannot be deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bookmark_categories_default_kept', TABLE = 'bookmark_categories';
        END IF;
        RETURN OLD;
      END IF;
      IF TG_OP = 'UPDATE' AND NEW.is_default IS DISTINCT FROM OLD.is_default THEN
        RAISE EXCEPTION 'which category is the default cannot change'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'bookmark_categories_default_kept', TABLE = 'bookmark_categories';
      END IF;
      IF NEW.parent_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.parent_id IS DISTINCT FROM OLD.parent_id) THEN
        PERFORM pg_advisory_xact_lock(hashtext('bookmark_categories'), hashtext(NEW.user_id::text));
        IF EXISTS (
          WITH RECURSIVE ancestors(id) AS (
            SELECT NEW.parent_id
            UNION
            SELECT c.parent_id FROM bookmark_categories c JOIN ancestors a ON c.id = a.id WHERE c.parent_id IS NOT NULL
          )
          SELECT 1 FROM ancestors WHERE id = NEW.id
        ) THEN
          RAISE EXCEPTION 'category % cannot be placed under %: it would create a cycle', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bookmark_categories_no_cycle', TABLE = 'bookmark_categories';
        END IF;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER bookmark_categories_guard BEFORE INSERT OR UPDATE OR DELETE ON bookmark_categories
      FOR EACH ROW EXECUTE FUNCTION bookmark_categories_guard();

    CREATE FUNCTION users_create_default_category() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO bookmark_categories (user_id, name, description, is_default, sort_index)
      VALUES (NEW.id, 'Uncategorized', 'Bookmarks not filed in any other category', true, 0);
      RETURN NULL;
    END $$;
    CREATE TRIGGER users_create_default_category AFTER INSERT ON users
      FOR EACH ROW EXECUTE FUNCTION users_create_default_category();

    CREATE TABLE bookmarks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      content_id bigint NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
      note text CONSTRAINT bookmarks_note_length CHECK (char_length(note) <= 5000),
      pinned boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT bookmarks_user_content_key UNIQUE (user_id, content_id),
      CONSTRAINT bookmarks_id_user_key UNIQUE (id, user_id)
    );
    CREATE INDEX bookmarks_content_id_idx ON bookmarks (content_id);
    CREATE TRIGGER bookmarks_set_updated_at BEFORE UPDATE ON bookmarks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE FUNCTION bookmarks_count_on_item() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE content_items SET bookmark_count = bookmark_count + 1 WHERE id = NEW.content_id;
      ELSE
        UPDATE content_items SET bookmark_count = greatest(bookmark_count - 1, 0) WHERE id = OLD.content_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER bookmarks_count_on_item AFTER INSERT OR DELETE ON bookmarks
      FOR EACH ROW EXECUTE FUNCTION bookmarks_count_on_item();

    CREATE TABLE bookmark_category_members (
      bookmark_id uuid NOT NULL,
      category_id uuid NOT NULL,
      user_id uuid NOT NULL,
      position integer NOT NULL DEFAULT 0,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (bookmark_id, category_id),
      CONSTRAINT bookmark_category_members_bookmark_fk FOREIGN KEY (bookmark_id, user_id)
        REFERENCES bookmarks (id, user_id) ON DELETE CASCADE,
      CONSTRAINT bookmark_category_members_category_fk FOREIGN KEY (category_id, user_id)
        REFERENCES bookmark_categories (id, user_id) ON DELETE CASCADE
    );
    CREATE INDEX bookmark_category_members_bookmark_idx ON bookmark_category_members (bookmark_id, user_id);
    CREATE INDEX bookmark_category_members_category_idx ON bookmark_category_members (category_id, user_id, position, added_at);

    -- Checked at commit, so moving a bookmark (remove here, add there) in one transaction is not disturbed.
    CREATE FUNCTION bookmarks_ensure_category() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      target uuid;
      owner uuid;
    BEGIN
      -- Separate branches: PL/pgSQL resolves NEW.id / OLD.bookmark_id only in the branch that runs.
      IF TG_TABLE_NAME = 'bookmarks' THEN
        target := NEW.id;
        owner := NEW.user_id;
      ELSE
        target := OLD.bookmark_id;
        owner := OLD.user_id;
      END IF;
      IF EXISTS (SELECT 1 FROM bookmarks WHERE id = target)
         AND NOT EXISTS (SELECT 1 FROM bookmark_category_members WHERE bookmark_id = target) THEN
        INSERT INTO bookmark_category_members (bookmark_id, category_id, user_id)
        SELECT target, c.id, owner FROM bookmark_categories c WHERE c.user_id = owner AND c.is_default
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER bookmarks_ensure_category AFTER INSERT ON bookmarks
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bookmarks_ensure_category();
    CREATE CONSTRAINT TRIGGER bookmark_category_members_ensure_category AFTER DELETE ON bookmark_category_members
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bookmarks_ensure_category();

    CREATE TABLE notifications (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      type text NOT NULL CONSTRAINT notifications_type_check
        CHECK (type IN ('job_completed', 'job_failed', 'job_cancelled', 'recommendation', 'system')),
      title text NOT NULL CONSTRAINT notifications_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
      message text NOT NULL DEFAULT '' CONSTRAINT notifications_message_length CHECK (char_length(message) <= 2000),
      related_job_id bigint REFERENCES generation_jobs (id) ON DELETE SET NULL,
      related_content_id bigint REFERENCES content_items (id) ON DELETE SET NULL,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    CREATE INDEX notifications_related_job_idx ON notifications (related_job_id) WHERE related_job_id IS NOT NULL;
    CREATE INDEX notifications_related_content_idx ON notifications (related_content_id) WHERE related_content_id IS NOT NULL;

    CREATE TABLE user_search_history (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      query text NOT NULL CONSTRAINT user_search_history_query_length CHECK (char_length(query) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX user_search_history_user_idx ON user_search_history (user_id, created_at DESC);
    CREATE INDEX user_search_history_query_idx ON user_search_history (user_id, query);

    CREATE TABLE recommendations (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      content_id bigint NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
      score double precision NOT NULL,
      algorithm text NOT NULL CONSTRAINT recommendations_algorithm_length CHECK (char_length(algorithm) BETWEEN 1 AND 50),
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb CONSTRAINT recommendations_reasons_array CHECK (jsonb_typeof(reasons) = 'array'),
      created_at timestamptz NOT NULL DEFAULT now(),
      served_at timestamptz,
      clicked_at timestamptz,
      dismissed_at timestamptz,
      PRIMARY KEY (user_id, content_id)
    );
    CREATE INDEX recommendations_user_score_idx ON recommendations (user_id, score DESC) WHERE dismissed_at IS NULL;
    CREATE INDEX recommendations_content_id_idx ON recommendations (content_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE recommendations;
    DROP TABLE user_search_history;
    DROP TABLE notifications;
    DROP TABLE bookmark_category_members;
    DROP TABLE bookmarks;
    DROP FUNCTION bookmarks_ensure_category();
    DROP FUNCTION bookmarks_count_on_item();
    DROP TRIGGER users_create_default_category ON users;
    DROP FUNCTION users_create_default_category();
    DROP TABLE bookmark_categories;
    DROP FUNCTION bookmark_categories_guard();
  `.execute(db);
}
