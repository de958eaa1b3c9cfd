//! Helpers shared by the broker tests: the seed articles as crawler messages, one poison message of
//! every kind, a plain producer, the id accounting over output ∪ dead-letter, a tansu broker process,
//! and the `tidings` binary as a child process (signals, logs, its HTTP endpoint, its memory).
#![allow(dead_code)] // each test crate uses its own subset

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use rdkafka::{Offset, TopicPartitionList};
use serde_json::json;
use tidings::demo::{read_back, Returned};

/// The five crawled seed articles as crawler messages, or None (with a note) without ../shared.
pub fn seed_messages() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipping: {} not found (seed articles live beside the repo)",
            dir.display()
        );
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| {
                let id = p.file_stem().unwrap().to_string_lossy().to_string();
                let text = std::fs::read_to_string(p).unwrap();
                (
                    id.clone(),
                    serde_json::to_vec(
                        &json!({"id": id, "url": format!("https://seed.test/{id}"), "text": text}),
                    )
                    .unwrap(),
                )
            })
            .collect(),
    )
}

/// One message of every bad kind the codec rejects, keyed by the expected dead-letter reason.
pub fn poison(max_bytes: usize) -> Vec<(String, Vec<u8>)> {
    vec![
        ("not_utf8".into(), b"\xff\xfe{\"text\":1}".to_vec()),
        (
            "not_json".into(),
            b"{\"id\": \"x\", \"text\": \"unterminated".to_vec(),
        ),
        ("not_object".into(), b"[\"a\", \"b\"]".to_vec()),
        (
            "no_text".into(),
            br#"{"id":"no-text","title":"headline only"}"#.to_vec(),
        ),
        (
            "too_large".into(),
            serde_json::to_vec(&json!({"id": "big", "text": "x".repeat(max_bytes)})).unwrap(),
        ),
    ]
}

/// Produces every message (key = id) and returns where each landed: id → (partition, offset).
pub async fn produce(
    brokers: &str,
    topic: &str,
    msgs: &[(String, Vec<u8>)],
) -> BTreeMap<String, (i32, i64)> {
    let p: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    let mut at = BTreeMap::new();
    for (key, payload) in msgs {
        let d = p
            .send(
                FutureRecord::to(topic).key(key).payload(payload),
                Timeout::After(Duration::from_secs(10)),
            )
            .await
            .unwrap();
        at.insert(key.clone(), (d.partition, d.offset));
    }
    at
}

/// `copies` × the seeds, each with its own id ("{seed}-{n}").
pub fn copies(seeds: &[(String, Vec<u8>)], copies: usize) -> Vec<(String, Vec<u8>)> {
    (0..copies)
        .flat_map(|c| {
            seeds.iter().map(move |(id, payload)| {
                let mut v: serde_json::Value = serde_json::from_slice(payload).unwrap();
                let id = format!("{id}-{c:04}");
                v["id"] = json!(id);
                (id, serde_json::to_vec(&v).unwrap())
            })
        })
        .collect()
}

/// The group's committed offset per partition of `topic` (-1001 = none yet), asked without joining.
pub fn committed(brokers: &str, group: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", group)
        .create()
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition(topic, p);
    }
    let got = c.committed_offsets(tpl, Duration::from_secs(10)).unwrap();
    let offsets = got
        .elements()
        .iter()
        .map(|e| match e.offset() {
            Offset::Offset(o) => o,
            _ => -1001,
        })
        .collect();
    // Drop the list before the consumer (a live list from committed() can hang the consumer's drop).
    drop(got);
    offsets
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port()
}

/// A plain HTTP/1.1 GET: (status, body). Enough for the daemon's own endpoint.
pub fn http_get(addr: &str, path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = String::new();
    s.read_to_string(&mut raw)?;
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = raw
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    Ok((status, body))
}

/// A sample's value from Prometheus text, e.g. `metric(&m, "tidings_consumed_total")`.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.split_once(' ').is_some_and(|(name, _)| name == series))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

/// The sum of every series of a metric, whatever its labels, e.g. all reasons of
/// `tidings_dead_lettered_total`; 0 when there is none.
pub fn metric_sum(text: &str, name: &str) -> f64 {
    text.lines()
        .filter_map(|l| l.rsplit_once(' '))
        .filter(|(series, _)| series.split('{').next() == Some(name))
        .filter_map(|(_, v)| v.parse::<f64>().ok())
        .sum()
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tansu broker from `scripts/setup --test` (or `$TIDINGS_TANSU`); None (with a note) when missing,
/// except under CI, where a missing broker is a failure.
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
pub struct Tansu {
    child: Child,
    pub addr: String,
}

impl Tansu {
    pub fn start(bin: &Path) -> Tansu {
        let port = free_port();
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
        Tansu { child, addr }
    }

    /// A broker with the topics created, or None (with a note) where tansu is missing.
    pub async fn with_topics(input_partitions: i32) -> Option<Tansu> {
        let broker = Tansu::start(&tansu_binary()?);
        broker.create_topics(input_partitions).await;
        Some(broker)
    }

    /// articles (`input_partitions`), articles.enriched and articles.dlq (one partition each).
    async fn create_topics(&self, input_partitions: i32) {
        let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
            .set("bootstrap.servers", &self.addr)
            .create()
            .unwrap();
        let specs = [
            NewTopic::new("articles", input_partitions, TopicReplication::Fixed(1)),
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

impl Drop for Tansu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `tidings run` as a child process, configured only through environment variables, its JSON log in a
/// file and its HTTP endpoint on a free port. Killed on drop.
pub struct Daemon {
    pub child: Child,
    pub http: String,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Daemon {
    pub fn start(brokers: &str, group: &str, extra: &[(&str, &str)]) -> Daemon {
        Daemon::spawn(
            Command::new(env!("CARGO_BIN_EXE_tidings")),
            brokers,
            group,
            extra,
        )
    }

    /// As [`Daemon::start`], with the process's open-file limit lowered to `nofile` (`ulimit -n`).
    pub fn start_with_nofile(
        brokers: &str,
        group: &str,
        extra: &[(&str, &str)],
        nofile: u32,
    ) -> Daemon {
        let mut sh = Command::new("sh");
        // exec keeps the pid, so signals and /proc reach tidings itself.
        sh.arg("-c")
            .arg(format!("ulimit -n {nofile} && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_tidings"));
        Daemon::spawn(sh, brokers, group, extra)
    }

    fn spawn(mut cmd: Command, brokers: &str, group: &str, extra: &[(&str, &str)]) -> Daemon {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("tidings.log");
        let http = format!("127.0.0.1:{}", free_port());
        cmd.arg("run")
            .current_dir(repo())
            .env("TIDINGS__KAFKA__BROKERS", brokers)
            .env("TIDINGS__KAFKA__GROUP_ID", group)
            .env("TIDINGS__KAFKA__COMMIT_INTERVAL_MS", "200")
            .env("TIDINGS__CODEC__MAX_BYTES", "65536")
            .env("TIDINGS__TELEMETRY__STATS_INTERVAL_SECS", "2")
            .env("TIDINGS__TELEMETRY__HTTP_ADDRESS", &http)
            .env("TIDINGS__TELEMETRY__LOG_FORMAT", "json")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::from(std::fs::File::create(&log).unwrap()));
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start tidings");
        Daemon {
            child,
            http,
            log,
            _dir: dir,
        }
    }

    pub fn get(&self, path: &str) -> std::io::Result<(u16, String)> {
        http_get(&self.http, path)
    }

    /// Waits until the endpoint answers /readyz with 200.
    pub fn wait_ready(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok((200, _)) = self.get("/readyz") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "tidings not ready within {limit:?}; log:\n{}",
                self.log_tail(30)
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Polls `path` until it answers `status`: the time that took and the body, or None after `limit`.
    pub fn wait_for(&self, path: &str, status: u16, limit: Duration) -> Option<(Duration, String)> {
        let started = Instant::now();
        while started.elapsed() < limit {
            match self.get(path) {
                Ok((s, body)) if s == status => return Some((started.elapsed(), body)),
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        None
    }

    pub fn metrics(&self) -> String {
        self.get("/metrics").map(|(_, b)| b).unwrap_or_default()
    }

    pub fn signal(&self, sig: &str) {
        signal(&self.child, sig);
    }

    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        wait_exit(&mut self.child, limit, &self.log)
    }

    /// SIGTERM, then the exit status.
    pub fn stop(&mut self) -> ExitStatus {
        self.signal("TERM");
        self.wait_exit(Duration::from_secs(60))
    }

    /// kill -9: no drain, no final commit.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The JSON log lines parsed (lines that are not JSON are skipped).
    pub fn log_json(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// Polls the JSON log until a line satisfies `pred`, for at most `limit`: whether one did.
    pub fn wait_log(&self, limit: Duration, pred: impl Fn(&serde_json::Value) -> bool) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.log_json().iter().any(&pred) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        false
    }

    pub fn log_tail(&self, n: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(n)..].join("\n")
    }

    /// (current, peak) resident memory in KiB, from /proc.
    pub fn rss_kib(&self) -> Option<(u64, u64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads output ∪ dead-letter from the start until `want` distinct input ids are there (or `limit`).
pub async fn read_until(brokers: &str, want: usize, limit: Duration) -> Vec<Returned> {
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

/// Output ids (from the record key) and dead-letter reasons (by input key).
pub fn account(records: &[Returned]) -> (BTreeMap<String, usize>, BTreeMap<String, String>) {
    let mut out = BTreeMap::new();
    let mut dlq = BTreeMap::new();
    for r in records {
        let key = r.key.clone().unwrap_or_default();
        if r.topic == "articles.enriched" {
            *out.entry(key).or_insert(0) += 1;
        } else {
            let kind = r
                .headers
                .iter()
                .find(|(k, _)| k == "tidings.error.kind")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            dlq.insert(key, kind);
        }
    }
    (out, dlq)
}

pub fn topics() -> Vec<String> {
    vec!["articles.enriched".into(), "articles.dlq".into()]
}

/// Produces one record whose first header name is `raw_name` as given — bytes that need not be UTF-8,
/// which rdkafka's safe API cannot express (its header names are `&str`) but other clients send. Goes
/// through librdkafka's C `rd_kafka_produceva`; a second header, `ok`, has a valid name.
pub fn produce_raw_header(brokers: &str, topic: &str, key: &str, payload: &[u8], raw_name: &[u8]) {
    use rdkafka::bindings as rdsys;
    use rdkafka::producer::{BaseProducer, Producer};
    use std::ffi::CString;

    let p: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    let topic = CString::new(topic).unwrap();
    let name = CString::new(raw_name).unwrap();
    let ok = CString::new("ok").unwrap();
    let value = b"header value";
    let vu = |vtype, u| rdsys::rd_kafka_vu_t { vtype, u };
    let mem = |bytes: &[u8]| rdsys::rd_kafka_vu_s__bindgen_ty_1 {
        mem: rdsys::rd_kafka_vu_s__bindgen_ty_1__bindgen_ty_1 {
            ptr: bytes.as_ptr() as *mut _,
            size: bytes.len(),
        },
    };
    let header = |name: &CString| rdsys::rd_kafka_vu_s__bindgen_ty_1 {
        header: rdsys::rd_kafka_vu_s__bindgen_ty_1__bindgen_ty_2 {
            name: name.as_ptr(),
            val: value.as_ptr().cast(),
            size: value.len() as isize,
        },
    };
    let vus = [
        vu(
            rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_TOPIC,
            rdsys::rd_kafka_vu_s__bindgen_ty_1 {
                cstr: topic.as_ptr(),
            },
        ),
        vu(
            rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_KEY,
            mem(key.as_bytes()),
        ),
        vu(rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_VALUE, mem(payload)),
        vu(
            rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_HEADER,
            header(&name),
        ),
        vu(rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_HEADER, header(&ok)),
    ];
    // SAFETY: every pointer in `vus` outlives the call (librdkafka copies key, value and headers).
    let err =
        unsafe { rdsys::rd_kafka_produceva(p.client().native_ptr(), vus.as_ptr(), vus.len()) };
    assert!(err.is_null(), "rd_kafka_produceva failed");
    p.flush(Duration::from_secs(10)).unwrap();
}

/// `tidings run` in file mode as a child process: `input` written to a temporary file, output and
/// dead letters to files beside it, configuration from `env`. Killed on drop.
pub struct FileRun {
    pub child: Child,
    pub dir: tempfile::TempDir,
}

impl FileRun {
    pub fn start(input: &[u8], env: &[(&str, &str)]) -> FileRun {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidings"));
        cmd.current_dir(repo())
            .arg("run")
            .arg("--input")
            .arg(dir.path().join("in.jsonl"))
            .arg("--output")
            .arg(dir.path().join("out.jsonl"))
            .arg("--dead-letter")
            .arg(dir.path().join("dlq.jsonl"))
            .env("TIDINGS__TELEMETRY__LOG_FORMAT", "json")
            .stdout(Stdio::null())
            .stderr(Stdio::from(
                std::fs::File::create(dir.path().join("log")).unwrap(),
            ));
        for (k, v) in env {
            cmd.env(k, v);
        }
        FileRun {
            child: cmd.spawn().expect("start tidings"),
            dir,
        }
    }

    /// The JSON lines of `out.jsonl` or `dlq.jsonl`.
    pub fn lines(&self, file: &str) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.path().join(file))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    pub fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        wait_exit(&mut self.child, limit, &self.dir.path().join("log"))
    }

    pub fn signal(&self, sig: &str) {
        signal(&self.child, sig);
    }
}

/// Sends `sig` (e.g. "TERM") to a child process.
fn signal(child: &Child, sig: &str) {
    let status = Command::new("kill")
        .args([&format!("-{sig}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The child's exit status, or a panic quoting its log when it is still running after `limit`.
fn wait_exit(child: &mut Child, limit: Duration, log: &Path) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let log = std::fs::read_to_string(log).unwrap_or_default();
            panic!("tidings did not exit within {limit:?}; log:\n{log}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for FileRun {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// librdkafka's mock cluster (one broker, real TCP on loopback) with the topics created: articles
/// (`input_partitions`), articles.enriched and articles.dlq. Dropping the cluster stops it.
pub fn mock(
    input_partitions: i32,
) -> (
    MockCluster<'static, rdkafka::producer::DefaultProducerContext>,
    String,
) {
    let cluster = MockCluster::new(1).unwrap();
    cluster
        .create_topic("articles", input_partitions, 1)
        .unwrap();
    cluster.create_topic("articles.enriched", 1, 1).unwrap();
    cluster.create_topic("articles.dlq", 1, 1).unwrap();
    let brokers = cluster.bootstrap_servers();
    (cluster, brokers)
}

/// CoNLL-2003 documents as the daemon would get them: tokens joined by spaces, sentences by newlines.
pub fn conll_documents(path: &Path) -> Vec<String> {
    let raw = std::fs::read_to_string(path).expect("read CoNLL file");
    // The file opens with a document and closes with a marker: the first document has no marker
    // before it, so one is open from the start (empty ones are dropped below).
    let mut docs: Vec<Vec<String>> = vec![Vec::new()];
    let mut sentence: Vec<&str> = Vec::new();
    for line in raw.lines().chain([""]) {
        if line.starts_with("-DOCSTART-") {
            docs.push(Vec::new());
            continue;
        }
        let word = line.split_whitespace().next();
        match word {
            Some(w) => sentence.push(w),
            None if !sentence.is_empty() => {
                if let Some(d) = docs.last_mut() {
                    d.push(sentence.join(" "));
                }
                sentence.clear();
            }
            None => {}
        }
    }
    docs.into_iter()
        .filter(|d| !d.is_empty())
        .map(|d| d.join("\n"))
        .collect()
}

/// A path under ../shared, or None (with a note) when it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipped: {} is absent (../shared is not beside the repository)",
            p.display()
        );
        None
    }
}
