//! One file per subcommand: turn arguments into settings, call the pipeline, print the result.

mod completions;
mod create_remote_secret;
mod diff;
mod install;
mod manifest;
mod migrate;
mod operator;
mod precheck;
mod profile;
#[cfg(test)]
mod reference;
mod reporter;
mod tag;
mod uninstall;
mod validate;
mod verify;
mod version;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use meshctl::input::{self, Origin};
use meshctl::pipeline::Inputs;

use meshctl::cluster::client::{self, ClusterOptions, Connection};
use meshctl::cluster::discovery::Catalog;
use meshctl::manifest::Manifest;
use meshctl::pipeline;

use crate::output::Printer;
use crate::settings::{InputSettings, Settings};

/// Runs one resolved command.
pub fn run(settings: Settings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    match settings {
        Settings::ManifestGenerate(settings) => manifest::generate(&settings, printer),
        Settings::ProfileList => profile::list(printer),
        Settings::ProfileDump(settings) => profile::dump(&settings, printer),
        Settings::ProfileDiff(settings) => profile::diff(&settings, printer),
        Settings::Diff(settings) => diff::run(&settings, printer),
        Settings::Install(settings) => install::run(&settings, printer),
        Settings::Uninstall(settings) => uninstall::run(&settings, printer),
        Settings::VerifyInstall(settings) => verify::run(&settings, printer),
        Settings::Validate(settings) => validate::run(&settings, printer),
        Settings::OperatorInit(settings) => operator::init(&settings, printer),
        Settings::OperatorDump(settings) => operator::dump(&settings, printer),
        Settings::OperatorRemove(settings) => operator::remove(&settings, printer),
        Settings::OperatorRun(settings) => operator::run::run(&settings),
        Settings::CreateRemoteSecret(settings) => create_remote_secret::run(&settings, printer),
        Settings::Precheck(settings) => precheck::run(&settings, printer),
        Settings::TagSet(settings) => tag::set(&settings, false, printer),
        Settings::TagGenerate(settings) => tag::set(&settings, true, printer),
        Settings::TagList(settings) => tag::list(&settings, printer),
        Settings::TagRemove(settings) => tag::remove(&settings, printer),
        Settings::MigrateBanzai(settings) => migrate::banzai(&settings, printer),
        Settings::MigrateHelm(settings) => migrate::helm(&settings, printer),
        Settings::Completions(shell) => completions::print(shell, printer),
        Settings::Version(settings) => version::run(&settings, printer),
    }
}

/// What a command's exit code says (uv's `ExitStatus`). The codes are the command contract's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: done; for the commands that compare, nothing differs.
    Success,
    /// 1: the answer is "no" (`diff` found changes, `verify-install` found objects missing or
    /// not ready, `profile diff` found differences, a prompt was declined), or the command failed
    /// (bad input, a failed request) where the contract gives errors no code of their own.
    Failure,
    /// 2: the command failed, where 1 already means an answer (`diff`, as `diff(1)`).
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => Self::SUCCESS,
            ExitStatus::Failure => Self::from(1),
            ExitStatus::Error => Self::from(2),
        }
    }
}

/// A command that failed: the error, printed once with its cause chain (and its hint), and the
/// exit status it means. Any error becomes one with [`ExitStatus::Failure`]; a command whose
/// contract gives errors another code says so with [`CommandError::with_status`].
#[derive(Debug)]
pub struct CommandError {
    pub error: anyhow::Error,
    pub status: ExitStatus,
}

impl CommandError {
    #[must_use]
    pub fn with_status(self, status: ExitStatus) -> Self {
        Self { status, ..self }
    }

    /// Prints the error: its cause chain on one line (`{:#}`), then a `hint:` line when the fix
    /// is knowable.
    pub fn print(&self, printer: &mut Printer) {
        let _ = printer.error(&format!("{:#}", self.error));
        if let Some(hinted) = self.error.downcast_ref::<Hinted>() {
            let _ = printer.hint(&hinted.hint);
        } else if let Some(OwnedElsewhere(hinted)) = self.error.downcast_ref::<OwnedElsewhere>() {
            let _ = printer.hint(&hinted.hint);
        }
    }
}

// Not `std::error::Error`, so that any error converts into it with `?`.
impl<E: Into<anyhow::Error>> From<E> for CommandError {
    fn from(error: E) -> Self {
        Self {
            error: error.into(),
            status: ExitStatus::Failure,
        }
    }
}

/// Reads the `-f` files of the input into pipeline inputs, after its `--set` flags.
///
/// Each file goes through the one input parser ([`meshctl::input`]): bounded, checked on its own
/// first, so that an unknown field or a wrong type is reported with the file, line and column
/// where it was written.
pub fn read_inputs(args: &InputSettings, printer: &mut Printer) -> anyhow::Result<Inputs> {
    let mut inputs = Inputs {
        force: args.force,
        set_flags: args.set_flags.clone(),
        ..Inputs::default()
    };
    let stdin_count = args.filenames.iter().filter(|f| is_stdin(f)).count();
    if stdin_count > 1 {
        bail!("`-f -` (standard input) can be given only once");
    }
    for path in &args.filenames {
        let origin = if is_stdin(path) {
            Origin::Stdin
        } else {
            if input::waits_for_writer(path) {
                printer.status(&format!(
                    "note: `{}` is a FIFO: reading it until its writer closes it",
                    path.display()
                ))?;
            }
            Origin::Path(path)
        };
        let parsed = input::load(origin, args.limits, !args.force).map_err(|error| {
            let hint = error.hint();
            with_hint(error, hint)
        })?;
        for warning in &parsed.warnings {
            printer.warn(&warning.0)?;
        }
        inputs.origins.extend(parsed.origins);
        inputs.files.push(parsed.file);
    }
    if let Some(release) = args.istio_release {
        inputs.files.push(meshctl::merge::InputFile {
            source: meshctl::yaml::Source("--istio-release".into()),
            tree: meshctl::release::selection(release),
        });
    }
    Ok(inputs)
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
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

/// Reads, merges and renders the inputs (warnings printed), keeping the merged tree
/// (install-time decisions read it).
pub fn render_merged(
    args: &InputSettings,
    printer: &mut Printer,
) -> anyhow::Result<(pipeline::Merged, Vec<Manifest>)> {
    let inputs = read_inputs(args, printer)?;
    let merged = pipeline::merge(&inputs)?;
    for warning in &merged.warnings {
        printer.warn(&warning.0)?;
    }
    let manifests = pipeline::render(&merged)?;
    for warning in pipeline::unmatched_overlays(&merged, &manifests) {
        printer.warn(&warning.0)?;
    }
    Ok((merged, manifests))
}

/// Who else owns what `manifests` would write ([`meshctl::cluster::owners`]): refused, naming
/// each owner, its objects and the way out, unless `take_over_from` allows every one of them;
/// `--force` does not. Returns what was found, for the takeover.
pub async fn check_owners(
    catalog: &Catalog,
    manifests: &[Manifest],
    take_over_from: &[meshctl::cluster::owners::Controller],
    printer: &mut Printer,
) -> anyhow::Result<meshctl::cluster::owners::Foreign> {
    let foreign = meshctl::cluster::owners::find(
        catalog,
        manifests,
        &meshctl::cluster::owners::Releases::All,
    )
    .await
    .map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    if let Some(why) = &foreign.unchecked {
        printer.warn(why)?;
    }
    if let Some(refusal) = foreign.refusal(take_over_from) {
        let hint = refusal.hint();
        return Err(anyhow::Error::new(OwnedElsewhere(Hinted {
            message: refusal.to_string(),
            hint,
        })));
    }
    Ok(foreign)
}

/// The refusal of [`check_owners`]: exit 1 in every command (`diff` included, where errors are
/// 2: the answer is "this would take objects from another controller").
#[derive(Debug)]
pub struct OwnedElsewhere(pub Hinted);

impl std::fmt::Display for OwnedElsewhere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for OwnedElsewhere {}

/// Adds the injection labels of `meshctl.io/injection-namespaces` to a plan.
pub async fn plan_injection(
    catalog: &Catalog,
    merged: &pipeline::Merged,
    plan: &mut meshctl::cluster::diff::Plan,
) -> anyhow::Result<()> {
    use meshctl::cluster::injection;
    let revision = merged.tree["spec"]["revision"].as_str();
    let desired = injection::Desired::of(&merged.tree, revision)?;
    let injection_plan = injection::plan(catalog, &desired).await.map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    plan.injection = Some(injection_plan);
    Ok(())
}

/// Applies the injection part of a plan; returns how many namespaces changed.
pub async fn apply_injection(
    catalog: &Catalog,
    merged: &pipeline::Merged,
    plan: &meshctl::cluster::diff::Plan,
) -> anyhow::Result<usize> {
    use meshctl::cluster::injection;
    let Some(injection_plan) = plan.injection.as_ref().filter(|p| p.has_changes()) else {
        return Ok(0);
    };
    let revision = merged.tree["spec"]["revision"].as_str();
    let desired = injection::Desired::of(&merged.tree, revision)?;
    injection::apply(catalog, &desired, injection_plan)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })
}

/// What `install` adds to a render against this cluster (the default revision tag, the default
/// revision's injector deactivated), and the check for overlapping injectors: refused, unless
/// `warn_only` says why it is only a warning (`--force`, or a command that writes nothing).
pub async fn complete_install(
    catalog: &Catalog,
    merged: &pipeline::Merged,
    manifests: &mut Vec<Manifest>,
    warn_only: Option<&str>,
    printer: &mut Printer,
) -> anyhow::Result<meshctl::cluster::tags::InstallTags> {
    let tags = meshctl::cluster::tags::complete_install(catalog, &merged.tree, manifests)
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
    if let Some(why) = &tags.unchecked {
        printer.warn(&format!(
            "revision tags and overlapping injectors not checked: {why}"
        ))?;
    }
    if let Some(newer) = &tags.kept_crds {
        printer.status(&format!(
            "note: Istio's CRDs are left as they are: {newer}, and the CRDs every revision \
             shares are never downgraded"
        ))?;
    }
    if tags.overlaps.is_empty() {
        return Ok(tags);
    }
    let list: Vec<String> = tags.overlaps.iter().map(|o| format!("  - {o}")).collect();
    let message = format!(
        "injection webhooks would overlap after this install (a pod would be injected twice):\n{}",
        list.join("\n")
    );
    if let Some(why) = warn_only {
        printer.warn(&format!("{message}\n  {why}"))?;
        return Ok(tags);
    }
    Err(anyhow::Error::new(Hinted {
        message,
        hint:
            "remove or retarget the other injector (`meshctl tag list`, `meshctl tag remove TAG`, \
               `kubectl delete mutatingwebhookconfiguration NAME`), or pass `--force` to install \
               anyway; nothing was written"
                .into(),
    }))
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
pub async fn connect(options: &ClusterOptions) -> anyhow::Result<(Connection, Catalog)> {
    let connection = client::connect(options).await.map_err(|e| {
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
