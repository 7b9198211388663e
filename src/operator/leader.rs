//! Leader election on a `coordination.k8s.io/v1` Lease, so that of several operator replicas
//! exactly one reconciles.
//!
//! The algorithm is client-go's: the holder renews `renewTime` every [`RENEW_INTERVAL`]; a candidate takes
//! the Lease over only when its record has not changed for a whole lease duration *as measured by
//! the candidate's own clock* (so clock skew between nodes cannot make two leaders), or when the
//! holder released it on shutdown. Every write carries the `resourceVersion` it read, so of two
//! candidates racing for an expired Lease the API server lets exactly one win.
//!
//! A leader that cannot renew before [`RENEW_DEADLINE`] has passed must stop acting: the
//! controller then exits and Kubernetes restarts it as a candidate.

use std::time::{Duration, Instant};

use k8s_openapi::api::coordination::v1::{Lease, LeaseSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::MicroTime;
use k8s_openapi::jiff::Timestamp;
use kube::Client;
use kube::api::{Api, ObjectMeta, PostParams};

use crate::cluster::{RequestError, RequestFailed, is_conflict};

/// How long a Lease is valid without renewal.
pub const LEASE_DURATION: Duration = Duration::from_secs(15);
/// How long a leader keeps acting while renewals fail.
pub const RENEW_DEADLINE: Duration = Duration::from_secs(10);
/// How often the leader renews: a third of the lease duration, so two renewals may fail before
/// the deadline (client-go renews every retry period, 2 s, which costs an operator at rest
/// 60 requests a minute; a third of the duration is what most leader-election libraries use).
/// A renewal is one request: the Lease as last written, with its `resourceVersion`.
pub const RENEW_INTERVAL: Duration = Duration::from_secs(5);
/// How often a candidate retries, and a leader whose renewal failed.
pub const RETRY: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum LeaderError {
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error("lost leadership of Lease `{namespace}/{name}`: {reason}")]
    Lost {
        namespace: String,
        name: String,
        reason: String,
    },
}

/// What one attempt to acquire or renew found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// This replica holds the Lease (it just took it, or renewed it).
    Leading,
    /// Another replica holds it.
    HeldBy(String),
}

/// One replica's view of the Lease.
pub struct LeaderElection {
    api: Api<Lease>,
    namespace: String,
    name: String,
    identity: String,
    /// The Lease's `resourceVersion` when this replica last saw it change, and when that was.
    observed: Option<(String, Instant)>,
    /// When this replica last renewed successfully.
    renewed: Option<Instant>,
    /// The Lease as this replica last wrote it while leading: renewed without reading it first.
    held: Option<Lease>,
}

impl LeaderElection {
    #[must_use]
    pub fn new(client: Client, namespace: &str, name: &str, identity: &str) -> Self {
        Self {
            api: Api::namespaced(client, namespace),
            namespace: namespace.to_string(),
            name: name.to_string(),
            identity: identity.to_string(),
            observed: None,
            renewed: None,
            held: None,
        }
    }

    #[must_use]
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// Takes the Lease if it is free or expired, renews it if held; one round trip or two.
    pub async fn try_acquire_or_renew(&mut self) -> Result<Attempt, LeaderError> {
        let now = MicroTime(Timestamp::now());
        if let Some(mut lease) = self.held.take() {
            // The write carries the version this replica wrote: if anyone wrote since, it
            // conflicts and the Lease is read again below.
            if let Some(spec) = lease.spec.as_mut() {
                spec.renew_time = Some(now.clone());
            }
            if self.write(&lease).await? == Attempt::Leading {
                return Ok(Attempt::Leading);
            }
        }
        let existing = self
            .api
            .get_opt(&self.name)
            .await
            .map_err(|e| self.request_error("get", e))?;
        let Some(mut lease) = existing else {
            let lease = Lease {
                metadata: ObjectMeta {
                    name: Some(self.name.clone()),
                    namespace: Some(self.namespace.clone()),
                    ..ObjectMeta::default()
                },
                spec: Some(self.held_spec(now, 0)),
            };
            return match self.api.create(&PostParams::default(), &lease).await {
                Ok(_) => Ok(self.became_leader()),
                Err(error) if is_conflict(&error) => Ok(Attempt::HeldBy("another replica".into())),
                Err(error) => Err(self.request_error("create", error)),
            };
        };
        let spec = lease.spec.clone().unwrap_or_default();
        let holder = spec.holder_identity.clone().unwrap_or_default();
        let version = lease.metadata.resource_version.clone().unwrap_or_default();
        if holder == self.identity {
            let mut renewed = spec;
            renewed.renew_time = Some(now);
            renewed.lease_duration_seconds = Some(duration_seconds(LEASE_DURATION));
            lease.spec = Some(renewed);
            return self.write(&lease).await;
        }
        if self.observed.as_ref().is_none_or(|(v, _)| *v != version) {
            self.observed = Some((version, Instant::now()));
        }
        let duration = spec.lease_duration_seconds.map_or(LEASE_DURATION, |s| {
            Duration::from_secs(u64::try_from(s).unwrap_or(0))
        });
        let unchanged_for = self
            .observed
            .as_ref()
            .map_or(Duration::ZERO, |(_, at)| at.elapsed());
        if !holder.is_empty() && unchanged_for < duration {
            return Ok(Attempt::HeldBy(holder));
        }
        let transitions = spec.lease_transitions.unwrap_or(0) + 1;
        lease.spec = Some(self.held_spec(now, transitions));
        match self.write(&lease).await? {
            Attempt::HeldBy(_) => Ok(Attempt::HeldBy(holder)),
            Attempt::Leading => Ok(Attempt::Leading),
        }
    }

    /// Waits until this replica leads; `waiting` is called with the holder each time it does not.
    /// Errors reading the Lease are reported through `failed` and retried: the API server may be
    /// briefly away, and a candidate has nothing to protect.
    pub async fn acquire(&mut self, waiting: impl Fn(&str), failed: impl Fn(&LeaderError)) {
        let mut last_holder = String::new();
        loop {
            match self.try_acquire_or_renew().await {
                Ok(Attempt::Leading) => return,
                Ok(Attempt::HeldBy(holder)) => {
                    if holder != last_holder {
                        waiting(&holder);
                        last_holder = holder;
                    }
                }
                Err(error) => failed(&error),
            }
            tokio::time::sleep(RETRY).await;
        }
    }

    /// Renews every [`RENEW_INTERVAL`] (every [`RETRY`] after a failure) for as long as this
    /// replica leads; returns why it stopped leading.
    pub async fn keep(&mut self, failed: impl Fn(&LeaderError)) -> LeaderError {
        let mut wait = RENEW_INTERVAL;
        loop {
            tokio::time::sleep(wait).await;
            wait = RETRY;
            match self.try_acquire_or_renew().await {
                Ok(Attempt::Leading) => wait = RENEW_INTERVAL,
                Ok(Attempt::HeldBy(holder)) => {
                    return self.lost(format!("`{holder}` holds it now"));
                }
                Err(error) => {
                    failed(&error);
                    if self.renewed.is_none_or(|at| at.elapsed() >= RENEW_DEADLINE) {
                        return self.lost(format!(
                            "no renewal for {}s ({error})",
                            RENEW_DEADLINE.as_secs()
                        ));
                    }
                }
            }
        }
    }

    /// Gives the Lease up on shutdown, so that another replica takes over at once instead of
    /// after a lease duration. Does nothing when another replica holds it.
    pub async fn release(&mut self) -> Result<(), LeaderError> {
        self.held = None;
        let Some(mut lease) = self
            .api
            .get_opt(&self.name)
            .await
            .map_err(|e| self.request_error("get", e))?
        else {
            return Ok(());
        };
        let mut spec = lease.spec.clone().unwrap_or_default();
        if spec.holder_identity.as_deref() != Some(self.identity.as_str()) {
            return Ok(());
        }
        spec.holder_identity = None;
        spec.lease_duration_seconds = Some(1);
        spec.renew_time = Some(MicroTime(Timestamp::now()));
        lease.spec = Some(spec);
        self.api
            .replace(&self.name, &PostParams::default(), &lease)
            .await
            .map_err(|e| self.request_error("update", e))?;
        self.renewed = None;
        Ok(())
    }

    fn held_spec(&self, now: MicroTime, transitions: i32) -> LeaseSpec {
        LeaseSpec {
            holder_identity: Some(self.identity.clone()),
            lease_duration_seconds: Some(duration_seconds(LEASE_DURATION)),
            acquire_time: Some(now.clone()),
            renew_time: Some(now),
            lease_transitions: Some(transitions),
            ..LeaseSpec::default()
        }
    }

    /// Writes `lease` with the `resourceVersion` it was read at; a conflict means another replica
    /// wrote first.
    async fn write(&mut self, lease: &Lease) -> Result<Attempt, LeaderError> {
        match self
            .api
            .replace(&self.name, &PostParams::default(), lease)
            .await
        {
            Ok(written) => {
                self.held = Some(written);
                Ok(self.became_leader())
            }
            Err(error) if is_conflict(&error) => Ok(Attempt::HeldBy("another replica".into())),
            Err(error) => Err(self.request_error("update", error)),
        }
    }

    fn became_leader(&mut self) -> Attempt {
        self.renewed = Some(Instant::now());
        self.observed = None;
        Attempt::Leading
    }

    fn lost(&self, reason: String) -> LeaderError {
        LeaderError::Lost {
            namespace: self.namespace.clone(),
            name: self.name.clone(),
            reason,
        }
    }

    fn request_error(&self, verb: &'static str, error: kube::Error) -> LeaderError {
        RequestFailed::new(
            verb,
            format!("Lease `{}/{}`", self.namespace, self.name),
            RequestError::from_kube(
                error,
                verb,
                "leases.coordination.k8s.io",
                Some(&self.namespace),
            ),
        )
        .into()
    }
}

fn duration_seconds(duration: Duration) -> i32 {
    i32::try_from(duration.as_secs()).unwrap_or(i32::MAX)
}
