//! What the two peer tests share to compare a python client's requests with
//! the ones plaid-rs builds for the same calls.
//!
//! Both tests reduce a request to what must match, list the differences of
//! each call in a [`Row`], print the rows as a table ([`render`]), and hold
//! the differences to one table of deliberate ones both ways ([`report`]):
//! an unlisted difference fails, and so does a listed one that no longer
//! occurs, so the table stays exact.
//!
//! What they compare beyond the request line and media type ([`Head`])
//! differs by family (form fields for the legacy one; the key headers and a
//! JSON body for the modern one), so each test keeps its own difference type
//! `D` and its own kinds of expected difference `E`, and this module is
//! generic over both. It knows nothing of plaid-core or plaid-sandbox, so
//! the library takes no dependency for it.

use std::collections::BTreeSet;
use std::fmt::{self, Debug, Display, Write as _};

/// The media type of a `Content-Type` value: parameters dropped, lower case
/// (`application/json; charset=utf-8` is `application/json`).
pub fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The part of a request every comparison looks at: method, path and the
/// media type of its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    /// The media type of `Content-Type` ([`media_type`]), if the header was
    /// sent.
    pub content_type: Option<String>,
}

impl Head {
    /// The head of a request with this method, path and `Content-Type`
    /// header value (reduced to its media type).
    pub fn new(method: &str, path: &str, content_type: Option<&str>) -> Head {
        Head {
            method: method.to_owned(),
            path: path.to_owned(),
            content_type: content_type.map(media_type),
        }
    }

    /// `METHOD /path`, for the table.
    pub fn summary(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// How `rust` (plaid-rs's request) differs from this one (python's).
    pub fn diffs(&self, rust: &Head) -> Vec<HeadDiff> {
        let mut diffs = Vec::new();
        if self.method != rust.method {
            diffs.push(HeadDiff::Method {
                python: self.method.clone(),
                rust: rust.method.clone(),
            });
        }
        if self.path != rust.path {
            diffs.push(HeadDiff::Path {
                python: self.path.clone(),
                rust: rust.path.clone(),
            });
        }
        if self.content_type != rust.content_type {
            diffs.push(HeadDiff::ContentType {
                python: self.content_type.clone(),
                rust: rust.content_type.clone(),
            });
        }
        diffs
    }
}

/// One difference between the heads of the python and the plaid-rs request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadDiff {
    /// Different methods.
    Method {
        /// python's.
        python: String,
        /// plaid-rs's.
        rust: String,
    },
    /// Different paths.
    Path {
        /// python's.
        python: String,
        /// plaid-rs's.
        rust: String,
    },
    /// Different media types (or one side sent none).
    ContentType {
        /// python's.
        python: Option<String>,
        /// plaid-rs's.
        rust: Option<String>,
    },
}

impl Display for HeadDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeadDiff::Method { python, rust } => {
                write!(f, "method: python {python}, plaid-rs {rust}")
            }
            HeadDiff::Path { python, rust } => write!(f, "path: python {python}, plaid-rs {rust}"),
            HeadDiff::ContentType { python, rust } => {
                write!(f, "Content-Type: python {python:?}, plaid-rs {rust:?}")
            }
        }
    }
}

/// One compared call: who made it, what each side sent in short, and how
/// the two requests differ.
#[derive(Debug, Clone)]
pub struct Row<D> {
    /// The call's unique label in its script.
    pub label: String,
    /// The flow it belongs to.
    pub flow: String,
    /// The python method called (what [`Deliberate::calls`] names).
    pub call: String,
    /// python's request in short (`POST /path`, or why there is none).
    pub python: String,
    /// plaid-rs's request in short, or why there is none.
    pub rust: String,
    /// The differences; empty when the requests match.
    pub diffs: Vec<D>,
}

/// The rows as a table, grouped by flow, each difference on its own line
/// under its call.
pub fn render<D: Display>(rows: &[Row<D>]) -> String {
    let mut out = String::new();
    let width = |column: fn(&Row<D>) -> &str| rows.iter().map(|r| column(r).len()).max();
    let label = width(|r| &r.label).unwrap_or(0);
    let call = width(|r| &r.call).unwrap_or(0);
    let python = width(|r| &r.python).unwrap_or(0);
    let rust = width(|r| &r.rust).unwrap_or(0);
    let mut flow = "";
    for row in rows {
        if row.flow != flow {
            flow = &row.flow;
            let _ = writeln!(out, "  [{flow}]");
        }
        let verdict = if row.diffs.is_empty() {
            "same"
        } else {
            "DIFFERENT"
        };
        let _ = writeln!(
            out,
            "  {:label$}  {:call$}  python {:python$}  plaid-rs {:rust$}  {verdict}",
            row.label, row.call, row.python, row.rust
        );
        for diff in &row.diffs {
            let _ = writeln!(out, "  {:label$}    - {diff}", "");
        }
    }
    out
}

/// A difference that is wanted, for the python calls named in `calls`, with
/// the reason.
#[derive(Debug)]
pub struct Deliberate<E: 'static> {
    /// The python methods it occurs on.
    pub calls: &'static [&'static str],
    /// The kind of difference.
    pub expect: E,
    /// Why plaid-rs differs.
    pub reason: &'static str,
}

/// A difference that can be told to be of a kind `E` of deliberate
/// difference.
pub trait Matches<E> {
    /// Whether this difference is the kind `expect` describes.
    fn matches(&self, expect: &E) -> bool;
}

/// Every difference in `rows` that `table` does not allow, and every entry
/// of `table` that no row shows any more, one line each.
pub fn problems<D, E>(rows: &[Row<D>], table: &[Deliberate<E>]) -> Vec<String>
where
    D: Display + Matches<E>,
    E: Debug,
{
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for row in rows {
        for diff in &row.diffs {
            let entry = table
                .iter()
                .position(|d| d.calls.contains(&row.call.as_str()) && diff.matches(&d.expect));
            match entry {
                Some(index) => {
                    used.insert(index);
                }
                None => problems.push(format!(
                    "undeclared difference in `{}` ({}): {diff}",
                    row.label, row.call
                )),
            }
        }
    }
    for (index, deliberate) in table.iter().enumerate() {
        if !used.contains(&index) {
            problems.push(format!(
                "declared difference {:?} on {:?} no longer occurs: remove it from the table",
                deliberate.expect, deliberate.calls
            ));
        }
    }
    problems
}

/// `table` as text, one entry a line, for the failure message.
pub fn describe<E: Debug>(table: &[Deliberate<E>]) -> String {
    let mut declared = String::new();
    for deliberate in table {
        let _ = writeln!(
            declared,
            "  {:?} on {}: {}",
            deliberate.expect,
            deliberate.calls.join(", "),
            deliberate.reason
        );
    }
    if table.is_empty() {
        declared.push_str("  (none)\n");
    }
    declared
}

/// The verdict on a comparison of `rows` against `table`: `Ok` with a
/// one-line summary when every difference is deliberate and every
/// deliberate difference occurs, else `Err` with the problems, the rows
/// ([`render`]) and the declared differences ([`describe`]). `peer` names the python
/// client in the messages.
pub fn report<D, E>(peer: &str, rows: &[Row<D>], table: &[Deliberate<E>]) -> Result<String, String>
where
    D: Display + Matches<E>,
    E: Debug,
{
    let problems = problems(rows, table);
    if !problems.is_empty() {
        return Err(format!(
            "{peer} and plaid-rs requests differ beyond the deliberate differences:\n  {}\n\n\
             comparison ({} calls):\n{}\ndeliberate differences:\n{}",
            problems.join("\n  "),
            rows.len(),
            render(rows),
            describe(table)
        ));
    }
    let differing = rows.iter().filter(|r| !r.diffs.is_empty()).count();
    Ok(format!(
        "{} {peer} calls compared with plaid-rs, {} identical, {differing} with deliberate \
         differences only",
        rows.len(),
        rows.len() - differing
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    struct Kind(&'static str);

    impl Display for Kind {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl Matches<&'static str> for Kind {
        fn matches(&self, expect: &&'static str) -> bool {
            self.0 == *expect
        }
    }

    fn row(call: &str, diffs: Vec<Kind>) -> Row<Kind> {
        Row {
            label: format!("{call} 1"),
            flow: "flow".to_owned(),
            call: call.to_owned(),
            python: "POST /a".to_owned(),
            rust: "POST /a".to_owned(),
            diffs,
        }
    }

    const TABLE: &[Deliberate<&str>] = &[Deliberate {
        calls: &["a"],
        expect: "x",
        reason: "because",
    }];

    #[test]
    fn the_table_is_held_both_ways() {
        // Listed and occurring: fine.
        let rows = [row("a", vec![Kind("x")]), row("b", vec![])];
        assert_eq!(problems(&rows, TABLE), Vec::<String>::new());
        let summary = report("python", &rows, TABLE).unwrap_or_else(|e| panic!("{e}"));
        assert!(summary.starts_with("2 python calls compared with plaid-rs, 1 identical, 1 with"));
        // The same difference on a call the entry does not name: undeclared.
        let rows = [row("a", vec![Kind("x")]), row("b", vec![Kind("x")])];
        let found = problems(&rows, TABLE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("undeclared difference in `b 1` (b): x"));
        // A listed difference that no longer occurs.
        let rows = [row("a", vec![])];
        let found = problems(&rows, TABLE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("no longer occurs"), "{found:?}");
        let failure = report("python", &rows, TABLE).err().unwrap_or_default();
        assert!(failure.contains("because"), "{failure}");
    }

    #[test]
    fn heads_compare_method_path_and_media_type() {
        let python = Head::new("GET", "/balance", Some("application/x-www-form-urlencoded"));
        let rust = Head::new(
            "POST",
            "/balance",
            Some("Application/X-WWW-Form-Urlencoded; charset=utf-8"),
        );
        assert_eq!(
            python.diffs(&rust),
            vec![HeadDiff::Method {
                python: "GET".to_owned(),
                rust: "POST".to_owned()
            }]
        );
        let none = Head::new("POST", "/b", None);
        assert_eq!(python.diffs(&none).len(), 3);
        assert_eq!(
            python.diffs(&none)[2].to_string(),
            "Content-Type: python Some(\"application/x-www-form-urlencoded\"), plaid-rs None"
        );
    }
}
