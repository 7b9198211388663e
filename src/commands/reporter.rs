//! Progress of the cluster stages on stderr: one live line per component on a terminal
//! (indicatif), plain lines otherwise (CI logs, pipes), never on stdout.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use meshctl::cluster::{ObjectKey, Reporter};
use meshctl::render::ComponentName;

/// The CLI's [`Reporter`].
pub struct Progress {
    live: Option<Live>,
    /// Whether each deleted object gets a line (uninstall) or only a count (prune).
    list_deletions: bool,
}

struct Live {
    multi: MultiProgress,
    bars: Mutex<BTreeMap<ComponentName, ProgressBar>>,
}

impl Progress {
    /// Live progress when `terminal`, plain lines otherwise.
    pub fn new(terminal: bool, list_deletions: bool) -> Self {
        let live = terminal.then(|| Live {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            bars: Mutex::new(BTreeMap::new()),
        });
        Self {
            live,
            list_deletions,
        }
    }

    fn line(&self, text: &str) {
        // Progress lines carry names and reasons from the cluster: escaped like every message.
        let text = crate::output::for_terminal(text);
        let text = text.as_ref();
        match &self.live {
            Some(live) => {
                let _ = live.multi.println(text);
            }
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    }

    fn bar(&self, component: ComponentName) -> Option<ProgressBar> {
        let live = self.live.as_ref()?;
        live.bars.lock().ok()?.get(&component).cloned()
    }
}

impl Reporter for Progress {
    fn step(&self, message: &str) {
        self.line(message);
    }

    fn component_started(&self, component: ComponentName, objects: usize) {
        let Some(live) = &self.live else {
            let text = match objects {
                0 => "unchanged, checking readiness".to_string(),
                1 => "applying 1 object".to_string(),
                n => format!("applying {n} objects"),
            };
            self.line(&format!("{}: {text}", component.title()));
            return;
        };
        let bar = live.multi.add(ProgressBar::new(objects as u64));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {prefix:18} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_prefix(component.title());
        bar.set_message(if objects == 0 {
            "unchanged"
        } else {
            "applying"
        });
        bar.enable_steady_tick(Duration::from_millis(120));
        if let Ok(mut bars) = live.bars.lock() {
            bars.insert(component, bar);
        }
    }

    fn object_applied(&self, component: ComponentName, _object: &ObjectKey) {
        if let Some(bar) = self.bar(component) {
            bar.inc(1);
        }
    }

    fn waiting(&self, component: ComponentName, reason: &str) {
        match self.bar(component) {
            Some(bar) => {
                bar.set_message(format!("waiting: {}", crate::output::for_terminal(reason)));
            }
            None => self.line(&format!("{}: waiting: {reason}", component.title())),
        }
    }

    fn component_ready(&self, component: ComponentName, elapsed: Duration) {
        let text = format!("ready in {:.1}s", elapsed.as_secs_f64());
        match self.bar(component) {
            Some(bar) => {
                bar.set_style(
                    ProgressStyle::with_template("✔ {prefix:18} {wide_msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.finish_with_message(text);
            }
            None => self.line(&format!("✔ {}: {text}", component.title())),
        }
    }

    fn component_failed(&self, component: ComponentName) {
        match self.bar(component) {
            Some(bar) => {
                bar.set_style(
                    ProgressStyle::with_template("✘ {prefix:18} {wide_msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.abandon_with_message("failed");
            }
            None => self.line(&format!("✘ {}: failed", component.title())),
        }
    }

    fn object_deleted(&self, object: &ObjectKey) {
        if self.list_deletions {
            self.line(&format!("  deleted {object}"));
        }
    }
}
