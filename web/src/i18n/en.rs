//! English, beside the French.

use super::Msg;

pub(super) fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::SkipToContent => "Skip to content",
        Msg::MainNavigation => "Main navigation",
        Msg::NavDashboard => "Dashboard",
        Msg::NavUsers => "Users",
        Msg::NavAccount => "My account",
        Msg::Logout => "Sign out",
        Msg::RoleOwner => "Owner",
        Msg::RoleManager => "Manager",
        Msg::RoleCashier => "Cashier",

        Msg::Optional => "optional",
        Msg::FieldUsername => "Username",
        Msg::FieldDisplayName => "Display name",
        Msg::FieldPassword => "Password",
        Msg::FieldPasswordConfirm => "Confirm password",
        Msg::FieldNewPassword => "New password",
        Msg::FieldCurrentPassword => "Current password",
        Msg::FieldRole => "Role",
        Msg::FieldPin => "PIN",
        Msg::FieldActive => "Active account",
        Msg::FieldLanguage => "Language",
        Msg::ChooseRole => "— Choose a role —",
        Msg::Save => "Save",

        Msg::SetupTitle => "Create the owner account",
        Msg::SetupIntro => {
            "This page works only once: it creates the owner's account, \
             who will then add the other users."
        }
        Msg::SetupSubmit => "Create the account",

        Msg::LoginTitle => "Sign in",
        Msg::LoginSubmit => "Sign in",
        Msg::LoginPinLink => "Cashier sign-in with a PIN",
        Msg::PinLoginTitle => "Sign in with a PIN",
        Msg::PinWho => "Who are you?",
        Msg::PinNoCashiers => "No cashier has a PIN yet: sign in with your password.",
        Msg::PinBackToLogin => "Sign in with a password",

        Msg::DashboardTitle => "Dashboard",
        Msg::Greeting => "Hello, {name}",
        Msg::TodayIs => "Today is {date}.",
        Msg::TillCardTitle => "The till",
        Msg::TillCardText => "Sell, take payments and print receipts.",
        Msg::TillCardLink => "Go to the till",
        Msg::UsersCardText => "Create accounts, choose roles, set PINs.",
        Msg::UsersCardLink => "Manage users",
        Msg::UsersCountOne => "{count} user",
        Msg::UsersCountOther => "{count} users",
        Msg::BackOfficeCardTitle => "Back office",
        Msg::BackOfficeCardText => "Running the shop, away from the till.",

        Msg::UsersListTitle => "All users",
        Msg::ColName => "Name",
        Msg::ColStatus => "Status",
        Msg::ColLastLogin => "Last sign-in",
        Msg::ColActions => "Actions",
        Msg::StatusActive => "Active",
        Msg::StatusDisabled => "Disabled",
        Msg::Yes => "Yes",
        Msg::No => "No",
        Msg::Never => "Never",
        Msg::Edit => "Edit",
        Msg::NoUsers => "No users.",
        Msg::NewUserTitle => "New user",
        Msg::PinHint => "To sign in at the till without a password.",
        Msg::CreateUserSubmit => "Create user",

        Msg::UserEditTitle => "Edit “{name}”",
        Msg::BackToUsers => "Back to users",
        Msg::ProfileSection => "Profile",
        Msg::ActiveHint => "A disabled account can no longer sign in.",
        Msg::ResetPasswordSubmit => "Reset the password",
        Msg::ResetPasswordNote => {
            "The user will be signed out everywhere and must sign in again \
             with the new password."
        }
        Msg::PinIsSet => "A PIN is set.",
        Msg::PinIsUnset => "No PIN is set.",
        Msg::PinEmptyRemoves => "Leave empty to remove the PIN.",
        Msg::PinSubmit => "Save the PIN",
        Msg::SessionsSection => "Sessions",
        Msg::RevokeSessionsText => "Ends all of this user's sessions, on every device.",
        Msg::RevokeSessionsSubmit => "Sign out everywhere",

        Msg::LanguageBrowser => "Browser language",
        Msg::LanguageFrench => "Français",
        Msg::LanguageEnglish => "English",
        Msg::ChangePasswordTitle => "Change password",

        Msg::ErrorCode => "Error {status}",
        Msg::Error400Title => "Bad request",
        Msg::Error400Text => "The request could not be understood.",
        Msg::Error403Title => "Access denied",
        Msg::Error403Text => "Your role does not allow this page.",
        Msg::Error404Title => "Page not found",
        Msg::Error404Text => "This page does not exist or has moved.",
        Msg::Error409Title => "Conflict",
        Msg::Error409Text => "The data changed in the meantime. Reload the page and try again.",
        Msg::Error422Title => "Invalid data",
        Msg::Error422Text => "Some of the information sent is not valid.",
        Msg::Error429Title => "Too many attempts",
        Msg::Error429Text => "Wait a few minutes before trying again.",
        Msg::Error500Title => "Internal error",
        Msg::Error500Text => "Nothing was lost: try again in a moment.",
        Msg::ErrorOtherTitle => "Something went wrong",
        Msg::ErrorOtherText => {
            "Try again; if it keeps happening, tell the person in charge of the shop."
        }
        Msg::BackHome => "Back to the home page",
        Msg::ErrInvalidUsername => {
            "A user name has 2 to 32 characters: lower-case letters without accents, digits, “.”, “-” or “_”."
        }
        Msg::ErrUsernameTaken => "This user name is already taken.",
        Msg::ErrInvalidDisplayName => "The display name has 1 to 80 characters.",
        Msg::ErrWeakPassword => "The password must have at least 8 characters (at most 128).",
        Msg::ErrInvalidPin => "The PIN has 4 to 8 digits.",
        Msg::ErrLastOwner => "The shop must keep at least one active owner.",
        Msg::ErrThrottled => "Too many failed attempts: try again in {minutes} min.",
        Msg::ErrBadCredentials => "Wrong user name or password.",
        Msg::ErrBadPin => "Wrong PIN.",
        Msg::ErrPasswordsDiffer => "The two passwords differ.",
        Msg::ErrCurrentPassword => "The current password is wrong.",
        Msg::ErrRoleRequired => "Choose a role.",
        Msg::ErrCsrf => {
            "The form has expired or did not come from Comptoir: reload the page and try again."
        }
        Msg::ErrSetupToken => {
            "Invalid setup address: use the one printed in the console when the server started."
        }
        Msg::ErrBadForm => "Incomplete or malformed form.",
        Msg::ErrBadJson => "Invalid JSON body: {detail}",
        Msg::ErrBadQuery => "Invalid parameters: {detail}",
        Msg::ErrUnauthorized => {
            "Authentication required: send “Authorization: Bearer TOKEN” with a valid token."
        }
        Msg::ErrForbidden => "Your role does not allow this action.",
        Msg::ErrNotFound => "Not found.",
        Msg::ErrInternal => "Internal error: nothing was half-saved, try again.",
        Msg::ErrUnavailable => "Database unavailable, try again in a moment.",
        Msg::NotSetUpYet => {
            "Comptoir has no account yet: open the setup address printed in the server console to create the owner’s."
        }
        Msg::FlashWelcome => "Owner account created. Welcome to Comptoir!",
        Msg::FlashUserCreated => "User created.",
        Msg::FlashUserSaved => "Changes saved.",
        Msg::FlashPasswordReset => "Password changed; all of this user’s sessions are closed.",
        Msg::FlashPinSaved => "PIN saved.",
        Msg::FlashPinRemoved => "PIN removed.",
        Msg::FlashSessionsRevoked => "All of this user’s sessions are closed.",
        Msg::FlashLanguageSaved => "Language saved.",
        Msg::FlashPasswordChanged => "Password changed. Please log in again.",
        Msg::FlashLoggedOut => "You are logged out.",
    }
}
