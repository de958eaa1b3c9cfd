//! `tidings demo`: the real daemon against a real Kafka-protocol broker, with nothing to install.
//!
//! Starts librdkafka's in-process mock cluster (real TCP on loopback), creates the topics, produces the
//! sample articles plus one poison message, runs [`crate::app::run_kafka`] on it, reads the output and
//! dead-letter topics back until every input is accounted for, then shuts the daemon down cleanly.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Headers, Message};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::util::Timeout;

use crate::app::{self, AppError, Summary};
use crate::config::Config;
use crate::stages::Pipeline;

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    // Sources are not repeated in the messages: `{:#}` prints the chain once.
    #[error("kafka")]
    Kafka(#[from] rdkafka::error::KafkaError),
    #[error("cannot read sample articles {path}")]
    Articles {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    App(#[from] AppError),
    #[error("timed out: {got} of {want} records came back within {secs} s")]
    Timeout { got: usize, want: usize, secs: u64 },
}

/// One record read back from the output or dead-letter topic.
#[derive(Debug, Clone)]
pub struct Returned {
    pub topic: String,
    pub key: Option<String>,
    pub payload: Vec<u8>,
    pub headers: Vec<(String, String)>,
    /// The record's Kafka timestamp (ms since the epoch), when it has one.
    pub timestamp_ms: Option<i64>,
}

pub struct DemoReport {
    pub summary: Summary,
    pub records: Vec<Returned>,
    pub elapsed: Duration,
}

/// Each reader gets its own consumer group, so each reads the topics from the start.
static READERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A message the demo adds so the dead-letter path is visible too.
pub const POISON: &[u8] = b"{\"id\": \"broken-1\", \"title\": \"truncated by the crawler";

pub async fn run(
    mut config: Config,
    pipeline: Arc<Pipeline>,
    articles: &Path,
) -> Result<DemoReport, DemoError> {
    let lines: Vec<String> = std::fs::read_to_string(articles)
        .map_err(|source| DemoError::Articles {
            path: articles.display().to_string(),
            source,
        })?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let cluster = MockCluster::new(1)?;
    config.kafka.brokers = cluster.bootstrap_servers();
    // A few seconds' run: no endpoint to scrape, and no clash with a daemon on the same host.
    config.telemetry.http_address = String::new();
    let k = &config.kafka;
    cluster.create_topic(&k.input_topic, 3, 1)?;
    cluster.create_topic(&k.output_topic, 1, 1)?;
    cluster.create_topic(&k.dead_letter_topic, 1, 1)?;

    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &k.brokers)
        .create()?;
    for (i, line) in lines.iter().enumerate() {
        let key = format!("sample-{i}");
        let record = FutureRecord::to(&k.input_topic)
            .key(&key)
            .payload(line.as_bytes());
        producer
            .send(record, Timeout::After(Duration::from_secs(10)))
            .await
            .map_err(|(e, _)| e)?;
    }
    producer
        .send(
            FutureRecord::to(&k.input_topic)
                .key("poison")
                .payload(POISON),
            Timeout::After(Duration::from_secs(10)),
        )
        .await
        .map_err(|(e, _)| e)?;
    let want = lines.len() + 1;

    let started = Instant::now();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let reader_brokers = k.brokers.clone();
    let topics = [k.output_topic.clone(), k.dead_letter_topic.clone()];
    let reader = async move {
        let r = read_back(&reader_brokers, &topics, want, Duration::from_secs(180)).await;
        let _ = done_tx.send(());
        match r {
            Ok(got) if got.len() < want => Err(DemoError::Timeout {
                got: got.len(),
                want,
                secs: 180,
            }),
            other => other,
        }
    };
    let daemon = app::run_kafka(&config, pipeline, async {
        let _ = done_rx.await;
    });
    let (summary, records) = tokio::join!(daemon, reader);
    Ok(DemoReport {
        summary: summary?,
        records: records?,
        elapsed: started.elapsed(),
    })
}

/// Reads up to `want` records from `topics` (any order, from the start); returns fewer when `limit`
/// passes first. Partitions are assigned directly rather than through a consumer group: a reader needs
/// no group coordination, and some brokers take many seconds to complete a join.
pub async fn read_back(
    brokers: &str,
    topics: &[String],
    want: usize,
    limit: Duration,
) -> Result<Vec<Returned>, DemoError> {
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set(
            "group.id",
            format!(
                "tidings-reader-{}-{}",
                std::process::id(),
                READERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            ),
        )
        .set("enable.auto.commit", "false")
        .create()?;
    let mut assignment = TopicPartitionList::new();
    for topic in topics {
        let meta = consumer.fetch_metadata(Some(topic), Timeout::After(Duration::from_secs(10)))?;
        for t in meta.topics() {
            for p in t.partitions() {
                assignment.add_partition_offset(topic, p.id(), Offset::Beginning)?;
            }
        }
    }
    consumer.assign(&assignment)?;
    let mut out = Vec::new();
    let deadline = Instant::now() + limit;
    while out.len() < want {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, consumer.recv()).await {
            Err(_) => break,
            Ok(Err(e)) => tracing::debug!(error = %e, "reader: consumer error"),
            Ok(Ok(m)) => out.push(Returned {
                timestamp_ms: m.timestamp().to_millis(),
                topic: m.topic().to_string(),
                key: m.key().map(|k| String::from_utf8_lossy(k).into_owned()),
                payload: m.payload().unwrap_or_default().to_vec(),
                headers: m
                    .headers()
                    .map(|hs| {
                        hs.iter()
                            .map(|h| {
                                (
                                    h.key.to_string(),
                                    String::from_utf8_lossy(h.value.unwrap_or_default())
                                        .into_owned(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
        }
    }
    Ok(out)
}
