//! The words a receipt prints, in French (required on a French receipt) and
//! English (for a visitor who asks). Amounts and dates keep the French form in
//! both: the shop is in France.

/// The language a receipt is printed or e-mailed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// Every fixed text of a receipt.
#[derive(Debug)]
pub struct Words {
    pub phone: &'static str,
    pub siret: &'static str,
    pub vat_number: &'static str,
    pub till: &'static str,
    pub ticket: &'static str,
    pub cashier: &'static str,
    pub discount: &'static str,
    pub subtotal: &'static str,
    pub ticket_discount: &'static str,
    pub total: &'static str,
    pub vat_rate: &'static str,
    pub vat_base: &'static str,
    pub vat_tax: &'static str,
    pub vat_total: &'static str,
    pub cash: &'static str,
    pub card: &'static str,
    pub cheque: &'static str,
    pub voucher: &'static str,
    pub loyalty: &'static str,
    pub change: &'static str,
    pub customer: &'static str,
    pub card_number: &'static str,
    pub points_earned: &'static str,
    pub points_balance: &'static str,
    pub refund: &'static str,
    pub refund_of: &'static str,
    pub training: &'static str,
    pub training_footer: &'static str,
    pub duplicate: &'static str,
    pub mail_subject: &'static str,
    pub mail_greeting: &'static str,
    pub mail_intro: &'static str,
}

const FR: Words = Words {
    phone: "Tél.\u{a0}:",
    siret: "SIRET\u{a0}:",
    vat_number: "N° TVA intracom.\u{a0}:",
    till: "Caisse\u{a0}:",
    ticket: "Ticket n°",
    cashier: "Caissier\u{a0}:",
    discount: "Remise",
    subtotal: "Sous-total",
    ticket_discount: "Remise sur le ticket",
    total: "TOTAL TTC",
    vat_rate: "Taux",
    vat_base: "HT",
    vat_tax: "TVA",
    vat_total: "TTC",
    cash: "Espèces",
    card: "Carte bancaire",
    cheque: "Chèque",
    voucher: "Bon d'achat",
    loyalty: "Points fidélité",
    change: "Rendu",
    customer: "Client\u{a0}:",
    card_number: "Carte n°",
    points_earned: "Points gagnés\u{a0}:",
    points_balance: "Solde de points\u{a0}:",
    refund: "AVOIR / REMBOURSEMENT",
    refund_of: "Ticket d'origine n°",
    training: "FORMATION",
    training_footer: "Ticket de formation — sans valeur",
    duplicate: "DUPLICATA n°",
    mail_subject: "Votre ticket de caisse —",
    mail_greeting: "Bonjour,",
    mail_intro: "Voici votre ticket de caisse. Merci de votre visite\u{a0}!",
};

const EN: Words = Words {
    phone: "Tel.:",
    siret: "SIRET:",
    vat_number: "VAT no.:",
    till: "Till:",
    ticket: "Receipt no.",
    cashier: "Cashier:",
    discount: "Discount",
    subtotal: "Subtotal",
    ticket_discount: "Discount on the receipt",
    total: "TOTAL",
    vat_rate: "Rate",
    vat_base: "Net",
    vat_tax: "VAT",
    vat_total: "Gross",
    cash: "Cash",
    card: "Card",
    cheque: "Cheque",
    voucher: "Voucher",
    loyalty: "Loyalty points",
    change: "Change",
    customer: "Customer:",
    card_number: "Card no.",
    points_earned: "Points earned:",
    points_balance: "Points balance:",
    refund: "CREDIT NOTE / REFUND",
    refund_of: "Original receipt no.",
    training: "TRAINING",
    training_footer: "Training receipt — no value",
    duplicate: "DUPLICATE no.",
    mail_subject: "Your receipt —",
    mail_greeting: "Hello,",
    mail_intro: "Here is your receipt. Thank you for your visit!",
};

impl Lang {
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

impl Words {
    /// A payment method as the customer reads it; an unknown code prints as is.
    pub fn payment_method<'a>(&self, method: &'a str) -> &'a str
    where
        'static: 'a,
    {
        match method {
            "cash" => self.cash,
            "card" => self.card,
            "cheque" => self.cheque,
            "voucher" => self.voucher,
            "loyalty" => self.loyalty,
            other => other,
        }
    }
}
