//! Connecting to the cluster the user means, and failing before any work when that is impossible.
//!
//! Kubeconfig as kubectl reads it: `--kubeconfig FILE`, else the `KUBECONFIG` list, else
//! `~/.kube/config`, else the in-cluster service account; `--context NAME` else the current
//! context. [`connect`] then asks the server for its version, so a wrong file, an unknown context
//! or an unreachable server is reported in one clear sentence before anything is rendered against
//! or written to the cluster.

use std::path::PathBuf;
use std::time::Duration;

use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

use super::RequestError;
use super::kubeconfig::{self, KubeconfigError};
use crate::yaml::Limits;

/// Which cluster to talk to.
#[derive(Debug, Clone, Default)]
pub struct ClusterOptions {
    /// `--kubeconfig`: a kubeconfig file instead of `KUBECONFIG` or `~/.kube/config`.
    pub kubeconfig: Option<PathBuf>,
    /// `--context`: a context of that kubeconfig instead of its current one.
    pub context: Option<String>,
    /// How much of the kubeconfig and each file it names meshctl reads.
    pub limits: Limits,
}

/// A connected client and what the server said about itself.
#[derive(Clone)]
pub struct Connection {
    pub client: Client,
    /// The API server URL, for messages.
    pub server: String,
    /// The context in use (`None` in-cluster).
    pub context: Option<String>,
    /// The server's `gitVersion`, e.g. `v1.37.2`.
    pub server_version: String,
    /// What `client` was built from, for [`Connection::watch_client`].
    config: Config,
}

impl Connection {
    /// A client for long-running watches: the same server and credentials without
    /// [`READ_TIMEOUT`]. A watch may rightly stay silent for minutes (nothing changed), and
    /// cutting it after one minute of silence broke it with an error, backed off and re-watched
    /// every minute. kube's watcher bounds a silent watch itself: the server ends it after its
    /// `timeoutSeconds` (290 s) and the watcher gives up on a connection silent for 5 s longer.
    pub fn watch_client(&self) -> Result<Client, ClientError> {
        let mut config = self.config.clone();
        config.read_timeout = None;
        Client::try_from(config).map_err(|source| ClientError::Build {
            server: self.server.clone(),
            source,
        })
    }
}

/// A kubeconfig error, told once. kube-rs writes each cause into its own message *and* returns
/// it as the source, so printing the chain said `No such file or directory` two or three times;
/// this keeps the message and drops the chain (a read error keeps only the I/O error: the path
/// is in meshctl's own message).
#[derive(Debug)]
pub struct KubeconfigCause(String);

impl From<kube::config::KubeconfigError> for KubeconfigCause {
    fn from(error: kube::config::KubeconfigError) -> Self {
        match error {
            kube::config::KubeconfigError::ReadConfig(io, _) => Self(io.to_string()),
            other => Self(other.to_string()),
        }
    }
}

impl std::fmt::Display for KubeconfigCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KubeconfigCause {}

/// Why meshctl could not connect.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(transparent)]
    Kubeconfig(#[from] KubeconfigError),
    /// `reason`: why in-cluster configuration failed, told once (kube-rs repeats its cause in
    /// its message and as its source).
    #[error(
        "no kubeconfig found (looked at `KUBECONFIG`, `~/.kube/config` and in-cluster): {reason}"
    )]
    NoKubeconfig { reason: String },
    #[error("context `{context}` is not in the kubeconfig (it has: {available})")]
    UnknownContext { context: String, available: String },
    #[error("the kubeconfig has no current context; pass `--context` (it has: {available})")]
    NoCurrentContext { available: String },
    #[error("cannot use context `{context}`")]
    BadContext {
        context: String,
        #[source]
        source: KubeconfigCause,
    },
    #[error("cannot build a client for {server}")]
    Build {
        server: String,
        #[source]
        source: kube::Error,
    },
    #[error("cannot reach the API server at {server}{context}", context = context_note(context.as_deref()))]
    Unreachable {
        server: String,
        context: Option<String>,
        #[source]
        source: Box<RequestError>,
    },
    #[error("the API server at {server} did not answer within {seconds}s{context}", context = context_note(context.as_deref()))]
    Timeout {
        server: String,
        context: Option<String>,
        seconds: u64,
    },
}

fn context_note(context: Option<&str>) -> String {
    context.map_or_else(String::new, |c| format!(" (context `{c}`)"))
}

impl ClientError {
    /// What the user can do about it.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::UnknownContext { .. } | Self::NoCurrentContext { .. } => {
                Some("list contexts with `kubectl config get-contexts`".into())
            }
            Self::Unreachable { source, .. } if !source.is_unreachable() => {
                source.hint().or_else(|| {
                    Some(
                    "check that the cluster is running and that `--kubeconfig`/`--context` name it"
                        .into(),
                )
                })
            }
            Self::Unreachable { .. } | Self::Timeout { .. } => Some(
                "check that the cluster is running and that `--kubeconfig`/`--context` name it"
                    .into(),
            ),
            Self::Kubeconfig(error) => error.hint(),
            _ => None,
        }
    }
}

/// How long the first request may take before the server is called unreachable.
const PROBE_TIMEOUT: Duration = Duration::from_secs(15);

/// How long connecting (TCP) to the API server may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the API server may stay silent while meshctl waits for an answer: kube's default is
/// no limit, so a server that stops answering without closing the connection (a frozen process,
/// a dropped network path) would hang meshctl forever. A minute is far longer than any single
/// request meshctl makes takes; watches that outlast it resume (kube's watcher re-watches).
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Loads the kubeconfig, picks the context and checks that the server answers.
pub async fn connect(options: &ClusterOptions) -> Result<Connection, ClientError> {
    let (mut config, context) = load_config(options).await?;
    config.connect_timeout = Some(CONNECT_TIMEOUT);
    config.read_timeout = Some(READ_TIMEOUT);
    // Count the read timeout from when a request is sent, not from when its pooled connection
    // went idle.
    config.reset_reader_on_write = true;
    let server = config.cluster_url.to_string();
    let client = Client::try_from(config.clone()).map_err(|source| ClientError::Build {
        server: server.clone(),
        source,
    })?;
    let version = match tokio::time::timeout(PROBE_TIMEOUT, client.apiserver_version()).await {
        Err(_) => {
            return Err(ClientError::Timeout {
                server,
                context,
                seconds: PROBE_TIMEOUT.as_secs(),
            });
        }
        Ok(Err(error)) => {
            return Err(ClientError::Unreachable {
                server,
                context,
                source: Box::new(RequestError::from_kube(error, "get", "/version", None)),
            });
        }
        Ok(Ok(info)) => info.git_version,
    };
    // `/version` is open to anyone; a request that needs credentials proves they work.
    if let Err(error) = client.list_core_api_versions().await {
        return Err(ClientError::Unreachable {
            server,
            context,
            source: Box::new(RequestError::from_kube(error, "get", "/api", None)),
        });
    }
    Ok(Connection {
        client,
        server,
        context,
        server_version: version,
        config,
    })
}

async fn load_config(options: &ClusterOptions) -> Result<(Config, Option<String>), ClientError> {
    let paths = match &options.kubeconfig {
        Some(path) => vec![path.clone()],
        None => kubeconfig_paths(),
    };
    if paths.is_empty() {
        // No file at all: in-cluster (the operator's case), or a clear "nothing found". Not
        // `Config::infer`: it looks for the kubeconfig files again and reports each miss, so
        // the cause was told three times.
        let config = Config::incluster().map_err(|error| ClientError::NoKubeconfig {
            reason: error.to_string(),
        })?;
        return Ok((config, None));
    }
    let mut kubeconfig = kubeconfig::read(&paths, options.limits)?;
    let context = choose_context(&kubeconfig, options.context.as_deref())?;
    // The files the context names are read, and its credential plugin run, here: bounded, with
    // a time limit, and never printing what the plugin said.
    kubeconfig::resolve(&mut kubeconfig, &context, options.limits)?;
    let config = Config::from_custom_kubeconfig(
        kubeconfig,
        &KubeConfigOptions {
            context: Some(context.clone()),
            ..KubeConfigOptions::default()
        },
    )
    .await
    .map_err(|source| ClientError::BadContext {
        context: context.clone(),
        source: source.into(),
    })?;
    Ok((config, Some(context)))
}

/// The kubeconfig files kubectl would read: the `KUBECONFIG` list (empty entries ignored), else
/// `~/.kube/config` when it exists; none means in-cluster.
fn kubeconfig_paths() -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("KUBECONFIG") {
        let paths: Vec<PathBuf> = std::env::split_paths(&list)
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if !paths.is_empty() {
            return paths;
        }
    }
    std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".kube").join("config"))
        .filter(|path| path.exists())
        .into_iter()
        .collect()
}

/// The context to use: the one asked for (which must exist), else the current one.
fn choose_context(kubeconfig: &Kubeconfig, wanted: Option<&str>) -> Result<String, ClientError> {
    let names: Vec<&str> = kubeconfig
        .contexts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let available = if names.is_empty() {
        "no contexts".to_string()
    } else {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match wanted {
        Some(context) if names.contains(&context) => Ok(context.to_string()),
        Some(context) => Err(ClientError::UnknownContext {
            context: context.to_string(),
            available,
        }),
        None => match kubeconfig.current_context.as_deref() {
            Some(current) if names.contains(&current) => Ok(current.to_string()),
            Some(current) => Err(ClientError::UnknownContext {
                context: current.to_string(),
                available,
            }),
            None => Err(ClientError::NoCurrentContext { available }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r"
apiVersion: v1
kind: Config
current-context: admin
clusters:
- name: local
  cluster: {server: 'https://127.0.0.1:1'}
users:
- name: admin
  user: {token: x}
contexts:
- name: admin
  context: {cluster: local, user: admin}
- name: other
  context: {cluster: local, user: admin}
";

    #[test]
    fn context_is_the_asked_one_else_the_current_one() {
        let config = Kubeconfig::from_yaml(CONFIG).expect("parses");
        assert_eq!(choose_context(&config, None).expect("current"), "admin");
        assert_eq!(
            choose_context(&config, Some("other")).expect("exists"),
            "other"
        );
        let error = choose_context(&config, Some("nope")).expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "context `nope` is not in the kubeconfig (it has: `admin`, `other`)"
        );
        assert!(error.hint().is_some());
    }

    #[tokio::test]
    async fn a_missing_kubeconfig_file_is_named() {
        let options = ClusterOptions {
            kubeconfig: Some("/nonexistent/kubeconfig".into()),
            ..ClusterOptions::default()
        };
        let error = connect(&options).await.err().expect("fails");
        assert!(
            error.to_string().contains("`/nonexistent/kubeconfig`"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn an_unreachable_server_is_reported_before_any_work() {
        let directory = tempfile::tempdir().expect("temporary directory");
        let path = directory.path().join("config");
        std::fs::write(&path, CONFIG).expect("write kubeconfig");
        let options = ClusterOptions {
            kubeconfig: Some(path),
            context: Some("other".into()),
            ..ClusterOptions::default()
        };
        let error = connect(&options).await.err().expect("fails");
        assert!(
            error
                .to_string()
                .starts_with("cannot reach the API server at https://127.0.0.1:1/"),
            "{error}"
        );
        assert!(error.to_string().contains("context `other`"), "{error}");
    }
}
