//! The end user a Link token is created for (`LinkTokenCreateRequestUser`):
//! your id for them and, optionally, what you already know about them, so
//! that Link can pre-fill or match it.
//!
//! Everything but your own id and the verification times is personal data
//! and sits in [`Personal`], so that a request printed with `{:?}` shows
//! none of it.

use serde::{Deserialize, Serialize};

use crate::secret::Personal;
use crate::types::{Date, DateTime};

/// The user of a `/link/token/create` request.
///
/// ```
/// use plaid_core::modern::models::{LinkTokenUser, UserAddress};
///
/// let user = LinkTokenUser::new("user-4242")
///     .legal_name("Alberta Bobbeth Charleson")
///     .email_address("alberta@example.com")
///     .address(UserAddress::new("US").city("San Matias"));
/// assert!(!format!("{user:?}").contains("Alberta"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkTokenUser {
    /// Your own stable id for the user (not personal data: Plaid asks that
    /// it contain none).
    pub client_user_id: String,
    /// The user's full legal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<Personal<String>>,
    /// The user's name in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<UserName>,
    /// The user's phone number, in E.164 (`+14155550011`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<Personal<String>>,
    /// When you last verified the phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_verified_time: Option<DateTime>,
    /// The user's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<Personal<String>>,
    /// When you last verified the email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address_verified_time: Option<DateTime>,
    /// The user's social security number (deprecated by Plaid in favour
    /// of `id_number`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssn: Option<Personal<String>>,
    /// The user's date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Personal<Date>>,
    /// The user's postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<UserAddress>,
    /// A government id number of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<UserIdNumber>,
}

impl LinkTokenUser {
    /// A user known by your id only.
    pub fn new(client_user_id: impl Into<String>) -> Self {
        LinkTokenUser {
            client_user_id: client_user_id.into(),
            legal_name: None,
            name: None,
            phone_number: None,
            phone_number_verified_time: None,
            email_address: None,
            email_address_verified_time: None,
            ssn: None,
            date_of_birth: None,
            address: None,
            id_number: None,
        }
    }

    /// Sets the full legal name.
    pub fn legal_name(mut self, name: impl Into<String>) -> Self {
        self.legal_name = Some(Personal::new(name.into()));
        self
    }

    /// Sets the name in parts.
    pub fn name(mut self, given_name: impl Into<String>, family_name: impl Into<String>) -> Self {
        self.name = Some(UserName::new(given_name, family_name));
        self
    }

    /// Sets the phone number (E.164).
    pub fn phone_number(mut self, phone: impl Into<String>) -> Self {
        self.phone_number = Some(Personal::new(phone.into()));
        self
    }

    /// Sets when you last verified the phone number.
    pub fn phone_number_verified_time(mut self, at: DateTime) -> Self {
        self.phone_number_verified_time = Some(at);
        self
    }

    /// Sets the email address.
    pub fn email_address(mut self, email: impl Into<String>) -> Self {
        self.email_address = Some(Personal::new(email.into()));
        self
    }

    /// Sets when you last verified the email address.
    pub fn email_address_verified_time(mut self, at: DateTime) -> Self {
        self.email_address_verified_time = Some(at);
        self
    }

    /// Sets the social security number.
    pub fn ssn(mut self, ssn: impl Into<String>) -> Self {
        self.ssn = Some(Personal::new(ssn.into()));
        self
    }

    /// Sets the date of birth.
    pub fn date_of_birth(mut self, date: Date) -> Self {
        self.date_of_birth = Some(Personal::new(date));
        self
    }

    /// Sets the postal address.
    pub fn address(mut self, address: UserAddress) -> Self {
        self.address = Some(address);
        self
    }

    /// Sets a government id number.
    pub fn id_number(mut self, value: impl Into<String>, id_type: IdNumberType) -> Self {
        self.id_number = Some(UserIdNumber::new(value, id_type));
        self
    }
}

/// A user's name in parts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserName {
    /// The given (first) name.
    pub given_name: Personal<String>,
    /// The family (last) name.
    pub family_name: Personal<String>,
}

impl UserName {
    /// The name `given_name family_name`.
    pub fn new(given_name: impl Into<String>, family_name: impl Into<String>) -> Self {
        UserName {
            given_name: Personal::new(given_name.into()),
            family_name: Personal::new(family_name.into()),
        }
    }
}

/// A user's postal address (`UserAddress`). Only the country is required.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserAddress {
    /// The street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<Personal<String>>,
    /// A second address line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street2: Option<Personal<String>>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Personal<String>>,
    /// The state, province or region (ISO 3166-2 subdivision code for US
    /// states, e.g. `NY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Personal<String>>,
    /// The postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<Personal<String>>,
    /// The ISO 3166-1 alpha-2 country code, e.g. `US` (any country, not
    /// only those Plaid serves).
    pub country: String,
}

impl UserAddress {
    /// An address in `country` with nothing else known yet.
    pub fn new(country: impl Into<String>) -> Self {
        UserAddress {
            street: None,
            street2: None,
            city: None,
            region: None,
            postal_code: None,
            country: country.into(),
        }
    }

    /// Sets the street and number.
    pub fn street(mut self, street: impl Into<String>) -> Self {
        self.street = Some(Personal::new(street.into()));
        self
    }

    /// Sets the second address line.
    pub fn street2(mut self, street2: impl Into<String>) -> Self {
        self.street2 = Some(Personal::new(street2.into()));
        self
    }

    /// Sets the city.
    pub fn city(mut self, city: impl Into<String>) -> Self {
        self.city = Some(Personal::new(city.into()));
        self
    }

    /// Sets the region.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(Personal::new(region.into()));
        self
    }

    /// Sets the postal code.
    pub fn postal_code(mut self, postal_code: impl Into<String>) -> Self {
        self.postal_code = Some(Personal::new(postal_code.into()));
        self
    }
}

/// A government id number of a user (`UserIDNumber`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserIdNumber {
    /// The number.
    pub value: Personal<String>,
    /// What kind of number it is.
    #[serde(rename = "type")]
    pub id_type: IdNumberType,
}

impl UserIdNumber {
    /// The number `value` of kind `id_type`.
    pub fn new(value: impl Into<String>, id_type: IdNumberType) -> Self {
        UserIdNumber {
            value: Personal::new(value.into()),
            id_type,
        }
    }
}

open_enum! {
    /// The kind of a government id number (`IDNumberType`): country, then
    /// document.
    pub enum IdNumberType {
        /// `ar_dni`.
        ArDni => "ar_dni",
        /// `au_drivers_license`.
        AuDriversLicense => "au_drivers_license",
        /// `au_passport`.
        AuPassport => "au_passport",
        /// `br_cpf`.
        BrCpf => "br_cpf",
        /// `ca_sin`.
        CaSin => "ca_sin",
        /// `cl_run`.
        ClRun => "cl_run",
        /// `cn_resident_card`.
        CnResidentCard => "cn_resident_card",
        /// `co_nit`.
        CoNit => "co_nit",
        /// `dk_cpr`.
        DkCpr => "dk_cpr",
        /// `eg_national_id`.
        EgNationalId => "eg_national_id",
        /// `es_dni`.
        EsDni => "es_dni",
        /// `es_nie`.
        EsNie => "es_nie",
        /// `hk_hkid`.
        HkHkid => "hk_hkid",
        /// `in_pan`.
        InPan => "in_pan",
        /// `it_cf`.
        ItCf => "it_cf",
        /// `jo_civil_id`.
        JoCivilId => "jo_civil_id",
        /// `jp_my_number`.
        JpMyNumber => "jp_my_number",
        /// `ke_huduma_namba`.
        KeHudumaNamba => "ke_huduma_namba",
        /// `kw_civil_id`.
        KwCivilId => "kw_civil_id",
        /// `mx_curp`.
        MxCurp => "mx_curp",
        /// `mx_rfc`.
        MxRfc => "mx_rfc",
        /// `my_nric`.
        MyNric => "my_nric",
        /// `ng_nin`.
        NgNin => "ng_nin",
        /// `nz_drivers_license`.
        NzDriversLicense => "nz_drivers_license",
        /// `om_civil_id`.
        OmCivilId => "om_civil_id",
        /// `ph_psn`.
        PhPsn => "ph_psn",
        /// `pl_pesel`.
        PlPesel => "pl_pesel",
        /// `ro_cnp`.
        RoCnp => "ro_cnp",
        /// `sa_national_id`.
        SaNationalId => "sa_national_id",
        /// `se_pin`.
        SePin => "se_pin",
        /// `sg_nric`.
        SgNric => "sg_nric",
        /// `tr_tc_kimlik`.
        TrTcKimlik => "tr_tc_kimlik",
        /// `us_ssn`.
        UsSsn => "us_ssn",
        /// `us_ssn_last_4`.
        UsSsnLast4 => "us_ssn_last_4",
        /// `za_smart_id`.
        ZaSmartId => "za_smart_id",
    }
}
