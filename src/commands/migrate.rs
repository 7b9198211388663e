//! `meshctl migrate banzai -f FILE`: the `IstioOperator` equivalent to a Banzai Cloud `Istio`
//! resource, for people moving their files to meshctl. The translation is the one `-f` uses
//! ([`meshctl::input::banzai`]); this command only prints it, warnings on standard error.
//!
//! `meshctl migrate helm`: the `IstioOperator`s equivalent to Istio's Helm releases in the
//! cluster ([`meshctl::input::helm`]), printed, then installed as `install --take-over-from helm`
//! installs (one per revision).

use std::time::Instant;

use meshctl::cluster::helm_release;
use meshctl::cluster::owners::Controller;
use meshctl::input::{self, Origin, banzai, helm};
use meshctl::merge::InputFile;
use meshctl::pipeline::{self, Inputs, PipelineError};
use meshctl::yaml::{self, Source};

use super::{CommandError, ExitStatus, connect, runtime, with_hint};
use crate::output::{OutputFile, Printer, write_file};
use crate::settings::{InputSettings, InstallSettings, MigrateBanzaiSettings, MigrateHelmSettings};

pub fn banzai(
    args: &MigrateBanzaiSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    let origin = if args.filename.as_os_str() == "-" {
        Origin::Stdin
    } else {
        Origin::Path(&args.filename)
    };
    let text = input::read(origin, args.limits).map_err(|error| {
        let hint = error.hint();
        with_hint(error, hint)
    })?;
    let translation = banzai::translate_text(&text, &origin.source(), args.limits)
        .map_err(input::InputError::from)?;
    for warning in &translation.warnings {
        printer.warn(&warning.0)?;
    }
    // What is written must be what meshctl itself accepts: the checks of `manifest generate`.
    let inputs = Inputs {
        files: vec![InputFile {
            source: origin.source(),
            tree: translation.operator.clone(),
        }],
        origins: input::origins(&origin.source(), &translation.origins, Some(&text)),
        ..Inputs::default()
    };
    pipeline::check(&inputs).map_err(|error| {
        // The problems without validation's own hint, which offers `--force` (migrate has none).
        let problems = match error {
            PipelineError::Invalid(invalid) => {
                invalid
                    .problems
                    .iter()
                    .fold(String::new(), |mut out, problem| {
                        out.push_str("\n  - ");
                        out.push_str(problem);
                        out
                    })
            }
            other => format!(" {:#}", anyhow::Error::new(other)),
        };
        with_hint(
            MigrateError {
                source_name: origin.source().to_string(),
                problems,
            },
            Some("fix the Banzai resource: meshctl writes only an IstioOperator it accepts".into()),
        )
    })?;
    let text = yaml::value_to_string(&translation.operator);
    match &args.output {
        None => printer.data(&text)?,
        Some(path) => write_file(
            &OutputFile {
                path,
                inputs: std::slice::from_ref(&args.filename),
                directory_hint: "`migrate banzai -o` writes one file: name the file, such as \
                                 `istio-operator.yaml`",
            },
            &text,
        )?,
    }
    Ok(ExitStatus::Success)
}

/// The translation of a Banzai resource that meshctl itself would refuse: nothing is written.
#[derive(Debug, thiserror::Error)]
#[error(
    "`{source_name}` translates into an IstioOperator meshctl refuses; nothing written:{problems}"
)]
struct MigrateError {
    source_name: String,
    problems: String,
}

/// `meshctl migrate helm`: Istio's Helm releases read from the cluster, printed as the
/// equivalent `IstioOperator`s, each installed with `--take-over-from helm` (its objects adopted,
/// then the releases' Secrets removed once it is ready).
pub fn helm(args: &MigrateHelmSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let translation = runtime()?.block_on(async {
        let (_, catalog) = connect(&args.cluster).await?;
        let releases = helm_release::read(&catalog, None).await.map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        let charts: Vec<helm::ChartRelease<'_>> = releases
            .iter()
            .map(|r| helm::ChartRelease {
                name: &r.name,
                namespace: &r.namespace,
                chart: &r.chart,
                config: &r.config,
            })
            .collect();
        anyhow::Ok(helm::translate(&charts))
    })?;
    for line in &translation.left {
        printer.warn(line)?;
    }
    if translation.operators.is_empty() {
        printer.status(
            "No Helm release of Istio's `istiod` chart in this cluster: nothing to take over.",
        )?;
        return Ok(ExitStatus::Success);
    }
    let text: Vec<String> = translation
        .operators
        .iter()
        .map(yaml::value_to_string)
        .collect();
    let text = text.join("---\n");
    match &args.output {
        None => printer.data(&text)?,
        Some(path) => write_file(
            &OutputFile {
                path,
                inputs: &[],
                directory_hint: "`migrate helm -o` writes one file: name the file, such as \
                                 `istio-operator.yaml`",
            },
            &text,
        )?,
    }
    let install = InstallSettings {
        input: InputSettings::default(),
        cluster: args.cluster.clone(),
        yes: args.yes,
        dry_run: args.dry_run,
        readiness_timeout: args.readiness_timeout,
        take_over_from: vec![Controller::Helm],
    };
    for operator in translation.operators {
        let source = Source(format!(
            "the IstioOperator of Helm release `{}/{}`",
            operator["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default(),
            operator["metadata"]["name"].as_str().unwrap_or_default()
        ));
        let parsed = input::from_tree(operator, source, true).map_err(|error| {
            let hint = error.hint();
            with_hint(error, hint)
        })?;
        for warning in &parsed.warnings {
            printer.warn(&warning.0)?;
        }
        let inputs = Inputs {
            files: vec![parsed.file],
            ..Inputs::default()
        };
        let merged = pipeline::merge(&inputs)?;
        for warning in &merged.warnings {
            printer.warn(&warning.0)?;
        }
        let manifests = pipeline::render(&merged)?;
        let status = super::install::install_rendered(
            &install,
            &merged,
            manifests,
            Instant::now(),
            printer,
        )?;
        if status != ExitStatus::Success {
            return Ok(status);
        }
    }
    Ok(ExitStatus::Success)
}
