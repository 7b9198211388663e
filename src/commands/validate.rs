//! `meshctl validate -f FILE...`: the checks of `manifest generate` without rendering, file by
//! file, every problem listed (istioctl's `validate` for `IstioOperator` files).

use meshctl::pipeline::{self, PipelineError};

use super::{CommandError, ExitStatus, read_inputs};
use crate::output::Printer;
use crate::settings::InputSettings;

pub fn run(args: &InputSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let mut invalid = 0;
    for path in &args.filenames {
        let name = path.display().to_string();
        let one = InputSettings {
            filenames: vec![path.clone()],
            ..args.clone()
        };
        // A file that cannot be read or parsed has one problem, already placed at file:line.
        let problems = match read_inputs(&one, printer) {
            Err(error) => vec![format!("{error:#}")],
            // The checks of `manifest generate`, render included (pipeline::check).
            Ok(inputs) => match pipeline::check(&inputs) {
                Ok(warnings) => {
                    for warning in &warnings {
                        printer.warn(&format!("{name}: {warning}"))?;
                    }
                    Vec::new()
                }
                Err(PipelineError::Invalid(error)) => error
                    .problems
                    .iter()
                    // A translated field's problem already names the file, at its line.
                    .map(|problem| {
                        if problem.starts_with(&name) {
                            problem.clone()
                        } else {
                            format!("{name}: {problem}")
                        }
                    })
                    .collect(),
                Err(other) => vec![format!("{name}: {:#}", anyhow::Error::new(other))],
            },
        };
        if problems.is_empty() {
            printer.data(&format!("{name}: valid\n"))?;
        } else {
            invalid += 1;
            for problem in &problems {
                printer.error(problem)?;
            }
        }
    }
    if invalid == 0 {
        Ok(ExitStatus::Success)
    } else {
        printer.status(&format!(
            "{invalid} of {} file(s) invalid",
            args.filenames.len()
        ))?;
        Ok(ExitStatus::Failure)
    }
}
