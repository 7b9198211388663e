//! The kinds meshctl manages, in one table. What prune and uninstall look at, what the operator's
//! RBAC grants and its controller watches, and what `operator remove` looks for are all read from
//! [`KINDS`], so they cannot drift apart: a kind the render learns to produce is added here once,
//! and a unit test (`operator::rbac`) fails until it is.

/// One kind and what meshctl does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ManagedKind {
    /// The API group, `""` for the core group.
    pub group: &'static str,
    pub kind: &'static str,
    /// The plural resource name, as RBAC rules and URLs spell it.
    pub resource: &'static str,
    /// An install can render it: the operator's RBAC lets it write the kind, its controller
    /// watches it for drift, and prune and uninstall look for it.
    pub rendered: bool,
    /// On istioctl's prune list (`operator/pkg/uninstall/prune.go`): prune and uninstall look
    /// for it even though meshctl never renders it, so that an install istioctl made, and
    /// meshctl took over, is removed completely.
    pub istioctl_prunes: bool,
    /// `operator init` applies objects of this kind for the operator itself, labelled as its
    /// own, and `operator remove` looks for them (in this table's order).
    pub operator: bool,
}

const ADMISSION: &str = "admissionregistration.k8s.io";
const RBAC: &str = "rbac.authorization.k8s.io";
const CRD_GROUP: &str = "apiextensions.k8s.io";

/// Shorthands for the table's flags: rendered, on istioctl's prune list, part of the operator.
const RENDERED: u8 = 1;
const ISTIOCTL: u8 = 2;
const OPERATOR: u8 = 4;

const fn kind(
    group: &'static str,
    kind: &'static str,
    resource: &'static str,
    uses: u8,
) -> ManagedKind {
    ManagedKind {
        group,
        kind,
        resource,
        rendered: uses & RENDERED != 0,
        istioctl_prunes: uses & ISTIOCTL != 0,
        operator: uses & OPERATOR != 0,
    }
}

/// `CustomResourceDefinition`s: rendered, applied first, and removed only by `uninstall --purge`.
pub const CRD: ManagedKind = kind(
    CRD_GROUP,
    "CustomResourceDefinition",
    "customresourcedefinitions",
    RENDERED,
);

/// Every kind meshctl manages, one line each. The order is meaningful in two places: within a group it is the
/// order of the resources in the operator's RBAC rules, and among the operator's own kinds it is
/// the order `operator remove` lists them (the Deployment first, bindings before their roles,
/// the namespace last).
#[rustfmt::skip] // a table reads best one kind to a line
pub const KINDS: &[ManagedKind] = &[
    kind(ADMISSION, "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", RENDERED | ISTIOCTL),
    kind(ADMISSION, "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", RENDERED | ISTIOCTL),
    kind(ADMISSION, "ValidatingAdmissionPolicy", "validatingadmissionpolicies", RENDERED),
    kind(ADMISSION, "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings", RENDERED),
    CRD,
    kind("apps", "DaemonSet", "daemonsets", RENDERED | ISTIOCTL),
    kind("apps", "Deployment", "deployments", RENDERED | ISTIOCTL | OPERATOR),
    kind("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", RENDERED | ISTIOCTL),
    kind("policy", "PodDisruptionBudget", "poddisruptionbudgets", RENDERED | ISTIOCTL),
    kind("networking.k8s.io", "NetworkPolicy", "networkpolicies", RENDERED),
    kind("discovery.k8s.io", "EndpointSlice", "endpointslices", RENDERED),
    kind("k8s.cni.cncf.io", "NetworkAttachmentDefinition", "network-attachment-definitions", RENDERED),
    kind("security.istio.io", "PeerAuthentication", "peerauthentications", RENDERED),
    kind(RBAC, "ClusterRoleBinding", "clusterrolebindings", RENDERED | ISTIOCTL | OPERATOR),
    kind(RBAC, "ClusterRole", "clusterroles", RENDERED | ISTIOCTL | OPERATOR),
    kind(RBAC, "RoleBinding", "rolebindings", RENDERED | ISTIOCTL | OPERATOR),
    kind(RBAC, "Role", "roles", RENDERED | ISTIOCTL | OPERATOR),
    kind("", "ConfigMap", "configmaps", RENDERED | ISTIOCTL),
    kind("", "Service", "services", RENDERED | ISTIOCTL),
    kind("", "ServiceAccount", "serviceaccounts", RENDERED | ISTIOCTL | OPERATOR),
    kind("", "ResourceQuota", "resourcequotas", RENDERED),
    kind("", "Pod", "pods", ISTIOCTL),
    kind("", "Secret", "secrets", ISTIOCTL),
    kind("networking.istio.io", "EnvoyFilter", "envoyfilters", ISTIOCTL),
    kind("", "Namespace", "namespaces", OPERATOR),
];

impl ManagedKind {
    #[must_use]
    pub fn is_crd(&self) -> bool {
        self.group == CRD_GROUP && self.kind == "CustomResourceDefinition"
    }

    #[must_use]
    pub fn is_namespace(&self) -> bool {
        self.group.is_empty() && self.kind == "Namespace"
    }

    /// `(group, kind)`, as prune keys kinds.
    #[must_use]
    pub fn key(&self) -> (String, String) {
        (self.group.to_string(), self.kind.to_string())
    }
}

/// The kinds an install can render.
pub fn rendered() -> impl Iterator<Item = &'static ManagedKind> {
    KINDS.iter().filter(|k| k.rendered)
}

/// The kinds prune and uninstall look at for owned objects: everything rendered and everything
/// on istioctl's list, but never CRDs (only `uninstall --purge` removes those, and asks for
/// them) and never namespaces (users keep their own things there).
pub fn prunable() -> impl Iterator<Item = &'static ManagedKind> {
    KINDS
        .iter()
        .filter(|k| (k.rendered || k.istioctl_prunes) && !k.is_crd() && !k.is_namespace())
}

/// The kinds of the operator's own objects, in the order `operator remove` lists them.
pub fn operator() -> impl Iterator<Item = &'static ManagedKind> {
    KINDS.iter().filter(|k| k.operator)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn each_kind_is_listed_once_and_does_something() {
        let mut seen = BTreeSet::new();
        for kind in KINDS {
            assert!(seen.insert((kind.group, kind.kind)), "{kind:?} twice");
            assert!(
                kind.rendered || kind.istioctl_prunes || kind.operator,
                "{kind:?} is used for nothing"
            );
        }
        assert!(CRD.is_crd() && KINDS.contains(&CRD));
    }

    #[test]
    fn istioctls_prune_list_is_kept_whole() {
        // istioctl 1.31's `operator/pkg/uninstall/prune.go`, as (group, kind).
        let istioctl: BTreeSet<(&str, &str)> = [
            (ADMISSION, "MutatingWebhookConfiguration"),
            (ADMISSION, "ValidatingWebhookConfiguration"),
            (RBAC, "ClusterRole"),
            (RBAC, "ClusterRoleBinding"),
            ("apps", "Deployment"),
            ("apps", "DaemonSet"),
            ("", "Service"),
            ("", "ConfigMap"),
            ("", "Pod"),
            ("", "Secret"),
            ("", "ServiceAccount"),
            (RBAC, "Role"),
            (RBAC, "RoleBinding"),
            ("policy", "PodDisruptionBudget"),
            ("autoscaling", "HorizontalPodAutoscaler"),
            ("networking.istio.io", "EnvoyFilter"),
        ]
        .into_iter()
        .collect();
        let listed: BTreeSet<(&str, &str)> = KINDS
            .iter()
            .filter(|k| k.istioctl_prunes)
            .map(|k| (k.group, k.kind))
            .collect();
        assert_eq!(listed, istioctl);
    }

    #[test]
    fn prune_looks_at_every_rendered_kind_but_crds() {
        let prunable: BTreeSet<_> = prunable().collect();
        for kind in rendered().filter(|k| !k.is_crd()) {
            assert!(prunable.contains(kind), "{kind:?}");
        }
        assert!(!prunable.iter().any(|k| k.is_crd() || k.is_namespace()));
    }

    #[test]
    fn operator_remove_lists_the_deployment_first_and_the_namespace_last() {
        let order: Vec<&str> = operator().map(|k| k.kind).collect();
        assert_eq!(
            order,
            [
                "Deployment",
                "ClusterRoleBinding",
                "ClusterRole",
                "RoleBinding",
                "Role",
                "ServiceAccount",
                "Namespace"
            ]
        );
    }
}
