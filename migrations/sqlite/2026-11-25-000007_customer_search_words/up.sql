-- Customer search by word prefix: one row per folded word of each live fiche
-- (name, company, e-mail split at its punctuation, phone digits, postcode,
-- city, card numbers), plus one row with the empty word, so the live fiches
-- in name order are a range of this table too. A typed word w is the range
-- word >= w AND word < w || U+10FFFF; within one word, rows are in sort_key
-- order: the first 24 characters of search_text (last name first), U+0001
-- and the id zero-padded to 12 digits, so the key is unique and orders as the
-- lists do. Anonymised and merged fiches have no rows.
CREATE TABLE customer_search_words (
    word TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    PRIMARY KEY (word, sort_key)
) WITHOUT ROWID;
-- Rewriting a fiche's words, and checking one fiche for a typed word.
CREATE INDEX customer_search_words_customer_id ON customer_search_words (customer_id, word);

-- The live fiches' words from their search_text (lower-cased: postcodes were
-- stored as typed), split at spaces and at the e-mail's punctuation, with the national phone numbers' endings by pairs
-- ("12345678", "345678", "5678" for 0612345678). Cities and other separators
-- come with each fiche's next save, which rewrites its words exactly.
WITH RECURSIVE
    live (id, sort_key, rest) AS (
        SELECT id,
               substr(search_text, 1, 24) || char(1) || printf('%012d', id),
               replace(replace(replace(replace(replace(replace(
                   lower(search_text), '@', ' '), '.', ' '), '-', ' '), '_', ' '), '''', ' '), '+', ' ')
               || ' '
        FROM customers
        WHERE anonymised_at IS NULL AND merged_into IS NULL AND search_text <> ''
    ),
    split (id, sort_key, word, rest) AS (
        SELECT id, sort_key, '', rest FROM live
        UNION ALL
        SELECT id, sort_key, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
        FROM split
        WHERE rest <> ''
    ),
    endings (id, sort_key, word) AS (
        SELECT id, sort_key, substr(word, 3)
        FROM split
        WHERE length(word) >= 8 AND word GLOB '0*' AND word NOT GLOB '*[^0-9]*'
        UNION ALL
        SELECT id, sort_key, substr(word, 3) FROM endings WHERE length(word) >= 6
    )
INSERT INTO customer_search_words (word, sort_key, customer_id)
SELECT DISTINCT word, sort_key, id
FROM (
    SELECT id, sort_key, word FROM split
    UNION ALL
    SELECT id, sort_key, word FROM endings
);

-- Lists and searches read the order from the words above; nothing reads this
-- index any more.
DROP INDEX customers_search_text;
