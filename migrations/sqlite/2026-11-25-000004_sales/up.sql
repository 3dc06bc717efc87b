-- The till: shops, tills and their cash sessions, tickets (sales and refunds)
-- with their lines, VAT breakdown and payments, tickets on hold, the event
-- journal and the closures (Z reports). Tickets, events and closures are
-- hash-chained per till; the heads of the chains live on the till's row so a
-- deleted last record is noticed too.

CREATE TABLE shops (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    address_line1 TEXT,
    address_line2 TEXT,
    postcode TEXT,
    city TEXT,
    phone TEXT,
    siret TEXT,
    vat_number TEXT,
    receipt_footer TEXT,
    -- Whether the till prints the receipt: ask the customer (the default, as
    -- French law now wants), always, or never.
    print_mode TEXT NOT NULL DEFAULT 'ask' CHECK (print_mode IN ('ask', 'always', 'never')),
    -- Beyond these a manager's PIN is needed: a discount in hundredths of a
    -- percent, a refund in cents.
    max_discount_percent BIGINT NOT NULL DEFAULT 1000,
    refund_limit BIGINT NOT NULL DEFAULT 5000,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO shops (name, created_at, updated_at) VALUES ('Ma boutique', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

CREATE TABLE tills (
    id INTEGER PRIMARY KEY NOT NULL,
    shop_id BIGINT NOT NULL REFERENCES shops (id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- 'tcp://host:9100' or 'file:/path'; none: the till does not print.
    printer TEXT,
    printer_columns BIGINT NOT NULL DEFAULT 42 CHECK (printer_columns IN (42, 48)),
    drawer_on_cash BOOLEAN NOT NULL DEFAULT TRUE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    -- Heads of the chains: last ticket number and hash, the perpetual grand
    -- total, the last journal event and closure.
    last_number BIGINT NOT NULL DEFAULT 0,
    last_hash TEXT NOT NULL DEFAULT '',
    grand_total BIGINT NOT NULL DEFAULT 0,
    training_last_number BIGINT NOT NULL DEFAULT 0,
    last_event_number BIGINT NOT NULL DEFAULT 0,
    last_event_hash TEXT NOT NULL DEFAULT '',
    last_closure_number BIGINT NOT NULL DEFAULT 0,
    last_closure_hash TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE cash_sessions (
    id INTEGER PRIMARY KEY NOT NULL,
    till_id BIGINT NOT NULL REFERENCES tills (id),
    opened_at TIMESTAMP NOT NULL,
    opened_by BIGINT NOT NULL REFERENCES users (id),
    opening_float BIGINT NOT NULL CHECK (opening_float >= 0),
    closed_at TIMESTAMP,
    closed_by BIGINT REFERENCES users (id),
    expected_cash BIGINT,
    counted_cash BIGINT
);
-- At most one open session per till.
CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions (till_id) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
    id INTEGER PRIMARY KEY NOT NULL,
    session_id BIGINT NOT NULL REFERENCES cash_sessions (id),
    kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    reason TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    at TIMESTAMP NOT NULL
);
CREATE INDEX cash_movements_session_id ON cash_movements (session_id);

CREATE TABLE tickets (
    id INTEGER PRIMARY KEY NOT NULL,
    -- Chosen by the till: posting the same id again returns this ticket.
    uuid TEXT NOT NULL UNIQUE,
    till_id BIGINT NOT NULL REFERENCES tills (id),
    session_id BIGINT NOT NULL REFERENCES cash_sessions (id),
    -- Sequential per till without gaps; training tickets count apart.
    number BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    training BOOLEAN NOT NULL DEFAULT FALSE,
    refund_of BIGINT REFERENCES tickets (id),
    cashier_id BIGINT NOT NULL REFERENCES users (id),
    -- A manager who approved a discount or refund beyond the limits.
    approved_by BIGINT REFERENCES users (id),
    customer_id BIGINT,
    -- Cents, VAT included, signed (negative on a refund).
    discount_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    change_given BIGINT NOT NULL,
    -- The till's perpetual grand total after this ticket.
    grand_total BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (till_id, training, number)
);
CREATE INDEX tickets_session_id ON tickets (session_id);
CREATE INDEX tickets_created_at ON tickets (created_at);
CREATE INDEX tickets_customer_id ON tickets (customer_id);

CREATE TABLE ticket_lines (
    id INTEGER PRIMARY KEY NOT NULL,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    position BIGINT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    -- The product's name and unit when sold.
    label TEXT NOT NULL,
    unit TEXT NOT NULL,
    -- Thousandths, signed (negative on a refund).
    quantity BIGINT NOT NULL,
    unit_price BIGINT NOT NULL,
    vat_code TEXT NOT NULL,
    vat_rate BIGINT NOT NULL,
    -- How the discount was typed ('10 %' → percent 1000; '1,50 €' → amount 150).
    discount_kind TEXT CHECK (discount_kind IN ('percent', 'amount')),
    discount_value BIGINT,
    -- The line's own discount and its share of the ticket's, in cents.
    discount BIGINT NOT NULL,
    ticket_discount BIGINT NOT NULL,
    total BIGINT NOT NULL,
    -- On a refund: the sold line it gives back.
    original_line_id BIGINT REFERENCES ticket_lines (id),
    UNIQUE (ticket_id, position)
);
CREATE INDEX ticket_lines_original_line_id ON ticket_lines (original_line_id);
CREATE INDEX ticket_lines_product_id ON ticket_lines (product_id);

CREATE TABLE ticket_vat (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    vat_rate BIGINT NOT NULL,
    vat_code TEXT NOT NULL,
    base BIGINT NOT NULL,
    tax BIGINT NOT NULL,
    total BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, vat_rate)
);

CREATE TABLE ticket_payments (
    id INTEGER PRIMARY KEY NOT NULL,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    position BIGINT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'cheque', 'voucher', 'loyalty')),
    amount BIGINT NOT NULL,
    -- A voucher's code, a cheque's number.
    reference TEXT,
    UNIQUE (ticket_id, position)
);

-- A basket put aside at the till, taken back later: not a ticket.
CREATE TABLE held_tickets (
    id INTEGER PRIMARY KEY NOT NULL,
    till_id BIGINT NOT NULL REFERENCES tills (id),
    label TEXT NOT NULL,
    -- The basket as the till sent it (JSON).
    basket TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

-- The journal: everything that happens at a till besides tickets (sessions
-- opened and closed, cash in and out, reprints, drawer openings), chained.
CREATE TABLE till_events (
    id INTEGER PRIMARY KEY NOT NULL,
    till_id BIGINT NOT NULL REFERENCES tills (id),
    number BIGINT NOT NULL,
    kind TEXT NOT NULL,
    ticket_id BIGINT REFERENCES tickets (id),
    detail TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    at TIMESTAMP NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (till_id, number)
);
CREATE INDEX till_events_ticket_id ON till_events (ticket_id);

-- Z reports: one per closed cash session, chained.
CREATE TABLE closures (
    id INTEGER PRIMARY KEY NOT NULL,
    till_id BIGINT NOT NULL REFERENCES tills (id),
    session_id BIGINT NOT NULL UNIQUE REFERENCES cash_sessions (id),
    number BIGINT NOT NULL,
    -- The report as computed at closing (JSON).
    report TEXT NOT NULL,
    grand_total BIGINT NOT NULL,
    at TIMESTAMP NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (till_id, number)
);

-- Receipts sent by e-mail at the customer's request. The address serves that
-- receipt only, never marketing.
CREATE TABLE receipt_emails (
    id INTEGER PRIMARY KEY NOT NULL,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    address TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    error TEXT
);
