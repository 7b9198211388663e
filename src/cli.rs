//! Command-line syntax only: clap derive structs whose doc comments are the `--help` text.
//! [`crate::settings`] resolves them into what the commands run with; [`crate::commands`] runs
//! them.

// Doc comments here are `--help` text for people, not rustdoc: product names stay unquoted.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

/// Install and run the Istio service mesh from `IstioOperator` files.
#[derive(Debug, Parser)]
#[command(
    name = "meshctl",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("MESHCTL_COMMIT"), ")"),
    about,
    long_about = None,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Whether the command compares (`diff`, `profile diff`): its exit 1 means "they differ",
    /// so its errors exit 2, as `diff(1)`'s do. Every other command's errors exit 1.
    #[must_use]
    pub fn compares(&self) -> bool {
        matches!(
            self.command,
            Command::Diff(_) | Command::Profile(ProfileCommand::Diff(_))
        )
    }

    /// [`Cli::compares`] for a command line clap could not parse, from its words.
    #[must_use]
    pub fn words_compare(words: &[String]) -> bool {
        let mut positional = words.iter().skip(1).filter(|w| !w.starts_with('-'));
        match positional.next().map(String::as_str) {
            Some("diff") => true,
            Some("profile") => positional.next().is_some_and(|w| w == "diff"),
            _ => false,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render manifests offline.
    #[command(subcommand)]
    Manifest(ManifestCommand),
    /// Show, dump and compare the built-in profiles.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Show what an install would change in the cluster, including what it would prune
    /// (exit 0: no change, 1: changes, 2: error).
    Diff(PlanArgs),
    /// Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until
    /// ready, prune what is no longer rendered.
    #[command(visible_alias = "apply")]
    Install(InstallArgs),
    /// Remove an installation: one revision, the objects a file renders, or everything (--purge).
    Uninstall(UninstallArgs),
    /// Check that every rendered object exists and every workload is ready (exit 1 when not).
    VerifyInstall(PlanArgs),
    /// Check IstioOperator files without rendering or a cluster: every problem of every file is
    /// listed (exit 1 when there is one).
    Validate(ValidateArgs),
    /// Check what an install would hit before writing anything: the Kubernetes version, the
    /// permissions it needs, installed revisions and tags, overlapping injectors, Gateway API
    /// CRD versions (exit 1 with the list when something would fail).
    Precheck(PlanArgs),
    /// Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources
    /// installed.
    #[command(subcommand)]
    Operator(OperatorCommand),
    /// Print the Secret a primary cluster's istiod needs to read this cluster (istioctl's
    /// shape), for `kubectl apply` in the primary. It carries a token: it is written only to
    /// standard output, and not to a terminal without --force.
    CreateRemoteSecret(CreateRemoteSecretArgs),
    /// Create, list, generate and remove revision tags: stable names (`prod`, `default`) that
    /// point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a
    /// new revision when the tag does.
    #[command(subcommand)]
    Tag(TagCommand),
    /// Translate other installers' resources into IstioOperator files.
    #[command(subcommand)]
    Migrate(MigrateCommand),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print meshctl's version and the Istio releases it renders; with a cluster, also each
    /// control-plane revision with its release and how many pods run a sidecar of each release.
    Version(VersionArgs),
}

#[derive(Debug, Subcommand)]
pub enum OperatorCommand {
    /// Deploy the operator in one shot: the IstioOperator CRD, the operator's namespace, service
    /// account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource.
    Init(OperatorInitArgs),
    /// Print what `operator init` would apply, as multi-document YAML.
    Dump(OperatorInitArgs),
    /// Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays.
    Remove(OperatorRemoveArgs),
    /// Run the controller (the operator image's entrypoint): reconcile IstioOperator resources
    /// continuously, repair drift, uninstall on delete.
    Run(OperatorRunArgs),
}

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Only meshctl itself: do not look for a cluster.
    #[arg(long)]
    pub client: bool,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

/// What the operator deployment looks like; shared by `operator init` and `operator dump`.
#[derive(Debug, Clone, Args)]
pub struct OperatorInitArgs {
    /// The registry of the operator image.
    #[arg(long, value_name = "HUB", default_value = meshctl::operator::DEFAULT_HUB)]
    pub hub: String,
    /// The tag of the operator image.
    #[arg(long, value_name = "TAG", default_value = env!("CARGO_PKG_VERSION"))]
    pub tag: String,
    /// The namespace the operator runs in.
    #[arg(
        long = "operatorNamespace",
        value_name = "NAMESPACE",
        default_value = "istio-operator"
    )]
    pub operator_namespace: String,
    /// The namespaces whose IstioOperator resources the operator reconciles, comma-separated.
    #[arg(
        long = "watchedNamespaces",
        value_name = "NAMESPACES",
        default_value = "istio-system",
        value_delimiter = ','
    )]
    pub watched_namespaces: Vec<String>,
    /// Image pull secrets for the operator's pod, comma-separated.
    #[arg(long = "imagePullSecrets", value_name = "NAMES", value_delimiter = ',')]
    pub image_pull_secrets: Vec<String>,
    /// An IstioOperator resource to apply once the operator is in place.
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filenames: Vec<PathBuf>,
    /// Show what would be applied and stop: nothing is written to the cluster.
    #[arg(long)]
    pub dry_run: bool,
    /// Where Istio's own operator (Istio 1.23 and older) still runs or left its finalizer: stop
    /// and remove it, replace its CRD, and take over its IstioOperator resources (the installed
    /// mesh stays as it is). Without this flag init refuses there.
    #[arg(long = "replace-istio-operator")]
    pub replace_istio_operator: bool,
    /// Also reconcile Banzai Cloud's Istio resources (istio.banzaicloud.io/v1beta1) in the watched
    /// namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused
    /// while Banzai's own operator still runs.
    #[arg(long)]
    pub watch_banzai: bool,
    /// Let the operator take a Helm install over in these namespaces (comma-separated): it may
    /// list and delete Secrets there, to remove Helm's release Secrets once an IstioOperator
    /// annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running
    /// init again without it.
    #[arg(
        long = "take-over-helm-in",
        value_name = "NAMESPACES",
        value_delimiter = ','
    )]
    pub take_over_helm_in: Vec<String>,
    /// How long the operator may take to become ready, e.g. `300s`, `5m`.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub readiness_timeout: Duration,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Args)]
pub struct OperatorRemoveArgs {
    /// The namespace the operator runs in.
    #[arg(
        long = "operatorNamespace",
        value_name = "NAMESPACE",
        default_value = "istio-operator"
    )]
    pub operator_namespace: String,
    /// Also remove the IstioOperator CRD (IstioOperator resources go with it; the mesh stays).
    #[arg(long)]
    pub purge: bool,
    /// Do not ask for confirmation (needed when standard input is not a terminal).
    #[arg(short = 'y', long = "skip-confirmation")]
    pub yes: bool,
    /// How long to wait for each object to be gone, e.g. `300s`, `5m`.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub timeout: Duration,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Args)]
pub struct OperatorRunArgs {
    /// The namespaces whose IstioOperator resources to reconcile, comma-separated.
    #[arg(
        long = "watchedNamespaces",
        value_name = "NAMESPACES",
        env = "WATCHED_NAMESPACES",
        default_value = "istio-system",
        value_delimiter = ','
    )]
    pub watched_namespaces: Vec<String>,
    /// The namespace of the leader-election Lease (the operator's own namespace).
    #[arg(
        long = "operatorNamespace",
        value_name = "NAMESPACE",
        env = "POD_NAMESPACE",
        default_value = "istio-operator"
    )]
    pub operator_namespace: String,
    /// This replica's name in the Lease (default: the pod name, else host name and process id).
    #[arg(long, value_name = "NAME", env = "POD_NAME")]
    pub identity: Option<String>,
    /// How long each component may take to become ready before the resource is marked Error.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub readiness_timeout: Duration,
    /// How often a healthy resource is checked again even when nothing changed.
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub resync: Duration,
    /// Where to serve the health probes `/healthz` and `/readyz` (port 0 picks a free port).
    #[arg(long, value_name = "ADDRESS", default_value = "0.0.0.0:8081")]
    pub probe_address: String,
    /// Also reconcile Banzai Cloud's Istio resources (istio.banzaicloud.io/v1beta1) in the watched
    /// namespaces, through a generated IstioOperator each, when their CRD is installed.
    #[arg(long, env = "WATCH_BANZAI")]
    pub watch_banzai: bool,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Subcommand)]
pub enum TagCommand {
    /// Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag
    /// also injects `istio-injection=enabled` namespaces and validates cluster-wide.
    Set(TagSetArgs),
    /// Print a revision tag's objects as YAML without writing them (for GitOps).
    Generate(TagSetArgs),
    /// List the revision tags: tag, revision, namespaces that use it.
    List(TagListArgs),
    /// Remove a revision tag; refused while namespaces use it, unless --force.
    Remove(TagRemoveArgs),
}

/// `-i/--istioNamespace` of the tag commands.
#[derive(Debug, Args)]
pub struct IstioNamespaceArgs {
    /// The namespace of the control plane.
    #[arg(
        short = 'i',
        long = "istioNamespace",
        value_name = "NAMESPACE",
        default_value = "istio-system"
    )]
    pub istio_namespace: String,
}

#[derive(Debug, Args)]
pub struct TagSetArgs {
    /// The tag's name (a DNS label), e.g. `prod` or `default`.
    #[arg(value_name = "TAG")]
    pub tag: String,
    /// The control plane revision the tag points at (`default` for the unrevisioned one).
    #[arg(short = 'r', long, value_name = "REV")]
    pub revision: String,
    /// Move the tag if it exists already.
    #[arg(long)]
    pub overwrite: bool,
    /// Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`).
    #[arg(long)]
    pub auto_inject_namespaces: bool,
    /// Write the tag even when its webhook would overlap another injector.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub istio_namespace: IstioNamespaceArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    /// A table on stdout.
    #[default]
    Table,
    /// A JSON array of `{tag, revision, namespaces}`.
    Json,
}

#[derive(Debug, Args)]
pub struct TagListArgs {
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: ListFormat,
    #[command(flatten)]
    pub istio_namespace: IstioNamespaceArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Args)]
pub struct TagRemoveArgs {
    /// The tag to remove.
    #[arg(value_name = "TAG")]
    pub tag: String,
    /// Remove it even while namespaces are labelled with it (their new pods are not injected).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub istio_namespace: IstioNamespaceArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Render the manifests for the merged input as multi-document YAML, in a stable order.
    Generate(GenerateArgs),
}

/// The inputs every rendering command takes.
#[derive(Debug, Clone, Args, Default)]
pub struct InputArgs {
    /// An IstioOperator file to overlay, left to right (`-` reads standard input).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filenames: Vec<PathBuf>,
    /// Set one value with istioctl's path syntax, e.g. `values.global.proxy.privileged=true`.
    #[arg(short = 's', long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Render a revisioned control plane (names and labels carry `-REV`).
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says;
    /// the same as the `meshctl.io/istio-release` annotation. Without it, the tag's version
    /// decides, else the newest release.
    #[arg(long, value_name = "RELEASE")]
    pub istio_release: Option<String>,
    /// Turn validation errors into warnings and render anyway.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// An IstioOperator file to check, each on its own over its profile (`-` reads standard
    /// input).
    #[arg(short = 'f', long = "filename", value_name = "FILE", required = true)]
    pub filenames: Vec<PathBuf>,
}

/// Which cluster to talk to, as kubectl chooses it.
#[derive(Debug, Clone, Args, Default)]
pub struct ClusterArgs {
    /// The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config).
    #[arg(long, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context to use (default: its current context).
    #[arg(long, value_name = "NAME")]
    pub context: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PlanFormat {
    /// Unified diffs on stdout, a summary on stderr.
    #[default]
    Text,
    /// The whole plan as one JSON document, for scripts.
    Json,
}

/// What `diff` and `verify-install` take: an input, a cluster, a format for the answer.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: PlanFormat,
    #[command(flatten)]
    pub take_over: TakeOverArgs,
}

/// Another controller meshctl may take objects from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OtherController {
    /// A Helm release (`helm install`): its release Secrets are removed once the install is
    /// ready, so `helm uninstall` can no longer delete the mesh.
    Helm,
    /// An Argo CD Application (its tracking annotation or instance label).
    Argocd,
    /// A Flux HelmRelease or Kustomization (its labels).
    Flux,
    /// The Sail operator (its owner references or label).
    Sail,
}

/// Taking objects from other controllers.
#[derive(Debug, Clone, Args, Default)]
pub struct TakeOverArgs {
    /// Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects
    /// that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change
    /// that): stop the other controller first, or it puts its version back.
    #[arg(long, value_enum, value_name = "CONTROLLER")]
    pub take_over_from: Vec<OtherController>,
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Do not ask for confirmation (needed when standard input is not a terminal).
    #[arg(short = 'y', long = "skip-confirmation")]
    pub yes: bool,
    /// Show the plan and stop: nothing is written to the cluster.
    #[arg(long)]
    pub dry_run: bool,
    /// How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub readiness_timeout: Duration,
    #[command(flatten)]
    pub take_over: TakeOverArgs,
}

// Each bool is an independent switch of its own flag, as clap structs are.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["revision", "filenames", "purge"])))]
pub struct UninstallArgs {
    /// Remove this revision's control plane (`default` for the unrevisioned one).
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Remove what these IstioOperator files install (their revision and owner).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filenames: Vec<PathBuf>,
    /// Remove everything meshctl or istioctl manages, every revision and the CRDs (and with them
    /// every Istio resource in the cluster).
    #[arg(long)]
    pub purge: bool,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Do not ask for confirmation (needed when standard input is not a terminal).
    #[arg(short = 'y', long = "skip-confirmation")]
    pub yes: bool,
    /// List what would be removed and stop.
    #[arg(long)]
    pub dry_run: bool,
    /// How long to wait for each object to be gone, e.g. `300s`, `5m`.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Remove a revision even while namespaces are labelled for it (directly, or through a tag
    /// that points at it) or pods run its proxies: they lose their control plane.
    #[arg(long)]
    pub force: bool,
}

/// A duration as `300s`, `5m`, `1m30s`, `2h` or plain seconds (`300`).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let expected = || format!("`{text}` is not a duration; expected e.g. `300s`, `5m` or `1m30s`");
    if let Ok(seconds) = text.parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    let mut total = 0u64;
    let mut number = String::new();
    for character in text.chars() {
        if character.is_ascii_digit() {
            number.push(character);
            continue;
        }
        let unit = match character {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(expected()),
        };
        let value: u64 = number.parse().map_err(|_| expected())?;
        total += value * unit;
        number.clear();
    }
    if !number.is_empty() || total == 0 && !text.starts_with('0') {
        return Err(expected());
    }
    Ok(Duration::from_secs(total))
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to FILE, or to one file per component when the path is an existing directory or ends
    /// in `/`.
    #[arg(short = 'o', long, value_name = "DIR|FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the built-in profiles, one per line.
    List,
    /// Print the merged IstioOperator for a profile and any input.
    Dump(DumpArgs),
    /// Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error).
    ///
    /// Both sides are the merged IstioOperator with the chart presets each profile selects
    /// (`values.profile`, platform, compatibility version) expanded into `values`, so the diff
    /// shows what a profile changes rather than only its name.
    Diff(DiffArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DumpFormat {
    #[default]
    Yaml,
    Json,
    /// One `--set` flag per leaf value.
    Flags,
}

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// The profile to dump (default: the one the input names, else `default`).
    pub profile: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: DumpFormat,
    /// Print only the subtree at this path, e.g. `components.pilot` or `values.global`.
    #[arg(long, value_name = "PATH")]
    pub config_path: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first profile.
    pub first: String,
    /// The second profile.
    pub second: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RemoteSecretType {
    /// `istio-remote-secret-NAME`, for a primary's istiod to read this cluster.
    #[default]
    Remote,
    /// `istio-kubeconfig`, for an external istiod to read its config cluster.
    Config,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  meshctl create-remote-secret --context cluster-b --name cluster-b \\\n    | kubectl --context cluster-a apply -f -"
)]
pub struct CreateRemoteSecretArgs {
    /// The name of this cluster in the mesh (its `clusterName`); a DNS-1123 label. Default: the
    /// UID of its kube-system namespace.
    #[arg(long, value_name = "CLUSTER")]
    pub name: Option<String>,
    /// Whose token to put in the Secret. Default: istio-reader-service-account for `--type
    /// remote`, istiod for `--type config`.
    #[arg(long, value_name = "NAME")]
    pub service_account: Option<String>,
    /// Create the reader service account and its RBAC in this cluster when they are missing.
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub create_service_account: bool,
    /// The API server address the other cluster's istiod should use (default: this kubeconfig's).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Which Secret to make.
    #[arg(long = "type", value_enum, default_value_t)]
    pub secret_type: RemoteSecretType,
    /// The Istio system namespace of this cluster (where the service account lives).
    #[arg(
        short = 'i',
        long = "istioNamespace",
        value_name = "NAMESPACE",
        default_value = "istio-system"
    )]
    pub istio_namespace: String,
    /// Write to standard output even when it is a terminal (the Secret holds a token).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    /// Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource
    /// (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io
    /// annotations; fields Istio 1.31 has no place for are warned about on standard error.
    Banzai(MigrateBanzaiArgs),
    /// Take over the Istio that Helm installed: read each release of Istio's `base` and `istiod`
    /// charts from its release Secret, print the equivalent IstioOperator (one per control-plane
    /// revision) on standard output, install it over the release's objects (no object is
    /// deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the
    /// releases' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot
    /// delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to
    /// Helm, and said so. Interrupted, run it again: it converges.
    Helm(MigrateHelmArgs),
}

#[derive(Debug, Args)]
pub struct MigrateHelmArgs {
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Write the IstioOperator to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print the IstioOperator and the plan, and stop: nothing is written to the cluster.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation (needed when standard input is not a terminal).
    #[arg(short = 'y', long = "skip-confirmation")]
    pub yes: bool,
    /// How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`.
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = parse_duration)]
    pub readiness_timeout: Duration,
}

#[derive(Debug, Args)]
pub struct MigrateBanzaiArgs {
    /// The Banzai `Istio` file (`-` reads standard input).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filename: PathBuf,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_kubectl_timeouts() {
        assert_eq!(parse_duration("300s"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("300"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_duration("5 minutes").is_err());
        assert!(parse_duration("10x").is_err());
        assert!(parse_duration("").is_err());
    }
}
