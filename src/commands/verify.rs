//! `meshctl verify-install`: every rendered object present, every workload ready, right now (no
//! waiting). Lists what is not; exit 1 when anything is.

use meshctl::cluster::wait;

use super::{
    CommandError, ExitStatus, connect, describe_cluster, render_inputs, runtime, with_hint,
};
use crate::cli::PlanFormat;
use crate::output::Printer;
use crate::settings::PlanSettings;

pub fn run(args: &PlanSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let manifests = render_inputs(&args.input, printer)?;
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
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
                    "{mark} {cluster}: {} of {} rendered objects present, {} missing, {} not ready",
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
