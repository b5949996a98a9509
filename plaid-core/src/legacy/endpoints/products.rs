//! The product routes, written once for Connect, Auth, Info, Income and
//! Risk: add (`POST /p`), MFA step (`POST /p/step`), update (`PATCH /p`),
//! update step (`PATCH /p/step`), get (`POST /p/get`) and delete
//! (`DELETE /p`).
//!
//! Each product is a marker type implementing [`ProductApi`]; the
//! descriptors are generic over it (`Add<Connect>`, `Get<Auth>`, …) and the
//! client methods (`connect`, `auth_step`, `info_get`, …) are generated from
//! one list.

use std::marker::PhantomData;

use http::Method;
use serde::de::DeserializeOwned;

use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models::{self, DeleteResponse, HasAccessToken, Outcome};
use crate::legacy::params::{
    AddOptions, CredentialsJson, GetOptions, InstitutionType, Login, MfaAnswer, StepOptions,
    StepOptionsJson,
};
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::secret::AccessToken;
use crate::transport::{HttpRequest, HttpResponse};

/// A product with the add / step / update / get / delete routes.
pub trait ProductApi {
    /// The route, e.g. `/connect`.
    const PATH: &'static str;
    /// Whether `get` sends transaction filters (`options`); Connect only.
    const GET_TAKES_OPTIONS: bool = false;
    /// The body of a successful add, step or get.
    type Data: DeserializeOwned + HasAccessToken;
}

macro_rules! products {
    ($( $(#[$doc:meta])* $name:ident => $path:literal, $data:ty, $get_options:literal; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl ProductApi for $name {
            const PATH: &'static str = $path;
            const GET_TAKES_OPTIONS: bool = $get_options;
            type Data = $data;
        }
    )*};
}

products! {
    /// Connect: transactions.
    Connect => "/connect", models::ConnectResponse, true;
    /// Auth: account and routing numbers.
    Auth => "/auth", models::AuthResponse, false;
    /// Info: identity information.
    Info => "/info", models::InfoResponse, false;
    /// Income: income streams.
    Income => "/income", models::IncomeResponse, false;
    /// Risk: account risk scores.
    Risk => "/risk", models::RiskResponse, false;
}

/// Adds a user to a product (`POST /p`). Answers 200 with the data or 201
/// with an MFA challenge.
#[derive(Debug, Clone)]
pub struct Add<P> {
    /// The institution type, e.g. `bofa`.
    pub institution: InstitutionType,
    /// The user's login.
    pub login: Login,
    /// Add options (`list` defaults to `true`).
    pub options: AddOptions,
    product: PhantomData<fn() -> P>,
}

impl<P> Add<P> {
    /// An add at `institution` with `login` and default options.
    pub fn new(institution: InstitutionType, login: Login) -> Self {
        Add {
            institution,
            login,
            options: AddOptions::default(),
            product: PhantomData,
        }
    }

    /// The same add with `options`.
    pub fn with_options(mut self, options: AddOptions) -> Self {
        self.options = options;
        self
    }
}

impl<P: ProductApi> Endpoint for Add<P> {
    type Api = Legacy;

    type Output = Outcome<P::Data>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        self.login.validate()?;
        LegacyRequest::new(Method::POST, P::PATH, Access::Client)
            .text("type", self.institution.as_str())
            .json("credentials", &CredentialsJson(&self.login))?
            .json("options", &self.options.on_the_wire())?
            .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_outcome(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

/// Answers an MFA challenge (`POST /p/step`, or `PATCH /p/step` during an
/// update).
#[derive(Debug, Clone)]
pub struct Step<P> {
    /// The access token from the challenge.
    pub access_token: AccessToken,
    /// The answer.
    pub answer: MfaAnswer,
    /// Options besides the answer.
    pub options: StepOptions,
    update: bool,
    product: PhantomData<fn() -> P>,
}

impl<P> Step<P> {
    /// A step of an add.
    pub fn new(access_token: AccessToken, answer: MfaAnswer) -> Self {
        Step {
            access_token,
            answer,
            options: StepOptions::default(),
            update: false,
            product: PhantomData,
        }
    }

    /// A step of an update (sent with `PATCH`).
    pub fn update(access_token: AccessToken, answer: MfaAnswer) -> Self {
        Step {
            update: true,
            ..Step::new(access_token, answer)
        }
    }

    /// The same step with `options`.
    pub fn with_options(mut self, options: StepOptions) -> Self {
        self.options = options;
        self
    }
}

impl<P: ProductApi> Endpoint for Step<P> {
    type Api = Legacy;

    type Output = Outcome<P::Data>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let method = if self.update {
            Method::PATCH
        } else {
            Method::POST
        };
        let path = format!("{}/step", P::PATH);
        step_request(
            method,
            path,
            &self.access_token,
            &self.answer,
            &self.options,
        )?
        .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_outcome(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

/// Starts an MFA step: `mfa` (unless the answer is a send method) and
/// `options` (always, as the python client sends it).
pub(crate) fn step_request<'a>(
    method: Method,
    path: impl Into<std::borrow::Cow<'static, str>>,
    access_token: &'a AccessToken,
    answer: &MfaAnswer,
    options: &StepOptions,
) -> Result<LegacyRequest<'a>, Error> {
    let mfa = answer.mfa_value()?;
    let options = StepOptionsJson {
        options,
        send_method: answer.send_method(),
    };
    LegacyRequest::new(method, path, Access::Item(access_token))
        .opt_text("mfa", mfa.as_deref())
        .json("options", &options)
}

/// Updates a user's credentials (`PATCH /p`), sending them as top-level
/// `username` / `password` / `pin` fields as the python client does.
#[derive(Debug, Clone)]
pub struct Update<P> {
    /// The item's access token.
    pub access_token: AccessToken,
    /// The new login.
    pub login: Login,
    product: PhantomData<fn() -> P>,
}

impl<P> Update<P> {
    /// An update of the item to `login`.
    pub fn new(access_token: AccessToken, login: Login) -> Self {
        Update {
            access_token,
            login,
            product: PhantomData,
        }
    }
}

impl<P: ProductApi> Endpoint for Update<P> {
    type Api = Legacy;

    type Output = Outcome<P::Data>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        self.login.validate()?;
        let mut request =
            LegacyRequest::new(Method::PATCH, P::PATH, Access::Item(&self.access_token));
        for (key, value) in self.login.fields() {
            request = request.text(key, value);
        }
        request.build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_outcome(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

/// Reads an item's product data (`POST /p/get`).
#[derive(Debug, Clone)]
pub struct Get<P> {
    /// The item's access token.
    pub access_token: AccessToken,
    /// Transaction filters (Connect only; ignored by other products).
    pub options: GetOptions,
    product: PhantomData<fn() -> P>,
}

impl<P> Get<P> {
    /// A read of the item's data.
    pub fn new(access_token: AccessToken) -> Self {
        Get {
            access_token,
            options: GetOptions::default(),
            product: PhantomData,
        }
    }

    /// The same read with transaction filters.
    pub fn with_options(mut self, options: GetOptions) -> Self {
        self.options = options;
        self
    }
}

impl<P: ProductApi> Endpoint for Get<P> {
    type Api = Legacy;

    type Output = P::Data;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let path = format!("{}/get", P::PATH);
        let request = LegacyRequest::new(Method::POST, path, Access::Item(&self.access_token));
        if P::GET_TAKES_OPTIONS {
            self.options.validate()?;
            request.json("options", &self.options)?.build(config)
        } else {
            request.build(config)
        }
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

/// Removes a user from a product (`DELETE /p`).
#[derive(Debug, Clone)]
pub struct Delete<P> {
    /// The item's access token.
    pub access_token: AccessToken,
    product: PhantomData<fn() -> P>,
}

impl<P> Delete<P> {
    /// A delete of the item.
    pub fn new(access_token: AccessToken) -> Self {
        Delete {
            access_token,
            product: PhantomData,
        }
    }
}

impl<P: ProductApi> Endpoint for Delete<P> {
    type Api = Legacy;

    type Output = DeleteResponse;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::new(Method::DELETE, P::PATH, Access::Item(&self.access_token)).build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

macro_rules! product_methods {
    (
        $product:ty, $label:literal,
        $add:ident, $add_with:ident, $step:ident, $step_with:ident,
        $update:ident, $update_step:ident, $update_step_with:ident, $get:ident, $delete:ident
    ) => {
        impl<T, M: ResponseMode> Client<T, M> {
            #[doc = concat!("Adds a ", $label, " user at `institution` (python `", stringify!($add), "(type, login)`).")]
            #[doc = ""]
            #[doc = "Returns the data, or an MFA challenge to answer with the step method."]
            pub fn $add(&self, institution: &str, login: Login) -> Call<'_, T, Add<$product>, M> {
                self.$add_with(institution, login, AddOptions::default())
            }

            #[doc = concat!("[`", stringify!($add), "`](Self::", stringify!($add), ") with options.")]
            pub fn $add_with(
                &self,
                institution: &str,
                login: Login,
                options: AddOptions,
            ) -> Call<'_, T, Add<$product>, M> {
                self.try_call(InstitutionType::new(institution).map(|i| Add::new(i, login).with_options(options)))
            }

            #[doc = concat!("Answers the ", $label, " MFA challenge (python `", stringify!($step), "`), with the client's access token.")]
            pub fn $step(&self, answer: MfaAnswer) -> Call<'_, T, Step<$product>, M> {
                self.$step_with(answer, StepOptions::default())
            }

            #[doc = concat!("[`", stringify!($step), "`](Self::", stringify!($step), ") with options.")]
            pub fn $step_with(&self, answer: MfaAnswer, options: StepOptions) -> Call<'_, T, Step<$product>, M> {
                self.try_call(self.item_token().map(|token| Step::new(token, answer).with_options(options)))
            }

            #[doc = concat!("Updates the ", $label, " user's credentials (python `", stringify!($update), "(login)`).")]
            pub fn $update(&self, login: Login) -> Call<'_, T, Update<$product>, M> {
                self.try_call(self.item_token().map(|token| Update::new(token, login)))
            }

            #[doc = concat!("Answers an MFA challenge raised by an update (python `", stringify!($update_step), "`).")]
            pub fn $update_step(&self, answer: MfaAnswer) -> Call<'_, T, Step<$product>, M> {
                self.$update_step_with(answer, StepOptions::default())
            }

            #[doc = concat!("[`", stringify!($update_step), "`](Self::", stringify!($update_step), ") with options.")]
            pub fn $update_step_with(
                &self,
                answer: MfaAnswer,
                options: StepOptions,
            ) -> Call<'_, T, Step<$product>, M> {
                self.try_call(
                    self.item_token()
                        .map(|token| Step::update(token, answer).with_options(options)),
                )
            }

            #[doc = concat!("Reads the item's ", $label, " data (python `", stringify!($get), "()`).")]
            pub fn $get(&self) -> Call<'_, T, Get<$product>, M> {
                self.try_call(self.item_token().map(Get::new))
            }

            #[doc = concat!("Removes the user from ", $label, " (python `", stringify!($delete), "()`).")]
            pub fn $delete(&self) -> Call<'_, T, Delete<$product>, M> {
                self.try_call(self.item_token().map(Delete::new))
            }
        }
    };
}

product_methods!(
    Connect,
    "Connect",
    connect,
    connect_with_options,
    connect_step,
    connect_step_with_options,
    connect_update,
    connect_update_step,
    connect_update_step_with_options,
    connect_get,
    connect_delete
);
product_methods!(
    Auth,
    "Auth",
    auth,
    auth_with_options,
    auth_step,
    auth_step_with_options,
    auth_update,
    auth_update_step,
    auth_update_step_with_options,
    auth_get,
    auth_delete
);
product_methods!(
    Info,
    "Info",
    info,
    info_with_options,
    info_step,
    info_step_with_options,
    info_update,
    info_update_step,
    info_update_step_with_options,
    info_get,
    info_delete
);
product_methods!(
    Income,
    "Income",
    income,
    income_with_options,
    income_step,
    income_step_with_options,
    income_update,
    income_update_step,
    income_update_step_with_options,
    income_get,
    income_delete
);
product_methods!(
    Risk,
    "Risk",
    risk,
    risk_with_options,
    risk_step,
    risk_step_with_options,
    risk_update,
    risk_update_step,
    risk_update_step_with_options,
    risk_get,
    risk_delete
);

impl<T, M: ResponseMode> Client<T, M> {
    /// Reads transactions with filters (python `connect_get(opts)`).
    pub fn connect_get_with_options(&self, options: GetOptions) -> Call<'_, T, Get<Connect>, M> {
        self.try_call(
            self.item_token()
                .map(|token| Get::new(token).with_options(options)),
        )
    }
}
