//! At-least-once delivery: every outcome is produced on its own, concurrently, and its input offset is
//! stored for commit only after the broker acknowledged it (acks=all, idempotent producer). Offsets are
//! stored as per-partition contiguous watermarks ([`crate::offsets`]), so a commit never passes a record
//! that is still on its way.

use std::sync::Arc;
use std::time::Duration;

use rdkafka::producer::Producer;
use rdkafka::util::Timeout;
use tokio::sync::{mpsc, Semaphore};
use tokio::task::JoinSet;

use super::{lock, permanent, record, reroute, Sink};
use crate::worker::Outcome;

/// Deliveries allowed in flight at once; more waits, which in turn fills the worker queues (and so
/// stops consumption: backpressure instead of an unbounded backlog when a topic is not writable).
pub const MAX_PENDING: usize = 256;

/// Delivers outcomes until the channel closes and every delivery has finished (or given up at the
/// shutdown deadline), then flushes the producer.
pub async fn run(mut outcomes: mpsc::Receiver<Outcome>, sink: Sink) {
    let permits = Arc::new(Semaphore::new(MAX_PENDING));
    let mut pending = JoinSet::new();
    while let Some(outcome) = outcomes.recv().await {
        let Ok(permit) = permits.clone().acquire_owned().await else {
            break;
        };
        let sink = sink.clone();
        pending.spawn(async move {
            deliver(outcome, &sink).await;
            drop(permit);
        });
        while pending.try_join_next().is_some() {}
    }
    while pending.join_next().await.is_some() {}
    // Everything acknowledged has been stored; flush what the producer still holds.
    let _ = sink.producer.flush(Duration::from_secs(5));
}

/// False when the record's partition was revoked since it was consumed: its new owner starts from
/// the committed offset, which lies at or before this record, and redoes it — writing it here too
/// would only add a duplicate.
fn still_owned(outcome: &Outcome, sink: &Sink) -> bool {
    let job = outcome.job();
    let Some((topic, partition, _)) = job.origin.kafka() else {
        return true;
    };
    let owned = lock(&sink.acker.tracker).owns(topic, partition, job.epoch);
    if !owned {
        tracing::debug!(origin = %job.origin, "partition revoked before delivery; left to its new owner");
    }
    owned
}

/// Produces one outcome until the broker acknowledges it, then marks it done and stores the new
/// watermark. A record refused for good (too large, invalid) is rerouted — output → dead letter, dead
/// letter → truncated payload — so it cannot hold its partition forever. Anything else is retried
/// with backoff and holds the partition's watermark (and so commits) where it is — nothing is
/// dropped. Retries end at the shutdown deadline or on a fatal producer error; the record is then
/// redelivered after restart.
async fn deliver(mut outcome: Outcome, sink: &Sink) {
    let mut backoff = super::Backoff::default();
    loop {
        if !still_owned(&outcome, sink) {
            return;
        }
        let e = match sink
            .producer
            .send(
                record(&outcome, &sink.cfg),
                Timeout::After(Duration::from_secs(30)),
            )
            .await
        {
            Ok(_) => break,
            Err((e, _)) => e,
        };
        let (what, topic) = match outcome {
            Outcome::Enriched { .. } => ("output write", &sink.cfg.output_topic),
            Outcome::DeadLetter { .. } => ("dead-letter write", &sink.cfg.dead_letter_topic),
        };
        if permanent(&e) {
            let rerouted;
            (outcome, rerouted) = reroute(outcome, &e, &sink.cfg);
            if rerouted {
                continue;
            }
        }
        sink.failed(what, topic, &e, backoff.delay());
        if *sink.stop.borrow() || sink.check_fatal() {
            return;
        }
        backoff.wait().await;
    }
    sink.health.delivery_ok();
    sink.delivered(&outcome);
    crate::source::Acker::ack(&sink.acker, outcome.job());
}
