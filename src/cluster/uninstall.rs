//! What `meshctl uninstall` removes: the live objects one [`Selection`] owns, found by ownership
//! labels per kind (never by name), in deletion order. Deleting them is [`prune::delete`].
//!
//! The kinds are every kind meshctl renders plus istioctl's prune list ([`prune::kinds_to_scan`]),
//! CRDs only for `--purge`. Namespaces are never selected: users keep their own things there.

use std::collections::BTreeSet;

use super::discovery::Catalog;
use super::prune::{self, PruneError};
use super::{ObjectKey, Ownership, RequestFailed};
use crate::manifest::Manifest;
use crate::multicluster::MULTICLUSTER_LABEL;
use crate::pipeline::Merged;
use kube::api::ListParams;

/// Which install to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub ownership: Ownership,
    /// CRDs too (and with them every Istio resource in the cluster): `--purge` only.
    pub include_crds: bool,
    /// The remote secrets (`istio/multiCluster=true`) in the namespaces below, through which
    /// this cluster's istiod reads other clusters: `--purge` only, since every revision's istiod
    /// reads them. They are this cluster's; nothing in the clusters they name is touched.
    pub remote_secrets: bool,
    /// Every revision tag too, also the ones `meshctl tag set` or `istioctl tag set` made (they
    /// carry no ownership labels): `--purge` only.
    pub include_tags: bool,
    /// Where to look, one namespace at a time, for namespaced kinds the user may not list
    /// cluster-wide: the namespaces the input installs into.
    pub namespaces: BTreeSet<String>,
}

impl Selection {
    /// What an install of `manifests` owns (`uninstall -f`): its revision and owning resource,
    /// in the namespaces it renders into.
    #[must_use]
    pub fn of_render(manifests: &[Manifest]) -> Self {
        Self {
            ownership: Ownership::of_render(manifests),
            include_crds: false,
            remote_secrets: false,
            include_tags: false,
            namespaces: manifests
                .iter()
                .filter_map(|m| m.namespace().map(str::to_string))
                .collect(),
        }
    }

    /// One revision's objects, whoever owns them (`uninstall -r`), in the namespace `input` (the
    /// merged input without files) installs into.
    #[must_use]
    pub fn revision(revision: &str, input: &Merged) -> Self {
        Self {
            ownership: Ownership::revision(revision),
            include_crds: false,
            remote_secrets: false,
            include_tags: false,
            namespaces: install_namespace(input),
        }
    }

    /// Everything meshctl or istioctl manages, CRDs included (`uninstall --purge`).
    #[must_use]
    pub fn everything(input: &Merged) -> Self {
        Self {
            ownership: Ownership::everything(),
            include_crds: true,
            remote_secrets: true,
            include_tags: true,
            namespaces: install_namespace(input),
        }
    }
}

/// The namespace a merged input installs its control plane into (`values.global.istioNamespace`,
/// which the merge copies to `metadata.namespace`).
fn install_namespace(input: &Merged) -> BTreeSet<String> {
    input.tree["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .into_iter()
        .collect()
}

/// The live objects a selection owns, and the kinds that could not be looked at.
#[derive(Debug, Default)]
pub struct Found {
    /// In deletion order ([`prune::sort_for_deletion`]).
    pub objects: Vec<ObjectKey>,
    /// `Kind (reason)` for every kind skipped, e.g. `Secret (forbidden to list)`.
    pub skipped_kinds: Vec<String>,
}

/// Lists what `selection` owns.
pub async fn find(catalog: &Catalog, selection: &Selection) -> Result<Found, PruneError> {
    let kinds = prune::kinds_to_scan(selection.include_crds);
    let owned =
        prune::list_owned(catalog, &kinds, &selection.ownership, &selection.namespaces).await?;
    let mut objects: Vec<ObjectKey> = owned.objects.iter().map(ObjectKey::of).collect();
    let mut skipped_kinds = owned.skipped_kinds;
    if selection.remote_secrets
        && let Some(secrets) = catalog.find_kind("", "Secret")
    {
        let params = ListParams::default().labels(&format!("{MULTICLUSTER_LABEL}=true"));
        for namespace in &selection.namespaces {
            match catalog.api(&secrets, Some(namespace)).list(&params).await {
                Ok(list) => objects.extend(list.items.iter().map(|secret| ObjectKey {
                    group: String::new(),
                    kind: "Secret".into(),
                    namespace: Some(namespace.clone()),
                    name: secret.metadata.name.clone().unwrap_or_default(),
                })),
                Err(error) => {
                    let error = catalog.request_error(error, "list", "secrets", Some(namespace));
                    if !error.is_forbidden() {
                        return Err(RequestFailed::new(
                            "list",
                            format!("remote secrets in namespace `{namespace}`"),
                            error,
                        )
                        .into());
                    }
                    skipped_kinds.push(format!(
                        "remote Secrets in `{namespace}` (forbidden to list)"
                    ));
                }
            }
        }
    }
    if selection.include_tags {
        for key in super::tags::tag_objects(catalog, None).await? {
            if !objects.contains(&key) {
                objects.push(key);
            }
        }
    }
    prune::sort_for_deletion(&mut objects);
    objects.dedup();
    Ok(Found {
        objects,
        skipped_kinds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::SetFlag;
    use crate::pipeline::{self, Inputs};

    fn merged(flags: &[&str]) -> Merged {
        let inputs = Inputs {
            set_flags: flags
                .iter()
                .map(|f| SetFlag::parse(f).expect("flag"))
                .collect(),
            ..Inputs::default()
        };
        pipeline::merge(&inputs).expect("merges")
    }

    #[test]
    fn a_revision_is_looked_for_where_the_input_installs() {
        let selection = Selection::revision("canary", &merged(&[]));
        assert_eq!(selection.ownership, Ownership::revision("canary"));
        assert_eq!(
            selection.namespaces,
            BTreeSet::from(["istio-system".into()])
        );
        assert!(!selection.include_crds);
        let elsewhere = merged(&["values.global.istioNamespace=mesh-system"]);
        assert_eq!(
            Selection::everything(&elsewhere).namespaces,
            BTreeSet::from(["mesh-system".into()])
        );
        assert!(Selection::everything(&elsewhere).include_crds);
        assert!(Selection::everything(&elsewhere).remote_secrets);
        assert!(!selection.remote_secrets);
    }

    #[test]
    fn a_render_is_looked_for_in_the_namespaces_it_renders_into() {
        let input = merged(&["values.global.istioNamespace=mesh-system"]);
        let manifests = pipeline::render(&input).expect("renders");
        let selection = Selection::of_render(&manifests);
        assert_eq!(selection.namespaces, BTreeSet::from(["mesh-system".into()]));
        assert_eq!(selection.ownership, Ownership::of_render(&manifests));
    }
}
