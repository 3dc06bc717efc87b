CREATE INDEX customers_search_text ON customers (search_text);
DROP TABLE customer_search_words;
