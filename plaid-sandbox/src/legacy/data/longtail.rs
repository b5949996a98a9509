//! The long-tail institutions (tartan's partner-backed set, with numeric ids such as `15184`)
//! and their search result shape.
//!
//! The data is the one tartan returned next to Wells Fargo for `GET /institutions/search?q=wells`
//! (wfgilman/plaid-elixir `institutions_test/search_query.json`, recorded 2016): ids, names,
//! URLs, login labels, colours and `nameBreak` as recorded. Long-tail results differ from the
//! core ones in three ways: `colors` has `primary`, `darker`, `dark` and `light` and **no**
//! `gradient` (legacy-api.md §4), `video` is null, and `products` lists the four products the
//! recording shows (all of them with `auth` and `info` false). **[emulator choice]** `logo` is
//! the same 1×1 PNG stand-in as the core banks' where tartan sent an image, null where it
//! sent null.

use serde_json::{Map, Value, json};

use crate::legacy::data::institutions::{LOGO, login_fields};

/// One long-tail institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LongTail {
    /// The numeric id (also the `type` of its search result).
    pub(crate) id: &'static str,
    /// Display name.
    pub(crate) name: &'static str,
    /// The forgotten-password, account-locked and account-setup URL (one page for all three).
    pub(crate) site: &'static str,
    /// The username field label.
    pub(crate) username_label: &'static str,
    /// The password field label.
    pub(crate) password_label: &'static str,
    /// `light`, `primary`, `dark`, `darker`, as recorded (hex strings).
    pub(crate) colors: [&'static str; 4],
    /// Whether tartan sent a logo.
    pub(crate) logo: bool,
    /// Where to break the name on two lines.
    pub(crate) name_break: Option<u8>,
}

/// The products a long-tail search result lists, and the ones it supports (balance and
/// connect, for every recorded long-tail institution).
const PRODUCTS: [(&str, bool); 4] = [
    ("auth", false),
    ("balance", true),
    ("connect", true),
    ("info", false),
];

/// The recorded long-tail institutions, in the order tartan listed them.
pub(crate) const LONG_TAIL: &[LongTail] = &[
    LongTail {
        id: "15184",
        name: "Wells Fargo Dealer Services",
        site: "http://www.wellsfargodealerservices.com/",
        username_label: "User ID",
        password_label: "Password",
        colors: ["#ff4542", "#E41E2B", "#b3000a", "#a30000"],
        logo: true,
        name_break: Some(11),
    },
    LongTail {
        id: "13202",
        name: "Wells Fargo Education Financial Services",
        site: "https://www.wellsfargo.com/",
        username_label: "Username",
        password_label: "Password",
        colors: ["#eb3e30", "#CB1819", "#9b0000", "#8c0000"],
        logo: true,
        name_break: Some(11),
    },
    LongTail {
        id: "2916",
        name: "Wells Fargo Advisors",
        site: "https://www.wellsfargoadvisors.com/",
        username_label: "User ID",
        password_label: "Password",
        colors: ["#ddbb86", "#C0A06C", "#967947", "#896d3b"],
        logo: true,
        name_break: None,
    },
    LongTail {
        id: "25807",
        name: "Wells Fargo Retirement Services",
        site: "https://www.wellsfargo.com/retirementplan/wrs/index",
        username_label: "Username",
        password_label: "Password",
        colors: ["#ed4141", "#CD1C2A", "#9d000a", "#8e0000"],
        logo: true,
        name_break: Some(11),
    },
    LongTail {
        id: "26208",
        name: "Wells Fargo Retirement Planning Solutions Login",
        site: "https://www.wellsfargo.com/retirementplan/",
        username_label: "Username",
        password_label: "Password",
        colors: ["#327faa", "#00668F", "#004369", "#00375c"],
        logo: false,
        name_break: None,
    },
    LongTail {
        id: "3265",
        name: "Wells Fargo Financial Bank Credit Card",
        site: "http://financial.wellsfargo.com/",
        username_label: "User Name",
        password_label: "Password",
        colors: ["#378fbe", "#0075A3", "#00517c", "#00456f"],
        logo: true,
        name_break: None,
    },
    LongTail {
        id: "30125",
        name: "Wells Fargo Shareowner Services",
        site: "https://www.shareowneronline.com/",
        username_label: "User ID",
        password_label: "PIN",
        colors: ["#378fbe", "#0075A3", "#00517c", "#00456f"],
        logo: false,
        name_break: None,
    },
    LongTail {
        id: "4030",
        name: "Wells Fargo Retirement Planning",
        site: "https://www.wellsfargo.com/retirementplan/",
        username_label: "Username",
        password_label: "Password",
        colors: ["#28617f", "#004966", "#002842", "#001e37"],
        logo: false,
        name_break: None,
    },
    LongTail {
        id: "13753",
        name: "Wells Fargo Commercial Electronic Office",
        site: "https://www.wellsfargo.com/com/comintro.jhtml",
        username_label: "User ID",
        password_label: "Password",
        colors: ["#28617f", "#004966", "#002842", "#001e37"],
        logo: false,
        name_break: None,
    },
];

/// A long-tail institution by its numeric id.
pub(crate) fn find(id: &str) -> Option<&'static LongTail> {
    LONG_TAIL.iter().find(|i| i.id == id)
}

impl LongTail {
    /// Whether the institution supports `product`.
    pub(crate) fn supports(&self, product: &str) -> bool {
        PRODUCTS.contains(&(product, true))
    }

    /// The search result object of `/institutions[/all]/search`.
    pub(crate) fn search_result(&self) -> Value {
        let products: Map<String, Value> = PRODUCTS
            .iter()
            .map(|(p, on)| ((*p).to_owned(), Value::Bool(*on)))
            .collect();
        let [light, primary, dark, darker] = self.colors;
        json!({
            "id": self.id,
            "name": self.name,
            "products": products,
            "forgottenPassword": self.site,
            "accountLocked": self.site,
            "accountSetup": self.site,
            "video": Value::Null,
            "fields": login_fields(self.username_label, self.password_label, None),
            "colors": { "light": light, "primary": primary, "dark": dark, "darker": darker },
            "logo": if self.logo { Value::from(LOGO) } else { Value::Null },
            "nameBreak": self.name_break,
            "type": self.id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numeric_and_unique() {
        for (i, a) in LONG_TAIL.iter().enumerate() {
            assert!(a.id.bytes().all(|b| b.is_ascii_digit()), "{}", a.id);
            assert!(LONG_TAIL[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
    }

    #[test]
    fn supports_only_what_the_products_map_says() {
        let inst = find("15184").unwrap();
        assert!(inst.supports("connect") && inst.supports("balance"));
        assert!(!inst.supports("auth") && !inst.supports("income"));
        assert_eq!(
            inst.search_result()["products"],
            json!({"auth": false, "balance": true, "connect": true, "info": false})
        );
    }
}
