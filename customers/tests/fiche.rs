//! The fiche: normalisation, each refusal, changes and their audit, and the
//! search as the till and the back office use it, on both backends.

use chrono::NaiveDate;
use customers::fiche::{self, search};
use customers::kinds::{Civility, Language, Source};
use customers::testing::{customer, new_customer, now, user};
use customers::{CustomerChanges, CustomerError, NewCustomer, cards};

fn helene() -> NewCustomer {
    NewCustomer {
        civility: Some(Civility::Mme),
        first_name: "  Hélène ".into(),
        last_name: "Dupont   de la  Tour".into(),
        email: Some(" Helene.Dupont@Exemple.FR ".into()),
        phone: Some("06 12 34 56 78".into()),
        phone2: Some("+44 20 7183 8750".into()),
        address_line1: Some("12 rue des Lilas".into()),
        postcode: Some("69 001".into()),
        city: Some("Lyon".into()),
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 17),
        tags: vec!["VIP".into(), "vip".into(), " fromage ".into()],
        source: Some(Source::Form),
        ..NewCustomer::default()
    }
}

#[test]
fn a_new_fiche_is_normalised() {
    db::testing::each_conn(|conn, _| {
        let c = fiche::create(conn, &helene(), None, now()).unwrap();
        assert_eq!(c.first_name.as_deref(), Some("Hélène"));
        assert_eq!(c.last_name.as_deref(), Some("Dupont de la Tour"));
        assert_eq!(c.email.as_deref(), Some("helene.dupont@exemple.fr"));
        assert_eq!(c.phone.as_deref(), Some("+33612345678"));
        assert_eq!(c.phone2.as_deref(), Some("+442071838750"));
        assert_eq!(c.postcode.as_deref(), Some("69001"));
        assert_eq!(c.country, "FR");
        assert_eq!(c.language, "fr");
        assert_eq!(c.source, "form");
        assert_eq!(c.civility.as_deref(), Some("mme"));
        assert_eq!(c.tag_list(), vec!["VIP", "fromage"]);
        assert_eq!(c.display_name(), "Hélène Dupont de la Tour");
        assert_eq!((c.visits, c.total_spent, c.points), (0, 0, 0));
        assert_eq!(fiche::get(conn, c.id).unwrap(), c);
        let audit = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        assert_eq!(audit[0].action, "customer.create");

        // A company alone is enough; a foreign postcode is free.
        let shop = fiche::create(
            conn,
            &NewCustomer {
                company: Some("Épicerie Fine SARL".into()),
                country: Some("be".into()),
                postcode: Some("1000".into()),
                phone: Some("02 555 12 12".into()),
                ..NewCustomer::default()
            },
            None,
            now(),
        )
        .unwrap();
        assert_eq!(shop.country, "BE");
        assert_eq!(shop.phone.as_deref(), Some("+3225551212"));
        assert_eq!(shop.display_name(), "Épicerie Fine SARL");
    });
}

#[test]
fn each_refusal_names_its_field() {
    db::testing::each_conn(|conn, _| {
        let refused = |conn: &mut db::DbConn, new: NewCustomer| {
            fiche::create(conn, &new, None, now()).unwrap_err()
        };
        assert!(matches!(
            refused(conn, new_customer("Hélène", "  ")),
            CustomerError::MissingName
        ));
        assert!(matches!(
            refused(conn, new_customer("Hélène", &"x".repeat(101))),
            CustomerError::TooLong {
                field: "last_name",
                max: 100
            }
        ));
        assert!(matches!(
            refused(conn, new_customer("Hé\u{7}lène", "Dupont")),
            CustomerError::ControlCharacter {
                field: "first_name"
            }
        ));
        for bad in [
            "helene",
            "a@b",
            "a b@c.fr",
            "@c.fr",
            "a@.fr",
            "a..b@c.fr",
            "a@c.f",
        ] {
            let new = NewCustomer {
                email: Some(bad.into()),
                ..new_customer("Hélène", "Dupont")
            };
            assert!(
                matches!(
                    refused(conn, new),
                    CustomerError::InvalidEmail { field: "email", .. }
                ),
                "{bad}"
            );
        }
        for bad in [
            "12",
            "06 12 34 56 7",
            "06-AB-34-56-78",
            "+33 0 00",
            "+999 123456789",
        ] {
            let new = NewCustomer {
                phone: Some(bad.into()),
                ..new_customer("Hélène", "Dupont")
            };
            assert!(
                matches!(
                    refused(conn, new),
                    CustomerError::InvalidPhone { field: "phone", .. }
                ),
                "{bad}"
            );
        }
        let new = NewCustomer {
            phone2: Some("0000".into()),
            ..new_customer("Hélène", "Dupont")
        };
        assert!(matches!(
            refused(conn, new),
            CustomerError::InvalidPhone {
                field: "phone2",
                ..
            }
        ));
        for bad in ["6900", "690011", "69OO1"] {
            let new = NewCustomer {
                postcode: Some(bad.into()),
                ..new_customer("Hélène", "Dupont")
            };
            assert!(
                matches!(
                    refused(conn, new),
                    CustomerError::InvalidPostcode {
                        field: "postcode",
                        ..
                    }
                ),
                "{bad}"
            );
        }
        let new = NewCustomer {
            country: Some("France".into()),
            ..new_customer("Hélène", "Dupont")
        };
        assert!(matches!(
            refused(conn, new),
            CustomerError::InvalidCountry {
                field: "country",
                ..
            }
        ));
        let new = NewCustomer {
            birth_date: NaiveDate::from_ymd_opt(2030, 1, 1),
            ..new_customer("Hélène", "Dupont")
        };
        assert!(matches!(
            refused(conn, new),
            CustomerError::InvalidBirthDate {
                field: "birth_date",
                ..
            }
        ));
        let new = NewCustomer {
            tags: vec!["a,b".into()],
            ..new_customer("Hélène", "Dupont")
        };
        assert!(matches!(
            refused(conn, new),
            CustomerError::InvalidTag { field: "tags", .. }
        ));
        assert!(matches!(
            Language::parse("de"),
            Err(CustomerError::UnknownValue {
                field: "language",
                ..
            })
        ));
        assert!(fiche::search(conn, "Dupont", 10).unwrap().is_empty());
    });
}

#[test]
fn changes_are_checked_and_audited_by_field_name() {
    db::testing::each_conn(|conn, _| {
        let manager = user(conn, "martin");
        let c = fiche::create(conn, &helene(), None, now()).unwrap();
        let changed = fiche::update(
            conn,
            c.id,
            &CustomerChanges {
                email: Some(String::new()),
                city: Some("Villeurbanne".into()),
                postcode: Some("69100".into()),
                language: Some(Language::En),
                birth_date: Some(None),
                ..CustomerChanges::default()
            },
            Some(manager),
            now(),
        )
        .unwrap();
        assert_eq!(changed.email, None);
        assert_eq!(changed.city.as_deref(), Some("Villeurbanne"));
        assert_eq!(changed.language, "en");
        assert_eq!(changed.birth_date, None);
        assert_eq!(changed.first_name, c.first_name);
        let audit = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        let last = audit.last().unwrap();
        assert_eq!(last.action, "customer.update");
        assert_eq!(last.user_id, Some(manager.0));
        assert_eq!(
            last.detail.as_deref(),
            Some("email,postcode,city,birth_date,language")
        );
        // A refused change writes nothing.
        let err = fiche::update(
            conn,
            c.id,
            &CustomerChanges {
                city: Some("Lyon".into()),
                phone: Some("123".into()),
                ..CustomerChanges::default()
            },
            None,
            now(),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            CustomerError::InvalidPhone { field: "phone", .. }
        ));
        assert_eq!(fiche::get(conn, c.id).unwrap(), changed);
        // Nothing to change: no audit line.
        fiche::update(conn, c.id, &CustomerChanges::default(), None, now()).unwrap();
        let again = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        assert_eq!(again.len(), audit.len());
        assert!(matches!(
            fiche::get(conn, 999_999),
            Err(CustomerError::NotFound(999_999))
        ));
    });
}

#[test]
fn search_ignores_accents_case_and_phone_forms() {
    db::testing::each_conn(|conn, _| {
        let helene = fiche::create(conn, &helene(), None, now()).unwrap();
        let other = customer(conn, "Helena", "Martin");
        let ids =
            |found: Vec<customers::Customer>| found.into_iter().map(|c| c.id).collect::<Vec<_>>();

        assert_eq!(ids(search(conn, "helene", 10).unwrap()), vec![helene.id]);
        assert_eq!(
            ids(search(conn, "HÉLÈNE dupont", 10).unwrap()),
            vec![helene.id]
        );
        assert_eq!(
            ids(search(conn, "hel", 10).unwrap()),
            vec![helene.id, other.id]
        );
        assert_eq!(ids(search(conn, "hel", 1).unwrap()), vec![helene.id]);
        assert_eq!(ids(search(conn, "tour", 10).unwrap()), vec![helene.id]);
        for phone in [
            "06 12 34 56 78",
            "0612345678",
            "+33612345678",
            "+33 6 12 34 56 78",
            "06.12.34.56.78",
            "0033612345678",
        ] {
            assert_eq!(
                ids(search(conn, phone, 10).unwrap()),
                vec![helene.id],
                "{phone}"
            );
        }
        assert_eq!(ids(search(conn, "020 7183", 10).unwrap()), vec![helene.id]);
        assert_eq!(ids(search(conn, "12 34 56", 10).unwrap()), vec![helene.id]);
        assert_eq!(
            ids(search(conn, "HELENE.DUPONT@exemple.fr", 10).unwrap()),
            vec![helene.id]
        );
        assert_eq!(
            ids(search(conn, "exemple.fr", 10).unwrap()),
            vec![helene.id]
        );
        assert_eq!(ids(search(conn, "69001", 10).unwrap()), vec![helene.id]);
        assert!(search(conn, "", 10).unwrap().is_empty());
        assert!(search(conn, "%", 10).unwrap().is_empty());
        assert!(search(conn, "zoé", 10).unwrap().is_empty());

        // By card number, exact.
        let number = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &number, other.id, None, now()).unwrap();
        assert_eq!(ids(search(conn, &number, 10).unwrap()), vec![other.id]);
        assert_eq!(ids(search(conn, &number[..8], 10).unwrap()), vec![other.id]);
    });
}
