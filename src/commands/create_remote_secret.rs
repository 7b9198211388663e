//! `meshctl create-remote-secret`: the Secret another cluster's istiod reads this cluster with.
//!
//! The Secret carries a bearer token, so it goes to standard output and nowhere else: never into
//! a message, and not onto a terminal (where it would stay in the scrollback) unless `--force`
//! says so. The refusal comes before anything is asked of or written to the cluster.

use anyhow::anyhow;
use meshctl::multicluster;

use super::{CommandError, ExitStatus, Hinted, connect, runtime, with_hint};
use crate::output::Printer;
use crate::settings::CreateRemoteSecretSettings;

pub fn run(
    settings: &CreateRemoteSecretSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    if printer.stdout_is_terminal() && !settings.force {
        return Err(anyhow!(Hinted {
            message: "refusing to write a Secret with a token to a terminal".into(),
            hint: "pipe it into `kubectl --context PRIMARY apply -f -` or redirect it to a file; `--force` writes it to the terminal anyway".into(),
        })
        .into());
    }
    let secret = runtime()?.block_on(async {
        let (connection, catalog) = connect(&settings.cluster).await?;
        multicluster::create_remote_secret(&connection, &catalog, &settings.options)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })
    })?;
    for created in &secret.created {
        printer.status(&format!("created {created}"))?;
    }
    for warning in &secret.warnings {
        printer.warn(warning)?;
    }
    printer.data(&secret.to_yaml())?;
    Ok(ExitStatus::Success)
}
