//! End to end on a separate broker process: the `tidings` binary as users run it (`tidings run`, config
//! from environment variables, all stages including the shipped NER model) against `tansu`, an
//! Apache-2.0 Kafka-compatible broker, on loopback.
//!
//! The broker binary comes from `scripts/setup --test` (`.cache/tansu/tansu`, or `$TIDINGS_TANSU`).
//! Without it the tests skip with a note, except under CI, where a missing broker is a failure.

mod common;

use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::{account, poison, produce, seed_messages, topics};
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use serde_json::json;
use tidings::demo::{read_back, Returned};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tansu_binary() -> Option<PathBuf> {
    let path = std::env::var_os("TIDINGS_TANSU")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join(".cache/tansu/tansu"));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tansu not found at {} (scripts/setup --test fetches it)",
        path.display()
    );
    eprintln!(
        "skipping: tansu not found at {} (run scripts/setup --test)",
        path.display()
    );
    None
}

/// A tansu broker with in-memory storage on a free loopback port; killed on drop.
struct Broker {
    child: Child,
    addr: String,
}

impl Broker {
    fn start(bin: &Path) -> Broker {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let url = format!("tcp://127.0.0.1:{port}");
        let child = Command::new(bin)
            .args([
                "broker",
                "--listener-url",
                &url,
                "--advertised-listener-url",
            ])
            .arg(&url)
            .args(["--storage-engine", "memory://tansu/"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tansu");
        let addr = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "tansu did not listen on {addr}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Broker { child, addr }
    }

    async fn create_topics(&self) {
        let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
            .set("bootstrap.servers", &self.addr)
            .create()
            .unwrap();
        let specs = [
            NewTopic::new("articles", 3, TopicReplication::Fixed(1)),
            NewTopic::new("articles.enriched", 1, TopicReplication::Fixed(1)),
            NewTopic::new("articles.dlq", 1, TopicReplication::Fixed(1)),
        ];
        for r in admin
            .create_topics(&specs, &AdminOptions::new())
            .await
            .unwrap()
        {
            r.unwrap();
        }
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `tidings run` as a child process, configured only through environment variables; its JSON log goes
/// to `log` when given.
fn daemon(brokers: &str, group: &str, extra: &[(&str, &str)], log: Option<&Path>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidings"));
    cmd.arg("run")
        .current_dir(repo())
        .env("TIDINGS__KAFKA__BROKERS", brokers)
        .env("TIDINGS__KAFKA__GROUP_ID", group)
        .env("TIDINGS__KAFKA__COMMIT_INTERVAL_MS", "200")
        .env("TIDINGS__CODEC__MAX_BYTES", "65536")
        .env("TIDINGS__TELEMETRY__STATS_INTERVAL_SECS", "2")
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(match log {
            Some(p) => Stdio::from(std::fs::File::create(p).unwrap()),
            None => Stdio::inherit(),
        });
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.spawn().expect("start tidings")
}

fn sigterm(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_exit(child: &mut Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("tidings did not exit within {limit:?} of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Reads output ∪ dead-letter from the start until `want` distinct input ids are there.
async fn read_until(brokers: &str, want: usize, limit: Duration) -> Vec<Returned> {
    let deadline = Instant::now() + limit;
    loop {
        let got = read_back(brokers, &topics(), usize::MAX, Duration::from_secs(3))
            .await
            .unwrap();
        let (out, dlq) = account(&got);
        if out.len() + dlq.len() >= want || Instant::now() > deadline {
            return got;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_and_poison_through_the_binary_on_tansu() {
    let (Some(bin), Some(seeds)) = (tansu_binary(), seed_messages()) else {
        return;
    };
    let broker = Broker::start(&bin);
    broker.create_topics().await;
    let bad = poison(65536);
    produce(&broker.addr, "articles", &seeds).await;
    produce(&broker.addr, "articles", &bad).await;

    let mut child = daemon(&broker.addr, "e2e", &[], None);
    let records = read_until(
        &broker.addr,
        seeds.len() + bad.len(),
        Duration::from_secs(120),
    )
    .await;
    sigterm(&child);
    let status = wait_exit(&mut child, Duration::from_secs(30));
    assert!(status.success(), "tidings exited with {status}");

    let (out, dlq) = account(&records);
    let seed_ids: BTreeSet<String> = seeds.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), seed_ids);
    assert!(out.values().all(|&n| n == 1), "duplicates: {out:?}");
    for (kind, _) in &bad {
        assert_eq!(dlq.get(kind), Some(kind), "dead letters: {dlq:?}");
    }
    let mut claims = 0;
    for r in records.iter().filter(|r| r.topic == "articles.enriched") {
        let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
        assert_eq!(v["schema"], "tidings.enriched/v1");
        assert_eq!(v["language"]["code"], "en");
        let entities = v["entities"].as_array().expect("NER ran");
        assert!(!entities.is_empty(), "no entities in {}", v["id"]);
        claims += v["claims"].as_array().expect("claims stage ran").len();
    }
    assert!(
        claims >= 20,
        "the seeds hold dozens of figures, found {claims}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_stream_loses_nothing_and_restart_resumes() {
    let (Some(bin), Some(seeds)) = (tansu_binary(), seed_messages()) else {
        return;
    };
    let broker = Broker::start(&bin);
    broker.create_topics().await;
    // Enough articles that the stream outlasts the moment SIGTERM arrives.
    let copies = 40;
    let msgs: Vec<(String, Vec<u8>)> = (0..copies)
        .flat_map(|c| {
            seeds.iter().map(move |(id, payload)| {
                let mut v: serde_json::Value = serde_json::from_slice(payload).unwrap();
                let id = format!("{id}-{c:02}");
                v["id"] = json!(id);
                (id, serde_json::to_vec(&v).unwrap())
            })
        })
        .collect();
    produce(&broker.addr, "articles", &msgs).await;
    let slow = [
        ("TIDINGS__WORKERS__COUNT", "1"),
        ("TIDINGS__WORKERS__QUEUE", "4"),
    ];

    let logs = tempfile::tempdir().unwrap();
    let first_log = logs.path().join("first.log");
    let mut first = daemon(&broker.addr, "sigterm", &slow, Some(&first_log));
    // Long enough for several stats reports (every 2 s) before the stop.
    let seen = read_until(&broker.addr, 20, Duration::from_secs(120)).await;
    sigterm(&first);
    let status = wait_exit(&mut first, Duration::from_secs(60));
    assert!(status.success(), "SIGTERM must exit 0, got {status}");
    let after_first = read_back(&broker.addr, &topics(), usize::MAX, Duration::from_secs(5))
        .await
        .unwrap();
    let done_first = account(&after_first).0.len();
    assert!(
        done_first >= account(&seen).0.len() && done_first < msgs.len(),
        "the first run should stop mid-stream: {done_first} of {}",
        msgs.len()
    );

    // The operator's view: stats lines report the backlog while the slowed first run works through it.
    let max_lag = std::fs::read_to_string(&first_log)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["message"] == "stats")
        .filter_map(|v| v["consumer_lag"].as_i64())
        .max();
    assert!(
        max_lag.is_some_and(|l| l > 0),
        "no stats line reported consumer lag: {max_lag:?}"
    );

    let mut second = daemon(&broker.addr, "sigterm", &[], None);
    let records = read_until(&broker.addr, msgs.len(), Duration::from_secs(240)).await;
    sigterm(&second);
    assert!(wait_exit(&mut second, Duration::from_secs(60)).success());

    let (out, dlq) = account(&records);
    assert!(dlq.is_empty(), "good articles dead-lettered: {dlq:?}");
    let ids: BTreeSet<String> = msgs.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), ids);
    // A clean shutdown commits what it delivered, so the restart re-does nothing.
    let duplicates: usize = out.values().map(|n| n - 1).sum();
    eprintln!(
        "sigterm: first run delivered {done_first} of {} (max reported lag {max_lag:?}), \
         duplicates after restart {duplicates}",
        msgs.len()
    );
    assert_eq!(duplicates, 0, "SIGTERM lost its commits: {out:?}");
}
