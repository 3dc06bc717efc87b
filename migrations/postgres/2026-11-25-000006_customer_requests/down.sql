DROP TABLE customer_requests;
