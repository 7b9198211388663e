//! One file per subcommand: turn arguments into settings, call the pipeline, print the result.

mod completions;
mod manifest;
mod profile;

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use meshctl::api::{self, IstioOperator};
use meshctl::merge::{InputFile, SetFlag};
use meshctl::pipeline::Inputs;
use meshctl::release;
use meshctl::yaml::{self, Source};

use crate::cli::{Cli, Command, InputArgs, ManifestCommand, ProfileCommand};
use crate::output::Printer;

/// Runs one parsed command line.
pub fn run(cli: Cli, printer: &mut Printer) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Manifest(ManifestCommand::Generate(args)) => manifest::generate(&args, printer),
        Command::Profile(ProfileCommand::List) => profile::list(printer),
        Command::Profile(ProfileCommand::Dump(args)) => profile::dump(&args, printer),
        Command::Profile(ProfileCommand::Diff(args)) => profile::diff(&args, printer),
        Command::Completions(args) => completions::print(args.shell, printer),
        Command::Version => {
            printer.data(&format!(
                "meshctl {}\nistio {} ({})\n",
                env!("CARGO_PKG_VERSION"),
                release::ISTIO_VERSION,
                release::ISTIO_SOURCE
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads `-f` files and parses `--set` flags into pipeline inputs.
///
/// Each file is checked on its own first, so that an unknown field or a wrong type is reported
/// with the file, line and column where it was written.
pub fn read_inputs(args: &InputArgs) -> anyhow::Result<Inputs> {
    let mut inputs = Inputs {
        force: args.force,
        ..Inputs::default()
    };
    let stdin_count = args.filenames.iter().filter(|f| is_stdin(f)).count();
    if stdin_count > 1 {
        bail!("`-f -` (standard input) can be given only once");
    }
    for path in &args.filenames {
        let (text, source) = if is_stdin(path) {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading standard input")?;
            (text, Source("<stdin>".into()))
        } else {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading `{}`", path.display()))?;
            (text, Source(path.display().to_string()))
        };
        inputs
            .files
            .push(parse_input_file(&text, source, args.force)?);
    }
    for flag in &args.set {
        inputs.set_flags.push(SetFlag::parse(flag)?);
    }
    if let Some(revision) = args.revision.as_deref().filter(|r| *r != "default") {
        inputs
            .set_flags
            .push(SetFlag::parse(&format!("revision={revision}"))?);
    }
    Ok(inputs)
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Parses and checks one `-f` document.
fn parse_input_file(text: &str, source: Source, force: bool) -> anyhow::Result<InputFile> {
    let tree = yaml::parse_value(text, &source)?;
    if tree.is_null() {
        return Ok(InputFile { source, tree });
    }
    // The document's identity first: a ConfigMap passed by mistake should be called that, not
    // reported field by field.
    if let Some(kind) = tree
        .get("kind")
        .and_then(|k| k.as_str())
        .filter(|k| *k != api::KIND)
    {
        bail!("{source}: kind is `{kind}`, expected `{}`", api::KIND);
    }
    if let Some(version) = tree
        .get("apiVersion")
        .and_then(|v| v.as_str())
        .filter(|v| *v != api::API_VERSION)
    {
        bail!(
            "{source}: apiVersion is `{version}`, expected `{}`",
            api::API_VERSION
        );
    }
    if !force {
        yaml::parse_typed::<IstioOperator>(text, &source)?;
    }
    Ok(InputFile { source, tree })
}
