//! Kubernetes events on the resources the operator reconciles (`kubectl describe iop`).
//!
//! kube-runtime's [`Recorder`] folds a repeated event into the first one (a series count on it)
//! when its type, reason, action and object match, whatever its note says: a second `TagMoved`
//! ("from `1-31-0` to `1-30-3`" after "from `1-30-3` to `1-31-0`") was read back with the first
//! one's note. Here each distinct reason and note has a recorder of its own, so a repeat of the
//! same words still counts up on one event and different words make an event of their own.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ObjectReference;
use kube::Client;
use kube::runtime::events::{Event, Recorder, Reporter};
use tokio::sync::Mutex;

/// How many distinct notes are remembered before the memory starts over (a repeat then makes a
/// new event instead of counting up on the old one).
const REMEMBERED: usize = 256;

pub struct Events {
    client: Client,
    reporter: Reporter,
    recorders: Mutex<BTreeMap<(String, String), Recorder>>,
}

impl Events {
    #[must_use]
    pub fn new(client: Client, reporter: Reporter) -> Self {
        Self {
            client,
            reporter,
            recorders: Mutex::new(BTreeMap::new()),
        }
    }

    /// Writes `event` on the object `reference` names.
    pub async fn publish(
        &self,
        event: &Event,
        reference: &ObjectReference,
    ) -> Result<(), kube::Error> {
        let key = (event.reason.clone(), event.note.clone().unwrap_or_default());
        let recorder = {
            let mut recorders = self.recorders.lock().await;
            if recorders.len() >= REMEMBERED && !recorders.contains_key(&key) {
                recorders.clear();
            }
            recorders
                .entry(key)
                .or_insert_with(|| Recorder::new(self.client.clone(), self.reporter.clone()))
                .clone()
        };
        recorder.publish(event, reference).await
    }
}
