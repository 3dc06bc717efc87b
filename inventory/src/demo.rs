//! A believable épicerie fine for `comptoir demo`: a few hundred products with
//! valid EAN-13 barcodes, categories, three suppliers, stock in two locations
//! and some purchase orders. Deterministic, so every demo is the same shop.

use crate::barcode::with_check_digit;
use crate::catalogue::{NewProduct, Unit, products};
use crate::error::{InventoryError, Result};
use crate::purchasing::{self, NewOrderLine, ReceiveLine};
use crate::stock::{locations, movements};
use crate::suppliers::{self, SupplierInput, SupplierTerms};
use chrono::NaiveDateTime;
use db::{DbConn, Money, Quantity};

pub mod bulk;

/// A tiny deterministic generator (no need for cryptographic randomness here).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }
}

/// (category, VAT, unit, name templates × variants, price range in cents)
struct Family {
    category: &'static str,
    vat: &'static str,
    unit: Unit,
    names: &'static [&'static str],
    variants: &'static [&'static str],
    price: (i64, i64),
}

const FAMILIES: &[Family] = &[
    Family {
        category: "Épicerie sucrée > Confitures",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Confiture extra de {}", "Confiture de {} bio"],
        variants: &[
            "fraise",
            "abricot",
            "framboise",
            "myrtille",
            "cerise noire",
            "figue",
            "rhubarbe",
            "mirabelle",
            "orange amère",
            "groseille",
            "quetsche",
            "poire-vanille",
        ],
        price: (390, 790),
    },
    Family {
        category: "Épicerie sucrée > Miels",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Miel de {} 250 g", "Miel de {} 500 g"],
        variants: &[
            "sapin",
            "lavande",
            "acacia",
            "châtaignier",
            "tilleul",
            "bruyère",
            "montagne",
            "tournesol",
        ],
        price: (590, 1690),
    },
    Family {
        category: "Épicerie sucrée > Biscuits",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Sablés {} 150 g", "Galettes {} 200 g", "Palets {} 125 g"],
        variants: &[
            "pur beurre",
            "au caramel",
            "au chocolat",
            "citron",
            "fleur de sel",
            "noisette",
            "sarrasin",
        ],
        price: (290, 650),
    },
    Family {
        category: "Épicerie sucrée > Chocolats",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Tablette chocolat {} 100 g"],
        variants: &[
            "noir 70 %",
            "noir 85 %",
            "au lait",
            "lait noisettes",
            "blanc vanille",
            "noir orange",
            "noir piment",
            "lait caramel",
            "noir gingembre",
            "noir amandes",
        ],
        price: (320, 690),
    },
    Family {
        category: "Épicerie salée > Huiles et vinaigres",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Huile {} 50 cl", "Vinaigre {} 25 cl"],
        variants: &[
            "d'olive de Provence",
            "de noix",
            "de noisette",
            "de colza",
            "de cidre",
            "balsamique",
            "de Xérès",
            "à l'estragon",
        ],
        price: (450, 2490),
    },
    Family {
        category: "Épicerie salée > Condiments",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Moutarde {} 200 g", "Sel {} 250 g", "Poivre {} 50 g"],
        variants: &[
            "à l'ancienne",
            "au miel",
            "à l'estragon",
            "de Guérande",
            "fumé",
            "noir de Kampot",
            "de Timut",
            "aux herbes",
        ],
        price: (250, 1290),
    },
    Family {
        category: "Épicerie salée > Conserves",
        vat: "5.5",
        unit: Unit::Piece,
        names: &[
            "Rillettes de {} 180 g",
            "Sardines {} 115 g",
            "Soupe de {} 75 cl",
        ],
        variants: &[
            "canard",
            "thon",
            "saumon",
            "porc du Mans",
            "poissons",
            "potiron",
            "homard",
            "maquereau",
        ],
        price: (390, 1190),
    },
    Family {
        category: "Épicerie salée > Pâtes et riz",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["{} 500 g"],
        variants: &[
            "Coquillettes artisanales",
            "Tagliatelles aux œufs",
            "Riz de Camargue",
            "Lentilles vertes du Puy",
            "Pois chiches",
            "Farine de sarrasin",
            "Polenta",
            "Quinoa blond",
        ],
        price: (220, 590),
    },
    Family {
        category: "Boissons > Thés et infusions",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Thé {} 100 g", "Infusion {} 50 g"],
        variants: &[
            "vert Sencha",
            "Earl Grey",
            "noir Assam",
            "rooibos vanille",
            "verveine",
            "tilleul-menthe",
            "camomille",
            "fruits rouges",
        ],
        price: (450, 1290),
    },
    Family {
        category: "Boissons > Cafés",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Café {} moulu 250 g", "Café {} en grains 250 g"],
        variants: &["Éthiopie", "Colombie", "Brésil", "Pérou", "Guatemala"],
        price: (590, 1290),
    },
    Family {
        category: "Boissons > Jus et sirops",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["Jus de {} 1 l", "Sirop de {} 50 cl"],
        variants: &[
            "pomme", "poire", "raisin", "orange", "menthe", "cassis", "citron",
        ],
        price: (320, 690),
    },
    Family {
        category: "Boissons > Vins",
        vat: "20",
        unit: Unit::Piece,
        names: &["{} 75 cl"],
        variants: &[
            "Bourgogne Pinot noir",
            "Chablis",
            "Côtes-du-Rhône",
            "Muscadet",
            "Bordeaux supérieur",
            "Sancerre",
            "Crémant de Loire",
            "Cahors",
            "Vouvray",
            "Saint-Émilion",
        ],
        price: (790, 2890),
    },
    Family {
        category: "Boissons > Bières et cidres",
        vat: "20",
        unit: Unit::Piece,
        names: &["{} 33 cl"],
        variants: &[
            "Bière blonde artisanale",
            "Bière ambrée",
            "Bière blanche",
            "IPA",
            "Cidre brut",
            "Cidre doux",
            "Poiré",
        ],
        price: (250, 490),
    },
    Family {
        category: "Crèmerie > Fromages",
        vat: "5.5",
        unit: Unit::Kg,
        names: &["{}"],
        variants: &[
            "Comté 18 mois",
            "Beaufort d'été",
            "Tomme de Savoie",
            "Roquefort",
            "Morbier",
            "Saint-Nectaire",
            "Abondance",
            "Mimolette vieille",
            "Ossau-Iraty",
            "Bleu d'Auvergne",
        ],
        price: (1890, 3990),
    },
    Family {
        category: "Crèmerie > Beurres et crèmes",
        vat: "5.5",
        unit: Unit::Piece,
        names: &["{}"],
        variants: &[
            "Beurre doux 250 g",
            "Beurre demi-sel 250 g",
            "Crème fraîche épaisse 20 cl",
            "Yaourt nature fermier",
            "Faisselle",
        ],
        price: (150, 450),
    },
    Family {
        category: "Maison > Cadeaux",
        vat: "20",
        unit: Unit::Piece,
        names: &["{}"],
        variants: &[
            "Coffret découverte",
            "Panier garni",
            "Carte cadeau illustrée",
            "Torchon brodé",
            "Bougie parfumée",
        ],
        price: (450, 4990),
    },
];

#[derive(Debug, Default)]
pub struct DemoReport {
    pub products: usize,
    pub suppliers: usize,
    pub orders: usize,
}

/// How many products the demo has (for a progress bar).
pub fn product_count() -> u64 {
    FAMILIES
        .iter()
        .map(|f| (f.names.len() * f.variants.len()) as u64)
        .sum()
}

/// Fills an empty catalogue. Refuses when products exist already.
pub fn fill(
    conn: &mut DbConn,
    at: NaiveDateTime,
    progress: &mut dyn FnMut(u64),
) -> Result<DemoReport> {
    if !products::search(
        conn,
        &products::Search {
            include_archived: true,
            limit: 1,
            ..Default::default()
        },
    )?
    .is_empty()
    {
        return Err(InventoryError::Conflict(
            "the catalogue is not empty: the demo fills an empty database".into(),
        ));
    }
    let mut rng = Lcg(2026);
    let supplier_names = [
        (
            "Les Ruchers du Morvan",
            "Claire Bonnot",
            "commandes@ruchers-morvan.fr",
            "03 86 78 12 34",
            "12 route des Ruchers\n58230 Montsauche-les-Settons",
            "41234567800019",
        ),
        (
            "Conserverie de la Côte d'Émeraude",
            "Yann Le Goff",
            "pro@conserverie-emeraude.fr",
            "02 99 56 00 11",
            "4 quai des Corsaires\n35400 Saint-Malo",
            "52345678900024",
        ),
        (
            "Maison Dufour, grossiste en épicerie fine",
            "Sophie Dufour",
            "contact@maison-dufour.fr",
            "04 78 42 10 10",
            "27 rue Mercière\n69002 Lyon",
            "63456789000031",
        ),
    ];
    let mut supplier_ids = Vec::new();
    for (name, contact, email, phone, address, siret) in supplier_names {
        let input = SupplierInput {
            name: name.into(),
            contact_name: Some(contact.into()),
            email: Some(email.into()),
            phone: Some(phone.into()),
            address: Some(address.into()),
            siret: Some(siret.into()),
            notes: None,
        };
        supplier_ids.push(suppliers::create(conn, &input, None, at)?.id);
    }
    let floor = locations::sales_floor(conn)?;
    let storeroom = locations::all(conn)?.into_iter().find(|l| l.id != floor.id);
    let mut created = Vec::new();
    let mut serial: u64 = 1;
    for family in FAMILIES {
        for name in family.names {
            for variant in family.variants {
                let price = rng.between(family.price.0, family.price.1) / 10 * 10;
                let cost = price * rng.between(45, 62) / 100;
                // 376 is a French GS1 prefix; the rest numbers the demo's goods.
                let body = format!("376{:09}", 17_000_000 + serial);
                serial += 1;
                let barcode = with_check_digit(&body)
                    .ok_or_else(|| InventoryError::Conflict("demo barcode".into()))?;
                let supplier = supplier_ids[(serial as usize) % supplier_ids.len()];
                let weighed = family.unit == Unit::Kg;
                let new = NewProduct {
                    name: name.replace("{}", variant),
                    barcodes: vec![barcode],
                    price: Money::from_cents(price),
                    vat_rate: family.vat.into(),
                    unit: Some(family.unit),
                    category: Some(family.category.into()),
                    cost: Some(Money::from_cents(cost)),
                    reorder_level: Some(if weighed {
                        Quantity::from_thousandths(1500)
                    } else {
                        Quantity::from_units(rng.between(3, 8))
                    }),
                    preferred_supplier_id: Some(supplier),
                };
                let product = products::create(conn, &new, None, at)?;
                suppliers::set_terms(
                    conn,
                    supplier,
                    product.id,
                    &SupplierTerms {
                        supplier_reference: Some(format!("REF-{:04}", serial)),
                        cost: Some(Money::from_cents(cost)),
                        pack_size: Some(if weighed {
                            Quantity::from_units(5)
                        } else {
                            Quantity::from_units(6)
                        }),
                        lead_time_days: Some(rng.between(2, 10)),
                    },
                )?;
                let on_floor = if weighed {
                    Quantity::from_thousandths(rng.between(500, 6000))
                } else {
                    Quantity::from_units(rng.between(0, 18))
                };
                let in_store = if weighed {
                    Quantity::ZERO
                } else {
                    Quantity::from_units(rng.between(0, 24))
                };
                for (location, quantity) in [
                    (Some(floor.id), on_floor),
                    (storeroom.as_ref().map(|l| l.id), in_store),
                ] {
                    if let (Some(location), false) = (location, quantity.is_zero()) {
                        movements::record(
                            conn,
                            &movements::NewMovement {
                                product_id: product.id,
                                location_id: location,
                                quantity,
                                kind: movements::MovementKind::Adjustment,
                                reason: Some("stock initial (démo)"),
                                reference: Some("demo"),
                                unit_cost: Some(Money::from_cents(cost)),
                                user_id: None,
                            },
                            at,
                        )?;
                    }
                }
                created.push((product.id, supplier, cost));
                progress(created.len() as u64);
            }
        }
    }
    // Three orders: one received, one sent, one draft.
    let mut orders = 0;
    for (index, supplier) in supplier_ids.iter().enumerate() {
        let lines: Vec<NewOrderLine> = created
            .iter()
            .filter(|(_, s, _)| s == supplier)
            .take(5)
            .map(|(product_id, _, cost)| NewOrderLine {
                product_id: *product_id,
                quantity: Quantity::from_units(6),
                unit_cost: Money::from_cents(*cost),
            })
            .collect();
        let order = purchasing::create_order(
            conn,
            *supplier,
            &lines,
            Some("Commande de démonstration"),
            None,
            at,
        )?;
        orders += 1;
        if index < 2 {
            purchasing::mark_sent(conn, order.id, None, at)?;
        }
        if index == 0 {
            let receive: Vec<ReceiveLine> = lines
                .iter()
                .map(|l| ReceiveLine {
                    product_id: l.product_id,
                    quantity: l.quantity,
                    unit_cost: None,
                })
                .collect();
            purchasing::receive(conn, order.id, &receive, None, None, at)?;
        }
    }
    Ok(DemoReport {
        products: created.len(),
        suppliers: supplier_ids.len(),
        orders,
    })
}
