//! Namespaces are only ever ensured: one that is missing is created, one that exists is left
//! exactly as it is (it may be the user's, holding their own things), and none is ever deleted
//! by an install or an uninstall. `install`, its plan and `operator init` all go through here.

use k8s_openapi::api::core::v1::Namespace;
use kube::api::{Api, PostParams};

use super::discovery::Catalog;
use super::{RequestFailed, is_conflict};

fn describe(name: &str) -> String {
    format!("Namespace `{name}`")
}

/// Whether namespace `name` exists.
pub async fn exists(catalog: &Catalog, name: &str) -> Result<bool, RequestFailed> {
    let api: Api<Namespace> = Api::all(catalog.client().clone());
    api.get_opt(name)
        .await
        .map(|n| n.is_some())
        .map_err(|error| {
            RequestFailed::new(
                "get",
                describe(name),
                catalog.request_error(error, "get", "namespaces", None),
            )
        })
}

/// The namespaces of `names` that do not exist, in the order given.
pub async fn missing<'a>(
    catalog: &Catalog,
    names: impl IntoIterator<Item = &'a String>,
) -> Result<Vec<String>, RequestFailed> {
    let mut missing = Vec::new();
    for name in names {
        if !exists(catalog, name).await? {
            missing.push(name.clone());
        }
    }
    Ok(missing)
}

/// Creates `namespace` (with whatever labels it carries); `false` when it already existed, in
/// which case it is not touched.
pub async fn create(catalog: &Catalog, namespace: &Namespace) -> Result<bool, RequestFailed> {
    let api: Api<Namespace> = Api::all(catalog.client().clone());
    match api.create(&PostParams::default(), namespace).await {
        Ok(_) => Ok(true),
        // Created meanwhile by someone else: it exists, which is all that was wanted.
        Err(error) if is_conflict(&error) => Ok(false),
        Err(error) => Err(RequestFailed::new(
            "create",
            describe(namespace.metadata.name.as_deref().unwrap_or_default()),
            catalog.request_error(error, "create", "namespaces", None),
        )),
    }
}

/// A namespace object named `name` without labels: what an install creates, so that uninstall
/// (which selects by labels) never takes it away.
#[must_use]
pub fn unlabelled(name: &str) -> Namespace {
    Namespace {
        metadata: kube::api::ObjectMeta {
            name: Some(name.to_string()),
            ..Default::default()
        },
        ..Default::default()
    }
}
