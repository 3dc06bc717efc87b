//! In a real headless Chromium: the owner's first-run setup, a wrong then a
//! right password, logout.

use comptoir_e2e::browser::{Browser, fill, submit, wait_for_text};
use comptoir_e2e::servers;
use db::Role;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn owner_setup_then_wrong_and_right_password_then_logout() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        client.delete_all_cookies().await.ok();

        // First run: the printed address.
        let setup = server.setup_path.clone().unwrap();
        client.goto(&server.at(&setup)).await.unwrap();
        wait_for_text(client, "Créer le compte du propriétaire").await;
        fill(client, "username", "marie").await;
        fill(client, "display_name", "Marie Curie").await;
        fill(client, "password", "radium-1898").await;
        fill(client, "password_confirm", "radium-1898").await;
        submit(client).await;
        let text = wait_for_text(client, "Bienvenue").await;
        assert!(text.contains("Marie Curie"), "[{label}] {text}");
        assert_eq!(client.current_url().await.unwrap().path(), "/", "[{label}]");

        // Logout from the top bar.
        client
            .find(Locator::Css("form[action='/logout'] button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_text(client, "Vous êtes déconnecté").await;
        assert_eq!(
            client.current_url().await.unwrap().path(),
            "/login",
            "[{label}]"
        );

        // Wrong password, then the right one.
        fill(client, "username", "marie").await;
        fill(client, "password", "polonium").await;
        submit(client).await;
        let text = wait_for_text(client, "Identifiant ou mot de passe incorrect").await;
        assert!(!text.contains("Bienvenue"), "[{label}]");
        let typed = client
            .find(Locator::Css("input[name='password']"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            typed.as_deref(),
            Some(""),
            "[{label}] the password is not sent back"
        );
        fill(client, "username", "marie").await;
        fill(client, "password", "radium-1898").await;
        submit(client).await;
        wait_for_text(client, "Tableau de bord").await;
        assert_eq!(client.current_url().await.unwrap().path(), "/", "[{label}]");

        // The setup address is gone.
        client.goto(&server.at(&setup)).await.unwrap();
        wait_for_text(client, "Page introuvable").await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cashier_opens_the_till_with_a_pin() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        client.delete_all_cookies().await.ok();
        server.add_user("owner", Role::Owner, "password-o", None);
        server.add_user("lea", Role::Cashier, "password-l", Some("2580"));
        client.goto(&server.at("/login/pin")).await.unwrap();
        wait_for_text(client, "lea").await;
        // The tile (a label around a radio button) is what a finger presses.
        client
            .find(Locator::XPath(
                "//label[contains(@class, 'tile')][.//input[@value='lea']]",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(client, "pin", "2580").await;
        submit(client).await;
        let text = wait_for_text(client, "Tableau de bord").await;
        assert!(text.contains("lea"), "[{label}] {text}");
    }
    browser.close().await;
}
