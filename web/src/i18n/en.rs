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
        Msg::NavProducts => "Products",
        Msg::NavSuppliers => "Suppliers",
        Msg::NavOrders => "Orders",

        Msg::UnitPieceAbbr => "pc",
        Msg::UnitKgAbbr => "kg",
        Msg::UnitLAbbr => "l",
        Msg::UnitMAbbr => "m",
        Msg::UnitPieceWords => "by the piece",
        Msg::UnitKgWords => "by the kilo",
        Msg::UnitLWords => "by the litre",
        Msg::UnitMWords => "by the metre",
        Msg::BadgeArchived => "archived",
        Msg::BadgeLow => "low",
        Msg::MovementSale => "Sale",
        Msg::MovementReturn => "Return",
        Msg::MovementReceipt => "Receipt",
        Msg::MovementAdjustment => "Adjustment",
        Msg::MovementStocktake => "Stocktake",
        Msg::MovementTransfer => "Transfer",
        Msg::OrderStatusDraft => "Draft",
        Msg::OrderStatusSent => "Sent",
        Msg::OrderStatusPartial => "Partly received",
        Msg::OrderStatusReceived => "Received",
        Msg::OrderStatusCancelled => "Cancelled",

        Msg::SearchProducts => "Search products",
        Msg::SearchPlaceholder => "Name, barcode or category",
        Msg::AllCategories => "All categories",
        Msg::LowStockOnly => "Low stock only",
        Msg::SearchSubmit => "Search",
        Msg::NewProduct => "New product",
        Msg::ImportProducts => "Import",
        Msg::ExportProducts => "Export (CSV)",
        Msg::ColBarcode => "Barcode",
        Msg::ColPrice => "Price incl. VAT",
        Msg::ColVat => "VAT",
        Msg::ColStock => "Stock",
        Msg::ColCost => "Cost excl. VAT",
        Msg::ColMargin => "Margin",
        Msg::NoProducts => "No products",

        Msg::EditProductTitle => "Edit the product",
        Msg::FieldName => "Name",
        Msg::FieldBarcodes => "Barcodes",
        Msg::BarcodesHint => "One per line; EAN-13, EAN-8, UPC-A or an in-house code",
        Msg::FieldPrice => "Selling price incl. VAT",
        Msg::PriceHint => "e.g. 4.95",
        Msg::FieldVatRate => "VAT rate",
        Msg::ChooseVatRate => "— Choose a rate —",
        Msg::FieldUnit => "Sold",
        Msg::FieldCategory => "Category",
        Msg::CategoryHint => "e.g. Grocery > Jams; created if it does not exist",
        Msg::FieldCost => "Purchase cost excl. VAT",
        Msg::CostHint => "Used for the margin until goods have been received.",
        Msg::FieldReorderLevel => "Reorder level",
        Msg::ReorderLevelHint => "At or below this level, the product is flagged as low on stock.",
        Msg::FieldPreferredSupplier => "Usual supplier",
        Msg::NoSupplierChoice => "— None —",
        Msg::FieldOnSale => "On sale (unticked: archived)",
        Msg::CreateProductSubmit => "Create the product",
        Msg::BackToProducts => "Back to products",
        Msg::BackToProduct => "Back to the product",

        Msg::FieldPriceExclVat => "Price excl. VAT",
        Msg::FieldAverageCost => "Weighted average cost",
        Msg::StockByLocation => "Stock by location",
        Msg::ColLocation => "Location",
        Msg::ColQuantity => "Quantity",
        Msg::Total => "Total",
        Msg::SalesFloor => "sales floor",
        Msg::NegativeStockWarning => "Negative stock: check the shelf",
        Msg::MovementsTitle => "Stock movements",
        Msg::ColDate => "Date",
        Msg::ColKind => "Type",
        Msg::ColReason => "Reason or reference",
        Msg::ColUnitCost => "Unit cost excl. VAT",
        Msg::NoMovements => "No movements.",
        Msg::AdjustTitle => "Adjust the stock",
        Msg::FieldQuantity => "Quantity",
        Msg::AdjustQuantityHint => "e.g. -2 for two broken jars",
        Msg::FieldReason => "Reason",
        Msg::FieldLocation => "Location",
        Msg::AdjustSubmit => "Record the adjustment",
        Msg::TransferTitle => "Move stock",
        Msg::FieldFromLocation => "From",
        Msg::FieldToLocation => "To",
        Msg::TransferSubmit => "Move",

        Msg::NoSuppliers => "No suppliers.",
        Msg::NewSupplierTitle => "New supplier",
        Msg::CreateSupplierSubmit => "Create the supplier",
        Msg::FieldContactName => "Contact",
        Msg::FieldEmail => "E-mail",
        Msg::FieldPhone => "Phone",
        Msg::FieldAddress => "Address",
        Msg::FieldSiret => "SIRET",
        Msg::SiretHint => "14 digits (French company number)",
        Msg::FieldNotes => "Notes",
        Msg::FieldSupplierActive => "Active supplier",
        Msg::SupplierActiveHint => "An inactive supplier is no longer offered for orders.",
        Msg::StatusInactive => "Inactive",
        Msg::BackToSuppliers => "Back to suppliers",
        Msg::SupplierCardTitle => "Supplier details",
        Msg::SupplierCatalogueTitle => "What they supply",
        Msg::ColProduct => "Product",
        Msg::ColReference => "Reference",
        Msg::ColPackSize => "Pack size",
        Msg::ColLeadTime => "Lead time",
        Msg::LeadTimeDaysOne => "{count} day",
        Msg::LeadTimeDaysOther => "{count} days",
        Msg::NoSupplierProducts => "No products listed for this supplier.",
        Msg::SupplierOrdersTitle => "Their orders",

        Msg::OrdersTitle => "Purchase orders",
        Msg::NoOrders => "No orders.",
        Msg::NewOrder => "New order",
        Msg::ColNumber => "Number",
        Msg::ColSupplier => "Supplier",
        Msg::ColCreated => "Created",
        Msg::ColTotalExclVat => "Total excl. VAT",
        Msg::OrderTitle => "Order {number}",
        Msg::FieldSupplier => "Supplier",
        Msg::ChooseSupplier => "— Choose a supplier —",
        Msg::OrderLinesTitle => "Lines",
        Msg::OrderLinesHint => {
            "Product: barcode, exact name or number (#12). Blank lines are ignored; \
             without a cost, the product’s own is used."
        }
        Msg::LineFieldLabel => "{field}, line {line}",
        Msg::CreateOrderSubmit => "Create the order",
        Msg::BackToOrders => "Back to orders",
        Msg::OrderPdf => "Purchase order (PDF)",
        Msg::FieldCreatedAt => "Created",
        Msg::FieldSentAt => "Sent",
        Msg::ColOrdered => "Ordered",
        Msg::ColReceived => "Received",
        Msg::ColRemaining => "Remaining",
        Msg::ColLineTotal => "Total excl. VAT",
        Msg::MarkSentSubmit => "Mark as sent",
        Msg::CancelOrderSubmit => "Cancel the order",
        Msg::ReceiveTitle => "Receive goods",
        Msg::ReceiveHint => "Enter what arrived; 0 or empty: line not delivered.",
        Msg::ReceiveLocation => "Put away in",
        Msg::ColReceiveQuantity => "Quantity received",
        Msg::ColReceiveCost => "Actual unit cost excl. VAT",
        Msg::ReceiveSubmit => "Record the receipt",
        Msg::WarnOverReceived => "Received more than ordered: {product} ({received} for {ordered})",

        Msg::ErrProductName => "The name has 1 to 120 characters.",
        Msg::ErrAmount => "{field}: invalid amount ({reason}).",
        Msg::ErrNegativeAmount => "An amount cannot be negative.",
        Msg::ErrQuantity => "Invalid quantity: {reason}",
        Msg::ErrVatRate => "Unknown VAT rate “{value}” (rates in force: {known}).",
        Msg::ErrUnit => "Unknown unit “{value}”: piece, kg, l or m.",
        Msg::ErrBarcode => "Invalid barcode “{code}”: {reason}",
        Msg::ErrBarcodeCheckDigit => {
            "Barcode “{code}”: the check digit should be {expected}, not {found}."
        }
        Msg::ErrDuplicateBarcode => "Barcode {code} already belongs to “{product}”.",
        Msg::ErrEmail => "Invalid e-mail address: “{value}”.",
        Msg::ErrSiret => "Invalid SIRET “{value}”: 14 digits.",
        Msg::ErrEmptyOrder => "An order has at least one line.",
        Msg::ErrDuplicateLine => "This product appears twice on the order.",
        Msg::ErrNotOnOrder => "This product is not on this order.",
        Msg::ErrOrderClosed => "This order is {status}: it can no longer be changed.",
        Msg::ErrUnknownProduct => "Product not found: “{value}”.",
        Msg::ErrName => "The name has 1 to {max} characters.",
        Msg::ErrConflict => "{detail}",
        Msg::ErrReasonRequired => "Give the reason for the adjustment.",
        Msg::ErrNotFoundThing => "{what} not found.",
        Msg::FlashProductSaved => "Product saved.",
        Msg::FlashStockAdjusted => "Stock adjusted.",
        Msg::FlashStockTransferred => "Stock moved.",
        Msg::FlashSupplierSaved => "Supplier saved.",
        Msg::FlashOrderCreated => "Order created.",
        Msg::FlashOrderSent => "Order marked as sent.",
        Msg::FlashOrderCancelled => "Order cancelled.",
        Msg::FlashGoodsReceived => "Receipt recorded: the stock is up to date.",

        Msg::NavStocktakes => "Stocktakes",
        Msg::StocktakeStatusOpen => "Open",
        Msg::StocktakeStatusValidated => "Validated",
        Msg::StocktakeStatusCancelled => "Cancelled",
        Msg::NoStocktakes => "No stocktakes.",
        Msg::AllProducts => "All products",
        Msg::ColOpened => "Opened",
        Msg::ColCounted => "Counted",
        Msg::CountedOfTotal => "{counted}/{total} counted",
        Msg::NewStocktakeTitle => "New stocktake",
        Msg::NewStocktakeHint => {
            "One line per active product, with its stock when the count opens; \
             sales go on during the count."
        }
        Msg::OpenStocktakeSubmit => "Open a stocktake",
        Msg::StocktakeTitle => "Stocktake {number}",
        Msg::BackToStocktakes => "Back to stocktakes",
        Msg::FieldOpenedAt => "Opened",
        Msg::FieldClosedAt => "Closed",
        Msg::ScanLabel => "Scan an item (adds 1)",
        Msg::ScanSubmit => "Add",
        Msg::ScannedOne => "+1: {name}",
        Msg::CountsTitle => "Counts",
        Msg::CountsHint => "Enter what is on the shelf; empty: not counted yet.",
        Msg::ColExpected => "Expected",
        Msg::ColDifference => "Difference",
        Msg::SaveCountsSubmit => "Save the counts",
        Msg::ValidateStocktakeSubmit => "Validate the stocktake",
        Msg::ValidateStocktakeHint => {
            "Each difference becomes a “Stocktake” stock movement; \
             products not counted keep their stock."
        }
        Msg::CancelStocktakeSubmit => "Abandon",
        Msg::NoStocktakeLines => "No products to count.",
        Msg::FlashStocktakeOpened => "Stocktake opened.",
        Msg::FlashCountsSaved => "Counts saved.",
        Msg::FlashStocktakeValidated => "Stocktake validated: the stock is up to date.",
        Msg::FlashStocktakeCancelled => "Stocktake abandoned.",

        Msg::ReorderTitle => "Reorder",
        Msg::ReorderIntro => {
            "Products at or below their level, by supplier: enough to get back \
             to twice the level, in whole packs."
        }
        Msg::NoSupplierKnown => "No known supplier",
        Msg::NoSupplierKnownHint => {
            "Set a preferred supplier on the product to order it from here."
        }
        Msg::ColReorderLevel => "Reorder level",
        Msg::ColSuggested => "To order",
        Msg::CreateDraftsSubmit => "Create the draft orders",
        Msg::CreateDraftsHint => "One draft order per supplier, to check before sending it.",
        Msg::NoReorder => "No product below its reorder level.",
        Msg::FlashDraftsCreated => "Draft orders created.",
        Msg::ImportTitle => "Import products",
        Msg::ImportResult => "Import result",
        Msg::ImportSummary => "{created} created, {updated} updated, {rejected} refused.",
        Msg::ImportLine => "Line",
        Msg::ImportReason => "Reason",
        Msg::ImportHelp => {
            "A CSV file saved from a spreadsheet (“;” or “,” separator, UTF-8). Columns: nom, prix, tva (required); code-barres, unité, catégorie, coût, seuil, stock, actif. A known barcode updates its product."
        }
        Msg::ImportFile => "CSV file",
        Msg::ImportSubmit => "Import",
        Msg::ErrNoFile => "Choose a CSV file.",
        Msg::TermsTitle => "Add or change an item from this supplier",
        Msg::TermsProduct => "Product",
        Msg::TermsProductHint => "Barcode, exact name or #number of the product",
        Msg::TermsReference => "Supplier’s reference",
        Msg::TermsCost => "Cost excl. VAT",
        Msg::TermsPack => "Pack size",
        Msg::TermsLeadTime => "Lead time (days)",
        Msg::FlashTermsSaved => "Supplier item saved.",
        Msg::ErrLeadTime => "A lead time is a positive number of days.",
        Msg::StockCardTitle => "Stock",
        Msg::LowStockCount => "{count} product(s) at or below their reorder level",
        Msg::NegativeStockCount => "{count} product(s) with negative stock: check the shelves",
        Msg::LowStockLink => "See low stock",
        // scanning
        Msg::ScanUnknownBarcode => "No product has the barcode “{code}”.",
        Msg::ScanNotOnOrder => "“{name}” is not on this order.",
        Msg::ScanCodeNotOnOrder => "No item on this order has the barcode “{code}”.",
        Msg::ScanNotInStocktake => "“{name}” is not part of this stocktake.",
        Msg::ScanFailed => "The scan could not be saved: reload the page.",
        Msg::ReceiveScanModeStart => "Receive by scanning (quantities from 0)",
        Msg::ReceiveScanModePrefilled => "Prefilled quantities (what remains)",
        Msg::ReceiveScanHint => {
            "Each scan adds 1 to the item’s line; check the quantities before recording."
        }
        Msg::ScanEmpty => "Scan or type a barcode.",
        // till
        Msg::ErrTillNotFound => "Till “{code}” not found.",
        Msg::ErrTicketNotFound => "Ticket “{id}” not found.",
        Msg::ErrSessionNotFound => "Cash session not found.",
        Msg::ErrTicketLineNotFound => "That line is not on the ticket.",
        Msg::ErrTillCode => "A till code has 1 to 20 letters, digits or dashes.",
        Msg::ErrTillCodeTaken => "Till code “{code}” is already taken.",
        Msg::ErrPrinterAddress => "Invalid printer address: tcp://host:port or file:/path.",
        Msg::ErrPrinterColumns => "A receipt printer prints 42 or 48 columns.",
        Msg::ErrPositiveAmount => "The amount must be more than zero.",
        Msg::ErrCashReason => "Give the reason for the cash movement.",
        Msg::ErrPostcode => "Invalid postcode: 5 digits.",
        Msg::ErrDiscountLimit => "The discount limit is 0 to 100%.",
        Msg::ErrSaleId => "The sale’s id must be a UUID.",
        Msg::ErrTillInactive => "Till {code} is archived.",
        Msg::ErrNoOpenSession => "Till {code} has no open session: open it with the counted float.",
        Msg::ErrSessionAlreadyOpen => "Till {code} already has an open session.",
        Msg::ErrUnknownBarcode => "Unknown barcode: “{code}”.",
        Msg::ErrProductArchived => "“{name}” is archived: it is no longer sold.",
        Msg::ErrEmptySale => "The ticket is empty: scan at least one item.",
        Msg::ErrLineZeroQuantity => "Line {line}: the quantity must be more than zero.",
        Msg::ErrLineTooLarge => "Line {line}: quantity too large.",
        Msg::ErrLineWholePieces => {
            "Line {line}: this product is sold by the piece (whole quantity)."
        }
        Msg::ErrLineDiscount => "Line {line}: the discount is more than the line.",
        Msg::ErrTicketDiscount => "The discount is more than the ticket.",
        Msg::ErrPaymentNotPositive => "Every payment must be more than zero.",
        Msg::ErrLoyaltyWithoutCustomer => "Paying with points needs the customer’s card.",
        Msg::ErrPaymentShort => "Payment short: {paid} received for a total of {total}.",
        Msg::ErrChangeWithoutCash => {
            "Change is only given in cash: {paid} received for a total of {total}."
        }
        Msg::ErrApprovalDiscount => "A discount beyond the limit needs a manager’s PIN.",
        Msg::ErrApprovalRefund => "A refund beyond the limit needs a manager’s PIN.",
        Msg::ErrApprovalNoTicket => "A refund without the ticket needs a manager’s PIN.",
        Msg::ErrApprovalPin => "Wrong manager PIN.",
        Msg::ErrRefundOfRefund => "Ticket {ticket} is a refund: it cannot be refunded.",
        Msg::ErrRefundTooMany => {
            "Line {line}: {asked} asked, but {sold} sold of which {refunded} already refunded."
        }
        Msg::ErrNothingToRefund => "All of ticket {ticket} has already been refunded.",
        Msg::ErrTrainingMismatch => "A training ticket cannot be mixed with a real one.",
        Msg::ErrNoPrinter => "Till {code} has no printer.",
        Msg::ErrPrinter => {
            "Printing failed ({detail}). The sale is saved: reprint when the printer is ready."
        }
        Msg::ErrUnknownCard => "Unknown loyalty card: “{card}”.",
        Msg::ErrLineItem => "Line {line}: give product_id or barcode.",
        Msg::ErrPaymentMethod => {
            "Unknown payment method “{value}”: cash, card, cheque, voucher or loyalty."
        }
        Msg::ErrBothDiscounts => "A discount is a percentage or an amount, not both.",
        Msg::ErrNoSmtp => "Sending e-mail is not configured (SMTP settings at start).",
        Msg::ErrMail => "The e-mail could not be sent ({detail}). The sale is saved.",
        Msg::ErrDay => "Invalid date “{value}”: dd/mm/yyyy or yyyy-mm-dd.",

        // settings pages
        Msg::NavSettings => "Settings",
        Msg::SettingsIntro => {
            "What rarely changes: the category tree, the stock locations, the VAT rates and the scale labels."
        }
        Msg::CategoriesTitle => "Categories",
        Msg::CategoriesIntro => {
            "Categories are born with products (“Grocery > Jams”); here you rename and arrange them. A category moved takes its subcategories and their products along."
        }
        Msg::NoCategories => "No category yet: they are created from the product form.",
        Msg::ColCategory => "Category",
        Msg::ColProductCount => "Products",
        Msg::FieldNewName => "New name",
        Msg::RenameSubmit => "Rename",
        Msg::FieldMoveUnder => "Move under",
        Msg::TopLevel => "— Top level —",
        Msg::MoveSubmit => "Move",
        Msg::FlashCategorySaved => "Category saved.",
        Msg::LocationsTitle => "Locations",
        Msg::LocationsIntro => {
            "Where stock stands. The till sells from the “sales floor” location."
        }
        Msg::SalesFloorBadge => "sales floor",
        Msg::ColStockValue => "Stock value",
        Msg::NewLocationTitle => "New location",
        Msg::CreateLocationSubmit => "Create the location",
        Msg::FlashLocationSaved => "Location saved.",
        Msg::VatTitle => "VAT rates",
        Msg::VatIntro => {
            "Each product is filed under a rate. When the law changes a rate, schedule the new one from its date: on that day the products of that rate move to it without being edited."
        }
        Msg::ColVatLine => "Rate",
        Msg::ColVatRate => "Percentage",
        Msg::ColValidFrom => "From",
        Msg::ColValidTo => "To",
        Msg::VatOpenEnded => "—",
        Msg::VatStatusInForce => "In force",
        Msg::VatStatusScheduled => "Scheduled",
        Msg::VatStatusEnded => "Ended",
        Msg::NewVatTitle => "Schedule a change of rate",
        Msg::FieldVatLine => "Rate that changes",
        Msg::NewVatLine => "— A new rate —",
        Msg::FieldNewRate => "New percentage",
        Msg::NewRateHint => "For example 21 or 5.5",
        Msg::FieldValidFrom => "From",
        Msg::ValidFromHint => "Tomorrow at the earliest",
        Msg::ScheduleVatSubmit => "Schedule",
        Msg::FlashVatScheduled => "Change of rate scheduled.",
        Msg::ScaleTitle => "Scale labels",
        Msg::ScaleIntro => {
            "Scales print EAN-13 codes starting with 20 to 29: depending on the prefix, the code carries a weight or a price. Give those of your scales; the other prefixes stay free (loyalty cards…)."
        }
        Msg::FieldWeightPrefixes => "“Weight” prefixes",
        Msg::FieldPricePrefixes => "“Price” prefixes",
        Msg::ScalePrefixesHint => "Numbers from 20 to 29, separated by commas (empty: none)",
        Msg::FlashScaleSaved => "Scale prefixes saved.",
        Msg::ValuationTitle => "Stock value",
        Msg::ValuationIntro => {
            "Quantity in stock × weighted average cost (else the cost entered on the product). Negative stock is worth nothing: it is counted apart."
        }
        Msg::ColInStock => "Products in stock",
        Msg::ColBelowZero => "Below zero",
        Msg::ColWithoutCost => "Without cost",
        Msg::WithoutCostCount => {
            "{count} product(s) in stock without a known cost: their value is missing from the total."
        }
        Msg::ValuationLink => "Stock value",
        Msg::ErrCategoryCycle => "A category cannot go under itself or one of its subcategories.",
        Msg::ErrDuplicateCategory => "A category “{name}” already exists there.",
        Msg::ErrDuplicateLocation => "A location “{name}” already exists.",
        Msg::ErrVatRateInvalid => {
            "Invalid rate “{value}”: a percentage from 0 to 99.99, for example 21 or 5.5."
        }
        Msg::ErrVatDateNotFuture => "A change of rate starts tomorrow at the earliest.",
        Msg::ErrDuplicateVatRate => {
            "The {rate}% rate is already in force or scheduled on that date."
        }
        Msg::ErrVatDate => "Invalid date: type it as dd/mm/yyyy.",
        Msg::ErrScalePrefixRange => "Prefix {prefix} is not between 20 and 29.",
        Msg::ErrScalePrefixTwice => {
            "Prefix {prefix} is given twice: a prefix carries either a weight or a price."
        }
        Msg::ErrScalePrefixInvalid => "“{text}” is not a prefix: two digits, from 20 to 29.",
        // till page
        Msg::NavTill => "Till",
        Msg::TillTitle => "Till {code}",
        Msg::TillNone => "No till is configured yet. The owner creates one in Settings.",
        Msg::TillChoose => "Choose the till",
        Msg::TillClosed => "The till is closed.",
        Msg::TillOpenTitle => "Open the till",
        Msg::TillFloat => "Counted float",
        Msg::TillOpenSubmit => "Open the till",
        Msg::TillSessionSince => "Session opened {at} by {name}",
        Msg::TillScanLabel => "Scan or type (barcode, name, or 3* for a quantity)",
        Msg::TillNoScript => {
            "Selling at the till needs JavaScript. Turn it on in the till’s browser."
        }
        Msg::TillTotal => "Total",
        Msg::TillToPay => "Left to pay",
        Msg::TillChange => "Change",
        Msg::TillComplete => "Complete the sale",
        Msg::TillHold => "Put on hold",
        Msg::TillResume => "Take a ticket back",
        Msg::TillCancel => "Cancel the ticket",
        Msg::TillTraining => "Training mode",
        Msg::TillTrainingBanner => "TRAINING — these sales do not count",
        Msg::TillXReport => "X report",
        Msg::TillCash => "Cash in / out",
        Msg::TillCloseSession => "Close the till",
        Msg::TillRefund => "Return / refund",
        Msg::TillCashKind => "Movement",
        Msg::TillCashIn => "Cash in",
        Msg::TillCashOut => "Cash out",
        Msg::TillCashAmount => "Amount",
        Msg::TillCashReason => "Reason",
        Msg::TillCashSubmit => "Save",
        Msg::TillCounted => "Cash counted in the drawer",
        Msg::TillCloseSubmit => "Close and print the Z",
        Msg::TillCloseHint => {
            "Count the drawer without looking at the expected amount: the difference shows on the Z report."
        }
        Msg::ReportX => "X report (during the day)",
        Msg::ReportZ => "Z report no. {number}",
        Msg::ReportPrint => "Print",
        Msg::ReportSales => "Sales",
        Msg::ReportRefunds => "Refunds",
        Msg::ReportDiscounts => "Discounts",
        Msg::ReportNet => "Turnover incl. VAT",
        Msg::ReportNumbers => "Tickets no. {first} to {last}",
        Msg::ReportByMethod => "By payment method",
        Msg::ReportByVat => "By VAT rate",
        Msg::ReportVatRate => "Rate",
        Msg::ReportVatBase => "Excl. VAT",
        Msg::ReportVatTax => "VAT",
        Msg::ReportVatTotal => "Incl. VAT",
        Msg::ReportFloat => "Float",
        Msg::ReportCashIn => "Cash in",
        Msg::ReportCashOut => "Cash out",
        Msg::ReportExpected => "Expected cash",
        Msg::ReportCounted => "Counted cash",
        Msg::ReportDifference => "Difference",
        Msg::ReportGrandTotal => "Perpetual grand total",
        Msg::ReportOpened => "Opened {at}",
        Msg::ReportClosed => "Closed {at}",
        // back office sales
        Msg::TillsTitle => "Tills",
        Msg::TillsIntro => {
            "Each till has its code, printed on its tickets, and its own chain of tickets. The code never changes once the till exists."
        }
        Msg::ColTillCode => "Code",
        Msg::ColPrinter => "Printer",
        Msg::ColColumns => "Columns",
        Msg::ColDrawer => "Drawer on cash",
        Msg::ColCashSession => "Session",
        Msg::ColLastTicket => "Last ticket",
        Msg::ColGrandTotal => "Grand total",
        Msg::NoPrinter => "none",
        Msg::TillActive => "active",
        Msg::TillArchived => "archived",
        Msg::SessionOpen => "Open",
        Msg::SessionClosed => "Closed",
        Msg::NoTills => "No till yet.",
        Msg::NewTillTitle => "New till",
        Msg::FieldTillCode => "Till code",
        Msg::TillCodeHint => "Letters, digits or dashes, for example T02. It will never change.",
        Msg::CreateTillSubmit => "Create the till",
        Msg::FieldTillActive => "Till active",
        Msg::TillActiveHint => "An archived till can no longer open a session; its tickets stay.",
        Msg::TillNamePlaceholder => "Main till",
        Msg::FieldPrinter => "Printer address",
        Msg::PrinterHint => {
            "tcp://192.168.1.50:9100 for a network printer, file:/dev/usb/lp0 for a USB printer."
        }
        Msg::FieldPrinterColumns => "Receipt width",
        Msg::Columns42 => "42 columns (80 mm, standard font)",
        Msg::Columns48 => "48 columns (80 mm, small font)",
        Msg::FieldDrawerOnCash => "Open the cash drawer on a cash payment",
        Msg::FlashTillCreated => "Till created.",
        Msg::FlashTillSaved => "Till saved.",
        Msg::ShopTitle => "Shop",
        Msg::ShopIntro => "What receipts print about the shop, and the till's rules.",
        Msg::ShopIdentity => "Identity on receipts",
        Msg::FieldShopName => "Shop name",
        Msg::FieldAddressLine1 => "Address",
        Msg::FieldAddressLine2 => "Address, second line",
        Msg::FieldPostcode => "Postcode",
        Msg::FieldCity => "City",
        Msg::FieldVatNumber => "EU VAT number",
        Msg::FieldReceiptFooter => "Receipt footer",
        Msg::ReceiptFooterHint => {
            "Printed at the bottom of every receipt, for example “Thank you for your visit”."
        }
        Msg::ShopTillRules => "Till rules",
        Msg::FieldPrintMode => "Printing the receipt",
        Msg::PrintModeAsk => "Ask the customer (recommended)",
        Msg::PrintModeAlways => "Always print",
        Msg::PrintModeNever => "Never print",
        Msg::PrintModeHint => {
            "Since 2023, French law wants the receipt printed only when the customer asks for it, with some exceptions."
        }
        Msg::FieldMaxDiscount => "Cashier's largest discount (%)",
        Msg::MaxDiscountHint => "Beyond it, a manager's PIN is asked. From 0 to 100.",
        Msg::FieldRefundLimit => "Largest refund without a manager (€)",
        Msg::RefundLimitHint => "Beyond it, or without the ticket, a manager's PIN is asked.",
        Msg::ReceiptPreviewTitle => "Receipt preview",
        Msg::FlashShopSaved => "Shop saved.",
        Msg::ErrAmountFormat => "Invalid amount: type for example 50 or 12.50.",
        Msg::NavSales => "Sales",
        Msg::MethodCash => "Cash",
        Msg::MethodCard => "Card",
        Msg::MethodCheque => "Cheque",
        Msg::MethodVoucher => "Voucher",
        Msg::MethodLoyalty => "Loyalty points",
        // till script
        Msg::TillJsTicketDone => "Ticket no. {number}",
        Msg::TillJsAskPrint => "Print the receipt?",
        Msg::TillJsPrint => "Print the receipt",
        Msg::TillJsNoPrint => "No receipt",
        Msg::TillJsEmail => "By e-mail",
        Msg::TillJsEmailPlaceholder => "address@example.com",
        Msg::TillJsEmailSend => "Send",
        Msg::TillJsEmailSent => "Receipt e-mailed.",
        Msg::TillJsPrinted => "Receipt printed.",
        Msg::TillJsReprint => "Print again",
        Msg::TillJsNewSale => "New sale (Enter)",
        Msg::TillJsOffline => {
            "Connection lost: the sale is not confirmed. Try again (it will not be counted twice)."
        }
        Msg::TillJsRetry => "Try again",
        Msg::TillJsUnknown => "Unknown barcode: “{code}”.",
        Msg::TillJsNoMatch => "No product matches “{text}”.",
        Msg::TillJsWeight => "weight to enter",
        Msg::TillJsDiscount => "Discount (10 % or 1.50)",
        Msg::TillJsBadDiscount => "Invalid discount: “{text}”.",
        Msg::TillJsBadQuantity => "Invalid quantity: “{text}”.",
        Msg::TillJsApprovalTitle => "A manager’s approval",
        Msg::TillJsApprovalUser => "Manager’s username",
        Msg::TillJsApprovalPin => "PIN",
        Msg::TillJsOk => "OK",
        Msg::TillJsClose => "Close",
        Msg::TillJsHeldNone => "No ticket on hold.",
        Msg::TillJsBusy => "Finish or hold the current ticket first.",
        Msg::TillJsChangeCashOnly => "Change is only given in cash: enter at most {amount}.",
        Msg::TillJsRemove => "Remove",
        Msg::TillJsLineDiscount => "Line discount",
        Msg::TillJsTicketDiscount => "Ticket discount",
        Msg::TillJsRefundTicket => "Scan or type the ticket number (T01-000042)",
        Msg::TillJsRefundLines => "Quantities returned",
        Msg::TillJsRefundMethod => "Pay back by",
        Msg::TillJsRefundSubmit => "Refund",
        Msg::TillJsRefundDone => "Refund no. {number}: {total}",
        Msg::TillJsMultiplier => "× {value}",
        Msg::TillJsAmount => "Amount",
        Msg::TillJsPaid => "Paid",
        // till page, links
        Msg::TillBack => "Back to the till",
        Msg::KindSale => "Sale",
        Msg::KindRefund => "Refund",
        Msg::SalesTitle => "Sales",
        Msg::FieldDay => "Day",
        Msg::DayPlaceholder => "yyyy-mm-dd",
        Msg::FieldTill => "Till",
        Msg::AllTills => "All tills",
        Msg::FieldCashier => "Cashier",
        Msg::AllCashiers => "Everyone",
        Msg::FieldPaymentMethod => "Payment method",
        Msg::AllMethods => "Any",
        Msg::FieldTrainingTickets => "Training tickets",
        Msg::FilterSubmit => "Filter",
        Msg::SessionTicketsNote => "Tickets of session {id}.",
        Msg::ShowToday => "See today's",
        Msg::ColTime => "Time",
        Msg::ColTicket => "Ticket",
        Msg::TrainingBadge => "Training",
        Msg::NoTickets => "No ticket.",
        Msg::TicketsCountOne => "{count} ticket",
        Msg::TicketsCountOther => "{count} tickets",
        Msg::ErrUnknownCashier => "Unknown cashier.",
        Msg::TicketTitle => "Ticket {reference}",
        Msg::ReprintSubmit => "Reprint",
        Msg::SessionNumber => "Session {id}",
        Msg::RefundOf => "Refunds ticket",
        Msg::RefundedBy => "Refunds",
        Msg::TicketHash => "Hash",
        Msg::ColUnitPriceTtc => "Unit price incl. VAT",
        Msg::ColDiscount => "Discount",
        Msg::ColTotalTtc => "Total incl. VAT",
        Msg::DiscountsTotal => "Discounts",
        Msg::VatTableTitle => "VAT",
        Msg::PaymentsTitle => "Payments",
        Msg::ChangeGiven => "Change",
        Msg::ColVatBase => "Net",
        Msg::ColVatTax => "VAT",
        Msg::FlashTicketPrinted => "Receipt sent to the printer.",
        Msg::FlashDuplicatePrinted => "Duplicate {copy} sent to the printer.",
        Msg::SessionsTitle => "Cash sessions",
        Msg::ColClosing => "Closed",
        Msg::ColOpening => "Opened",
        Msg::ColRate => "Rate",
        Msg::ColFloat => "Float",
        Msg::NoSessions => "No cash session.",
        Msg::ZReportTitle => "Z report {number} · {till}",
        Msg::XReportTitle => "X report · {till}",
        Msg::SessionTickets => "The session's tickets",
        Msg::PrintSubmit => "Print",
        Msg::XReportNote => {
            "X report: the session is open, these figures will change until it closes."
        }
        Msg::ReportAt => "Drawn up",
        Msg::ReportTickets => "Tickets",
        Msg::ReportTakings => "Takings",
        Msg::SalesCountOne => "{count} sale",
        Msg::SalesCountOther => "{count} sales",
        Msg::RefundsCountOne => "{count} refund",
        Msg::RefundsCountOther => "{count} refunds",
        Msg::NetTotal => "Net total",
        Msg::ReportCash => "Cash in the drawer",
        Msg::CashIn => "Cash in",
        Msg::CashOut => "Cash out",
        // customers
        Msg::ErrCustomerNotFound => "Customer no. {id} not found.",
        Msg::ErrCustomerName => "A customer needs a last name or a company.",
        Msg::ErrCustomerTooLong => "{field}: at most {max} characters.",
        Msg::ErrCustomerControl => "{field}: character not allowed.",
        Msg::ErrCustomerEmail => "Invalid e-mail address: “{value}”.",
        Msg::ErrCustomerPhone => "Invalid phone number: “{value}”.",
        Msg::ErrCustomerPostcode => "Invalid postcode “{value}”: five digits in France.",
        Msg::ErrCustomerCountry => "Unknown country “{value}” (two letters, such as FR).",
        Msg::ErrCustomerBirthDate => "Implausible birth date: {value}.",
        Msg::ErrCustomerValue => "{field}: unknown value “{value}”.",
        Msg::ErrCustomerTag => "Invalid tag “{value}”: no commas, at most 40 characters.",
        Msg::ErrCustomerAnonymised => "This customer was anonymised.",
        Msg::ErrCustomerAlreadyAnonymised => "This customer is already anonymised.",
        Msg::ErrCustomerMerged => "This customer was merged into customer no. {into}.",
        Msg::ErrCustomerMergeSelf => "A customer cannot be merged into itself.",
        Msg::ErrConsentBasis => "This basis cannot grant this channel.",
        Msg::ErrConsentText => "An explicit consent keeps the text the customer was shown.",
        Msg::ErrCardNumber => {
            "Invalid card number “{value}”: thirteen digits with their check digit."
        }
        Msg::ErrCardPrefix => "Card {number} does not start with the card prefix ({prefix}).",
        Msg::ErrCardPrefixInvalid => "Invalid card prefix “{prefix}”: two digits from 20 to 29.",
        Msg::ErrCardPrefixClash => "Prefix {prefix} is a scale label prefix.",
        Msg::ErrCardTaken => "Card {number} belongs to another customer.",
        Msg::ErrCardNotActive => "Card {number} can no longer be used.",
        Msg::ErrCardAlready => "This customer already has card {number}: replace it.",
        Msg::ErrCardNone => "This customer has no card to replace.",
        Msg::ErrCardExhausted => "No card number left with prefix {prefix}.",
        Msg::ErrNotEnoughPoints => "Not enough points: {needed} needed, {available} available.",
        Msg::ErrCustomerSetting => "Invalid setting {key}: “{value}”.",
        // till script, loyalty
        Msg::TillJsCustomer => "{name} — card {card} — {points} points ({value})",
        Msg::TillJsPointsEarned => "+{earned} points, balance {balance} points",
        Msg::TillJsNeedCard => "Paying with points needs the customer’s card: scan it first.",
        Msg::TillJsDetach => "Remove the card",
        // till page, blind refund
        Msg::TillRefundBlind => "Return without receipt",
        // till page, enrolment
        Msg::TillEnrol => "Enrol a customer",
        Msg::TillJsEnrolCard => "Card (scan a new card, or leave empty for a number)",
        Msg::TillJsFirstName => "First name",
        Msg::TillJsLastName => "Last name",
        Msg::TillJsEmailField => "E-mail",
        Msg::TillJsPhone => "Phone",
        Msg::TillJsEnrolSubmit => "Enrol and attach to the sale",
        Msg::TillJsNewCard => "A new card: enrol the customer.",
        Msg::TillJsEnrolHint => {
            "An e-mail or a phone. The boxes stay unticked unless the customer asks."
        }
        // till page, card
        Msg::TillCardPdf => "Print the card",

        // customer pages
        Msg::NavCustomers => "Customers",
        Msg::NewCustomer => "New customer",
        Msg::CreateCustomerSubmit => "Create the customer",
        Msg::SearchCustomers => "Search customers",
        Msg::CustomerSearchPlaceholder => "Name, e-mail, phone, card or postcode",
        Msg::WholeFile => "See the whole file",
        Msg::CustomerListAudited => "Viewing the file in bulk is written to the audit log.",
        Msg::CustomersCut => "Only the first {count} customers are shown: narrow the search.",
        Msg::TypeToSearchCustomers => {
            "Type a name, an e-mail, a phone, a card number or a postcode."
        }
        Msg::NoCustomersFound => "No customer found.",
        Msg::ColCard => "Card",
        Msg::ColContact => "E-mail / phone",
        Msg::ColVisits => "Visits",
        Msg::ColLastVisit => "Last visit",
        Msg::BackToCustomers => "Customers",
        Msg::BadgeAnonymised => "Anonymised",
        Msg::BadgeMerged => "Merged",
        Msg::UnknownCode => "unknown",
        Msg::ChannelEmail => "E-mail",
        Msg::ChannelSms => "SMS",
        Msg::ChannelPost => "Post",
        Msg::BasisExplicit => "Explicit consent",
        Msg::BasisSoftOptIn => "Soft opt-in (similar products)",
        Msg::BasisInformed => "Informed, with the right to object",
        Msg::ConsentFromTill => "Till",
        Msg::ConsentFromForm => "Form",
        Msg::ConsentFromImport => "Import",
        Msg::ConsentFromAccount => "Customer account",
        Msg::ConsentFromApi => "API",
        Msg::ConsentFromErasure => "Erasure",
        Msg::PointsSale => "Purchase",
        Msg::PointsRefund => "Refund",
        Msg::PointsSpent => "Paid with points",
        Msg::PointsAdjustment => "Adjustment",
        Msg::PointsMerge => "Merge",
        Msg::CardActive => "Active",
        Msg::CardReplaced => "Replaced",
        Msg::CardLost => "Lost",
        Msg::CivilityMme => "Ms",
        Msg::CivilityM => "Mr",
        Msg::DuplicateSameEmail => "Same e-mail address",
        Msg::DuplicateSamePhone => "Same phone",
        Msg::DuplicateSameNameAndPostcode => "Same name, initial and postcode",
        Msg::FieldCivility => "Title",
        Msg::FieldFirstName => "First name",
        Msg::FieldLastName => "Last name",
        Msg::FieldCompany => "Company",
        Msg::FieldPhone2 => "Other phone",
        Msg::FieldCountry => "Country",
        Msg::FieldBirthDate => "Birth date",
        Msg::FieldCustomerLanguage => "Language of letters",
        Msg::FieldTags => "Tags",
        Msg::LastNameHint => "A last name or a company.",
        Msg::CountryHint => "Two letters: FR, BE, CH…",
        Msg::TagsHint => "Separated by commas.",
        Msg::FicheIdentity => "Identity",
        Msg::FicheContact => "Contact details",
        Msg::FicheNotes => "Notes",
        Msg::FicheTitle => "Record",
        Msg::FicheCreated => "Record created on",
        Msg::FicheUpdated => "Changed on",
        Msg::AnonymisedOn => "Record anonymised on {date}: the sales stay, the person is gone.",
        Msg::MergedInto => "Record merged into",
        Msg::CustomerNumber => "Customer no. {id}",
        Msg::MergedFrom => "Merged records",
        Msg::ChannelsTitle => "Reaching the customer",
        Msg::ColChannel => "Channel",
        Msg::ColReachable => "Contact",
        Msg::ColConsent => "Consent",
        Msg::ColBasis => "Basis",
        Msg::ColConsentSource => "Collected at",
        Msg::ContactMissing => "missing",
        Msg::ConsentGranted => "Granted",
        Msg::ConsentWithdrawn => "Withdrawn",
        Msg::ConsentNeverAsked => "Never asked",
        Msg::ConsentFormTitle => "Record a change of consent",
        Msg::FieldConsentDecision => "Decision",
        Msg::FieldTextShown => "Text shown",
        Msg::TextShownHint => {
            "The exact wording the person read (required for an explicit consent)."
        }
        Msg::RecordConsent => "Record",
        Msg::ConsentHistoryTitle => "Consents’ history",
        Msg::NoConsents => "No consent recorded.",
        Msg::LoyaltyCardTitle => "Loyalty card",
        Msg::NoCard => "No card.",
        Msg::ColAssigned => "Handed out",
        Msg::AssignCard => "Assign a card",
        Msg::AssignCardHint => "Scan or type the number of the card handed out.",
        Msg::ReplaceCard => "Replace the card",
        Msg::ReplaceCardHint => "The old card will no longer work.",
        Msg::FieldNewCard => "New card",
        Msg::FiguresTitle => "Purchases",
        Msg::TotalSpent => "Total spent",
        Msg::AverageBasket => "Average basket",
        Msg::FirstVisit => "First visit",
        Msg::FavouriteCategories => "Favourite categories",
        Msg::NoCategory => "No category",
        Msg::PointsTitle => "Points",
        Msg::PointsBalance => "{points} points (worth {value})",
        Msg::NoPointsMoves => "No points moved yet.",
        Msg::ColPoints => "Points",
        Msg::ColBalance => "Balance",
        Msg::AdjustPoints => "Adjust the points",
        Msg::FieldPointsDelta => "Points to add or take off",
        Msg::PointsDeltaHint => "A whole number, negative to take off: -20.",
        Msg::CustomerTicketsTitle => "Their tickets",
        Msg::CustomerDataTitle => "Their data",
        Msg::CustomerDataIntro => {
            "Everything the file holds on this person, as in the JSON export. This view is written to the audit log."
        }
        Msg::ExportCustomer => "Export (JSON)",
        Msg::EraseTitle => "Erase the personal data",
        Msg::EraseIntro => {
            "The record is anonymised: name, contact details, notes and cards go, consents are withdrawn; sales and figures stay. This cannot be undone."
        }
        Msg::EraseConfirm => "I confirm the final erasure",
        Msg::EraseSubmit => "Erase",
        Msg::DuplicatesTitle => "Likely duplicates",
        Msg::DuplicatesIntro => {
            "Records that look like the same person. Choose the one to keep: the other is merged into it (cards, consents, points and figures)."
        }
        Msg::NoDuplicates => "No likely duplicates.",
        Msg::KeepWhich => "Record to keep",
        Msg::MergeSubmit => "Merge",
        Msg::VisitsCount => "{count} visit(s)",
        Msg::RetentionTitle => "Retention",
        Msg::RetentionIntro => {
            "Records without purchase, change or consent for {years} years: the CNIL asks not to keep them longer."
        }
        Msg::NoStaleCustomers => "No record to anonymise.",
        Msg::StaleCountOne => "{count} old record",
        Msg::StaleCountOther => "{count} old records",
        Msg::RetentionConfirmOne => "I anonymise {count} record, for good",
        Msg::RetentionConfirmOther => "I anonymise these {count} records, for good",
        Msg::RetentionSubmit => "Anonymise",
        Msg::LoyaltySettingsTitle => "Loyalty",
        Msg::LoyaltySettingsIntro => "The loyalty cards’ prefix and what points are worth.",
        Msg::FieldCardPrefix => "Card prefix",
        Msg::CardPrefixHint => "Two digits from 20 to 29, not one the scales use.",
        Msg::FieldPointsPerEuro => "Points per euro",
        Msg::FieldPointValue => "Value of a point",
        Msg::PointValueHint => "In euros: 0.05.",
        Msg::ErrEraseConfirm => "Tick the box to confirm.",
        Msg::ErrPointsDelta => "A whole number of points, other than zero.",
        Msg::ErrBirthDateTyped => "Unreadable date: dd/mm/yyyy.",
        Msg::ErrPointsPerEuro => "A whole number from 0 to 1000.",
        Msg::ErrMergePair => "Choose one of the two records.",
        Msg::FlashCustomerCreated => "Customer created.",
        Msg::FlashCustomerSaved => "Record saved.",
        Msg::FlashConsentRecorded => "Consent recorded.",
        Msg::FlashCardAssigned => "Card assigned.",
        Msg::FlashCardReplaced => "Card replaced.",
        Msg::FlashPointsAdjusted => "Points adjusted.",
        Msg::FlashCustomersMerged => "Records merged.",
        Msg::FlashCustomerErased => "Personal data erased.",
        Msg::FlashStaleErased => "Old records anonymised.",
        Msg::AllocateCard => "New card numbered by Comptoir",
        Msg::FlashLoyaltySaved => "Loyalty settings saved.",
        // public enrolment, customer account, unsubscribe
        Msg::JoinTitle => "Loyalty card: sign up",
        Msg::JoinIntro => {
            "Sign up to earn points with every purchase. We will e-mail you to confirm your address: nothing is recorded until you confirm."
        }
        Msg::JoinEmailHint => "The confirmation link is sent there.",
        Msg::JoinConsentsLegend => "How we may contact you",
        Msg::JoinConsentsHint => {
            "Tick what you accept; nothing is ticked in advance and you can change your mind at any time."
        }
        Msg::JoinSubmit => "Sign up",
        Msg::JoinPrivacy => {
            "Your data is used only by {shop}, for your loyalty card and, if you agree, to write to you; it is never passed on. You can see, correct or erase it from your customer account. After three years without a purchase or contact it is erased."
        }
        Msg::JoinAccountLink => "Already signed up? Get a link to my account",
        Msg::JoinSentTitle => "Check your mailbox",
        Msg::JoinSentBody => {
            "An e-mail is on its way to {email}. Open its link within 48 hours to confirm your sign-up."
        }
        Msg::JoinClosed => {
            "Online sign-up is not open in this shop: ask for your card at the till."
        }
        Msg::JoinConfirmTitle => "Confirm my sign-up",
        Msg::JoinConfirmBody => {
            "Hello {name}, press the button to confirm your sign-up with {email}."
        }
        Msg::JoinConfirmSubmit => "Confirm",
        Msg::JoinDoneTitle => "Sign-up confirmed",
        Msg::JoinDoneNew => {
            "Welcome! Your loyalty card number is {card}: give it or show its barcode at the till."
        }
        Msg::JoinDoneExisting => {
            "You already had a record with us: your contact preferences are saved."
        }
        Msg::JoinDoneAccount => "Go to my account",
        Msg::ErrLinkNotValid => {
            "This link is no longer valid: it was used, it expired or it is incomplete. Ask for a new one."
        }
        Msg::ErrTooManyRequests => "Too many requests: try again in {minutes} min.",
        Msg::ErrEmailRequired => "The e-mail address is required.",
        Msg::ErrMailUnavailable => {
            "The e-mail could not be sent; try again later or ask at the till."
        }
        Msg::MailJoinSubject => "Confirm your sign-up — {shop}",
        Msg::MailJoinBody => {
            "Hello {name},\n\nTo confirm your sign-up to the {shop} loyalty card, open this link within 48 hours:\n\n{url}\n\nIf you did not ask for it, ignore this message: nothing was recorded and the request will be deleted.\n\n{shop}\n"
        }
        Msg::MailAccountSubject => "Your customer account — {shop}",
        Msg::MailAccountBody => {
            "Hello,\n\nHere is the link to your customer account (points, details, contact preferences). It works once, for one hour:\n\n{links}\n\nIf you did not ask for it, ignore this message.\n\n{shop}\n"
        }
        Msg::AccountLinkTitle => "My customer account",
        Msg::AccountLinkIntro => {
            "Type the e-mail address on your record: we will send you a link to open your account."
        }
        Msg::AccountLinkSubmit => "Send me the link",
        Msg::AccountLinkSent => {
            "If a record has the address {email}, an e-mail with a link valid for one hour is on its way."
        }
        Msg::AccountOpenBody => "This link works once: press to open your account.",
        Msg::AccountOpenSubmit => "Open my account",
        Msg::AccountHello => "Hello {name}",
        Msg::AccountCard => "Loyalty card no. {card}",
        Msg::AccountNoCard => "No card yet: ask for one at the till.",
        Msg::AccountPoints => "You have {points} points, worth {value} to spend at the till.",
        Msg::AccountPointsHistory => "Points history",
        Msg::AccountDetails => "My details",
        Msg::AccountDetailsSubmit => "Save my details",
        Msg::AccountConsents => "My contact preferences",
        Msg::AccountConsentsSubmit => "Save my preferences",
        Msg::AccountData => "My data",
        Msg::AccountExport => "Download all my data (JSON)",
        Msg::AccountErase => "Erase my data",
        Msg::AccountEraseHint => {
            "Your name, details and preferences are erased and your card disabled; your receipts stay in the shop's accounts, without your name. This cannot be undone."
        }
        Msg::AccountEraseConfirm => "I want my data erased",
        Msg::AccountLogout => "Close my account",
        Msg::AccountErasedTitle => "Data erased",
        Msg::AccountErasedBody => {
            "Your personal data has been erased. Thank you for shopping at {shop}."
        }
        Msg::FlashAccountSaved => "Your details are saved.",
        Msg::FlashPreferencesSaved => "Your preferences are saved.",
        Msg::FlashAccountClosed => "Account closed.",
        Msg::UnsubscribeTitle => "Unsubscribe",
        Msg::UnsubscribeBody => "Stop receiving e-mails from {shop}?",
        Msg::UnsubscribeSubmit => "Unsubscribe me",
        Msg::UnsubscribeDone => {
            "Done: you will receive no more e-mails from {shop}. You can change your mind from your customer account."
        }
        // Task A: the customer import page and the exports from the pages.
        Msg::CustomerImportTitle => "Import customers",
        Msg::CustomerImportHelp => {
            "A CSV file saved from the spreadsheet (“;” or “,” separator, UTF-8). Columns: nom (required); civilité, prénom, société, e-mail, téléphone, téléphone 2, adresse, complément, code postal, ville, pays, date de naissance (dd/mm/yyyy), langue, notes, étiquettes, carte, consentement e-mail, consentement sms, consentement courrier (oui/non), texte du consentement (or their English names). A line whose e-mail or phone is on an earlier line or belongs to a known customer is refused as a likely duplicate. Good lines are imported, the others listed; the CSV export imports back as it is."
        }
        Msg::CustomerImportSummary => "{created} created, {rejected} refused.",
        Msg::CustomerImportRefused => "Refused lines",
        Msg::CustomerImportDuplicates => "Likely duplicates (not imported)",
        Msg::CustomerImportExisting => "Existing record",
        Msg::ImportCustomers => "Import",
        Msg::ExportCustomersCsv => "Export (CSV)",
        Msg::ExportCustomersVcard => "Export (vCard)",
        Msg::ErrFileTooBig => "File too large: 8 MB at most.",
        Msg::ErrNotCsv => "This file is not a CSV: save it from the spreadsheet as “CSV UTF-8”.",
        // online sign-up on the loyalty settings
        Msg::OnlineEnrolmentTitle => "Online sign-up",
        Msg::OnlineEnrolmentOpen => {
            "Open at {url}: display it in the shop (a poster, a QR code). Customers also ask there for the link to their account."
        }
        Msg::OnlineEnrolmentClosed => {
            "Closed: it opens when Comptoir starts with a mail server and the shop's public address (--smtp-host and --public-url)."
        }
    }
}
