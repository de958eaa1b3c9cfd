//! The only module that talks to rdkafka: client construction, the consumer's rebalance hooks, and
//! delivering outcomes (enriched record or dead letter) with acknowledgement-driven offset storing.
//!
//! Offsets: `enable.auto.offset.store=false`, so librdkafka commits (every `commit_interval_ms`, on
//! revoke and on close) only what we stored, and we store a partition's contiguous watermark only after
//! the broker acknowledged the output or dead-letter record (acks=all, idempotent producer).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::error::KafkaError;
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::statistics::Statistics;
use rdkafka::util::Timeout;
use rdkafka::ClientContext;

use crate::config::KafkaConfig;
use crate::offsets::OffsetTracker;
use crate::record::Origin;
use crate::telemetry::Stats;
use crate::worker::{Job, Outcome};

pub type Tracker = Arc<Mutex<OffsetTracker>>;

pub fn lock(t: &Tracker) -> std::sync::MutexGuard<'_, OffsetTracker> {
    // The tracker's state stays consistent across a panicking holder (each method is one small update).
    t.lock().unwrap_or_else(|p| p.into_inner())
}

/// Consumer lag per partition (high watermark − committed offset), as librdkafka last reported it.
pub type Lag = Arc<Mutex<BTreeMap<(String, i32), i64>>>;

/// Consumer callbacks: on revoke, commit what is stored and forget the partitions' in-flight state;
/// on each statistics report, keep the per-partition lag.
pub struct TidingsContext {
    pub tracker: Tracker,
    pub rebalances: std::sync::atomic::AtomicU64,
    pub lag: Lag,
}

impl ClientContext for TidingsContext {
    /// librdkafka computes lag from the high watermarks its fetches already return, so reading it
    /// here costs no broker requests (querying watermarks per partition did, and timed out on
    /// slow brokers).
    fn stats(&self, stats: Statistics) {
        let mut lag = self.lag.lock().unwrap_or_else(|p| p.into_inner());
        lag.clear();
        for (name, topic) in &stats.topics {
            for (&id, p) in &topic.partitions {
                // id -1 is librdkafka's internal partition. Lag is high watermark − committed; before
                // the group's first commit on a partition, fall back to high − the application's
                // position (what is fetched but not yet consumed is then still counted as lag).
                if id < 0 || p.hi_offset < 0 {
                    continue;
                }
                let lag_now = if p.consumer_lag >= 0 {
                    Some(p.consumer_lag)
                } else if p.app_offset >= 0 {
                    Some((p.hi_offset - p.app_offset).max(0))
                } else {
                    None
                };
                if let Some(l) = lag_now {
                    lag.insert((name.clone(), id), l);
                }
            }
        }
    }
}

impl ConsumerContext for TidingsContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        self.rebalances
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Rebalance::Revoke(tpl) = rebalance {
            let parts: Vec<(String, i32)> = tpl
                .elements()
                .iter()
                .map(|e| (e.topic().to_string(), e.partition()))
                .collect();
            // Commit the acknowledged watermark while we still own the partitions; records still in
            // flight are redelivered to the next owner (at-least-once).
            match consumer.commit_consumer_state(CommitMode::Sync) {
                Ok(())
                | Err(KafkaError::ConsumerCommit(rdkafka::types::RDKafkaErrorCode::NoOffset)) => {}
                Err(e) => tracing::warn!(error = %e, "commit on partition revoke failed"),
            }
            let in_flight = {
                let mut t = lock(&self.tracker);
                let before = t.in_flight();
                t.revoke(&parts);
                before - t.in_flight()
            };
            tracing::info!(partitions = ?parts, in_flight_redelivered = in_flight, "partitions revoked");
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(tpl) = rebalance {
            let parts: Vec<String> = tpl
                .elements()
                .iter()
                .map(|e| format!("{}/{}", e.topic(), e.partition()))
                .collect();
            tracing::info!(partitions = ?parts, "partitions assigned");
        }
    }
}

pub fn consumer(
    cfg: &KafkaConfig,
    tracker: Tracker,
    lag: Lag,
    stats_interval: Duration,
) -> Result<StreamConsumer<TidingsContext>, KafkaError> {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &cfg.brokers)
        .set("group.id", &cfg.group_id)
        .set("client.id", "tidings")
        .set("enable.auto.commit", "true")
        .set(
            "auto.commit.interval.ms",
            cfg.commit_interval_ms.to_string(),
        )
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", &cfg.auto_offset_reset)
        .set("session.timeout.ms", cfg.session_timeout_ms.to_string())
        .set("enable.partition.eof", "false")
        .set(
            "statistics.interval.ms",
            stats_interval.as_millis().clamp(1000, 60_000).to_string(),
        );
    for (k, v) in &cfg.consumer {
        c.set(k, v);
    }
    let consumer: StreamConsumer<TidingsContext> = c.create_with_context(TidingsContext {
        tracker,
        rebalances: Default::default(),
        lag,
    })?;
    consumer.subscribe(&[&cfg.input_topic])?;
    Ok(consumer)
}

pub fn producer(cfg: &KafkaConfig) -> Result<FutureProducer, KafkaError> {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &cfg.brokers)
        .set("client.id", "tidings")
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", &cfg.compression)
        .set("linger.ms", "5");
    for (k, v) in &cfg.producer {
        c.set(k, v);
    }
    c.create()
}

/// Turns a consumed message into a worker job, recording it as in flight.
pub fn job_from_message<M: Message>(m: &M, tracker: &Tracker) -> Job {
    let epoch = lock(tracker).dispatch(m.topic(), m.partition(), m.offset());
    let headers = m
        .headers()
        .map(|hs| {
            hs.iter()
                .map(|h| {
                    (
                        h.key.to_string(),
                        h.value.map(<[u8]>::to_vec).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Job {
        origin: Origin::Kafka {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
        },
        payload: m.payload().map(<[u8]>::to_vec).unwrap_or_default(),
        key: m.key().map(<[u8]>::to_vec),
        headers,
        epoch,
        seq: 0,
    }
}

/// The record to produce for an outcome: (topic, key, payload, headers).
fn route<'a>(
    outcome: &'a Outcome,
    cfg: &'a KafkaConfig,
) -> (&'a str, Option<&'a [u8]>, &'a [u8], OwnedHeaders) {
    let job = outcome.job();
    let mut headers = OwnedHeaders::new_with_capacity(job.headers.len() + 6);
    for (k, v) in &job.headers {
        headers = headers.insert(Header {
            key: k,
            value: Some(v.as_slice()),
        });
    }
    let add = |h: OwnedHeaders, k: &str, v: &str| {
        h.insert(Header {
            key: k,
            value: Some(v.as_bytes()),
        })
    };
    match outcome {
        Outcome::Enriched { id, bytes, .. } => {
            headers = add(headers, "tidings.schema", crate::record::SCHEMA);
            (&cfg.output_topic, Some(id.as_bytes()), bytes, headers)
        }
        Outcome::DeadLetter { job, failure } => {
            headers = add(headers, "tidings.error.kind", failure.kind);
            headers = add(headers, "tidings.error.message", &failure.message);
            if let Some(stage) = failure.stage {
                headers = add(headers, "tidings.error.stage", stage);
            }
            if let Origin::Kafka {
                topic,
                partition,
                offset,
            } = &job.origin
            {
                headers = add(headers, "tidings.source.topic", topic);
                headers = add(headers, "tidings.source.partition", &partition.to_string());
                headers = add(headers, "tidings.source.offset", &offset.to_string());
            }
            (
                &cfg.dead_letter_topic,
                job.key.as_deref(),
                &job.payload,
                headers,
            )
        }
    }
}

/// Produces one outcome until the broker acknowledges it, then marks it done and stores the new
/// watermark. It never gives up on its own: a record that cannot be written keeps its partition's
/// watermark (and so commits) where they are — nothing is dropped. `stop` ends the retries at the
/// shutdown deadline; the record is then redelivered after restart.
pub async fn deliver(
    outcome: Outcome,
    cfg: &KafkaConfig,
    producer: &FutureProducer,
    consumer: &StreamConsumer<TidingsContext>,
    tracker: &Tracker,
    stats: &Stats,
    stop: &tokio::sync::watch::Receiver<bool>,
) {
    let mut backoff = Duration::from_millis(100);
    loop {
        let (topic, key, payload, headers) = route(&outcome, cfg);
        let mut record = FutureRecord::to(topic).payload(payload).headers(headers);
        if let Some(k) = key {
            record = record.key(k);
        }
        match producer
            .send(record, Timeout::After(Duration::from_secs(30)))
            .await
        {
            Ok(_) => break,
            Err((e, _)) => {
                stats
                    .delivery_retries
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tracing::warn!(error = %e, topic, origin = %outcome.job().origin, retry_in_ms = backoff.as_millis() as u64,
                    "delivery failed; holding offsets and retrying");
                if *stop.borrow() {
                    return;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(10));
            }
        }
    }
    match &outcome {
        Outcome::Enriched { .. } => {
            stats
                .produced
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Outcome::DeadLetter { failure, job } => {
            stats.record_dead_letter(failure.kind);
            tracing::warn!(kind = failure.kind, stage = failure.stage, error = %failure.message,
                origin = %job.origin, "record dead-lettered");
        }
    }
    let job = outcome.job();
    if let Origin::Kafka {
        topic,
        partition,
        offset,
    } = &job.origin
    {
        if let Some(mark) = lock(tracker).ack(topic, *partition, *offset, job.epoch) {
            // rd_kafka_offset_store stores offset+1, so hand it the last done offset.
            if let Err(e) = consumer.store_offset(topic, *partition, mark - 1) {
                tracing::debug!(error = %e, topic, partition, "offset not stored (partition no longer assigned)");
            }
        }
    }
}

/// Sum of (high watermark − position) over the assigned partitions; None when the broker cannot say.
/// Total lag over the assigned partitions, None until librdkafka has reported any.
pub fn total_lag(lag: &Lag) -> Option<i64> {
    let lag = lag.lock().unwrap_or_else(|p| p.into_inner());
    (!lag.is_empty()).then(|| lag.values().sum())
}
