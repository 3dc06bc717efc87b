//! Page contexts for tests.

use db::Role;

use crate::i18n::Lang;
use crate::layout::{NavUser, PageCtx};

/// A visitor who is not signed in.
pub fn ctx(lang: Lang) -> PageCtx {
    PageCtx {
        lang,
        user: None,
        csrf_token: "csrf-123".into(),
        flash: None,
    }
}

/// A signed-in user whose name needs escaping, to prove it is.
pub fn signed_in(lang: Lang, role: Role) -> PageCtx {
    PageCtx {
        user: Some(NavUser {
            display_name: "Camille <Martin>".into(),
            role,
        }),
        ..ctx(lang)
    }
}

/// `html`, after checking that no toggled class left an empty `class=""`.
pub fn no_empty_class(html: String) -> String {
    assert!(!html.contains("class=\"\""), "empty class in {html}");
    html
}

/// One tag per line, so a snapshot diff points at the element that changed.
pub fn pretty(html: &str) -> String {
    html.replace("><", ">\n<")
}

/// Goods to render: products, places, movements, suppliers and orders.
pub mod goods {
    use chrono::{NaiveDate, NaiveDateTime};
    use db::{Money, Quantity};
    use inventory::catalogue::categories::Category;
    use inventory::catalogue::{Product, Unit};
    use inventory::purchasing::{Order, OrderLine, OrderStatus};
    use inventory::stock::{Location, Movement, MovementKind};
    use inventory::suppliers::{Supplier, SupplierProduct};
    use inventory::vat::VatRate;

    pub fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 3, day)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .unwrap()
    }

    /// 4,95 € at 5.5 %, bought 2,10 € on average: the awkward margin case.
    /// Three left for a reorder level of five: low.
    pub fn jam() -> Product {
        Product {
            id: 12,
            name: "Confiture d'abricot <bio>".into(),
            barcodes: vec!["3760123456789".into(), "12345".into()],
            price: Money::from_cents(495),
            vat_code: "5.5".into(),
            unit: Unit::Piece,
            category_id: Some(3),
            category: Some("Épicerie > Confitures".into()),
            cost: Some(Money::from_cents(230)),
            average_cost: Some(Money::from_cents(210)),
            reorder_level: Some(Quantity::from_units(5)),
            preferred_supplier_id: Some(4),
            active: true,
            stock: Quantity::from_units(3),
            created_at: at(1, 9, 0),
            updated_at: at(2, 9, 0),
        }
    }

    /// Sold by the kilo, archived, below zero, no barcode, cost or category.
    pub fn cheese() -> Product {
        Product {
            id: 7,
            name: "Comté 18 mois".into(),
            barcodes: vec![],
            price: Money::from_cents(2890),
            vat_code: "5.5".into(),
            unit: Unit::Kg,
            category_id: None,
            category: None,
            cost: None,
            average_cost: None,
            reorder_level: None,
            preferred_supplier_id: None,
            active: false,
            stock: Quantity::from_thousandths(-350),
            created_at: at(1, 9, 0),
            updated_at: at(1, 9, 0),
        }
    }

    pub fn categories() -> Vec<Category> {
        vec![
            Category {
                id: 2,
                name: "Épicerie".into(),
                parent_id: None,
                path: "Épicerie".into(),
            },
            Category {
                id: 3,
                name: "Confitures".into(),
                parent_id: Some(2),
                path: "Épicerie > Confitures".into(),
            },
        ]
    }

    pub fn vat_rates() -> Vec<VatRate> {
        [
            ("20", 2000),
            ("10", 1000),
            ("5.5", 550),
            ("2.1", 210),
            ("0", 0),
        ]
        .into_iter()
        .map(|(code, rate)| VatRate {
            code: code.into(),
            rate,
        })
        .collect()
    }

    pub fn floor() -> Location {
        Location {
            id: 1,
            name: "Magasin".into(),
            is_sales_floor: true,
            active: true,
        }
    }

    pub fn storeroom() -> Location {
        Location {
            id: 2,
            name: "Réserve".into(),
            is_sales_floor: false,
            active: true,
        }
    }

    /// The storeroom first, to prove pages put the sales floor first.
    pub fn locations() -> Vec<Location> {
        vec![storeroom(), floor()]
    }

    pub fn movements() -> Vec<Movement> {
        vec![
            Movement {
                id: 31,
                product_id: 12,
                location_id: 1,
                location: "Magasin".into(),
                quantity: Quantity::from_units(-2),
                kind: MovementKind::Adjustment,
                reason: Some("Pots cassés".into()),
                reference: None,
                unit_cost: None,
                user_id: Some(1),
                at: at(4, 17, 45),
            },
            Movement {
                id: 30,
                product_id: 12,
                location_id: 2,
                location: "Réserve".into(),
                quantity: Quantity::from_units(6),
                kind: MovementKind::Receipt,
                reason: None,
                reference: Some("purchase_order:3".into()),
                unit_cost: Some(Money::from_cents(210)),
                user_id: Some(1),
                at: at(3, 9, 5),
            },
        ]
    }

    pub fn supplier() -> Supplier {
        Supplier {
            id: 4,
            name: "Les Vergers <du Sud>".into(),
            contact_name: Some("Marc Olive".into()),
            email: Some("marc@vergers.example".into()),
            phone: Some("04 90 00 00 00".into()),
            address: Some("Chemin des Abricotiers\n84000 Avignon".into()),
            siret: Some("12345678901234".into()),
            notes: None,
            active: true,
            created_at: at(1, 8, 0),
            updated_at: at(1, 8, 0),
        }
    }

    pub fn old_supplier() -> Supplier {
        Supplier {
            id: 5,
            name: "Ancien grossiste".into(),
            contact_name: None,
            email: None,
            phone: None,
            address: None,
            siret: None,
            notes: Some("Ne livre plus".into()),
            active: false,
            created_at: at(1, 8, 0),
            updated_at: at(1, 8, 0),
        }
    }

    pub fn supplier_catalogue() -> Vec<SupplierProduct> {
        vec![SupplierProduct {
            supplier_id: 4,
            product_id: 12,
            product_name: "Confiture d'abricot <bio>".into(),
            supplier_reference: Some("CONF-AB-370".into()),
            cost: Some(Money::from_cents(210)),
            pack_size: Quantity::from_units(6),
            lead_time_days: Some(3),
        }]
    }

    /// Sent, one line partly received (4 of 6), one not yet (0 of 2,5 kg).
    pub fn order(status: OrderStatus) -> Order {
        Order {
            id: 3,
            supplier_id: 4,
            supplier_name: "Les Vergers <du Sud>".into(),
            status,
            notes: Some("Livrer le matin".into()),
            lines: vec![
                OrderLine {
                    id: 8,
                    product_id: 12,
                    product_name: "Confiture d'abricot <bio>".into(),
                    quantity: Quantity::from_units(6),
                    received: Quantity::from_units(4),
                    unit_cost: Money::from_cents(210),
                },
                OrderLine {
                    id: 9,
                    product_id: 7,
                    product_name: "Comté 18 mois".into(),
                    quantity: Quantity::from_thousandths(2500),
                    received: Quantity::ZERO,
                    unit_cost: Money::from_cents(1633),
                },
            ],
            created_at: at(2, 10, 30),
            sent_at: Some(at(2, 11, 0)),
            updated_at: at(2, 11, 0),
        }
    }
}
