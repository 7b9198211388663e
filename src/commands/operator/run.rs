//! `meshctl operator run`: the controller in the foreground, logging to stderr through
//! `tracing` (`RUST_LOG` selects what; `info` by default). SIGTERM or Ctrl-C finishes the
//! reconciles in flight, releases the Lease and exits 0; losing the Lease exits non-zero so that
//! Kubernetes restarts the pod as a candidate.

use anyhow::Context as _;
use futures::FutureExt;
use meshctl::operator::controller::{self, Settings};
use meshctl::operator::probe::{self, Readiness};

use super::super::{CommandError, ExitStatus, connect, with_hint};
use crate::settings::OperatorRunSettings;

/// Runs the controller; its output is the log on stderr, so it takes no printer.
pub fn run(args: &OperatorRunSettings) -> Result<ExitStatus, CommandError> {
    init_logging();
    let settings = Settings {
        watched_namespaces: args.watched_namespaces.clone(),
        operator_namespace: args.operator_namespace.clone(),
        identity: args.identity.clone(),
        readiness_timeout: args.readiness_timeout,
        resync: args.resync,
        readiness: Readiness::default(),
        watch_banzai: args.watch_banzai,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.probe_address)
            .await
            .with_context(|| format!("serving health probes on `{}`", args.probe_address))?;
        tracing::info!(address = %listener.local_addr()?, "serving /healthz and /readyz");
        tokio::spawn(probe::serve(listener, settings.readiness.clone()));
        let (connection, _) = connect(&args.cluster).await?;
        tracing::info!(
            server = %connection.server,
            version = %connection.server_version,
            meshctl = env!("CARGO_PKG_VERSION"),
            "connected"
        );
        let watches = connection.watch_client()?;
        controller::run(
            connection.client,
            watches,
            settings,
            shutdown_signal().boxed(),
        )
        .await
        .map_err(|e| {
            let hint = e.hint();
            with_hint(e, hint)
        })?;
        Ok(ExitStatus::Success)
    })
}

/// Completes on SIGTERM (what Kubernetes sends) or Ctrl-C.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
    tracing::info!("shutdown requested: finishing the reconciles in flight");
}

/// The operator's log: stderr, `RUST_LOG` or `info`, no colour unless stderr is a terminal.
fn init_logging() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_target(false)
        .try_init();
}
