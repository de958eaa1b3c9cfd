//! The Kafka side of the seam: [`KafkaSource`] (the group consumer as a [`crate::source::Source`])
//! with its [`KafkaAcker`], and [`KafkaSink`] (the producer as a [`crate::sink::Sink`], delivering
//! through [`super::deliver`] or [`super::transact`]). The sink reaches the consumer only through
//! the acker the source handed it.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::consumer::{Consumer, ConsumerGroupMetadata};
use rdkafka::producer::FutureProducer;
use tokio::sync::mpsc;

use super::{
    commit_final, consumer, lock, producer, receive, store_acked, unsubscribe, GroupConsumer,
    KafkaError, Lag, ProducerFatal, Received, TidingsContext, Tracker,
};
use crate::app::AppError;
use crate::config::KafkaConfig;
use crate::health::Health;
use crate::http::{Probe, ProbeFn};
use crate::offsets::OffsetTracker;
use crate::sink::Control;
use crate::source::{Acker, Source};
use crate::telemetry::Stats;
use crate::worker::{Job, Outcome};

/// The subscribed group consumer and what it shares with its rebalance callbacks.
pub struct KafkaSource {
    consumer: Arc<GroupConsumer>,
    /// In-flight records and acknowledged watermarks per partition.
    tracker: Tracker,
    /// Per-partition lag from librdkafka's statistics, for the stats line and `/readyz`.
    lag: Lag,
    stats: Arc<Stats>,
    /// Told when the input topic does not exist, for `/readyz`.
    health: Arc<Health>,
    /// Exactly-once commits offsets inside transactions; there is no final commit of its own.
    exactly_once: bool,
}

/// Whether a consumer error says a subscribed topic does not exist.
fn unknown_topic(e: &KafkaError) -> bool {
    use rdkafka::types::RDKafkaErrorCode::{
        UnknownPartition, UnknownTopic, UnknownTopicOrPartition,
    };
    matches!(
        e.rdkafka_error_code(),
        Some(UnknownTopicOrPartition | UnknownTopic | UnknownPartition)
    )
}

impl KafkaSource {
    /// Creates the consumer and subscribes to the input topic.
    pub fn subscribe(
        cfg: &KafkaConfig,
        stats: Arc<Stats>,
        health: Arc<Health>,
        stats_interval: Duration,
    ) -> Result<Self, KafkaError> {
        let tracker: Tracker = Arc::new(Mutex::new(OffsetTracker::new()));
        let lag: Lag = Arc::default();
        let consumer = consumer(
            cfg,
            TidingsContext {
                tracker: tracker.clone(),
                lag: lag.clone(),
                stats: stats.clone(),
                health: health.clone(),
            },
            stats_interval,
        )?;
        Ok(KafkaSource {
            consumer: Arc::new(consumer),
            tracker,
            lag,
            stats,
            health,
            exactly_once: cfg.exactly_once,
        })
    }

    async fn receive(&self) -> Option<Job> {
        loop {
            match receive(&self.consumer, &self.tracker, &self.stats).await {
                Received::Job(job) => return Some(job),
                Received::Revoked => {
                    self.stats.skipped_revoked.inc();
                }
                Received::Error(e) => {
                    // A subscribed topic that does not exist is not transient: `/readyz` says so
                    // until an assignment arrives (the topic was created).
                    if unknown_topic(&e) {
                        self.health.input_missing(Some(e.to_string()));
                    }
                    // librdkafka reconnects by itself; say so and keep going.
                    tracing::warn!(error = %e, "consumer error");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
    }
}

impl Source for KafkaSource {
    type Acker = KafkaAcker;

    fn acker(&self) -> KafkaAcker {
        KafkaAcker {
            consumer: self.consumer.clone(),
            tracker: self.tracker.clone(),
        }
    }

    async fn next(&mut self) -> Result<Option<Job>, std::io::Error> {
        Ok(self.receive().await)
    }

    fn probe(&self, _stats: &Arc<Stats>) -> ProbeFn {
        let (tracker, lag) = (self.tracker.clone(), self.lag.clone());
        Arc::new(move || Probe {
            in_flight: lock(&tracker).in_flight(),
            lag: lag.lock().unwrap_or_else(|p| p.into_inner()).clone(),
        })
    }

    fn in_flight(&self) -> usize {
        lock(&self.tracker).in_flight()
    }

    fn commit(&self) {
        if !self.exactly_once {
            commit_final(&self.consumer, &self.stats);
        }
    }

    fn close(self) {
        unsubscribe(&self.consumer);
    }

    fn forced_note(&self) -> &'static str {
        "uncommitted records will be redelivered"
    }
}

/// The source's side of delivery: marks records done in the offset tracker and stores the
/// committable offsets on the consumer; exactly-once reads the watermarks and the group metadata
/// its transactions commit offsets with.
#[derive(Clone)]
pub struct KafkaAcker {
    pub(super) consumer: Arc<GroupConsumer>,
    pub(super) tracker: Tracker,
}

impl KafkaAcker {
    /// The group generation and member, which a transaction's offsets must carry (fencing).
    pub(super) fn group_metadata(&self) -> Option<ConsumerGroupMetadata> {
        self.consumer.group_metadata()
    }
}

impl Acker for KafkaAcker {
    /// At-least-once: done, and its partition's new watermark (if it moved) stored for commit.
    fn ack(&self, job: &Job) {
        store_acked(self.consumer.as_ref(), &self.tracker, job);
    }
}

/// The producer, at-least-once or in transactions, acknowledging through the source's acker.
pub struct KafkaSink {
    cfg: Arc<KafkaConfig>,
    producer: FutureProducer,
    acker: KafkaAcker,
    stats: Arc<Stats>,
    health: Arc<Health>,
}

impl KafkaSink {
    /// Creates the producer (in exactly-once mode with its transactions initialised).
    pub fn new(
        cfg: &KafkaConfig,
        acker: KafkaAcker,
        stats: Arc<Stats>,
        health: Arc<Health>,
    ) -> Result<Self, KafkaError> {
        Ok(KafkaSink {
            producer: producer(cfg)?,
            cfg: Arc::new(cfg.clone()),
            acker,
            stats,
            health,
        })
    }
}

impl crate::sink::Sink for KafkaSink {
    type Fatal = ProducerFatal;
    const WAIT_AFTER_STOP: bool = false;

    fn run(
        self,
        outcomes: mpsc::Receiver<Outcome>,
        control: Control<ProducerFatal>,
    ) -> impl Future<Output = Result<(), AppError>> + Send {
        let exactly_once = self.cfg.exactly_once;
        let every = Duration::from_millis(self.cfg.commit_interval_ms.into());
        let sink = super::Sink {
            cfg: self.cfg,
            producer: self.producer,
            acker: self.acker,
            stats: self.stats,
            health: self.health,
            stop: control.stop,
            fatal: Arc::new(control.fatal),
        };
        async move {
            if exactly_once {
                super::transact::run(outcomes, sink, every).await;
            } else {
                super::deliver::run(outcomes, sink).await;
            }
            Ok(())
        }
    }
}

impl From<ProducerFatal> for AppError {
    fn from(e: ProducerFatal) -> Self {
        AppError::Fatal(e)
    }
}
