//! What each command runs with, resolved once from the command line.
//!
//! clap parses into plain data ([`crate::cli`]); [`Settings::resolve`] turns that into one
//! settings value per command, checking everything that can be checked without reading a file
//! or asking the cluster (the `--set` syntax, the operator's names and image). Commands take
//! settings, never clap structs.
//!
//! Every args struct is destructured field by field, without `..`: a flag added to [`crate::cli`]
//! does not compile until it is resolved here, and a resolved field no command reads is dead
//! code, which the lints refuse. A flag that a command accepts but deliberately ignores is bound
//! to `_` with the reason next to it. (uv's `settings.rs`; ripgrep's low → high args.)

use std::path::PathBuf;
use std::time::Duration;

use meshctl::cluster::client::ClusterOptions;
use meshctl::cluster::owners::Controller;
use meshctl::merge::SetFlag;
use meshctl::multicluster::{self, RemoteSecretOptions, SecretType};
use meshctl::operator::deploy;
use meshctl::yaml::Limits;

pub use crate::cli::ListFormat;
use crate::cli::{
    Cli, ClusterArgs, Command, CompletionsArgs, CreateRemoteSecretArgs, DiffArgs, DumpArgs,
    DumpFormat, GenerateArgs, InputArgs, InstallArgs, IstioNamespaceArgs, ManifestCommand,
    MigrateBanzaiArgs, MigrateCommand, MigrateHelmArgs, OperatorCommand, OperatorInitArgs,
    OperatorRemoveArgs, OperatorRunArgs, OtherController, PlanArgs, PlanFormat, ProfileCommand,
    RemoteSecretType, Shell, TagCommand, TagListArgs, TagRemoveArgs, TagSetArgs, TakeOverArgs,
    UninstallArgs, ValidateArgs,
};
use crate::commands::{CommandError, ExitStatus, with_hint};

/// One command, ready to run.
pub enum Settings {
    ManifestGenerate(GenerateSettings),
    ProfileList,
    ProfileDump(DumpSettings),
    ProfileDiff(ProfileDiffSettings),
    Diff(PlanSettings),
    Install(InstallSettings),
    Uninstall(UninstallSettings),
    VerifyInstall(PlanSettings),
    Validate(InputSettings),
    Precheck(PlanSettings),
    OperatorInit(OperatorInitSettings),
    OperatorDump(OperatorDumpSettings),
    OperatorRemove(OperatorRemoveSettings),
    OperatorRun(OperatorRunSettings),
    CreateRemoteSecret(CreateRemoteSecretSettings),
    TagSet(TagSetSettings),
    TagGenerate(TagSetSettings),
    TagList(TagListSettings),
    TagRemove(TagRemoveSettings),
    MigrateBanzai(MigrateBanzaiSettings),
    MigrateHelm(MigrateHelmSettings),
    Completions(Shell),
    Version(VersionSettings),
}

impl Settings {
    /// Resolves a parsed command line. An error carries the exit status its command gives
    /// errors.
    pub fn resolve(cli: Cli) -> Result<Self, CommandError> {
        let Cli { command } = cli;
        Ok(match command {
            Command::Manifest(ManifestCommand::Generate(args)) => {
                Self::ManifestGenerate(GenerateSettings::resolve(args)?)
            }
            Command::Profile(ProfileCommand::List) => Self::ProfileList,
            Command::Profile(ProfileCommand::Dump(args)) => {
                Self::ProfileDump(DumpSettings::resolve(args)?)
            }
            Command::Profile(ProfileCommand::Diff(args)) => {
                Self::ProfileDiff(ProfileDiffSettings::resolve(args))
            }
            Command::Diff(args) => Self::Diff(
                PlanSettings::resolve(args)
                    .map_err(|e| CommandError::from(e).with_status(ExitStatus::Error))?,
            ),
            Command::Install(args) => Self::Install(InstallSettings::resolve(args)?),
            Command::Uninstall(args) => Self::Uninstall(UninstallSettings::resolve(args)?),
            Command::VerifyInstall(args) => Self::VerifyInstall(PlanSettings::resolve(args)?),
            Command::Validate(ValidateArgs { filenames }) => {
                Self::Validate(InputSettings::files(filenames)?)
            }
            Command::Precheck(args) => Self::Precheck(PlanSettings::resolve(args)?),
            Command::Operator(OperatorCommand::Init(args)) => {
                Self::OperatorInit(OperatorInitSettings::resolve(args)?)
            }
            Command::Operator(OperatorCommand::Dump(args)) => {
                Self::OperatorDump(OperatorDumpSettings::resolve(args)?)
            }
            Command::Operator(OperatorCommand::Remove(args)) => {
                Self::OperatorRemove(OperatorRemoveSettings::resolve(args)?)
            }
            Command::Operator(OperatorCommand::Run(args)) => {
                Self::OperatorRun(OperatorRunSettings::resolve(args)?)
            }
            Command::CreateRemoteSecret(args) => {
                Self::CreateRemoteSecret(CreateRemoteSecretSettings::resolve(args)?)
            }
            Command::Tag(TagCommand::Set(args)) => Self::TagSet(TagSetSettings::resolve(args)?),
            Command::Tag(TagCommand::Generate(args)) => {
                Self::TagGenerate(TagSetSettings::resolve(args)?)
            }
            Command::Tag(TagCommand::List(args)) => Self::TagList(TagListSettings::resolve(args)?),
            Command::Tag(TagCommand::Remove(args)) => {
                Self::TagRemove(TagRemoveSettings::resolve(args)?)
            }
            Command::Migrate(MigrateCommand::Banzai(MigrateBanzaiArgs { filename, output })) => {
                Self::MigrateBanzai(MigrateBanzaiSettings {
                    filename,
                    output,
                    limits: input_limits()?,
                })
            }
            Command::Migrate(MigrateCommand::Helm(MigrateHelmArgs {
                cluster: cluster_args,
                output,
                dry_run,
                yes,
                readiness_timeout,
            })) => Self::MigrateHelm(MigrateHelmSettings {
                cluster: cluster(cluster_args)?,
                output,
                dry_run,
                yes,
                readiness_timeout,
            }),
            Command::Completions(CompletionsArgs { shell }) => Self::Completions(shell),
            Command::Version(args) => Self::Version(VersionSettings::resolve(args)?),
        })
    }
}

/// The input of every rendering command: `-f` files (read when the command runs), then the
/// `--set` flags in order, then `-r` as `revision=REV`.
#[derive(Debug, Clone, Default)]
pub struct InputSettings {
    pub filenames: Vec<PathBuf>,
    pub set_flags: Vec<SetFlag>,
    /// `--istio-release`: the release whose charts render, laid over the files as its annotation.
    pub istio_release: Option<&'static meshctl::release::Release>,
    /// `--force`: validation errors become warnings.
    pub force: bool,
    /// How much of each input is read (`MESHCTL_MAX_INPUT_MIB`).
    pub limits: Limits,
}

impl InputSettings {
    fn resolve(args: InputArgs) -> anyhow::Result<Self> {
        let InputArgs {
            filenames,
            set,
            revision,
            istio_release,
            force,
        } = args;
        let istio_release = istio_release
            .map(|text| {
                meshctl::release::find(text.trim())
                    .filter(|_| !text.trim().is_empty())
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "--istio-release `{text}`: not a supported Istio release\nhint: meshctl \
                             renders Istio {} (name one as `1.30` or `1.30.3`)",
                            meshctl::release::supported_list()
                        )
                    })
            })
            .transpose()?;
        let mut set_flags = set
            .iter()
            .map(|flag| SetFlag::parse(flag))
            .collect::<Result<Vec<_>, _>>()?;
        // `default` is the unrevisioned control plane, as istioctl reads it.
        if let Some(revision) = revision.filter(|r| r != "default") {
            set_flags.push(SetFlag::parse(&format!("revision={revision}"))?);
        }
        Ok(Self {
            filenames,
            set_flags,
            istio_release,
            force,
            limits: input_limits()?,
        })
    }

    /// Files only, checked strictly (`uninstall -f`, `operator init -f`).
    fn files(filenames: Vec<PathBuf>) -> anyhow::Result<Self> {
        Ok(Self {
            filenames,
            limits: input_limits()?,
            ..Self::default()
        })
    }
}

/// `meshctl migrate banzai`: one Banzai file in, one `IstioOperator` out.
#[derive(Debug, Clone)]
pub struct MigrateBanzaiSettings {
    pub filename: PathBuf,
    /// `-o FILE`; standard output without it.
    pub output: Option<PathBuf>,
    pub limits: Limits,
}

/// `meshctl migrate helm`.
pub struct MigrateHelmSettings {
    pub cluster: ClusterOptions,
    /// `-o FILE`; standard output without it.
    pub output: Option<PathBuf>,
    pub dry_run: bool,
    /// `-y`: no confirmation.
    pub yes: bool,
    pub readiness_timeout: Duration,
}

/// The input limits, raised by `MESHCTL_MAX_INPUT_MIB` where a user really needs it.
fn input_limits() -> anyhow::Result<Limits> {
    match std::env::var(Limits::VARIABLE) {
        Err(_) => Ok(Limits::default()),
        Ok(text) => match text.trim().parse::<usize>() {
            Ok(mib) if mib > 0 => Ok(Limits::mib(mib)),
            _ => anyhow::bail!(
                "{}={text}: expected a whole number of MiB, such as 64",
                Limits::VARIABLE
            ),
        },
    }
}

fn cluster(args: ClusterArgs) -> anyhow::Result<ClusterOptions> {
    let ClusterArgs {
        kubeconfig,
        context,
    } = args;
    Ok(ClusterOptions {
        kubeconfig,
        context,
        limits: input_limits()?,
    })
}

/// `meshctl version`.
pub struct VersionSettings {
    /// Where to look for the mesh; `None`: meshctl only (`--client`, or no cluster configured).
    pub cluster: Option<ClusterOptions>,
}

impl VersionSettings {
    fn resolve(args: crate::cli::VersionArgs) -> anyhow::Result<Self> {
        let crate::cli::VersionArgs {
            client,
            cluster: args,
        } = args;
        // Asked for, or configured the way kubectl would find it; otherwise meshctl alone, so
        // that `version` answers on a machine that has no cluster.
        let configured = args.kubeconfig.is_some()
            || args.context.is_some()
            || std::env::var_os("KUBECONFIG").is_some_and(|k| !k.is_empty())
            || std::env::var_os("HOME")
                .is_some_and(|home| std::path::Path::new(&home).join(".kube/config").is_file())
            || std::env::var_os("KUBERNETES_SERVICE_HOST").is_some();
        Ok(Self {
            cluster: (!client && configured).then(|| cluster(args)).transpose()?,
        })
    }
}

/// `tag set` and `tag generate`.
pub struct TagSetSettings {
    pub tag: String,
    pub revision: String,
    pub overwrite: bool,
    pub auto_inject_namespaces: bool,
    pub force: bool,
    pub istio_namespace: String,
    pub cluster: ClusterOptions,
}

impl TagSetSettings {
    fn resolve(args: TagSetArgs) -> Result<Self, CommandError> {
        let TagSetArgs {
            tag,
            revision,
            overwrite,
            auto_inject_namespaces,
            force,
            istio_namespace: IstioNamespaceArgs { istio_namespace },
            cluster: cluster_args,
        } = args;
        check_name(&tag, "TAG")?;
        check_name(&revision, "--revision")?;
        Ok(Self {
            tag,
            revision,
            overwrite,
            auto_inject_namespaces,
            force,
            istio_namespace,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// A tag or revision name: checked before anything talks to the cluster.
fn check_name(name: &str, what: &str) -> Result<(), CommandError> {
    meshctl::cluster::tags::check_tag_name(name)
        .map_err(|e| CommandError::from(anyhow::anyhow!("{what}: {e}")))
}

/// `tag list`.
pub struct TagListSettings {
    pub format: ListFormat,
    pub istio_namespace: String,
    pub cluster: ClusterOptions,
}

impl TagListSettings {
    fn resolve(args: TagListArgs) -> anyhow::Result<Self> {
        let TagListArgs {
            output,
            istio_namespace: IstioNamespaceArgs { istio_namespace },
            cluster: cluster_args,
        } = args;
        Ok(Self {
            format: output,
            istio_namespace,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// `tag remove`.
pub struct TagRemoveSettings {
    pub tag: String,
    pub force: bool,
    pub istio_namespace: String,
    pub cluster: ClusterOptions,
}

impl TagRemoveSettings {
    fn resolve(args: TagRemoveArgs) -> Result<Self, CommandError> {
        let TagRemoveArgs {
            tag,
            force,
            istio_namespace: IstioNamespaceArgs { istio_namespace },
            cluster: cluster_args,
        } = args;
        check_name(&tag, "TAG")?;
        Ok(Self {
            tag,
            force,
            istio_namespace,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// `manifest generate`.
pub struct GenerateSettings {
    pub input: InputSettings,
    /// A file, or a directory for one file per component; stdout when `None`.
    pub output: Option<PathBuf>,
}

impl GenerateSettings {
    fn resolve(args: GenerateArgs) -> anyhow::Result<Self> {
        let GenerateArgs { input, output } = args;
        Ok(Self {
            input: InputSettings::resolve(input)?,
            output,
        })
    }
}

/// `profile dump`.
pub struct DumpSettings {
    pub profile: Option<String>,
    pub input: InputSettings,
    pub format: DumpFormat,
    pub config_path: Option<String>,
}

impl DumpSettings {
    fn resolve(args: DumpArgs) -> anyhow::Result<Self> {
        let DumpArgs {
            profile,
            input,
            output,
            config_path,
        } = args;
        Ok(Self {
            profile,
            input: InputSettings::resolve(input)?,
            format: output,
            config_path,
        })
    }
}

/// `profile diff`.
pub struct ProfileDiffSettings {
    pub first: String,
    pub second: String,
}

impl ProfileDiffSettings {
    fn resolve(args: DiffArgs) -> Self {
        let DiffArgs { first, second } = args;
        Self { first, second }
    }
}

/// `diff` and `verify-install`: an input, a cluster, and how to print the answer.
pub struct PlanSettings {
    pub input: InputSettings,
    pub cluster: ClusterOptions,
    pub format: PlanFormat,
    /// `--take-over-from`: the controllers whose objects may be taken.
    pub take_over_from: Vec<Controller>,
}

fn take_over_from(args: TakeOverArgs) -> Vec<Controller> {
    let TakeOverArgs { take_over_from } = args;
    let mut controllers: Vec<Controller> = take_over_from
        .into_iter()
        .map(|c| match c {
            OtherController::Helm => Controller::Helm,
            OtherController::Argocd => Controller::ArgoCd,
            OtherController::Flux => Controller::Flux,
            OtherController::Sail => Controller::Sail,
        })
        .collect();
    controllers.sort();
    controllers.dedup();
    controllers
}

impl PlanSettings {
    fn resolve(args: PlanArgs) -> anyhow::Result<Self> {
        let PlanArgs {
            input,
            cluster: cluster_args,
            output,
            take_over,
        } = args;
        Ok(Self {
            input: InputSettings::resolve(input)?,
            cluster: cluster(cluster_args)?,
            format: output,
            take_over_from: take_over_from(take_over),
        })
    }
}

/// `install`.
pub struct InstallSettings {
    pub input: InputSettings,
    pub cluster: ClusterOptions,
    /// `-y`: no confirmation.
    pub yes: bool,
    pub dry_run: bool,
    pub readiness_timeout: Duration,
    /// `--take-over-from`: the controllers whose objects may be taken.
    pub take_over_from: Vec<Controller>,
}

impl InstallSettings {
    fn resolve(args: InstallArgs) -> anyhow::Result<Self> {
        let InstallArgs {
            input,
            cluster: cluster_args,
            yes,
            dry_run,
            readiness_timeout,
            take_over,
        } = args;
        Ok(Self {
            input: InputSettings::resolve(input)?,
            cluster: cluster(cluster_args)?,
            yes,
            dry_run,
            readiness_timeout,
            take_over_from: take_over_from(take_over),
        })
    }
}

/// What `uninstall` removes; clap lets exactly one be given.
pub enum UninstallTarget {
    /// `-r REV`: one revision's control plane.
    Revision(String),
    /// `-f FILE…`: what these files install.
    Files(InputSettings),
    /// `--purge`: everything, CRDs included.
    Purge,
}

/// `uninstall`.
pub struct UninstallSettings {
    pub target: UninstallTarget,
    pub cluster: ClusterOptions,
    pub yes: bool,
    pub dry_run: bool,
    /// How long each object may take to be gone.
    pub timeout: Duration,
    /// Remove a revision even while namespaces or pods still use it.
    pub force: bool,
}

impl UninstallSettings {
    fn resolve(args: UninstallArgs) -> anyhow::Result<Self> {
        let UninstallArgs {
            revision,
            filenames,
            purge,
            cluster: cluster_args,
            yes,
            dry_run,
            timeout,
            force,
        } = args;
        let target = if purge {
            UninstallTarget::Purge
        } else if !filenames.is_empty() {
            UninstallTarget::Files(InputSettings::files(filenames)?)
        } else {
            UninstallTarget::Revision(revision.unwrap_or_else(|| "default".into()))
        };
        Ok(Self {
            target,
            cluster: cluster(cluster_args)?,
            yes,
            dry_run,
            timeout,
            force,
        })
    }
}

/// `operator init`.
pub struct OperatorInitSettings {
    pub deployment: deploy::Settings,
    /// The `IstioOperator` resource to apply once the operator runs, if any.
    pub resource: InputSettings,
    pub dry_run: bool,
    /// Take over from Istio's own operator where it is found.
    pub replace_istio_operator: bool,
    pub readiness_timeout: Duration,
    pub cluster: ClusterOptions,
}

impl OperatorInitSettings {
    fn resolve(args: OperatorInitArgs) -> anyhow::Result<Self> {
        let OperatorInitArgs {
            hub,
            tag,
            operator_namespace,
            watched_namespaces,
            image_pull_secrets,
            filenames,
            dry_run,
            replace_istio_operator,
            watch_banzai,
            take_over_helm_in,
            readiness_timeout,
            cluster: cluster_args,
        } = args;
        let deployment = deploy::Settings {
            hub,
            tag,
            namespace: operator_namespace,
            watched_namespaces,
            image_pull_secrets,
            watch_banzai,
            take_over_helm_in,
        }
        .validate()
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        Ok(Self {
            deployment,
            resource: InputSettings::files(filenames)?,
            dry_run,
            replace_istio_operator,
            readiness_timeout,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// `operator dump`.
pub struct OperatorDumpSettings {
    pub deployment: deploy::Settings,
    pub resource: InputSettings,
}

impl OperatorDumpSettings {
    fn resolve(args: OperatorInitArgs) -> anyhow::Result<Self> {
        let OperatorInitSettings {
            deployment,
            resource,
            // `dump` takes `init`'s flags, so that a command line can be switched between the
            // two; it prints offline, so the flags about the cluster mean nothing to it.
            dry_run: _,
            replace_istio_operator: _,
            readiness_timeout: _,
            cluster: _,
        } = OperatorInitSettings::resolve(args)?;
        Ok(Self {
            deployment,
            resource,
        })
    }
}

/// `operator remove`.
pub struct OperatorRemoveSettings {
    pub operator_namespace: String,
    pub purge: bool,
    pub yes: bool,
    pub timeout: Duration,
    pub cluster: ClusterOptions,
}

impl OperatorRemoveSettings {
    fn resolve(args: OperatorRemoveArgs) -> anyhow::Result<Self> {
        let OperatorRemoveArgs {
            operator_namespace,
            purge,
            yes,
            timeout,
            cluster: cluster_args,
        } = args;
        Ok(Self {
            operator_namespace,
            purge,
            yes,
            timeout,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// `operator run`.
pub struct OperatorRunSettings {
    pub watched_namespaces: Vec<String>,
    pub operator_namespace: String,
    /// This replica's name in the Lease: the pod name, else host name and process id.
    pub identity: String,
    pub readiness_timeout: Duration,
    pub resync: Duration,
    pub probe_address: String,
    /// `--watch-banzai`.
    pub watch_banzai: bool,
    pub cluster: ClusterOptions,
}

impl OperatorRunSettings {
    fn resolve(args: OperatorRunArgs) -> anyhow::Result<Self> {
        let OperatorRunArgs {
            watched_namespaces,
            operator_namespace,
            identity,
            readiness_timeout,
            resync,
            probe_address,
            watch_banzai,
            cluster: cluster_args,
        } = args;
        Ok(Self {
            watched_namespaces,
            operator_namespace,
            identity: identity.unwrap_or_else(default_identity),
            readiness_timeout,
            resync,
            probe_address,
            watch_banzai,
            cluster: cluster(cluster_args)?,
        })
    }
}

/// `host-pid` when no pod name is given: unique among replicas on different machines and among
/// processes on one.
fn default_identity() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "meshctl".into());
    format!("{host}-{}", std::process::id())
}

/// `create-remote-secret`.
pub struct CreateRemoteSecretSettings {
    pub options: RemoteSecretOptions,
    /// `--force`: write the token to standard output even when it is a terminal.
    pub force: bool,
    pub cluster: ClusterOptions,
}

impl CreateRemoteSecretSettings {
    fn resolve(args: CreateRemoteSecretArgs) -> anyhow::Result<Self> {
        let CreateRemoteSecretArgs {
            name,
            service_account,
            create_service_account,
            server,
            secret_type,
            istio_namespace,
            force,
            cluster: cluster_args,
        } = args;
        let options = RemoteSecretOptions {
            cluster_name: name,
            service_account,
            create_service_account,
            server,
            secret_type: match secret_type {
                RemoteSecretType::Remote => SecretType::Remote,
                RemoteSecretType::Config => SecretType::Config,
            },
            namespace: istio_namespace,
        };
        multicluster::check_options(&options).map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        Ok(Self {
            options,
            force,
            cluster: cluster(cluster_args)?,
        })
    }
}
