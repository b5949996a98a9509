//! The institutions of the modern sandbox: the five test banks of the official client suites
//! (`ins_109508` First Platypus Bank … `ins_109512` Houndstooth Bank, modern-api.md §8) and
//! enough others, in several countries, that paging `/institutions/get` by `total` means
//! something.
//!
//! The five test banks are real sandbox ids; the others are invented for the emulator (ids
//! `ins_1175xx`, names in the same fabric theme) so that nobody mistakes them for a real bank's
//! record. The list is fixed and ordered: pages are stable.

use serde_json::{Value, json};

/// One institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Institution {
    /// `institution_id`.
    pub(crate) id: &'static str,
    /// `name`.
    pub(crate) name: &'static str,
    /// The products it supports.
    pub(crate) products: &'static [&'static str],
    /// ISO country codes.
    pub(crate) countries: &'static [&'static str],
    /// ACH routing numbers (US banks only).
    pub(crate) routing: &'static [&'static str],
    /// Whether it connects through OAuth.
    pub(crate) oauth: bool,
    /// Its web site (optional metadata).
    pub(crate) url: &'static str,
    /// Its brand colour (optional metadata).
    pub(crate) color: &'static str,
}

/// Every product of a full-service US test bank.
const FULL: &[&str] = &[
    "assets",
    "auth",
    "balance",
    "identity",
    "investments",
    "liabilities",
    "transactions",
    "income_verification",
    "signal",
    "statements",
    "transfer",
    "recurring_transactions",
];
/// A bank with the account products but no investments or liabilities.
const BANKING: &[&str] = &["auth", "balance", "identity", "transactions", "signal"];
/// A European bank: account data and payment initiation, no US-only products.
const EUROPE: &[&str] = &[
    "auth",
    "balance",
    "identity",
    "transactions",
    "payment_initiation",
];
/// A credit union with few products.
const BASIC: &[&str] = &["balance", "transactions"];

const US: &[&str] = &["US"];

macro_rules! institutions {
    ($( $id:literal, $name:literal, $products:expr, $countries:expr, [$($routing:literal),*], $oauth:literal, $url:literal, $color:literal; )*) => {
        /// Every institution, in the order `/institutions/get` pages through them.
        pub(crate) const ALL: &[Institution] = &[
            $( Institution {
                id: $id,
                name: $name,
                products: $products,
                countries: $countries,
                routing: &[$($routing),*],
                oauth: $oauth,
                url: $url,
                color: $color,
            }, )*
        ];
    };
}

institutions! {
    "ins_109508", "First Platypus Bank", FULL, US, ["011401533", "021200339"], false, "https://www.plaid.com", "#1f1f1f";
    "ins_109509", "First Gingham Credit Union", FULL, US, ["011000138"], false, "https://www.plaid.com", "#0e6f37";
    "ins_109510", "Tattersall Federal Credit Union", FULL, US, ["021000021"], false, "https://www.plaid.com", "#8a2432";
    "ins_109511", "Tartan Bank", FULL, US, ["011000028", "021000089"], false, "https://www.plaid.com", "#004b87";
    "ins_109512", "Houndstooth Bank", FULL, US, ["026009593"], false, "https://www.plaid.com", "#2e2e2e";
    "ins_117501", "Argyle Savings Bank", BANKING, US, ["031101279"], false, "https://argyle.example", "#5b2c83";
    "ins_117502", "Paisley Federal Credit Union", BASIC, US, ["041215663"], false, "https://paisley.example", "#c2185b";
    "ins_117503", "Seersucker National Bank", FULL, US, ["051000017"], true, "https://seersucker.example", "#1565c0";
    "ins_117504", "Chambray Trust", BANKING, US, ["061000104"], false, "https://chambray.example", "#37474f";
    "ins_117505", "Herringbone Bank", BANKING, US, ["071000013"], true, "https://herringbone.example", "#6d4c41";
    "ins_117506", "Madras Community Bank", BASIC, US, ["081000032"], false, "https://madras.example", "#ef6c00";
    "ins_117507", "Pinstripe Investments", &["balance", "investments", "identity"], US, [], true, "https://pinstripe.example", "#263238";
    "ins_117508", "Calico Credit Union", BANKING, US, ["091000019"], false, "https://calico.example", "#fbc02d";
    "ins_117509", "Dogtooth Bank of Canada", BANKING, &["CA"], [], false, "https://dogtooth.example", "#d32f2f";
    "ins_117510", "Flannel Caisse Populaire", BASIC, &["CA"], [], false, "https://flannel.example", "#388e3c";
    "ins_117511", "Harris Tweed Bank", EUROPE, &["GB"], [], true, "https://harristweed.example", "#4e342e";
    "ins_117512", "Glen Plaid Building Society", EUROPE, &["GB"], [], true, "https://glenplaid.example", "#00695c";
    "ins_117513", "Banque Vichy", EUROPE, &["FR"], [], true, "https://vichy.example", "#ad1457";
    "ins_117514", "Banco Cuadros", EUROPE, &["ES"], [], true, "https://cuadros.example", "#f9a825";
    "ins_117515", "Ruitjes Bank", EUROPE, &["NL", "BE"], [], true, "https://ruitjes.example", "#ff6f00";
    "ins_117516", "Donegal Tweed Bank", EUROPE, &["IE"], [], true, "https://donegal.example", "#2e7d32";
    "ins_117517", "Karo Sparkasse", EUROPE, &["DE", "AT"], [], true, "https://karo.example", "#c62828";
    "ins_117518", "Banca Scozzese", EUROPE, &["IT"], [], true, "https://scozzese.example", "#283593";
    "ins_117519", "Kratka Bank", EUROPE, &["PL"], [], true, "https://kratka.example", "#b71c1c";
    "ins_117520", "Rutete Sparebank", EUROPE, &["NO", "SE", "DK"], [], true, "https://rutete.example", "#0277bd";
    "ins_117521", "Houndstooth Bank Europe", EUROPE, &["FR", "DE", "ES", "IT", "NL", "IE"], [], true, "https://www.plaid.com", "#2e2e2e";
    "ins_117522", "Tartan Bank Canada", FULL, &["CA"], [], false, "https://www.plaid.com", "#004b87";
    "ins_117523", "Gingham Digital Bank", BANKING, &["US", "CA"], ["101000019"], true, "https://gingham.example", "#0e6f37";
}

/// The institution with this id.
pub(crate) fn by_id(id: &str) -> Option<&'static Institution> {
    ALL.iter().find(|i| i.id == id)
}

/// The `Products` values of the spec: anything else is not a product name.
pub(crate) const PRODUCTS: &[&str] = &[
    "assets",
    "auth",
    "balance",
    "balance_plus",
    "beacon",
    "identity",
    "identity_match",
    "investments",
    "investments_auth",
    "liabilities",
    "payment_initiation",
    "identity_verification",
    "transactions",
    "credit_details",
    "income",
    "income_verification",
    "standing_orders",
    "transfer",
    "employment",
    "recurring_transactions",
    "transactions_refresh",
    "signal",
    "statements",
    "processor_payments",
    "processor_identity",
    "profile",
    "layer",
    "pay_by_bank",
];

/// The `CountryCode` values of the spec.
pub(crate) const COUNTRIES: &[&str] = &[
    "US", "GB", "ES", "NL", "FR", "IE", "CA", "DE", "IT", "PL", "DK", "NO", "SE", "EE", "LT", "LV",
    "PT", "BE", "AT", "FI",
];

/// What an `Institution` object carries besides its required keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Extras {
    /// `url`, `primary_color` and `logo` (`include_optional_metadata`).
    pub(crate) metadata: bool,
    /// `status` (`include_status` of `/institutions/get_by_id`).
    pub(crate) status: bool,
}

impl Institution {
    /// Whether it serves at least one of `countries`.
    pub(crate) fn in_any(&self, countries: &[&str]) -> bool {
        self.countries.iter().any(|c| countries.contains(c))
    }

    /// Whether it supports every one of `products`.
    pub(crate) fn supports_all(&self, products: &[&str]) -> bool {
        products.iter().all(|p| self.products.contains(p))
    }

    /// The main country (its first).
    pub(crate) fn country(&self) -> &'static str {
        self.countries.first().copied().unwrap_or("US")
    }

    /// The spec's `Institution` object. `logo` is null (the spec allows it; a base64 PNG per
    /// institution would be bytes nobody reads).
    pub(crate) fn to_json(&self, extras: Extras) -> Value {
        let mut value = json!({
            "institution_id": self.id,
            "name": self.name,
            "products": self.products,
            "country_codes": self.countries,
            "routing_numbers": self.routing,
            "dtc_numbers": [],
            "oauth": self.oauth,
            "connection_availability": "SUPPORTED",
        });
        if extras.metadata {
            value["url"] = json!(self.url);
            value["primary_color"] = json!(self.color);
            value["logo"] = Value::Null;
        }
        if extras.status {
            value["status"] = self.status();
        }
        value
    }

    /// An `InstitutionStatus` where every product is healthy.
    fn status(&self) -> Value {
        let healthy = json!({
            "status": "HEALTHY",
            "last_status_change": "2024-01-01T00:00:00Z",
            "breakdown": {
                "success": 0.99,
                "error_plaid": 0.005,
                "error_institution": 0.005,
                "refresh_interval": "NORMAL"
            }
        });
        json!({
            "item_logins": healthy,
            "transactions_updates": healthy,
            "auth": healthy,
            "identity": healthy,
            "health_incidents": [],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_the_test_banks_come_first() {
        assert!(ALL.len() >= 25);
        for (i, inst) in ALL.iter().enumerate() {
            assert!(ALL[i + 1..].iter().all(|o| o.id != inst.id), "{}", inst.id);
            assert!(
                inst.products.iter().all(|p| PRODUCTS.contains(p)),
                "{}",
                inst.id
            );
            assert!(
                inst.countries.iter().all(|c| COUNTRIES.contains(c)),
                "{}",
                inst.id
            );
        }
        let first: Vec<&str> = ALL[..5].iter().map(|i| i.name).collect();
        assert_eq!(
            first,
            [
                "First Platypus Bank",
                "First Gingham Credit Union",
                "Tattersall Federal Credit Union",
                "Tartan Bank",
                "Houndstooth Bank"
            ]
        );
        assert_eq!(
            by_id("ins_109512").map(|i| i.name),
            Some("Houndstooth Bank")
        );
    }

    #[test]
    fn several_countries_are_served() {
        let mut countries: Vec<&str> = ALL.iter().flat_map(|i| i.countries.to_vec()).collect();
        countries.sort_unstable();
        countries.dedup();
        assert!(countries.len() >= 10, "{countries:?}");
    }
}
