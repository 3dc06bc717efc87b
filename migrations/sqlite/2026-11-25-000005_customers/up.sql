-- The customer file: the people (their fiche and the statistics their purchases
-- keep up to date), their consents per channel (an append-only history), their
-- loyalty cards, the ledger of their points and what they spend per category.

CREATE TABLE customers (
    id INTEGER PRIMARY KEY NOT NULL,
    civility TEXT CHECK (civility IN ('mme', 'm')),
    first_name TEXT,
    last_name TEXT,
    company TEXT,
    -- Lower-cased.
    email TEXT,
    -- E.164: '+33612345678'.
    phone TEXT,
    phone2 TEXT,
    address_line1 TEXT,
    address_line2 TEXT,
    postcode TEXT,
    city TEXT,
    -- ISO 3166-1 alpha-2.
    country TEXT NOT NULL DEFAULT 'FR',
    birth_date DATE,
    language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    notes TEXT,
    -- Comma-separated, as typed (duplicates removed).
    tags TEXT,
    source TEXT NOT NULL CHECK (source IN ('till', 'form', 'import', 'api')),
    -- Folded name, e-mail, phone digits, postcode and card numbers, for
    -- accent- and case-insensitive LIKE search; '' once anonymised or merged.
    search_text TEXT NOT NULL DEFAULT '',
    -- Folded last name, first initial and postcode: the key that finds likely
    -- duplicates; NULL without a last name or a postcode.
    match_key TEXT,
    visits BIGINT NOT NULL DEFAULT 0,
    -- Cents, VAT included, refunds deducted.
    total_spent BIGINT NOT NULL DEFAULT 0,
    first_visit TIMESTAMP,
    last_visit TIMESTAMP,
    -- The balance of points_ledger.
    points BIGINT NOT NULL DEFAULT 0,
    anonymised_at TIMESTAMP,
    -- Set on the fiche removed by a merge: reads follow it to the one kept.
    merged_into BIGINT REFERENCES customers (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- SQLite scans this index (narrower than the table) for '%word%'; PostgreSQL
-- uses a trigram index instead.
CREATE INDEX customers_search_text ON customers (search_text);
CREATE INDEX customers_email ON customers (email);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_phone2 ON customers (phone2);
CREATE INDEX customers_match_key ON customers (match_key);
CREATE INDEX customers_merged_into ON customers (merged_into);
CREATE INDEX customers_last_visit ON customers (last_visit);

-- Append-only: the current state of a channel is its latest row.
CREATE TABLE customer_consents (
    id INTEGER PRIMARY KEY NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'post')),
    granted BOOLEAN NOT NULL,
    basis TEXT NOT NULL CHECK (basis IN ('explicit', 'soft_opt_in', 'informed')),
    source TEXT NOT NULL CHECK (source IN ('till', 'form', 'import', 'account', 'api', 'erasure')),
    -- The wording the person saw when they said yes or no.
    text_shown TEXT,
    at TIMESTAMP NOT NULL,
    user_id BIGINT REFERENCES users (id)
);
CREATE INDEX customer_consents_customer_id ON customer_consents (customer_id, channel);

CREATE TABLE loyalty_cards (
    id INTEGER PRIMARY KEY NOT NULL,
    -- EAN-13 with the shop's in-store prefix.
    number TEXT NOT NULL UNIQUE,
    -- NULL: pre-printed and not handed out yet, or detached by an erasure.
    customer_id BIGINT REFERENCES customers (id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'replaced', 'lost')),
    assigned_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX loyalty_cards_customer_id ON loyalty_cards (customer_id);

CREATE TABLE points_ledger (
    id INTEGER PRIMARY KEY NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    delta BIGINT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'spent', 'adjustment', 'merge')),
    ticket_id BIGINT REFERENCES tickets (id),
    balance_after BIGINT NOT NULL,
    at TIMESTAMP NOT NULL,
    user_id BIGINT REFERENCES users (id)
);
CREATE INDEX points_ledger_customer_id ON points_ledger (customer_id);
CREATE INDEX points_ledger_ticket_id ON points_ledger (ticket_id);

-- What a customer spent per category (NULL: products without one), refunds deducted.
CREATE TABLE customer_category_spend (
    id INTEGER PRIMARY KEY NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    category_id BIGINT REFERENCES categories (id),
    amount BIGINT NOT NULL
);
CREATE INDEX customer_category_spend_customer_id ON customer_category_spend (customer_id, category_id);
