//! Enumerations many modern calls share: the products an Item or
//! institution has, and the countries Plaid serves. Both are sent and
//! received, and both grow without a new API version, so both are open.

open_enum! {
    /// A Plaid product (`Products` in the spec): what an Item was created for, what it may add, what it is billed for.
    pub enum Product {
        /// `assets`.
        Assets => "assets",
        /// `auth`.
        Auth => "auth",
        /// `balance`.
        Balance => "balance",
        /// `balance_plus`.
        BalancePlus => "balance_plus",
        /// `beacon`.
        Beacon => "beacon",
        /// `identity`.
        Identity => "identity",
        /// `identity_match`.
        IdentityMatch => "identity_match",
        /// `investments`.
        Investments => "investments",
        /// `investments_auth`.
        InvestmentsAuth => "investments_auth",
        /// `liabilities`.
        Liabilities => "liabilities",
        /// `payment_initiation`.
        PaymentInitiation => "payment_initiation",
        /// `identity_verification`.
        IdentityVerification => "identity_verification",
        /// `transactions`.
        Transactions => "transactions",
        /// `credit_details`.
        CreditDetails => "credit_details",
        /// `income`.
        Income => "income",
        /// `income_verification`.
        IncomeVerification => "income_verification",
        /// `standing_orders`.
        StandingOrders => "standing_orders",
        /// `transfer`.
        Transfer => "transfer",
        /// `employment`.
        Employment => "employment",
        /// `recurring_transactions`.
        RecurringTransactions => "recurring_transactions",
        /// `transactions_refresh`.
        TransactionsRefresh => "transactions_refresh",
        /// `signal`.
        Signal => "signal",
        /// `statements`.
        Statements => "statements",
        /// `processor_payments`.
        ProcessorPayments => "processor_payments",
        /// `processor_identity`.
        ProcessorIdentity => "processor_identity",
        /// `profile`.
        Profile => "profile",
        /// `cra_base_report`.
        CraBaseReport => "cra_base_report",
        /// `cra_income_insights`.
        CraIncomeInsights => "cra_income_insights",
        /// `cra_partner_insights`.
        CraPartnerInsights => "cra_partner_insights",
        /// `cra_network_insights`.
        CraNetworkInsights => "cra_network_insights",
        /// `cra_cashflow_insights`.
        CraCashflowInsights => "cra_cashflow_insights",
        /// `cra_monitoring`.
        CraMonitoring => "cra_monitoring",
        /// `cra_lend_score`.
        CraLendScore => "cra_lend_score",
        /// `cra_plaid_credit_score`.
        CraPlaidCreditScore => "cra_plaid_credit_score",
        /// `layer`.
        Layer => "layer",
        /// `pay_by_bank`.
        PayByBank => "pay_by_bank",
        /// `protect_linked_bank`.
        ProtectLinkedBank => "protect_linked_bank",
        /// `protect_transactions`.
        ProtectTransactions => "protect_transactions",
    }
}

open_enum! {
    /// An ISO-3166-1 alpha-2 country code Plaid serves (`CountryCode`).
    pub enum CountryCode {
        /// `US`.
        Us => "US",
        /// `GB`.
        Gb => "GB",
        /// `ES`.
        Es => "ES",
        /// `NL`.
        Nl => "NL",
        /// `FR`.
        Fr => "FR",
        /// `IE`.
        Ie => "IE",
        /// `CA`.
        Ca => "CA",
        /// `DE`.
        De => "DE",
        /// `IT`.
        It => "IT",
        /// `PL`.
        Pl => "PL",
        /// `DK`.
        Dk => "DK",
        /// `NO`.
        No => "NO",
        /// `SE`.
        Se => "SE",
        /// `EE`.
        Ee => "EE",
        /// `LT`.
        Lt => "LT",
        /// `LV`.
        Lv => "LV",
        /// `PT`.
        Pt => "PT",
        /// `BE`.
        Be => "BE",
        /// `AT`.
        At => "AT",
        /// `FI`.
        Fi => "FI",
    }
}
