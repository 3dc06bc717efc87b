//! The customer file in and out from the pages, over HTTP on both backends:
//! the import page's report (refused lines, likely duplicates linked to their
//! fiche), the files it refuses without writing anything, the CSV and vCard
//! exports (live fiches only, audited), and the cashier kept out.

use chrono::{NaiveDate, Utc};
use comptoir_e2e::{TestServer, WebClient, csrf_in, servers};
use customers::{fiche, gdpr, merge};
use db::Role;
use reqwest::StatusCode;

/// A spreadsheet under 8 MB is read; one byte more is not.
const MAX_FILE: usize = 8 * 1024 * 1024;

/// The body with French no-break spaces made plain for matching.
async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap_or_default().replace('\u{a0}', " ")
}

fn live_customers(server: &TestServer) -> Vec<customers::Customer> {
    server
        .db
        .read(customers::import::live_customers)
        .unwrap_or_else(|e| panic!("[{}] {e}", server.label()))
}

fn audit_count(server: &TestServer, action: &str) -> i64 {
    server
        .db
        .read(|conn| db::testing::audit_count(conn, action))
        .unwrap_or_else(|e| panic!("[{}] {e}", server.label()))
}

/// What is sent, with which CSRF field, and the status and words expected.
type Refusal<'a> = (&'a str, Option<&'a str>, Vec<u8>, StatusCode, &'a str);

/// Posts `bytes` as the import page's file, with `csrf` unless `None`.
async fn upload(
    client: &WebClient,
    server: &TestServer,
    csrf: Option<&str>,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("clients.csv");
    let mut form = reqwest::multipart::Form::new();
    if let Some(csrf) = csrf {
        form = form.text("_csrf", csrf.to_owned());
    }
    client
        .http
        .post(server.at("/customers/import"))
        .multipart(form.part("file", part))
        .send()
        .await
        .unwrap_or_else(|e| panic!("[{}] upload: {e}", server.label()))
}

/// The CSRF token of the import page, as a browser would send it back.
async fn import_csrf(client: &WebClient) -> String {
    let (status, page) = client.page("/customers/import").await;
    assert_eq!(status, StatusCode::OK);
    csrf_in(&page).unwrap_or_else(|| panic!("no CSRF field on the import page"))
}

/// The `<tr>` of `table_id` whose first cell is `line`.
fn row_of(page: &str, table_id: &str, line: u64) -> String {
    let table = page
        .find(&format!("id=\"{table_id}\""))
        .map(|at| &page[at..])
        .unwrap_or_else(|| panic!("no table {table_id} in {page}"));
    let table = &table[..table.find("</table>").unwrap_or(table.len())];
    let cell = format!("<td class=\"num\">{line}</td>");
    let at = table
        .find(&cell)
        .unwrap_or_else(|| panic!("line {line} not in {table_id}: {table}"));
    let row = &table[at..];
    row[..row.find("</tr>").unwrap_or(row.len())].to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_keeps_the_good_lines_and_lists_the_refused_and_the_duplicates() {
    for server in servers() {
        let label = server.label();
        let manager_user = server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let marc = server
            .db
            .write(|conn| {
                let mut new = customers::testing::new_customer("Marc", "Lefèvre");
                new.email = Some("marc@example.fr".into());
                fiche::create(conn, &new, None, server.clock.now_naive())
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let (_, list) = manager.page("/customers").await;
        assert!(
            list.contains("href=\"/customers/import\""),
            "[{label}] linked from the list"
        );
        let created_before = audit_count(&server, "customer.create");

        let file = "\u{feff}Prénom;Nom;E-mail;Téléphone;Code postal;Ville\r\n\
             Hélène;Dupont;helene@example.fr;06 12 34 56 78;21000;Dijon\r\n\
             Paul;Martin;paul@;;;\r\n\
             Zoé;Roux;;06 12 AB;;\r\n\
             Léa;Petit;lea@example.fr;;2100;Dijon\r\n\
             Jean;;jean@example.fr;;;\r\n\
             Hélène;Dupond;HELENE@example.fr;;;\r\n\
             Marc;Lefebvre;marc@example.fr;;;\r\n\
             Anne;Moreau;anne@example.fr;0698765432;75011;Paris\r\n";
        let csrf = import_csrf(&manager).await;
        let r = upload(&manager, &server, Some(&csrf), file.as_bytes().to_vec()).await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        let page = text(r).await;
        assert!(
            page.contains("2 client(s) créé(s), 6 ligne(s) refusée(s)."),
            "[{label}] {page}"
        );
        for (line, reason) in [
            (3, "Adresse e-mail invalide : « paul@ »."),
            (4, "Numéro de téléphone invalide : « 06 12 AB »"),
            (
                5,
                "Code postal invalide « 2100 » : cinq chiffres en France.",
            ),
            (6, "Un client a un nom de famille ou une société."),
        ] {
            let row = row_of(&page, "import-rejected", line);
            assert!(row.contains(reason), "[{label}] line {line}: {row}");
        }
        let good = live_customers(&server);
        let helene = good
            .iter()
            .find(|c| c.last_name.as_deref() == Some("Dupont"))
            .unwrap_or_else(|| panic!("[{label}] Hélène not imported"));
        let row = row_of(&page, "import-duplicates", 7);
        assert!(
            row.contains("même e-mail qu’à la ligne 2 (doublon probable)"),
            "[{label}] {row}"
        );
        assert!(
            row.contains(&format!(
                "<a href=\"/customers/{}\">Hélène Dupont</a>",
                helene.id
            )),
            "[{label}] the fiche line 2 made: {row}"
        );
        let row = row_of(&page, "import-duplicates", 8);
        assert!(
            row.contains(&format!(
                "même e-mail que le client n° {}, déjà dans le fichier",
                marc.id
            )),
            "[{label}] {row}"
        );
        assert!(
            row.contains(&format!(
                "<a href=\"/customers/{}\">Marc Lefèvre</a>",
                marc.id
            )),
            "[{label}] the fiche on file: {row}"
        );

        // The good lines are in the base, as the command line would file them.
        let mut names: Vec<String> = good.iter().map(customers::Customer::display_name).collect();
        names.sort();
        assert_eq!(
            names,
            ["Anne Moreau", "Hélène Dupont", "Marc Lefèvre"],
            "[{label}]"
        );
        assert_eq!(helene.source, "import", "[{label}]");
        assert_eq!(helene.phone.as_deref(), Some("+33612345678"), "[{label}]");
        // Audited like the command line's import: each creation, here with
        // the user who sent the file.
        assert_eq!(
            audit_count(&server, "customer.create"),
            created_before + 2,
            "[{label}]"
        );
        let trail = server
            .db
            .read(|conn| db::audit::for_entity(conn, "customer", &helene.id.to_string()))
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let created = trail
            .iter()
            .find(|r| r.action == "customer.create")
            .unwrap_or_else(|| panic!("[{label}] no creation in {trail:?}"));
        assert_eq!(
            created.user_id,
            Some(i64::from(manager_user.id)),
            "[{label}]"
        );
        assert_eq!(
            created.detail.as_deref(),
            Some("source=import"),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn files_the_page_refuses_write_nothing_and_say_why_in_french() {
    for server in servers() {
        let label = server.label();
        server.add_user("patron", Role::Owner, "password-o", None);
        let owner = WebClient::new(&server.url);
        owner.login("patron", "password-o").await;
        let csrf = import_csrf(&owner).await;
        let good = "Nom;Prénom\nDupont;Hélène\n".as_bytes().to_vec();
        let mut too_big = "Nom\n".as_bytes().to_vec();
        too_big.resize(MAX_FILE + 1, b'a');

        let refusals: [Refusal<'_>; 7] = [
            (
                "not a CSV",
                Some(&csrf),
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ce fichier n’est pas un CSV : enregistrez-le depuis le tableur au format « CSV UTF-8 ».",
            ),
            (
                "empty",
                Some(&csrf),
                Vec::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Choisissez un fichier CSV.",
            ),
            (
                "too big",
                Some(&csrf),
                too_big,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Fichier trop volumineux : 8 Mo au plus.",
            ),
            (
                "a misspelt column",
                Some(&csrf),
                "Nom;Prénon\nDupont;Hélène\n".as_bytes().to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "colonne « Prénon » inconnue",
            ),
            (
                "Windows-1252",
                Some(&csrf),
                b"Nom;Ville\nDupont;Sc\xe9aux\n".to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "ligne 2 : le fichier n'est pas en UTF-8",
            ),
            (
                "no CSRF field",
                None,
                good.clone(),
                StatusCode::FORBIDDEN,
                "Le formulaire a expiré ou ne vient pas de Comptoir",
            ),
            (
                "a forged CSRF field",
                Some("forged"),
                good.clone(),
                StatusCode::FORBIDDEN,
                "Le formulaire a expiré ou ne vient pas de Comptoir",
            ),
        ];
        for (what, csrf, bytes, status, words) in refusals {
            let r = upload(&owner, &server, csrf, bytes).await;
            assert_eq!(r.status(), status, "[{label}] {what}");
            let page = text(r).await;
            assert!(page.contains(words), "[{label}] {what}: {page}");
            assert!(
                page.contains("lang=\"fr\""),
                "[{label}] {what}: a French page"
            );
            assert!(live_customers(&server).is_empty(), "[{label}] {what}");
        }
        assert_eq!(audit_count(&server, "customer.create"), 0, "[{label}]");

        // The same file with the page's own token goes in.
        let r = upload(&owner, &server, Some(&csrf), good).await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert_eq!(live_customers(&server).len(), 1, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_hold_the_live_fiches_audited_and_the_cashier_is_kept_out() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        server.add_user("caisse", Role::Cashier, "password-c", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let cashier = WebClient::new(&server.url);
        cashier.login("caisse", "password-c").await;
        let now = server.clock.now_naive();
        server
            .db
            .write(|conn| -> Result<(), customers::CustomerError> {
                let mut helene = customers::testing::new_customer("Hélène", "Dupont");
                helene.email = Some("helene@example.fr".into());
                helene.postcode = Some("21000".into());
                fiche::create(conn, &helene, None, now)?;
                let gone = customers::testing::customer(conn, "Gaston", "Effacé");
                gdpr::anonymise(conn, gone.id, None, now)?;
                let kept = customers::testing::customer(conn, "Zoé", "Roux");
                let twin = customers::testing::customer(conn, "Zoé", "Rouxdoublon");
                merge::merge(conn, kept.id, twin.id, None, now)?;
                Ok(())
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let views_before = audit_count(&server, "customers.view");

        // The cashier: neither the page nor the files.
        for path in [
            "/customers/import",
            "/customers/export.csv",
            "/customers/export.vcf",
        ] {
            assert_eq!(
                cashier.get(path).await.status(),
                StatusCode::FORBIDDEN,
                "[{label}] {path}"
            );
        }
        let (_, account) = cashier.page("/account").await;
        let csrf = csrf_in(&account).unwrap_or_default();
        let r = upload(
            &cashier,
            &server,
            Some(&csrf),
            "Nom\nIntrus\n".as_bytes().to_vec(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}] POST");
        assert_eq!(live_customers(&server).len(), 2, "[{label}]");
        assert_eq!(
            audit_count(&server, "customers.view"),
            views_before,
            "[{label}] nothing went out"
        );

        let (_, list) = manager.page("/customers").await;
        for link in ["/customers/export.csv", "/customers/export.vcf"] {
            assert!(
                list.contains(&format!("href=\"{link}\"")),
                "[{label}] {link}"
            );
        }

        // CSV: the columns the import reads, a dated attachment.
        let r = manager.get("/customers/export.csv").await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert_dated_attachment(&r, "csv", label);
        let bytes = r.bytes().await.unwrap_or_default();
        let table = db::csv_in::read_csv(&bytes).unwrap_or_else(|e| panic!("[{label}] {e}"));
        assert_eq!(
            table.headers,
            customers::import::EXPORT_HEADERS
                .map(str::to_owned)
                .to_vec(),
            "[{label}]"
        );
        assert_eq!(table.rows.len(), 2, "[{label}] {:?}", table.rows);
        let dupont = table
            .rows
            .iter()
            .find(|row| row.get(2) == "Dupont")
            .unwrap_or_else(|| panic!("[{label}] no Dupont in {:?}", table.rows));
        assert_eq!(
            (dupont.get(1), dupont.get(4), dupont.get(9)),
            ("Hélène", "helene@example.fr", "21000"),
            "[{label}]"
        );
        let csv = String::from_utf8_lossy(&bytes);
        assert!(!csv.contains("Effacé"), "[{label}] anonymised: absent");
        assert!(
            !csv.contains("Rouxdoublon"),
            "[{label}] merged away: absent"
        );

        // vCard: the same people, for a contact application.
        let r = manager.get("/customers/export.vcf").await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert_dated_attachment(&r, "vcf", label);
        let vcards = r.text().await.unwrap_or_default();
        assert!(vcards.starts_with("BEGIN:VCARD\r\n"), "[{label}] {vcards}");
        assert_eq!(vcards.matches("BEGIN:VCARD").count(), 2, "[{label}]");
        assert!(vcards.contains("FN:Hélène Dupont\r\n"), "[{label}]");
        assert!(
            vcards.contains("EMAIL;TYPE=INTERNET:helene@example.fr\r\n"),
            "[{label}]"
        );
        assert!(!vcards.contains("Effacé"), "[{label}]");

        // Both downloads are bulk exports in the audit log.
        assert_eq!(
            audit_count(&server, "customers.view"),
            views_before + 2,
            "[{label}]"
        );
    }
}

/// `attachment; filename="clients-YYYY-MM-DD.EXT"`, dated today (in the shop's
/// zone, so within a day of UTC), never cached.
fn assert_dated_attachment(r: &reqwest::Response, extension: &str, label: &str) {
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let disposition = header("content-disposition");
    let day = disposition
        .strip_prefix("attachment; filename=\"clients-")
        .and_then(|rest| rest.strip_suffix(&format!(".{extension}\"")))
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .unwrap_or_else(|| panic!("[{label}] {disposition}"));
    let today = Utc::now().date_naive();
    assert!(
        (day - today).num_days().abs() <= 1,
        "[{label}] {disposition}"
    );
    assert_eq!(header("cache-control"), "no-store", "[{label}]");
}
