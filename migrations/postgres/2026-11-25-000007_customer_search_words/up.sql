-- Customer search by word prefix: one row per folded word of each live fiche
-- (name, company, e-mail split at its punctuation, phone digits, postcode,
-- city, card numbers), plus one row with the empty word, so the live fiches
-- in name order are a range of this table too. A typed word w is the range
-- word >= w AND word < w || U+10FFFF; within one word, rows are in sort_key
-- order: the first 24 characters of search_text (last name first), U+0001
-- and the id zero-padded to 12 digits, so the key is unique and orders as the
-- lists do. Anonymised and merged fiches have no rows. Both texts compare
-- byte by byte ("C"), as on SQLite, so that ranges use the index.
CREATE TABLE customer_search_words (
    word TEXT COLLATE "C" NOT NULL,
    sort_key TEXT COLLATE "C" NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    PRIMARY KEY (word, sort_key)
);
-- Rewriting a fiche's words, and checking one fiche for a typed word.
CREATE INDEX customer_search_words_customer_id ON customer_search_words (customer_id, word);

-- The live fiches' words from their search_text (lower-cased: postcodes were
-- stored as typed), split at spaces and at the e-mail's punctuation, with the national phone numbers' endings by pairs
-- ("12345678", "345678", "5678" for 0612345678). Cities and other separators
-- come with each fiche's next save, which rewrites its words exactly.
WITH live AS (
    SELECT id,
           substr(search_text, 1, 24) || chr(1)
               || repeat('0', greatest(0, 12 - length(id::text))) || id::text AS sort_key,
           search_text
    FROM customers
    WHERE anonymised_at IS NULL AND merged_into IS NULL AND search_text <> ''
),
split AS (
    SELECT id, sort_key, '' AS word FROM live
    UNION ALL
    SELECT id, sort_key, regexp_split_to_table(lower(search_text), '[ @._''+-]+') FROM live
)
INSERT INTO customer_search_words (word, sort_key, customer_id)
SELECT DISTINCT word, sort_key, id
FROM (
    SELECT id, sort_key, word FROM split
    UNION ALL
    SELECT id, sort_key, substr(word, 1 + 2 * n)
    FROM split, generate_series(1, (length(word) - 4) / 2) AS n
    WHERE length(word) >= 8 AND word ~ '^0[0-9]*$'
) AS words;

-- Lists and searches read the order from the words above; the trigram index
-- that served '%word%' is no longer read.
DROP INDEX customers_search_text;
