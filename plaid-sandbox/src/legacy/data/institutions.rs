//! The fourteen sandbox institutions (legacy-api.md §4, from plaid/plaid-ruby-legacy's
//! institutions fixture) and their two JSON shapes: the institution object of
//! `/institutions[/all]` and the "search result" object of `/institutions[/all]/search`.
//!
//! The long-tail institutions, which only search results show, are in [`super::longtail`].
//!
//! The search shape is the one recorded from tartan for Wells Fargo (wfgilman/plaid-elixir
//! `institutions_test/search_query_product.json`); Wells Fargo's URLs and colours are the real
//! ones. **[emulator choice]** For the other banks the URLs and colours are plausible stand-ins,
//! and every `logo` is a 1×1 PNG instead of the real ~10 KB base64 image.

use serde_json::{Map, Value, json};

/// One sandbox institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Institution {
    /// The short type, e.g. `bofa` (also the `id` of search results).
    pub(crate) kind: &'static str,
    /// Display name.
    pub(crate) name: &'static str,
    /// The 24-hex id.
    pub(crate) id: &'static str,
    /// MFA kinds, e.g. `["code", "list", "questions(3)"]`.
    pub(crate) mfa: &'static [&'static str],
    /// Products the institution supports.
    pub(crate) products: &'static [&'static str],
    /// The username field label.
    pub(crate) username_label: &'static str,
    /// The password field label.
    pub(crate) password_label: &'static str,
    /// The pin label, for institutions that need one (USAA).
    pub(crate) pin_label: Option<&'static str>,
    /// Home page (for the search result URLs).
    pub(crate) site: &'static str,
    /// Brand colour (r, g, b), then a lighter one for the gradient, then a darker one.
    pub(crate) colors: [(u8, u8, u8); 3],
}

const ALL: &[&str] = &["connect", "auth", "balance", "info", "income", "risk"];
const Q3: &[&str] = &["questions(3)"];

/// The sandbox institutions, in the order of the fixture.
pub(crate) const INSTITUTIONS: &[Institution] = &[
    Institution {
        kind: "bofa",
        name: "Bank of America",
        id: "5301a93ac140de84910000e0",
        mfa: &["code", "list", "questions(3)"],
        products: ALL,
        username_label: "Online ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.bankofamerica.com",
        colors: [(227, 24, 55), (240, 60, 90), (150, 10, 35)],
    },
    Institution {
        kind: "chase",
        name: "Chase",
        id: "5301a99504977c52b60000d0",
        mfa: &["code", "list"],
        products: ALL,
        username_label: "User ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.chase.com",
        colors: [(16, 95, 165), (40, 125, 200), (10, 60, 110)],
    },
    Institution {
        kind: "wells",
        name: "Wells Fargo",
        id: "5301aa096b3f822b440001cb",
        mfa: &[],
        products: ALL,
        username_label: "Username",
        password_label: "Password",
        pin_label: None,
        site: "https://online.wellsfargo.com",
        colors: [(186, 9, 36), (220, 33, 62), (117, 6, 22)],
    },
    Institution {
        kind: "citi",
        name: "Citi",
        id: "5301aa306b3f82a00500018b",
        mfa: &["questions", "selections"],
        products: ALL,
        username_label: "User ID",
        password_label: "Password",
        pin_label: None,
        site: "https://online.citi.com",
        colors: [(0, 61, 121), (0, 100, 180), (0, 40, 80)],
    },
    Institution {
        kind: "us",
        name: "US Bank",
        id: "531ea6327de8211c80000440",
        mfa: Q3,
        products: ALL,
        username_label: "Personal ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.usbank.com",
        colors: [(12, 38, 104), (40, 70, 150), (6, 20, 60)],
    },
    Institution {
        kind: "usaa",
        name: "USAA",
        id: "531ea6602ad939b68700047c",
        mfa: Q3,
        products: ALL,
        username_label: "Online ID",
        password_label: "Password",
        pin_label: Some("PIN"),
        site: "https://www.usaa.com",
        colors: [(0, 51, 102), (0, 80, 150), (0, 30, 60)],
    },
    Institution {
        kind: "capone360",
        name: "Capital One 360",
        id: "53c5c8631f9bda09c7000222",
        mfa: Q3,
        products: &["auth", "balance"],
        username_label: "Username or Customer Number",
        password_label: "Password",
        pin_label: None,
        site: "https://home.capitalone360.com",
        colors: [(0, 73, 120), (0, 110, 170), (0, 45, 75)],
    },
    Institution {
        kind: "amex",
        name: "American Express",
        id: "5301a9d704977c52b60000db",
        mfa: &[],
        products: &["connect", "balance", "income", "risk"],
        username_label: "User ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.americanexpress.com",
        colors: [(0, 111, 207), (40, 140, 230), (0, 70, 130)],
    },
    Institution {
        kind: "schwab",
        name: "Charles Schwab",
        id: "53b34fab1a73941962000186",
        mfa: &[],
        products: &["auth", "balance"],
        username_label: "Login ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.schwab.com",
        colors: [(0, 160, 223), (40, 190, 240), (0, 100, 140)],
    },
    Institution {
        kind: "fidelity",
        name: "Fidelity",
        id: "53cee1d8c003c2747b000051",
        mfa: &[],
        products: &["auth", "balance"],
        username_label: "Username",
        password_label: "Password",
        pin_label: None,
        site: "https://www.fidelity.com",
        colors: [(54, 134, 40), (80, 170, 60), (30, 90, 20)],
    },
    Institution {
        kind: "pnc",
        name: "PNC",
        id: "54acb2eb9d5b8617e0d5aa86",
        mfa: Q3,
        products: &["auth", "balance", "info"],
        username_label: "User ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.pnc.com",
        colors: [(239, 125, 0), (250, 160, 50), (170, 85, 0)],
    },
    Institution {
        kind: "td",
        name: "TD Bank",
        id: "55ccd367d32f2fdf19c1c448",
        mfa: Q3,
        products: &["auth", "balance", "info"],
        username_label: "User Name",
        password_label: "Password",
        pin_label: None,
        site: "https://www.tdbank.com",
        colors: [(52, 138, 57), (80, 170, 85), (30, 90, 35)],
    },
    Institution {
        kind: "nfcu",
        name: "Navy Federal Credit Union",
        id: "55f071ac7a1c8e1bd752e54e",
        mfa: &[],
        products: &["auth", "balance", "connect", "info", "income", "risk"],
        username_label: "Access Number",
        password_label: "Password",
        pin_label: None,
        site: "https://www.navyfederal.org",
        colors: [(0, 45, 98), (20, 75, 140), (0, 25, 60)],
    },
    Institution {
        kind: "suntrust",
        name: "SunTrust",
        id: "55fa106813c81cf103e9e093",
        mfa: &[],
        products: &["auth", "balance", "connect", "info", "income", "risk"],
        username_label: "User ID",
        password_label: "Password",
        pin_label: None,
        site: "https://www.suntrust.com",
        colors: [(0, 75, 135), (30, 110, 180), (0, 45, 85)],
    },
];

/// A 1×1 transparent PNG, base64.
pub(crate) const LOGO: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/// An institution by its 24-hex id or its type (**[emulator choice]**: the type is accepted too).
pub(crate) fn find(id_or_type: &str) -> Option<&'static Institution> {
    INSTITUTIONS
        .iter()
        .find(|i| i.id == id_or_type || i.kind == id_or_type)
}

/// An institution by type.
pub(crate) fn by_type(kind: &str) -> Option<&'static Institution> {
    INSTITUTIONS.iter().find(|i| i.kind == kind)
}

fn rgba((r, g, b): (u8, u8, u8)) -> String {
    format!("rgba({r},{g},{b},1)")
}

/// The `fields` of a search result: the login form, username then password (then pin).
pub(crate) fn login_fields(username: &str, password: &str, pin: Option<&str>) -> Vec<Value> {
    let mut fields = vec![
        json!({ "name": "username", "label": username, "type": "text" }),
        json!({ "name": "password", "label": password, "type": "password" }),
    ];
    if let Some(pin) = pin {
        fields.push(json!({ "name": "pin", "label": pin, "type": "password" }));
    }
    fields
}

impl Institution {
    /// Whether the institution supports `product`.
    pub(crate) fn supports(&self, product: &str) -> bool {
        self.products.contains(&product)
    }

    /// Whether the institution supports every product in `wanted`.
    pub(crate) fn supports_all<S: AsRef<str>>(&self, wanted: &[S]) -> bool {
        wanted.iter().all(|w| self.supports(w.as_ref()))
    }

    /// The institution object of `/institutions` and `/institutions/all`.
    pub(crate) fn json(&self) -> Value {
        let mut credentials = Map::new();
        credentials.insert("username".into(), self.username_label.into());
        credentials.insert("password".into(), self.password_label.into());
        if let Some(pin) = self.pin_label {
            credentials.insert("pin".into(), pin.into());
        }
        json!({
            "credentials": credentials,
            "has_mfa": !self.mfa.is_empty(),
            "id": self.id,
            "mfa": self.mfa,
            "name": self.name,
            "products": self.products,
            "type": self.kind,
        })
    }

    /// The search result object of `/institutions[/all]/search`. Core institutions carry
    /// `colors` as `primary`, `darker` and a two-stop `gradient` (the long-tail ones differ,
    /// see [`super::longtail`]).
    pub(crate) fn search_result(&self) -> Value {
        let products: Map<String, Value> = self
            .products
            .iter()
            .map(|p| ((*p).to_owned(), Value::Bool(true)))
            .collect();
        let fields = login_fields(self.username_label, self.password_label, self.pin_label);
        let (forgotten, locked, setup) = if self.kind == "wells" {
            (
                "https://online.wellsfargo.com/das/channel/identifyDisplay".to_owned(),
                "https://www.wellsfargo.com/help/faqs/sign-on".to_owned(),
                "https://online.wellsfargo.com".to_owned(),
            )
        } else {
            (
                format!("{}/forgot-password", self.site),
                format!("{}/help/account-locked", self.site),
                self.site.to_owned(),
            )
        };
        let [primary, light, dark] = self.colors;
        json!({
            "id": self.kind,
            "name": self.name,
            "products": products,
            "forgottenPassword": forgotten,
            "accountLocked": locked,
            "accountSetup": setup,
            "video": self.kind,
            "fields": fields,
            "colors": {
                "primary": rgba(primary),
                "darker": rgba(dark),
                "gradient": [rgba(primary), rgba(light)],
            },
            "logo": LOGO,
            "nameBreak": Value::Null,
            "type": self.kind,
        })
    }
}
