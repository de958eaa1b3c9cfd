//! The daemon on a real Kafka-protocol broker: librdkafka's in-process mock cluster (real TCP on
//! loopback). Every input id must appear in output ∪ dead-letter, and offsets must resume after restart.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use common::{account, mock, poison, produce, produce_raw_header, seed_messages, topics};
use rdkafka::mocking::MockCluster;
use serde_json::json;
use tidings::demo::read_back;
use tidings::{app, Config, Pipeline};

fn config(brokers: &str, group: &str) -> Config {
    let mut c = Config::default();
    c.kafka.brokers = brokers.into();
    c.kafka.group_id = group.into();
    c.kafka.commit_interval_ms = 100;
    c.stages.ner.enabled = false; // NER has its own tests; these are about delivery guarantees.
    c.telemetry.stats_interval_secs = 0;
    c.telemetry.http_address = String::new();
    c.codec.max_bytes = 64 * 1024;
    c.shutdown.deadline_secs = 20;
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_input_lands_exactly_once_in_output_or_dead_letter() {
    let Some(seeds) = seed_messages() else { return };
    let cluster = MockCluster::new(1).unwrap();
    let brokers = cluster.bootstrap_servers();
    cluster.create_topic("articles", 3, 1).unwrap();
    cluster.create_topic("articles.enriched", 1, 1).unwrap();
    cluster.create_topic("articles.dlq", 1, 1).unwrap();
    let cfg = config(&brokers, "exactly-once-accounting");
    let bad = poison(cfg.codec.max_bytes);
    produce(&brokers, "articles", &seeds).await;
    produce(&brokers, "articles", &bad).await;

    let pipeline = Arc::new(Pipeline::build(&cfg.stages).unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let want = seeds.len() + bad.len();
    let reader = async {
        let r = read_back(&brokers, &topics(), want, Duration::from_secs(60)).await;
        let _ = tx.send(());
        r
    };
    let (summary, records) = tokio::join!(
        app::run_kafka(&cfg, pipeline, async {
            let _ = rx.await;
        }),
        reader
    );
    let summary = summary.unwrap();
    let records = records.unwrap();
    let (out, dlq) = account(&records);

    // No crash, no restart: at-least-once may not duplicate here.
    let seed_ids: BTreeSet<String> = seeds.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), seed_ids);
    assert!(out.values().all(|&n| n == 1), "duplicates: {out:?}");
    for (expected_kind, _) in &bad {
        assert_eq!(
            dlq.get(expected_kind).map(String::as_str),
            Some(expected_kind.as_str()),
            "{dlq:?}"
        );
    }
    assert_eq!(
        (summary.produced, summary.dead_lettered),
        (seeds.len() as u64, bad.len() as u64)
    );

    // Enriched records carry the schema, language and claims of the real stages.
    let mut claims = 0;
    for r in records.iter().filter(|r| r.topic == "articles.enriched") {
        let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
        assert_eq!(v["schema"], "tidings.enriched/v1");
        assert_eq!(v["language"]["code"], "en", "{}", v["id"]);
        claims += v["claims"]
            .as_array()
            .map(Vec::len)
            .expect("claims stage ran");
        assert!(v.get("entities").is_none(), "disabled stage must be absent");
    }
    assert!(
        claims >= 20,
        "the seeds hold dozens of figures, found {claims}"
    );
    // The dead letter keeps the original bytes.
    let nj = records
        .iter()
        .find(|r| r.key.as_deref() == Some("not_utf8"))
        .unwrap();
    assert_eq!(nj.payload, bad[0].1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_resumes_from_committed_offsets_without_loss() {
    let cluster = MockCluster::new(1).unwrap();
    let brokers = cluster.bootstrap_servers();
    cluster.create_topic("articles", 2, 1).unwrap();
    cluster.create_topic("articles.enriched", 1, 1).unwrap();
    cluster.create_topic("articles.dlq", 1, 1).unwrap();
    let total = 40;
    let msgs: Vec<(String, Vec<u8>)> = (0..total)
        .map(|i| {
            let id = format!("a{i:03}");
            (id.clone(), serde_json::to_vec(&json!({"id": id, "text": format!("Article {i}: exports rose {i} percent to ${i}.5 billion in 2023.")})).unwrap())
        })
        .collect();
    produce(&brokers, "articles", &msgs).await;
    let mut cfg = config(&brokers, "restart-group");
    cfg.workers.count = 1;
    cfg.workers.batch_size = 1;
    cfg.workers.queue = 1;

    // First run: stop after the first outputs arrive, mid-stream (the delay stage makes the stream
    // last ~20 s, so the stop lands inside it).
    cfg.stages.delay_ms = 500;
    let pipeline = Arc::new(Pipeline::build(&cfg.stages).unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let reader = async {
        let r = read_back(&brokers, &topics(), 5, Duration::from_secs(60)).await;
        let _ = tx.send(());
        r
    };
    let (first, _) = tokio::join!(
        app::run_kafka(&cfg, pipeline.clone(), async {
            let _ = rx.await;
        }),
        reader
    );
    let first = first.unwrap();
    assert!(
        first.produced >= 5 && first.produced < total as u64,
        "first run should stop mid-stream: {first:?}"
    );

    // Second run, same group: resumes from what was committed, finishes the rest.
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let want = total;
    let reader = async {
        // Poll the output topic from the start until every id is there (records of both runs).
        let mut all = Vec::new();
        let deadline = std::time::Instant::now() + Duration::from_secs(90);
        while std::time::Instant::now() < deadline {
            all = read_back(&brokers, &topics(), want, Duration::from_secs(10))
                .await
                .unwrap();
            if account(&all).0.len() >= want {
                break;
            }
        }
        let _ = tx.send(());
        all
    };
    let (second, records) = tokio::join!(
        app::run_kafka(&cfg, pipeline, async {
            let _ = rx.await;
        }),
        reader
    );
    let second = second.unwrap();
    let (out, _) = account(&records);
    let ids: BTreeSet<String> = msgs.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(
        out.keys().cloned().collect::<BTreeSet<_>>(),
        ids,
        "nothing lost across the restart"
    );
    // Resumed, not restarted from zero: the second run consumed only what the first left uncommitted.
    assert!(
        second.consumed < total as u64,
        "second run re-read everything: {second:?}"
    );
    let duplicates: usize = out.values().map(|n| n - 1).sum();
    eprintln!("restart: first run produced {}, second consumed {}, duplicates {duplicates} (uncommitted tail, allowed by at-least-once)", first.produced, second.consumed);
    assert!(
        duplicates as u64 <= first.produced,
        "duplicates only from the first run's uncommitted tail"
    );
}

/// Runs the daemon in-process until `want` records are in output ∪ dead-letter (or 60 s), then stops it.
async fn run_until(cfg: &Config, want: usize) -> (app::Summary, Vec<tidings::demo::Returned>) {
    let pipeline = Arc::new(Pipeline::build(&cfg.stages).unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let brokers = cfg.kafka.brokers.clone();
    let reader = async {
        let r = read_back(&brokers, &topics(), want, Duration::from_secs(60)).await;
        let _ = tx.send(());
        r
    };
    let (summary, records) = tokio::join!(
        app::run_kafka(cfg, pipeline, async {
            let _ = rx.await;
        }),
        reader
    );
    (summary.unwrap(), records.unwrap())
}

fn article(id: &str) -> Vec<u8> {
    serde_json::to_vec(
        &json!({"id": id, "text": "Exports rose 4 percent to $2.5 billion in 2023."}),
    )
    .unwrap()
}

/// Issue 14.1: a header name that is not UTF-8 made rdkafka's `Headers::get` panic inside the
/// consumer loop — the process died on that record at every restart and its partition never moved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_header_name_that_is_not_utf8_neither_crashes_nor_stalls() {
    let (_cluster, brokers) = mock(1);
    produce(
        &brokers,
        "articles",
        &[("before".into(), article("before"))],
    )
    .await;
    produce_raw_header(
        &brokers,
        "articles",
        "bad-header",
        &article("bad-header"),
        b"crawler-\xff\xfe",
    );
    produce(&brokers, "articles", &[("after".into(), article("after"))]).await;

    let cfg = config(&brokers, "raw-header");
    let (summary, records) = run_until(&cfg, 3).await;
    let (out, dlq) = account(&records);
    assert!(dlq.is_empty(), "{dlq:?}");
    assert_eq!(
        out.keys().map(String::as_str).collect::<Vec<_>>(),
        ["after", "bad-header", "before"],
        "every record, including the ones behind the bad header, is enriched"
    );
    assert_eq!(summary.produced, 3);
    eprintln!(
        "non-UTF-8 header name (mock): in 3, out {}, dlq {}, duplicated {}",
        out.len(),
        dlq.len(),
        out.values().map(|n| n - 1).sum::<usize>()
    );
    let enriched = records
        .iter()
        .find(|r| r.key.as_deref() == Some("bad-header"))
        .unwrap();
    let names: Vec<&str> = enriched.headers.iter().map(|(k, _)| k.as_str()).collect();
    assert!(names.contains(&"ok"), "the valid header is kept: {names:?}");
    assert!(
        names.iter().all(|n| !n.starts_with("crawler-")),
        "the header with the bad name is dropped: {names:?}"
    );
}

/// Issue 14.2: a record the producer refuses for good (MessageSizeTooLarge) was retried forever and
/// held its partition: nothing behind it was committed, and every restart stalled on it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_the_producer_refuses_are_dead_lettered_and_the_partition_moves_on() {
    let (_cluster, brokers) = mock(1);
    let mut cfg = config(&brokers, "refused");
    cfg.kafka
        .producer
        .insert("message.max.bytes".into(), "40000".into());
    cfg.codec.max_bytes = 16 * 1024;
    // 8 KB of bare numbers: accepted, but its output (~95× the input) is far above 40 000 bytes.
    let numbers = serde_json::to_vec(&json!({"id": "numbers", "text": "1 ".repeat(4000)})).unwrap();
    // Too large to decode, and too large for a dead letter as it is.
    let big = vec![b'x'; 60_000];
    let msgs = vec![
        ("first".to_string(), article("first")),
        ("numbers".to_string(), numbers.clone()),
        ("big".to_string(), big.clone()),
        ("last".to_string(), article("last")),
    ];
    produce(&brokers, "articles", &msgs).await;
    let (summary, records) = run_until(&cfg, msgs.len()).await;
    let (out, dlq) = account(&records);
    assert_eq!(
        out.keys().map(String::as_str).collect::<Vec<_>>(),
        ["first", "last"],
        "{dlq:?}"
    );
    assert_eq!(
        dlq.get("numbers").map(String::as_str),
        Some("output_rejected")
    );
    assert_eq!(dlq.get("big").map(String::as_str), Some("too_large"));
    assert_eq!((summary.produced, summary.dead_lettered), (2, 2));
    eprintln!(
        "records refused by the producer (mock, message.max.bytes 40 000): in {}, out {}, dlq {} {dlq:?}, duplicated {}",
        msgs.len(),
        out.len(),
        dlq.len(),
        out.values().map(|n| n - 1).sum::<usize>()
    );
    let dead = |key: &str| {
        records
            .iter()
            .find(|r| r.topic == "articles.dlq" && r.key.as_deref() == Some(key))
            .unwrap()
    };
    let header = |key: &str, name: &str| {
        dead(key)
            .headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(dead("numbers").payload, numbers, "the input fits whole");
    assert_eq!(header("numbers", "tidings.payload.truncated_from"), None);
    let kept = dead("big").payload.len();
    eprintln!("  the 60 000-byte too_large dead letter was retried with its first {kept} bytes");
    assert!(kept > 0 && kept < 40_000, "{kept}");
    assert_eq!(dead("big").payload, big[..kept]);
    assert_eq!(
        header("big", "tidings.payload.truncated_from").as_deref(),
        Some("60000")
    );
}

/// Issue 14.2: output is bounded per record — claims and entities beyond the codec's caps are cut
/// and the record says how many there were.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_beyond_the_cap_are_cut_and_flagged() {
    let (_cluster, brokers) = mock(1);
    let mut cfg = config(&brokers, "capped");
    cfg.codec.max_claims = 5;
    let text = (1..=40).map(|i| format!("{i} ")).collect::<String>();
    let msgs = vec![
        (
            "many".to_string(),
            serde_json::to_vec(&json!({"id": "many", "text": text})).unwrap(),
        ),
        ("few".to_string(), article("few")),
    ];
    produce(&brokers, "articles", &msgs).await;
    let (_, records) = run_until(&cfg, msgs.len()).await;
    let output = |key: &str| -> serde_json::Value {
        let r = records
            .iter()
            .find(|r| r.topic == "articles.enriched" && r.key.as_deref() == Some(key))
            .unwrap();
        serde_json::from_slice(&r.payload).unwrap()
    };
    let many = output("many");
    assert_eq!(many["claims"].as_array().unwrap().len(), 5);
    assert_eq!(many["processing"]["truncated"]["claims"]["kept"], 5);
    assert!(
        many["processing"]["truncated"]["claims"]["total"]
            .as_u64()
            .is_some_and(|n| n >= 40),
        "{}",
        many["processing"]
    );
    let few = output("few");
    assert!(few["claims"].as_array().unwrap().len() <= 5);
    assert!(
        few["processing"].get("truncated").is_none(),
        "{}",
        few["processing"]
    );
}

/// Issue 14.5: the watermark was computed under the tracker's lock but stored after releasing it, and
/// librdkafka keeps whatever was stored last: two acks of one partition racing on two threads could
/// store the larger offset first and the smaller one after, leaving an idle partition committed behind
/// what was delivered (seen: committed 37 with 40 acknowledged). A real consumer on the mock cluster and
/// many partitions; on each, threads ack the last few offsets at the same moment (as delivery tasks do
/// when one broker response acknowledges a batch); afterwards every partition must be committed at
/// its end.
#[test]
fn concurrent_acks_never_store_an_offset_behind_an_earlier_one() {
    use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
    use rdkafka::{Offset, TopicPartitionList};
    use tidings::kafka::{store_acked, Tracker};
    use tidings::offsets::OffsetTracker;
    use tidings::record::Origin;
    use tidings::worker::Job;

    const PARTITIONS: i32 = 64;
    const THREADS: i64 = 12;
    const ROUNDS: i64 = 8;
    let (_cluster, brokers) = mock(PARTITIONS);
    let consumer: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", "forward-only")
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .create()
        .unwrap();
    let mut assignment = TopicPartitionList::new();
    let keys: Vec<(String, i32)> = (0..PARTITIONS).map(|p| ("articles".into(), p)).collect();
    for (t, p) in &keys {
        assignment
            .add_partition_offset(t, *p, Offset::Beginning)
            .unwrap();
    }
    consumer.assign(&assignment).unwrap();
    // Offsets can be stored once the assignment is in effect (the first polls set it up).
    for _ in 0..10 {
        let _ = consumer.poll(Duration::from_millis(100));
    }
    let tracker: Tracker = Arc::new(std::sync::Mutex::new(OffsetTracker::new()));
    tracker.lock().unwrap().assign(&keys);
    // Rounds of THREADS offsets per partition; in each, thread i acks the round's i-th offset of every
    // partition, all threads acking the same partition together. Checked after every round.
    for round in 0..ROUNDS {
        let first = round * THREADS;
        let mut epochs = vec![0; PARTITIONS as usize];
        {
            let mut t = tracker.lock().unwrap();
            for p in 0..PARTITIONS {
                for o in first..first + THREADS {
                    epochs[p as usize] = t.dispatch("articles", p, o).unwrap();
                }
            }
        }
        let barrier = std::sync::Barrier::new(THREADS as usize);
        std::thread::scope(|s| {
            for i in 0..THREADS {
                let (consumer, tracker, epochs, barrier) = (&consumer, &tracker, &epochs, &barrier);
                s.spawn(move || {
                    for p in 0..PARTITIONS {
                        let job = Job {
                            origin: Origin::Kafka {
                                topic: "articles".into(),
                                partition: p,
                                offset: first + i,
                            },
                            payload: Some(Vec::new()),
                            key: None,
                            headers: Vec::new(),
                            epoch: epochs[p as usize],
                            seq: 0,
                        };
                        barrier.wait();
                        store_acked(consumer, tracker, &job);
                    }
                });
            }
        });
        consumer.commit_consumer_state(CommitMode::Sync).unwrap();
        let end = Offset::Offset(first + THREADS);
        let behind: Vec<_> = consumer
            .committed(Duration::from_secs(10))
            .unwrap()
            .elements()
            .iter()
            .map(|e| (e.partition(), e.offset()))
            .filter(|(_, o)| *o != end)
            .collect();
        assert!(
            behind.is_empty(),
            "round {round}: partitions committed behind their last acked offset {end:?}: {behind:?}"
        );
    }
    eprintln!(
        "concurrent acks (mock, real consumer): {} acks over {PARTITIONS} partitions from {THREADS} threads \
         in {ROUNDS} rounds; partitions committed behind their last ack: 0",
        PARTITIONS as i64 * THREADS * ROUNDS
    );
}

/// `tidings check-config` with the given environment: (exit code, stdout, stderr).
fn check_config(env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"));
    cmd.arg("check-config")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TIDINGS__STAGES__NER__ENABLED", "false");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Issue 14.9: check-config printed sasl.password in clear; a dotted librdkafka name could not be set
/// from the environment (and `..._SASL_PASSWORD` was silently kept as an unknown `sasl_password`);
/// unknown librdkafka names were accepted. Issue 14.8: TLS was not built in, and check-config accepted
/// what the build cannot do.
#[test]
fn client_properties_come_from_the_environment_checked_and_redacted() {
    let (code, stdout, stderr) = check_config(&[
        ("TIDINGS__KAFKA__CONSUMER__SASL_PASSWORD", "hunter2=[x]"),
        ("TIDINGS__KAFKA__PRODUCER__sasl.password", "hunter2=[x]"),
        ("TIDINGS__KAFKA__PRODUCER__LINGER_MS", "7"),
        (
            "TIDINGS__KAFKA__CONSUMER__SECURITY_PROTOCOL",
            "SASL_PLAINTEXT",
        ),
        ("TIDINGS__KAFKA__CONSUMER__SASL_MECHANISMS", "PLAIN"),
        ("TIDINGS__KAFKA__CONSUMER__SASL_USERNAME", "tidings"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("hunter2"), "a secret printed:\n{stdout}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let kafka = &v["kafka"];
    assert_eq!(kafka["consumer"]["sasl.password"], "[redacted]");
    assert_eq!(kafka["producer"]["sasl.password"], "[redacted]");
    assert_eq!(kafka["producer"]["linger.ms"], "7");
    assert_eq!(kafka["consumer"]["security.protocol"], "SASL_PLAINTEXT");

    let (code, _, stderr) = check_config(&[("TIDINGS__KAFKA__CONSUMER__NO_SUCH_PROPERTY", "1")]);
    assert_eq!(code, 2, "an unknown librdkafka name must fail start-up");
    assert!(stderr.contains("NO_SUCH_PROPERTY"), "{stderr}");

    // Built with OpenSSL: TLS, and SASL SCRAM over it, are accepted (main exited 1 at start on them).
    let (code, _, stderr) = check_config(&[
        ("TIDINGS__KAFKA__CONSUMER__SECURITY_PROTOCOL", "SASL_SSL"),
        ("TIDINGS__KAFKA__CONSUMER__SASL_MECHANISMS", "SCRAM-SHA-512"),
        ("TIDINGS__KAFKA__CONSUMER__SASL_USERNAME", "tidings"),
        ("TIDINGS__KAFKA__CONSUMER__SASL_PASSWORD", "hunter2"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // What this build cannot do fails at check-config (exit 2), not at start: Kerberos is not built in.
    let (code, _, stderr) = check_config(&[
        ("TIDINGS__KAFKA__CONSUMER__SECURITY_PROTOCOL", "SASL_SSL"),
        ("TIDINGS__KAFKA__CONSUMER__SASL_MECHANISMS", "GSSAPI"),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("GSSAPI"), "{stderr}");
}

/// Issue 14.10: a tombstone (null value) was dead-lettered as `not_json` with an empty value. It is a
/// `tombstone` dead letter now, and keeps its null value and its key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tombstone_is_dead_lettered_as_such_keeping_its_null_value() {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::producer::{FutureProducer, FutureRecord};
    use rdkafka::Message;

    let (_cluster, brokers) = mock(1);
    let p: FutureProducer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .create()
        .unwrap();
    p.send(
        FutureRecord::<str, [u8]>::to("articles").key("gone"),
        Duration::from_secs(10),
    )
    .await
    .unwrap();
    produce(&brokers, "articles", &[("after".into(), article("after"))]).await;
    let cfg = config(&brokers, "tombstone");
    let (summary, records) = run_until(&cfg, 2).await;
    let (out, dlq) = account(&records);
    assert!(out.contains_key("after"), "{out:?}");
    assert_eq!(dlq.get("gone").map(String::as_str), Some("tombstone"));
    assert_eq!((summary.produced, summary.dead_lettered), (1, 1));

    let c: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", "tombstone-reader")
        .set("auto.offset.reset", "earliest")
        .create()
        .unwrap();
    c.subscribe(&["articles.dlq"]).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let null_value = loop {
        assert!(
            std::time::Instant::now() < deadline,
            "dead letter not read back"
        );
        if let Some(Ok(m)) = c.poll(Duration::from_millis(200)) {
            break m.payload().is_none();
        }
    };
    assert!(null_value, "the dead letter must keep the null value");
}

/// Issue 14.8: librdkafka was built without OpenSSL, so `security.protocol = SSL` exited 1 at start.
/// Neither broker here offers TLS (the mock cluster has none; tansu 0.6's `--cert` and `--key` refuse
/// each other), so the listener is `openssl s_server`: a real TLS endpoint that prints what a client
/// sends after the handshake. With the server's certificate as CA, librdkafka completes the handshake
/// and its first Kafka request (carrying our client.id) arrives in clear at the server; with another
/// CA the handshake fails and nothing does.
#[test]
fn librdkafka_speaks_tls_to_a_tls_listener() {
    use rdkafka::producer::{BaseProducer, Producer};
    use std::io::Read;
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let pem = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let made = |key: &str, cert: &str| {
        Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            ])
            .args([
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ])
            .args(["-keyout", &pem(key), "-out", &pem(cert)])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !made("key.pem", "cert.pem") || !made("other-key.pem", "other.pem") {
        eprintln!("skipping: the openssl command is not available");
        return;
    }
    // What reaches the application layer of the TLS server, for each CA the client trusts.
    let received = |ca: &str| -> String {
        let port = common::free_port();
        // One connection, then s_server exits (and flushes what it printed).
        let mut server = Command::new("openssl")
            .args([
                "s_server",
                "-quiet",
                "-naccept",
                "1",
                "-accept",
                &port.to_string(),
            ])
            .args(["-cert", &pem("cert.pem"), "-key", &pem("key.pem")])
            // s_server ends its session when its stdin ends; keep it open.
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = format!("127.0.0.1:{port}");
        // Not probed with a connection of our own: s_server takes only one.
        std::thread::sleep(Duration::from_secs(1));
        let p: BaseProducer = rdkafka::ClientConfig::new()
            .set("bootstrap.servers", &addr)
            .set("client.id", "tidings-tls-probe")
            .set("security.protocol", "SSL")
            .set("ssl.ca.location", pem(ca))
            .set("ssl.endpoint.identification.algorithm", "https")
            .create()
            .unwrap();
        // The metadata request cannot be answered (s_server is no broker); it only has to be sent.
        let _ = p.client().fetch_metadata(None, Duration::from_secs(3));
        drop(p);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while server.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = server.kill();
        let mut out = Vec::new();
        let _ = server.stdout.take().unwrap().read_to_end(&mut out);
        let _ = server.wait();
        String::from_utf8_lossy(&out).into_owned()
    };
    let trusted = received("cert.pem");
    assert!(
        trusted.contains("tidings-tls-probe"),
        "no Kafka request arrived over TLS: {trusted:?}"
    );
    let untrusted = received("other.pem");
    assert!(
        !untrusted.contains("tidings-tls-probe"),
        "a request went through a TLS session the client should have refused: {untrusted:?}"
    );
}

/// Issue 16: with an input topic that does not exist, `/readyz` said only "starting: waiting for a
/// partition assignment" for ever (and the log one warning among many); it now says why.
#[test]
fn readyz_says_why_when_the_input_topic_does_not_exist() {
    let (_cluster, brokers) = common::mock(1);
    let daemon = common::Daemon::start(
        &brokers,
        "no-input-topic",
        &[
            ("TIDINGS__STAGES__NER__ENABLED", "false"),
            ("TIDINGS__KAFKA__INPUT_TOPIC", "no.such.topic"),
        ],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
    let mut last = None;
    while std::time::Instant::now() < deadline {
        if let Ok((status, body)) = daemon.get("/readyz") {
            if status == 503 && body.contains("input not available") {
                assert!(
                    body.contains("no.such.topic") || body.to_lowercase().contains("unknown topic"),
                    "{body}"
                );
                return;
            }
            last = Some((status, body));
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    panic!(
        "/readyz never said why: last {last:?}; log:\n{}",
        daemon.log_tail(15)
    );
}
