//! The CNI agent's cluster roles and bindings: read pods, nodes and namespaces; repair broken pods;
//! in ambient mode, update pod status.

use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, PolicyRule, RoleRef, Subject};
use serde_json::Value;

use super::{NAME, meta};
use crate::render::error::ChartError;
use crate::render::{ChartContext, chart};

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str], names: &[&str]) -> PolicyRule {
    let list = |items: &[&str]| items.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    PolicyRule {
        api_groups: Some(list(groups)),
        resources: Some(list(resources)),
        resource_names: (!names.is_empty()).then(|| list(names)),
        verbs: list(verbs),
        ..PolicyRule::default()
    }
}

fn binding(v: &ChartContext, name: &str, role: &str, extra: &[(&str, &str)]) -> ClusterRoleBinding {
    ClusterRoleBinding {
        metadata: meta(v, name, extra, false),
        role_ref: RoleRef {
            api_group: Some("rbac.authorization.k8s.io".into()),
            kind: "ClusterRole".into(),
            name: role.into(),
        },
        subjects: Some(vec![Subject {
            kind: "ServiceAccount".into(),
            name: NAME.into(),
            namespace: Some(v.namespace().into()),
            ..Subject::default()
        }]),
    }
}

pub(super) fn cluster_rbac(v: &ChartContext) -> Result<Vec<Value>, ChartError> {
    let app = [("app", NAME)];
    let repair = [("k8s-app", "istio-cni-repair")];
    let mut rules = vec![rule(
        &[""],
        &["pods", "nodes", "namespaces"],
        &["get", "list", "watch"],
        &[],
    )];
    let platform = match v.str("platform") {
        empty if empty.is_empty() => v.str("global.platform"),
        platform => platform,
    };
    if platform == "openshift" {
        rules.push(rule(
            &["security.openshift.io"],
            &["securitycontextconstraints"],
            &["use"],
            &["privileged"],
        ));
    }
    let mut objects = vec![chart::to_json(&ClusterRole {
        metadata: meta(v, NAME, &app, false),
        rules: Some(rules),
        ..ClusterRole::default()
    })?];
    let repair_enabled = v.truthy("repair.enabled");
    let ambient = v.truthy("ambient.enabled");
    if repair_enabled {
        let mut rules = vec![
            rule(&[""], &["events"], &["create", "patch"], &[]),
            rule(&[""], &["pods"], &["watch", "get", "list"], &[]),
        ];
        // Repairing in place needs no extra privilege; deleting or labelling broken pods does.
        if v.truthy("repair.repairPods") {
            // Nothing to add.
        } else if v.truthy("repair.deletePods") {
            rules.push(rule(&[""], &["pods"], &["delete"], &[]));
        } else if v.truthy("repair.labelPods") {
            rules.push(rule(&[""], &["pods/status"], &["patch", "update"], &[]));
        }
        objects.push(chart::to_json(&ClusterRole {
            metadata: meta(v, &format!("{NAME}-repair-role"), &app, false),
            rules: Some(rules),
            ..ClusterRole::default()
        })?);
    }
    if ambient {
        objects.push(chart::to_json(&ClusterRole {
            metadata: meta(v, &format!("{NAME}-ambient"), &app, false),
            rules: Some(vec![
                rule(&[""], &["pods/status"], &["patch", "update"], &[]),
                rule(
                    &["apps"],
                    &["daemonsets"],
                    &["get"],
                    &[&format!("{NAME}-node")],
                ),
            ]),
            ..ClusterRole::default()
        })?);
    }
    objects.push(chart::to_json(&binding(v, NAME, NAME, &app))?);
    if repair_enabled {
        objects.push(chart::to_json(&binding(
            v,
            &format!("{NAME}-repair-rolebinding"),
            &format!("{NAME}-repair-role"),
            &repair,
        ))?);
    }
    if ambient {
        objects.push(chart::to_json(&binding(
            v,
            &format!("{NAME}-ambient"),
            &format!("{NAME}-ambient"),
            &repair,
        ))?);
    }
    Ok(objects)
}
