-- The catalogue (VAT rates, categories, products and their barcodes), stock
-- (locations, a ledger of movements and the levels they sum to), suppliers and
-- purchasing (orders, goods receipts), stocktakes.

CREATE TABLE vat_rates (
    id INTEGER PRIMARY KEY NOT NULL,
    -- The rate as written on receipts and in the API: '20', '10', '5.5', '2.1', '0'.
    code TEXT NOT NULL,
    -- Hundredths of a percent: 20 % = 2000, 5.5 % = 550.
    rate BIGINT NOT NULL CHECK (rate >= 0 AND rate < 10000),
    valid_from DATE NOT NULL,
    valid_to DATE,
    UNIQUE (code, valid_from)
);
INSERT INTO vat_rates (code, rate, valid_from) VALUES
    ('20', 2000, '2014-01-01'),
    ('10', 1000, '2014-01-01'),
    ('5.5', 550, '2014-01-01'),
    ('2.1', 210, '2014-01-01'),
    ('0', 0, '2014-01-01');

CREATE TABLE categories (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    parent_id BIGINT REFERENCES categories (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX categories_parent_id ON categories (parent_id);

CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    contact_name TEXT,
    email TEXT,
    phone TEXT,
    address TEXT,
    siret TEXT,
    notes TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    -- Lower-case, accents removed: what instant search matches.
    search_text TEXT NOT NULL,
    category_id BIGINT REFERENCES categories (id),
    -- Selling price, VAT included, in cents.
    price BIGINT NOT NULL CHECK (price >= 0),
    vat_code TEXT NOT NULL,
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'kg', 'l', 'm')),
    -- The cost the owner entered, and the weighted average cost of what came in.
    cost BIGINT CHECK (cost >= 0),
    average_cost BIGINT,
    -- Thousandths of the unit, like every quantity.
    reorder_level BIGINT,
    preferred_supplier_id BIGINT REFERENCES suppliers (id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX products_search_text ON products (search_text);
CREATE INDEX products_category_id ON products (category_id);

CREATE TABLE barcodes (
    id INTEGER PRIMARY KEY NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    code TEXT NOT NULL UNIQUE,
    symbology TEXT NOT NULL CHECK (symbology IN ('ean13', 'ean8', 'upca', 'internal'))
);
CREATE INDEX barcodes_product_id ON barcodes (product_id);

CREATE TABLE locations (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    -- Where the till takes the goods it sells from.
    is_sales_floor BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO locations (name, is_sales_floor, created_at) VALUES
    ('Magasin', 1, CURRENT_TIMESTAMP),
    ('Réserve', 0, CURRENT_TIMESTAMP);

-- The level per product and location: the sum of its movements, kept in the
-- movement's transaction. A row exists for every product and location.
CREATE TABLE stock_levels (
    product_id BIGINT NOT NULL REFERENCES products (id),
    location_id BIGINT NOT NULL REFERENCES locations (id),
    quantity BIGINT NOT NULL,
    PRIMARY KEY (product_id, location_id)
);

CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    location_id BIGINT NOT NULL REFERENCES locations (id),
    -- Signed thousandths: positive in, negative out.
    quantity BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return', 'receipt', 'adjustment', 'stocktake', 'transfer')),
    reason TEXT,
    -- What caused it: 'purchase_order:12', 'sale:…', 'stocktake:3', 'transfer:5'.
    reference TEXT,
    unit_cost BIGINT,
    user_id BIGINT REFERENCES users (id),
    at TIMESTAMP NOT NULL
);
CREATE INDEX stock_movements_product_at ON stock_movements (product_id, at);

CREATE TABLE supplier_products (
    id INTEGER PRIMARY KEY NOT NULL,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    supplier_reference TEXT,
    cost BIGINT CHECK (cost >= 0),
    pack_size BIGINT NOT NULL DEFAULT 1000 CHECK (pack_size > 0),
    lead_time_days BIGINT,
    UNIQUE (supplier_id, product_id)
);
CREATE INDEX supplier_products_product_id ON supplier_products (product_id);

CREATE TABLE purchase_orders (
    id INTEGER PRIMARY KEY NOT NULL,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partial', 'received', 'cancelled')),
    notes TEXT,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX purchase_orders_supplier_id ON purchase_orders (supplier_id);

CREATE TABLE purchase_order_lines (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES purchase_orders (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    received BIGINT NOT NULL DEFAULT 0,
    unit_cost BIGINT NOT NULL CHECK (unit_cost >= 0)
);
CREATE INDEX purchase_order_lines_order_id ON purchase_order_lines (order_id);

CREATE TABLE goods_receipts (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT REFERENCES purchase_orders (id),
    location_id BIGINT NOT NULL REFERENCES locations (id),
    received_by BIGINT REFERENCES users (id),
    at TIMESTAMP NOT NULL,
    notes TEXT
);

CREATE TABLE goods_receipt_lines (
    id INTEGER PRIMARY KEY NOT NULL,
    receipt_id BIGINT NOT NULL REFERENCES goods_receipts (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity BIGINT NOT NULL,
    unit_cost BIGINT NOT NULL
);
CREATE INDEX goods_receipt_lines_receipt_id ON goods_receipt_lines (receipt_id);

CREATE TABLE stocktakes (
    id INTEGER PRIMARY KEY NOT NULL,
    location_id BIGINT NOT NULL REFERENCES locations (id),
    category_id BIGINT REFERENCES categories (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'validated', 'cancelled')),
    opened_by BIGINT REFERENCES users (id),
    opened_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);

CREATE TABLE stocktake_lines (
    id INTEGER PRIMARY KEY NOT NULL,
    stocktake_id BIGINT NOT NULL REFERENCES stocktakes (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    -- The level when the count opened, and what was counted (NULL: not yet).
    expected BIGINT NOT NULL,
    counted BIGINT,
    UNIQUE (stocktake_id, product_id)
);
