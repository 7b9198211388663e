//! Why a render failed, as typed errors that name the component and object.
//!
//! Messages never repeat their source: each level says where it was, and the cause chain (printed
//! once by the CLI, or joined by the operator) says what went wrong.

use super::ComponentName;
use super::postprocess::{OverlayError, PatchError};

/// Why the render of a merged `IstioOperator` failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A component entry under `spec.components` does not decode (validation lets it through
    /// only with `--force`).
    #[error("{component}")]
    Settings {
        component: ComponentName,
        #[source]
        source: serde_json::Error,
    },
    /// A chart's objects could not be built.
    #[error("{component}")]
    Chart {
        component: ComponentName,
        #[source]
        source: ChartError,
    },
    /// A profile, compatibility or platform preset named by the values could not be loaded.
    #[error(transparent)]
    Preset(#[from] crate::profile::ProfileError),
    /// A `k8s.<field>` setting does not apply to the object it patches.
    #[error("{component}: k8s.{field} on {object}")]
    Setting {
        component: ComponentName,
        field: &'static str,
        object: String,
        #[source]
        source: PatchError,
    },
    /// A `meshctl.io/…` annotation's value is not usable.
    #[error(transparent)]
    Switch(#[from] crate::switches::SwitchError),
    /// The release asked for is not one meshctl renders.
    #[error(transparent)]
    Release(#[from] crate::release::ReleaseError),
    /// A `k8s.overlays` entry does not apply to the object it names.
    #[error("{component}: overlay on {object}")]
    Overlay {
        component: ComponentName,
        object: String,
        #[source]
        source: OverlayError,
    },
}

/// Why one chart's objects could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// A typed object did not serialise to a tree.
    #[error("{kind} could not be written as JSON")]
    Serialise {
        kind: &'static str,
        #[source]
        source: serde_json::Error,
    },
}
