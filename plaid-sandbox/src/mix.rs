//! The splitmix64 finaliser, shared by the request ids of the HTTP layer and the deterministic
//! data of the API families (generated transactions, derived tokens).
//!
//! It lives on its own because neither side owns it: the HTTP layer must not depend on a
//! family, and a family should not reach into the HTTP layer for a hash.

/// A cheap bijective 64-bit mixer (splitmix64's output function).
pub(crate) fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
