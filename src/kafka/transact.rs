//! Exactly-once delivery (`kafka.exactly_once = true`): output records, dead letters and the input
//! offsets they consume are written in one Kafka transaction (`send_offsets_to_transaction`), so either
//! all of them become visible to read_committed readers and the group's offsets move, or none do.
//!
//! Workers finish out of order, so a finished record waits here until every earlier record of its
//! partition has finished too: a transaction carries only a contiguous prefix per partition, which is
//! what makes the committed offset cover exactly the records written. Transactions close every
//! `kafka.commit_interval_ms` (or sooner when [`MAX_BATCH`] records are ready).
//!
//! Limits: a consumer-group rebalance in the middle of a transaction makes it fail (the group
//! generation in its offsets is stale); it is aborted and the records of partitions still owned are
//! retried in a new one. Brokers must support transactions (Kafka ≥ 2.5 for the group-metadata
//! fencing used here).

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::error::KafkaError;
use rdkafka::producer::Producer;
use rdkafka::{Offset, TopicPartitionList};
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

use super::{lock, permanent, record, reroute, Sink};
use crate::worker::Outcome;

/// Records in one transaction at most; more are committed in the next.
pub const MAX_BATCH: usize = 500;

const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Default)]
struct Batch {
    records: Vec<Outcome>,
    /// Next offset to consume, per (topic, partition), committed with the records.
    offsets: BTreeMap<(String, i32), i64>,
}

/// Commits outcomes in transactions until the channel closes (then commits what is ready and
/// returns), the shutdown deadline passes, or the producer fails fatally.
pub async fn run(mut outcomes: mpsc::Receiver<Outcome>, sink: Sink, interval: Duration) {
    let mut waiting: Vec<Outcome> = Vec::new();
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut open = true;
    loop {
        tokio::select! {
            o = outcomes.recv(), if open => match o {
                Some(o) => {
                    // Done: its partition's watermark may pass it (the watermark is read below).
                    sink.ack(o.job());
                    waiting.push(o);
                    if waiting.len() < MAX_BATCH {
                        continue;
                    }
                }
                None => open = false,
            },
            _ = tick.tick() => {}
        }
        let batch = take_ready(&mut waiting, &sink);
        if !batch.records.is_empty() && !commit(batch, &sink).await {
            return;
        }
        if !open {
            if !waiting.is_empty() {
                tracing::info!(
                    records = waiting.len(),
                    "records behind an unfinished one were not committed; they are redelivered"
                );
            }
            return;
        }
    }
}

/// Moves every waiting record below its partition's watermark into a batch; drops records of
/// partitions this instance no longer owns (their new owner redoes them).
fn take_ready(waiting: &mut Vec<Outcome>, sink: &Sink) -> Batch {
    let tracker = lock(&sink.acker.tracker);
    let mut batch = Batch::default();
    let mut keep = Vec::with_capacity(waiting.len());
    for o in waiting.drain(..) {
        let job = o.job();
        let Some((topic, partition, offset)) = job.origin.kafka() else {
            continue;
        };
        match tracker.watermark(topic, partition, job.epoch) {
            None => {
                tracing::debug!(origin = %job.origin, "partition revoked; left to its new owner")
            }
            Some(mark) if offset < mark => {
                batch.offsets.insert((topic.to_string(), partition), mark);
                batch.records.push(o);
            }
            Some(_) => keep.push(o),
        }
    }
    *waiting = keep;
    batch
}

/// Runs the batch's transaction until it commits. Returns false when retrying must stop (shutdown
/// deadline or fatal producer error): nothing of the batch is then committed, so all of it is
/// redelivered.
async fn commit(mut batch: Batch, sink: &Sink) -> bool {
    let mut backoff = super::Backoff::default();
    loop {
        match attempt(&batch, sink).await {
            Ok(()) => {
                sink.stats.record_transaction("committed");
                sink.health.delivery_ok();
                for o in &batch.records {
                    sink.delivered(o);
                }
                return true;
            }
            Err(e) => {
                sink.stats.record_transaction("aborted");
                let topics = format!("{}/{}", sink.cfg.output_topic, sink.cfg.dead_letter_topic);
                sink.failed("transaction", &topics, &e, backoff.delay());
                let p = sink.producer.clone();
                if let Ok(Err(e)) =
                    tokio::task::spawn_blocking(move || p.abort_transaction(TIMEOUT)).await
                {
                    tracing::warn!(error = %e, "abort_transaction failed");
                }
                // A refused record is rerouted (output → dead letter, dead letter → truncated), in
                // its place so records keep their order, and the transaction redone at once: the
                // record would fail it again as it is.
                if let AttemptError::Refused(i, e) = e {
                    let (o, rerouted) = reroute(batch.records.remove(i), &e, &sink.cfg);
                    batch.records.insert(i, o);
                    if rerouted {
                        continue;
                    }
                }
                if *sink.stop.borrow() || sink.check_fatal() {
                    return false;
                }
                backoff.wait().await;
                // A rebalance may have moved partitions meanwhile; their records are not ours to write.
                let mut waiting = std::mem::take(&mut batch.records);
                batch = take_ready(&mut waiting, sink);
                if batch.records.is_empty() {
                    return true;
                }
            }
        }
    }
}

/// Why a transaction failed: the whole of it (retried as is), or one record refused for good.
#[derive(Debug, thiserror::Error)]
enum AttemptError {
    #[error(transparent)]
    Kafka(#[from] KafkaError),
    #[error("producer closed")]
    ProducerClosed,
    #[error("consumer has no group metadata")]
    NoGroupMetadata,
    /// The blocking librdkafka call's thread did not return (it panicked or the runtime shut down).
    #[error("librdkafka call did not return")]
    Blocking(#[from] tokio::task::JoinError),
    /// The record at this index of the batch was refused ([`super::permanent`]).
    #[error("record refused: {1}")]
    Refused(usize, KafkaError),
}

/// One transaction: begin, produce every record, add the offsets, commit.
async fn attempt(batch: &Batch, sink: &Sink) -> Result<(), AttemptError> {
    let p = sink.producer.clone();
    blocking(move || p.begin_transaction()).await?;
    let mut deliveries = Vec::with_capacity(batch.records.len());
    for (i, o) in batch.records.iter().enumerate() {
        deliveries.push(
            sink.producer
                .send_result(record(o, &sink.cfg))
                .map_err(|(e, _)| refused_or(i, e))?,
        );
    }
    for (i, d) in deliveries.into_iter().enumerate() {
        match d.await {
            Ok(Ok(_)) => {}
            Ok(Err((e, _))) => return Err(refused_or(i, e)),
            Err(_) => return Err(AttemptError::ProducerClosed),
        }
    }
    let mut offsets = TopicPartitionList::new();
    for ((topic, partition), next) in &batch.offsets {
        offsets.add_partition_offset(topic, *partition, Offset::Offset(*next))?;
    }
    let group = sink
        .acker
        .group_metadata()
        .ok_or(AttemptError::NoGroupMetadata)?;
    let p = sink.producer.clone();
    blocking(move || {
        p.send_offsets_to_transaction(&offsets, &group, TIMEOUT)?;
        // A retriable commit error (e.g. a timeout) may be retried as is; anything else aborts.
        let mut tries = 0;
        loop {
            match p.commit_transaction(TIMEOUT) {
                Err(KafkaError::Transaction(e)) if e.is_retriable() && tries < 3 => tries += 1,
                other => return other,
            }
        }
    })
    .await
}

fn refused_or(index: usize, e: KafkaError) -> AttemptError {
    if permanent(&e) {
        AttemptError::Refused(index, e)
    } else {
        AttemptError::Kafka(e)
    }
}

/// Runs a blocking librdkafka call off the reactor.
async fn blocking(
    f: impl FnOnce() -> Result<(), KafkaError> + Send + 'static,
) -> Result<(), AttemptError> {
    Ok(tokio::task::spawn_blocking(f).await??)
}
