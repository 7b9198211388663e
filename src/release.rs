//! The one Istio release meshctl installs. Change it here (and in `testenv/istio.pin`, which the
//! parity oracle builds from) and nowhere else.
//!
//! Istio tags its releases without a leading `v`, so the Go module proxy knows the release source only
//! as a pseudo-version of its commit. The pinned commit is the 1.31 line (its `VERSION` file says
//! 1.31); its public images are `docker.io/istio/*:1.31.0`.

/// The Istio version meshctl renders, as Istio spells it.
pub const ISTIO_VERSION: &str = "1.31.0";
/// The default image registry: Istio's public release images.
pub const DEFAULT_HUB: &str = "docker.io/istio";
/// The default image tag.
pub const DEFAULT_TAG: &str = ISTIO_VERSION;
/// The upstream source the render is checked against (module path and version).
pub const ISTIO_SOURCE: &str = "istio.io/istio@v0.0.0-20260827124520-eed52ebb66ad";
