-- What customers ask for by e-mail, outside the till: an enrolment from the
-- public form waiting for its confirmation (double opt-in), a one-time link to
-- their account page, and the short session that link opens. The secret sent by
-- e-mail (or kept in the cookie) is never stored, only its SHA-256. The rows of
-- the last hour also count the requests per address and per e-mail address.
CREATE TABLE customer_requests (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('enrolment', 'account_link', 'account_session')),
    token_hash TEXT NOT NULL UNIQUE,
    -- Lower-cased: where the link was (or would have been) sent.
    email TEXT NOT NULL,
    -- The account's customer; for an enrolment, the fiche its confirmation made.
    customer_id BIGINT REFERENCES customers (id),
    -- An enrolment's form as typed (JSON), wiped once confirmed or expired.
    form TEXT,
    -- The network address that asked.
    address TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX customer_requests_address ON customer_requests (address, created_at);
CREATE INDEX customer_requests_email ON customer_requests (email, created_at);
CREATE INDEX customer_requests_created_at ON customer_requests (created_at);
CREATE INDEX customer_requests_customer_id ON customer_requests (customer_id);
