//! The step every modern example that reads an Item starts with: making
//! one. A real application gets its public token from Plaid Link in the
//! user's browser; in the sandbox `/sandbox/public_token/create` stands in
//! for Link. `modern_items` and the quick start make the two calls by hand
//! to show them; the other examples call [`new_item`].

use plaid_core::Transport;
use plaid_core::modern::Client;
use plaid_core::modern::endpoints::ItemPublicTokenExchangeResponse;
use plaid_core::modern::models::Product;

/// First Platypus Bank, the first of the sandbox's test institutions (US,
/// every product, ACH numbers).
pub const FIRST_PLATYPUS: &str = "ins_109508";

/// A new sandbox Item at `institution_id` with `products`, logged in as
/// the default test user: its public token, exchanged for the Item's
/// access token and id.
pub fn new_item<T: Transport>(
    client: &Client<T>,
    institution_id: &str,
    products: impl IntoIterator<Item = Product>,
) -> Result<ItemPublicTokenExchangeResponse, plaid_core::Error> {
    let created = client
        .sandbox_public_token_create(institution_id, products)
        .send()?;
    client
        .item_public_token_exchange(created.public_token)
        .send()
}
