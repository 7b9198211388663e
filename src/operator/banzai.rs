//! `operator run --watch-banzai`: Banzai Cloud's `Istio` resources (`istio.banzaicloud.io`), kept
//! installed through the ordinary `IstioOperator` path.
//!
//! For each Banzai `Istio` the controller keeps one `IstioOperator` of the same name and
//! namespace: the translation [`crate::input::banzai`] makes for `-f` files, server-side applied,
//! with an owner reference back to the Banzai resource. Everything after that — render, apply,
//! prune, the mTLS and injection annotations, the uninstall finalizer — is the `IstioOperator`
//! controller's, so the two kinds cannot drift apart. Changing the Banzai resource re-applies the
//! translation (an annotation that is no longer translated is dropped by server-side apply); the
//! `IstioOperator`'s status is mirrored into Banzai's status fields (`status.Status`,
//! `status.ErrorMessage`, capitalised as in Banzai's Go types) so that dashboards keep working.
//! Deleting the Banzai resource deletes its `IstioOperator` and holds Banzai's finalizer until
//! that one is gone, i.e. until the mesh is uninstalled.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use futures::future::{BoxFuture, Shared};
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, Patch, PatchParams,
};
use kube::runtime::controller::{Action, Config as ControllerConfig, Controller};
use kube::runtime::finalizer::{self, finalizer};
use kube::runtime::watcher;
use kube::{Client, ResourceExt};
use serde_json::{Value, json};

use super::controller::{chain, istio_operator_resource, resource_key};
use crate::cluster::is_not_found;
use crate::input::banzai as translate;
use crate::yaml::Source;

/// Banzai's API.
pub const GROUP: &str = "istio.banzaicloud.io";
pub const VERSION: &str = "v1beta1";
pub const KIND: &str = "Istio";
pub const PLURAL: &str = "istios";
/// `istios.istio.banzaicloud.io`, the CRD whose presence turns the Banzai side on.
pub const CRD_NAME: &str = "istios.istio.banzaicloud.io";
/// Held on a Banzai resource until its `IstioOperator` (and so the mesh) is gone.
pub const FINALIZER: &str = "istio.banzaicloud.io/meshctl-uninstall";
/// The finalizer Banzai's own operator put on its resources (misspelt as it is). Once that
/// operator is gone nothing would remove it, and deleting the resource would hang: the
/// controller replaces it with [`FINALIZER`].
pub const BANZAI_OPERATOR_FINALIZER: &str = "istio-operator.finializer.banzaicloud.io";
/// The field manager of the generated `IstioOperator`s' spec and metadata.
const FIELD_MANAGER: &str = "meshctl-banzai";
/// How soon a deletion still waiting for its `IstioOperator` to go is looked at again.
const RECHECK_DELETION: Duration = Duration::from_secs(2);
const RETRY_AFTER_ERROR: Duration = Duration::from_secs(10);

/// The Banzai `Istio` kind as an [`ApiResource`].
#[must_use]
pub fn banzai_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL)
}

/// Banzai's `ConfigState`: what `status.Status` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BanzaiState {
    Created,
    Reconciling,
    Available,
    ReconcileFailed,
    Unmanaged,
}

impl BanzaiState {
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Created => "Created",
            Self::Reconciling => "Reconciling",
            Self::Available => "Available",
            Self::ReconcileFailed => "ReconcileFailed",
            Self::Unmanaged => "Unmanaged",
        }
    }

    /// Banzai's word for an `IstioOperator`'s `status.status` (Istio's `InstallStatus`).
    #[must_use]
    pub fn of_operator_status(status: Option<&str>) -> Self {
        match status {
            Some("HEALTHY") => Self::Available,
            Some("ERROR") => Self::ReconcileFailed,
            Some("RECONCILING" | "UPDATING") => Self::Reconciling,
            _ => Self::Created,
        }
    }
}

/// The `IstioOperator` that stands for a Banzai resource: the translation, named and placed as
/// the Banzai resource is, owned by it.
pub fn operator_for(resource: &DynamicObject) -> Result<Value, String> {
    let name = resource.name_any();
    let namespace = resource.namespace().unwrap_or_default();
    let tree = json!({
        "apiVersion": format!("{GROUP}/{VERSION}"),
        "kind": KIND,
        "metadata": { "name": name, "namespace": namespace },
        "spec": resource.data.get("spec").cloned().unwrap_or_else(|| json!({})),
    });
    let source = Source(format!("Istio `{namespace}/{name}`"));
    let translation = translate::translate_value(&tree, &source).map_err(|e| e.to_string())?;
    for warning in &translation.warnings {
        tracing::warn!(resource = %format!("{namespace}/{name}"), "{}", warning.0);
    }
    let mut operator = translation.operator;
    operator["metadata"]["ownerReferences"] = json!([{
        "apiVersion": format!("{GROUP}/{VERSION}"),
        "kind": KIND,
        "name": name,
        "uid": resource.uid().unwrap_or_default(),
        "controller": true,
        // No `blockOwnerDeletion`: where the API server enforces owner-reference permissions
        // it would need `update` on `istios/finalizers`, and nothing here deletes in the
        // foreground; the Banzai finalizer already holds the resource until its
        // `IstioOperator` is gone.
    }]);
    Ok(operator)
}

#[derive(Debug, thiserror::Error)]
pub enum BanzaiReconcileError {
    #[error("{action} IstioOperator `{resource}`")]
    Operator {
        action: &'static str,
        resource: String,
        #[source]
        source: kube::Error,
    },
    #[error("writing the status of Istio `{resource}`")]
    Status {
        resource: String,
        #[source]
        source: kube::Error,
    },
    #[error("replacing the finalizer of Banzai's operator on Istio `{resource}`")]
    Takeover {
        resource: String,
        #[source]
        source: kube::Error,
    },
    #[error("Istio `{0}` is waiting for its IstioOperator to be uninstalled")]
    StillUninstalling(String),
    #[error("Istio `{0}` has no namespace")]
    Unnamed(String),
    #[error("the finalizer of Istio `{resource}`")]
    Finalizer {
        resource: String,
        #[source]
        source: Box<finalizer::Error<BanzaiReconcileError>>,
    },
}

struct Context {
    client: Client,
    banzai: ApiResource,
    operator: ApiResource,
}

/// Runs one Banzai controller per watched namespace until `shutdown`. The caller has checked
/// that the cluster serves the Banzai CRD. `watches` is the client of its watches (without the
/// CLI's read timeout, see [`crate::cluster::client::Connection::watch_client`]).
pub async fn run(
    client: Client,
    watches: Client,
    namespaces: Vec<String>,
    shutdown: Shared<BoxFuture<'static, ()>>,
) {
    let context = Arc::new(Context {
        client: client.clone(),
        banzai: banzai_resource(),
        operator: istio_operator_resource(),
    });
    let controllers = namespaces.into_iter().map(|namespace| {
        let context = Arc::clone(&context);
        let shutdown = shutdown.clone();
        let watches = watches.clone();
        async move {
            let banzai: Api<DynamicObject> =
                Api::namespaced_with(watches.clone(), &namespace, &context.banzai);
            let operators: Api<DynamicObject> =
                Api::namespaced_with(watches, &namespace, &context.operator);
            tracing::info!(%namespace, "watching Banzai Istio resources");
            let mut results = Controller::new_with(
                banzai,
                watcher::Config::default(),
                context.banzai.clone(),
            )
            .owns_with(operators, context.operator.clone(), watcher::Config::default())
            .with_config(ControllerConfig::default().concurrency(1))
            .graceful_shutdown_on(shutdown)
            .run(reconcile, error_policy, Arc::clone(&context))
            .boxed();
            while let Some(result) = results.next().await {
                match result {
                    Ok(_) | Err(kube::runtime::controller::Error::ObjectNotFound(_)) => {}
                    Err(kube::runtime::controller::Error::ReconcilerFailed(error, object)) => {
                        tracing::warn!(resource = %object, error = %chain(&error), "Banzai reconcile failed");
                    }
                    Err(error) => tracing::warn!(error = %chain(&error), "Banzai controller"),
                }
            }
        }
    });
    futures::future::join_all(controllers).await;
}

async fn reconcile(
    resource: Arc<DynamicObject>,
    context: Arc<Context>,
) -> Result<Action, BanzaiReconcileError> {
    let key = resource_key(&resource);
    let namespace = resource
        .namespace()
        .ok_or_else(|| BanzaiReconcileError::Unnamed(key.clone()))?;
    let banzai: Api<DynamicObject> =
        Api::namespaced_with(context.client.clone(), &namespace, &context.banzai);
    let operators: Api<DynamicObject> =
        Api::namespaced_with(context.client.clone(), &namespace, &context.operator);
    if take_over_finalizer(&banzai, &resource).await? {
        // The change wakes this resource again, with the finalizers as they are now.
        return Ok(Action::requeue(Duration::from_secs(1)));
    }
    finalizer(&banzai, FINALIZER, resource, |event| async {
        match event {
            finalizer::Event::Apply(resource) => apply(&resource, &banzai, &operators).await,
            finalizer::Event::Cleanup(resource) => cleanup(&resource, &banzai, &operators).await,
        }
    })
    .await
    .map_err(|source| BanzaiReconcileError::Finalizer {
        resource: key,
        source: Box::new(source),
    })
}

/// Replaces the finalizer of Banzai's operator with meshctl's ([`finalizer_takeover`]), in one
/// patch that fails if the list changed meanwhile. `true` when it patched.
async fn take_over_finalizer(
    banzai: &Api<DynamicObject>,
    resource: &DynamicObject,
) -> Result<bool, BanzaiReconcileError> {
    let Some(patch) = finalizer_takeover(resource) else {
        return Ok(false);
    };
    let key = resource_key(resource);
    tracing::info!(resource = %key, "replacing the finalizer Banzai's operator left with meshctl's");
    match banzai
        .patch(
            &resource.name_any(),
            &PatchParams::default(),
            &Patch::<()>::Json(patch),
        )
        .await
    {
        Ok(_) => Ok(true),
        Err(error) if is_not_found(&error) => Ok(true),
        Err(source) => Err(BanzaiReconcileError::Takeover {
            resource: key,
            source,
        }),
    }
}

/// The JSON patch that removes [`BANZAI_OPERATOR_FINALIZER`] and, on a resource that is not
/// being deleted, puts [`FINALIZER`] in its place (so there is no moment without one). On a
/// resource being deleted without ours, its `IstioOperator` goes by garbage collection once the
/// resource is gone, and that one's own finalizer uninstalls the mesh.
fn finalizer_takeover(resource: &DynamicObject) -> Option<json_patch::Patch> {
    let finalizers = &resource.metadata.finalizers;
    let index = finalizers
        .iter()
        .flatten()
        .position(|f| f == BANZAI_OPERATOR_FINALIZER)?;
    let ours = finalizers.iter().flatten().any(|f| f == FINALIZER);
    let deleting = resource.metadata.deletion_timestamp.is_some();
    let path = format!("/metadata/finalizers/{index}");
    let mut operations =
        vec![json!({"op": "test", "path": path, "value": BANZAI_OPERATOR_FINALIZER})];
    operations.push(if ours || deleting {
        json!({"op": "remove", "path": path})
    } else {
        json!({"op": "replace", "path": path, "value": FINALIZER})
    });
    serde_json::from_value(Value::Array(operations)).ok()
}

#[allow(clippy::needless_pass_by_value)] // kube-runtime's signature
fn error_policy(
    resource: Arc<DynamicObject>,
    error: &BanzaiReconcileError,
    _context: Arc<Context>,
) -> Action {
    if matches!(error, BanzaiReconcileError::Finalizer { source, .. }
        if matches!(**source, finalizer::Error::CleanupFailed(BanzaiReconcileError::StillUninstalling(_))))
    {
        return Action::requeue(RECHECK_DELETION);
    }
    tracing::warn!(resource = %resource_key(&resource), error = %chain(error), "will retry in {}s", RETRY_AFTER_ERROR.as_secs());
    Action::requeue(RETRY_AFTER_ERROR)
}

/// Applies the translation and mirrors the `IstioOperator`'s status.
async fn apply(
    resource: &DynamicObject,
    banzai: &Api<DynamicObject>,
    operators: &Api<DynamicObject>,
) -> Result<Action, BanzaiReconcileError> {
    let key = resource_key(resource);
    let name = resource.name_any();
    let operator = match operator_for(resource) {
        Ok(operator) => operator,
        Err(message) => {
            tracing::warn!(resource = %key, %message, "invalid; nothing applied");
            write_status(
                banzai,
                resource,
                BanzaiState::ReconcileFailed,
                &format!("invalid Istio resource, nothing applied: {message}"),
            )
            .await?;
            return Ok(Action::await_change());
        }
    };
    // An IstioOperator of this name that is not this resource's is the user's: left alone.
    let existing =
        operators
            .get_opt(&name)
            .await
            .map_err(|source| BanzaiReconcileError::Operator {
                action: "reading",
                resource: key.clone(),
                source,
            })?;
    if let Some(existing) = &existing
        && !existing
            .owner_references()
            .iter()
            .any(|r| Some(&r.uid) == resource.uid().as_ref())
    {
        let message = format!(
            "IstioOperator `{key}` exists and was not made from this resource; rename one of them"
        );
        tracing::warn!(resource = %key, "{message}");
        write_status(banzai, resource, BanzaiState::ReconcileFailed, &message).await?;
        return Ok(Action::await_change());
    }
    let applied = operators
        .patch(
            &name,
            &PatchParams::apply(FIELD_MANAGER).force(),
            &Patch::Apply(&operator),
        )
        .await;
    let applied = match applied {
        Ok(applied) => applied,
        Err(source) => {
            let error = BanzaiReconcileError::Operator {
                action: "applying",
                resource: key.clone(),
                source,
            };
            // As Banzai's operator did: the failure in the resource's own status, for
            // dashboards; the retry follows through the error policy either way.
            if let Err(status_error) = write_status(
                banzai,
                resource,
                BanzaiState::ReconcileFailed,
                &chain(&error),
            )
            .await
            {
                tracing::warn!(resource = %key, error = %chain(&status_error), "writing status");
            }
            return Err(error);
        }
    };
    let status = applied.data.get("status");
    let state = BanzaiState::of_operator_status(
        status.and_then(|s| s.get("status")).and_then(Value::as_str),
    );
    let message = if state == BanzaiState::ReconcileFailed {
        status
            .and_then(|s| s.get("message"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    } else {
        String::new()
    };
    write_status(banzai, resource, state, &message).await?;
    // The IstioOperator's status changes wake this resource (it is owned); the requeue is a
    // safety net only.
    Ok(Action::requeue(Duration::from_secs(300)))
}

/// Deletes the `IstioOperator`; the finalizer stays until it is gone (its own finalizer
/// uninstalls the mesh first).
async fn cleanup(
    resource: &DynamicObject,
    banzai: &Api<DynamicObject>,
    operators: &Api<DynamicObject>,
) -> Result<Action, BanzaiReconcileError> {
    let key = resource_key(resource);
    let name = resource.name_any();
    match operators.get_opt(&name).await {
        Ok(None) => {
            tracing::info!(resource = %key, "IstioOperator gone; releasing the finalizer");
            return Ok(Action::await_change());
        }
        Ok(Some(existing))
            if !existing
                .owner_references()
                .iter()
                .any(|r| Some(&r.uid) == resource.uid().as_ref()) =>
        {
            // Not ours: nothing to uninstall on this resource's behalf.
            return Ok(Action::await_change());
        }
        Ok(Some(existing)) => {
            if existing.metadata.deletion_timestamp.is_none() {
                tracing::info!(resource = %key, "deleting its IstioOperator, which uninstalls the mesh");
                write_status(banzai, resource, BanzaiState::Reconciling, "uninstalling").await?;
                if let Err(source) = operators.delete(&name, &DeleteParams::default()).await
                    && !is_not_found(&source)
                {
                    return Err(BanzaiReconcileError::Operator {
                        action: "deleting",
                        resource: key,
                        source,
                    });
                }
            }
        }
        Err(source) => {
            return Err(BanzaiReconcileError::Operator {
                action: "reading",
                resource: key,
                source,
            });
        }
    }
    Err(BanzaiReconcileError::StillUninstalling(key))
}

/// Writes Banzai's two status fields unless they already say this.
async fn write_status(
    banzai: &Api<DynamicObject>,
    resource: &DynamicObject,
    state: BanzaiState,
    message: &str,
) -> Result<(), BanzaiReconcileError> {
    let current = resource.data.get("status");
    let same = current
        .and_then(|s| s.get("Status"))
        .and_then(Value::as_str)
        == Some(state.word())
        && current
            .and_then(|s| s.get("ErrorMessage"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            == message;
    if same {
        return Ok(());
    }
    let body = json!({ "status": { "Status": state.word(), "ErrorMessage": message } });
    match banzai
        .patch_status(
            &resource.name_any(),
            &PatchParams::default(),
            &Patch::Merge(&body),
        )
        .await
    {
        Ok(_) => Ok(()),
        Err(error) if is_not_found(&error) => Ok(()),
        Err(source) => Err(BanzaiReconcileError::Status {
            resource: resource_key(resource),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(spec: &Value) -> DynamicObject {
        let mut object = DynamicObject::new("mesh", &banzai_resource()).within("istio-system");
        object.metadata.uid = Some("u-1".into());
        object.data = json!({ "spec": spec.clone(), "status": { "Status": "Available" } });
        object
    }

    #[test]
    fn the_operator_is_the_translation_owned_by_the_banzai_resource() {
        let operator = operator_for(&resource(&json!({
            "mtls": true,
            "autoInjectionNamespaces": ["shop"],
        })))
        .expect("translates");
        assert_eq!(operator["kind"], "IstioOperator");
        assert_eq!(operator["metadata"]["name"], "mesh");
        assert_eq!(operator["metadata"]["namespace"], "istio-system");
        assert_eq!(
            operator["metadata"]["annotations"][translate::MTLS_ANNOTATION],
            "STRICT"
        );
        assert_eq!(
            operator["metadata"]["annotations"][translate::INJECTION_ANNOTATION],
            "shop"
        );
        let owner = &operator["metadata"]["ownerReferences"][0];
        assert_eq!(owner["kind"], "Istio");
        assert_eq!(owner["uid"], "u-1");
        assert_eq!(owner["controller"], true);
        // The status of the Banzai resource is not input.
        assert!(operator.get("status").is_none());
    }

    #[test]
    fn switching_mtls_off_changes_the_annotation() {
        let on = operator_for(&resource(&json!({ "mtls": true }))).expect("translates");
        let off = operator_for(&resource(&json!({ "mtls": false }))).expect("translates");
        assert_eq!(
            on["metadata"]["annotations"][translate::MTLS_ANNOTATION],
            "STRICT"
        );
        assert_eq!(
            off["metadata"]["annotations"][translate::MTLS_ANNOTATION],
            "PERMISSIVE"
        );
    }

    #[test]
    fn a_live_resource_with_a_wrong_type_is_refused_with_the_field() {
        let error = operator_for(&resource(&json!({ "mtls": "yes" }))).expect_err("refused");
        assert!(error.contains("spec.mtls"), "{error}");
        assert!(error.contains("istio-system/mesh"), "{error}");
    }

    fn finalizers_after(finalizers: &[&str], deleting: bool) -> Option<Vec<String>> {
        let mut object = resource(&json!({}));
        object.metadata.finalizers = Some(finalizers.iter().map(ToString::to_string).collect());
        if deleting {
            object.metadata.deletion_timestamp =
                Some(k8s_openapi::apimachinery::pkg::apis::meta::v1::Time(
                    k8s_openapi::jiff::Timestamp::UNIX_EPOCH,
                ));
        }
        let patch = finalizer_takeover(&object)?;
        let mut value = serde_json::to_value(&object).expect("serialises");
        json_patch::patch(&mut value, &patch).expect("the patch applies");
        Some(
            serde_json::from_value(value["metadata"]["finalizers"].clone())
                .expect("a list of strings"),
        )
    }

    #[test]
    fn banzais_finalizer_is_replaced_by_ours_in_place() {
        assert_eq!(
            finalizers_after(&["other", BANZAI_OPERATOR_FINALIZER], false),
            Some(vec!["other".to_string(), FINALIZER.to_string()])
        );
        // Ours is there already: Banzai's just goes.
        assert_eq!(
            finalizers_after(&[BANZAI_OPERATOR_FINALIZER, FINALIZER], false),
            Some(vec![FINALIZER.to_string()])
        );
        // Being deleted: removed, ours not added (the API server refuses new finalizers then).
        assert_eq!(
            finalizers_after(&[BANZAI_OPERATOR_FINALIZER], true),
            Some(Vec::new())
        );
        // Nothing of Banzai's: no patch at all.
        assert_eq!(finalizers_after(&[FINALIZER], false), None);
    }

    #[test]
    fn istio_operator_states_map_to_banzai_states() {
        use BanzaiState::*;
        for (status, state) in [
            (Some("HEALTHY"), Available),
            (Some("ERROR"), ReconcileFailed),
            (Some("UPDATING"), Reconciling),
            (Some("RECONCILING"), Reconciling),
            (None, Created),
        ] {
            assert_eq!(BanzaiState::of_operator_status(status), state, "{status:?}");
        }
        assert_eq!(ReconcileFailed.word(), "ReconcileFailed");
        assert_eq!(Unmanaged.word(), "Unmanaged");
    }
}
