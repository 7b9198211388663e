//! Targeted drift repair: when a watch event says an object an `IstioOperator` installed was
//! deleted or changed underneath, re-apply that one object from the set the last full reconcile
//! rendered, instead of re-planning the whole install (a server-side dry-run of every object and
//! a scan of every owned kind).
//!
//! The rendered set is cached per resource, keyed by its `metadata.generation` and a hash of its
//! spec. A full reconcile still runs when the resource changes and every `--resync`; it drops a
//! cached set that no longer matches the resource before anything else, and caches the new one
//! once it applied it. Events for an owner with no cached set, or for an object the set does not
//! hold (something to prune), go to the full reconcile as before.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::cluster::ObjectKey;
use crate::manifest::Manifest;

/// What one full reconcile applied for one resource.
#[derive(Debug)]
pub struct Rendered {
    pub generation: i64,
    /// [`input_hash`] of the spec it was rendered from.
    pub input: u64,
    /// Every object it applied; `None` for the CRDs, which are kept out of
    /// memory (Istio's run to megabytes) and repaired by a full reconcile.
    pub objects: BTreeMap<ObjectKey, Option<Manifest>>,
}

impl Rendered {
    #[must_use]
    pub fn new(generation: i64, input: u64, manifests: &[Manifest]) -> Self {
        Self {
            generation,
            input,
            objects: manifests
                .iter()
                .map(|m| {
                    let crd = m.kind() == "CustomResourceDefinition"
                        && m.group() == "apiextensions.k8s.io";
                    (ObjectKey::of(m.object()), (!crd).then(|| m.clone()))
                })
                .collect(),
        }
    }
}

/// The rendered sets, by owning resource `(namespace, name)`.
#[derive(Debug, Default)]
pub struct Cache(Mutex<BTreeMap<(String, String), Arc<Rendered>>>);

impl Cache {
    #[must_use]
    pub fn get(&self, namespace: &str, name: &str) -> Option<Arc<Rendered>> {
        self.lock()
            .get(&(namespace.to_string(), name.to_string()))
            .cloned()
    }

    pub fn insert(&self, namespace: &str, name: &str, rendered: Rendered) {
        self.lock().insert(
            (namespace.to_string(), name.to_string()),
            Arc::new(rendered),
        );
    }

    /// Forgets the set unless it was rendered from this generation and input.
    pub fn keep_only(&self, namespace: &str, name: &str, generation: i64, input: u64) {
        let mut sets = self.lock();
        let key = (namespace.to_string(), name.to_string());
        if sets
            .get(&key)
            .is_some_and(|r| r.generation != generation || r.input != input)
        {
            sets.remove(&key);
        }
    }

    /// Every cached set with its owner `(namespace, name)`.
    #[must_use]
    pub fn all(&self) -> Vec<((String, String), Arc<Rendered>)> {
        self.lock()
            .iter()
            .map(|(owner, rendered)| (owner.clone(), Arc::clone(rendered)))
            .collect()
    }

    pub fn remove(&self, namespace: &str, name: &str) {
        self.lock()
            .remove(&(namespace.to_string(), name.to_string()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<(String, String), Arc<Rendered>>> {
        // A panic while holding it cannot leave the map half-written: every change is one call.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A hash of a resource's spec: with the generation, what says a cached set is still current.
#[must_use]
pub fn input_hash(spec: &Value) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    spec.to_string().hash(&mut hasher);
    hasher.finish()
}

/// What a watch event said about an owned object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Created or changed (or listed when the watch started).
    Changed,
    Deleted,
}

/// What to do about one event.
#[derive(Debug)]
pub enum Response {
    /// The object is as rendered (or is gone and was not ours to keep).
    Nothing,
    /// Re-apply this one object.
    Reapply(Box<Manifest>),
    /// Hand the owner to its full reconcile: no cached set, or an object the set does not hold.
    Reconcile,
}

impl Response {
    /// How the log names it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Nothing => "nothing",
            Self::Reapply(_) => "re-apply",
            Self::Reconcile => "reconcile",
        }
    }
}

/// Decides what an event for the owned object `key` (live state `live`) asks for, given the set
/// its owner last applied.
#[must_use]
pub fn respond(
    change: Change,
    key: &ObjectKey,
    live: &Value,
    rendered: Option<&Rendered>,
) -> Response {
    let Some(rendered) = rendered else {
        return Response::Reconcile;
    };
    let wanted = match rendered.objects.get(key) {
        Some(None) => return Response::Reconcile,
        Some(Some(wanted)) => Some(wanted),
        None => None,
    };
    match (change, wanted) {
        (Change::Deleted, Some(wanted)) => Response::Reapply(Box::new(wanted.clone())),
        // Not in the set and gone: pruned, or never ours to keep.
        (Change::Deleted, None) => Response::Nothing,
        // Being deleted (finalizers pending): act on the deletion when it happens.
        (Change::Changed, _) if !live["metadata"]["deletionTimestamp"].is_null() => {
            Response::Nothing
        }
        (Change::Changed, Some(wanted)) => {
            // A field handed over to istiod (a validator's `failurePolicy`) is istiod's now:
            // no drift, and never re-applied from here (that would fight istiod forever).
            let mut body = wanted.object().clone();
            let handed = crate::cluster::handover::hand_over(&mut body, live);
            match first_difference(&body, live) {
                None => Response::Nothing,
                Some(at) => {
                    tracing::debug!(object = %key, field = %at, "differs from what was applied");
                    if handed.is_empty() {
                        Response::Reapply(Box::new(wanted.clone()))
                    } else {
                        // The full reconcile applies it without the handed-over fields.
                        Response::Reconcile
                    }
                }
            }
        }
        // Labelled as ours but not rendered any more: the full reconcile prunes it.
        (Change::Changed, None) => Response::Reconcile,
    }
}

/// After a watch of one kind (`group`, `kind`) listed anew (it started, or its history was
/// compacted away while it was down), the objects of that kind a cached set holds that the list
/// did not have: deleted while nobody watched, so no deletion event will ever come. Returns each
/// with its owner `(namespace, name)`.
#[must_use]
pub fn missing_after_relist(
    group: &str,
    kind: &str,
    listed: &std::collections::BTreeSet<ObjectKey>,
    sets: &[((String, String), Arc<Rendered>)],
) -> Vec<((String, String), Manifest)> {
    sets.iter()
        .flat_map(|(owner, rendered)| {
            rendered
                .objects
                .iter()
                .filter(|(key, _)| key.group == group && key.kind == kind && !listed.contains(key))
                .filter_map(move |(_, wanted)| Some((owner.clone(), wanted.clone()?)))
        })
        .collect()
}

/// Whether every field `wanted` declares has that value in `live`. Fields only `live` has
/// (defaults, status, other managers' fields) do not count: server-side apply would leave them.
/// What the API server does to a value on the way in is not drift either, or every status update
/// of the object (each pod becoming ready) would re-apply it: an empty string, map or list it
/// omits (`env[].value: ""`), and a resource quantity it writes in canonical form (`2048Mi` is
/// stored as `2Gi`, `0.5` as `500m`).
#[must_use]
pub fn declared_fields_match(wanted: &Value, live: &Value) -> bool {
    first_difference(wanted, live).is_none()
}

/// The path of the first field `wanted` declares that `live` does not have with that value
/// (see [`declared_fields_match`]), e.g. `.spec.replicas`; `None` when there is none.
#[must_use]
pub fn first_difference(wanted: &Value, live: &Value) -> Option<String> {
    match (wanted, live) {
        (Value::Object(wanted), Value::Object(live)) => {
            wanted
                .iter()
                .filter(|(field, _)| field.as_str() != "status")
                .find_map(|(field, value)| {
                    // An empty value declared is the same as none.
                    if is_empty(value) && live.get(field).is_none_or(is_empty) {
                        return None;
                    }
                    match live.get(field) {
                        None => Some(format!(".{field}")),
                        Some(live) if QUANTITY_MAPS.contains(&field.as_str()) => {
                            quantities_differ(value, live).map(|at| format!(".{field}{at}"))
                        }
                        Some(live) => {
                            first_difference(value, live).map(|at| format!(".{field}{at}"))
                        }
                    }
                })
        }
        (Value::Array(wanted), Value::Array(live)) => {
            if wanted.len() != live.len() {
                return Some(String::new());
            }
            wanted
                .iter()
                .zip(live)
                .enumerate()
                .find_map(|(i, (wanted, live))| {
                    first_difference(wanted, live).map(|at| format!("[{i}]{at}"))
                })
        }
        (Value::Number(wanted), Value::Number(live)) => {
            let same =
                wanted == live || wanted.as_f64().is_some() && wanted.as_f64() == live.as_f64();
            (!same).then(String::new)
        }
        _ => (wanted != live).then(String::new),
    }
}

/// The maps whose values are resource quantities: a container's `resources.requests` and
/// `.limits`, a `ResourceQuota`'s `spec.hard`.
const QUANTITY_MAPS: [&str; 3] = ["requests", "limits", "hard"];

/// [`first_difference`] for a map of quantities, comparing each by its amount.
fn quantities_differ(wanted: &Value, live: &Value) -> Option<String> {
    let (Value::Object(wanted), Value::Object(live)) = (wanted, live) else {
        return first_difference(wanted, live);
    };
    wanted.iter().find_map(|(name, value)| {
        let same = match (value, live.get(name)) {
            (_, None) => false,
            (Value::String(a), Some(Value::String(b))) => {
                a == b || quantity(a).is_some_and(|a| quantity(b) == Some(a))
            }
            (a, Some(b)) => first_difference(a, b).is_none(),
        };
        (!same).then(|| format!(".{name}"))
    })
}

/// A Kubernetes quantity's amount (`500m` → 0.5, `2Gi` → 2147483648, `1e3` → 1000); `None` for
/// text that is not one.
fn quantity(text: &str) -> Option<f64> {
    const SUFFIXES: [(&str, f64); 13] = [
        ("Ki", 1024.0),
        ("Mi", 1_048_576.0),
        ("Gi", 1_073_741_824.0),
        ("Ti", 1_099_511_627_776.0),
        ("Pi", 1_125_899_906_842_624.0),
        ("Ei", 1_152_921_504_606_846_976.0),
        ("n", 1e-9),
        ("u", 1e-6),
        ("m", 1e-3),
        ("k", 1e3),
        ("M", 1e6),
        ("G", 1e9),
        ("T", 1e12),
    ];
    let text = text.trim();
    for (suffix, factor) in SUFFIXES {
        if let Some(number) = text.strip_suffix(suffix) {
            return number.parse::<f64>().ok().map(|n| n * factor);
        }
    }
    let number = text
        .strip_suffix('P')
        .map(|n| (n, 1e15))
        .or_else(|| text.strip_suffix('E').map(|n| (n, 1e18)));
    match number {
        Some((number, factor)) => number.parse::<f64>().ok().map(|n| n * factor),
        None => text.parse::<f64>().ok(),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Object(map) => map.is_empty(),
        Value::Array(list) => list.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::json;

    use super::*;
    use crate::render::ComponentName;

    fn deployment() -> Value {
        json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": { "name": "istiod", "namespace": "istio-system",
                          "labels": { "app": "istiod" } },
            "spec": { "replicas": 1, "template": { "spec": { "containers": [
                { "name": "discovery", "image": "docker.io/istio/pilot:1.31.0" } ] } } },
        })
    }

    fn config_map() -> Value {
        json!({
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": { "name": "istio", "namespace": "istio-system" },
            "data": { "mesh": "{}" },
        })
    }

    fn rendered() -> Rendered {
        Rendered::new(
            3,
            input_hash(&json!({ "profile": "minimal" })),
            &[
                Manifest::new(ComponentName::Pilot, deployment()),
                Manifest::new(ComponentName::Pilot, config_map()),
            ],
        )
    }

    /// The live object as the server returns it: server-set metadata, defaults, a status.
    fn as_served(mut object: Value) -> Value {
        object["metadata"]["uid"] = json!("1234");
        object["metadata"]["resourceVersion"] = json!("99");
        object["metadata"]["managedFields"] = json!([{ "manager": "meshctl" }]);
        if object["kind"] == "Deployment" {
            object["spec"]["strategy"] = json!({ "type": "RollingUpdate" });
            object["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"] =
                json!("IfNotPresent");
            object["status"] = json!({ "replicas": 1, "readyReplicas": 1 });
        }
        object
    }

    fn reapplied(response: Response) -> ObjectKey {
        match response {
            Response::Reapply(manifest) => ObjectKey::of(manifest.object()),
            other => panic!("expected a re-apply, got {other:?}"),
        }
    }

    #[test]
    fn a_deleted_object_is_re_applied_and_nothing_else() {
        let rendered = rendered();
        let live = as_served(deployment());
        let key = ObjectKey::of(&live);
        assert_eq!(
            reapplied(respond(Change::Deleted, &key, &live, Some(&rendered))),
            key
        );
        let live = as_served(config_map());
        let key = ObjectKey::of(&live);
        assert_eq!(
            reapplied(respond(Change::Deleted, &key, &live, Some(&rendered))),
            key
        );
    }

    #[test]
    fn a_changed_declared_field_is_re_applied() {
        let rendered = rendered();
        let mut live = as_served(deployment());
        live["spec"]["template"]["spec"]["containers"][0]["image"] = json!("example.invalid/x:1");
        let key = ObjectKey::of(&live);
        assert_eq!(
            reapplied(respond(Change::Changed, &key, &live, Some(&rendered))),
            key
        );
        let mut live = as_served(config_map());
        live["metadata"]["labels"] = json!({});
        live["data"]["mesh"] = json!("changed");
        assert!(matches!(
            respond(
                Change::Changed,
                &ObjectKey::of(&live),
                &live,
                Some(&rendered)
            ),
            Response::Reapply(_)
        ));
    }

    #[test]
    fn defaults_status_and_other_fields_are_not_drift() {
        let rendered = rendered();
        let mut live = as_served(deployment());
        live["status"]["readyReplicas"] = json!(0);
        live["metadata"]["annotations"] = json!({ "deployment.kubernetes.io/revision": "2" });
        let key = ObjectKey::of(&live);
        assert!(matches!(
            respond(Change::Changed, &key, &live, Some(&rendered)),
            Response::Nothing
        ));
    }

    #[test]
    fn what_the_api_server_does_to_a_value_on_the_way_in_is_not_drift() {
        let wanted = json!({"spec": {"containers": [{
            "env": [{"name": "PLATFORM", "value": ""}, {"name": "A", "value": "1"}],
            "resources": {"requests": {"cpu": "0.5", "memory": "2048Mi"},
                          "limits": {"memory": "1e3"}},
        }]}});
        let stored = json!({"spec": {"containers": [{
            "env": [{"name": "PLATFORM"}, {"name": "A", "value": "1"}],
            "resources": {"requests": {"cpu": "500m", "memory": "2Gi"},
                          "limits": {"memory": "1k"}},
        }]}});
        assert_eq!(first_difference(&wanted, &stored), None);
        // A real change still is drift, named by its path.
        let mut edited = stored.clone();
        edited["spec"]["containers"][0]["resources"]["requests"]["memory"] = json!("1Gi");
        assert_eq!(
            first_difference(&wanted, &edited).as_deref(),
            Some(".spec.containers[0].resources.requests.memory")
        );
        let mut edited = stored;
        edited["spec"]["containers"][0]["env"][0]["value"] = json!("gcp");
        assert_eq!(
            first_difference(&wanted, &edited).as_deref(),
            Some(".spec.containers[0].env[0].value")
        );
        // Quantities compare by amount only where quantities live.
        assert_eq!(
            first_difference(&json!({"value": "1k"}), &json!({"value": "1000"})).as_deref(),
            Some(".value")
        );
        assert_eq!(quantity("100m"), Some(0.1));
        assert_eq!(quantity("2Gi"), Some(2_147_483_648.0));
        assert_eq!(quantity("3E"), Some(3e18));
        assert_eq!(quantity("enabled"), None);
    }

    #[test]
    fn without_a_cached_set_the_owner_is_fully_reconciled() {
        let live = as_served(deployment());
        let key = ObjectKey::of(&live);
        for change in [Change::Changed, Change::Deleted] {
            assert!(matches!(
                respond(change, &key, &live, None),
                Response::Reconcile
            ));
        }
    }

    #[test]
    fn an_object_no_longer_rendered_is_left_to_the_full_reconcile() {
        let rendered = rendered();
        let mut live = as_served(deployment());
        live["metadata"]["name"] = json!("istio-egressgateway");
        let key = ObjectKey::of(&live);
        assert!(matches!(
            respond(Change::Changed, &key, &live, Some(&rendered)),
            Response::Reconcile
        ));
        assert!(matches!(
            respond(Change::Deleted, &key, &live, Some(&rendered)),
            Response::Nothing
        ));
    }

    #[test]
    fn a_crd_is_left_to_the_full_reconcile() {
        let crd = json!({
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": { "name": "gateways.networking.istio.io" },
            "spec": { "group": "networking.istio.io" },
        });
        let rendered = Rendered::new(1, 0, &[Manifest::new(ComponentName::Base, crd.clone())]);
        let key = ObjectKey::of(&crd);
        assert_eq!(rendered.objects.get(&key).map(Option::is_some), Some(false));
        assert!(matches!(
            respond(Change::Deleted, &key, &as_served(crd), Some(&rendered)),
            Response::Reconcile
        ));
    }

    #[test]
    fn an_object_being_deleted_waits_for_its_deletion() {
        let rendered = rendered();
        let mut live = as_served(deployment());
        live["metadata"]["deletionTimestamp"] = json!("2026-01-01T00:00:00Z");
        live["spec"]["replicas"] = json!(0);
        assert!(matches!(
            respond(
                Change::Changed,
                &ObjectKey::of(&live),
                &live,
                Some(&rendered)
            ),
            Response::Nothing
        ));
    }

    #[test]
    fn a_relist_finds_what_was_deleted_while_nobody_watched() {
        let owner = ("mesh-1".to_string(), "mesh".to_string());
        let sets = vec![(owner.clone(), Arc::new(rendered()))];
        let istiod = ObjectKey::of(&deployment());
        let missing = missing_after_relist("apps", "Deployment", &BTreeSet::new(), &sets);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, owner);
        assert_eq!(ObjectKey::of(missing[0].1.object()), istiod);
        let listed = BTreeSet::from([istiod]);
        assert!(missing_after_relist("apps", "Deployment", &listed, &sets).is_empty());
        // Another kind's list says nothing about Deployments.
        assert!(
            missing_after_relist("", "ConfigMap", &BTreeSet::new(), &sets).len() == 1,
            "only the ConfigMap is missing from an empty ConfigMap list"
        );
    }

    #[test]
    fn a_set_is_forgotten_when_its_resource_changes() {
        let cache = Cache::default();
        let input = input_hash(&json!({ "profile": "minimal" }));
        cache.insert("mesh-1", "mesh", rendered());
        cache.keep_only("mesh-1", "mesh", 3, input);
        assert!(
            cache.get("mesh-1", "mesh").is_some(),
            "same generation and input"
        );
        cache.keep_only("mesh-1", "mesh", 4, input);
        assert!(cache.get("mesh-1", "mesh").is_none(), "a new generation");
        cache.insert("mesh-1", "mesh", rendered());
        cache.keep_only(
            "mesh-1",
            "mesh",
            3,
            input_hash(&json!({ "profile": "default" })),
        );
        assert!(cache.get("mesh-1", "mesh").is_none(), "another input");
    }
}
