//! Render: the merged `IstioOperator` in, every enabled component's Kubernetes objects out.
//!
//! For each component istioctl knows (base, pilot, ingress and egress gateways, CNI, ztunnel) this
//! stage decides whether it is enabled and in which namespace, builds the chart values it sees
//! ([`values`]: the component's defaults < value presets < the user's `spec.values`), renders its
//! objects as typed k8s-openapi structs in code (one module per component), then applies the
//! component's `k8s` settings and overlays ([`postprocess`]) and the ownership labels.
//!
//! It never reads files, talks to a cluster or prints. The output is not yet sorted; see
//! [`crate::manifest::sort`].
//!
//! Layout: one module per component; below them the shared knowledge each component uses and
//! none owns — [`helm`] (how Go and Helm print values, `toYaml`, `toPrettyJson`), [`pod`] (env,
//! mounts, the token and root certificate volumes), `chart` (labels, release, owner, object
//! trees) — so that a component file imports from below, never from a sibling.

mod base;
mod chart;
mod cni;
pub mod context;
mod error;
mod gateways;
mod helm;
mod injector;
mod pilot;
mod pod;
pub mod postprocess;
pub mod values;
mod ztunnel;

use serde_json::Value;

use crate::api;
use crate::manifest::{self, Manifest};
use crate::merge::get_path;
use crate::release;
use crate::switches::{self, Switches};

pub use context::ChartContext;
pub use error::{ChartError, RenderError};

/// The components istioctl installs, with the names its labels use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ComponentName {
    Base,
    Pilot,
    IngressGateways,
    EgressGateways,
    Cni,
    Ztunnel,
}

impl ComponentName {
    /// Every component, in istioctl's render order.
    pub const ALL: [ComponentName; 6] = [
        Self::Base,
        Self::Pilot,
        Self::IngressGateways,
        Self::EgressGateways,
        Self::Cni,
        Self::Ztunnel,
    ];

    /// The value of the `operator.istio.io/component` label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Base => "Base",
            Self::Pilot => "Pilot",
            Self::IngressGateways => "IngressGateways",
            Self::EgressGateways => "EgressGateways",
            Self::Cni => "Cni",
            Self::Ztunnel => "Ztunnel",
        }
    }

    /// The key under `spec.components`.
    #[must_use]
    pub fn spec_name(self) -> &'static str {
        match self {
            Self::Base => "base",
            Self::Pilot => "pilot",
            Self::IngressGateways => "ingressGateways",
            Self::EgressGateways => "egressGateways",
            Self::Cni => "cni",
            Self::Ztunnel => "ztunnel",
        }
    }

    /// A name for people (progress lines, `-o DIR` file names use [`Self::spec_name`]).
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Base => "Istio core",
            Self::Pilot => "Istiod",
            Self::IngressGateways => "Ingress gateways",
            Self::EgressGateways => "Egress gateways",
            Self::Cni => "CNI",
            Self::Ztunnel => "Ztunnel",
        }
    }

    /// Where this component's chart values live under `spec.values`.
    #[must_use]
    pub fn values_root(self) -> &'static str {
        match self {
            Self::Base => "global",
            Self::Pilot => "pilot",
            Self::IngressGateways => "gateways.istio-ingressgateway",
            Self::EgressGateways => "gateways.istio-egressgateway",
            Self::Cni => "cni",
            Self::Ztunnel => "ztunnel",
        }
    }

    /// The kind and default name of the object `k8s` settings patch, and its main container.
    #[must_use]
    pub fn main_resource(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Self::Base => None,
            Self::Pilot => Some(("Deployment", "istiod", "discovery")),
            Self::IngressGateways => Some(("Deployment", "istio-ingressgateway", "istio-proxy")),
            Self::EgressGateways => Some(("Deployment", "istio-egressgateway", "istio-proxy")),
            Self::Cni => Some(("DaemonSet", "istio-cni-node", "install-cni")),
            Self::Ztunnel => Some(("DaemonSet", "ztunnel", "istio-proxy")),
        }
    }

    #[must_use]
    pub fn is_gateway(self) -> bool {
        matches!(self, Self::IngressGateways | Self::EgressGateways)
    }

    /// Which components must be ready before this one is applied (istioctl's install DAG).
    #[must_use]
    pub fn depends_on(self) -> &'static [ComponentName] {
        match self {
            Self::Base => &[],
            Self::Pilot | Self::Cni => &[Self::Base],
            Self::IngressGateways | Self::EgressGateways => &[Self::Pilot],
            Self::Ztunnel => &[Self::Cni],
        }
    }
}

impl std::fmt::Display for ComponentName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One enabled instance of a component: a gateway list entry, or the single pilot, CNI, …
#[derive(Debug, Clone)]
pub struct ComponentInstance {
    pub component: ComponentName,
    /// The gateway's `name`; `None` for non-gateway components.
    pub name: Option<String>,
    pub namespace: String,
    /// The component's entry under `spec.components`, untyped (what the user wrote, merged).
    pub raw: Value,
    /// The same entry, typed.
    pub spec: api::GatewayComponent,
}

/// Lists the enabled instances of every component, as istioctl's `Component.Get` does.
pub fn enabled_components(merged: &Value) -> Result<Vec<ComponentInstance>, RenderError> {
    let default_namespace = get_path(merged, "metadata.namespace")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .unwrap_or("istio-system")
        .to_string();
    let mut instances = Vec::new();
    for component in ComponentName::ALL {
        // Gateways can also be switched on through `values.gateways.<name>.enabled`.
        let alternate_enabled = match component {
            ComponentName::IngressGateways => {
                get_path(merged, "spec.values.gateways.istio-ingressgateway.enabled")
            }
            ComponentName::EgressGateways => {
                get_path(merged, "spec.values.gateways.istio-egressgateway.enabled")
            }
            _ => None,
        }
        .and_then(Value::as_bool)
        .unwrap_or(false);
        let on_by_default = matches!(
            component,
            ComponentName::Base | ComponentName::Pilot | ComponentName::IngressGateways
        ) || alternate_enabled;
        let entry = get_path(
            merged,
            &format!("spec.components.{}", component.spec_name()),
        );
        let raw_entries: Vec<Value> = match (entry, component.is_gateway()) {
            (None | Some(Value::Null), _) => {
                if on_by_default {
                    instances.push(instance(component, &Value::Null, &default_namespace)?);
                }
                continue;
            }
            (Some(Value::Array(list)), true) => list.clone(),
            (Some(other), _) => vec![other.clone()],
        };
        for raw in raw_entries {
            let enabled = raw.get("enabled").and_then(Value::as_bool).unwrap_or(true);
            if enabled || alternate_enabled {
                instances.push(instance(component, &raw, &default_namespace)?);
            }
        }
    }
    Ok(instances)
}

fn instance(
    component: ComponentName,
    raw: &Value,
    default_namespace: &str,
) -> Result<ComponentInstance, RenderError> {
    let spec: api::GatewayComponent = if raw.is_null() {
        api::GatewayComponent::default()
    } else {
        serde_json::from_value(raw.clone())
            .map_err(|source| RenderError::Settings { component, source })?
    };
    let namespace = spec
        .namespace
        .clone()
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_namespace.to_string());
    Ok(ComponentInstance {
        component,
        name: spec.name.clone().filter(|_| component.is_gateway()),
        namespace,
        raw: raw.clone(),
        spec,
    })
}

/// Renders every enabled component of a merged, validated `IstioOperator` tree.
pub fn render(merged: &Value) -> Result<Vec<Manifest>, RenderError> {
    // Only the owner's name and namespace are needed: decode `metadata`, not the whole input.
    let owner: api::Metadata = merged
        .get("metadata")
        .and_then(|metadata| serde_json::from_value(metadata.clone()).ok())
        .unwrap_or_default();
    let switches = Switches::of(merged)?;
    let release = release::resolve(merged)?.release;
    let mut all = Vec::new();
    for instance in enabled_components(merged)? {
        let context = ChartContext::new(merged, &instance, release)?;
        let objects = match instance.component {
            ComponentName::Base => base::render(&context),
            ComponentName::Pilot => pilot::render(&context),
            ComponentName::IngressGateways | ComponentName::EgressGateways => {
                gateways::render(&context)
            }
            ComponentName::Cni => cni::render(&context),
            ComponentName::Ztunnel => ztunnel::render(&context),
        }
        .map_err(|source| RenderError::Chart {
            component: instance.component,
            source,
        })?;
        let mut manifests: Vec<Manifest> = Vec::new();
        if instance.component == ComponentName::Base {
            // Istio's CRDs travel as embedded text; they become trees only if something reads them.
            manifests.extend(base::embedded_crds(&context).into_iter().map(|crd| {
                Manifest::embedded(
                    ComponentName::Base,
                    crd,
                    chart::istio_labels(context.release),
                )
            }));
        }
        manifests.extend(
            objects
                .into_iter()
                .map(|object| Manifest::new(instance.component, object)),
        );
        postprocess::apply_kubernetes_settings(&context, &mut manifests)?;
        if instance.component == ComponentName::Base
            && let Some(mode) = switches.mtls_mode
        {
            // After the `k8s` settings, which are istioctl's and know nothing of this object.
            manifests.push(Manifest::new(
                ComponentName::Base,
                switches::peer_authentication(mode, &switches::root_namespace(merged)),
            ));
        }
        for manifest in &mut manifests {
            add_ownership_labels(manifest, &owner, &context);
        }
        all.extend(manifests);
    }
    Ok(all)
}

/// The labels istioctl puts on everything it installs, so that either tool recognises the other's.
fn add_ownership_labels(manifest: &mut Manifest, owner: &api::Metadata, context: &ChartContext) {
    let component = manifest.component;
    manifest.set_label(manifest::MANAGED_LABEL, "Reconcile");
    manifest.set_label(manifest::VERSION_LABEL, &context.release.version);
    manifest.set_label(manifest::COMPONENT_LABEL, component.label());
    if let Some(name) = owner.name.as_deref().filter(|n| !n.is_empty()) {
        manifest.set_label(manifest::OWNING_RESOURCE_LABEL, name);
    }
    if let Some(namespace) = owner.namespace.as_deref().filter(|n| !n.is_empty()) {
        manifest.set_label(manifest::OWNING_RESOURCE_NAMESPACE_LABEL, namespace);
    }
    // The chart's own `istio.io/rev` wins (a revision-tag webhook names its tag, not the revision).
    if manifest.label(manifest::REVISION_LABEL).is_none() {
        let revision = context.revision_or_default();
        manifest.set_label(manifest::REVISION_LABEL, &revision);
    }
}
