//! What webhooks are about: the `webhook_type` every webhook carries and
//! `/sandbox/item/fire_webhook` takes.

open_enum! {
    /// The product or area a webhook is about (`WebhookType`).
    pub enum WebhookType {
        /// `AUTH`.
        Auth => "AUTH",
        /// `HOLDINGS`.
        Holdings => "HOLDINGS",
        /// `IDENTITY`.
        Identity => "IDENTITY",
        /// `INVESTMENTS_TRANSACTIONS`.
        InvestmentsTransactions => "INVESTMENTS_TRANSACTIONS",
        /// `ITEM`.
        Item => "ITEM",
        /// `LIABILITIES`.
        Liabilities => "LIABILITIES",
        /// `TRANSACTIONS`.
        Transactions => "TRANSACTIONS",
        /// `ASSETS`.
        Assets => "ASSETS",
    }
}
