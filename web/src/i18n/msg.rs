//! Every string the interface shows, named once. `{name}` marks a placeholder
//! filled by [`super::tf`].

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    // Layout
    SkipToContent,
    MainNavigation,
    NavDashboard,
    NavUsers,
    NavAccount,
    Logout,
    RoleOwner,
    RoleManager,
    RoleCashier,

    // Form fields
    Optional,
    FieldUsername,
    FieldDisplayName,
    FieldPassword,
    FieldPasswordConfirm,
    FieldNewPassword,
    FieldCurrentPassword,
    FieldRole,
    FieldPin,
    FieldActive,
    FieldLanguage,
    ChooseRole,
    Save,

    // Setup
    SetupTitle,
    SetupIntro,
    SetupSubmit,

    // Login
    LoginTitle,
    LoginSubmit,
    LoginPinLink,
    PinLoginTitle,
    PinWho,
    PinNoCashiers,
    PinBackToLogin,

    // Dashboard
    DashboardTitle,
    Greeting,
    TodayIs,
    TillCardTitle,
    TillCardText,
    TillCardLink,
    UsersCardText,
    UsersCardLink,
    UsersCountOne,
    UsersCountOther,
    BackOfficeCardTitle,
    BackOfficeCardText,

    // Users
    UsersListTitle,
    ColName,
    ColStatus,
    ColLastLogin,
    ColActions,
    StatusActive,
    StatusDisabled,
    Yes,
    No,
    Never,
    Edit,
    NoUsers,
    NewUserTitle,
    PinHint,
    CreateUserSubmit,

    // User edit
    UserEditTitle,
    BackToUsers,
    ProfileSection,
    ActiveHint,
    ResetPasswordSubmit,
    ResetPasswordNote,
    PinIsSet,
    PinIsUnset,
    PinEmptyRemoves,
    PinSubmit,
    SessionsSection,
    RevokeSessionsText,
    RevokeSessionsSubmit,

    // Account
    LanguageBrowser,
    LanguageFrench,
    LanguageEnglish,
    ChangePasswordTitle,

    // Error pages
    ErrorCode,
    Error400Title,
    Error400Text,
    Error403Title,
    Error403Text,
    Error404Title,
    Error404Text,
    Error409Title,
    Error409Text,
    Error422Title,
    Error422Text,
    Error429Title,
    Error429Text,
    Error500Title,
    Error500Text,
    ErrorOtherTitle,
    ErrorOtherText,
    BackHome,
}
