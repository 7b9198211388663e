//! `meshctl precheck`: what an install of the input would hit, asked of the cluster before
//! anything is written ([`meshctl::cluster::precheck`]). `install` runs the same checks first.

use meshctl::cluster::precheck::{self, Report, Severity};

use super::{CommandError, ExitStatus, connect, render_merged, runtime, with_hint};
use crate::cli::PlanFormat;
use crate::output::Printer;
use crate::settings::PlanSettings;

pub fn run(args: &PlanSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let (merged, manifests) = render_merged(&args.input, printer)?;
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        let report = precheck::run(
            &catalog,
            &connection.server_version,
            &merged.tree,
            &manifests,
            Some(&args.take_over_from),
        )
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        match args.format {
            PlanFormat::Json => {
                printer.data(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
            }
            PlanFormat::Text => print(printer, &report)?,
        }
        if report.failed() {
            return Ok(ExitStatus::Failure);
        }
        if args.format == PlanFormat::Text {
            printer.status("✔ No issues found: Istio can be installed or upgraded here.")?;
        }
        Ok(ExitStatus::Success)
    })
}

/// The findings on stderr, worst first, one per line.
pub fn print(printer: &mut Printer, report: &Report) -> anyhow::Result<()> {
    for finding in &report.findings {
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        printer.status(&format!(
            "  {level:7} [{}] {}",
            finding.check, finding.message
        ))?;
    }
    Ok(())
}
