CREATE INDEX customers_search_text ON customers USING gin (search_text gin_trgm_ops);
DROP TABLE customer_search_words;
