// @generated automatically by Diesel CLI.

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        action -> Text,
        entity -> Text,
        entity_id -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    barcodes (id) {
        id -> BigInt,
        product_id -> BigInt,
        code -> Text,
        symbology -> Text,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        name -> Text,
        parent_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    goods_receipt_lines (id) {
        id -> BigInt,
        receipt_id -> BigInt,
        product_id -> BigInt,
        quantity -> BigInt,
        unit_cost -> BigInt,
    }
}

diesel::table! {
    goods_receipts (id) {
        id -> BigInt,
        order_id -> Nullable<BigInt>,
        location_id -> BigInt,
        received_by -> Nullable<BigInt>,
        at -> Timestamp,
        notes -> Nullable<Text>,
    }
}

diesel::table! {
    locations (id) {
        id -> BigInt,
        name -> Text,
        is_sales_floor -> Bool,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        username -> Text,
        address -> Text,
        kind -> Text,
        succeeded -> Bool,
        at -> Timestamp,
    }
}

diesel::table! {
    products (id) {
        id -> BigInt,
        name -> Text,
        search_text -> Text,
        category_id -> Nullable<BigInt>,
        price -> BigInt,
        vat_code -> Text,
        unit -> Text,
        cost -> Nullable<BigInt>,
        average_cost -> Nullable<BigInt>,
        reorder_level -> Nullable<BigInt>,
        preferred_supplier_id -> Nullable<BigInt>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    purchase_order_lines (id) {
        id -> BigInt,
        order_id -> BigInt,
        product_id -> BigInt,
        quantity -> BigInt,
        received -> BigInt,
        unit_cost -> BigInt,
    }
}

diesel::table! {
    purchase_orders (id) {
        id -> BigInt,
        supplier_id -> BigInt,
        status -> Text,
        notes -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        via_pin -> Bool,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    stock_levels (product_id, location_id) {
        product_id -> BigInt,
        location_id -> BigInt,
        quantity -> BigInt,
    }
}

diesel::table! {
    stock_movements (id) {
        id -> BigInt,
        product_id -> BigInt,
        location_id -> BigInt,
        quantity -> BigInt,
        kind -> Text,
        reason -> Nullable<Text>,
        reference -> Nullable<Text>,
        unit_cost -> Nullable<BigInt>,
        user_id -> Nullable<BigInt>,
        at -> Timestamp,
    }
}

diesel::table! {
    stocktake_lines (id) {
        id -> BigInt,
        stocktake_id -> BigInt,
        product_id -> BigInt,
        expected -> BigInt,
        counted -> Nullable<BigInt>,
    }
}

diesel::table! {
    stocktakes (id) {
        id -> BigInt,
        location_id -> BigInt,
        category_id -> Nullable<BigInt>,
        status -> Text,
        opened_by -> Nullable<BigInt>,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    supplier_products (id) {
        id -> BigInt,
        supplier_id -> BigInt,
        product_id -> BigInt,
        supplier_reference -> Nullable<Text>,
        cost -> Nullable<BigInt>,
        pack_size -> BigInt,
        lead_time_days -> Nullable<BigInt>,
    }
}

diesel::table! {
    suppliers (id) {
        id -> BigInt,
        name -> Text,
        contact_name -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        address -> Nullable<Text>,
        siret -> Nullable<Text>,
        notes -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        role -> Text,
        password_hash -> Text,
        pin_hash -> Nullable<Text>,
        language -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    vat_rates (id) {
        id -> BigInt,
        code -> Text,
        rate -> BigInt,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(audit_log -> users (user_id));
diesel::joinable!(barcodes -> products (product_id));
diesel::joinable!(goods_receipt_lines -> goods_receipts (receipt_id));
diesel::joinable!(goods_receipt_lines -> products (product_id));
diesel::joinable!(goods_receipts -> locations (location_id));
diesel::joinable!(goods_receipts -> purchase_orders (order_id));
diesel::joinable!(goods_receipts -> users (received_by));
diesel::joinable!(products -> categories (category_id));
diesel::joinable!(products -> suppliers (preferred_supplier_id));
diesel::joinable!(purchase_order_lines -> products (product_id));
diesel::joinable!(purchase_order_lines -> purchase_orders (order_id));
diesel::joinable!(purchase_orders -> suppliers (supplier_id));
diesel::joinable!(purchase_orders -> users (created_by));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(stock_levels -> locations (location_id));
diesel::joinable!(stock_levels -> products (product_id));
diesel::joinable!(stock_movements -> locations (location_id));
diesel::joinable!(stock_movements -> products (product_id));
diesel::joinable!(stock_movements -> users (user_id));
diesel::joinable!(stocktake_lines -> products (product_id));
diesel::joinable!(stocktake_lines -> stocktakes (stocktake_id));
diesel::joinable!(stocktakes -> categories (category_id));
diesel::joinable!(stocktakes -> locations (location_id));
diesel::joinable!(stocktakes -> users (opened_by));
diesel::joinable!(supplier_products -> products (product_id));
diesel::joinable!(supplier_products -> suppliers (supplier_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_tokens,
    audit_log,
    barcodes,
    categories,
    goods_receipt_lines,
    goods_receipts,
    locations,
    login_attempts,
    products,
    purchase_order_lines,
    purchase_orders,
    sessions,
    settings,
    stock_levels,
    stock_movements,
    stocktake_lines,
    stocktakes,
    supplier_products,
    suppliers,
    users,
    vat_rates,
);
