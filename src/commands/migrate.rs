//! `meshctl migrate banzai -f FILE`: the `IstioOperator` equivalent to a Banzai Cloud `Istio`
//! resource, for people moving their files to meshctl. The translation is the one `-f` uses
//! ([`meshctl::input::banzai`]); this command only prints it, warnings on standard error.

use meshctl::input::{self, Origin, banzai};
use meshctl::merge::InputFile;
use meshctl::pipeline::{self, Inputs, PipelineError};
use meshctl::yaml;

use super::{CommandError, ExitStatus, with_hint};
use crate::output::{OutputFile, Printer, write_file};
use crate::settings::MigrateBanzaiSettings;

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
