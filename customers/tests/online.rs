//! Outside the till: the public form confirmed by e-mail, the account page's
//! one-time links and sessions, the unsubscribe link, and the rate limits —
//! on both backends.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use chrono::TimeDelta;
use customers::enrolment::Boxes;
use customers::kinds::{Channel, Source};
use customers::online::join::{self, JoinForm};
use customers::online::{account, limits, unsubscribe};
use customers::testing::{customer, now};
use customers::{CustomerError, cards, consents, fiche, gdpr};
use db::DbConn;
use db::schema::{customer_requests, customers as customers_table};
use diesel::prelude::*;

const HOME: &str = "192.0.2.10";

fn form(email: &str) -> JoinForm {
    JoinForm {
        first_name: "Hélène".into(),
        last_name: "Dupont".into(),
        email: email.into(),
        phone: Some("06 12 34 56 78".into()),
        postcode: Some("75011".into()),
        boxes: Boxes {
            email: true,
            sms: false,
            post: true,
        },
        ..JoinForm::default()
    }
}

fn count_customers(conn: &mut DbConn) -> i64 {
    customers_table::table.count().get_result(conn).unwrap()
}

#[test]
fn an_enrolment_enters_the_file_only_once_confirmed() {
    db::testing::each_conn(|conn, _| {
        let pending = join::request(conn, &form(" Helene@Example.FR "), HOME, now()).unwrap();
        assert_eq!(pending.email, "helene@example.fr");
        assert_eq!(count_customers(conn), 0, "nothing filed before the link");
        // The secret is not stored, only its hash.
        let stored: String = customer_requests::table
            .select(customer_requests::token_hash)
            .first(conn)
            .unwrap();
        assert_ne!(stored, pending.secret);

        let shown = join::pending(conn, &pending.secret, now()).unwrap();
        assert_eq!(shown.first_name, "Hélène");

        let later = now() + TimeDelta::minutes(5);
        let done = join::confirm(conn, &pending.secret, HOME, later).unwrap();
        assert!(!done.existing);
        let c = &done.customer;
        assert_eq!(c.source, Source::Form.as_str());
        assert_eq!(c.email.as_deref(), Some("helene@example.fr"));
        assert_eq!(c.phone.as_deref(), Some("+33612345678"));
        let card = done.card_number.clone().unwrap();
        assert!(card.starts_with("29") && card.len() == 13);
        let current = consents::current(conn, c.id).unwrap();
        assert!(current.granted(Channel::Email) && current.granted(Channel::Post));
        assert!(!current.granted(Channel::Sms));
        let email = current.email.clone().unwrap();
        assert_eq!(email.source, "form");
        assert_eq!(email.at, later, "consent dated when confirmed");
        assert_eq!(
            email.text_shown.as_deref(),
            Some(consents::standard_text(Channel::Email))
        );
        // The session it opened shows that fiche.
        let shown = account::customer_of(conn, &done.session, later).unwrap();
        assert_eq!(shown.id, c.id);
        // The form's copy is forgotten; the link works once.
        let form_left: Option<String> = customer_requests::table
            .filter(customer_requests::kind.eq("enrolment"))
            .select(customer_requests::form)
            .first(conn)
            .unwrap();
        assert_eq!(form_left, None);
        assert!(matches!(
            join::confirm(conn, &pending.secret, HOME, later),
            Err(CustomerError::LinkNotValid)
        ));
        assert_eq!(count_customers(conn), 1);
    });
}

#[test]
fn links_expire_and_unknown_or_tampered_ones_are_refused() {
    db::testing::each_conn(|conn, _| {
        let pending = join::request(conn, &form("a@example.fr"), HOME, now()).unwrap();
        let too_late = now() + join_valid() + TimeDelta::seconds(1);
        for secret in [
            "",
            "nope",
            &format!("{}x", pending.secret),
            &"a".repeat(500),
        ] {
            assert!(
                matches!(
                    join::confirm(conn, secret, HOME, now()),
                    Err(CustomerError::LinkNotValid)
                ),
                "{secret}"
            );
        }
        assert!(matches!(
            join::confirm(conn, &pending.secret, HOME, too_late),
            Err(CustomerError::LinkNotValid)
        ));
        // A later request purges what expired: the form's personal data goes.
        join::request(conn, &form("b@example.fr"), "192.0.2.99", too_late).unwrap();
        let forms: Vec<Option<String>> = customer_requests::table
            .order(customer_requests::id.asc())
            .select(customer_requests::form)
            .load(conn)
            .unwrap();
        assert_eq!(forms.first().cloned().flatten(), None);
        assert!(forms.get(1).cloned().flatten().is_some());
        assert_eq!(count_customers(conn), 0);
    });
}

fn join_valid() -> TimeDelta {
    customers::online::ENROLMENT_VALID
}

/// Whether a refusal is the one a case expects.
type Expected = fn(&CustomerError) -> bool;

#[test]
fn a_bad_form_is_refused_and_nothing_is_kept() {
    db::testing::each_conn(|conn, _| {
        let cases: Vec<(JoinForm, Expected)> = vec![
            (form(""), |e| matches!(e, CustomerError::EmailRequired)),
            (form("pas-un-mail"), |e| {
                matches!(e, CustomerError::InvalidEmail { .. })
            }),
            (
                JoinForm {
                    phone: Some("12".into()),
                    ..form("c@example.fr")
                },
                |e| matches!(e, CustomerError::InvalidPhone { .. }),
            ),
            (
                JoinForm {
                    postcode: Some("7501".into()),
                    ..form("c@example.fr")
                },
                |e| matches!(e, CustomerError::InvalidPostcode { .. }),
            ),
            (
                JoinForm {
                    last_name: " ".into(),
                    ..form("c@example.fr")
                },
                |e| matches!(e, CustomerError::MissingName),
            ),
        ];
        for (bad, expected) in cases {
            let refused = join::request(conn, &bad, HOME, now()).err().unwrap();
            assert!(expected(&refused), "{refused:?}");
        }
        let kept: i64 = customer_requests::table.count().get_result(conn).unwrap();
        assert_eq!(kept, 0);
    });
}

#[test]
fn an_address_already_on_file_gets_the_answers_not_a_second_fiche() {
    db::testing::each_conn(|conn, _| {
        let known = fiche::create(
            conn,
            &customers::NewCustomer {
                email: Some("helene@example.fr".into()),
                ..customers::testing::new_customer("Hélène", "Dupont")
            },
            None,
            now(),
        )
        .unwrap();
        let pending = join::request(conn, &form("helene@example.fr"), HOME, now()).unwrap();
        let done = join::confirm(conn, &pending.secret, HOME, now()).unwrap();
        assert!(done.existing);
        assert_eq!(done.customer.id, known.id);
        assert_eq!(count_customers(conn), 1);
        assert!(
            consents::current(conn, known.id)
                .unwrap()
                .granted(Channel::Email)
        );
        assert!(
            cards::active_card(conn, known.id).unwrap().is_some(),
            "a card given"
        );
    });
}

#[test]
fn requests_are_limited_per_address_per_email_and_in_all() {
    db::testing::each_conn(|conn, _| {
        for i in 0..limits::MAX_PER_ADDRESS {
            join::request(conn, &form(&format!("p{i}@example.fr")), HOME, now()).unwrap();
        }
        let refused = join::request(conn, &form("other@example.fr"), HOME, now());
        let Err(CustomerError::TooManyRequests { retry_after }) = refused else {
            panic!("{refused:?}");
        };
        assert_eq!(retry_after, limits::WINDOW.num_seconds());
        // Another address may; an hour later this one may again.
        join::request(conn, &form("other@example.fr"), "192.0.2.11", now()).unwrap();
        let later = now() + limits::WINDOW + TimeDelta::seconds(1);
        join::request(conn, &form("again@example.fr"), HOME, later).unwrap();

        // Per e-mail address, from several network addresses.
        for i in 0..limits::MAX_PER_EMAIL {
            let from = format!("198.51.100.{i}");
            account::request_links(conn, "target@example.fr", &from, later).unwrap();
        }
        assert!(matches!(
            account::request_links(conn, "TARGET@example.fr", "198.51.100.200", later),
            Err(CustomerError::TooManyRequests { .. })
        ));
        assert_eq!(count_customers(conn), 0);
    });
}

#[test]
fn account_links_open_a_session_once_and_tell_nothing_about_strangers() {
    db::testing::each_conn(|conn, _| {
        let none = account::request_links(conn, "nobody@example.fr", HOME, now()).unwrap();
        assert!(none.is_empty());
        let c = fiche::create(
            conn,
            &customers::NewCustomer {
                email: Some("jeanne@example.fr".into()),
                ..customers::testing::new_customer("Jeanne", "Martin")
            },
            None,
            now(),
        )
        .unwrap();
        let links = account::request_links(conn, "Jeanne@Example.fr", HOME, now()).unwrap();
        assert_eq!(links.len(), 1);
        let link = &links[0].secret;
        account::link_is_live(conn, link, now()).unwrap();
        let session = account::open(conn, link, HOME, now()).unwrap();
        assert!(matches!(
            account::open(conn, link, HOME, now()),
            Err(CustomerError::LinkNotValid)
        ));
        assert_eq!(
            account::customer_of(conn, &session, now()).unwrap().id,
            c.id
        );
        let expired = now() + customers::online::SESSION_VALID + TimeDelta::seconds(1);
        assert!(account::customer_of(conn, &session, expired).is_err());
        account::close(conn, &session, now()).unwrap();
        assert!(account::customer_of(conn, &session, now()).is_err());

        // An erasure ends every session and forgets the requests.
        let links = account::request_links(conn, "jeanne@example.fr", "192.0.2.12", now()).unwrap();
        let session = account::open(conn, &links[0].secret, HOME, now()).unwrap();
        gdpr::anonymise(conn, c.id, None, now()).unwrap();
        assert!(account::customer_of(conn, &session, now()).is_err());
        let left: i64 = customer_requests::table
            .filter(customer_requests::email.eq("jeanne@example.fr"))
            .count()
            .get_result(conn)
            .unwrap();
        assert_eq!(left, 0);
    });
}

#[test]
fn the_unsubscribe_link_withdraws_the_email_consent_only() {
    db::testing::each_conn(|conn, _| {
        let c = customer(conn, "Paul", "Durand");
        customers::enrolment::record_boxes(
            conn,
            c.id,
            Boxes {
                email: true,
                sms: true,
                post: true,
            },
            customers::kinds::ConsentSource::Till,
            None,
            now(),
        )
        .unwrap();
        let token = unsubscribe::token(conn, c.id, now()).unwrap();
        assert_eq!(
            unsubscribe::token(conn, c.id, now()).unwrap(),
            token,
            "stable"
        );
        assert!(token.starts_with(&format!("{}-", c.id)));
        let other = customer(conn, "Anne", "Durand");
        let forged = token.replacen(&c.id.to_string(), &other.id.to_string(), 1);
        for bad in [forged.as_str(), "", "12", "x-y", &format!("{token}00")] {
            assert!(
                matches!(
                    unsubscribe::unsubscribe(conn, bad, now()),
                    Err(CustomerError::LinkNotValid)
                ),
                "{bad}"
            );
        }
        unsubscribe::unsubscribe(conn, &token, now()).unwrap();
        unsubscribe::unsubscribe(conn, &token, now()).unwrap();
        let current = consents::current(conn, c.id).unwrap();
        assert!(!current.granted(Channel::Email));
        assert!(current.granted(Channel::Sms) && current.granted(Channel::Post));
        let withdrawals = consents::history(conn, c.id)
            .unwrap()
            .into_iter()
            .filter(|r| r.channel == "email" && !r.granted)
            .count();
        assert_eq!(withdrawals, 1, "a second click records nothing more");
        assert!(consents::current(conn, other.id).unwrap().email.is_none());
    });
}
