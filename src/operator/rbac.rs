//! The operator's RBAC: least privilege, written out rule by rule, derived from what the render
//! can produce.
//!
//! The kinds come from meshctl's one table of the kinds it manages ([`kinds::rendered`]); a unit
//! test here renders a matrix of profiles, components and settings and fails when a rendered kind
//! is missing from it (the operator would be forbidden to apply it) or when a listed kind is never
//! rendered (excess privilege). There are
//! no wildcards anywhere: a test fails on any `*`.
//!
//! Three parts, each with the narrowest scope that works:
//! - a `ClusterRole` for what an install writes (cluster-scoped kinds, and namespaced kinds in
//!   whatever namespaces the `IstioOperator` names — unknown until it is read);
//! - a Role in each watched namespace for the `IstioOperator` resources and their events, and
//!   with `--watch-banzai` for Banzai's `Istio` resources and the `IstioOperator`s made from them;
//! - a Role in the operator's own namespace for its leader-election Lease.
//!
//! A word on `escalate` and `bind`: istiod's roles grant things the operator itself does not
//! hold (reading secrets, for one). The API server lets a user create or update a role only if
//! the user already holds every permission in it, or holds `escalate` on roles/clusterroles; and
//! create or update a binding only if the user holds every permission of the referenced role, or
//! holds `bind` on that role. Both are granted, for roles and clusterroles, because the names of
//! Istio's roles depend on the revision and namespace in the resource and cannot be listed
//! ahead. This is inherent to installing Istio — whoever may install it may grant what istiod
//! needs — and is why the operator's service account deserves the care of a cluster admin's.

use std::collections::BTreeMap;

use k8s_openapi::api::rbac::v1::ClusterRoleBinding;
use k8s_openapi::api::rbac::v1::{ClusterRole, PolicyRule, Role, RoleBinding, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{GROUP, MANAGED_BY_LABEL, NAME, PART_OF_LABEL, PLURAL};
use crate::cluster::kinds;

const RBAC: &str = "rbac.authorization.k8s.io";
const CRD_GROUP: &str = "apiextensions.k8s.io";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> PolicyRule {
    PolicyRule {
        api_groups: Some(strings(groups)),
        resources: Some(strings(resources)),
        verbs: strings(verbs),
        resource_names: None,
        non_resource_urls: None,
    }
}

fn metadata(name: &str, namespace: Option<&str>) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: namespace.map(str::to_string),
        labels: Some(BTreeMap::from([
            (PART_OF_LABEL.0.to_string(), PART_OF_LABEL.1.to_string()),
            (
                MANAGED_BY_LABEL.0.to_string(),
                MANAGED_BY_LABEL.1.to_string(),
            ),
        ])),
        ..ObjectMeta::default()
    }
}

/// Apply a new object (server-side apply creates it), apply a changed one (patch), prune or
/// uninstall it (delete), and read and watch it to see drift.
const WRITE: &[&str] = &["get", "list", "watch", "create", "patch", "delete"];

/// The cluster-wide rules: everything an install writes. Namespaced kinds are cluster-wide too,
/// because the namespaces come from the `IstioOperator` (`spec.namespace`, gateways' and
/// components' own namespaces) and are not known when the operator is deployed.
#[must_use]
pub fn cluster_rules() -> Vec<PolicyRule> {
    let mut by_group: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for managed in kinds::rendered() {
        // CRDs and RBAC get rules of their own below, with different verbs.
        if managed.group == CRD_GROUP || managed.group == RBAC {
            continue;
        }
        by_group
            .entry(managed.group)
            .or_default()
            .push(managed.resource);
    }
    let mut rules: Vec<PolicyRule> = by_group
        .into_iter()
        // Why: the install writes these kinds (see `kinds::KINDS`); apply = create (new object) or
        // patch (existing object) with server-side apply; prune and uninstall delete; get, list
        // and watch let the controller see drift and find what to prune.
        .map(|(group, resources)| rule(&[group], &resources, WRITE))
        .collect();
    rules.extend([
        // Why: istiod's and the gateways' ServiceAccounts are bound to Istio's roles and
        // bindings, written like every other kind.
        rule(&[RBAC], &["clusterrolebindings", "rolebindings"], WRITE),
        // Why: Istio's roles grant what the operator itself does not hold (istiod reads secrets,
        // for one). Creating or updating such a role needs `escalate` on it; creating a binding
        // to it needs `bind` on the role it references (the API server checks `bind` on the
        // role, not on the binding). Role names depend on the revision and namespace, so
        // `resourceNames` cannot narrow this.
        rule(
            &[RBAC],
            &["clusterroles", "roles"],
            &[
                "get", "list", "watch", "create", "patch", "delete", "escalate", "bind",
            ],
        ),
        // Why: the install applies Istio's CRDs (create a new one, patch an existing one) and
        // waits until they are established. No `delete`: the operator never removes CRDs —
        // deleting a CRD deletes every resource of it, users' configuration included; that is
        // left to `meshctl uninstall --purge` run by a person.
        rule(
            &[CRD_GROUP],
            &["customresourcedefinitions"],
            &["get", "list", "watch", "create", "patch"],
        ),
        // Why: an install creates the namespaces it renders into when they are missing, and the
        // diff checks which exist. `patch` labels (and unlabels) the namespaces an
        // `IstioOperator` lists in `meshctl.io/injection-namespaces`, and `watch` sees one
        // appear. Never deleted: users keep their own things there.
        rule(
            &[""],
            &["namespaces"],
            &["get", "list", "watch", "create", "patch"],
        ),
        // Why: when a component is not ready, the status message explains why from its pods'
        // state and their warning events (`ImagePullBackOff`, `Unschedulable`); with the
        // revision-based strategy, an older revision stays while a pod it injected runs. Read only.
        rule(&[""], &["pods", "events"], &["get", "list"]),
    ]);
    rules
}

/// The `ClusterRole` named `name` with [`cluster_rules`].
#[must_use]
pub fn cluster_role(name: &str) -> ClusterRole {
    ClusterRole {
        metadata: metadata(name, None),
        rules: Some(cluster_rules()),
        aggregation_rule: None,
    }
}

fn subject(operator_namespace: &str) -> Subject {
    Subject {
        kind: "ServiceAccount".to_string(),
        name: NAME.to_string(),
        namespace: Some(operator_namespace.to_string()),
        api_group: None,
    }
}

/// Binds [`cluster_role`] to the operator's `ServiceAccount`.
#[must_use]
pub fn cluster_role_binding(operator_namespace: &str) -> ClusterRoleBinding {
    ClusterRoleBinding {
        metadata: metadata(NAME, None),
        role_ref: RoleRef {
            api_group: Some(RBAC.to_string()),
            kind: "ClusterRole".to_string(),
            name: NAME.to_string(),
        },
        subjects: Some(vec![subject(operator_namespace)]),
    }
}

/// The rules in each watched namespace.
#[must_use]
pub fn watched_namespace_rules() -> Vec<PolicyRule> {
    vec![
        // Why: the controller reads and watches the resources it reconciles, and patches them
        // to add and remove its finalizer. It never creates or deletes them: people and GitOps
        // tools do.
        rule(&[GROUP], &[PLURAL], &["get", "list", "watch", "patch"]),
        // Why: status (phase, conditions, per-component state) goes through the status
        // subresource; `update` as well as `patch` because status writers commonly replace it.
        rule(
            &[GROUP],
            &[&format!("{PLURAL}/status")],
            &["get", "patch", "update"],
        ),
        // Why: Kubernetes events on the resource (`kubectl describe iop`). kube-runtime's event
        // recorder creates an event, then patches it to count repeats of the same event.
        rule(&["events.k8s.io"], &["events"], &["create", "patch"]),
    ]
}

/// What `--watch-banzai` adds in each watched namespace ([`super::banzai`]).
#[must_use]
pub fn banzai_rules() -> Vec<PolicyRule> {
    use super::banzai;
    vec![
        // Why: the Banzai controller reads and watches Banzai's resources, and patches them to
        // add its finalizer and to remove the finalizer Banzai's own operator left behind.
        rule(
            &[banzai::GROUP],
            &[banzai::PLURAL],
            &["get", "list", "watch", "patch"],
        ),
        // Why: Banzai's `status.Status` and `status.ErrorMessage`, through the status
        // subresource.
        rule(
            &[banzai::GROUP],
            &[&format!("{}/status", banzai::PLURAL)],
            &["get", "patch"],
        ),
        // Why: each Banzai resource stands for one generated `IstioOperator`, created by
        // server-side apply (which the API server authorises as `create` when the object is
        // new) and deleted when the Banzai resource goes.
        rule(&[GROUP], &[PLURAL], &["create", "delete"]),
    ]
}

/// The Role in watched namespace `namespace`; `banzai` adds [`banzai_rules`].
#[must_use]
pub fn watched_namespace_role(namespace: &str, banzai: bool) -> Role {
    let mut rules = watched_namespace_rules();
    if banzai {
        rules.extend(banzai_rules());
    }
    Role {
        metadata: metadata(NAME, Some(namespace)),
        rules: Some(rules),
    }
}

fn role_binding(namespace: &str, role: &str, operator_namespace: &str) -> RoleBinding {
    RoleBinding {
        metadata: metadata(role, Some(namespace)),
        role_ref: RoleRef {
            api_group: Some(RBAC.to_string()),
            kind: "Role".to_string(),
            name: role.to_string(),
        },
        subjects: Some(vec![subject(operator_namespace)]),
    }
}

/// Binds [`watched_namespace_role`] in `namespace` to the operator's `ServiceAccount`.
#[must_use]
pub fn watched_namespace_role_binding(namespace: &str, operator_namespace: &str) -> RoleBinding {
    role_binding(namespace, NAME, operator_namespace)
}

/// The name of the Role and `RoleBinding` that `--take-over-helm-in` adds in each namespace it
/// names.
pub const HELM_TAKEOVER_ROLE: &str = "meshctl-operator-helm-takeover";

/// The rules `--take-over-helm-in` grants in a namespace where Helm's release Secrets live.
#[must_use]
pub fn helm_takeover_rules() -> Vec<PolicyRule> {
    vec![
        // Why: an IstioOperator annotated `meshctl.io/take-over-from: helm` ends its takeover by
        // reading which objects Helm's releases rendered (`list`, label `owner=helm`) and then
        // deleting the releases' Secrets, once everything is applied and ready, so that `helm
        // uninstall` can no longer delete the mesh. Secrets cannot be narrowed by label or name
        // pattern in RBAC, so this is opt-in, per namespace, and meant to be withdrawn after the
        // move (`operator init` without the flag removes it).
        rule(&[""], &["secrets"], &["list", "delete"]),
    ]
}

/// The Role of [`helm_takeover_rules`] in `namespace`.
#[must_use]
pub fn helm_takeover_role(namespace: &str) -> Role {
    Role {
        metadata: metadata(HELM_TAKEOVER_ROLE, Some(namespace)),
        rules: Some(helm_takeover_rules()),
    }
}

/// Binds [`helm_takeover_role`] in `namespace` to the operator's `ServiceAccount`.
#[must_use]
pub fn helm_takeover_role_binding(namespace: &str, operator_namespace: &str) -> RoleBinding {
    role_binding(namespace, HELM_TAKEOVER_ROLE, operator_namespace)
}

/// The name of the leader-election Role and `RoleBinding`. It differs from [`NAME`] so that an
/// operator namespace that is also watched can hold both Roles.
#[must_use]
pub fn leader_election_role_name() -> String {
    format!("{NAME}-leader-election")
}

/// The rules for the leader-election Lease in the operator's namespace.
#[must_use]
pub fn leader_election_rules() -> Vec<PolicyRule> {
    vec![
        // Why: the first replica creates the Lease. `create` cannot be narrowed by
        // `resourceNames` (the name is not known to the authorizer before the object exists),
        // so it is a rule of its own, confined to this namespace.
        rule(&["coordination.k8s.io"], &["leases"], &["create"]),
        // Why: replicas read the Lease and renew or take it over, and only this one Lease.
        PolicyRule {
            resource_names: Some(vec![NAME.to_string()]),
            ..rule(
                &["coordination.k8s.io"],
                &["leases"],
                &["get", "update", "patch"],
            )
        },
    ]
}

/// The leader-election Role in the operator's namespace.
#[must_use]
pub fn leader_election_role(operator_namespace: &str) -> Role {
    Role {
        metadata: metadata(&leader_election_role_name(), Some(operator_namespace)),
        rules: Some(leader_election_rules()),
    }
}

/// Binds [`leader_election_role`] to the operator's `ServiceAccount`.
#[must_use]
pub fn leader_election_role_binding(operator_namespace: &str) -> RoleBinding {
    role_binding(
        operator_namespace,
        &leader_election_role_name(),
        operator_namespace,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::merge::SetFlag;
    use crate::pipeline::{self, Inputs};

    fn all_rules() -> Vec<PolicyRule> {
        let mut rules = cluster_rules();
        rules.extend(watched_namespace_rules());
        rules.extend(banzai_rules());
        rules.extend(leader_election_rules());
        rules
    }

    #[test]
    fn no_rule_has_a_wildcard() {
        for rule in all_rules() {
            let fields = rule
                .verbs
                .iter()
                .chain(rule.resources.iter().flatten())
                .chain(rule.api_groups.iter().flatten())
                .chain(rule.resource_names.iter().flatten());
            for field in fields {
                assert!(!field.contains('*'), "wildcard in {rule:?}");
            }
            assert!(rule.non_resource_urls.is_none(), "{rule:?}");
        }
    }

    /// The verbs a rule grants on `group`/`resource`, cluster-wide.
    fn verbs(group: &str, resource: &str) -> BTreeSet<String> {
        cluster_rules()
            .into_iter()
            .filter(|r| {
                r.api_groups.iter().flatten().any(|g| g == group)
                    && r.resources.iter().flatten().any(|x| x == resource)
            })
            .flat_map(|r| r.verbs)
            .collect()
    }

    #[test]
    fn crds_and_namespaces_are_never_deleted_and_secrets_never_touched() {
        assert!(!verbs(CRD_GROUP, "customresourcedefinitions").contains("delete"));
        assert!(verbs(CRD_GROUP, "customresourcedefinitions").contains("patch"));
        assert!(!verbs("", "namespaces").contains("delete"));
        assert!(verbs("", "secrets").is_empty());
        assert_eq!(
            verbs("", "pods"),
            BTreeSet::from(["get".to_string(), "list".to_string()])
        );
        // Escalation is granted on roles only, and bind on roles (where the API server checks it).
        for resource in ["clusterroles", "roles"] {
            assert!(verbs(RBAC, resource).contains("escalate"));
            assert!(verbs(RBAC, resource).contains("bind"));
        }
        for resource in ["clusterrolebindings", "rolebindings"] {
            assert!(!verbs(RBAC, resource).contains("escalate"));
            assert!(!verbs(RBAC, resource).contains("bind"));
        }
    }

    #[test]
    fn every_managed_kind_except_crds_can_be_applied_pruned_and_watched() {
        for managed in kinds::rendered().filter(|m| m.group != CRD_GROUP) {
            let granted = verbs(managed.group, managed.resource);
            for verb in WRITE {
                assert!(granted.contains(*verb), "{managed:?} lacks {verb}");
            }
        }
    }

    #[test]
    fn the_lease_rules_name_the_lease_except_for_create() {
        let rules = leader_election_rules();
        assert_eq!(rules[0].verbs, ["create"]);
        assert!(rules[0].resource_names.is_none());
        assert_eq!(rules[1].resource_names, Some(vec![NAME.to_string()]));
    }

    /// Renders one case: a profile plus `--set` flags.
    fn rendered_kinds(profile: &str, flags: &[&str]) -> BTreeSet<(String, String)> {
        let mut set_flags = vec![SetFlag::parse(&format!("profile={profile}")).expect("flag")];
        set_flags.extend(flags.iter().map(|f| SetFlag::parse(f).expect("flag")));
        let inputs = Inputs {
            set_flags,
            ..Inputs::default()
        };
        let merged =
            pipeline::merge(&inputs).unwrap_or_else(|e| panic!("{profile} {flags:?}: {e}"));
        let manifests =
            pipeline::render(&merged).unwrap_or_else(|e| panic!("{profile} {flags:?}: {e}"));
        manifests
            .iter()
            .map(|m| (m.group().to_string(), m.kind().to_string()))
            .collect()
    }

    /// Every built-in profile, with everything it can switch on switched on: every component,
    /// PDB and HPA, network policies, CNI resource quotas, multus, the stable-channel
    /// admission policy, and a revision; and a remote that names its primary.
    #[test]
    fn managed_kinds_are_exactly_what_the_render_can_produce() {
        let everything = [
            "components.cni.enabled=true",
            "components.ztunnel.enabled=true",
            "components.ingressGateways[0].name=istio-ingressgateway",
            "components.ingressGateways[0].enabled=true",
            "components.egressGateways[0].name=istio-egressgateway",
            "components.egressGateways[0].enabled=true",
            "values.pilot.autoscaleMin=2",
            "values.global.networkPolicy.enabled=true",
            "values.cni.resourceQuotas.enabled=true",
            "values.cni.provider=multus",
            "values.defaultRevision=default",
            "values.experimental.stableValidationPolicy=true",
        ];
        let mut rendered = BTreeSet::new();
        for profile in crate::profile::names() {
            rendered.extend(rendered_kinds(profile, &[]));
            rendered.extend(rendered_kinds(profile, &everything));
            let mut revisioned = everything.to_vec();
            revisioned.push("revision=canary");
            rendered.extend(rendered_kinds(profile, &revisioned));
        }
        // The mesh-wide PeerAuthentication of the `meshctl.io/mtls-mode` annotation (a file's
        // metadata, which `--set` cannot reach).
        let annotated = crate::merge::InputFile {
            source: crate::yaml::Source("mtls.yaml".into()),
            tree: serde_json::json!({"metadata": {"annotations": {
                crate::switches::MTLS_MODE_ANNOTATION: "STRICT"}}}),
        };
        let merged = pipeline::merge(&Inputs {
            files: vec![annotated],
            ..Inputs::default()
        })
        .expect("merges");
        rendered.extend(
            pipeline::render(&merged)
                .expect("renders")
                .iter()
                .map(|m| (m.group().to_string(), m.kind().to_string())),
        );
        // A remote cluster's `istiod` Service points at its primary through an EndpointSlice.
        rendered.extend(rendered_kinds(
            "remote",
            &["values.global.remotePilotAddress=10.0.0.1"],
        ));
        let managed: BTreeSet<(String, String)> =
            kinds::rendered().map(kinds::ManagedKind::key).collect();
        let missing: Vec<_> = rendered.difference(&managed).collect();
        assert!(
            missing.is_empty(),
            "rendered but not in kinds::KINDS (the operator would be forbidden): {missing:?}"
        );
        let excess: Vec<_> = managed.difference(&rendered).collect();
        assert!(
            excess.is_empty(),
            "rendered in kinds::KINDS but never rendered (excess privilege): {excess:?}"
        );
    }
}
