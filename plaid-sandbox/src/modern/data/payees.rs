//! Who the generated transactions are with: what every payee carries, the merchants of
//! everyday card spending, and the stores' cities (the recurring payees, whose schedules
//! matter as much as who they are, are in [`crate::modern::data::recurring`]).
//!
//! Every payee carries what the spec's `Transaction` reports about it: the description
//! (`name`), the clean `merchant_name`, the counterparty (type, website, logo), the
//! `personal_finance_category` (primary and detailed, from Plaid's taxonomy), the deprecated
//! `category_id` (a real id of the category table, so `category` resolves to its hierarchy),
//! the payment channel, the transaction code European institutions report, and the
//! `payment_meta` an ACH or bill payment carries. The names are the kind Plaid's own sandbox
//! shows (Starbucks, Uber, United Airlines, Touchstone Climbing…) plus invented employers and
//! utilities in the sandbox's fabric theme.

/// Which accounts a payee's transactions land on (a bit set of [`CHECKING`], [`SAVINGS`],
/// [`CARD`]).
pub(crate) type Accounts = u8;
/// The checking account (index 0 of an Item's accounts).
pub(crate) const CHECKING: Accounts = 1;
/// The savings account (index 1).
pub(crate) const SAVINGS: Accounts = 2;
/// The credit card (index 2).
pub(crate) const CARD: Accounts = 4;

/// The `payment_meta` a payee's transactions carry (every other key `null`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meta {
    /// Nothing: all eight keys `null` (card purchases).
    None,
    /// An ACH credit from `payer`: `payer`, `ppd_id`, `payment_method` "ACH", a reference.
    AchCredit(&'static str),
    /// A bill paid to `payee` through `processor`: `payee`, `payment_processor`, a reference.
    Bill(&'static str, &'static str),
    /// A transfer through a payment app: `payment_processor`, `payment_method`, `reason`.
    App(&'static str),
    /// A transfer between the user's own accounts: `payee`/`payer` name the accounts.
    Internal,
}

/// The counterparty of a payee (`TransactionCounterparty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Party {
    /// `name`.
    pub(crate) name: &'static str,
    /// `type` (`merchant`, `marketplace`, `payment_app`, `financial_institution`,
    /// `income_source`…).
    pub(crate) kind: &'static str,
    /// `website`.
    pub(crate) website: Option<&'static str>,
    /// The logo's file name on Plaid's logo host, if it has one.
    pub(crate) logo: Option<&'static str>,
}

/// One payee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Payee {
    /// `name`: the description as the bank prints it.
    pub(crate) name: &'static str,
    /// `merchant_name`, when there is a merchant.
    pub(crate) merchant: Option<&'static str>,
    /// The counterparties: the merchant, and for a marketplace purchase the marketplace first.
    pub(crate) parties: &'static [Party],
    /// `personal_finance_category.primary` and `.detailed`.
    pub(crate) pfc: (&'static str, &'static str),
    /// The detailed category a recategorisation moves it to (what `/transactions/refresh`
    /// changes on a posted transaction).
    pub(crate) recategorized: &'static str,
    /// The deprecated `category_id`.
    pub(crate) category_id: &'static str,
    /// `payment_channel`.
    pub(crate) channel: &'static str,
    /// `transaction_code` at European institutions (`null` elsewhere, as the spec says).
    pub(crate) code: &'static str,
    /// `payment_meta`.
    pub(crate) meta: Meta,
    /// The accounts it lands on.
    pub(crate) accounts: Accounts,
    /// Amount range in cents; negative is money in (Plaid's sign).
    pub(crate) cents: (i64, i64),
    /// Whether the posted amount adds a tip to the pending one.
    pub(crate) tip: bool,
    /// Relative frequency among the everyday merchants.
    pub(crate) weight: u64,
}

impl Payee {
    /// Whether it is a card purchase: such transactions are pending for a day or two first.
    pub(crate) fn is_card_purchase(&self) -> bool {
        self.channel != "other"
    }
}

/// A counterparty with a website and a logo.
pub(crate) const fn party(
    name: &'static str,
    kind: &'static str,
    website: &'static str,
    logo: &'static str,
) -> Party {
    Party {
        name,
        kind,
        website: Some(website),
        logo: Some(logo),
    }
}

const STARBUCKS: Party = party(
    "Starbucks",
    "merchant",
    "starbucks.com",
    "starbucks_956.png",
);
const MCDONALDS: Party = party(
    "McDonald's",
    "merchant",
    "mcdonalds.com",
    "mcdonalds_619.png",
);
const NOODLES: Party = Party {
    name: "Tartan Noodle House",
    kind: "merchant",
    website: None,
    logo: None,
};
const DOORDASH: Party = party("DoorDash", "marketplace", "doordash.com", "doordash_1.png");
const WHOLE_FOODS: Party = party(
    "Whole Foods Market",
    "merchant",
    "wholefoodsmarket.com",
    "whole_foods_1073.png",
);
const SHELL: Party = party("Shell", "merchant", "shell.com", "shell_1047.png");
const UBER: Party = party("Uber", "merchant", "uber.com", "uber_1060.png");
const AMAZON: Party = party("Amazon", "marketplace", "amazon.com", "amazon_1.png");
const TARGET: Party = party("Target", "merchant", "target.com", "target_1053.png");
const CVS: Party = party(
    "CVS Pharmacy",
    "merchant",
    "cvs.com",
    "cvs_pharmacy_383.png",
);
const UNITED: Party = party(
    "United Airlines",
    "merchant",
    "united.com",
    "united_airlines_1065.png",
);
const CLIMBING: Party = party(
    "Touchstone Climbing",
    "merchant",
    "touchstoneclimbing.com",
    "touchstone_climbing_1056.png",
);
const SPARKFUN: Party = party("SparkFun", "merchant", "sparkfun.com", "sparkfun_1029.png");
pub(crate) const VENMO: Party = party("Venmo", "payment_app", "venmo.com", "venmo_1067.png");
pub(crate) const PLATYPUS_BANK: Party = party(
    "First Platypus Bank",
    "financial_institution",
    "plaid.com",
    "first_platypus_bank_1.png",
);

/// A card purchase at a merchant.
#[allow(clippy::too_many_arguments, reason = "one row of a table")]
const fn shop(
    name: &'static str,
    parties: &'static [Party],
    pfc: (&'static str, &'static str),
    recategorized: &'static str,
    category_id: &'static str,
    channel: &'static str,
    cents: (i64, i64),
    weight: u64,
) -> Payee {
    Payee {
        name,
        merchant: Some(parties[parties.len() - 1].name),
        parties,
        pfc,
        recategorized,
        category_id,
        channel,
        code: "purchase",
        meta: Meta::None,
        accounts: CHECKING | CARD,
        cents,
        tip: false,
        weight,
    }
}

const FOOD: &str = "FOOD_AND_DRINK";
const SHOPS: &str = "GENERAL_MERCHANDISE";

/// The everyday merchants, drawn by weight for the transactions that are not recurring.
pub(crate) static MERCHANTS: &[Payee] = &[
    shop(
        "Starbucks",
        &[STARBUCKS],
        (FOOD, "FOOD_AND_DRINK_COFFEE"),
        "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
        "13005043",
        "in store",
        (345, 1_295),
        12,
    ),
    shop(
        "McDonald's",
        &[MCDONALDS],
        (FOOD, "FOOD_AND_DRINK_FAST_FOOD"),
        "FOOD_AND_DRINK_RESTAURANT",
        "13005032",
        "in store",
        (429, 1_980),
        8,
    ),
    Payee {
        tip: true,
        ..shop(
            "TARTAN NOODLE HOUSE",
            &[NOODLES],
            (FOOD, "FOOD_AND_DRINK_RESTAURANT"),
            "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
            "13005000",
            "in store",
            (1_850, 8_900),
            6,
        )
    },
    shop(
        "DD DOORDASH TARTANNOODLE",
        &[DOORDASH, NOODLES],
        (FOOD, "FOOD_AND_DRINK_RESTAURANT"),
        "FOOD_AND_DRINK_FAST_FOOD",
        "13005000",
        "online",
        (1_499, 5_400),
        5,
    ),
    shop(
        "WHOLEFDS #10234",
        &[WHOLE_FOODS],
        (FOOD, "FOOD_AND_DRINK_GROCERIES"),
        "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
        "19047000",
        "in store",
        (1_240, 18_650),
        9,
    ),
    shop(
        "SHELL OIL 57444812",
        &[SHELL],
        ("TRANSPORTATION", "TRANSPORTATION_GAS"),
        "TRANSPORTATION_OTHER_TRANSPORTATION",
        "22009000",
        "in store",
        (2_500, 7_400),
        6,
    ),
    shop(
        "Uber 063015 SF**POOL**",
        &[UBER],
        ("TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"),
        "TRANSPORTATION_OTHER_TRANSPORTATION",
        "22006001",
        "online",
        (640, 4_580),
        7,
    ),
    shop(
        "AMZN Mktp US*2K4LM81A3",
        &[AMAZON],
        (SHOPS, "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"),
        "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
        "19019000",
        "online",
        (899, 15_999),
        9,
    ),
    shop(
        "TARGET 00021782",
        &[TARGET],
        (SHOPS, "GENERAL_MERCHANDISE_SUPERSTORES"),
        "GENERAL_MERCHANDISE_DEPARTMENT_STORES",
        "19018000",
        "in store",
        (1_299, 12_450),
        6,
    ),
    shop(
        "CVS/PHARMACY #04521",
        &[CVS],
        ("MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"),
        "MEDICAL_OTHER_MEDICAL",
        "19043000",
        "in store",
        (499, 6_275),
        4,
    ),
    shop(
        "United Airlines",
        &[UNITED],
        ("TRAVEL", "TRAVEL_FLIGHTS"),
        "TRAVEL_OTHER_TRAVEL",
        "22001000",
        "online",
        (8_900, 64_000),
        1,
    ),
    shop(
        "Touchstone Climbing",
        &[CLIMBING],
        ("PERSONAL_CARE", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"),
        "PERSONAL_CARE_OTHER_PERSONAL_CARE",
        "17034000",
        "in store",
        (2_200, 8_500),
        2,
    ),
    shop(
        "SparkFun",
        &[SPARKFUN],
        (SHOPS, "GENERAL_MERCHANDISE_ELECTRONICS"),
        "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
        "19013000",
        "online",
        (1_495, 9_995),
        2,
    ),
    Payee {
        name: "VENMO PAYMENT 1023948572",
        merchant: None,
        parties: &[VENMO],
        pfc: ("TRANSFER_OUT", "TRANSFER_OUT_ACCOUNT_TRANSFER"),
        recategorized: "TRANSFER_OUT_OTHER_TRANSFER_OUT",
        category_id: "21010001",
        channel: "other",
        code: "transfer",
        meta: Meta::App("Venmo"),
        accounts: CHECKING,
        cents: (1_000, 12_000),
        tip: false,
        weight: 3,
    },
    Payee {
        name: "ATM WITHDRAWAL 000349 MAIN ST",
        merchant: None,
        parties: &[PLATYPUS_BANK],
        pfc: ("TRANSFER_OUT", "TRANSFER_OUT_WITHDRAWAL"),
        recategorized: "TRANSFER_OUT_OTHER_TRANSFER_OUT",
        category_id: "21012002",
        channel: "other",
        code: "atm",
        meta: Meta::None,
        accounts: CHECKING,
        cents: (2_000, 20_000),
        tip: false,
        weight: 2,
    },
];

/// A city stores are in: `(city, region, postal code, country, latitude, longitude)`.
pub(crate) type City = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
);

/// Cities for store locations; a store is in a city of its institution's country, or in the
/// first (US) ones when the country has none here.
pub(crate) static CITIES: &[City] = &[
    ("San Francisco", "CA", "94107", "US", 37.7749, -122.4194),
    ("New York", "NY", "10013", "US", 40.7209, -74.0007),
    ("Chicago", "IL", "60607", "US", 41.8781, -87.6298),
    ("Atlanta", "GA", "30303", "US", 33.749, -84.388),
    ("Toronto", "ON", "M5V 2T6", "CA", 43.6532, -79.3832),
    ("London", "London", "EC1A 1BB", "GB", 51.5072, -0.1276),
    ("Paris", "Île-de-France", "75002", "FR", 48.8566, 2.3522),
    ("Madrid", "Madrid", "28013", "ES", 40.4168, -3.7038),
    (
        "Amsterdam",
        "Noord-Holland",
        "1012 JS",
        "NL",
        52.3676,
        4.9041,
    ),
    ("Dublin", "Leinster", "D02 X285", "IE", 53.3498, -6.2603),
    ("Berlin", "Berlin", "10117", "DE", 52.52, 13.405),
    ("Milan", "Lombardia", "20121", "IT", 45.4642, 9.19),
    ("Warsaw", "Mazowieckie", "00-001", "PL", 52.2297, 21.0122),
    ("Oslo", "Oslo", "0150", "NO", 59.9139, 10.7522),
];

/// The cities of `country` (the US ones when it has none).
pub(crate) fn cities(country: &str) -> &'static [City] {
    let start = CITIES.iter().position(|c| c.3 == country);
    let Some(start) = start else {
        return &CITIES[..4];
    };
    let len = CITIES[start..]
        .iter()
        .take_while(|c| c.3 == country)
        .count();
    &CITIES[start..start + len]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legacy::data::categories;
    use crate::modern::data::recurring::LEGS;

    fn every_payee() -> impl Iterator<Item = &'static Payee> {
        MERCHANTS.iter().chain(LEGS.iter().map(|l| &l.payee))
    }

    #[test]
    fn every_category_id_exists_and_every_pfc_is_under_its_primary() {
        for payee in every_payee() {
            assert!(
                categories::find(payee.category_id).is_some(),
                "{}: {}",
                payee.name,
                payee.category_id
            );
            let (primary, detailed) = payee.pfc;
            assert!(detailed.starts_with(primary), "{}", payee.name);
            assert!(payee.recategorized.starts_with(primary), "{}", payee.name);
            assert!(!payee.name.is_empty() && !payee.parties.is_empty());
            assert!(payee.cents.0 <= payee.cents.1 && payee.cents.0 > 0);
        }
        assert!(MERCHANTS.iter().all(|m| m.weight > 0));
    }

    #[test]
    fn cities_follow_the_country() {
        assert_eq!(cities("US").len(), 4);
        assert_eq!(cities("FR")[0].0, "Paris");
        assert_eq!(cities("SE"), cities("US"));
    }
}
