//! `meshctl verify-install`: every object `install` writes present, every workload ready, right
//! now (no waiting). Lists what is not; exit 1 when anything is. "What install writes" is the
//! render plus what install adds against this cluster: the default revision tag's objects.

use meshctl::cluster::wait;

use super::{
    CommandError, ExitStatus, connect, describe_cluster, render_merged, runtime, with_hint,
};
use crate::cli::PlanFormat;
use crate::output::Printer;
use crate::settings::PlanSettings;

pub fn run(args: &PlanSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let (merged, mut manifests) = render_merged(&args.input, printer)?;
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        // The same decision install made (its overlap check is install's business, not this).
        let tags = meshctl::cluster::tags::complete_install(&catalog, &merged.tree, &mut manifests)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        if let Some(why) = &tags.unchecked {
            printer.warn(&format!("the revision tag's objects not checked: {why}"))?;
        }
        let verification = wait::verify(&catalog, &manifests).await.map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        match args.format {
            PlanFormat::Json => {
                printer.data(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&verification)?
                ))?;
            }
            PlanFormat::Text => {
                for key in &verification.missing {
                    printer.data(&format!("missing    {key}\n"))?;
                }
                for entry in &verification.not_ready {
                    printer.data(&format!("not ready  {}: {}\n", entry.object, entry.reason))?;
                }
                let cluster = describe_cluster(&connection);
                let mark = if verification.is_complete() {
                    "✔"
                } else {
                    "✘"
                };
                printer.status(&format!(
                    "{mark} {cluster}: {} of {} installed objects present, {} missing, {} not ready",
                    verification.present,
                    manifests.len(),
                    verification.missing.len(),
                    verification.not_ready.len()
                ))?;
            }
        }
        Ok(if verification.is_complete() {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        })
    })
}
