//! The in-cluster operator: `IstioOperator` resources in the cluster, kept installed.
//!
//! Istio removed its own in-cluster operator in 1.24; this one brings `GitOps` reconciliation back
//! with the same pipeline as the CLI. The pieces:
//! - [`crd`]: the `IstioOperator` `CustomResourceDefinition` (`install.istio.io/v1alpha1`).
//! - [`rbac`]: the operator's least-privilege RBAC, derived from what the render can produce.
//! - [`deploy`]: everything `meshctl operator init` applies and `operator dump` prints.
//! - [`controller`]: `meshctl operator run` — reconcile = merge → render → diff → apply → wait →
//!   prune, status and events, a finalizer that uninstalls, drift repair through watches.
//! - [`banzai`]: `operator run --watch-banzai` — Banzai Cloud's `Istio` resources, translated into
//!   `IstioOperator`s that the controller reconciles.
//! - [`leader`]: a Lease so that of several replicas exactly one acts.
//! - [`migrate`]: taking over from Istio's own operator (Istio ≤ 1.23) where it still runs.
//! - [`revisions`]: the revision-based update strategy — a revision per release, the tag moved
//!   to it once ready, older revisions removed once unused.
//!
//! Like the rest of the library nothing here prints: the controller logs through `tracing`.

pub mod banzai;
pub mod controller;
pub mod crd;
pub mod deploy;
pub mod events;
pub mod leader;
pub mod migrate;
pub mod probe;
pub mod rbac;
pub mod repair;
pub mod revisions;
pub mod status;

/// The name of the operator's `ServiceAccount`, `ClusterRole`, `ClusterRoleBinding`, Roles, Deployment
/// and Lease (the leader-election Role and `RoleBinding` add `-leader-election`).
pub const NAME: &str = "meshctl-operator";

/// The namespace the operator runs in unless `--operatorNamespace` says otherwise.
pub const DEFAULT_NAMESPACE: &str = "istio-operator";

/// The registry of the operator image unless `--hub` says otherwise; the tag defaults to
/// meshctl's own version, so an operator always runs the binary that deployed it.
pub const DEFAULT_HUB: &str = "ghcr.io/meshctl";

/// The image name under the hub.
pub const IMAGE_NAME: &str = "meshctl";

/// The `IstioOperator` API, as the CRD serves it.
pub const GROUP: &str = "install.istio.io";
pub const VERSION: &str = "v1alpha1";
pub const KIND: &str = "IstioOperator";
pub const PLURAL: &str = "istiooperators";
/// `istiooperators.install.istio.io`.
pub const CRD_NAME: &str = "istiooperators.install.istio.io";

/// The finalizer the controller puts on every `IstioOperator` it reconciles, so that deleting
/// the resource first uninstalls what it installed.
pub const FINALIZER: &str = "install.istio.io/meshctl-uninstall";

/// Labels on every object `operator init` applies, so `operator remove` finds them by label.
pub const PART_OF_LABEL: (&str, &str) = ("app.kubernetes.io/part-of", NAME);
pub const MANAGED_BY_LABEL: (&str, &str) = ("app.kubernetes.io/managed-by", "meshctl");
