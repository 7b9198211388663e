//! One file per subcommand: turn arguments into settings, call the pipeline, print the result.

mod completions;
mod diff;
mod install;
mod manifest;
mod operator;
mod profile;
mod reporter;
mod uninstall;
mod verify;

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use meshctl::api::{self, IstioOperator};
use meshctl::merge::{InputFile, SetFlag};
use meshctl::pipeline::Inputs;
use meshctl::release;
use meshctl::yaml::{self, Source};

use meshctl::cluster::client::{self, ClusterOptions, Connection};
use meshctl::cluster::discovery::Catalog;
use meshctl::manifest::Manifest;
use meshctl::pipeline;

use crate::cli::{
    Cli, ClusterArgs, Command, InputArgs, ManifestCommand, OperatorCommand, ProfileCommand,
};
use crate::output::Printer;

/// Runs one parsed command line.
pub fn run(cli: Cli, printer: &mut Printer) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Manifest(ManifestCommand::Generate(args)) => manifest::generate(&args, printer),
        Command::Profile(ProfileCommand::List) => profile::list(printer),
        Command::Profile(ProfileCommand::Dump(args)) => profile::dump(&args, printer),
        Command::Profile(ProfileCommand::Diff(args)) => profile::diff(&args, printer),
        Command::Diff(args) => Ok(diff::run(&args, printer)),
        Command::Install(args) => install::run(&args, printer),
        Command::Uninstall(args) => uninstall::run(&args, printer),
        Command::VerifyInstall(args) => verify::run(&args, printer),
        Command::Operator(OperatorCommand::Init(args)) => operator::init(&args, printer),
        Command::Operator(OperatorCommand::Dump(args)) => operator::dump(&args, printer),
        Command::Operator(OperatorCommand::Remove(args)) => operator::remove(&args, printer),
        Command::Operator(OperatorCommand::Run(args)) => operator::run::run(&args, printer),
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

/// An error whose fix is knowable: `main` prints the message, then a `hint:` line.
#[derive(Debug)]
pub struct Hinted {
    /// The whole cause chain, already formatted.
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for Hinted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {}

/// Turns a library error into the CLI's error, with its hint when there is one.
pub fn with_hint<E>(error: E, hint: Option<String>) -> anyhow::Error
where
    E: std::error::Error + Send + Sync + 'static,
{
    match hint {
        Some(hint) => anyhow::Error::new(Hinted {
            message: format!("{:#}", anyhow::Error::new(error)),
            hint,
        }),
        None => anyhow::Error::new(error),
    }
}

/// Reads, merges (printing warnings) and renders the inputs.
pub fn render_inputs(args: &InputArgs, printer: &mut Printer) -> anyhow::Result<Vec<Manifest>> {
    let inputs = read_inputs(args)?;
    let merged = pipeline::merge(&inputs)?;
    for warning in &merged.warnings {
        printer.warn(&warning.0)?;
    }
    Ok(pipeline::render(&merged)?)
}

/// The async runtime the cluster commands run on: one thread is plenty, the work is waiting on
/// the API server.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Connects and discovers the API, or explains why not, before any other work.
pub async fn connect(args: &ClusterArgs) -> anyhow::Result<(Connection, Catalog)> {
    let options = ClusterOptions {
        kubeconfig: args.kubeconfig.clone(),
        context: args.context.clone(),
    };
    let connection = client::connect(&options).await.map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    let catalog = Catalog::discover(&connection.client)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?
        .with_server(&connection.server);
    Ok((connection, catalog))
}

/// `context `name` (server, Kubernetes version)` for plan headers.
pub fn describe_cluster(connection: &Connection) -> String {
    let context = connection
        .context
        .as_deref()
        .map_or_else(|| "in-cluster".to_string(), |c| format!("context `{c}`"));
    format!(
        "{context} ({}, Kubernetes {})",
        connection.server.trim_end_matches('/'),
        connection.server_version
    )
}

/// Asks before writing when a person is there; refuses without `-y` when nobody is.
pub fn confirm(
    printer: &mut Printer,
    yes: bool,
    question: &str,
    verb: &str,
) -> anyhow::Result<bool> {
    if yes {
        return Ok(true);
    }
    if !printer.can_prompt() {
        return Err(anyhow::Error::new(Hinted {
            message: format!(
                "refusing to {verb} without confirmation: standard input is not a terminal"
            ),
            hint: "pass `-y` to proceed without a prompt, or `--dry-run` to only see the plan"
                .into(),
        }));
    }
    Ok(printer.confirm(question)?)
}
