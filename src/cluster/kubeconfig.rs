//! Reading a kubeconfig and everything it points at, bounded, before kube-rs sees it.
//!
//! In: the kubeconfig paths (`--kubeconfig`, the `KUBECONFIG` list or `~/.kube/config`), the
//! context to use and the input [`Limits`]. Out: a [`Kubeconfig`] whose chosen context needs no
//! file and no program any more: `certificate-authority`, `client-certificate`, `client-key` and
//! `tokenFile` are read here (each bounded like a `-f` file) and inlined as their `*-data` or
//! `token`, and an `exec` credential plugin is run here, with a time limit, its output bounded and
//! never repeated, its credential inlined. kube-rs reads those files with no bound and runs the
//! plugin with no time limit, and its errors print the plugin's whole output — the token.
//!
//! A plugin's credential is used for the whole run and not refreshed: meshctl's runs are minutes,
//! plugins' tokens live far longer (EKS's 15 minutes is the shortest common one). The operator runs
//! in-cluster and does not come through here.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use kube::config::{
    AuthInfo, Cluster, ExecAuthCluster, ExecConfig, ExecInteractiveMode, Kubeconfig,
};
use serde_json::Value;

use crate::input::{self, InputError, Origin};
use crate::yaml::{self, Limits, Source, YamlError};

/// How long a credential plugin may run before meshctl gives up on it.
pub const PLUGIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a kubeconfig, a file it names or its credential plugin could not be used. No variant
/// holds anything the plugin printed.
#[derive(Debug, thiserror::Error)]
pub enum KubeconfigError {
    #[error(transparent)]
    Read(#[from] InputError),
    #[error("cannot read kubeconfig `{path}`")]
    ReadKubeconfig {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Yaml(#[from] YamlError),
    #[error("`{path}` is not a kubeconfig: {message}")]
    Parse { path: String, message: String },
    #[error("user `{user}`: credential plugin has no `command`")]
    PluginWithoutCommand { user: String },
    #[error("user `{user}`: cannot run credential plugin `{plugin}`: {source}")]
    PluginStart {
        user: String,
        plugin: String,
        #[source]
        source: std::io::Error,
    },
    #[error("user `{user}`: credential plugin `{plugin}` {status}")]
    PluginFailed {
        user: String,
        plugin: String,
        /// `exited with status 1`, `was killed by signal 9`.
        status: String,
    },
    #[error(
        "user `{user}`: credential plugin `{plugin}` did not finish within {seconds} s; gave up on it"
    )]
    PluginTimeout {
        user: String,
        plugin: String,
        seconds: u64,
    },
    #[error(
        "user `{user}`: credential plugin `{plugin}` printed more than {} MiB",
        limits.in_mib()
    )]
    PluginTooMuch {
        user: String,
        plugin: String,
        limits: Limits,
    },
    #[error(
        "user `{user}`: credential plugin `{plugin}` printed {bytes} bytes that are not an \
         ExecCredential with `status.token` or `status.clientCertificateData` and \
         `status.clientKeyData`"
    )]
    PluginOutput {
        user: String,
        plugin: String,
        bytes: usize,
    },
}

impl KubeconfigError {
    /// What the user can do about it.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Read(InputError::TooLarge { regular: false, .. }) => {
                Some("a kubeconfig and the files it names must be files".into())
            }
            Self::Read(InputError::TooLarge { regular: true, .. }) => Some(format!(
                "check that this is the file you meant; if it really is this large, raise the \
                 limit with {}=N (in MiB)",
                Limits::VARIABLE
            )),
            Self::PluginFailed { .. } | Self::PluginOutput { .. } => Some(
                "run the plugin yourself to see what it says (meshctl does not print its output: \
                 it holds the credential)"
                    .into(),
            ),
            _ => None,
        }
    }
}

/// Reads and merges kubeconfig files as kubectl does (the first file to set a value wins), each
/// bounded, with the relative paths in each made relative to its own directory.
pub fn read(paths: &[PathBuf], limits: Limits) -> Result<Kubeconfig, KubeconfigError> {
    let mut merged = Kubeconfig::default();
    for path in paths {
        let bytes = input::read_bytes(Origin::Path(path), limits).map_err(|error| match error {
            InputError::Read { error, .. } => KubeconfigError::ReadKubeconfig {
                path: path.display().to_string(),
                source: error,
            },
            other => other.into(),
        })?;
        let parse_error = |message: String| KubeconfigError::Parse {
            path: path.display().to_string(),
            message,
        };
        let text = String::from_utf8(bytes).map_err(|_| parse_error("not UTF-8 text".into()))?;
        // Parsed by meshctl's YAML reader, not kube-rs's: that one quotes the offending line in
        // its errors, and the line may hold a token.
        let source = Source(path.display().to_string());
        for document in yaml::parse_documents(&text, &source)? {
            let mut config: Kubeconfig = yaml::from_value(&document, &source)?;
            if let Some(directory) = path.parent() {
                make_paths_absolute(&mut config, directory);
            }
            merged = merged
                .merge(config)
                .map_err(|e| parse_error(e.to_string()))?;
        }
    }
    Ok(merged)
}

fn make_paths_absolute(config: &mut Kubeconfig, directory: &Path) {
    let absolute = |path: &mut Option<String>| {
        if let Some(relative) = path.as_deref().filter(|p| Path::new(p).is_relative()) {
            *path = Some(directory.join(relative).display().to_string());
        }
    };
    for cluster in config
        .clusters
        .iter_mut()
        .filter_map(|c| c.cluster.as_mut())
    {
        absolute(&mut cluster.certificate_authority);
    }
    for user in config
        .auth_infos
        .iter_mut()
        .filter_map(|a| a.auth_info.as_mut())
    {
        absolute(&mut user.client_certificate);
        absolute(&mut user.client_key);
        absolute(&mut user.token_file);
        // A bare command name (`aws`) is looked up on `PATH`, as client-go does.
        if let Some(exec) = user.exec.as_mut()
            && exec.command.as_deref().is_some_and(|c| c.contains('/'))
        {
            absolute(&mut exec.command);
        }
    }
}

/// Reads the files `context`'s cluster and user name and runs its credential plugin, inlining
/// what they hold, so that kube-rs reads and runs nothing itself.
pub fn resolve(
    config: &mut Kubeconfig,
    context: &str,
    limits: Limits,
) -> Result<(), KubeconfigError> {
    let Some(named) = config
        .contexts
        .iter()
        .find(|c| c.name == context)
        .and_then(|c| c.context.clone())
    else {
        return Ok(());
    };
    let mut exec_cluster = None;
    if let Some(cluster) = config
        .clusters
        .iter_mut()
        .find(|c| c.name == named.cluster)
        .and_then(|c| c.cluster.as_mut())
    {
        resolve_cluster(cluster, limits)?;
        exec_cluster = ExecAuthCluster::try_from(&*cluster).ok();
    }
    let Some(user_name) = named.user else {
        return Ok(());
    };
    if let Some(user) = config
        .auth_infos
        .iter_mut()
        .find(|a| a.name == user_name)
        .and_then(|a| a.auth_info.as_mut())
    {
        resolve_user(&user_name, user, exec_cluster, limits, PLUGIN_TIMEOUT)?;
    }
    Ok(())
}

fn read_file(path: &str, limits: Limits) -> Result<Vec<u8>, KubeconfigError> {
    Ok(input::read_bytes(Origin::Path(Path::new(path)), limits)?)
}

/// Base64, as a kubeconfig's `*-data` fields hold it (k8s-openapi's `ByteString` writes it).
fn base64(bytes: Vec<u8>) -> String {
    match serde_json::to_value(k8s_openapi::ByteString(bytes)) {
        Ok(Value::String(text)) => text,
        _ => String::new(),
    }
}

fn resolve_cluster(cluster: &mut Cluster, limits: Limits) -> Result<(), KubeconfigError> {
    if let Some(path) = cluster.certificate_authority.take()
        && cluster.certificate_authority_data.is_none()
    {
        cluster.certificate_authority_data = Some(base64(read_file(&path, limits)?));
    }
    Ok(())
}

fn resolve_user(
    name: &str,
    user: &mut AuthInfo,
    cluster: Option<ExecAuthCluster>,
    limits: Limits,
    timeout: Duration,
) -> Result<(), KubeconfigError> {
    if let Some(path) = user.client_certificate.take()
        && user.client_certificate_data.is_none()
    {
        user.client_certificate_data = Some(base64(read_file(&path, limits)?));
    }
    if let Some(path) = user.client_key.take()
        && user.client_key_data.is_none()
    {
        user.client_key_data = Some(base64(read_file(&path, limits)?).into());
    }
    // Precedence as kube-rs and client-go: basic auth, then `token`, then `tokenFile`, then exec.
    if user.username.is_some() && user.password.is_some() {
        return Ok(());
    }
    if user.token.is_some() {
        user.token_file = None;
        user.exec = None;
        return Ok(());
    }
    if let Some(path) = user.token_file.take() {
        let bytes = read_file(&path, limits)?;
        user.token = Some(String::from_utf8_lossy(&bytes).trim().to_string().into());
        user.exec = None;
        return Ok(());
    }
    if let Some(exec) = user.exec.take() {
        let credential = run_plugin(name, &exec, cluster, limits, timeout)?;
        match credential {
            Credential::Token(token) => user.token = Some(token.into()),
            Credential::Certificate { certificate, key } => {
                user.client_certificate_data = Some(base64(certificate.into_bytes()));
                user.client_key_data = Some(base64(key.into_bytes()).into());
            }
        }
    }
    Ok(())
}

/// What a credential plugin gave.
#[derive(Debug)]
enum Credential {
    Token(String),
    Certificate { certificate: String, key: String },
}

/// Runs a credential plugin as client-go does (`KUBERNETES_EXEC_INFO`, stdin only when
/// interactive, its stderr the user's), for at most `timeout`, reading at most `limits` of its
/// output. Errors name the plugin and how it ended, never what it printed.
fn run_plugin(
    user: &str,
    exec: &ExecConfig,
    cluster: Option<ExecAuthCluster>,
    limits: Limits,
    timeout: Duration,
) -> Result<Credential, KubeconfigError> {
    let Some(program) = exec.command.clone() else {
        return Err(KubeconfigError::PluginWithoutCommand { user: user.into() });
    };
    let plugin = program.clone();
    let interactive = match exec.interactive_mode {
        Some(ExecInteractiveMode::Never) => false,
        Some(ExecInteractiveMode::Always) => true,
        _ => std::io::stdin().is_terminal(),
    };
    let mut spec = serde_json::json!({ "interactive": interactive });
    if exec.provide_cluster_info
        && let Some(cluster) = cluster
    {
        spec["cluster"] = serde_json::to_value(cluster).unwrap_or(Value::Null);
    }
    let exec_info = serde_json::json!({
        "apiVersion": exec.api_version.clone().unwrap_or_else(|| "client.authentication.k8s.io/v1".into()),
        "kind": "ExecCredential",
        "spec": spec,
    });
    let mut command = Command::new(&program);
    command
        .args(exec.args.iter().flatten())
        .envs(exec.env.iter().flatten().filter_map(|variable| {
            Some((
                variable.get("name")?.clone(),
                variable.get("value")?.clone(),
            ))
        }))
        .env("KUBERNETES_EXEC_INFO", exec_info.to_string())
        .stdin(if interactive {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = command
        .spawn()
        .map_err(|source| KubeconfigError::PluginStart {
            user: user.into(),
            plugin: plugin.clone(),
            source,
        })?;
    let Some(stdout) = child.stdout.take() else {
        return Err(KubeconfigError::PluginOutput {
            user: user.into(),
            plugin,
            bytes: 0,
        });
    };
    // Read in a thread: a plugin that never exits, or never closes its output, must not hold
    // meshctl past `timeout`.
    let most = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let result = stdout.take(most.saturating_add(1)).read_to_end(&mut bytes);
        let _ = sender.send(result.map(|_| bytes));
    });
    let deadline = Instant::now() + timeout;
    let give_up = |child: &mut std::process::Child| {
        let _ = child.kill();
        let _ = child.wait();
        KubeconfigError::PluginTimeout {
            user: user.into(),
            plugin: plugin.clone(),
            seconds: timeout.as_secs(),
        }
    };
    let output = match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => Vec::new(),
        Err(_) => return Err(give_up(&mut child)),
    };
    if output.len() > limits.max_bytes {
        let _ = child.kill();
        let _ = child.wait();
        return Err(KubeconfigError::PluginTooMuch {
            user: user.into(),
            plugin,
            limits,
        });
    }
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) | Err(_) => return Err(give_up(&mut child)),
        }
    };
    if !status.success() {
        return Err(KubeconfigError::PluginFailed {
            user: user.into(),
            plugin,
            status: describe_status(status),
        });
    }
    parse_credential(&output).ok_or(KubeconfigError::PluginOutput {
        user: user.into(),
        plugin,
        bytes: output.len(),
    })
}

fn describe_status(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with status {code}"),
        (None, Some(signal)) => format!("was killed by signal {signal}"),
        (None, None) => "failed".into(),
    }
}

/// The credential in a plugin's output: JSON, or YAML (client-go's decoder takes both).
fn parse_credential(output: &[u8]) -> Option<Credential> {
    let text = std::str::from_utf8(output).ok()?;
    let document: Value = serde_json::from_str(text)
        .ok()
        .or_else(|| serde_saphyr::from_str(text).ok())?;
    let status = document.get("status")?;
    let text = |key: &str| status.get(key).and_then(Value::as_str).map(str::to_string);
    if let (Some(certificate), Some(key)) = (text("clientCertificateData"), text("clientKeyData")) {
        return Some(Credential::Certificate { certificate, key });
    }
    text("token")
        .filter(|t| !t.is_empty())
        .map(Credential::Token)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn plugin(directory: &Path, script: &str) -> ExecConfig {
        let path = directory.join("plugin");
        std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).expect("write plugin");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        ExecConfig {
            command: Some(path.display().to_string()),
            interactive_mode: Some(ExecInteractiveMode::Never),
            ..ExecConfig::default()
        }
    }

    const CREDENTIAL: &str = r#"{"kind":"ExecCredential","status":{"token":"SECRET-TOKEN"}}"#;

    #[test]
    fn a_failing_plugin_is_named_with_its_status_and_never_its_output() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let exec = plugin(directory.path(), &format!("echo '{CREDENTIAL}'; exit 3"));
        let error =
            run_plugin("me", &exec, None, Limits::default(), PLUGIN_TIMEOUT).expect_err("fails");
        let message = error.to_string();
        assert!(message.ends_with("exited with status 3"), "{message}");
        assert!(!message.contains("SECRET"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn malformed_output_is_not_echoed() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let exec = plugin(directory.path(), "echo 'token: SECRET-TOKEN ['");
        let error =
            run_plugin("me", &exec, None, Limits::default(), PLUGIN_TIMEOUT).expect_err("fails");
        assert!(matches!(error, KubeconfigError::PluginOutput { .. }));
        assert!(!error.to_string().contains("SECRET"), "{error}");
    }

    #[test]
    fn a_plugin_that_never_exits_is_given_up_on() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let exec = plugin(directory.path(), "exec sleep 60");
        let started = Instant::now();
        let error = run_plugin(
            "me",
            &exec,
            None,
            Limits::default(),
            Duration::from_millis(300),
        )
        .expect_err("gives up");
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(
            matches!(error, KubeconfigError::PluginTimeout { .. }),
            "{error}"
        );
        assert!(error.to_string().contains("/plugin"), "{error}");
    }

    #[test]
    fn a_plugin_printing_without_end_is_bounded() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let exec = plugin(directory.path(), "exec cat /dev/zero");
        let error =
            run_plugin("me", &exec, None, Limits::mib(1), PLUGIN_TIMEOUT).expect_err("too much");
        assert!(
            matches!(error, KubeconfigError::PluginTooMuch { .. }),
            "{error}"
        );
    }

    #[test]
    fn a_good_plugin_gives_its_token() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let exec = plugin(directory.path(), &format!("echo '{CREDENTIAL}'"));
        let credential =
            run_plugin("me", &exec, None, Limits::default(), PLUGIN_TIMEOUT).expect("runs");
        assert!(matches!(credential, Credential::Token(t) if t == "SECRET-TOKEN"));
    }

    #[test]
    fn files_a_user_names_are_read_bounded() {
        let mut user = AuthInfo {
            token_file: Some("/dev/zero".into()),
            ..AuthInfo::default()
        };
        let error = resolve_user("me", &mut user, None, Limits::mib(1), PLUGIN_TIMEOUT)
            .expect_err("bounded");
        assert!(error.to_string().contains("/dev/zero"), "{error}");
        let mut cluster = Cluster {
            certificate_authority: Some("/dev/zero".into()),
            ..Cluster::default()
        };
        assert!(resolve_cluster(&mut cluster, Limits::mib(1)).is_err());
        let error = read(&[PathBuf::from("/dev/zero")], Limits::mib(1)).expect_err("bounded");
        assert!(error.hint().is_some());
    }
}
