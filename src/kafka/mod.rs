//! The only module that talks to rdkafka: client construction, the consumer's callbacks (rebalance,
//! commit results, statistics), and routing an outcome to the output or dead-letter topic. Delivery
//! comes in two modes:
//! - [`deliver`] (default, at-least-once): each record is produced on its own and its offset stored
//!   once the broker acknowledged it; librdkafka commits what is stored. A crash redelivers the
//!   uncommitted tail.
//! - [`transact`] (`kafka.exactly_once`): records and their input offsets are committed together in
//!   one Kafka transaction, so a read_committed reader of the output sees each input record once.
//!
//! In both, a record the producer or broker refuses for good is rerouted ([`reroute`]) rather than
//! retried for ever. Beside them: [`headers`] reads input headers without trusting their names, and
//! [`properties`] turns `kafka.consumer`/`kafka.producer` (file or environment) into checked
//! librdkafka properties.

pub mod deliver;
pub mod headers;
pub mod mock;
pub mod properties;
mod source;
pub mod transact;

pub use source::{KafkaAcker, KafkaSink, KafkaSource};

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
/// librdkafka's error, for the modules outside `kafka/` that carry it without importing rdkafka.
pub use rdkafka::error::KafkaError;
use rdkafka::error::KafkaResult;
use rdkafka::message::{BorrowedMessage, Header, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::statistics::Statistics;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientContext, TopicPartitionList};
use tokio::sync::watch;

use crate::config::KafkaConfig;
use crate::health::{Health, Phase};
use crate::offsets::OffsetTracker;
use crate::record::Origin;
use crate::telemetry::Stats;
use crate::worker::{Failure, Job, Outcome};

pub type Tracker = Arc<Mutex<OffsetTracker>>;

pub fn lock(t: &Tracker) -> std::sync::MutexGuard<'_, OffsetTracker> {
    // The tracker's state stays consistent across a panicking holder (each method is one small update).
    t.lock().unwrap_or_else(|p| p.into_inner())
}

/// Consumer lag per partition (high watermark − committed offset), as librdkafka last reported it.
pub type Lag = Arc<Mutex<BTreeMap<(String, i32), i64>>>;

/// Consumer callbacks: on revoke, commit what is stored and forget the partitions' in-flight state;
/// on assignment, mark the instance running; count rebalances and failed commits; on each statistics
/// report, keep the per-partition lag.
pub struct TidingsContext {
    pub tracker: Tracker,
    pub lag: Lag,
    pub stats: Arc<Stats>,
    pub health: Arc<Health>,
}

impl ClientContext for TidingsContext {
    /// librdkafka's client-level errors. "All brokers down" also makes `/readyz` fail at once (a
    /// stall would show only after `telemetry.stall_secs`, and only with work waiting); librdkafka
    /// reconnects by itself, and a broker seen up again in the statistics clears it.
    fn error(&self, error: KafkaError, reason: &str) {
        tracing::warn!(error = %error, reason, "librdkafka error");
        if let KafkaError::Global(RDKafkaErrorCode::AllBrokersDown) = error {
            self.health.brokers_down(reason.to_string());
        }
    }

    /// librdkafka computes lag from the high watermarks its fetches already return, so reading it
    /// here costs no broker requests (querying watermarks per partition did, and timed out on
    /// slow brokers).
    fn stats(&self, stats: Statistics) {
        // Connectivity, for /readyz: bootstrap entries (node id -1) are only the addresses first
        // contacted; the cluster's brokers are the rest. None of them up = the broker is lost, which
        // otherwise showed only as a stall, after `telemetry.stall_secs` and only with work waiting.
        let cluster: Vec<_> = stats.brokers.values().filter(|b| b.nodeid >= 0).collect();
        if cluster.iter().any(|b| b.state == "UP") {
            self.health.broker_up();
        } else if !cluster.is_empty() {
            let states: Vec<String> = cluster
                .iter()
                .map(|b| format!("{} {}", b.name, b.state))
                .collect();
            self.health
                .brokers_down(format!("no broker connection up ({})", states.join(", ")));
        }
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
        self.stats.rebalances.inc();
        if let Rebalance::Revoke(tpl) = rebalance {
            let parts = partitions(tpl);
            // Commit the acknowledged watermark while we still own the partitions; records still in
            // flight are redelivered to the next owner (at-least-once).
            // (In exactly-once mode nothing is stored, so this is a no-op: offsets commit with
            // each transaction.)
            match consumer.commit_consumer_state(CommitMode::Sync) {
                Ok(()) | Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
                Err(e) => tracing::warn!(error = %e, "commit on partition revoke failed"),
            }
            let in_flight = {
                let mut t = lock(&self.tracker);
                let before = t.in_flight();
                t.revoke(&parts);
                before - t.in_flight()
            };
            tracing::info!(partitions = ?labels(&parts), in_flight_redelivered = in_flight, "partitions revoked");
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(tpl) = rebalance {
            let keys = partitions(tpl);
            lock(&self.tracker).assign(&keys);
            tracing::info!(partitions = ?labels(&keys), "partitions assigned");
            // Joined the group (possibly with no partitions, when there are more instances than
            // partitions): from here on this instance is doing its share.
            self.health.input_missing(None);
            self.health.set_phase(Phase::Running);
        }
    }

    fn commit_callback(&self, result: KafkaResult<()>, offsets: &TopicPartitionList) {
        match result {
            Ok(()) | Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
            Err(e) => {
                self.stats.commit_failures.inc();
                tracing::warn!(error = %e, partitions = offsets.count(),
                    "offset commit failed; it is retried with the next commit, and what is not committed is redelivered");
            }
        }
    }
}

/// Marks a Kafka record done in the offset tracker and, when its partition's committable offset moved
/// forward, stores that offset for librdkafka's next commit. Returns the new watermark, if any.
///
/// The store happens while the tracker is locked. librdkafka keeps whatever offset was stored last,
/// and the tracker hands out each partition's watermarks in increasing order; storing after the lock
/// was released let a delivery task that had computed a smaller watermark store it after another had
/// stored a larger one, so committed offsets moved back (duplicates after a restart, and an idle
/// partition left committed behind its acknowledged records). rd_kafka_offsets_store only updates
/// in-memory state, so holding the lock across it costs microseconds.
pub fn store_acked<X: ConsumerContext, C: Consumer<X>>(
    consumer: &C,
    tracker: &Tracker,
    job: &Job,
) -> Option<i64> {
    let (topic, partition, offset) = job.origin.kafka()?;
    let mut t = lock(tracker);
    let mark = t.ack(topic, partition, offset, job.epoch)?;
    // rd_kafka_offset_store stores offset+1, so hand it the last done offset.
    if let Err(e) = consumer.store_offset(topic, partition, mark - 1) {
        tracing::debug!(error = %e, topic, partition, "offset not stored (partition no longer assigned)");
    }
    drop(t);
    Some(mark)
}

/// (topic, partition) of each entry, as the offset tracker keys them.
/// The one retry schedule of both delivery modes: 100 ms, doubling, at most 10 s. A write that keeps
/// failing is retried for as long as it takes (it holds its partition's offsets meanwhile), so
/// the delay is capped, never the number of tries.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    next: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            next: Duration::from_millis(100),
        }
    }
}

impl Backoff {
    const MAX: Duration = Duration::from_secs(10);

    /// The delay the next [`Backoff::wait`] sleeps (for the "retrying in" log line).
    pub fn delay(&self) -> Duration {
        self.next
    }

    /// Sleeps the current delay and doubles the next one, up to the cap.
    pub async fn wait(&mut self) {
        tokio::time::sleep(self.next).await;
        self.advance();
    }

    fn advance(&mut self) {
        self.next = (self.next * 2).min(Self::MAX);
    }
}

/// The version of the librdkafka this binary links ("2.12.1"), for `--version` and build info.
pub fn librdkafka_version() -> String {
    rdkafka::util::get_rdkafka_version().1
}

/// Partitions as logged, on assign and revoke alike: `["articles/0", "articles/1"]`.
fn labels(parts: &[(String, i32)]) -> Vec<String> {
    parts.iter().map(|(t, p)| format!("{t}/{p}")).collect()
}

fn partitions(tpl: &TopicPartitionList) -> Vec<(String, i32)> {
    tpl.elements()
        .iter()
        .map(|e| (e.topic().to_string(), e.partition()))
        .collect()
}

pub fn consumer(
    cfg: &KafkaConfig,
    context: TidingsContext,
    stats_interval: Duration,
) -> Result<StreamConsumer<TidingsContext>, KafkaError> {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &cfg.brokers)
        .set("group.id", &cfg.group_id)
        .set("client.id", "tidings")
        // Exactly-once commits offsets inside each transaction, never on its own.
        .set("enable.auto.commit", (!cfg.exactly_once).to_string())
        .set(
            "auto.commit.interval.ms",
            cfg.commit_interval_ms.to_string(),
        )
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", &cfg.auto_offset_reset)
        .set("session.timeout.ms", cfg.session_timeout_ms.to_string())
        .set("enable.partition.eof", "false")
        .set("isolation.level", "read_committed")
        // librdkafka prefetches up to this much per consumer while the workers are busy; its default
        // (64 MiB) would dominate the daemon's memory when a stage is slow.
        .set("queued.max.messages.kbytes", "16384")
        .set(
            "statistics.interval.ms",
            stats_interval.as_millis().clamp(1000, 60_000).to_string(),
        );
    for (k, v) in &cfg.consumer {
        c.set(k, v);
    }
    let consumer: StreamConsumer<TidingsContext> = c.create_with_context(context)?;
    consumer.subscribe(&[&cfg.input_topic])?;
    Ok(consumer)
}

/// The idempotent producer; in exactly-once mode also transactional, with its transactions
/// initialised (which aborts whatever a previous instance with the same transactional id left open).
pub fn producer(cfg: &KafkaConfig) -> Result<FutureProducer, KafkaError> {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &cfg.brokers)
        .set("client.id", "tidings")
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", &cfg.compression)
        .set("linger.ms", "5");
    if cfg.exactly_once {
        c.set("transactional.id", cfg.transactional_id());
    }
    for (k, v) in &cfg.producer {
        c.set(k, v);
    }
    let producer: FutureProducer = c.create()?;
    if cfg.exactly_once {
        producer.init_transactions(Duration::from_secs(30))?;
    }
    Ok(producer)
}

/// What both delivery modes share: where records go, the producer, the source's acker, and the
/// state they report to.
#[derive(Clone)]
pub struct Sink {
    pub cfg: Arc<KafkaConfig>,
    pub producer: FutureProducer,
    /// The consumer side's acknowledgements (offsets), handed out by [`KafkaSource`].
    pub acker: KafkaAcker,
    pub stats: Arc<Stats>,
    pub health: Arc<Health>,
    /// Set at the shutdown deadline: retries stop, the rest is redelivered after restart.
    pub stop: watch::Receiver<bool>,
    /// Set when the producer hit an unrecoverable error: the daemon must stop and be restarted.
    pub fatal: Arc<watch::Sender<Option<ProducerFatal>>>,
}

/// The producer cannot go on (e.g. fenced by another instance with the same transactional id);
/// undelivered records were not committed and are redelivered after a restart.
#[derive(Debug, Clone, thiserror::Error)]
#[error("producer fatal error {code:?}: {reason}")]
pub struct ProducerFatal {
    code: RDKafkaErrorCode,
    reason: String,
}

impl Sink {
    /// Counts and logs an outcome the broker acknowledged (or committed, in exactly-once mode).
    fn delivered(&self, outcome: &Outcome) {
        match outcome {
            Outcome::Enriched { .. } => {
                self.stats.produced.inc();
            }
            Outcome::DeadLetter { failure, job } => {
                self.stats.record_dead_letter(failure.kind);
                tracing::warn!(kind = failure.kind, stage = failure.stage, error = %failure.message,
                    origin = %job.origin, "record dead-lettered");
            }
        }
        self.health.progress();
    }

    /// Marks a Kafka record done in the offset tracker. Returns (topic, partition, watermark) when its
    /// partition's committable offset moved forward.
    fn ack<'j>(&self, job: &'j Job) -> Option<(&'j str, i32, i64)> {
        let (topic, partition, offset) = job.origin.kafka()?;
        let mark = lock(&self.acker.tracker).ack(topic, partition, offset, job.epoch)?;
        Some((topic, partition, mark))
    }

    /// Records a failed write for the logs, the metrics and `/readyz`.
    fn failed(&self, what: &str, topic: &str, e: &dyn std::fmt::Display, retry_in: Duration) {
        self.stats.delivery_retries.inc();
        self.health
            .delivery_failed(format!("{what} to {topic}: {e}"));
        tracing::warn!(error = %e, topic, retry_in_ms = retry_in.as_millis() as u64,
            "{what} failed; holding offsets and retrying");
    }

    /// Raises a fatal error when the producer has one (e.g. fenced by another instance with the same
    /// transactional id): retrying cannot help, the process must restart from committed offsets.
    fn check_fatal(&self) -> bool {
        match self.producer.client().fatal_error() {
            Some((code, reason)) => {
                let fatal = ProducerFatal { code, reason };
                tracing::error!("{fatal}");
                self.fatal.send_replace(Some(fatal));
                true
            }
            None => false,
        }
    }
}

/// The group consumer of a Kafka run (created by [`consumer`]).
pub type GroupConsumer = StreamConsumer<TidingsContext>;

/// What the consumer handed over, without rdkafka types: the consume loop in `app.rs` needs none.
pub enum Received {
    /// A record, now in flight in the offset tracker.
    Job(Job),
    /// A record of a partition revoked after it was fetched: its new owner does it.
    Revoked,
    /// A consumer error; librdkafka reconnects by itself.
    Error(KafkaError),
}

/// The next record of the subscription. Cancel-safe like `recv` (nothing is awaited after it), so
/// it can race the shutdown future in a `select!`.
pub async fn receive(consumer: &GroupConsumer, tracker: &Tracker, stats: &Stats) -> Received {
    match consumer.recv().await {
        Ok(m) => match job_from_message(&m, tracker, stats) {
            Some(job) => Received::Job(job),
            None => Received::Revoked,
        },
        Err(e) => Received::Error(e),
    }
}

/// The last commit of an at-least-once run: the stored (acknowledged) offsets, synchronously. A
/// failure is counted and logged; the uncommitted tail is redelivered.
pub fn commit_final(consumer: &GroupConsumer, stats: &Stats) {
    match consumer.commit_consumer_state(CommitMode::Sync) {
        Ok(()) | Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
        Err(e) => {
            stats.commit_failures.inc();
            tracing::warn!(error = %e, "final commit failed; the uncommitted tail will be redelivered")
        }
    }
}

/// Leaves the group (its partitions go to the other members at once).
pub fn unsubscribe(consumer: &GroupConsumer) {
    consumer.unsubscribe();
}

/// Turns a consumed message into a worker job, recording it as in flight; None when its partition is
/// no longer assigned here (revoked after the fetch: the new owner processes it). Headers whose name
/// is not UTF-8 are dropped, counted and logged ([`headers`]): the record itself goes on.
pub fn job_from_message(m: &BorrowedMessage<'_>, tracker: &Tracker, stats: &Stats) -> Option<Job> {
    let epoch = lock(tracker).dispatch(m.topic(), m.partition(), m.offset())?;
    let origin = Origin::Kafka {
        topic: m.topic().to_string(),
        partition: m.partition(),
        offset: m.offset(),
    };
    let read = headers::read(m);
    if read.dropped > 0 {
        stats.headers_dropped.inc_by(read.dropped as u64);
        tracing::warn!(origin = %origin, dropped = read.dropped,
            "input headers with a name that is not UTF-8 dropped; the record is processed without them");
    }
    Some(Job {
        origin,
        payload: m.payload().map(<[u8]>::to_vec),
        key: m.key().map(<[u8]>::to_vec),
        headers: read.kept,
        epoch,
        seq: 0,
    })
}

/// The record to produce for an outcome: enriched → output topic keyed by article id; dead letter →
/// dead-letter topic with the original key, bytes and the reason in headers.
pub(crate) fn record<'a>(
    outcome: &'a Outcome,
    cfg: &'a KafkaConfig,
) -> FutureRecord<'a, [u8], [u8]> {
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
    let (topic, key, payload) = match outcome {
        Outcome::Enriched { id, bytes, .. } => {
            headers = add(headers, "tidings.schema", crate::record::SCHEMA);
            (
                &cfg.output_topic,
                Some(id.as_bytes()),
                Some(bytes.as_slice()),
            )
        }
        Outcome::DeadLetter { job, failure } => {
            headers = add(headers, "tidings.error.kind", failure.kind);
            headers = add(headers, "tidings.error.message", &failure.message);
            if let Some(stage) = failure.stage {
                headers = add(headers, "tidings.error.stage", stage);
            }
            if let Some(size) = failure.truncated_from {
                headers = add(headers, "tidings.payload.truncated_from", &size.to_string());
            }
            if let Some((topic, partition, offset)) = job.origin.kafka() {
                headers = add(headers, "tidings.source.topic", topic);
                headers = add(headers, "tidings.source.partition", &partition.to_string());
                headers = add(headers, "tidings.source.offset", &offset.to_string());
            }
            (
                &cfg.dead_letter_topic,
                job.key.as_deref(),
                job.payload.as_deref(),
            )
        }
    };
    let mut record = FutureRecord::to(topic).headers(headers);
    // No payload at all (not an empty one) keeps a tombstone's null value in its dead letter.
    if let Some(p) = payload {
        record = record.payload(p);
    }
    match key {
        Some(k) => record.key(k),
        None => record,
    }
}

/// librdkafka's own default for `message.max.bytes`, the producer's limit on one record.
pub const DEFAULT_MESSAGE_MAX_BYTES: usize = 1_000_000;

/// Bytes a dead letter needs beside the input it carries: the original key and headers are counted
/// separately; this is for the reason headers and librdkafka's per-record overhead.
pub const DEAD_LETTER_ROOM: usize = 16 * 1024;

/// The producer's `message.max.bytes` as configured (`kafka.producer`), else librdkafka's default.
pub fn message_max_bytes(cfg: &KafkaConfig) -> Result<usize, String> {
    match cfg.producer.get("message.max.bytes") {
        None => Ok(DEFAULT_MESSAGE_MAX_BYTES),
        Some(v) => v.trim().parse().map_err(|_| {
            format!("kafka.producer.\"message.max.bytes\" = {v:?}: expected a number of bytes")
        }),
    }
}

/// A produce error that retrying the same record cannot cure: the record itself is refused (too large
/// for the producer's `message.max.bytes` or the broker's limit, or invalid). Everything else (a lost
/// broker, an unwritable topic, timeouts) is transient and is retried while offsets are held.
pub fn permanent(e: &KafkaError) -> bool {
    matches!(
        e,
        KafkaError::MessageProduction(
            RDKafkaErrorCode::MessageSizeTooLarge
                | RDKafkaErrorCode::InvalidMessageSize
                | RDKafkaErrorCode::InvalidRecord
        )
    )
}

/// What to deliver instead of an outcome refused for good (`e` is [`permanent`]), so one record cannot
/// hold its partition forever: an enriched record becomes an `output_rejected` dead letter carrying
/// the input; a dead letter sheds payload — first down to what `message.max.bytes` leaves room for,
/// then by halves (the broker's limit may be lower than the producer's). The flag is false when
/// there was nothing left to shed (the caller then keeps retrying, holding the partition, and says so).
pub fn reroute(outcome: Outcome, e: &KafkaError, cfg: &KafkaConfig) -> (Outcome, bool) {
    match outcome {
        Outcome::Enriched { job, bytes, .. } => {
            tracing::warn!(origin = %job.origin, error = %e, output_bytes = bytes.len(),
                "output record refused; dead-lettering its input instead");
            let failure = Failure::new(
                "output_rejected",
                None,
                format!("output record of {} bytes refused: {e}", bytes.len()),
            );
            (Outcome::DeadLetter { job, failure }, true)
        }
        Outcome::DeadLetter {
            mut job,
            mut failure,
        } => {
            let size = job.payload.as_ref().map_or(0, Vec::len);
            if size == 0 {
                return (Outcome::DeadLetter { job, failure }, false);
            }
            let limit = message_max_bytes(cfg).unwrap_or(DEFAULT_MESSAGE_MAX_BYTES);
            let envelope = job.key.as_ref().map_or(0, Vec::len)
                + job
                    .headers
                    .iter()
                    .map(|(k, v)| k.len() + v.len())
                    .sum::<usize>()
                + failure.message.len()
                + DEAD_LETTER_ROOM;
            let keep = if failure.truncated_from.is_none() {
                limit.saturating_sub(envelope).min(size / 2)
            } else {
                size / 2
            };
            tracing::warn!(origin = %job.origin, error = %e, payload_bytes = size, kept_bytes = keep,
                "dead letter refused; retrying it with its payload truncated");
            failure.truncated_from.get_or_insert(size);
            if let Some(p) = &mut job.payload {
                p.truncate(keep);
            }
            (Outcome::DeadLetter { job, failure }, true)
        }
    }
}

#[cfg(test)]
mod backoff_tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_100_ms_and_stays_at_10_s() {
        let mut b = Backoff::default();
        let mut seen = Vec::new();
        for _ in 0..10 {
            seen.push(b.delay().as_millis());
            b.advance();
        }
        assert_eq!(
            seen,
            [100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]
        );
    }
}
