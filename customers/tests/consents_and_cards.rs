//! Consents per channel and loyalty cards, on both backends.

use customers::cards::{self, CARD_PREFIX_KEY};
use customers::consents::{self, NewConsent};
use customers::kinds::{Basis, CardStatus, Channel, ConsentSource};
use customers::testing::{customer, days_ago, now, user};
use customers::{CustomerError, gdpr};
use inventory::barcode::{ScaleRules, with_check_digit};

fn consent(channel: Channel, granted: bool, basis: Basis) -> NewConsent {
    NewConsent {
        channel,
        granted,
        basis,
        source: ConsentSource::Till,
        text_shown: Some("J'accepte de recevoir les offres de la boutique.".into()),
    }
}

#[test]
fn consents_are_a_history_whose_latest_row_counts() {
    db::testing::each_conn(|conn, _| {
        let cashier = user(conn, "camille");
        let c = customer(conn, "Hélène", "Dupont");
        let state = consents::current(conn, c.id).unwrap();
        assert!(state.email.is_none() && !state.granted(Channel::Email));

        consents::record(
            conn,
            c.id,
            &consent(Channel::Email, true, Basis::Explicit),
            Some(cashier),
            days_ago(10),
        )
        .unwrap();
        consents::record(
            conn,
            c.id,
            &consent(Channel::Sms, true, Basis::SoftOptIn),
            None,
            days_ago(9),
        )
        .unwrap();
        consents::record(
            conn,
            c.id,
            &consent(Channel::Post, true, Basis::Informed),
            None,
            days_ago(8),
        )
        .unwrap();
        let withdrawn = consents::record(
            conn,
            c.id,
            &consent(Channel::Email, false, Basis::Explicit),
            None,
            now(),
        )
        .unwrap();
        assert!(!withdrawn.granted);

        let state = consents::current(conn, c.id).unwrap();
        assert!(!state.granted(Channel::Email));
        assert!(state.granted(Channel::Sms));
        assert!(state.granted(Channel::Post));
        assert_eq!(state.sms.as_ref().unwrap().basis, "soft_opt_in");
        let history = consents::history(conn, c.id).unwrap();
        assert_eq!(history.len(), 4);
        assert_eq!(history[0].user_id, Some(cashier.0));
        assert_eq!(
            history[0].text_shown.as_deref(),
            Some("J'accepte de recevoir les offres de la boutique.")
        );
        let audit = db::audit::for_entity(conn, "customer", &c.id.to_string()).unwrap();
        assert_eq!(
            audit
                .iter()
                .filter(|a| a.action == "customer.consent")
                .count(),
            4
        );
    });
}

#[test]
fn consent_bases_follow_the_channel() {
    db::testing::each_conn(|conn, _| {
        let c = customer(conn, "Hélène", "Dupont");
        for (channel, basis) in [
            (Channel::Post, Basis::SoftOptIn),
            (Channel::Email, Basis::Informed),
            (Channel::Sms, Basis::Informed),
        ] {
            assert!(matches!(
                consents::record(conn, c.id, &consent(channel, true, basis), None, now()),
                Err(CustomerError::BasisNotAllowed { .. })
            ));
        }
        // A withdrawal is always explicit.
        assert!(matches!(
            consents::record(
                conn,
                c.id,
                &consent(Channel::Sms, false, Basis::SoftOptIn),
                None,
                now()
            ),
            Err(CustomerError::BasisNotAllowed {
                channel: "sms",
                basis: "soft_opt_in"
            })
        ));
        let mut no_text = consent(Channel::Email, true, Basis::Explicit);
        no_text.text_shown = Some("  ".into());
        assert!(matches!(
            consents::record(conn, c.id, &no_text, None, now()),
            Err(CustomerError::ConsentTextMissing)
        ));
        assert!(consents::history(conn, c.id).unwrap().is_empty());
    });
}

#[test]
fn card_numbers_carry_the_prefix_and_a_check_digit() {
    db::testing::each_conn(|conn, _| {
        assert_eq!(cards::prefix(conn).unwrap(), "29");
        let first = cards::next_number(conn, now()).unwrap();
        assert_eq!(first, with_check_digit("290000000001").unwrap());
        let second = cards::next_number(conn, now()).unwrap();
        assert_eq!(second, with_check_digit("290000000002").unwrap());
        // Allocated numbers are on file, active and not handed out.
        let c = customer(conn, "Hélène", "Dupont");
        assert!(cards::customer_by_card(conn, &first).unwrap().is_none());
        cards::assign(conn, &first, c.id, None, now()).unwrap();
        assert_eq!(
            cards::customer_by_card(conn, &format!(" {first}\n"))
                .unwrap()
                .unwrap()
                .id,
            c.id
        );

        // Another prefix, as long as the scales do not print it.
        cards::set_prefix(conn, "27", None, now()).unwrap();
        assert_eq!(
            cards::next_number(conn, now()).unwrap(),
            with_check_digit("270000000001").unwrap()
        );
        for clash in ["21", "22", "23", "24"] {
            assert!(
                matches!(
                    cards::set_prefix(conn, clash, None, now()),
                    Err(CustomerError::CardPrefixClash { .. })
                ),
                "{clash}"
            );
        }
        for bad in ["30", "2", "290", "ab", "19"] {
            assert!(
                matches!(
                    cards::set_prefix(conn, bad, None, now()),
                    Err(CustomerError::InvalidCardPrefix { .. })
                ),
                "{bad}"
            );
        }
        // The scales start printing 27: the card prefix now clashes and no card is numbered.
        ScaleRules::from_lists("21 27", "23")
            .unwrap()
            .save(conn, None, now())
            .unwrap();
        assert!(matches!(
            cards::next_number(conn, now()),
            Err(CustomerError::CardPrefixClash { prefix }) if prefix == "27"
        ));
        db::settings::remove(conn, CARD_PREFIX_KEY).unwrap();
        assert_eq!(cards::prefix(conn).unwrap(), "29");
        assert_eq!(
            cards::next_number(conn, now()).unwrap(),
            with_check_digit("290000000003").unwrap()
        );
    });
}

#[test]
fn pre_printed_cards_are_filed_when_first_scanned() {
    db::testing::each_conn(|conn, _| {
        let helene = customer(conn, "Hélène", "Dupont");
        let paul = customer(conn, "Paul", "Martin");
        let printed = with_check_digit("290000500001").unwrap();
        let card = cards::assign(conn, &printed, helene.id, None, now()).unwrap();
        assert_eq!(
            (card.customer_id, card.status()),
            (Some(helene.id), CardStatus::Active)
        );
        assert_eq!(card.assigned_at, Some(now()));
        // Scanning it again for the same person changes nothing.
        assert_eq!(
            cards::assign(conn, &printed, helene.id, None, now()).unwrap(),
            card
        );
        assert!(matches!(
            cards::assign(conn, &printed, paul.id, None, now()),
            Err(CustomerError::CardTaken { .. })
        ));
        let other = with_check_digit("290000500002").unwrap();
        assert!(matches!(
            cards::assign(conn, &other, helene.id, None, now()),
            Err(CustomerError::HasCard { number }) if number == printed
        ));
        let wrong_digit = format!(
            "{}{}",
            &printed[..12],
            (printed.as_bytes()[12] - b'0' + 1) % 10
        );
        assert!(matches!(
            cards::assign(conn, &wrong_digit, paul.id, None, now()),
            Err(CustomerError::InvalidCardNumber { .. })
        ));
        assert!(matches!(
            cards::assign(conn, "12345", paul.id, None, now()),
            Err(CustomerError::InvalidCardNumber { .. })
        ));
        let foreign = with_check_digit("300000500001").unwrap();
        assert!(matches!(
            cards::assign(conn, &foreign, paul.id, None, now()),
            Err(CustomerError::WrongCardPrefix { .. })
        ));
        assert!(matches!(
            cards::assign(conn, &other, 999_999, None, now()),
            Err(CustomerError::NotFound(999_999))
        ));
        // The next allocated number comes after the pre-printed ones.
        assert_eq!(
            cards::next_number(conn, now()).unwrap(),
            with_check_digit("290000500002").unwrap()
        );
    });
}

#[test]
fn a_replaced_card_stays_on_file_and_no_longer_finds_anyone() {
    db::testing::each_conn(|conn, _| {
        let helene = customer(conn, "Hélène", "Dupont");
        assert!(matches!(
            cards::replace(
                conn,
                helene.id,
                &with_check_digit("290000000009").unwrap(),
                None,
                now()
            ),
            Err(CustomerError::NoCard)
        ));
        let old = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &old, helene.id, None, days_ago(30)).unwrap();
        let new = cards::next_number(conn, now()).unwrap();
        let card = cards::replace(conn, helene.id, &new, None, now()).unwrap();
        assert_eq!(card.number, new);
        assert!(cards::customer_by_card(conn, &old).unwrap().is_none());
        assert_eq!(
            cards::customer_by_card(conn, &new).unwrap().unwrap().id,
            helene.id
        );
        let all = cards::of_customer(conn, helene.id).unwrap();
        assert_eq!(
            all.iter()
                .map(|c| (c.number.clone(), c.status()))
                .collect::<Vec<_>>(),
            vec![
                (old.clone(), CardStatus::Replaced),
                (new.clone(), CardStatus::Active)
            ]
        );
        // A replaced card cannot be handed out again.
        let paul = customer(conn, "Paul", "Martin");
        assert!(matches!(
            cards::assign(conn, &old, paul.id, None, now()),
            Err(CustomerError::CardNotActive {
                status: "replaced",
                ..
            })
        ));
        // Nor given to an anonymised person.
        gdpr::anonymise(conn, paul.id, None, now()).unwrap();
        let spare = cards::next_number(conn, now()).unwrap();
        assert!(matches!(
            cards::assign(conn, &spare, paul.id, None, now()),
            Err(CustomerError::Anonymised(_))
        ));
        assert!(
            cards::customer_by_card(conn, "not a card")
                .unwrap()
                .is_none()
        );
    });
}
