DROP TABLE customer_category_spend;
DROP TABLE points_ledger;
DROP TABLE loyalty_cards;
DROP TABLE customer_consents;
DROP TABLE customers;
