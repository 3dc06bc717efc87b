-- The shop's settings that the owner changes from the pages, one text value per
-- key (the scale barcode prefixes first). A key that is absent takes its default.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
