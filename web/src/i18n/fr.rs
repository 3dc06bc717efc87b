//! French, the reference catalogue. Non-breaking spaces (`\u{a0}`) go before
//! `:`, `;`, `?`, `!` and inside guillemets, as French typography wants.

use super::Msg;

pub(super) fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::SkipToContent => "Aller au contenu",
        Msg::MainNavigation => "Navigation principale",
        Msg::NavDashboard => "Tableau de bord",
        Msg::NavUsers => "Utilisateurs",
        Msg::NavAccount => "Mon compte",
        Msg::Logout => "Se déconnecter",
        Msg::RoleOwner => "Propriétaire",
        Msg::RoleManager => "Gérant",
        Msg::RoleCashier => "Caissier",

        Msg::Optional => "facultatif",
        Msg::FieldUsername => "Identifiant",
        Msg::FieldDisplayName => "Nom affiché",
        Msg::FieldPassword => "Mot de passe",
        Msg::FieldPasswordConfirm => "Confirmer le mot de passe",
        Msg::FieldNewPassword => "Nouveau mot de passe",
        Msg::FieldCurrentPassword => "Mot de passe actuel",
        Msg::FieldRole => "Rôle",
        Msg::FieldPin => "Code PIN",
        Msg::FieldActive => "Compte actif",
        Msg::FieldLanguage => "Langue",
        Msg::ChooseRole => "— Choisir un rôle —",
        Msg::Save => "Enregistrer",

        Msg::SetupTitle => "Créer le compte du propriétaire",
        Msg::SetupIntro => {
            "Cette page ne sert qu’une fois\u{a0}: elle crée le compte du propriétaire, \
             qui ajoutera ensuite les autres utilisateurs."
        }
        Msg::SetupSubmit => "Créer le compte",

        Msg::LoginTitle => "Connexion",
        Msg::LoginSubmit => "Se connecter",
        Msg::LoginPinLink => "Connexion caissier par code PIN",
        Msg::PinLoginTitle => "Connexion par code PIN",
        Msg::PinWho => "Qui êtes-vous\u{a0}?",
        Msg::PinNoCashiers => {
            "Aucun caissier n’a encore de code PIN\u{a0}: connectez-vous avec votre mot de passe."
        }
        Msg::PinBackToLogin => "Connexion par mot de passe",

        Msg::DashboardTitle => "Tableau de bord",
        Msg::Greeting => "Bonjour, {name}",
        Msg::TodayIs => "Nous sommes le {date}.",
        Msg::TillCardTitle => "La caisse",
        Msg::TillCardText => "Vendre, encaisser et imprimer les tickets.",
        Msg::TillCardLink => "Aller à la caisse",
        Msg::UsersCardText => "Créer les comptes, choisir les rôles, définir les codes PIN.",
        Msg::UsersCardLink => "Gérer les utilisateurs",
        Msg::UsersCountOne => "{count} utilisateur",
        Msg::UsersCountOther => "{count} utilisateurs",
        Msg::BackOfficeCardTitle => "Back-office",
        Msg::BackOfficeCardText => "La gestion de la boutique, loin de la caisse.",

        Msg::UsersListTitle => "Liste des utilisateurs",
        Msg::ColName => "Nom",
        Msg::ColStatus => "État",
        Msg::ColLastLogin => "Dernière connexion",
        Msg::ColActions => "Actions",
        Msg::StatusActive => "Actif",
        Msg::StatusDisabled => "Désactivé",
        Msg::Yes => "Oui",
        Msg::No => "Non",
        Msg::Never => "Jamais",
        Msg::Edit => "Modifier",
        Msg::NoUsers => "Aucun utilisateur.",
        Msg::NewUserTitle => "Nouvel utilisateur",
        Msg::PinHint => "Pour se connecter à la caisse sans mot de passe.",
        Msg::CreateUserSubmit => "Créer l’utilisateur",

        Msg::UserEditTitle => "Modifier «\u{a0}{name}\u{a0}»",
        Msg::BackToUsers => "Retour aux utilisateurs",
        Msg::ProfileSection => "Profil",
        Msg::ActiveHint => "Un compte désactivé ne peut plus se connecter.",
        Msg::ResetPasswordSubmit => "Réinitialiser le mot de passe",
        Msg::ResetPasswordNote => {
            "L’utilisateur sera déconnecté partout et devra se reconnecter \
             avec le nouveau mot de passe."
        }
        Msg::PinIsSet => "Un code PIN est défini.",
        Msg::PinIsUnset => "Aucun code PIN n’est défini.",
        Msg::PinEmptyRemoves => "Laisser vide pour supprimer le code PIN.",
        Msg::PinSubmit => "Enregistrer le code PIN",
        Msg::SessionsSection => "Sessions",
        Msg::RevokeSessionsText => {
            "Ferme toutes les sessions ouvertes de cet utilisateur, sur tous ses appareils."
        }
        Msg::RevokeSessionsSubmit => "Déconnecter partout",

        Msg::LanguageBrowser => "Langue du navigateur",
        Msg::LanguageFrench => "Français",
        Msg::LanguageEnglish => "English",
        Msg::ChangePasswordTitle => "Changer le mot de passe",

        Msg::ErrorCode => "Erreur {status}",
        Msg::Error400Title => "Requête invalide",
        Msg::Error400Text => "La demande envoyée n’a pas pu être comprise.",
        Msg::Error403Title => "Accès refusé",
        Msg::Error403Text => "Votre rôle ne permet pas d’ouvrir cette page.",
        Msg::Error404Title => "Page introuvable",
        Msg::Error404Text => "Cette page n’existe pas ou a été déplacée.",
        Msg::Error409Title => "Conflit",
        Msg::Error409Text => "Les données ont changé entre-temps. Rechargez la page et réessayez.",
        Msg::Error422Title => "Données invalides",
        Msg::Error422Text => "Certaines informations envoyées ne sont pas valides.",
        Msg::Error429Title => "Trop de tentatives",
        Msg::Error429Text => "Patientez quelques minutes avant de réessayer.",
        Msg::Error500Title => "Erreur interne",
        Msg::Error500Text => "Rien n’a été perdu\u{a0}: réessayez dans un instant.",
        Msg::ErrorOtherTitle => "Une erreur est survenue",
        Msg::ErrorOtherText => {
            "Réessayez\u{a0}; si le problème persiste, prévenez le responsable de la boutique."
        }
        Msg::BackHome => "Retour à l’accueil",
        Msg::ErrInvalidUsername => {
            "Un identifiant compte de 2 à 32 caractères\u{a0}: lettres minuscules sans accent, chiffres, «\u{a0}.\u{a0}», «\u{a0}-\u{a0}» ou «\u{a0}_\u{a0}»."
        }
        Msg::ErrUsernameTaken => "Cet identifiant est déjà pris.",
        Msg::ErrInvalidDisplayName => "Le nom affiché compte de 1 à 80 caractères.",
        Msg::ErrWeakPassword => "Le mot de passe doit compter au moins 8 caractères (128 au plus).",
        Msg::ErrInvalidPin => "Le code PIN compte de 4 à 8 chiffres.",
        Msg::ErrLastOwner => "La boutique doit garder au moins un propriétaire actif.",
        Msg::ErrThrottled => {
            "Trop de tentatives échouées\u{a0}: réessayez dans {minutes}\u{a0}min."
        }
        Msg::ErrBadCredentials => "Identifiant ou mot de passe incorrect.",
        Msg::ErrBadPin => "Code PIN incorrect.",
        Msg::ErrPasswordsDiffer => "Les deux mots de passe ne sont pas identiques.",
        Msg::ErrCurrentPassword => "Le mot de passe actuel est incorrect.",
        Msg::ErrRoleRequired => "Choisissez un rôle.",
        Msg::ErrCsrf => {
            "Le formulaire a expiré ou ne vient pas de Comptoir\u{a0}: rechargez la page et réessayez."
        }
        Msg::ErrSetupToken => {
            "Adresse de configuration invalide\u{a0}: utilisez celle affichée dans la console au démarrage du serveur."
        }
        Msg::ErrBadForm => "Formulaire incomplet ou mal formé.",
        Msg::ErrBadJson => "Corps JSON invalide\u{a0}: {detail}",
        Msg::ErrBadQuery => "Paramètres invalides\u{a0}: {detail}",
        Msg::ErrUnauthorized => {
            "Authentification requise\u{a0}: envoyez «\u{a0}Authorization: Bearer JETON\u{a0}» avec un jeton valide."
        }
        Msg::ErrForbidden => "Votre rôle ne permet pas cette action.",
        Msg::ErrNotFound => "Introuvable.",
        Msg::ErrInternal => "Erreur interne\u{a0}: rien n’a été enregistré à moitié, réessayez.",
        Msg::ErrUnavailable => "Base de données indisponible, réessayez dans un instant.",
        Msg::NotSetUpYet => {
            "Comptoir n’a pas encore de compte\u{a0}: ouvrez l’adresse de configuration affichée dans la console du serveur pour créer celui du propriétaire."
        }
        Msg::FlashWelcome => "Compte du propriétaire créé. Bienvenue dans Comptoir\u{a0}!",
        Msg::FlashUserCreated => "Utilisateur créé.",
        Msg::FlashUserSaved => "Modifications enregistrées.",
        Msg::FlashPasswordReset => {
            "Mot de passe changé\u{a0}; toutes les sessions de cet utilisateur sont fermées."
        }
        Msg::FlashPinSaved => "Code PIN enregistré.",
        Msg::FlashPinRemoved => "Code PIN supprimé.",
        Msg::FlashSessionsRevoked => "Toutes les sessions de cet utilisateur sont fermées.",
        Msg::FlashLanguageSaved => "Langue enregistrée.",
        Msg::FlashPasswordChanged => "Mot de passe changé. Reconnectez-vous.",
        Msg::FlashLoggedOut => "Vous êtes déconnecté.",
        Msg::NavProducts => "Produits",
        Msg::NavSuppliers => "Fournisseurs",
        Msg::NavOrders => "Commandes",

        Msg::UnitPieceAbbr => "pce",
        Msg::UnitKgAbbr => "kg",
        Msg::UnitLAbbr => "l",
        Msg::UnitMAbbr => "m",
        Msg::UnitPieceWords => "à la pièce",
        Msg::UnitKgWords => "au kilo",
        Msg::UnitLWords => "au litre",
        Msg::UnitMWords => "au mètre",
        Msg::BadgeArchived => "archivé",
        Msg::BadgeLow => "stock bas",
        Msg::MovementSale => "Vente",
        Msg::MovementReturn => "Retour",
        Msg::MovementReceipt => "Réception",
        Msg::MovementAdjustment => "Ajustement",
        Msg::MovementStocktake => "Inventaire",
        Msg::MovementTransfer => "Transfert",
        Msg::OrderStatusDraft => "Brouillon",
        Msg::OrderStatusSent => "Envoyée",
        Msg::OrderStatusPartial => "Reçue en partie",
        Msg::OrderStatusReceived => "Reçue",
        Msg::OrderStatusCancelled => "Annulée",

        Msg::SearchProducts => "Rechercher un produit",
        Msg::SearchPlaceholder => "Nom, code-barres ou catégorie",
        Msg::AllCategories => "Toutes les catégories",
        Msg::LowStockOnly => "Stock bas seulement",
        Msg::SearchSubmit => "Rechercher",
        Msg::NewProduct => "Nouveau produit",
        Msg::ImportProducts => "Importer",
        Msg::ExportProducts => "Exporter (CSV)",
        Msg::ColBarcode => "Code-barres",
        Msg::ColPrice => "Prix TTC",
        Msg::ColVat => "TVA",
        Msg::ColStock => "Stock",
        Msg::ColCost => "Coût HT",
        Msg::ColMargin => "Marge",
        Msg::NoProducts => "Aucun produit",

        Msg::EditProductTitle => "Modifier le produit",
        Msg::FieldName => "Nom",
        Msg::FieldBarcodes => "Codes-barres",
        Msg::BarcodesHint => "Un par ligne\u{a0}; EAN-13, EAN-8, UPC-A ou code interne",
        Msg::FieldPrice => "Prix de vente TTC",
        Msg::PriceHint => "ex. 4,95",
        Msg::FieldVatRate => "Taux de TVA",
        Msg::ChooseVatRate => "— Choisir un taux —",
        Msg::FieldUnit => "Vendu",
        Msg::FieldCategory => "Catégorie",
        Msg::CategoryHint => "ex. Épicerie > Confitures\u{a0}; créée si elle n’existe pas",
        Msg::FieldCost => "Coût d’achat HT",
        Msg::CostHint => "Sert au calcul de la marge tant qu’aucune réception n’a eu lieu.",
        Msg::FieldReorderLevel => "Seuil de réapprovisionnement",
        Msg::ReorderLevelHint => "À ce niveau ou en dessous, le produit est signalé en stock bas.",
        Msg::FieldPreferredSupplier => "Fournisseur habituel",
        Msg::NoSupplierChoice => "— Aucun —",
        Msg::FieldOnSale => "En vente (décoché\u{a0}: archivé)",
        Msg::CreateProductSubmit => "Créer le produit",
        Msg::BackToProducts => "Retour aux produits",
        Msg::BackToProduct => "Retour au produit",

        Msg::FieldPriceExclVat => "Prix HT",
        Msg::FieldAverageCost => "Coût moyen pondéré",
        Msg::StockByLocation => "Stock par emplacement",
        Msg::ColLocation => "Emplacement",
        Msg::ColQuantity => "Quantité",
        Msg::Total => "Total",
        Msg::SalesFloor => "surface de vente",
        Msg::NegativeStockWarning => "Stock négatif\u{a0}: vérifiez le rayon",
        Msg::MovementsTitle => "Mouvements de stock",
        Msg::ColDate => "Date",
        Msg::ColKind => "Type",
        Msg::ColReason => "Motif ou référence",
        Msg::ColUnitCost => "Coût unitaire HT",
        Msg::NoMovements => "Aucun mouvement.",
        Msg::AdjustTitle => "Ajuster le stock",
        Msg::FieldQuantity => "Quantité",
        Msg::AdjustQuantityHint => "ex. -2 pour deux pots cassés",
        Msg::FieldReason => "Raison",
        Msg::FieldLocation => "Emplacement",
        Msg::AdjustSubmit => "Enregistrer l’ajustement",
        Msg::TransferTitle => "Transférer du stock",
        Msg::FieldFromLocation => "Depuis",
        Msg::FieldToLocation => "Vers",
        Msg::TransferSubmit => "Transférer",

        Msg::NoSuppliers => "Aucun fournisseur.",
        Msg::NewSupplierTitle => "Nouveau fournisseur",
        Msg::CreateSupplierSubmit => "Créer le fournisseur",
        Msg::FieldContactName => "Contact",
        Msg::FieldEmail => "E-mail",
        Msg::FieldPhone => "Téléphone",
        Msg::FieldAddress => "Adresse",
        Msg::FieldSiret => "SIRET",
        Msg::SiretHint => "14 chiffres",
        Msg::FieldNotes => "Notes",
        Msg::FieldSupplierActive => "Fournisseur actif",
        Msg::SupplierActiveHint => "Un fournisseur inactif n’est plus proposé pour les commandes.",
        Msg::StatusInactive => "Inactif",
        Msg::BackToSuppliers => "Retour aux fournisseurs",
        Msg::SupplierCardTitle => "Fiche fournisseur",
        Msg::SupplierCatalogueTitle => "Ce qu’il fournit",
        Msg::ColProduct => "Produit",
        Msg::ColReference => "Référence",
        Msg::ColPackSize => "Colisage",
        Msg::ColLeadTime => "Délai",
        Msg::LeadTimeDaysOne => "{count}\u{a0}jour",
        Msg::LeadTimeDaysOther => "{count}\u{a0}jours",
        Msg::NoSupplierProducts => "Aucun produit référencé chez ce fournisseur.",
        Msg::SupplierOrdersTitle => "Ses commandes",

        Msg::OrdersTitle => "Commandes fournisseurs",
        Msg::NoOrders => "Aucune commande.",
        Msg::NewOrder => "Nouvelle commande",
        Msg::ColNumber => "Numéro",
        Msg::ColSupplier => "Fournisseur",
        Msg::ColCreated => "Créée le",
        Msg::ColTotalExclVat => "Total HT",
        Msg::OrderTitle => "Commande {number}",
        Msg::FieldSupplier => "Fournisseur",
        Msg::ChooseSupplier => "— Choisir un fournisseur —",
        Msg::OrderLinesTitle => "Lignes",
        Msg::OrderLinesHint => {
            "Produit\u{a0}: code-barres, nom exact ou numéro (#12). Les lignes vides sont ignorées\u{a0}; \
             sans coût, celui du produit est repris."
        }
        Msg::LineFieldLabel => "{field}, ligne {line}",
        Msg::CreateOrderSubmit => "Créer la commande",
        Msg::BackToOrders => "Retour aux commandes",
        Msg::OrderPdf => "Bon de commande (PDF)",
        Msg::FieldCreatedAt => "Créée le",
        Msg::FieldSentAt => "Envoyée le",
        Msg::ColOrdered => "Commandé",
        Msg::ColReceived => "Reçu",
        Msg::ColRemaining => "Reste",
        Msg::ColLineTotal => "Total HT",
        Msg::MarkSentSubmit => "Marquer comme envoyée",
        Msg::CancelOrderSubmit => "Annuler la commande",
        Msg::ReceiveTitle => "Réception",
        Msg::ReceiveHint => "Saisissez ce qui est arrivé\u{a0}; 0 ou vide\u{a0}: ligne non livrée.",
        Msg::ReceiveLocation => "Ranger dans",
        Msg::ColReceiveQuantity => "Quantité reçue",
        Msg::ColReceiveCost => "Coût unitaire HT réel",
        Msg::ReceiveSubmit => "Enregistrer la réception",
        Msg::WarnOverReceived => {
            "Reçu plus que commandé\u{a0}: {product} ({received} pour {ordered})"
        }

        Msg::ErrProductName => "Le nom compte de 1 à 120 caractères.",
        Msg::ErrAmount => "{field}\u{a0}: montant invalide ({reason}).",
        Msg::ErrNegativeAmount => "Un montant ne peut pas être négatif.",
        Msg::ErrQuantity => "Quantité invalide\u{a0}: {reason}",
        Msg::ErrVatRate => {
            "Taux de TVA inconnu «\u{a0}{value}\u{a0}» (taux en vigueur\u{a0}: {known})."
        }
        Msg::ErrUnit => "Unité inconnue «\u{a0}{value}\u{a0}»\u{a0}: pièce, kg, l ou m.",
        Msg::ErrBarcode => "Code-barres «\u{a0}{code}\u{a0}» invalide\u{a0}: {reason}",
        Msg::ErrBarcodeCheckDigit => {
            "Code-barres «\u{a0}{code}\u{a0}»\u{a0}: la clé de contrôle devrait être {expected}, pas {found}."
        }
        Msg::ErrDuplicateBarcode => {
            "Le code-barres {code} appartient déjà à «\u{a0}{product}\u{a0}»."
        }
        Msg::ErrEmail => "Adresse e-mail invalide\u{a0}: «\u{a0}{value}\u{a0}».",
        Msg::ErrSiret => "SIRET invalide «\u{a0}{value}\u{a0}»\u{a0}: 14 chiffres.",
        Msg::ErrEmptyOrder => "Une commande a au moins une ligne.",
        Msg::ErrDuplicateLine => "Ce produit figure deux fois sur la commande.",
        Msg::ErrNotOnOrder => "Ce produit ne figure pas sur cette commande.",
        Msg::ErrOrderClosed => {
            "Cette commande est {status}\u{a0}: elle ne peut plus être modifiée."
        }
        Msg::ErrUnknownProduct => "Produit introuvable\u{a0}: «\u{a0}{value}\u{a0}».",
        Msg::ErrName => "Le nom compte de 1 à {max} caractères.",
        Msg::ErrConflict => "{detail}",
        Msg::ErrReasonRequired => "Indiquez la raison de l’ajustement.",
        Msg::ErrNotFoundThing => "{what} introuvable.",
        Msg::FlashProductSaved => "Produit enregistré.",
        Msg::FlashStockAdjusted => "Stock ajusté.",
        Msg::FlashStockTransferred => "Stock transféré.",
        Msg::FlashSupplierSaved => "Fournisseur enregistré.",
        Msg::FlashOrderCreated => "Commande créée.",
        Msg::FlashOrderSent => "Commande marquée comme envoyée.",
        Msg::FlashOrderCancelled => "Commande annulée.",
        Msg::FlashGoodsReceived => "Réception enregistrée\u{a0}: le stock est à jour.",

        Msg::NavStocktakes => "Inventaires",
        Msg::StocktakeStatusOpen => "Ouvert",
        Msg::StocktakeStatusValidated => "Validé",
        Msg::StocktakeStatusCancelled => "Annulé",
        Msg::NoStocktakes => "Aucun inventaire.",
        Msg::AllProducts => "Tous les produits",
        Msg::ColOpened => "Ouvert le",
        Msg::ColCounted => "Compté",
        Msg::CountedOfTotal => "{counted}/{total} comptés",
        Msg::NewStocktakeTitle => "Nouvel inventaire",
        Msg::NewStocktakeHint => {
            "Une ligne par produit actif, avec son stock à l’ouverture\u{a0}; \
             les ventes continuent pendant le comptage."
        }
        Msg::OpenStocktakeSubmit => "Ouvrir un inventaire",
        Msg::StocktakeTitle => "Inventaire {number}",
        Msg::BackToStocktakes => "Retour aux inventaires",
        Msg::FieldOpenedAt => "Ouvert le",
        Msg::FieldClosedAt => "Clos le",
        Msg::ScanLabel => "Scanner un article (ajoute 1)",
        Msg::ScanSubmit => "Ajouter",
        Msg::ScannedOne => "+1\u{a0}: {name}",
        Msg::CountsTitle => "Comptages",
        Msg::CountsHint => "Saisissez ce qui est en rayon\u{a0}; vide\u{a0}: pas encore compté.",
        Msg::ColExpected => "Attendu",
        Msg::ColDifference => "Écart",
        Msg::SaveCountsSubmit => "Enregistrer les comptages",
        Msg::ValidateStocktakeSubmit => "Valider l’inventaire",
        Msg::ValidateStocktakeHint => {
            "Chaque écart devient un mouvement de stock «\u{a0}Inventaire\u{a0}»\u{a0}; \
             les produits non comptés gardent leur stock."
        }
        Msg::CancelStocktakeSubmit => "Abandonner",
        Msg::NoStocktakeLines => "Aucun produit à compter.",
        Msg::FlashStocktakeOpened => "Inventaire ouvert.",
        Msg::FlashCountsSaved => "Comptages enregistrés.",
        Msg::FlashStocktakeValidated => "Inventaire validé\u{a0}: le stock est à jour.",
        Msg::FlashStocktakeCancelled => "Inventaire abandonné.",

        Msg::ReorderTitle => "Réapprovisionnement",
        Msg::ReorderIntro => {
            "Produits à ou sous leur seuil, par fournisseur\u{a0}: de quoi revenir \
             à deux fois le seuil, par colis entiers."
        }
        Msg::NoSupplierKnown => "Sans fournisseur connu",
        Msg::NoSupplierKnownHint => {
            "Choisissez un fournisseur préféré sur la fiche du produit pour le commander ici."
        }
        Msg::ColReorderLevel => "Seuil",
        Msg::ColSuggested => "À commander",
        Msg::CreateDraftsSubmit => "Créer les commandes brouillon",
        Msg::CreateDraftsHint => {
            "Une commande brouillon par fournisseur, à relire avant de l’envoyer."
        }
        Msg::NoReorder => "Aucun produit sous son seuil de réapprovisionnement.",
        Msg::FlashDraftsCreated => "Commandes brouillon créées.",
        Msg::ImportTitle => "Importer des produits",
        Msg::ImportResult => "Résultat de l’import",
        Msg::ImportSummary => {
            "{created} produit(s) créé(s), {updated} mis à jour, {rejected} ligne(s) refusée(s)."
        }
        Msg::ImportLine => "Ligne",
        Msg::ImportReason => "Raison",
        Msg::ImportHelp => {
            "Un fichier CSV enregistré depuis le tableur (séparateur « ; » ou « , », UTF-8). Colonnes : nom, prix, tva (obligatoires) ; code-barres, unité, catégorie, coût, seuil, stock, actif. Un code-barres déjà connu met le produit à jour."
        }
        Msg::ImportFile => "Fichier CSV",
        Msg::ImportSubmit => "Importer",
        Msg::ErrNoFile => "Choisissez un fichier CSV.",
        Msg::TermsTitle => "Ajouter ou modifier un article de ce fournisseur",
        Msg::TermsProduct => "Produit",
        Msg::TermsProductHint => "Code-barres, nom exact ou #numéro du produit",
        Msg::TermsReference => "Référence chez le fournisseur",
        Msg::TermsCost => "Prix d’achat HT",
        Msg::TermsPack => "Colisage (unités par carton)",
        Msg::TermsLeadTime => "Délai de livraison (jours)",
        Msg::FlashTermsSaved => "Article du fournisseur enregistré.",
        Msg::ErrLeadTime => "Un délai est un nombre de jours positif.",
        Msg::StockCardTitle => "Stock",
        Msg::LowStockCount => "{count} produit(s) sous leur seuil de réapprovisionnement",
        Msg::NegativeStockCount => "{count} produit(s) en stock négatif : vérifiez les rayons",
        Msg::LowStockLink => "Voir le stock bas",
        // scanning
        Msg::ScanUnknownBarcode => "Aucun produit n’a le code-barres «\u{a0}{code}\u{a0}».",
        Msg::ScanNotOnOrder => "«\u{a0}{name}\u{a0}» ne figure pas sur cette commande.",
        Msg::ScanCodeNotOnOrder => {
            "Aucun article de cette commande n’a le code-barres «\u{a0}{code}\u{a0}»."
        }
        Msg::ScanNotInStocktake => "«\u{a0}{name}\u{a0}» ne fait pas partie de cet inventaire.",
        Msg::ScanFailed => "Le scan n’a pas pu être enregistré\u{a0}: rechargez la page.",
        Msg::ReceiveScanModeStart => "Réception par scan (quantités à 0)",
        Msg::ReceiveScanModePrefilled => "Quantités préremplies (ce qui reste)",
        Msg::ReceiveScanHint => {
            "Chaque scan ajoute 1 à la ligne de l’article\u{a0}; vérifiez les quantités avant d’enregistrer."
        }
        Msg::ScanEmpty => "Scannez ou tapez un code-barres.",
        // till
        Msg::ErrTillNotFound => "Caisse «\u{a0}{code}\u{a0}» introuvable.",
        Msg::ErrTicketNotFound => "Ticket «\u{a0}{id}\u{a0}» introuvable.",
        Msg::ErrSessionNotFound => "Session de caisse introuvable.",
        Msg::ErrTicketLineNotFound => "Cette ligne n’appartient pas au ticket.",
        Msg::ErrTillCode => "Le code de caisse compte 1 à 20 lettres, chiffres ou tirets.",
        Msg::ErrTillCodeTaken => "Le code de caisse «\u{a0}{code}\u{a0}» est déjà pris.",
        Msg::ErrPrinterAddress => {
            "Adresse d’imprimante invalide\u{a0}: tcp://hôte:port ou file:/chemin."
        }
        Msg::ErrPrinterColumns => "Une imprimante de tickets imprime 42 ou 48 colonnes.",
        Msg::ErrPositiveAmount => "Le montant doit être supérieur à zéro.",
        Msg::ErrCashReason => "Indiquez la raison du mouvement d’espèces.",
        Msg::ErrPostcode => "Code postal invalide\u{a0}: 5 chiffres.",
        Msg::ErrDiscountLimit => "La remise maximale va de 0 à 100\u{a0}%.",
        Msg::ErrSaleId => "L’identifiant de la vente doit être un UUID.",
        Msg::ErrTillInactive => "La caisse {code} est archivée.",
        Msg::ErrNoOpenSession => {
            "La caisse {code} n’a pas de session ouverte\u{a0}: ouvrez-la avec le fond de caisse compté."
        }
        Msg::ErrSessionAlreadyOpen => "La caisse {code} a déjà une session ouverte.",
        Msg::ErrUnknownBarcode => "Code-barres inconnu\u{a0}: «\u{a0}{code}\u{a0}».",
        Msg::ErrProductArchived => "«\u{a0}{name}\u{a0}» est archivé\u{a0}: il ne se vend plus.",
        Msg::ErrEmptySale => "Le ticket est vide\u{a0}: scannez au moins un article.",
        Msg::ErrLineZeroQuantity => "Ligne {line}\u{a0}: la quantité doit être supérieure à zéro.",
        Msg::ErrLineTooLarge => "Ligne {line}\u{a0}: quantité trop grande.",
        Msg::ErrLineWholePieces => {
            "Ligne {line}\u{a0}: ce produit se vend à la pièce (quantité entière)."
        }
        Msg::ErrLineDiscount => "Ligne {line}\u{a0}: la remise dépasse le montant de la ligne.",
        Msg::ErrTicketDiscount => "La remise dépasse le total du ticket.",
        Msg::ErrPaymentNotPositive => "Chaque paiement doit être supérieur à zéro.",
        Msg::ErrLoyaltyWithoutCustomer => "Le paiement en points demande la carte du client.",
        Msg::ErrPaymentShort => {
            "Paiement insuffisant\u{a0}: {paid} reçus pour un total de {total}."
        }
        Msg::ErrChangeWithoutCash => {
            "Le rendu ne se fait qu’en espèces\u{a0}: {paid} reçus pour un total de {total}."
        }
        Msg::ErrApprovalDiscount => {
            "Une remise au-delà de la limite demande le code PIN d’un responsable."
        }
        Msg::ErrApprovalRefund => {
            "Un remboursement au-delà de la limite demande le code PIN d’un responsable."
        }
        Msg::ErrApprovalNoTicket => {
            "Un remboursement sans ticket demande le code PIN d’un responsable."
        }
        Msg::ErrApprovalPin => "Code PIN de responsable incorrect.",
        Msg::ErrRefundOfRefund => {
            "Le ticket {ticket} est un remboursement\u{a0}: il ne se rembourse pas."
        }
        Msg::ErrRefundTooMany => {
            "Ligne {line}\u{a0}: {asked} demandé(s), mais {sold} vendu(s) dont {refunded} déjà remboursé(s)."
        }
        Msg::ErrNothingToRefund => "Tout le ticket {ticket} a déjà été remboursé.",
        Msg::ErrTrainingMismatch => "Un ticket de formation ne se mélange pas avec un vrai ticket.",
        Msg::ErrNoPrinter => "La caisse {code} n’a pas d’imprimante.",
        Msg::ErrPrinter => {
            "Impression impossible ({detail}). La vente est enregistrée\u{a0}: réimprimez quand l’imprimante est prête."
        }
        Msg::ErrUnknownCard => "Carte de fidélité inconnue\u{a0}: «\u{a0}{card}\u{a0}».",
        Msg::ErrLineItem => "Ligne {line}\u{a0}: indiquez product_id ou barcode.",
        Msg::ErrPaymentMethod => {
            "Moyen de paiement inconnu «\u{a0}{value}\u{a0}»\u{a0}: cash, card, cheque, voucher ou loyalty."
        }
        Msg::ErrBothDiscounts => {
            "Une remise est soit en pourcentage, soit en montant, pas les deux."
        }
        Msg::ErrNoSmtp => "L’envoi d’e-mails n’est pas configuré (réglages SMTP au démarrage).",
        Msg::ErrMail => "L’e-mail n’a pas pu partir ({detail}). La vente est enregistrée.",
        Msg::ErrDay => "Date invalide «\u{a0}{value}\u{a0}»\u{a0}: jj/mm/aaaa ou aaaa-mm-jj.",

        // settings pages
        Msg::NavSettings => "Réglages",
        Msg::SettingsIntro => {
            "Ce qui change rarement\u{a0}: l’arbre des catégories, les emplacements de stock, les taux de TVA et les étiquettes des balances."
        }
        Msg::CategoriesTitle => "Catégories",
        Msg::CategoriesIntro => {
            "Les catégories naissent avec les produits («\u{a0}Épicerie > Confitures\u{a0}»)\u{a0}; ici on les renomme et on les range. Une catégorie déplacée emmène ses sous-catégories et leurs produits."
        }
        Msg::NoCategories => {
            "Aucune catégorie pour l’instant\u{a0}: elles se créent depuis la fiche des produits."
        }
        Msg::ColCategory => "Catégorie",
        Msg::ColProductCount => "Produits",
        Msg::FieldNewName => "Nouveau nom",
        Msg::RenameSubmit => "Renommer",
        Msg::FieldMoveUnder => "Déplacer sous",
        Msg::TopLevel => "— Premier niveau —",
        Msg::MoveSubmit => "Déplacer",
        Msg::FlashCategorySaved => "Catégorie enregistrée.",
        Msg::LocationsTitle => "Emplacements",
        Msg::LocationsIntro => {
            "Les lieux où le stock se trouve. La caisse vend depuis l’emplacement «\u{a0}vente\u{a0}»."
        }
        Msg::SalesFloorBadge => "vente",
        Msg::ColStockValue => "Valeur du stock",
        Msg::NewLocationTitle => "Nouvel emplacement",
        Msg::CreateLocationSubmit => "Créer l’emplacement",
        Msg::FlashLocationSaved => "Emplacement enregistré.",
        Msg::VatTitle => "Taux de TVA",
        Msg::VatIntro => {
            "Chaque produit est rangé sous un taux. Quand la loi change un taux, programmez le nouveau à partir de sa date\u{a0}: ce jour-là, les produits de ce taux passent au nouveau sans être modifiés."
        }
        Msg::ColVatLine => "Taux",
        Msg::ColVatRate => "Pourcentage",
        Msg::ColValidFrom => "Du",
        Msg::ColValidTo => "Au",
        Msg::VatOpenEnded => "—",
        Msg::VatStatusInForce => "En vigueur",
        Msg::VatStatusScheduled => "Programmé",
        Msg::VatStatusEnded => "Terminé",
        Msg::NewVatTitle => "Programmer un changement de taux",
        Msg::FieldVatLine => "Taux qui change",
        Msg::NewVatLine => "— Un nouveau taux —",
        Msg::FieldNewRate => "Nouveau pourcentage",
        Msg::NewRateHint => "Par exemple 21 ou 5,5",
        Msg::FieldValidFrom => "À partir du",
        Msg::ValidFromHint => "Demain au plus tôt",
        Msg::ScheduleVatSubmit => "Programmer",
        Msg::FlashVatScheduled => "Changement de taux programmé.",
        Msg::ScaleTitle => "Étiquettes des balances",
        Msg::ScaleIntro => {
            "Les balances impriment des codes EAN-13 commençant par 20 à 29\u{a0}: selon le préfixe, le code porte un poids ou un prix. Indiquez ceux de vos balances\u{a0}; les autres préfixes restent libres (cartes de fidélité…)."
        }
        Msg::FieldWeightPrefixes => "Préfixes «\u{a0}poids\u{a0}»",
        Msg::FieldPricePrefixes => "Préfixes «\u{a0}prix\u{a0}»",
        Msg::ScalePrefixesHint => {
            "Nombres de 20 à 29, séparés par des virgules (vide\u{a0}: aucun)"
        }
        Msg::FlashScaleSaved => "Préfixes des balances enregistrés.",
        Msg::ValuationTitle => "Valeur du stock",
        Msg::ValuationIntro => {
            "Quantité en stock × coût moyen pondéré (à défaut, le coût saisi sur la fiche). Un stock négatif ne vaut rien\u{a0}: il est compté à part."
        }
        Msg::ColInStock => "Produits en stock",
        Msg::ColBelowZero => "Sous zéro",
        Msg::ColWithoutCost => "Sans coût",
        Msg::WithoutCostCount => {
            "{count} produit(s) en stock sans coût connu\u{a0}: leur valeur manque au total."
        }
        Msg::ValuationLink => "Valeur du stock",
        Msg::ErrCategoryCycle => {
            "Une catégorie ne peut pas aller sous elle-même ni sous l’une de ses sous-catégories."
        }
        Msg::ErrDuplicateCategory => {
            "Une catégorie «\u{a0}{name}\u{a0}» existe déjà à cet endroit."
        }
        Msg::ErrDuplicateLocation => "Un emplacement «\u{a0}{name}\u{a0}» existe déjà.",
        Msg::ErrVatRateInvalid => {
            "Taux invalide «\u{a0}{value}\u{a0}»\u{a0}: un pourcentage de 0 à 99,99, par exemple 21 ou 5,5."
        }
        Msg::ErrVatDateNotFuture => {
            "Un changement de taux se programme à partir de demain au plus tôt."
        }
        Msg::ErrDuplicateVatRate => {
            "Le taux de {rate}\u{a0}% est déjà en vigueur ou programmé à cette date."
        }
        Msg::ErrVatDate => "Date invalide\u{a0}: saisissez-la au format jj/mm/aaaa.",
        Msg::ErrScalePrefixRange => "Le préfixe {prefix} n’est pas compris entre 20 et 29.",
        Msg::ErrScalePrefixTwice => {
            "Le préfixe {prefix} est donné deux fois\u{a0}: un préfixe porte soit un poids, soit un prix."
        }
        Msg::ErrScalePrefixInvalid => {
            "«\u{a0}{text}\u{a0}» n’est pas un préfixe\u{a0}: deux chiffres, de 20 à 29."
        }
        // till page
        Msg::NavTill => "Caisse",
        Msg::TillTitle => "Caisse {code}",
        Msg::TillNone => {
            "Aucune caisse n’est configurée. Le propriétaire en crée une dans Réglages."
        }
        Msg::TillChoose => "Choisissez la caisse",
        Msg::TillClosed => "La caisse est fermée.",
        Msg::TillOpenTitle => "Ouvrir la caisse",
        Msg::TillFloat => "Fond de caisse compté",
        Msg::TillOpenSubmit => "Ouvrir la caisse",
        Msg::TillSessionSince => "Session ouverte le {at} par {name}",
        Msg::TillScanLabel => "Scanner ou taper (code-barres, nom, ou 3* pour une quantité)",
        Msg::TillNoScript => {
            "La vente à la caisse demande JavaScript. Activez-le dans le navigateur de la caisse."
        }
        Msg::TillTotal => "Total",
        Msg::TillToPay => "Reste à payer",
        Msg::TillChange => "Rendu",
        Msg::TillComplete => "Valider la vente",
        Msg::TillHold => "Mettre en attente",
        Msg::TillResume => "Reprendre un ticket",
        Msg::TillCancel => "Annuler le ticket",
        Msg::TillTraining => "Mode formation",
        Msg::TillTrainingBanner => "FORMATION — ces ventes ne comptent pas",
        Msg::TillXReport => "Rapport X",
        Msg::TillCash => "Entrée / sortie d’espèces",
        Msg::TillCloseSession => "Clôturer la caisse",
        Msg::TillRefund => "Retour / remboursement",
        Msg::TillCashKind => "Mouvement",
        Msg::TillCashIn => "Entrée d’espèces",
        Msg::TillCashOut => "Sortie d’espèces",
        Msg::TillCashAmount => "Montant",
        Msg::TillCashReason => "Raison",
        Msg::TillCashSubmit => "Enregistrer",
        Msg::TillCounted => "Espèces comptées dans le tiroir",
        Msg::TillCloseSubmit => "Clôturer et éditer le Z",
        Msg::TillCloseHint => {
            "Comptez le tiroir sans regarder l’attendu\u{a0}: l’écart apparaît sur le rapport Z."
        }
        Msg::ReportX => "Rapport X (en cours de journée)",
        Msg::ReportZ => "Rapport Z n° {number}",
        Msg::ReportPrint => "Imprimer",
        Msg::ReportSales => "Ventes",
        Msg::ReportRefunds => "Remboursements",
        Msg::ReportDiscounts => "Remises",
        Msg::ReportNet => "Chiffre d’affaires TTC",
        Msg::ReportNumbers => "Tickets n° {first} à {last}",
        Msg::ReportByMethod => "Par moyen de paiement",
        Msg::ReportByVat => "Par taux de TVA",
        Msg::ReportVatRate => "Taux",
        Msg::ReportVatBase => "HT",
        Msg::ReportVatTax => "TVA",
        Msg::ReportVatTotal => "TTC",
        Msg::ReportFloat => "Fond de caisse",
        Msg::ReportCashIn => "Entrées d’espèces",
        Msg::ReportCashOut => "Sorties d’espèces",
        Msg::ReportExpected => "Espèces attendues",
        Msg::ReportCounted => "Espèces comptées",
        Msg::ReportDifference => "Écart",
        Msg::ReportGrandTotal => "Grand total perpétuel",
        Msg::ReportOpened => "Ouverte le {at}",
        Msg::ReportClosed => "Clôturée le {at}",
        // back office sales
        Msg::TillsTitle => "Caisses",
        Msg::TillsIntro => {
            "Chaque caisse a son code, imprimé sur ses tickets, et sa propre chaîne de tickets. Le code ne change plus une fois la caisse créée."
        }
        Msg::ColTillCode => "Code",
        Msg::ColPrinter => "Imprimante",
        Msg::ColColumns => "Colonnes",
        Msg::ColDrawer => "Tiroir sur espèces",
        Msg::ColCashSession => "Session",
        Msg::ColLastTicket => "Dernier ticket",
        Msg::ColGrandTotal => "Grand total",
        Msg::NoPrinter => "aucune",
        Msg::TillActive => "active",
        Msg::TillArchived => "archivée",
        Msg::SessionOpen => "Ouverte",
        Msg::SessionClosed => "Fermée",
        Msg::NoTills => "Aucune caisse pour l’instant.",
        Msg::NewTillTitle => "Nouvelle caisse",
        Msg::FieldTillCode => "Code de la caisse",
        Msg::TillCodeHint => "Lettres, chiffres ou tirets, par exemple T02. Il ne changera plus.",
        Msg::CreateTillSubmit => "Créer la caisse",
        Msg::FieldTillActive => "Caisse active",
        Msg::TillActiveHint => {
            "Une caisse archivée ne peut plus ouvrir de session\u{a0}; ses tickets restent."
        }
        Msg::TillNamePlaceholder => "Caisse principale",
        Msg::FieldPrinter => "Adresse de l’imprimante",
        Msg::PrinterHint => {
            "tcp://192.168.1.50:9100 pour une imprimante réseau, file:/dev/usb/lp0 pour une imprimante USB."
        }
        Msg::FieldPrinterColumns => "Largeur du ticket",
        Msg::Columns42 => "42 colonnes (80 mm, police standard)",
        Msg::Columns48 => "48 colonnes (80 mm, petite police)",
        Msg::FieldDrawerOnCash => "Ouvrir le tiroir-caisse pour un paiement en espèces",
        Msg::FlashTillCreated => "Caisse créée.",
        Msg::FlashTillSaved => "Caisse enregistrée.",
        Msg::ShopTitle => "Boutique",
        Msg::ShopIntro => {
            "Ce que les tickets impriment de la boutique, et les règles de la caisse."
        }
        Msg::ShopIdentity => "Identité sur les tickets",
        Msg::FieldShopName => "Nom de la boutique",
        Msg::FieldAddressLine1 => "Adresse",
        Msg::FieldAddressLine2 => "Complément d’adresse",
        Msg::FieldPostcode => "Code postal",
        Msg::FieldCity => "Ville",
        Msg::FieldVatNumber => "N° de TVA intracommunautaire",
        Msg::FieldReceiptFooter => "Pied de ticket",
        Msg::ReceiptFooterHint => {
            "Imprimé en bas de chaque ticket, par exemple «\u{a0}Merci de votre visite\u{a0}»."
        }
        Msg::ShopTillRules => "Règles de la caisse",
        Msg::FieldPrintMode => "Impression du ticket",
        Msg::PrintModeAsk => "Demander au client (recommandé)",
        Msg::PrintModeAlways => "Toujours imprimer",
        Msg::PrintModeNever => "Ne jamais imprimer",
        Msg::PrintModeHint => {
            "Depuis 2023, la loi française veut que le ticket ne soit imprimé que si le client le demande, sauf exceptions."
        }
        Msg::FieldMaxDiscount => "Remise maximale du caissier (%)",
        Msg::MaxDiscountHint => "Au-delà, le code PIN d’un gérant est demandé. De 0 à 100.",
        Msg::FieldRefundLimit => "Remboursement maximal sans gérant (€)",
        Msg::RefundLimitHint => "Au-delà, ou sans ticket, le code PIN d’un gérant est demandé.",
        Msg::ReceiptPreviewTitle => "Aperçu du ticket",
        Msg::FlashShopSaved => "Boutique enregistrée.",
        Msg::ErrAmountFormat => "Montant invalide\u{a0}: saisissez par exemple 50 ou 12,50.",
        Msg::NavSales => "Ventes",
        Msg::MethodCash => "Espèces",
        Msg::MethodCard => "Carte bancaire",
        Msg::MethodCheque => "Chèque",
        Msg::MethodVoucher => "Bon d’achat",
        Msg::MethodLoyalty => "Points fidélité",
        // till script
        Msg::TillJsTicketDone => "Ticket n° {number}",
        Msg::TillJsAskPrint => "Imprimer le ticket\u{a0}?",
        Msg::TillJsPrint => "Imprimer le ticket",
        Msg::TillJsNoPrint => "Pas de ticket",
        Msg::TillJsEmail => "Par e-mail",
        Msg::TillJsEmailPlaceholder => "adresse@exemple.fr",
        Msg::TillJsEmailSend => "Envoyer",
        Msg::TillJsEmailSent => "Ticket envoyé par e-mail.",
        Msg::TillJsPrinted => "Ticket imprimé.",
        Msg::TillJsReprint => "Réimprimer",
        Msg::TillJsNewSale => "Nouvelle vente (Entrée)",
        Msg::TillJsOffline => {
            "Connexion perdue\u{a0}: la vente n’est pas confirmée. Réessayez (elle ne sera pas comptée deux fois)."
        }
        Msg::TillJsRetry => "Réessayer",
        Msg::TillJsUnknown => "Code-barres inconnu\u{a0}: «\u{a0}{code}\u{a0}».",
        Msg::TillJsNoMatch => "Aucun produit ne correspond à «\u{a0}{text}\u{a0}».",
        Msg::TillJsWeight => "poids à saisir",
        Msg::TillJsDiscount => "Remise (10 % ou 1,50)",
        Msg::TillJsBadDiscount => "Remise invalide\u{a0}: «\u{a0}{text}\u{a0}».",
        Msg::TillJsBadQuantity => "Quantité invalide\u{a0}: «\u{a0}{text}\u{a0}».",
        Msg::TillJsApprovalTitle => "Accord d’un responsable",
        Msg::TillJsApprovalUser => "Identifiant du responsable",
        Msg::TillJsApprovalPin => "Code PIN",
        Msg::TillJsOk => "Valider",
        Msg::TillJsClose => "Fermer",
        Msg::TillJsHeldNone => "Aucun ticket en attente.",
        Msg::TillJsBusy => "Terminez ou mettez en attente le ticket en cours d’abord.",
        Msg::TillJsChangeCashOnly => {
            "Le rendu ne se fait qu’en espèces\u{a0}: saisissez au plus {amount}."
        }
        Msg::TillJsRemove => "Retirer",
        Msg::TillJsLineDiscount => "Remise sur la ligne",
        Msg::TillJsTicketDiscount => "Remise sur le ticket",
        Msg::TillJsRefundTicket => "Scannez ou tapez le numéro du ticket (T01-000042)",
        Msg::TillJsRefundLines => "Quantités rendues",
        Msg::TillJsRefundMethod => "Rembourser en",
        Msg::TillJsRefundSubmit => "Rembourser",
        Msg::TillJsRefundDone => "Remboursement n° {number}\u{a0}: {total}",
        Msg::TillJsMultiplier => "× {value}",
        Msg::TillJsAmount => "Montant",
        Msg::TillJsPaid => "Payé",
        // till page, links
        Msg::TillBack => "Retour à la caisse",
        Msg::KindSale => "Vente",
        Msg::KindRefund => "Remboursement",
        Msg::SalesTitle => "Ventes",
        Msg::FieldDay => "Jour",
        Msg::DayPlaceholder => "jj/mm/aaaa",
        Msg::FieldTill => "Caisse",
        Msg::AllTills => "Toutes les caisses",
        Msg::FieldCashier => "Caissier",
        Msg::AllCashiers => "Tous",
        Msg::FieldPaymentMethod => "Moyen de paiement",
        Msg::AllMethods => "Tous",
        Msg::FieldTrainingTickets => "Tickets de formation",
        Msg::FilterSubmit => "Filtrer",
        Msg::SessionTicketsNote => "Tickets de la session n°\u{a0}{id}.",
        Msg::ShowToday => "Voir ceux d’aujourd’hui",
        Msg::ColTime => "Heure",
        Msg::ColTicket => "Ticket",
        Msg::TrainingBadge => "Formation",
        Msg::NoTickets => "Aucun ticket.",
        Msg::TicketsCountOne => "{count} ticket",
        Msg::TicketsCountOther => "{count} tickets",
        Msg::ErrUnknownCashier => "Caissier inconnu.",
        Msg::TicketTitle => "Ticket {reference}",
        Msg::ReprintSubmit => "Réimprimer",
        Msg::SessionNumber => "Session n°\u{a0}{id}",
        Msg::RefundOf => "Rembourse le ticket",
        Msg::RefundedBy => "Remboursements",
        Msg::TicketHash => "Empreinte",
        Msg::ColUnitPriceTtc => "Prix unitaire TTC",
        Msg::ColDiscount => "Remise",
        Msg::ColTotalTtc => "Total TTC",
        Msg::DiscountsTotal => "Remises",
        Msg::VatTableTitle => "TVA",
        Msg::PaymentsTitle => "Paiements",
        Msg::ChangeGiven => "Rendu",
        Msg::ColVatBase => "Base HT",
        Msg::ColVatTax => "TVA",
        Msg::FlashTicketPrinted => "Ticket envoyé à l’imprimante.",
        Msg::FlashDuplicatePrinted => "Duplicata n°\u{a0}{copy} envoyé à l’imprimante.",
        Msg::SessionsTitle => "Sessions de caisse",
        Msg::ColClosing => "Fermeture",
        Msg::ColOpening => "Ouverture",
        Msg::ColRate => "Taux",
        Msg::ColFloat => "Fond de caisse",
        Msg::NoSessions => "Aucune session de caisse.",
        Msg::ZReportTitle => "Rapport Z n°\u{a0}{number} · {till}",
        Msg::XReportTitle => "Rapport X · {till}",
        Msg::SessionTickets => "Tickets de la session",
        Msg::PrintSubmit => "Imprimer",
        Msg::XReportNote => {
            "Rapport X\u{a0}: la session est ouverte, ces chiffres changeront jusqu’à sa fermeture."
        }
        Msg::ReportAt => "Établi le",
        Msg::ReportTickets => "Tickets",
        Msg::ReportTakings => "Chiffre d’affaires",
        Msg::SalesCountOne => "{count} vente",
        Msg::SalesCountOther => "{count} ventes",
        Msg::RefundsCountOne => "{count} remboursement",
        Msg::RefundsCountOther => "{count} remboursements",
        Msg::NetTotal => "Total net",
        Msg::ReportCash => "Espèces dans le tiroir",
        Msg::CashIn => "Entrées d’espèces",
        Msg::CashOut => "Sorties d’espèces",
        // customers
        Msg::ErrCustomerNotFound => "Client n° {id} introuvable.",
        Msg::ErrCustomerName => "Un client a un nom de famille ou une société.",
        Msg::ErrCustomerTooLong => "{field}\u{a0}: {max} caractères au plus.",
        Msg::ErrCustomerControl => "{field}\u{a0}: caractère non autorisé.",
        Msg::ErrCustomerEmail => "Adresse e-mail invalide\u{a0}: «\u{a0}{value}\u{a0}».",
        Msg::ErrCustomerPhone => "Numéro de téléphone invalide\u{a0}: «\u{a0}{value}\u{a0}».",
        Msg::ErrCustomerPostcode => {
            "Code postal invalide «\u{a0}{value}\u{a0}»\u{a0}: cinq chiffres en France."
        }
        Msg::ErrCustomerCountry => "Pays inconnu «\u{a0}{value}\u{a0}» (deux lettres, comme FR).",
        Msg::ErrCustomerBirthDate => "Date de naissance peu plausible\u{a0}: {value}.",
        Msg::ErrCustomerValue => "{field}\u{a0}: valeur inconnue «\u{a0}{value}\u{a0}».",
        Msg::ErrCustomerTag => {
            "Étiquette invalide «\u{a0}{value}\u{a0}»\u{a0}: sans virgule, 40 caractères au plus."
        }
        Msg::ErrCustomerAnonymised => "Ce client a été anonymisé.",
        Msg::ErrCustomerAlreadyAnonymised => "Ce client est déjà anonymisé.",
        Msg::ErrCustomerMerged => "Ce client a été fusionné avec le client n° {into}.",
        Msg::ErrCustomerMergeSelf => "Un client ne se fusionne pas avec lui-même.",
        Msg::ErrConsentBasis => "Ce fondement ne permet pas d’accorder ce canal.",
        Msg::ErrConsentText => "Un consentement explicite garde le texte montré au client.",
        Msg::ErrCardNumber => {
            "Numéro de carte invalide «\u{a0}{value}\u{a0}»\u{a0}: treize chiffres avec leur clé."
        }
        Msg::ErrCardPrefix => {
            "La carte {number} ne commence pas par le préfixe des cartes ({prefix})."
        }
        Msg::ErrCardPrefixInvalid => {
            "Préfixe de carte invalide «\u{a0}{prefix}\u{a0}»\u{a0}: deux chiffres de 20 à 29."
        }
        Msg::ErrCardPrefixClash => "Le préfixe {prefix} est celui d’étiquettes de balance.",
        Msg::ErrCardTaken => "La carte {number} appartient à un autre client.",
        Msg::ErrCardNotActive => "La carte {number} n’est plus utilisable.",
        Msg::ErrCardAlready => "Ce client a déjà la carte {number}\u{a0}: remplacez-la.",
        Msg::ErrCardNone => "Ce client n’a pas de carte à remplacer.",
        Msg::ErrCardExhausted => "Plus aucun numéro de carte libre avec le préfixe {prefix}.",
        Msg::ErrNotEnoughPoints => {
            "Pas assez de points\u{a0}: {needed} nécessaires, {available} disponibles."
        }
        Msg::ErrCustomerSetting => "Réglage invalide {key}\u{a0}: «\u{a0}{value}\u{a0}».",
        // till script, loyalty
        Msg::TillJsCustomer => "{name} — carte {card} — {points} points ({value})",
        Msg::TillJsPointsEarned => "+{earned} points, solde {balance} points",
        Msg::TillJsNeedCard => {
            "Le paiement en points demande la carte du client\u{a0}: scannez-la d’abord."
        }
        Msg::TillJsDetach => "Retirer la carte",
        // till page, blind refund
        Msg::TillRefundBlind => "Retour sans ticket",
        // till page, enrolment
        Msg::TillEnrol => "Inscrire un client",
        Msg::TillJsEnrolCard => "Carte (scannez une carte neuve, ou laissez vide pour un numéro)",
        Msg::TillJsFirstName => "Prénom",
        Msg::TillJsLastName => "Nom",
        Msg::TillJsEmailField => "E-mail",
        Msg::TillJsPhone => "Téléphone",
        Msg::TillJsEnrolSubmit => "Inscrire et rattacher à la vente",
        Msg::TillJsNewCard => "Carte neuve\u{a0}: inscrivez le client.",
        Msg::TillJsEnrolHint => {
            "Un e-mail ou un téléphone. Les cases restent décochées sauf si le client le demande."
        }
        // till page, card
        Msg::TillCardPdf => "Imprimer la carte",

        // customer pages
        Msg::NavCustomers => "Clients",
        Msg::NewCustomer => "Nouveau client",
        Msg::CreateCustomerSubmit => "Créer le client",
        Msg::SearchCustomers => "Chercher un client",
        Msg::CustomerSearchPlaceholder => "Nom, e-mail, téléphone, carte ou code postal",
        Msg::WholeFile => "Voir tout le fichier",
        Msg::CustomerListAudited => "Consulter le fichier en nombre est inscrit au journal.",
        Msg::CustomersCut => {
            "Seuls les {count} premiers clients sont affichés\u{a0}: précisez la recherche."
        }
        Msg::TypeToSearchCustomers => {
            "Tapez un nom, un e-mail, un téléphone, un numéro de carte ou un code postal."
        }
        Msg::NoCustomersFound => "Aucun client trouvé.",
        Msg::ColCard => "Carte",
        Msg::ColContact => "E-mail / téléphone",
        Msg::ColVisits => "Visites",
        Msg::ColLastVisit => "Dernière visite",
        Msg::BackToCustomers => "Clients",
        Msg::BadgeAnonymised => "Anonymisé",
        Msg::BadgeMerged => "Fusionné",
        Msg::UnknownCode => "inconnu",
        Msg::ChannelEmail => "E-mail",
        Msg::ChannelSms => "SMS",
        Msg::ChannelPost => "Courrier",
        Msg::BasisExplicit => "Consentement explicite",
        Msg::BasisSoftOptIn => "Client informé (produits analogues)",
        Msg::BasisInformed => "Information et droit d’opposition",
        Msg::ConsentFromTill => "Caisse",
        Msg::ConsentFromForm => "Formulaire",
        Msg::ConsentFromImport => "Import",
        Msg::ConsentFromAccount => "Compte client",
        Msg::ConsentFromApi => "API",
        Msg::ConsentFromErasure => "Effacement",
        Msg::PointsSale => "Achat",
        Msg::PointsRefund => "Remboursement",
        Msg::PointsSpent => "Payé en points",
        Msg::PointsAdjustment => "Correction",
        Msg::PointsMerge => "Fusion",
        Msg::CardActive => "Active",
        Msg::CardReplaced => "Remplacée",
        Msg::CardLost => "Perdue",
        Msg::CivilityMme => "Mme",
        Msg::CivilityM => "M.",
        Msg::DuplicateSameEmail => "Même adresse e-mail",
        Msg::DuplicateSamePhone => "Même téléphone",
        Msg::DuplicateSameNameAndPostcode => "Même nom, même initiale, même code postal",
        Msg::FieldCivility => "Civilité",
        Msg::FieldFirstName => "Prénom",
        Msg::FieldLastName => "Nom",
        Msg::FieldCompany => "Société",
        Msg::FieldPhone2 => "Autre téléphone",
        Msg::FieldCountry => "Pays",
        Msg::FieldBirthDate => "Date de naissance",
        Msg::FieldCustomerLanguage => "Langue des courriers",
        Msg::FieldTags => "Étiquettes",
        Msg::LastNameHint => "Un nom de famille ou une société.",
        Msg::CountryHint => "Deux lettres\u{a0}: FR, BE, CH…",
        Msg::TagsHint => "Séparées par des virgules.",
        Msg::FicheIdentity => "Identité",
        Msg::FicheContact => "Coordonnées",
        Msg::FicheNotes => "Notes",
        Msg::FicheTitle => "Fiche",
        Msg::FicheCreated => "Fiche créée le",
        Msg::FicheUpdated => "Modifiée le",
        Msg::AnonymisedOn => {
            "Fiche anonymisée le {date}\u{a0}: les ventes restent, la personne n’y figure plus."
        }
        Msg::MergedInto => "Fiche fusionnée avec",
        Msg::CustomerNumber => "Client n° {id}",
        Msg::MergedFrom => "Fiches fusionnées",
        Msg::ChannelsTitle => "Joindre le client",
        Msg::ColChannel => "Canal",
        Msg::ColReachable => "Coordonnée",
        Msg::ColConsent => "Consentement",
        Msg::ColBasis => "Fondement",
        Msg::ColConsentSource => "Recueilli",
        Msg::ContactMissing => "manquante",
        Msg::ConsentGranted => "Accordé",
        Msg::ConsentWithdrawn => "Retiré",
        Msg::ConsentNeverAsked => "Jamais demandé",
        Msg::ConsentFormTitle => "Enregistrer un changement de consentement",
        Msg::FieldConsentDecision => "Décision",
        Msg::FieldTextShown => "Texte montré",
        Msg::TextShownHint => {
            "Le texte exact que la personne a lu (obligatoire pour un consentement explicite)."
        }
        Msg::RecordConsent => "Enregistrer",
        Msg::ConsentHistoryTitle => "Historique des consentements",
        Msg::NoConsents => "Aucun consentement enregistré.",
        Msg::LoyaltyCardTitle => "Carte de fidélité",
        Msg::NoCard => "Pas de carte.",
        Msg::ColAssigned => "Remise le",
        Msg::AssignCard => "Attribuer une carte",
        Msg::AssignCardHint => "Scannez ou tapez le numéro de la carte remise.",
        Msg::ReplaceCard => "Remplacer la carte",
        Msg::ReplaceCardHint => "L’ancienne carte ne servira plus.",
        Msg::FieldNewCard => "Nouvelle carte",
        Msg::FiguresTitle => "Achats",
        Msg::TotalSpent => "Total dépensé",
        Msg::AverageBasket => "Panier moyen",
        Msg::FirstVisit => "Première visite",
        Msg::FavouriteCategories => "Catégories préférées",
        Msg::NoCategory => "Sans catégorie",
        Msg::PointsTitle => "Points",
        Msg::PointsBalance => "{points} points (valeur {value})",
        Msg::NoPointsMoves => "Aucun mouvement de points.",
        Msg::ColPoints => "Points",
        Msg::ColBalance => "Solde",
        Msg::AdjustPoints => "Corriger les points",
        Msg::FieldPointsDelta => "Points à ajouter ou retirer",
        Msg::PointsDeltaHint => "Un nombre entier, négatif pour retirer\u{a0}: -20.",
        Msg::CustomerTicketsTitle => "Ses tickets",
        Msg::CustomerDataTitle => "Ses données",
        Msg::CustomerDataIntro => {
            "Tout ce que le fichier détient sur cette personne, comme dans l’export JSON. Cette consultation est inscrite au journal."
        }
        Msg::ExportCustomer => "Exporter (JSON)",
        Msg::EraseTitle => "Effacer les données personnelles",
        Msg::EraseIntro => {
            "La fiche est anonymisée\u{a0}: nom, coordonnées, notes et cartes disparaissent, les consentements sont retirés\u{a0}; les ventes et les chiffres restent. C’est définitif."
        }
        Msg::EraseConfirm => "Je confirme l’effacement définitif",
        Msg::EraseSubmit => "Effacer",
        Msg::DuplicatesTitle => "Doublons probables",
        Msg::DuplicatesIntro => {
            "Des fiches qui semblent être la même personne. Choisissez celle à garder\u{a0}: l’autre y est fusionnée (cartes, consentements, points et chiffres)."
        }
        Msg::NoDuplicates => "Aucun doublon probable.",
        Msg::KeepWhich => "Fiche à garder",
        Msg::MergeSubmit => "Fusionner",
        Msg::VisitsCount => "{count} visite(s)",
        Msg::RetentionTitle => "Durée de conservation",
        Msg::RetentionIntro => {
            "Les fiches sans achat, sans modification et sans consentement depuis {years} ans\u{a0}: la CNIL demande de ne pas les garder plus longtemps."
        }
        Msg::NoStaleCustomers => "Aucune fiche à anonymiser.",
        Msg::StaleCountOne => "{count} fiche ancienne",
        Msg::StaleCountOther => "{count} fiches anciennes",
        Msg::RetentionConfirmOne => "J’anonymise {count} fiche, définitivement",
        Msg::RetentionConfirmOther => "J’anonymise ces {count} fiches, définitivement",
        Msg::RetentionSubmit => "Anonymiser",
        Msg::LoyaltySettingsTitle => "Fidélité",
        Msg::LoyaltySettingsIntro => {
            "Le préfixe des cartes de fidélité et ce que rapportent les points."
        }
        Msg::FieldCardPrefix => "Préfixe des cartes",
        Msg::CardPrefixHint => "Deux chiffres de 20 à 29, différents de ceux des balances.",
        Msg::FieldPointsPerEuro => "Points par euro",
        Msg::FieldPointValue => "Valeur d’un point",
        Msg::PointValueHint => "En euros\u{a0}: 0,05.",
        Msg::ErrEraseConfirm => "Cochez la case pour confirmer.",
        Msg::ErrPointsDelta => "Un nombre entier de points, différent de zéro.",
        Msg::ErrBirthDateTyped => "Date illisible\u{a0}: jj/mm/aaaa.",
        Msg::ErrPointsPerEuro => "Un nombre entier de 0 à 1000.",
        Msg::ErrMergePair => "Choisissez l’une des deux fiches.",
        Msg::FlashCustomerCreated => "Client créé.",
        Msg::FlashCustomerSaved => "Fiche enregistrée.",
        Msg::FlashConsentRecorded => "Consentement enregistré.",
        Msg::FlashCardAssigned => "Carte attribuée.",
        Msg::FlashCardReplaced => "Carte remplacée.",
        Msg::FlashPointsAdjusted => "Points corrigés.",
        Msg::FlashCustomersMerged => "Fiches fusionnées.",
        Msg::FlashCustomerErased => "Données personnelles effacées.",
        Msg::FlashStaleErased => "Fiches anciennes anonymisées.",
        Msg::AllocateCard => "Nouvelle carte numérotée par Comptoir",
        Msg::FlashLoyaltySaved => "Réglages de fidélité enregistrés.",
        // public enrolment, customer account, unsubscribe
        Msg::JoinTitle => "Carte de fidélité\u{a0}: inscription",
        Msg::JoinIntro => {
            "Inscrivez-vous pour cumuler des points à chaque achat. Nous vous enverrons un e-mail pour confirmer votre adresse\u{a0}: rien n'est enregistré avant cette confirmation."
        }
        Msg::JoinEmailHint => "Le lien de confirmation y sera envoyé.",
        Msg::JoinConsentsLegend => "Vos préférences de contact",
        Msg::JoinConsentsHint => {
            "Cochez ce que vous acceptez\u{a0}; rien n'est coché d'avance et vous pourrez changer d'avis à tout moment."
        }
        Msg::JoinSubmit => "M'inscrire",
        Msg::JoinPrivacy => {
            "Vos données servent uniquement à {shop}, pour votre carte de fidélité et, si vous l'acceptez, pour vous écrire\u{a0}; elles ne sont jamais cédées. Vous pouvez les consulter, les corriger ou les effacer depuis votre espace client. Sans achat ni contact pendant trois ans, elles sont effacées."
        }
        Msg::JoinAccountLink => "Déjà inscrit(e)\u{a0}? Recevoir un lien vers mon espace client",
        Msg::JoinSentTitle => "Vérifiez votre boîte e-mail",
        Msg::JoinSentBody => {
            "Un e-mail vient d'être envoyé à {email}. Ouvrez le lien qu'il contient dans les 48\u{a0}heures pour confirmer votre inscription."
        }
        Msg::JoinClosed => {
            "L'inscription en ligne n'est pas ouverte dans cette boutique\u{a0}: demandez votre carte en caisse."
        }
        Msg::JoinConfirmTitle => "Confirmer mon inscription",
        Msg::JoinConfirmBody => {
            "Bonjour {name}, cliquez sur le bouton pour confirmer votre inscription avec l'adresse {email}."
        }
        Msg::JoinConfirmSubmit => "Je confirme",
        Msg::JoinDoneTitle => "Inscription confirmée",
        Msg::JoinDoneNew => {
            "Bienvenue\u{a0}! Votre carte de fidélité porte le numéro {card}\u{a0}: donnez ce numéro ou montrez son code-barres en caisse."
        }
        Msg::JoinDoneExisting => {
            "Vous aviez déjà une fiche chez nous\u{a0}: vos préférences de contact sont enregistrées."
        }
        Msg::JoinDoneAccount => "Voir mon espace client",
        Msg::ErrLinkNotValid => {
            "Ce lien n'est plus valable\u{a0}: il a déjà servi, il a expiré ou il est incomplet. Demandez-en un nouveau."
        }
        Msg::ErrTooManyRequests => "Trop de demandes\u{a0}: réessayez dans {minutes}\u{a0}min.",
        Msg::ErrEmailRequired => "L'adresse e-mail est obligatoire.",
        Msg::ErrMailUnavailable => {
            "L'e-mail n'a pas pu être envoyé\u{a0}; réessayez plus tard ou demandez en caisse."
        }
        Msg::MailJoinSubject => "Confirmez votre inscription — {shop}",
        Msg::MailJoinBody => {
            "Bonjour {name},\n\nPour confirmer votre inscription à la carte de fidélité de {shop}, ouvrez ce lien dans les 48 heures\u{a0}:\n\n{url}\n\nSi vous n'avez rien demandé, ignorez ce message\u{a0}: rien n'a été enregistré et la demande sera effacée.\n\n{shop}\n"
        }
        Msg::MailAccountSubject => "Votre espace client — {shop}",
        Msg::MailAccountBody => {
            "Bonjour,\n\nVoici le lien vers votre espace client (points, coordonnées, préférences de contact). Il sert une seule fois, pendant une heure\u{a0}:\n\n{links}\n\nSi vous n'avez rien demandé, ignorez ce message.\n\n{shop}\n"
        }
        Msg::AccountLinkTitle => "Mon espace client",
        Msg::AccountLinkIntro => {
            "Indiquez l'adresse e-mail de votre fiche\u{a0}: nous vous enverrons un lien pour ouvrir votre espace client."
        }
        Msg::AccountLinkSubmit => "Recevoir le lien",
        Msg::AccountLinkSent => {
            "Si une fiche porte l'adresse {email}, un e-mail vient de lui être envoyé avec un lien valable une heure."
        }
        Msg::AccountOpenBody => {
            "Ce lien ne sert qu'une fois\u{a0}: cliquez pour ouvrir votre espace client."
        }
        Msg::AccountOpenSubmit => "Ouvrir mon espace client",
        Msg::AccountHello => "Bonjour {name}",
        Msg::AccountCard => "Carte de fidélité n°\u{a0}{card}",
        Msg::AccountNoCard => "Pas encore de carte\u{a0}: demandez-la en caisse.",
        Msg::AccountPoints => "Vous avez {points}\u{a0}points, soit {value} à dépenser en caisse.",
        Msg::AccountPointsHistory => "Historique des points",
        Msg::AccountDetails => "Mes coordonnées",
        Msg::AccountDetailsSubmit => "Enregistrer mes coordonnées",
        Msg::AccountConsents => "Mes préférences de contact",
        Msg::AccountConsentsSubmit => "Enregistrer mes préférences",
        Msg::AccountData => "Mes données",
        Msg::AccountExport => "Télécharger toutes mes données (JSON)",
        Msg::AccountErase => "Effacer mes données",
        Msg::AccountEraseHint => {
            "Vos nom, coordonnées et préférences sont effacés et votre carte désactivée\u{a0}; vos tickets restent dans la comptabilité de la boutique, sans votre nom. C'est définitif."
        }
        Msg::AccountEraseConfirm => "Je veux que mes données soient effacées",
        Msg::AccountLogout => "Fermer mon espace client",
        Msg::AccountErasedTitle => "Données effacées",
        Msg::AccountErasedBody => {
            "Vos données personnelles ont été effacées. Merci d'avoir été client(e) de {shop}."
        }
        Msg::FlashAccountSaved => "Vos coordonnées sont enregistrées.",
        Msg::FlashPreferencesSaved => "Vos préférences sont enregistrées.",
        Msg::FlashAccountClosed => "Espace client fermé.",
        Msg::UnsubscribeTitle => "Se désabonner",
        Msg::UnsubscribeBody => "Ne plus recevoir d'e-mails de {shop}\u{a0}?",
        Msg::UnsubscribeSubmit => "Me désabonner",
        Msg::UnsubscribeDone => {
            "C'est fait\u{a0}: vous ne recevrez plus d'e-mails de {shop}. Vous pouvez changer d'avis depuis votre espace client."
        }
        // Task A: the customer import page and the exports from the pages.
        Msg::CustomerImportTitle => "Importer des clients",
        Msg::CustomerImportHelp => {
            "Un fichier CSV enregistré depuis le tableur (séparateur «\u{a0};\u{a0}» ou «\u{a0},\u{a0}», UTF-8). Colonnes\u{a0}: nom (obligatoire)\u{a0}; civilité, prénom, société, e-mail, téléphone, téléphone 2, adresse, complément, code postal, ville, pays, date de naissance (jj/mm/aaaa), langue, notes, étiquettes, carte, consentement e-mail, consentement sms, consentement courrier (oui/non), texte du consentement. Une ligne dont l’e-mail ou le téléphone figure plus haut dans le fichier ou chez un client déjà connu est refusée comme doublon probable. Les bonnes lignes sont importées, les autres listées\u{a0}; l’export CSV se réimporte tel quel."
        }
        Msg::CustomerImportSummary => {
            "{created} client(s) créé(s), {rejected} ligne(s) refusée(s)."
        }
        Msg::CustomerImportRefused => "Lignes refusées",
        Msg::CustomerImportDuplicates => "Doublons probables (non importés)",
        Msg::CustomerImportExisting => "Fiche existante",
        Msg::ImportCustomers => "Importer",
        Msg::ExportCustomersCsv => "Exporter (CSV)",
        Msg::ExportCustomersVcard => "Exporter (vCard)",
        Msg::ErrFileTooBig => "Fichier trop volumineux\u{a0}: 8\u{a0}Mo au plus.",
        Msg::ErrNotCsv => {
            "Ce fichier n’est pas un CSV\u{a0}: enregistrez-le depuis le tableur au format «\u{a0}CSV UTF-8\u{a0}»."
        }
        // online sign-up on the loyalty settings
        Msg::OnlineEnrolmentTitle => "Inscription en ligne",
        Msg::OnlineEnrolmentOpen => {
            "Ouverte à l'adresse {url}\u{a0}: affichez-la en boutique (une affiche, un QR code). Les clients y demandent aussi le lien de leur espace client."
        }
        Msg::OnlineEnrolmentClosed => {
            "Fermée\u{a0}: elle s'ouvre quand Comptoir démarre avec un serveur d'e-mails et l'adresse publique de la boutique (--smtp-host et --public-url)."
        }
    }
}
