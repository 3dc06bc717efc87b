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
    }
}
