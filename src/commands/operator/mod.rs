//! `meshctl operator init | dump | remove`: put the in-cluster operator in place, show what
//! that applies, take it away. `operator run` (the controller itself) is in [`run`].
//!
//! `init` checks everything it can offline first — the flags, and every `-f` file through the
//! same read, merge and validation as `install` — so bad input is reported before a connection
//! is made and nothing is written. Like `kubectl apply` it does not ask for confirmation; it
//! lists what it applies and `--dry-run` stops after a server-side dry run.

pub mod run;

use meshctl::merge;
use meshctl::operator::deploy::{self, ApplyOptions};
use meshctl::operator::migrate;
use meshctl::pipeline;
use serde_json::Value;

use super::reporter::Progress;
use super::{
    CommandError, ExitStatus, confirm, connect, describe_cluster, read_inputs, runtime, with_hint,
};
use crate::output::Printer;
use crate::settings::{
    InputSettings, OperatorDumpSettings, OperatorInitSettings, OperatorRemoveSettings,
};

/// The `IstioOperator` resource from `-f`, if any files were given.
/// Refuses `operator init` when another controller owns the operator's objects or what the
/// `IstioOperator` would install (unless the resource's `meshctl.io/take-over-from` allows it,
/// as the operator will read it: never Helm, whose takeover is `meshctl migrate helm`).
async fn refuse_other_owners(
    catalog: &meshctl::cluster::discovery::Catalog,
    objects: &[Value],
    resource: Option<&Value>,
) -> anyhow::Result<()> {
    use meshctl::cluster::owners::{self, Controller};
    let mut all: Vec<Value> = objects.to_vec();
    let mut allowed = Vec::new();
    if let Some(resource) = resource {
        let annotations: std::collections::BTreeMap<String, String> =
            serde_json::from_value(resource["metadata"]["annotations"].clone()).unwrap_or_default();
        allowed = owners::take_over_annotation(&annotations).map_err(anyhow::Error::msg)?;
        allowed.retain(|c| *c != Controller::Helm);
        let inputs = pipeline::Inputs {
            files: vec![meshctl::merge::InputFile {
                source: meshctl::yaml::Source("the IstioOperator resource".into()),
                tree: resource.clone(),
            }],
            ..pipeline::Inputs::default()
        };
        let merged = pipeline::merge(&inputs)?;
        all.extend(
            pipeline::render(&merged)?
                .into_iter()
                .map(meshctl::manifest::Manifest::into_object),
        );
    }
    let refs: Vec<&Value> = all.iter().collect();
    let foreign = owners::find_objects(catalog, &refs, &owners::Releases::All)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
    match foreign.refusal(&allowed) {
        None => Ok(()),
        Some(refusal) => {
            let hint = refusal.hint();
            Err(anyhow::Error::new(super::OwnedElsewhere(super::Hinted {
                message: refusal.to_string(),
                hint,
            })))
        }
    }
}

fn resource(
    deployment: &deploy::Settings,
    files: &InputSettings,
    printer: &mut Printer,
) -> anyhow::Result<Option<Value>> {
    if files.filenames.is_empty() {
        return Ok(None);
    }
    // The same checks as `install`: each file on its own (file:line for a wrong field), then
    // the merged result with its profile. The operator would refuse what `install` refuses, so
    // the resource is not written at all.
    let inputs = read_inputs(files, printer)?;
    pipeline::merge(&inputs)?;
    // What goes to the cluster is the user's document as written (several files overlaid in
    // order), not the merged result: the operator merges it with its profile itself, and a
    // later profile change in meshctl then reaches the cluster as it would with `install`.
    let mut document = Value::Null;
    for file in &inputs.files {
        if document.is_null() {
            document = file.tree.clone();
        } else {
            merge::overlay(&mut document, file.tree.clone());
        }
    }
    let source_name = inputs
        .files
        .iter()
        .map(|f| f.source.0.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let resource =
        deploy::istio_operator_resource(&document, &source_name, deployment).map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
    Ok(Some(resource))
}

pub fn init(
    args: &OperatorInitSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    let settings = &args.deployment;
    let resource = resource(settings, &args.resource, printer)?;
    let objects = deploy::objects(settings);
    runtime()?.block_on(async {
        let (connection, mut catalog) = connect(&args.cluster).await?;
        let cluster = describe_cluster(&connection);
        let options = ApplyOptions {
            dry_run: args.dry_run,
            timeout: args.readiness_timeout,
        };
        let verb = if args.dry_run {
            "Dry run against"
        } else {
            "Applying to"
        };
        printer.status(&format!(
            "{verb} {cluster}: the operator ({} objects){}",
            objects.len(),
            resource.as_ref().map_or_else(String::new, |r| format!(
                " and {}",
                meshctl::cluster::ObjectKey::of(r)
            ))
        ))?;
        printer.flush()?;
        let reporter = Progress::new(false, false);
        let map_error = |e: deploy::DeployError| {
            let hint = e.hint();
            with_hint(e, hint)
        };
        if settings.hub == meshctl::operator::DEFAULT_HUB {
            // Said up front: otherwise the first sign is a readiness wait ending in
            // ImagePullBackOff.
            printer.warn(&format!(
                "no meshctl image is published at `{}` yet: unless you pushed one there, the \
                 operator's pod cannot pull it. Build and push it with `scripts/build-image \
                 --push REGISTRY/meshctl:{}`, then pass `--hub REGISTRY`",
                settings.image(),
                settings.tag
            ))?;
        }
        if settings.watch_banzai {
            // Two controllers on one Istio resource would fight: refused before anything is
            // written.
            let running = migrate::find_banzai_operators(&catalog)
                .await
                .map_err(map_error)?;
            if !running.is_empty() {
                return Err(map_error(deploy::DeployError::BanzaiOperatorRunning {
                    found: running,
                })
                .into());
            }
            if catalog
                .find_kind(
                    meshctl::operator::banzai::GROUP,
                    meshctl::operator::banzai::KIND,
                )
                .is_none()
            {
                printer.warn(&format!(
                    "--watch-banzai: the cluster does not serve Banzai's Istio resource (CRD `{}` \
                     is not installed); the operator reconciles IstioOperator resources only \
                     until it is installed and the operator restarted",
                    meshctl::operator::banzai::CRD_NAME
                ))?;
            }
        }
        // Another controller's objects, before anything is written: the operator's own (a Helm
        // chart of it, an Argo CD Application), and the mesh the resource would install (which
        // the operator would refuse on each reconcile).
        refuse_other_owners(&catalog, &objects, resource.as_ref()).await?;
        // Istio's own operator first: refused without consent, before anything is written.
        let found = migrate::find(&catalog, &settings.namespace)
            .await
            .map_err(map_error)?;
        if found.needs_replacing() && !args.replace_istio_operator {
            return Err(map_error(deploy::DeployError::IstioOperatorFound {
                found: found.describe(),
            })
            .into());
        }
        if found.needs_replacing() || found.foreign_crd {
            printer.status(&format!(
                "{} Istio's operator:",
                if args.dry_run {
                    "Would take over from"
                } else {
                    "Taking over from"
                }
            ))?;
            for line in found.describe() {
                printer.status(&format!("  {line}"))?;
            }
            printer.flush()?;
        }
        if !args.dry_run {
            let stopped = migrate::stop(&catalog, &found, args.readiness_timeout, &reporter)
                .await
                .map_err(map_error)?;
            if stopped > 0 {
                printer.status(&format!(
                    "✔ Istio's operator stopped and removed ({stopped} objects); the mesh it \
                     installed is untouched."
                ))?;
            }
            if found.foreign_crd {
                migrate::adopt_crd(&catalog).await.map_err(map_error)?;
                printer.status(&format!(
                    "✔ CustomResourceDefinition `{}` replaced by meshctl's (stored resources kept)",
                    meshctl::operator::CRD_NAME
                ))?;
            }
        }
        deploy::apply(&mut catalog, &objects, options, &reporter)
            .await
            .map_err(map_error)?;
        if !args.dry_run {
            for adopted in migrate::adopt_resources(&catalog, &found, settings)
                .await
                .map_err(map_error)?
            {
                if adopted.watched {
                    printer.status(&format!(
                        "✔ {} taken over: Istio's finalizer replaced by meshctl's",
                        adopted.resource
                    ))?;
                } else {
                    printer.warn(&format!(
                        "{} is in a namespace meshctl's operator does not watch: Istio's \
                         finalizer was removed so that deleting it is not held up, and nothing \
                         reconciles it (add its namespace with `--watchedNamespaces`)",
                        adopted.resource
                    ))?;
                }
            }
        }
        // Secrets access granted for an earlier takeover from Helm ends when it is no longer
        // asked for.
        let withdrawn = deploy::withdrawn_helm_grants(&catalog, settings)
            .await
            .map_err(map_error)?;
        if !withdrawn.is_empty() && !args.dry_run {
            meshctl::cluster::prune::delete(
                &catalog,
                &withdrawn,
                Some(args.readiness_timeout),
                &reporter,
            )
            .await
            .map_err(|e| map_error(deploy::DeployError::Remove(e)))?;
        }
        for key in &withdrawn {
            printer.status(&format!(
                "✔ {key} {} (`--take-over-helm-in` no longer names its namespace)",
                if args.dry_run {
                    "would be deleted"
                } else {
                    "deleted"
                }
            ))?;
        }
        if !args.dry_run {
            deploy::wait_ready(&catalog, settings, args.readiness_timeout, &reporter)
                .await
                .map_err(map_error)?;
            printer.status("✔ The operator is ready.")?;
        }
        if let Some(resource) = &resource {
            deploy::apply(
                &mut catalog,
                std::slice::from_ref(resource),
                options,
                &reporter,
            )
            .await
            .map_err(map_error)?;
        }
        if args.dry_run {
            printer.status("Dry run: nothing was written.")?;
            return Ok(ExitStatus::Success);
        }
        let namespace = resource.as_ref().map_or_else(
            || settings.watched_namespaces[0].clone(),
            |r| {
                r["metadata"]["namespace"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            },
        );
        match &resource {
            Some(_) => printer.status(&format!(
                "Next: watch the installation with `kubectl get iop -n {namespace} -w`"
            ))?,
            None => printer.status(&format!(
                "Next: apply an IstioOperator in `{namespace}` (`kubectl apply -f my-istio.yaml`) \
                 and watch it with `kubectl get iop -n {namespace} -w`"
            ))?,
        }
        Ok(ExitStatus::Success)
    })
}

pub fn dump(
    args: &OperatorDumpSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    let mut objects = deploy::objects(&args.deployment);
    objects.extend(resource(&args.deployment, &args.resource, printer)?);
    let mut out = String::new();
    for object in &objects {
        meshctl::yaml::write_value(&mut out, object);
        out.push_str("---\n");
    }
    printer.data(&out)?;
    Ok(ExitStatus::Success)
}

pub fn remove(
    args: &OperatorRemoveSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        let map_error = |e: deploy::DeployError| {
            let hint = e.hint();
            with_hint(e, hint)
        };
        let removal = deploy::find_installed(&catalog, &args.operator_namespace, args.purge)
            .await
            .map_err(map_error)?;
        let cluster = describe_cluster(&connection);
        if removal.is_empty() {
            printer.status(&format!(
                "Nothing to remove: no operator objects in {cluster}"
            ))?;
            return Ok(ExitStatus::Success);
        }
        printer.status(&format!(
            "Will remove {} objects from {cluster}:",
            removal.objects.len() + removal.purged.len()
        ))?;
        for key in removal.objects.iter().chain(&removal.purged) {
            printer.status(&format!("  delete  {key}"))?;
        }
        printer.status(
            "The mesh the operator installed stays (remove it with `meshctl uninstall`).",
        )?;
        if !args.purge && !removal.finalized.is_empty() {
            printer.warn(&format!(
                "{} IstioOperator resource(s) keep the operator's finalizer: deleting one \
                 waits until an operator runs again (`--purge` removes the finalizer and the CRD)",
                removal.finalized.len()
            ))?;
        }
        if !confirm(
            printer,
            args.yes,
            "Remove the operator?",
            "remove the operator",
        )? {
            printer.status("Cancelled: nothing was deleted.")?;
            return Ok(ExitStatus::Failure);
        }
        printer.flush()?;
        let reporter = Progress::new(printer.live_progress(), true);
        let deleted = deploy::remove(&catalog, &removal, args.timeout, &reporter)
            .await
            .map_err(map_error)?;
        printer.status(&format!("✔ Removed {deleted} objects."))?;
        Ok(ExitStatus::Success)
    })
}
