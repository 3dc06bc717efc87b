//! Duplicates and merges, the GDPR export and erasure, and retention, on both
//! backends.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use chrono::NaiveDateTime;
use customers::consents::{self, NewConsent};
use customers::enrichment::{self, record_sale};
use customers::kinds::{Basis, Channel, ConsentSource};
use customers::merge::{self, DuplicatePair, DuplicateReason};
use customers::testing::{Tickets, customer, days_ago, eur, new_customer, now, user};
use customers::{CustomerError, NewCustomer, SaleFacts, cards, fiche, gdpr, points, retention};
use db::DbConn;
use inventory::catalogue::categories;

fn sale(
    conn: &mut DbConn,
    tickets: &mut Tickets,
    customer: i64,
    total: &str,
    at: NaiveDateTime,
    category: Option<i64>,
) -> i64 {
    let ticket = tickets.ticket(conn, Some(customer), eur(total), None, at);
    record_sale(
        conn,
        &SaleFacts {
            customer_id: customer,
            ticket_id: ticket,
            total: eur(total),
            points_spent: 0,
            categories: vec![(category, eur(total))],
            refund_of: None,
            at,
            user_id: None,
        },
    )
    .unwrap();
    ticket
}

fn yes(channel: Channel) -> NewConsent {
    NewConsent {
        channel,
        granted: true,
        basis: Basis::Explicit,
        source: ConsentSource::Form,
        text_shown: Some("Je souhaite recevoir les offres.".into()),
    }
}

#[test]
fn duplicates_by_email_phone_and_name() {
    db::testing::each_conn(|conn, _| {
        let with = |first: &str,
                    last: &str,
                    email: Option<&str>,
                    phone: Option<&str>,
                    postcode: Option<&str>| NewCustomer {
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            postcode: postcode.map(Into::into),
            ..new_customer(first, last)
        };
        let mut make = |new: NewCustomer| fiche::create(conn, &new, None, now()).unwrap().id;
        let a = make(with("Hélène", "Dupont", Some("h@exemple.fr"), None, None));
        let b = make(with(
            "Helene",
            "DUPONT",
            Some("H@Exemple.fr"),
            Some("0612345678"),
            Some("69001"),
        ));
        let c = make(with(
            "Hugo",
            "Dupont",
            None,
            Some("+33 6 12 34 56 78"),
            Some("69001"),
        ));
        let d = make(with(
            "Paul",
            "Martin",
            Some("paul@exemple.fr"),
            Some("0699999999"),
            Some("75001"),
        ));
        let e = make(with("Pauline", "Martin", None, None, Some("75001")));
        let f = make(with("Paul", "Martin", None, None, Some("75002")));
        let _ = f;
        let found = merge::duplicates(conn, 10).unwrap();
        assert_eq!(
            found,
            vec![
                DuplicatePair {
                    first: a,
                    second: b,
                    reason: DuplicateReason::SameEmail
                },
                DuplicatePair {
                    first: b,
                    second: c,
                    reason: DuplicateReason::SamePhone
                },
                DuplicatePair {
                    first: d,
                    second: e,
                    reason: DuplicateReason::SameNameAndPostcode
                },
            ]
        );
        assert_eq!(merge::duplicates(conn, 2).unwrap().len(), 2);
        // Once merged, a pair is no longer proposed.
        merge::merge(conn, a, b, None, now()).unwrap();
        assert!(
            !merge::duplicates(conn, 10)
                .unwrap()
                .iter()
                .any(|p| p.second == b)
        );
    });
}

#[test]
fn a_merge_keeps_everything() {
    db::testing::each_conn(|conn, _| {
        let manager = user(conn, "martin");
        let mut tickets = Tickets::new(conn, manager);
        let cheese = categories::find_or_create(conn, "Fromages", now()).unwrap();
        let wine = categories::find_or_create(conn, "Vins", now()).unwrap();
        let keep = fiche::create(
            conn,
            &NewCustomer {
                email: Some("helene@exemple.fr".into()),
                notes: Some("Aime le comté.".into()),
                tags: vec!["vip".into()],
                ..new_customer("Hélène", "Dupont")
            },
            None,
            days_ago(100),
        )
        .unwrap();
        let remove = fiche::create(
            conn,
            &NewCustomer {
                email: Some("h.dupont@travail.fr".into()),
                phone: Some("0612345678".into()),
                address_line1: Some("12 rue des Lilas".into()),
                postcode: Some("69001".into()),
                city: Some("Lyon".into()),
                notes: Some("Allergique aux noix.".into()),
                tags: vec!["VIP".into(), "fromage".into()],
                ..new_customer("Helene", "Dupont")
            },
            None,
            days_ago(200),
        )
        .unwrap();
        let keep_card = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &keep_card, keep.id, None, now()).unwrap();
        let remove_card = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &remove_card, remove.id, None, now()).unwrap();
        consents::record(conn, keep.id, &yes(Channel::Email), None, days_ago(50)).unwrap();
        consents::record(conn, remove.id, &yes(Channel::Sms), None, days_ago(40)).unwrap();
        let t1 = sale(
            conn,
            &mut tickets,
            keep.id,
            "20.00",
            days_ago(30),
            Some(cheese),
        );
        let t2 = sale(
            conn,
            &mut tickets,
            remove.id,
            "15.00",
            days_ago(60),
            Some(cheese),
        );
        sale(
            conn,
            &mut tickets,
            remove.id,
            "8.00",
            days_ago(5),
            Some(wine),
        );

        assert!(matches!(
            merge::merge(conn, keep.id, keep.id, None, now()),
            Err(CustomerError::MergeIntoItself)
        ));
        let kept = merge::merge(conn, keep.id, remove.id, Some(manager), now()).unwrap();

        // Fields: the kept ones stay, the empty ones are filled, notes appended.
        assert_eq!(kept.email.as_deref(), Some("helene@exemple.fr"));
        assert_eq!(kept.phone.as_deref(), Some("+33612345678"));
        assert_eq!(
            (kept.postcode.as_deref(), kept.city.as_deref()),
            (Some("69001"), Some("Lyon"))
        );
        let notes = kept.notes.clone().unwrap();
        assert!(notes.starts_with("Aime le comté."), "{notes}");
        assert!(
            notes.contains(&format!("[Fiche n°{} fusionnée le 25/11/2026]", remove.id)),
            "{notes}"
        );
        assert!(notes.contains("Allergique aux noix."), "{notes}");
        assert!(notes.contains("h.dupont@travail.fr"), "{notes}");
        assert_eq!(kept.tag_list(), vec!["vip", "fromage"]);
        assert_eq!(kept.created_at, days_ago(200));
        // Figures summed, points moved through the ledger.
        assert_eq!((kept.visits, kept.total_spent, kept.points), (3, 4300, 43));
        assert_eq!(
            (kept.first_visit, kept.last_visit),
            (Some(days_ago(60)), Some(days_ago(5)))
        );
        let ledger = points::ledger(conn, keep.id).unwrap();
        let last = ledger.last().unwrap();
        assert_eq!(
            (last.delta, last.reason.as_str(), last.balance_after),
            (23, "merge", 43)
        );
        let gone = points::ledger(conn, remove.id).unwrap();
        assert_eq!(
            gone.last().map(|e| (e.delta, e.balance_after)),
            Some((-23, 0))
        );
        let spend = enrichment::spend_by_category(conn, keep.id).unwrap();
        assert_eq!(
            spend
                .iter()
                .map(|s| (s.category_id, s.amount))
                .collect::<Vec<_>>(),
            vec![(Some(cheese), eur("35")), (Some(wine), eur("8"))]
        );
        // Cards and consents moved; both cards find the kept fiche.
        for number in [&keep_card, &remove_card] {
            assert_eq!(
                cards::customer_by_card(conn, number).unwrap().unwrap().id,
                keep.id
            );
        }
        let state = consents::current(conn, keep.id).unwrap();
        assert!(state.granted(Channel::Email) && state.granted(Channel::Sms));
        // The retired fiche points at the kept one and holds nothing personal.
        let retired = fiche::get(conn, remove.id).unwrap();
        assert_eq!(retired.merged_into, Some(keep.id));
        assert_eq!(
            (retired.last_name, retired.email, retired.phone),
            (None, None, None)
        );
        assert_eq!(fiche::resolve(conn, remove.id).unwrap().id, keep.id);
        assert_eq!(
            fiche::search(conn, "dupont", 10)
                .unwrap()
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>(),
            vec![keep.id]
        );
        assert_eq!(
            fiche::search(conn, "0612345678", 10).unwrap()[0].id,
            keep.id
        );
        assert_eq!(enrichment::stats(conn, remove.id).unwrap().visits, 3);
        // Tickets are untouched: the old one still names the retired fiche,
        // and the till's refund of it reaches the kept one.
        let r = tickets.ticket(conn, Some(remove.id), eur("-15.00"), Some(t2), now());
        let out = record_sale(
            conn,
            &SaleFacts {
                customer_id: remove.id,
                ticket_id: r,
                total: eur("-15.00"),
                points_spent: 0,
                categories: vec![(Some(cheese), eur("-15.00"))],
                refund_of: Some(t2),
                at: now(),
                user_id: None,
            },
        )
        .unwrap();
        assert_eq!((out.points_earned, out.points_balance), (-15, 28));
        let _ = t1;
        // A later merge of the retired fiche, or into it, is refused.
        let other = customer(conn, "Paul", "Martin");
        assert!(matches!(
            merge::merge(conn, other.id, remove.id, None, now()),
            Err(CustomerError::Merged { .. })
        ));
        assert!(matches!(
            fiche::update(conn, remove.id, &Default::default(), None, now()),
            Err(CustomerError::Merged { .. })
        ));
        let audit = db::audit::for_entity(conn, "customer", &keep.id.to_string()).unwrap();
        let merged = audit.iter().find(|a| a.action == "customer.merge").unwrap();
        assert_eq!(merged.user_id, Some(manager.0));
    });
}

#[test]
fn export_holds_everything_and_erasure_keeps_the_sales() {
    db::testing::each_conn(|conn, _| {
        let manager = user(conn, "martin");
        let mut tickets = Tickets::new(conn, manager);
        let cheese = categories::find_or_create(conn, "Fromages", now()).unwrap();
        let c = fiche::create(
            conn,
            &NewCustomer {
                email: Some("helene@exemple.fr".into()),
                phone: Some("0612345678".into()),
                postcode: Some("69001".into()),
                notes: Some("Aime le comté.".into()),
                ..new_customer("Hélène", "Dupont")
            },
            None,
            days_ago(10),
        )
        .unwrap();
        let card = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &card, c.id, None, now()).unwrap();
        consents::record(conn, c.id, &yes(Channel::Email), None, days_ago(9)).unwrap();
        let t1 = sale(conn, &mut tickets, c.id, "24.90", days_ago(3), Some(cheese));
        let other = customer(conn, "Paul", "Martin");
        sale(conn, &mut tickets, other.id, "5.00", days_ago(3), None);

        let export = gdpr::export(conn, c.id, Some(manager), now()).unwrap();
        assert_eq!(export["customer"]["first_name"], "Hélène");
        assert_eq!(export["customer"]["email"], "helene@exemple.fr");
        assert_eq!(export["customer"]["phone"], "+33612345678");
        assert!(export["customer"].get("search_text").is_none());
        assert_eq!(export["consents"][0]["channel"], "email");
        assert_eq!(
            export["consents"][0]["text_shown"],
            "Je souhaite recevoir les offres."
        );
        assert_eq!(export["cards"][0]["number"], card.as_str());
        assert_eq!(export["points_ledger"][0]["delta"], 24);
        assert_eq!(export["stats"]["visits"], 1);
        assert_eq!(export["stats"]["total_spent"], "24.90");
        assert_eq!(export["spend_by_category"][0]["name"], "Fromages");
        let sold = export["tickets"].as_array().unwrap();
        assert_eq!(sold.len(), 1);
        assert_eq!(sold[0]["id"], t1);
        assert_eq!(sold[0]["till"], "TST");
        assert_eq!(sold[0]["total"], "24.90");
        assert_eq!(sold[0]["kind"], "sale");
        let audit = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        let exported = audit
            .iter()
            .find(|a| a.action == "customer.export")
            .unwrap();
        assert_eq!(exported.user_id, Some(manager.0));

        let erased = gdpr::anonymise(conn, c.id, Some(manager), now()).unwrap();
        assert_eq!(erased.anonymised_at, Some(now()));
        for field in [
            &erased.first_name,
            &erased.last_name,
            &erased.email,
            &erased.phone,
            &erased.postcode,
            &erased.notes,
            &erased.tags,
        ] {
            assert_eq!(field, &None);
        }
        assert_eq!(erased.display_name(), format!("Client n°{}", c.id));
        // The sales and their figures stay; the card is detached and lost.
        assert_eq!((erased.visits, erased.total_spent), (1, 2490));
        assert!(cards::customer_by_card(conn, &card).unwrap().is_none());
        assert!(cards::of_customer(conn, c.id).unwrap().is_empty());
        let state = consents::current(conn, c.id).unwrap();
        for channel in Channel::ALL {
            let row = state.get(*channel).unwrap();
            assert!(!row.granted);
            assert_eq!(row.source, "erasure");
        }
        assert!(fiche::search(conn, "helene", 10).unwrap().is_empty());
        assert!(fiche::search(conn, "0612345678", 10).unwrap().is_empty());
        let export = gdpr::export(conn, c.id, None, now()).unwrap();
        assert_eq!(export["customer"]["email"], serde_json::Value::Null);
        assert_eq!(export["tickets"].as_array().unwrap().len(), 1);

        assert!(matches!(
            gdpr::anonymise(conn, c.id, None, now()),
            Err(CustomerError::AlreadyAnonymised(id)) if id == c.id
        ));
        assert!(matches!(
            fiche::update(conn, c.id, &Default::default(), None, now()),
            Err(CustomerError::Anonymised(_))
        ));
        assert!(matches!(
            merge::merge(conn, other.id, c.id, None, now()),
            Err(CustomerError::Anonymised(_))
        ));
        let audit = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        assert!(
            audit
                .iter()
                .any(|a| a.action == "customer.erase" && a.user_id == Some(manager.0))
        );
        // A freed card is lost: it cannot be handed out again.
        assert!(matches!(
            cards::assign(conn, &card, other.id, None, now()),
            Err(CustomerError::CardNotActive { status: "lost", .. })
        ));

        gdpr::audit_view(conn, Some(manager), now(), "liste des clients", 2).unwrap();
        use db::schema::audit_log;
        use diesel::prelude::*;
        let views: Vec<(Option<i64>, Option<String>)> = audit_log::table
            .filter(audit_log::action.eq("customers.view"))
            .select((audit_log::user_id, audit_log::detail))
            .load(conn)
            .unwrap();
        assert_eq!(
            views,
            vec![(Some(manager.0), Some("liste des clients (2)".to_owned()))]
        );
    });
}

#[test]
fn stale_fiches_are_listed_and_anonymised() {
    db::testing::each_conn(|conn, _| {
        let manager = user(conn, "martin");
        let mut tickets = Tickets::new(conn, manager);
        let years = |n: i64| days_ago(365 * n + 1);
        let make = |conn: &mut DbConn, first: &str, at: NaiveDateTime| {
            fiche::create(conn, &new_customer(first, "Ancien"), None, at)
                .unwrap()
                .id
        };
        let silent = make(conn, "Silencieux", years(4));
        let buyer = make(conn, "Acheteur", years(4));
        sale(conn, &mut tickets, buyer, "10", days_ago(100), None);
        let old_buyer = make(conn, "Ancien acheteur", years(5));
        sale(conn, &mut tickets, old_buyer, "10", years(4), None);
        let consenting = make(conn, "Consentant", years(4));
        consents::record(conn, consenting, &yes(Channel::Post), None, days_ago(30)).unwrap();
        let recent = make(conn, "Récent", days_ago(30));
        let _ = recent;
        let erased = make(conn, "Effacé", years(4));
        gdpr::anonymise(conn, erased, None, years(4)).unwrap();

        let stale: Vec<i64> = retention::stale(conn, now(), retention::DEFAULT_YEARS)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(stale, vec![silent, old_buyer]);
        assert_eq!(
            retention::stale(conn, now(), 6).unwrap().len(),
            0,
            "nothing is six years old"
        );
        let done = retention::anonymise_stale(conn, now(), 3, Some(manager)).unwrap();
        assert_eq!(done, vec![silent, old_buyer]);
        assert!(fiche::get(conn, silent).unwrap().anonymised_at.is_some());
        assert!(fiche::get(conn, buyer).unwrap().anonymised_at.is_none());
        assert!(retention::stale(conn, now(), 3).unwrap().is_empty());
    });
}
