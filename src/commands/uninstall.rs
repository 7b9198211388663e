//! `meshctl uninstall`: remove one revision (`-r`), what files install (`-f`), or everything
//! meshctl and istioctl manage, CRDs included (`--purge`). Selection is by ownership labels;
//! deletion is foreground and waits until each object is gone. Namespaces are left in place.

use std::collections::BTreeSet;
use std::process::ExitCode;

use meshctl::cluster::prune;
use meshctl::cluster::{ObjectKey, Ownership};
use meshctl::manifest::Manifest;

use super::reporter::Progress;
use super::{confirm, connect, describe_cluster, runtime, with_hint};
use crate::cli::{InputArgs, UninstallArgs};
use crate::output::Printer;

pub fn run(args: &UninstallArgs, printer: &mut Printer) -> anyhow::Result<ExitCode> {
    let rendered: Vec<Manifest> = if args.filenames.is_empty() {
        Vec::new()
    } else {
        let input = InputArgs {
            filenames: args.filenames.clone(),
            revision: args.revision.clone(),
            ..InputArgs::default()
        };
        super::render_inputs(&input, printer)?
    };
    let ownership = if args.purge {
        Ownership::everything()
    } else if !rendered.is_empty() {
        Ownership::of_render(&rendered)
    } else {
        Ownership::revision(args.revision.as_deref().unwrap_or("default"))
    };
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        let kinds = prune::kinds_to_scan(&rendered, args.purge);
        let mut namespaces: BTreeSet<String> = rendered
            .iter()
            .filter_map(|m| m.namespace().map(str::to_string))
            .collect();
        namespaces.insert("istio-system".into());
        let owned = prune::list_owned(&catalog, &kinds, &ownership, &namespaces)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        for kind in &owned.skipped_kinds {
            printer.warn(&format!("not checked: {kind}"))?;
        }
        let mut keys: Vec<ObjectKey> = owned.objects.iter().map(ObjectKey::of).collect();
        prune::sort_for_deletion(&mut keys);
        let cluster = describe_cluster(&connection);
        if keys.is_empty() {
            printer.status(&format!(
                "Nothing to remove: no objects in {cluster} match `{}`",
                ownership.label_selector()
            ))?;
            return Ok(ExitCode::SUCCESS);
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
            return Ok(ExitCode::SUCCESS);
        }
        if !confirm(printer, args.yes, "Delete these objects?", "uninstall")? {
            printer.status("Cancelled: nothing was deleted.")?;
            return Ok(ExitCode::FAILURE);
        }
        printer.flush()?;
        let reporter = Progress::new(printer.live_progress(), true);
        let deleted = prune::delete(&catalog, &keys, Some(args.timeout), &reporter)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        printer.status(&format!("✔ Removed {deleted} objects."))?;
        Ok(ExitCode::SUCCESS)
    })
}
