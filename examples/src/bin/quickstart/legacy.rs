//! The legacy tour (the tartan API of `plaid-python-legacy` 1.5.1):
//!
//! 1. fetches the institutions and categories;
//! 2. connects a Bank of America user, which asks a security question;
//! 3. answers the MFA challenge;
//! 4. reads the item's transactions and live balances.

use examples::show;
use plaid_core::legacy::models::{
    BalanceResponse, Category, ConnectResponse, Institution, Outcome,
};
use plaid_core::legacy::{Client, Legacy, Login, MfaAnswer};
use plaid_core::{AsyncTransport, Transport};

use crate::{SHOWN, Tour};

/// The sandbox user and the answer to its security question.
fn login() -> Login {
    Login::new("plaid_test", "plaid_good")
}
const ANSWER: &str = "tomato";

/// The legacy family's tour.
pub(crate) struct LegacyTour;

/// What one backend's tour saw.
struct Summary {
    institutions: Vec<String>,
    categories: Vec<String>,
    mfa: String,
    transactions: Vec<String>,
    balances: Vec<String>,
}

impl Summary {
    fn new(
        institutions: Vec<Institution>,
        categories: Vec<Category>,
        mfa: String,
        connected: ConnectResponse,
        balance: BalanceResponse,
    ) -> Self {
        Summary {
            institutions: institutions.into_iter().map(|i| i.name).collect(),
            categories: categories
                .into_iter()
                .map(|c| c.hierarchy.join(" > "))
                .collect(),
            mfa,
            transactions: connected
                .transactions
                .unwrap_or_default()
                .into_iter()
                .map(|t| format!("{} {} {}", t.date, t.name, t.amount))
                .collect(),
            balances: balance
                .accounts
                .into_iter()
                .map(|a| {
                    let current = a
                        .balance
                        .current
                        .map_or_else(|| "n/a".to_owned(), |c| c.to_string());
                    format!("{} {current}", a.meta.name.unwrap_or_default())
                })
                .collect(),
        }
    }

    fn lines(&self) -> Vec<String> {
        vec![
            format!(
                "{} institutions, e.g. {}",
                self.institutions.len(),
                show::some(&self.institutions, SHOWN)
            ),
            format!(
                "{} categories, e.g. {}",
                self.categories.len(),
                show::some(&self.categories, SHOWN)
            ),
            format!("connect bofa: MFA {} answered, connected", self.mfa),
            format!(
                "{} transactions, e.g. {}",
                self.transactions.len(),
                show::some(&self.transactions, SHOWN)
            ),
            format!("balances: {}", show::some(&self.balances, SHOWN)),
        ]
    }
}

/// The challenge's kind and the client to answer it with.
fn challenge<T, D>(
    client: &Client<T>,
    outcome: Outcome<D>,
) -> Result<(String, Client<T>), plaid_core::Error> {
    match outcome {
        Outcome::MfaRequired(challenge) => Ok((
            challenge.mfa.kind().to_owned(),
            client.with_access_token(challenge.access_token),
        )),
        Outcome::Connected(_) => Err(plaid_core::Error::invalid_input(
            "the sandbox's bofa user should ask for MFA",
        )),
    }
}

fn connected<D>(outcome: Outcome<D>) -> Result<D, plaid_core::Error> {
    outcome
        .connected()
        .ok_or_else(|| plaid_core::Error::invalid_input("the right MFA answer should connect"))
}

impl Tour for LegacyTour {
    type Api = Legacy;

    fn blocking<T: Transport>(client: &Client<T>) -> Result<Vec<String>, plaid_core::Error> {
        let institutions = client.institutions().send()?;
        let categories = client.categories().send()?;
        let (mfa, item) = challenge(client, client.connect("bofa", login()).send()?)?;
        connected(item.connect_step(MfaAnswer::answer(ANSWER)).send()?)?;
        let transactions = item.connect_get().send()?;
        let balance = item.balance().send()?;
        Ok(Summary::new(institutions, categories, mfa, transactions, balance).lines())
    }

    async fn non_blocking<T: AsyncTransport>(
        client: &Client<T>,
    ) -> Result<Vec<String>, plaid_core::Error> {
        let institutions = client.institutions().await?;
        let categories = client.categories().await?;
        let (mfa, item) = challenge(client, client.connect("bofa", login()).await?)?;
        connected(item.connect_step(MfaAnswer::answer(ANSWER)).await?)?;
        let transactions = item.connect_get().await?;
        let balance = item.balance().await?;
        Ok(Summary::new(institutions, categories, mfa, transactions, balance).lines())
    }
}
