//! Users, sessions, tokens and login throttling, on both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::{TimeDelta, TimeZone, Utc};
use db::accounts::sessions::{self, NewSession};
use db::accounts::throttle::{self, AttemptKind};
use db::accounts::users::{self, NewUser, UserChanges};
use db::accounts::{AccountError, HashedPassword, HashedPin, password, tokens};
use db::{Clock, DbConn, FixedClock, Role};

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap())
}

struct Fixture {
    password: HashedPassword,
    pin: HashedPin,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            password: HashedPassword::new("s3cret-pass").unwrap(),
            pin: HashedPin::new("4321").unwrap(),
        }
    }

    fn user(
        &self,
        conn: &mut DbConn,
        name: &str,
        role: Role,
        clock: &FixedClock,
    ) -> db::accounts::User {
        users::create(
            conn,
            &NewUser {
                username: name,
                display_name: name,
                role,
                password: &self.password,
                pin: Some(&self.pin),
            },
            None,
            clock.now_naive(),
        )
        .unwrap()
    }
}

#[test]
fn users_are_created_found_and_listed() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        let marie = users::create(
            conn,
            &NewUser {
                username: "  Marie.Dupont ",
                display_name: "Marie   Dupont",
                role: Role::Owner,
                password: &fx.password,
                pin: None,
            },
            None,
            clock.now_naive(),
        )
        .unwrap();
        assert_eq!(marie.username, "marie.dupont");
        assert_eq!(marie.display_name, "Marie Dupont");
        assert_eq!(marie.role, Role::Owner);
        assert!(marie.active && !marie.has_pin);
        assert_eq!(marie.created_at, clock.now_naive());
        assert_eq!(
            users::find_by_username(conn, "MARIE.DUPONT").unwrap(),
            Some(marie.clone())
        );
        assert_eq!(users::count(conn).unwrap(), 1);
        let (_, hash, pin) = users::credentials(conn, "marie.dupont").unwrap().unwrap();
        assert!(password::verify("s3cret-pass", Some(&hash)));
        assert!(pin.is_none());
        let trail = db::audit::for_entity(conn, "user", &marie.id.to_string()).unwrap();
        assert_eq!(trail.len(), 1);
        assert_eq!(trail[0].action, "user.create");
    });
}

#[test]
fn bad_user_input_is_refused_and_nothing_is_written() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        fx.user(conn, "paul", Role::Cashier, &clock);
        let attempt = |conn: &mut DbConn, username: &str, display_name: &str| {
            users::create(
                conn,
                &NewUser {
                    username,
                    display_name,
                    role: Role::Cashier,
                    password: &fx.password,
                    pin: None,
                },
                None,
                clock.now_naive(),
            )
        };
        assert!(matches!(
            attempt(conn, "PAUL", "Paul bis"),
            Err(AccountError::UsernameTaken)
        ));
        assert!(matches!(
            attempt(conn, "p", "P"),
            Err(AccountError::InvalidUsername)
        ));
        assert!(matches!(
            attempt(conn, "jean dupont", "J"),
            Err(AccountError::InvalidUsername)
        ));
        assert!(matches!(
            attempt(conn, "émile", "É"),
            Err(AccountError::InvalidUsername)
        ));
        assert!(matches!(
            attempt(conn, "jean", "   "),
            Err(AccountError::InvalidDisplayName)
        ));
        assert_eq!(users::count(conn).unwrap(), 1);
    });
}

#[test]
fn the_last_active_owner_cannot_be_demoted_or_disabled() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        let owner = fx.user(conn, "owner", Role::Owner, &clock);
        let demote = UserChanges {
            display_name: "Owner",
            role: Role::Manager,
            active: true,
        };
        assert!(matches!(
            users::update(conn, owner.id, &demote, None, clock.now_naive()),
            Err(AccountError::LastOwner)
        ));
        let disable = UserChanges {
            display_name: "Owner",
            role: Role::Owner,
            active: false,
        };
        assert!(matches!(
            users::update(conn, owner.id, &disable, None, clock.now_naive()),
            Err(AccountError::LastOwner)
        ));
        let second = fx.user(conn, "second", Role::Owner, &clock);
        let demoted =
            users::update(conn, owner.id, &demote, Some(second.id), clock.now_naive()).unwrap();
        assert_eq!(demoted.role, Role::Manager);
    });
}

#[test]
fn sessions_live_expire_and_are_revoked() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        let user = fx.user(conn, "anne", Role::Manager, &clock);
        let new = NewSession {
            user_id: user.id,
            via_pin: false,
            ip: Some("127.0.0.1"),
            user_agent: Some("test"),
        };
        let secret = sessions::create(conn, &new, clock.now_naive()).unwrap();
        let found = sessions::find(conn, &secret, clock.now_naive())
            .unwrap()
            .unwrap();
        assert_eq!(found.user.id, user.id);
        assert!(
            sessions::find(conn, "not-the-secret", clock.now_naive())
                .unwrap()
                .is_none()
        );

        // Idle too long: gone. Touched in time: still there.
        clock.advance(sessions::IDLE_TIMEOUT - TimeDelta::minutes(1));
        assert!(found.needs_touch(clock.now_naive()));
        sessions::touch(conn, found.id, clock.now_naive()).unwrap();
        clock.advance(TimeDelta::hours(2));
        assert!(
            sessions::find(conn, &secret, clock.now_naive())
                .unwrap()
                .is_some()
        );
        clock.advance(sessions::IDLE_TIMEOUT);
        assert!(
            sessions::find(conn, &secret, clock.now_naive())
                .unwrap()
                .is_none()
        );

        // A password change logs the user out everywhere.
        let s1 = sessions::create(conn, &new, clock.now_naive()).unwrap();
        let s2 = sessions::create(conn, &new, clock.now_naive()).unwrap();
        let other = HashedPassword::new("another-pass").unwrap();
        users::set_password(conn, user.id, &other, None, clock.now_naive()).unwrap();
        for s in [&s1, &s2] {
            assert!(
                sessions::find(conn, s, clock.now_naive())
                    .unwrap()
                    .is_none()
            );
        }

        // Logout ends one session; disabling the user ends the others.
        let s3 = sessions::create(conn, &new, clock.now_naive()).unwrap();
        let s4 = sessions::create(conn, &new, clock.now_naive()).unwrap();
        sessions::revoke(conn, &s3, clock.now_naive()).unwrap();
        assert!(
            sessions::find(conn, &s3, clock.now_naive())
                .unwrap()
                .is_none()
        );
        assert!(
            sessions::find(conn, &s4, clock.now_naive())
                .unwrap()
                .is_some()
        );
        fx.user(conn, "boss", Role::Owner, &clock);
        let disable = UserChanges {
            display_name: "anne",
            role: Role::Manager,
            active: false,
        };
        users::update(conn, user.id, &disable, None, clock.now_naive()).unwrap();
        assert!(
            sessions::find(conn, &s4, clock.now_naive())
                .unwrap()
                .is_none()
        );
    });
}

#[test]
fn api_tokens_are_stored_hashed_and_die_with_their_user() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        fx.user(conn, "owner", Role::Owner, &clock);
        let user = fx.user(conn, "robot", Role::Manager, &clock);
        let secret = tokens::create(conn, user.id, "caisse 2", clock.now_naive()).unwrap();
        assert!(secret.starts_with(tokens::PREFIX));
        let found = tokens::find(conn, &secret).unwrap().unwrap();
        assert_eq!(found.user.id, user.id);
        assert!(found.needs_mark(clock.now_naive()));
        tokens::mark_used(conn, found.id, clock.now_naive()).unwrap();
        assert!(
            !tokens::find(conn, &secret)
                .unwrap()
                .unwrap()
                .needs_mark(clock.now_naive())
        );
        assert!(tokens::find(conn, "cpt_wrong").unwrap().is_none());
        let disable = UserChanges {
            display_name: "robot",
            role: Role::Manager,
            active: false,
        };
        users::update(conn, user.id, &disable, None, clock.now_naive()).unwrap();
        assert!(tokens::find(conn, &secret).unwrap().is_none());
    });
}

#[test]
fn failed_logins_are_throttled_per_user_and_per_address() {
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        let fail = |conn: &mut DbConn, user: &str, addr: &str, clock: &FixedClock| {
            throttle::record(
                conn,
                AttemptKind::Password,
                user,
                addr,
                false,
                clock.now_naive(),
            )
            .unwrap();
        };
        for _ in 0..throttle::MAX_PER_USER {
            throttle::check(
                conn,
                AttemptKind::Password,
                "marie",
                "10.0.0.1",
                clock.now_naive(),
            )
            .unwrap();
            fail(conn, "marie", "10.0.0.1", &clock);
            clock.advance(TimeDelta::seconds(10));
        }
        let blocked = throttle::check(
            conn,
            AttemptKind::Password,
            "Marie",
            "10.0.0.9",
            clock.now_naive(),
        );
        let Err(AccountError::Throttled { retry_after }) = blocked else {
            panic!("not throttled: {blocked:?}")
        };
        assert!(retry_after.as_secs() > 0 && retry_after.as_secs() <= 15 * 60);
        // PIN attempts are counted apart; another user from elsewhere is not blocked.
        throttle::check(
            conn,
            AttemptKind::Pin,
            "marie",
            "10.0.0.1",
            clock.now_naive(),
        )
        .unwrap();
        throttle::check(
            conn,
            AttemptKind::Password,
            "paul",
            "10.0.0.2",
            clock.now_naive(),
        )
        .unwrap();
        // The window passes.
        clock.advance(throttle::WINDOW);
        throttle::check(
            conn,
            AttemptKind::Password,
            "marie",
            "10.0.0.1",
            clock.now_naive(),
        )
        .unwrap();

        // Per address: many user names from one address.
        for i in 0..throttle::MAX_PER_ADDRESS {
            fail(conn, &format!("guess{i}"), "10.6.6.6", &clock);
        }
        assert!(matches!(
            throttle::check(
                conn,
                AttemptKind::Password,
                "someone",
                "10.6.6.6",
                clock.now_naive()
            ),
            Err(AccountError::Throttled { .. })
        ));

        // A success clears the user's failures.
        for _ in 0..throttle::MAX_PER_USER - 1 {
            fail(conn, "lea", "10.0.0.3", &clock);
        }
        throttle::record(
            conn,
            AttemptKind::Password,
            "lea",
            "10.0.0.3",
            true,
            clock.now_naive(),
        )
        .unwrap();
        fail(conn, "lea", "10.0.0.3", &clock);
        throttle::check(
            conn,
            AttemptKind::Password,
            "lea",
            "10.0.0.3",
            clock.now_naive(),
        )
        .unwrap();
    });
}

#[test]
fn pins_are_set_removed_and_listed_for_the_till() {
    let fx = Fixture::new();
    db::testing::each_conn(|conn, _| {
        let clock = clock();
        let user = fx.user(conn, "zoe", Role::Cashier, &clock);
        assert_eq!(users::with_pin(conn).unwrap().len(), 1);
        users::set_pin(conn, user.id, None, None, clock.now_naive()).unwrap();
        assert!(users::with_pin(conn).unwrap().is_empty());
        assert!(!users::get(conn, user.id).unwrap().has_pin);
        assert!(matches!(
            users::get(conn, db::ids::UserId(9999)),
            Err(AccountError::NotFound)
        ));
    });
}
