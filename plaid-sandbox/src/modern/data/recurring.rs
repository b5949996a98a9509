//! The recurring payments of a standard history (payroll, rent, bills, subscriptions,
//! transfers between the user's accounts), on their schedules.
//!
//! Each [`Leg`] is one side of a recurring flow on one account, and `/transactions/recurring/get`
//! reports each one as a stream (a transfer between the user's accounts is two legs that share
//! their amounts).

use serde_json::{Value, json};

use crate::legacy::data::categories;
use crate::modern::clock;
use crate::modern::data::payees::{
    Accounts, CARD, CHECKING, Meta, PLATYPUS_BANK, Party, Payee, SAVINGS, party,
};
use crate::modern::data::transactions::History;
use crate::modern::ids::{ID_LEN, Stream};

const EMPLOYER: Party = Party {
    name: "Gingham Textiles Inc",
    kind: "income_source",
    website: None,
    logo: None,
};
const LANDLORD: Party = Party {
    name: "Houndstooth Property Management",
    kind: "merchant",
    website: None,
    logo: None,
};
const POWER: Party = Party {
    name: "Tattersall Power & Light",
    kind: "merchant",
    website: Some("plaid.com"),
    logo: None,
};
const NETFLIX: Party = party("Netflix", "merchant", "netflix.com", "netflix_1094.png");
const SPOTIFY: Party = party("Spotify", "merchant", "spotify.com", "spotify_1048.png");
const LOAN_SERVICER: Party = Party {
    name: "Plaid Student Loan Servicing",
    kind: "financial_institution",
    website: Some("plaid.com"),
    logo: None,
};
/// How often a recurring payee is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Schedule {
    /// Every month on this day (1..=28).
    Monthly(i64),
    /// Every month on its last day.
    MonthEnd,
    /// On the 15th and the last day of every month.
    SemiMonthly,
}

impl Schedule {
    /// Whether a payment falls on `day`.
    pub(crate) fn fires(&self, day: i64) -> bool {
        let dom = clock::civil_of(day).2;
        match self {
            Schedule::Monthly(n) => dom == *n,
            Schedule::MonthEnd => clock::is_month_end(day),
            Schedule::SemiMonthly => dom == 15 || clock::is_month_end(day),
        }
    }

    /// The spec's `RecurringTransactionFrequency`.
    pub(crate) fn frequency(&self) -> &'static str {
        match self {
            Schedule::Monthly(_) | Schedule::MonthEnd => "MONTHLY",
            Schedule::SemiMonthly => "SEMI_MONTHLY",
        }
    }
}

/// A recurring payee: one leg of a recurring flow on one account (a transfer between the
/// user's accounts is two legs with the same amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Leg {
    /// Who is paid, or pays.
    pub(crate) payee: Payee,
    /// The account it lands on (one of [`CHECKING`], [`SAVINGS`], [`CARD`]).
    pub(crate) account: Accounts,
    /// When.
    pub(crate) schedule: Schedule,
    /// Whether every occurrence has the same amount (else drawn in `payee.cents`).
    pub(crate) fixed: bool,
    /// Legs with the same key share their amounts (the two sides of a transfer).
    pub(crate) amount_key: u64,
    /// Whether the amount is the negation of the keyed amount (the receiving side).
    pub(crate) incoming: bool,
}

const fn bill(
    name: &'static str,
    parties: &'static [Party],
    pfc: (&'static str, &'static str),
    category_id: &'static str,
    meta: Meta,
    cents: (i64, i64),
) -> Payee {
    Payee {
        name,
        merchant: Some(parties[0].name),
        parties,
        pfc,
        recategorized: pfc.1,
        category_id,
        channel: "other",
        code: "direct debit",
        meta,
        accounts: CHECKING,
        cents,
        tip: false,
        weight: 0,
    }
}

const fn leg(payee: Payee, account: Accounts, schedule: Schedule, fixed: bool, key: u64) -> Leg {
    Leg {
        payee,
        account,
        schedule,
        fixed,
        amount_key: key,
        incoming: false,
    }
}

const CARD_PAYMENT: Payee = bill(
    "PAYMENT TO PLAID CREDIT CARD",
    &[PLATYPUS_BANK],
    ("LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
    "16001000",
    Meta::Internal,
    (30_000, 95_000),
);
const SAVINGS_TRANSFER: Payee = Payee {
    code: "transfer",
    ..bill(
        "ONLINE TRANSFER TO SAVINGS",
        &[PLATYPUS_BANK],
        ("TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
        "21001000",
        Meta::Internal,
        (25_000, 25_000),
    )
};

/// The recurring legs of a standard history, in the order they are listed on a day that has
/// several. `/transactions/recurring/get` reports each leg as a stream.
pub(crate) static LEGS: &[Leg] = &[
    Leg {
        incoming: true,
        ..leg(
            Payee {
                name: "GINGHAM TEXTILES PAYROLL PPD ID: 1234567890",
                merchant: None,
                code: "transfer",
                ..bill(
                    "",
                    &[EMPLOYER],
                    ("INCOME", "INCOME_WAGES"),
                    "21009000",
                    Meta::AchCredit("Gingham Textiles Inc"),
                    (241_250, 241_250),
                )
            },
            CHECKING,
            Schedule::SemiMonthly,
            true,
            1,
        )
    },
    leg(
        bill(
            "HOUNDSTOOTH PROPERTY MGMT RENT",
            &[LANDLORD],
            ("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT"),
            "16002000",
            Meta::Bill("Houndstooth Property Management", "Zelle"),
            (185_000, 185_000),
        ),
        CHECKING,
        Schedule::Monthly(1),
        true,
        2,
    ),
    leg(SAVINGS_TRANSFER, CHECKING, Schedule::Monthly(2), true, 3),
    Leg {
        incoming: true,
        ..leg(
            Payee {
                name: "ONLINE TRANSFER FROM CHECKING",
                pfc: ("TRANSFER_IN", "TRANSFER_IN_ACCOUNT_TRANSFER"),
                recategorized: "TRANSFER_IN_ACCOUNT_TRANSFER",
                accounts: SAVINGS,
                ..SAVINGS_TRANSFER
            },
            SAVINGS,
            Schedule::Monthly(2),
            true,
            3,
        )
    },
    leg(
        bill(
            "TATTERSALL POWER & LIGHT AUTOPAY",
            &[POWER],
            (
                "RENT_AND_UTILITIES",
                "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
            ),
            "18068000",
            Meta::Bill("Tattersall Power & Light", "Autopay"),
            (6_120, 14_480),
        ),
        CHECKING,
        Schedule::Monthly(12),
        false,
        4,
    ),
    leg(
        Payee {
            channel: "online",
            accounts: CARD,
            code: "purchase",
            meta: Meta::None,
            ..bill(
                "NETFLIX.COM",
                &[NETFLIX],
                ("ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"),
                "18061000",
                Meta::None,
                (1_549, 1_549),
            )
        },
        CARD,
        Schedule::Monthly(15),
        true,
        5,
    ),
    leg(
        Payee {
            channel: "online",
            accounts: CARD,
            code: "purchase",
            meta: Meta::None,
            ..bill(
                "Spotify USA",
                &[SPOTIFY],
                ("ENTERTAINMENT", "ENTERTAINMENT_MUSIC_AND_AUDIO"),
                "18061000",
                Meta::None,
                (1_099, 1_099),
            )
        },
        CARD,
        Schedule::Monthly(22),
        true,
        6,
    ),
    leg(CARD_PAYMENT, CHECKING, Schedule::Monthly(20), false, 7),
    Leg {
        incoming: true,
        ..leg(
            Payee {
                name: "AUTOMATIC PAYMENT - THANK",
                accounts: CARD,
                ..CARD_PAYMENT
            },
            CARD,
            Schedule::Monthly(20),
            false,
            7,
        )
    },
    leg(
        bill(
            "PLAID STUDENT LOAN PMT",
            &[LOAN_SERVICER],
            ("LOAN_PAYMENTS", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT"),
            "16003000",
            Meta::Bill("Plaid Student Loan Servicing", "ACH"),
            (32_718, 32_718),
        ),
        CHECKING,
        Schedule::Monthly(25),
        true,
        8,
    ),
    Leg {
        incoming: true,
        ..leg(
            Payee {
                name: "INTRST PYMNT",
                merchant: None,
                code: "interest",
                accounts: SAVINGS,
                ..bill(
                    "",
                    &[PLATYPUS_BANK],
                    ("INCOME", "INCOME_INTEREST_EARNED"),
                    "15001000",
                    Meta::None,
                    (48, 455),
                )
            },
            SAVINGS,
            Schedule::MonthEnd,
            false,
            9,
        )
    },
];

/// The `TransactionStream`s of `history`'s recurring legs on the accounts at positions
/// `accounts`: `(inflow, outflow)`. A leg with no occurrence in the history is left out; one
/// with three or more is `MATURE`, else `EARLY_DETECTION`. Refreshes never touch recurring
/// payments, so the history's occurrences are the current ones.
pub(crate) fn streams(history: &History, accounts: &[usize]) -> (Vec<Value>, Vec<Value>) {
    let (mut inflow, mut outflow) = (Vec::new(), Vec::new());
    for (index, leg) in LEGS.iter().enumerate() {
        let account = leg.account.trailing_zeros() as usize;
        if !history.has_recurring() || !accounts.contains(&account) {
            continue;
        }
        let occurrences: Vec<_> = (history.first_day..=history.last_day)
            .filter_map(|day| history.occurrence_index(index, day))
            .map(|i| history.txn(i))
            .collect();
        let (Some(first), Some(last)) = (occurrences.first(), occurrences.last()) else {
            continue;
        };
        let total: i64 = occurrences.iter().map(|t| t.cents).sum();
        let average = total / occurrences.len() as i64;
        let next = (last.day + 1..last.day + 63).find(|d| leg.schedule.fires(*d));
        let amount = |cents: i64| {
            json!({
                "amount": cents as f64 / 100.0,
                "iso_currency_code": history.currency,
                "unofficial_currency_code": null,
            })
        };
        let payee = &leg.payee;
        let stream = json!({
            "account_id": history.accounts[account],
            "stream_id": Stream::from_text(&format!("{}/stream/{index}", history.accounts[0]))
                .base62(ID_LEN),
            "category": categories::find(payee.category_id).map(|c| c.hierarchy.clone()),
            "category_id": payee.category_id,
            "description": payee.name,
            "merchant_name": payee.merchant,
            "first_date": clock::date(first.day),
            "last_date": clock::date(last.day),
            "predicted_next_date": next.map(clock::date),
            "frequency": leg.schedule.frequency(),
            "transaction_ids": occurrences.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            "average_amount": amount(average),
            "last_amount": amount(last.cents),
            "is_active": next.is_some_and(|d| d + 5 >= history.last_day),
            "status": if occurrences.len() >= 3 { "MATURE" } else { "EARLY_DETECTION" },
            "personal_finance_category": {
                "primary": payee.pfc.0,
                "detailed": payee.pfc.1,
                "confidence_level": "VERY_HIGH",
            },
            "is_user_modified": false,
        });
        if leg.incoming {
            inflow.push(stream);
        } else {
            outflow.push(stream);
        }
    }
    (inflow, outflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legs_land_on_accounts_their_payee_allows_and_pairs_mirror_each_other() {
        for leg in LEGS {
            assert_eq!(leg.account.count_ones(), 1);
            assert!(leg.payee.accounts & leg.account != 0, "{}", leg.payee.name);
            let pair: Vec<&Leg> = LEGS
                .iter()
                .filter(|l| l.amount_key == leg.amount_key)
                .collect();
            if pair.len() == 2 {
                assert_ne!(pair[0].incoming, pair[1].incoming);
                assert_eq!(pair[0].schedule, pair[1].schedule);
            }
        }
    }
}
