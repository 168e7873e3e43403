/**
 * Versioned schema migrations. Each entry moves the database from version i to i+1
 * (tracked in SQLite's `user_version`). Never edit a shipped migration: append one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE lists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL REFERENCES lists(id),
    message_id TEXT NOT NULL,
    -- sha256 of the raw bytes: the same bytes imported twice are stored once.
    content_hash TEXT NOT NULL,
    -- 0 for the first message with this Message-ID in the list; 1, 2... for later
    -- messages that reuse the id with different content (kept apart, never merged).
    dup_index INTEGER NOT NULL DEFAULT 0,
    synthetic_id INTEGER NOT NULL DEFAULT 0,
    subject TEXT NOT NULL,
    base_subject TEXT NOT NULL,
    from_name TEXT NOT NULL,
    from_addr TEXT NOT NULL,
    to_json TEXT NOT NULL,
    cc_json TEXT NOT NULL,
    date TEXT,
    date_raw TEXT,
    in_reply_to TEXT,
    refs_json TEXT NOT NULL,
    body TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    segments_json TEXT NOT NULL,
    segments_version INTEGER NOT NULL,
    raw BLOB NOT NULL,
    format TEXT NOT NULL,
    source TEXT NOT NULL,
    position TEXT NOT NULL,
    thread_id INTEGER,
    imported_at TEXT NOT NULL,
    UNIQUE (list_id, content_hash)
  );
  CREATE INDEX messages_by_id ON messages (list_id, message_id, dup_index);
  CREATE INDEX messages_by_thread ON messages (thread_id, date);
  CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL REFERENCES lists(id),
    root_message_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    message_count INTEGER NOT NULL,
    participants_json TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT
  );
  CREATE INDEX threads_by_activity ON threads (list_id, last_date DESC);
  -- Highlighted HTML per block, keyed by a hash of kind, language and text.
  CREATE TABLE highlights (
    key TEXT PRIMARY KEY,
    html_json TEXT NOT NULL
  );
  `,
  `
  -- Messages deleted upstream (a public-inbox 'd' commit) are hidden, never dropped.
  ALTER TABLE messages ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
  -- Where an incremental source (a public-inbox git epoch) was read up to, per list.
  CREATE TABLE import_state (
    list_id INTEGER NOT NULL REFERENCES lists(id),
    source TEXT NOT NULL,
    cursor TEXT NOT NULL,
    PRIMARY KEY (list_id, source)
  );
  `,
  `
  -- Full-text search (lib/store/search-index.ts). Own words and quoted lines are apart
  -- so quotes rank below original text; saveMessages indexes each new row in its own
  -- transaction. Hidden messages stay indexed and are filtered at query time, so
  -- unhiding needs no reindex.
  CREATE VIRTUAL TABLE messages_fts USING fts5(
    subject, sender, to_addr, cc_addr, body_own, body_quoted,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- Backfill: the same split as lib/search/index-fields.ts, in SQL (a test compares them).
  -- char(57344)/char(57345) are the snippet markers U+E000/U+E001, removed from mail text.
  WITH src AS (
    SELECT m.id,
      m.subject AS subject,
      m.from_name || ' ' || m.from_addr AS sender,
      (SELECT group_concat(json_extract(a.value, '$.name') || ' ' || json_extract(a.value, '$.address'), ' ')
        FROM json_each(m.to_json) a) AS to_addr,
      (SELECT group_concat(json_extract(a.value, '$.name') || ' ' || json_extract(a.value, '$.address'), ' ')
        FROM json_each(m.cc_json) a) AS cc_addr,
      (SELECT group_concat(l.value, char(10)) FROM json_each(m.segments_json) s, json_each(s.value, '$.lines') l
        WHERE json_extract(s.value, '$.depth') = 0) AS own,
      (SELECT group_concat(json_extract(a.value, '$.text'), char(10)) FROM json_each(m.attachments_json) a
        WHERE json_extract(a.value, '$.text') IS NOT NULL) AS attached,
      (SELECT group_concat(l.value, char(10)) FROM json_each(m.segments_json) s, json_each(s.value, '$.lines') l
        WHERE json_extract(s.value, '$.depth') > 0) AS quoted
    FROM messages m
  )
  INSERT INTO messages_fts (rowid, subject, sender, to_addr, cc_addr, body_own, body_quoted)
  SELECT id,
    replace(replace(subject, char(57344), ' '), char(57345), ' '),
    replace(replace(sender, char(57344), ' '), char(57345), ' '),
    replace(replace(COALESCE(to_addr, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(COALESCE(cc_addr, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(COALESCE(own, '') || COALESCE(char(10) || attached, ''), char(57344), ' '), char(57345), ' '),
    replace(replace(COALESCE(quoted, ''), char(57344), ' '), char(57345), ' ')
  FROM src;
  -- Covering indexes for search filters: message rows are large (raw bytes, body), and
  -- reading 'hidden' (the last column) from each matching row costs more than the
  -- full-text lookup itself. The first serves FTS matches (looked up by id), the
  -- second date-only queries.
  CREATE INDEX messages_search ON messages (id, hidden, list_id, date);
  CREATE INDEX messages_by_date ON messages (date, hidden, list_id);
  CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
  END;
  `,
  `
  -- Counting a list's visible messages (home page, search page) must not read whole rows.
  CREATE INDEX messages_visible ON messages (list_id, hidden);
  -- The list page pages through threads by activity; the id breaks ties in the index too.
  DROP INDEX threads_by_activity;
  CREATE INDEX threads_by_activity ON threads (list_id, last_date DESC, id DESC);
  `,
  `
  -- Content hashes ignore line endings from now on (lib/store/content-hash.ts): a CRLF
  -- copy of a stored LF message is a duplicate, not a second message with its id. Rehash
  -- the rows stored with CRLF, with the function openDb registers. OR IGNORE skips a row
  -- whose new hash another row of its list already holds (an LF original and its CRLF
  -- copy were both stored before): both stay, as before, since dropping one would leave
  -- its thread's counts stale until a rethread.
  UPDATE OR IGNORE messages SET content_hash = threadlight_content_hash(raw)
    WHERE instr(raw, X'0D0A') > 0;
  `,
];
