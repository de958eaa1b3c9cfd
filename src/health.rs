//! Liveness and readiness, as the operator's HTTP endpoint ([`crate::http`]) and the stats line report
//! them. The source and the sinks feed it; nothing here does I/O.
//!
//! Ready means "this instance is moving records": it has joined its group, is not draining, and —
//! when there is work (lag or records in flight) — has delivered something within `stall_after`.
//! A stall is what an unwritable output or dead-letter topic, a lost broker or a wedged stage look
//! like from outside, so it is one signal, with the last delivery error as the likely reason.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Phase {
    /// Clients created, waiting for the first partition assignment.
    Starting = 0,
    Running = 1,
    /// Shutdown began: fetching stopped, in-flight work finishing.
    Draining = 2,
}

pub struct Health {
    started: Instant,
    phase: AtomicU8,
    /// Milliseconds after `started` of the last acknowledged delivery (or of the start of running).
    last_progress_ms: AtomicU64,
    stall_after: Duration,
    delivery_error: Mutex<Option<String>>,
    /// librdkafka's reason while it reports every broker down. A lost broker was only visible as a
    /// stall, i.e. after `stall_after` and only with work waiting; this makes it immediate.
    broker_lost: Mutex<Option<String>>,
    /// Why the input cannot be consumed before any assignment (a topic that does not exist): without
    /// it `/readyz` said only "starting" for ever.
    input_missing: Mutex<Option<String>>,
}

/// What the source knows about outstanding work when readiness is asked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Backlog {
    pub in_flight: usize,
    /// Total consumer lag; None before librdkafka has reported any.
    pub lag: Option<i64>,
}

impl Backlog {
    fn pending(&self) -> bool {
        self.in_flight > 0 || self.lag.is_some_and(|l| l > 0)
    }
}

impl Health {
    pub fn new(stall_after: Duration) -> Self {
        Health {
            started: Instant::now(),
            phase: AtomicU8::new(Phase::Starting as u8),
            last_progress_ms: AtomicU64::new(0),
            stall_after,
            delivery_error: Mutex::new(None),
            broker_lost: Mutex::new(None),
            input_missing: Mutex::new(None),
        }
    }

    pub fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Starting,
            1 => Phase::Running,
            _ => Phase::Draining,
        }
    }

    /// Moves to `phase`; never back from draining (a late assignment during shutdown changes nothing).
    pub fn set_phase(&self, phase: Phase) {
        let now = self.phase();
        if now == Phase::Draining || now == phase {
            return;
        }
        if phase == Phase::Running {
            // A stall is measured from the moment there could first be progress.
            self.progress();
        }
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    /// A record reached the output or the dead-letter sink (so a broker is reachable, too).
    pub fn progress(&self) {
        self.broker_up();
        self.last_progress_ms
            .store(self.started.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    pub fn delivery_failed(&self, message: String) {
        *self
            .delivery_error
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(message);
    }

    pub fn delivery_ok(&self) {
        *self
            .delivery_error
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// librdkafka reports that no broker is reachable (`reason` says which and why).
    pub fn brokers_down(&self, reason: String) {
        *self.broker_lost.lock().unwrap_or_else(|p| p.into_inner()) = Some(reason);
    }

    /// A broker is reachable again (statistics show one up, or a record moved).
    pub fn broker_up(&self) {
        *self.broker_lost.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn since_progress(&self) -> Duration {
        let last = Duration::from_millis(self.last_progress_ms.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
    }

    /// Ok when ready; otherwise the reason, for the 503 body and the logs.
    /// The source cannot read its input (None: it can again, e.g. the topic was created).
    pub fn input_missing(&self, why: Option<String>) {
        *self.input_missing.lock().unwrap_or_else(|p| p.into_inner()) = why;
    }

    pub fn readiness(&self, backlog: Backlog) -> Result<(), String> {
        match self.phase() {
            Phase::Starting => {
                let missing = self
                    .input_missing
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone();
                return Err(match missing {
                    Some(why) => format!("starting: input not available: {why}"),
                    None => "starting: waiting for a partition assignment".into(),
                });
            }
            Phase::Draining => return Err("draining: shutting down".into()),
            Phase::Running => {}
        }
        if let Some(reason) = self
            .broker_lost
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
        {
            return Err(format!("broker unreachable: {reason}"));
        }
        let idle = self.since_progress();
        if backlog.pending() && idle >= self.stall_after {
            let error = self
                .delivery_error
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone();
            return Err(format!(
                "stalled: nothing delivered for {} s with {} records in flight and lag {}{}",
                idle.as_secs(),
                backlog.in_flight,
                backlog.lag.map_or("unknown".into(), |l| l.to_string()),
                error.map_or(String::new(), |e| format!("; last delivery error: {e}"))
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starting_says_why_when_the_input_is_missing() {
        let h = Health::new(Duration::ZERO);
        h.input_missing(Some("topic articles does not exist".into()));
        let why = h.readiness(Backlog::default()).unwrap_err();
        assert!(why.contains("topic articles does not exist"), "{why}");
        h.input_missing(None);
        let why = h.readiness(Backlog::default()).unwrap_err();
        assert!(why.contains("waiting for a partition assignment"), "{why}");
    }

    #[test]
    fn ready_only_while_running_and_moving() {
        let h = Health::new(Duration::ZERO);
        let busy = Backlog {
            in_flight: 3,
            lag: Some(10),
        };
        assert!(h
            .readiness(Backlog::default())
            .unwrap_err()
            .starts_with("starting"));
        h.set_phase(Phase::Running);
        assert!(h.readiness(Backlog::default()).is_ok(), "idle is ready");
        h.delivery_failed("output: topic authorization failed".into());
        let why = h.readiness(busy).unwrap_err();
        assert!(
            why.contains("stalled") && why.contains("authorization"),
            "{why}"
        );
        h.set_phase(Phase::Draining);
        h.set_phase(Phase::Running);
        assert_eq!(h.phase(), Phase::Draining, "draining is final");
    }

    #[test]
    fn not_ready_while_every_broker_is_down() {
        let h = Health::new(Duration::from_secs(3600));
        h.set_phase(Phase::Running);
        h.brokers_down("1/1 brokers are down".into());
        let why = h.readiness(Backlog::default()).unwrap_err();
        assert!(why.starts_with("broker unreachable"), "{why}");
        h.broker_up();
        assert!(h.readiness(Backlog::default()).is_ok());
    }

    #[test]
    fn progress_within_the_window_keeps_it_ready() {
        let h = Health::new(Duration::from_secs(3600));
        h.set_phase(Phase::Running);
        let busy = Backlog {
            in_flight: 1,
            lag: None,
        };
        assert!(h.readiness(busy).is_ok());
    }
}
