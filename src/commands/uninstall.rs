//! `meshctl uninstall`: remove one revision (`-r`), what files install (`-f`), or everything
//! meshctl and istioctl manage, CRDs included (`--purge`). What is selected is the library's
//! decision ([`uninstall`]): by ownership labels, in the namespaces the input installs into;
//! deletion is foreground and waits until each object is gone. Namespaces are left in place.

use meshctl::cluster::discovery::Catalog;
use meshctl::cluster::injection;
use meshctl::cluster::prune;
use meshctl::cluster::tags::{self, Landscape};
use meshctl::cluster::uninstall::{self, Selection};
use meshctl::pipeline;

use super::reporter::Progress;
use super::{
    CommandError, ExitStatus, Hinted, confirm, connect, describe_cluster, read_inputs, runtime,
    with_hint,
};
use crate::output::Printer;
use crate::settings::{InputSettings, UninstallSettings, UninstallTarget};

pub fn run(args: &UninstallSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let (selection, release) = match &args.target {
        UninstallTarget::Files(input) => {
            let (merged, manifests) = super::render_merged(input, printer)?;
            let revision = merged.tree["spec"]["revision"].as_str();
            let owner = injection::Desired::of(&merged.tree, revision)?.owner;
            (
                Selection::of_render(&manifests),
                injection::Release::Owner(owner),
            )
        }
        // Without files, the input is the default profile: it says where the control plane is.
        UninstallTarget::Revision(revision) => (
            Selection::revision(
                revision,
                &pipeline::merge(&read_inputs(&InputSettings::default(), printer)?)?,
            ),
            injection::Release::Revision(revision.clone()),
        ),
        UninstallTarget::Purge => (
            Selection::everything(&pipeline::merge(&read_inputs(
                &InputSettings::default(),
                printer,
            )?)?),
            injection::Release::Everything,
        ),
    };
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        let found = uninstall::find(&catalog, &selection).await.map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        for kind in &found.skipped_kinds {
            printer.warn(&format!("not checked: {kind}"))?;
        }
        if let UninstallTarget::Revision(revision) = &args.target {
            refuse_while_used(&catalog, revision, args.force, printer).await?;
        }
        let keys = found.objects;
        let cluster = describe_cluster(&connection);
        if keys.is_empty() {
            if !args.dry_run {
                release_labels(&catalog, &release, printer).await?;
            }
            printer.status(&format!(
                "Nothing to remove: no objects in {cluster} match `{}`",
                selection.ownership.label_selector()
            ))?;
            return Ok(ExitStatus::Success);
        }
        printer.status(&format!(
            "Will remove {} objects from {cluster}:",
            keys.len()
        ))?;
        for key in &keys {
            printer.status(&format!("  delete  {key}"))?;
        }
        if args.dry_run {
            printer.status("Dry run: nothing was deleted.")?;
            return Ok(ExitStatus::Success);
        }
        if !confirm(printer, args.yes, "Delete these objects?", "uninstall")? {
            printer.status("Cancelled: nothing was deleted.")?;
            return Ok(ExitStatus::Failure);
        }
        printer.flush()?;
        let reporter = Progress::new(printer.live_progress(), true);
        let deleted = prune::delete(&catalog, &keys, Some(args.timeout), &reporter)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        release_labels(&catalog, &release, printer).await?;
        printer.status(&format!("✔ Removed {deleted} objects."))?;
        Ok(ExitStatus::Success)
    })
}

/// Removes the injection labels meshctl set (`meshctl.io/injection-namespaces`), and says where.
async fn release_labels(
    catalog: &Catalog,
    release: &injection::Release,
    printer: &mut Printer,
) -> anyhow::Result<()> {
    let released = injection::release(catalog, release).await.map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    for name in released {
        printer.status(&format!(
            "  removed the injection label meshctl set on Namespace `{name}`"
        ))?;
    }
    Ok(())
}

/// How many users of a revision a refusal lists.
const SHOWN: usize = 20;

/// `uninstall -r REV` while namespaces or pods still use REV: refused (istioctl asks), listing
/// them, unless `--force`, which only warns.
async fn refuse_while_used(
    catalog: &Catalog,
    revision: &str,
    force: bool,
    printer: &mut Printer,
) -> anyhow::Result<()> {
    let istio_namespace = "istio-system";
    let landscape = Landscape::read(catalog, istio_namespace)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
    let users = tags::users_of_revision(catalog, &landscape, revision)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
    if users.is_empty() {
        return Ok(());
    }
    let mut lines: Vec<String> = users
        .iter()
        .take(SHOWN)
        .map(|u| format!("  - {u}"))
        .collect();
    if users.len() > SHOWN {
        lines.push(format!("  … and {} more", users.len() - SHOWN));
    }
    let message = format!(
        "revision `{revision}` is still in use ({} users); without it their proxies lose their \
         control plane and new pods are not injected:\n{}",
        users.len(),
        lines.join("\n")
    );
    if force {
        printer.warn(&format!(
            "{message}\n  removing it anyway because of --force"
        ))?;
        return Ok(());
    }
    Err(anyhow::Error::new(Hinted {
        message,
        hint: format!(
            "move them first: relabel the namespaces (`kubectl label namespace NS \
             istio.io/rev=NEW --overwrite`) or the tag (`meshctl tag set TAG --revision NEW \
             --overwrite`), restart their workloads, then uninstall; or pass `--force`. Nothing \
             was deleted from revision `{revision}`"
        ),
    }))
}
