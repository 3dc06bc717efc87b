//! Completing a sale: one transaction writes the ticket with its number and
//! hash, its lines, VAT table and payments, one stock movement per line, and
//! moves the till's chain heads. Posting the same till-chosen id again gives
//! back the first ticket.

use crate::error::{Approval, LineProblem, Result, SalesError};
use crate::ledger::chain_hash;
use crate::ledger::rows::{LineFields, PaymentFields, TicketContent, TicketFields, VatFields};
use crate::pricing::{self, Discount};
use crate::sessions;
use crate::shops;
use crate::tickets::{self, PaymentMethod, Ticket};
use crate::tills::{self, Till};
use chrono::{NaiveDate, NaiveDateTime};
use db::ids::UserId;
use db::native::Bind;
use db::schema::{ticket_lines, ticket_payments, ticket_vat, tickets as tickets_t};
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use inventory::barcode::ScaleRules;
use inventory::catalogue::Unit;
use inventory::catalogue::products;
use inventory::catalogue::sellable::{self, Sellable};
use inventory::stock::locations;
use inventory::stock::movements::{self, MovementKind, NewMovement};
use inventory::vat;
use std::collections::HashMap;

/// What a line names: a product by id, or a code as scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Product(i64),
    Scan(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleLine {
    pub item: Item,
    /// Default: one, or the weight a scale label carries.
    pub quantity: Option<Quantity>,
    pub discount: Option<Discount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    pub method: PaymentMethod,
    pub amount: Money,
    pub reference: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewSale {
    /// Chosen by the till (UUID): the key that makes posting twice harmless.
    pub uuid: String,
    pub till: String,
    pub cashier: UserId,
    pub lines: Vec<SaleLine>,
    pub discount: Option<Discount>,
    pub payments: Vec<NewPayment>,
    pub customer_id: Option<i64>,
    pub training: bool,
    /// A manager whose PIN the server checked, for discounts beyond the limit.
    pub approved_by: Option<UserId>,
    /// The shop's business day (for the VAT rate in force).
    pub day: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completed {
    New(Ticket),
    /// The same id was posted before: this is that ticket, unchanged.
    Existing(Ticket),
}

impl Completed {
    pub fn ticket(&self) -> &Ticket {
        match self {
            Completed::New(t) | Completed::Existing(t) => t,
        }
    }

    pub fn into_ticket(self) -> Ticket {
        match self {
            Completed::New(t) | Completed::Existing(t) => t,
        }
    }
}

/// A UUID in its canonical lower-case form.
pub fn clean_uuid(raw: &str) -> Result<String> {
    uuid::Uuid::parse_str(raw.trim())
        .map(|u| u.hyphenated().to_string())
        .map_err(|_| SalesError::Invalid {
            field: "id",
            reason: "a UUID".into(),
        })
}

/// A line priced, before the ticket's discount is spread.
pub(crate) struct Priced {
    pub product: Sellable,
    pub quantity: Quantity,
    pub vat_code: String,
    pub vat_rate: i64,
    pub discount: Option<Discount>,
    pub gross: Money,
    pub line_discount: Money,
}

impl Priced {
    pub fn net(&self) -> Money {
        self.gross - self.line_discount
    }
}

/// What pricing reads once per sale rather than once per line: the VAT rates
/// in force, the scale rules (when a label is scanned), the products.
pub(crate) struct Lookups {
    day: NaiveDate,
    rates: Vec<vat::VatRate>,
    rules: Option<ScaleRules>,
    products: HashMap<i64, Sellable>,
}

/// A line's product located: its id, and what a scale label carries.
struct Located {
    product_id: i64,
    weighed: Option<Quantity>,
    label_price: Option<Money>,
}

impl Lookups {
    pub fn new(conn: &mut DbConn, day: NaiveDate) -> Result<Lookups> {
        Ok(Lookups {
            day,
            rates: vat::in_force(conn, day)?,
            rules: None,
            products: HashMap::new(),
        })
    }

    fn locate(&mut self, conn: &mut DbConn, line: &SaleLine) -> Result<Located> {
        match &line.item {
            Item::Product(id) => Ok(Located {
                product_id: *id,
                weighed: None,
                label_price: None,
            }),
            Item::Scan(code) => {
                let code = code.trim();
                match products::locate_scan(conn, code, &mut self.rules)? {
                    Some(scan) => Ok(Located {
                        product_id: scan.product_id,
                        weighed: scan.quantity,
                        label_price: scan.price,
                    }),
                    None => Err(SalesError::UnknownBarcode(code.to_owned())),
                }
            }
        }
    }

    /// Loads the products of `ids` not loaded yet, in one go.
    fn load(&mut self, conn: &mut DbConn, ids: &[i64]) -> Result<()> {
        let mut missing: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !self.products.contains_key(id))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        for product in sellable::get_many(conn, &missing)? {
            self.products.insert(product.id, product);
        }
        Ok(())
    }

    fn product(&mut self, conn: &mut DbConn, id: i64) -> Result<Sellable> {
        self.load(conn, &[id])?;
        self.products.get(&id).cloned().ok_or_else(|| {
            SalesError::from(inventory::InventoryError::NotFound {
                what: "product",
                id: id.to_string(),
            })
        })
    }

    /// The rate in force for a product's stored code.
    fn rate(&self, conn: &mut DbConn, code: &str) -> Result<vat::VatRate> {
        match self.rates.iter().find(|r| r.code == code) {
            Some(rate) => Ok(rate.clone()),
            None => Ok(vat::rate_of(conn, code, self.day)?),
        }
    }
}

/// Largest quantity on one line: 100 000 units.
const MAX_QUANTITY: i64 = 100_000_000;

/// Prices one line (a refund without its ticket prices lines one by one).
pub(crate) fn price_line(
    conn: &mut DbConn,
    lookups: &mut Lookups,
    index: usize,
    line: &SaleLine,
) -> Result<Priced> {
    let located = lookups.locate(conn, line)?;
    price_located(conn, lookups, index, line, located)
}

fn price_located(
    conn: &mut DbConn,
    lookups: &mut Lookups,
    index: usize,
    line: &SaleLine,
    located: Located,
) -> Result<Priced> {
    let position = index + 1;
    let invalid = |problem| SalesError::InvalidLine {
        line: position,
        problem,
    };
    let Located {
        product_id,
        weighed,
        label_price,
    } = located;
    let product = lookups.product(conn, product_id)?;
    if !product.active {
        return Err(SalesError::ProductArchived(product.name));
    }
    let quantity = match (line.quantity, weighed) {
        (Some(q), _) => q,
        (None, Some(w)) => w,
        (None, None) if label_price.is_some() && product.unit != Unit::Piece => {
            // A price label on goods sold by weight: the weight it stands for.
            let per_unit = product.price.cents().max(1);
            Quantity::from_thousandths(pricing::div_round(
                i128::from(label_price.map_or(0, Money::cents)) * 1000,
                i128::from(per_unit),
            ))
        }
        (None, None) => Quantity::ONE,
    };
    if quantity.thousandths() <= 0 {
        return Err(invalid(LineProblem::ZeroQuantity));
    }
    if quantity.thousandths() > MAX_QUANTITY {
        return Err(invalid(LineProblem::QuantityTooLarge));
    }
    if product.unit == Unit::Piece && quantity.thousandths() % 1000 != 0 {
        return Err(invalid(LineProblem::WholePieces));
    }
    let rate = lookups.rate(conn, &product.vat_code)?;
    let gross = match label_price {
        Some(price) if line.quantity.is_none() => price,
        _ => pricing::line_gross(product.price, quantity),
    };
    let line_discount = match line.discount {
        Some(d) => d
            .off(gross)
            .ok_or_else(|| invalid(LineProblem::DiscountTooLarge))?,
        None => Money::ZERO,
    };
    Ok(Priced {
        quantity,
        // The rate in force as written (a scheduled change keeps the product's code).
        vat_code: vat::code_of(rate.rate),
        vat_rate: rate.rate,
        discount: line.discount,
        gross,
        line_discount,
        product,
    })
}

/// Checks the payments against the total: enough, positive, and change only
/// out of cash. Returns the change.
fn settle(total: Money, payments: &[NewPayment], customer: Option<i64>) -> Result<Money> {
    for p in payments {
        if p.amount.cents() <= 0 {
            return Err(SalesError::PaymentNotPositive);
        }
        if p.method == PaymentMethod::Loyalty && customer.is_none() {
            return Err(SalesError::LoyaltyWithoutCustomer);
        }
    }
    let paid: Money = payments.iter().map(|p| p.amount).sum();
    if paid < total {
        return Err(SalesError::PaymentShort { paid, total });
    }
    let cash: Money = payments
        .iter()
        .filter(|p| p.method == PaymentMethod::Cash)
        .map(|p| p.amount)
        .sum();
    let change = paid - total;
    if change > cash {
        return Err(SalesError::ChangeWithoutCash { paid, total });
    }
    Ok(change)
}

/// A sale's lines priced, its discount spread and its total.
pub(crate) struct Basket {
    pub priced: Vec<Priced>,
    pub shares: Vec<Money>,
    pub ticket_discount: Money,
    pub total: Money,
}

fn price_basket(conn: &mut DbConn, sale: &NewSale, shop: &shops::Shop) -> Result<Basket> {
    if sale.lines.is_empty() {
        return Err(SalesError::EmptySale);
    }
    // Every line located first, then their products read together.
    let mut lookups = Lookups::new(conn, sale.day)?;
    let located = sale
        .lines
        .iter()
        .map(|line| lookups.locate(conn, line))
        .collect::<Result<Vec<_>>>()?;
    let ids: Vec<i64> = located.iter().map(|l| l.product_id).collect();
    lookups.load(conn, &ids)?;
    let mut priced = Vec::with_capacity(sale.lines.len());
    for (index, (line, located)) in sale.lines.iter().zip(located).enumerate() {
        priced.push(price_located(conn, &mut lookups, index, line, located)?);
    }
    let nets: Vec<Money> = priced.iter().map(Priced::net).collect();
    let subtotal: Money = nets.iter().copied().sum();
    let ticket_discount = match sale.discount {
        Some(d) => d.off(subtotal).ok_or(SalesError::DiscountTooLarge)?,
        None => Money::ZERO,
    };
    let beyond_limit = priced.iter().any(|p| {
        p.discount
            .is_some_and(|d| d.percent_of(p.gross) > shop.max_discount_percent)
    }) || sale
        .discount
        .is_some_and(|d| d.percent_of(subtotal) > shop.max_discount_percent);
    if beyond_limit && sale.approved_by.is_none() {
        return Err(SalesError::NeedsApproval(Approval::DiscountBeyondLimit));
    }
    Ok(Basket {
        shares: pricing::spread(ticket_discount, &nets),
        total: subtotal - ticket_discount,
        priced,
        ticket_discount,
    })
}

/// What a sale would cost, without writing anything (payments are not checked).
pub fn quote(conn: &mut DbConn, sale: &NewSale) -> Result<Money> {
    let till = tills::by_code(conn, &sale.till)?;
    let shop = shops::get(conn, till.shop_id)?;
    Ok(price_basket(conn, sale, &shop)?.total)
}

/// Completes a sale and reads its ticket back (see [`record`]).
pub fn complete(conn: &mut DbConn, sale: &NewSale, at: NaiveDateTime) -> Result<Completed> {
    Ok(match record(conn, sale, at)? {
        Recorded::New(id) => Completed::New(tickets::get(conn, id)?),
        Recorded::Existing(id) => Completed::Existing(tickets::get(conn, id)?),
    })
}

/// What [`record`] did, by the ticket's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    New(i64),
    /// The same id was posted before: that ticket, unchanged.
    Existing(i64),
}

/// Completes a sale without reading its ticket back: a ticket never changes
/// once written, so the caller may read it after the commit, outside a write
/// transaction shared with other tills (see `db::Db::write_grouped`).
pub fn record(conn: &mut DbConn, sale: &NewSale, at: NaiveDateTime) -> Result<Recorded> {
    record_priced(conn, sale, PricedSale::default(), at)
}

/// A sale's basket priced before its write transaction, on a reader: the
/// catalogue reads then stay out of the transaction every till waits for.
/// The sale is priced as the catalogue stood when it arrived, a moment
/// before it is written (as if a price changed in between came just after).
#[derive(Default)]
pub struct PricedSale {
    /// The till the basket was priced for, and the basket.
    basket: Option<(i64, Basket)>,
}

/// Prices `sale` ahead of [`record_priced`]. Never fails: a sale that cannot
/// be priced here (unknown till, barcode…) is priced again in the write,
/// which then refuses it with the same error, in the same order of checks.
pub fn price(conn: &mut DbConn, sale: &NewSale) -> PricedSale {
    let priced = (|| -> Result<(i64, Basket)> {
        let till = tills::by_code(conn, &sale.till)?;
        let shop = shops::get(conn, till.shop_id)?;
        Ok((till.id, price_basket(conn, sale, &shop)?))
    })();
    PricedSale {
        basket: priced.ok(),
    }
}

/// [`record`] with the basket priced beforehand by [`price`].
pub fn record_priced(
    conn: &mut DbConn,
    sale: &NewSale,
    priced: PricedSale,
    at: NaiveDateTime,
) -> Result<Recorded> {
    let uuid = clean_uuid(&sale.uuid)?;
    let till = tills::lock(conn, &sale.till)?;
    if let Some(id) = tickets::id_of_uuid(conn, &uuid)? {
        return Ok(Recorded::Existing(id));
    }
    if !till.active {
        return Err(SalesError::TillInactive(till.code));
    }
    let session = sessions::require_open(conn, &till)?;
    if sale.lines.is_empty() {
        return Err(SalesError::EmptySale);
    }
    let basket = match priced.basket {
        Some((till_id, basket)) if till_id == till.id => basket,
        _ => {
            let shop = shops::get(conn, till.shop_id)?;
            price_basket(conn, sale, &shop)?
        }
    };
    let Basket {
        priced,
        shares,
        ticket_discount,
        total,
    } = basket;
    let change = settle(total, &sale.payments, sale.customer_id)?;

    let lines: Vec<LineFields> = priced
        .iter()
        .zip(&shares)
        .enumerate()
        .map(|(i, (p, share))| LineFields {
            ticket_id: 0,
            position: i64::try_from(i).unwrap_or(i64::MAX) + 1,
            product_id: p.product.id,
            label: p.product.name.clone(),
            unit: p.product.unit.as_str().to_owned(),
            quantity: p.quantity.thousandths(),
            unit_price: p.product.price.cents(),
            vat_code: p.vat_code.clone(),
            vat_rate: p.vat_rate,
            discount_kind: p.discount.map(|d| d.kind().to_owned()),
            discount_value: p.discount.map(Discount::value),
            discount: p.line_discount.cents(),
            ticket_discount: share.cents(),
            total: (p.net() - *share).cents(),
            original_line_id: None,
        })
        .collect();
    let payments: Vec<PaymentFields> = sale
        .payments
        .iter()
        .enumerate()
        .map(|(i, p)| PaymentFields {
            ticket_id: 0,
            position: i64::try_from(i).unwrap_or(i64::MAX) + 1,
            method: p.method.as_str().to_owned(),
            amount: p.amount.cents(),
            reference: p.reference.clone(),
        })
        .collect();
    let discount_total: Money =
        priced.iter().map(|p| p.line_discount).sum::<Money>() + ticket_discount;
    let written = write_ticket(
        conn,
        &till,
        Draft {
            uuid,
            session_id: session.id,
            kind: "sale",
            training: sale.training,
            refund_of: None,
            cashier: sale.cashier,
            approved_by: sale.approved_by,
            customer_id: sale.customer_id,
            discount_total,
            total,
            change,
            lines,
            payments,
        },
        at,
    )?;
    if !sale.training {
        let out: Vec<(i64, i64)> = priced
            .iter()
            .map(|p| (p.product.id, -p.quantity.thousandths()))
            .collect();
        move_stock(
            conn,
            &till,
            written.number,
            &out,
            MovementKind::Sale,
            sale.cashier,
            at,
        )?;
        if let Some(customer_id) = sale.customer_id {
            let lines: Vec<(Option<i64>, Money)> = priced
                .iter()
                .zip(&shares)
                .map(|(p, share)| (p.product.category_id, p.net() - *share))
                .collect();
            let points_paid: Money = sale
                .payments
                .iter()
                .filter(|p| p.method == PaymentMethod::Loyalty)
                .map(|p| p.amount)
                .sum();
            enrich(
                conn,
                customer_id,
                written.id,
                total,
                points_paid,
                lines,
                None,
                sale.cashier,
                at,
            )?;
        }
    }
    Ok(Recorded::New(written.id))
}

/// The customer's record follows the ticket, in its transaction: visits,
/// spending, categories, points earned and points paid with.
#[expect(clippy::too_many_arguments, reason = "the facts of one ticket")]
pub(crate) fn enrich(
    conn: &mut DbConn,
    customer_id: i64,
    ticket_id: i64,
    total: Money,
    points_paid: Money,
    categories: Vec<(Option<i64>, Money)>,
    refund_of: Option<i64>,
    user: UserId,
    at: NaiveDateTime,
) -> Result<customers::enrichment::SaleOutcome> {
    let rules = customers::points::PointsRules::load(conn)?;
    let points = rules.points_for(Money::from_cents(points_paid.cents().abs()));
    let facts = customers::enrichment::SaleFacts {
        customer_id,
        ticket_id,
        total,
        points_spent: if points_paid.is_negative() {
            -points
        } else {
            points
        },
        categories,
        refund_of,
        at,
        user_id: Some(i64::from(user)),
    };
    Ok(customers::enrichment::record_sale(conn, &facts)?)
}

/// One stock movement per line of ticket `number` on `till`, on the sales
/// floor: `(product, signed thousandths)`.
pub(crate) fn move_stock(
    conn: &mut DbConn,
    till: &Till,
    number: i64,
    lines: &[(i64, i64)],
    kind: MovementKind,
    user: UserId,
    at: NaiveDateTime,
) -> Result<()> {
    let floor = locations::sales_floor(conn)?;
    let reference = format!("ticket:{}-{:06}", till.code, number);
    for (product_id, quantity) in lines {
        movements::record(
            conn,
            &NewMovement {
                product_id: *product_id,
                location_id: floor.id,
                quantity: Quantity::from_thousandths(*quantity),
                kind,
                reason: None,
                reference: Some(&reference),
                unit_cost: None,
                user_id: Some(user),
            },
            at,
        )?;
    }
    Ok(())
}

/// A ticket ready to be numbered, chained and written.
pub(crate) struct Draft {
    pub uuid: String,
    pub session_id: i64,
    pub kind: &'static str,
    pub training: bool,
    pub refund_of: Option<i64>,
    pub cashier: UserId,
    pub approved_by: Option<UserId>,
    pub customer_id: Option<i64>,
    pub discount_total: Money,
    pub total: Money,
    pub change: Money,
    pub lines: Vec<LineFields>,
    pub payments: Vec<PaymentFields>,
}

pub(crate) struct Written {
    pub id: i64,
    pub number: i64,
}

/// Numbers the ticket after the till's last one, chains it (training tickets
/// have their own numbers and stay out of the chain and the grand total),
/// writes it with its lines, VAT table and payments, and moves the heads.
/// `till` must have been locked in this transaction.
pub(crate) fn write_ticket(
    conn: &mut DbConn,
    till: &Till,
    draft: Draft,
    at: NaiveDateTime,
) -> Result<Written> {
    let vat: Vec<VatFields> = pricing::vat_breakdown(
        draft
            .lines
            .iter()
            .map(|l| (l.vat_rate, l.vat_code.as_str(), Money::from_cents(l.total))),
    )
    .into_iter()
    .map(|s| VatFields {
        ticket_id: 0,
        vat_rate: s.rate,
        vat_code: s.code,
        base: s.base.cents(),
        tax: s.tax.cents(),
        total: s.total.cents(),
    })
    .collect();
    let (number, grand_total, previous_hash) = if draft.training {
        (
            till.training_last_number + 1,
            till.grand_total,
            String::new(),
        )
    } else {
        (
            till.last_number + 1,
            till.grand_total + draft.total.cents(),
            till.last_hash.clone(),
        )
    };
    let mut content = TicketContent {
        ticket: TicketFields {
            uuid: draft.uuid,
            till_id: till.id,
            session_id: draft.session_id,
            number,
            kind: draft.kind.to_owned(),
            training: draft.training,
            refund_of: draft.refund_of,
            cashier_id: i64::from(draft.cashier),
            approved_by: draft.approved_by.map(i64::from),
            customer_id: draft.customer_id,
            discount_total: draft.discount_total.cents(),
            total: draft.total.cents(),
            change_given: draft.change.cents(),
            grand_total,
            created_at: at,
        },
        lines: draft.lines,
        vat,
        payments: draft.payments,
    };
    let hash = if draft.training {
        String::new()
    } else {
        chain_hash(&previous_hash, &content)
    };
    // On the backend's own connection: these statements are prepared once.
    db::native!(conn, |c| -> Result<i64> {
        diesel::insert_into(tickets_t::table)
            .values((
                &content.ticket,
                tickets_t::previous_hash.eq(&previous_hash),
                tickets_t::hash.eq(&hash),
            ))
            .execute(c)?;
        let id = tickets_t::table
            .filter(tickets_t::uuid.eq(&content.ticket.uuid))
            .select(tickets_t::id)
            .first::<i64>(c)?;
        // One row per statement: a multi-row insert would be prepared anew.
        for line in &mut content.lines {
            line.ticket_id = id;
            diesel::insert_into(ticket_lines::table)
                .values(&*line)
                .execute(c)?;
        }
        for row in &mut content.vat {
            row.ticket_id = id;
            diesel::insert_into(ticket_vat::table)
                .values(&*row)
                .execute(c)?;
        }
        for payment in &mut content.payments {
            payment.ticket_id = id;
            diesel::insert_into(ticket_payments::table)
                .values(&*payment)
                .execute(c)?;
        }
        if draft.training {
            db::fixed!(
                "UPDATE tills SET training_last_number = ? WHERE id = ?",
                [Bind::Int(number), Bind::Int(till.id)]
            )
            .execute(c)?;
        } else {
            db::fixed!(
                "UPDATE tills SET last_number = ?, last_hash = ?, grand_total = ? WHERE id = ?",
                [
                    Bind::Int(number),
                    Bind::Text(&hash),
                    Bind::Int(grand_total),
                    Bind::Int(till.id),
                ]
            )
            .execute(c)?;
        }
        Ok(id)
    })
    .map(|id| Written { id, number })
}
