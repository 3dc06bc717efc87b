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
    cash_movements (id) {
        id -> BigInt,
        session_id -> BigInt,
        kind -> Text,
        amount -> BigInt,
        reason -> Text,
        user_id -> BigInt,
        at -> Timestamp,
    }
}

diesel::table! {
    cash_sessions (id) {
        id -> BigInt,
        till_id -> BigInt,
        opened_at -> Timestamp,
        opened_by -> BigInt,
        opening_float -> BigInt,
        closed_at -> Nullable<Timestamp>,
        closed_by -> Nullable<BigInt>,
        expected_cash -> Nullable<BigInt>,
        counted_cash -> Nullable<BigInt>,
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
    closures (id) {
        id -> BigInt,
        till_id -> BigInt,
        session_id -> BigInt,
        number -> BigInt,
        report -> Text,
        grand_total -> BigInt,
        at -> Timestamp,
        previous_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    customer_category_spend (id) {
        id -> BigInt,
        customer_id -> BigInt,
        category_id -> Nullable<BigInt>,
        amount -> BigInt,
    }
}

diesel::table! {
    customer_consents (id) {
        id -> BigInt,
        customer_id -> BigInt,
        channel -> Text,
        granted -> Bool,
        basis -> Text,
        source -> Text,
        text_shown -> Nullable<Text>,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    customer_requests (id) {
        id -> BigInt,
        kind -> Text,
        token_hash -> Text,
        email -> Text,
        customer_id -> Nullable<BigInt>,
        form -> Nullable<Text>,
        address -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    customer_search_words (word, sort_key) {
        word -> Text,
        sort_key -> Text,
        customer_id -> BigInt,
    }
}

diesel::table! {
    customers (id) {
        id -> BigInt,
        civility -> Nullable<Text>,
        first_name -> Nullable<Text>,
        last_name -> Nullable<Text>,
        company -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        phone2 -> Nullable<Text>,
        address_line1 -> Nullable<Text>,
        address_line2 -> Nullable<Text>,
        postcode -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Text,
        birth_date -> Nullable<Date>,
        language -> Text,
        notes -> Nullable<Text>,
        tags -> Nullable<Text>,
        source -> Text,
        search_text -> Text,
        match_key -> Nullable<Text>,
        visits -> BigInt,
        total_spent -> BigInt,
        first_visit -> Nullable<Timestamp>,
        last_visit -> Nullable<Timestamp>,
        points -> BigInt,
        anonymised_at -> Nullable<Timestamp>,
        merged_into -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
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
    held_tickets (id) {
        id -> BigInt,
        till_id -> BigInt,
        label -> Text,
        basket -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
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
    loyalty_cards (id) {
        id -> BigInt,
        number -> Text,
        customer_id -> Nullable<BigInt>,
        status -> Text,
        assigned_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    points_ledger (id) {
        id -> BigInt,
        customer_id -> BigInt,
        delta -> BigInt,
        reason -> Text,
        ticket_id -> Nullable<BigInt>,
        balance_after -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
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
    receipt_emails (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        address -> Text,
        requested_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        error -> Nullable<Text>,
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
    shops (id) {
        id -> BigInt,
        name -> Text,
        address_line1 -> Nullable<Text>,
        address_line2 -> Nullable<Text>,
        postcode -> Nullable<Text>,
        city -> Nullable<Text>,
        phone -> Nullable<Text>,
        siret -> Nullable<Text>,
        vat_number -> Nullable<Text>,
        receipt_footer -> Nullable<Text>,
        print_mode -> Text,
        max_discount_percent -> BigInt,
        refund_limit -> BigInt,
        created_at -> Timestamp,
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
    ticket_lines (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        position -> BigInt,
        product_id -> BigInt,
        label -> Text,
        unit -> Text,
        quantity -> BigInt,
        unit_price -> BigInt,
        vat_code -> Text,
        vat_rate -> BigInt,
        discount_kind -> Nullable<Text>,
        discount_value -> Nullable<BigInt>,
        discount -> BigInt,
        ticket_discount -> BigInt,
        total -> BigInt,
        original_line_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    ticket_payments (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        position -> BigInt,
        method -> Text,
        amount -> BigInt,
        reference -> Nullable<Text>,
    }
}

diesel::table! {
    ticket_vat (ticket_id, vat_rate) {
        ticket_id -> BigInt,
        vat_rate -> BigInt,
        vat_code -> Text,
        base -> BigInt,
        tax -> BigInt,
        total -> BigInt,
    }
}

diesel::table! {
    tickets (id) {
        id -> BigInt,
        uuid -> Text,
        till_id -> BigInt,
        session_id -> BigInt,
        number -> BigInt,
        kind -> Text,
        training -> Bool,
        refund_of -> Nullable<BigInt>,
        cashier_id -> BigInt,
        approved_by -> Nullable<BigInt>,
        customer_id -> Nullable<BigInt>,
        discount_total -> BigInt,
        total -> BigInt,
        change_given -> BigInt,
        grand_total -> BigInt,
        created_at -> Timestamp,
        previous_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    till_events (id) {
        id -> BigInt,
        till_id -> BigInt,
        number -> BigInt,
        kind -> Text,
        ticket_id -> Nullable<BigInt>,
        detail -> Text,
        user_id -> Nullable<BigInt>,
        at -> Timestamp,
        previous_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    tills (id) {
        id -> BigInt,
        shop_id -> BigInt,
        code -> Text,
        name -> Text,
        printer -> Nullable<Text>,
        printer_columns -> BigInt,
        drawer_on_cash -> Bool,
        active -> Bool,
        last_number -> BigInt,
        last_hash -> Text,
        grand_total -> BigInt,
        training_last_number -> BigInt,
        last_event_number -> BigInt,
        last_event_hash -> Text,
        last_closure_number -> BigInt,
        last_closure_hash -> Text,
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
diesel::joinable!(cash_movements -> cash_sessions (session_id));
diesel::joinable!(cash_movements -> users (user_id));
diesel::joinable!(cash_sessions -> tills (till_id));
diesel::joinable!(closures -> cash_sessions (session_id));
diesel::joinable!(closures -> tills (till_id));
diesel::joinable!(customer_category_spend -> categories (category_id));
diesel::joinable!(customer_category_spend -> customers (customer_id));
diesel::joinable!(customer_consents -> customers (customer_id));
diesel::joinable!(customer_consents -> users (user_id));
diesel::joinable!(customer_requests -> customers (customer_id));
diesel::joinable!(customer_search_words -> customers (customer_id));
diesel::joinable!(goods_receipt_lines -> goods_receipts (receipt_id));
diesel::joinable!(goods_receipt_lines -> products (product_id));
diesel::joinable!(goods_receipts -> locations (location_id));
diesel::joinable!(goods_receipts -> purchase_orders (order_id));
diesel::joinable!(goods_receipts -> users (received_by));
diesel::joinable!(held_tickets -> tills (till_id));
diesel::joinable!(held_tickets -> users (user_id));
diesel::joinable!(loyalty_cards -> customers (customer_id));
diesel::joinable!(points_ledger -> customers (customer_id));
diesel::joinable!(points_ledger -> tickets (ticket_id));
diesel::joinable!(points_ledger -> users (user_id));
diesel::joinable!(products -> categories (category_id));
diesel::joinable!(products -> suppliers (preferred_supplier_id));
diesel::joinable!(purchase_order_lines -> products (product_id));
diesel::joinable!(purchase_order_lines -> purchase_orders (order_id));
diesel::joinable!(purchase_orders -> suppliers (supplier_id));
diesel::joinable!(purchase_orders -> users (created_by));
diesel::joinable!(receipt_emails -> tickets (ticket_id));
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
diesel::joinable!(ticket_lines -> products (product_id));
diesel::joinable!(ticket_lines -> tickets (ticket_id));
diesel::joinable!(ticket_payments -> tickets (ticket_id));
diesel::joinable!(ticket_vat -> tickets (ticket_id));
diesel::joinable!(tickets -> cash_sessions (session_id));
diesel::joinable!(tickets -> tills (till_id));
diesel::joinable!(till_events -> tickets (ticket_id));
diesel::joinable!(till_events -> tills (till_id));
diesel::joinable!(till_events -> users (user_id));
diesel::joinable!(tills -> shops (shop_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_tokens,
    audit_log,
    barcodes,
    cash_movements,
    cash_sessions,
    categories,
    closures,
    customer_category_spend,
    customer_consents,
    customer_requests,
    customer_search_words,
    customers,
    goods_receipt_lines,
    goods_receipts,
    held_tickets,
    locations,
    login_attempts,
    loyalty_cards,
    points_ledger,
    products,
    purchase_order_lines,
    purchase_orders,
    receipt_emails,
    sessions,
    settings,
    shops,
    stock_levels,
    stock_movements,
    stocktake_lines,
    stocktakes,
    supplier_products,
    suppliers,
    ticket_lines,
    ticket_payments,
    ticket_vat,
    tickets,
    till_events,
    tills,
    users,
    vat_rates,
);
