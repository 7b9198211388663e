//! `meshctl uninstall`: remove one revision (`-r`), what files install (`-f`), or everything
//! meshctl and istioctl manage, CRDs included (`--purge`). What is selected is the library's
//! decision ([`uninstall`]): by ownership labels, in the namespaces the input installs into;
//! deletion is foreground and waits until each object is gone. Namespaces are left in place.

use meshctl::cluster::prune;
use meshctl::cluster::uninstall::{self, Selection};
use meshctl::pipeline;

use super::reporter::Progress;
use super::{
    CommandError, ExitStatus, confirm, connect, describe_cluster, read_inputs, runtime, with_hint,
};
use crate::output::Printer;
use crate::settings::{InputSettings, UninstallSettings, UninstallTarget};

pub fn run(args: &UninstallSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let selection = match &args.target {
        UninstallTarget::Files(input) => {
            Selection::of_render(&super::render_inputs(input, printer)?)
        }
        // Without files, the input is the default profile: it says where the control plane is.
        UninstallTarget::Revision(revision) => Selection::revision(
            revision,
            &pipeline::merge(&read_inputs(&InputSettings::default(), printer)?)?,
        ),
        UninstallTarget::Purge => Selection::everything(&pipeline::merge(&read_inputs(
            &InputSettings::default(),
            printer,
        )?)?),
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
        let keys = found.objects;
        let cluster = describe_cluster(&connection);
        if keys.is_empty() {
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
        printer.status(&format!("✔ Removed {deleted} objects."))?;
        Ok(ExitStatus::Success)
    })
}
