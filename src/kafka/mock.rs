//! Kafka for the demo and the tests: librdkafka's in-process mock cluster (real Kafka protocol on
//! loopback), a plain producer of sample records, and a reader of whole topics. Here rather than in
//! [`crate::demo`] so that rdkafka stays inside [`crate::kafka`].

use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{Headers, Message};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{DefaultProducerContext, FutureProducer, FutureRecord};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::util::Timeout;

/// A one-broker mock cluster with the given topics (name, partitions); dropped = stopped.
pub struct MockBroker {
    cluster: MockCluster<'static, DefaultProducerContext>,
}

impl MockBroker {
    pub fn start(topics: &[(&str, i32)]) -> Result<Self, KafkaError> {
        let cluster = MockCluster::new(1)?;
        for (topic, partitions) in topics {
            cluster.create_topic(topic, *partitions, 1)?;
        }
        Ok(MockBroker { cluster })
    }

    pub fn bootstrap_servers(&self) -> String {
        self.cluster.bootstrap_servers()
    }
}

/// Produces each (key, payload) to `topic` and waits for every acknowledgement.
pub async fn produce(
    brokers: &str,
    topic: &str,
    records: &[(String, &[u8])],
) -> Result<(), KafkaError> {
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()?;
    for (key, payload) in records {
        producer
            .send(
                FutureRecord::to(topic).key(key).payload(*payload),
                Timeout::After(Duration::from_secs(10)),
            )
            .await
            .map_err(|(e, _)| e)?;
    }
    Ok(())
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

/// Each reader gets its own consumer group, so each reads the topics from the start.
static READERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Reads up to `want` records from `topics` (any order, from the start); returns fewer when `limit`
/// passes first. Partitions are assigned directly rather than through a consumer group: a reader needs
/// no group coordination, and some brokers take many seconds to complete a join.
pub async fn read_back(
    brokers: &str,
    topics: &[String],
    want: usize,
    limit: Duration,
) -> Result<Vec<Returned>, KafkaError> {
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
