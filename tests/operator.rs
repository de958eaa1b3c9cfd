//! The binary as an operator meets it (issue 16): copied out of the repository and started from an
//! empty directory, `--version`, `check-config` on broken files, the JSON logs, file mode's edges.
//! Every test runs the real `tidings` binary (the profile under test) with the shipped model.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, linked (or copied) into `dir/bin/`: what a packaged or `cargo install`ed binary is.
fn install_binary(dir: &Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let exe = bin.join("tidings");
    if std::fs::hard_link(env!("CARGO_BIN_EXE_tidings"), &exe).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_tidings"), &exe).unwrap();
    }
    exe
}

/// Runs `exe` in `cwd` with a clean environment as far as tidings reads it (no ORT_DYLIB_PATH, no
/// TIDINGS__* from the test runner), so only the lookup rules can find the files.
fn run(exe: &Path, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(exe);
    cmd.current_dir(cwd).args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("TIDINGS") || k == "ORT_DYLIB_PATH" || k == "RUST_LOG" {
            cmd.env_remove(k);
        }
    }
    cmd.env("TIDINGS__TELEMETRY__LOG_FORMAT", "json");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("start tidings")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_binary_copied_to_an_empty_directory_runs_the_demo_and_a_file_run() {
    let home = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let exe = install_binary(home.path());
    let config = home.path().join("tidings.toml");
    std::fs::write(&config, "[stages.ner]\nthreads = 1\n[workers]\ncount = 1\n").unwrap();
    let config = config.to_str().unwrap();

    let demo = run(
        &exe,
        cwd.path(),
        &["--config", config, "demo", "--quiet"],
        &[],
    );
    assert!(demo.status.success(), "demo failed: {}", text(&demo.stderr));
    let summary = text(&demo.stderr);
    assert!(
        summary.contains("demo: 7 consumed, 6 enriched, 1 dead-lettered"),
        "{summary}"
    );

    let input = home.path().join("in.jsonl");
    std::fs::copy(repo().join("examples/articles.jsonl"), &input).unwrap();
    let out = home.path().join("out.jsonl");
    let file_run = run(
        &exe,
        cwd.path(),
        &[
            "--config",
            config,
            "run",
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert!(file_run.status.success(), "{}", text(&file_run.stderr));
    let records: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6);
    // The model was found and ran: the English articles have entities.
    assert!(
        records
            .iter()
            .any(|r| r["entities"].as_array().is_some_and(|e| !e.is_empty())),
        "no entities in {records:?}"
    );
    // The German, French and Spanish articles are read in their own words: every figure has a
    // metric, and a percentage is named as that language names it.
    for (lang, percent) in [("de", "Prozent"), ("fr", "pour cent"), ("es", "por ciento")] {
        let record = records
            .iter()
            .find(|r| r["language"]["code"] == lang)
            .unwrap_or_else(|| panic!("no {lang} article in {records:?}"));
        let claims = record["claims"].as_array().unwrap();
        assert!(
            claims.iter().all(|c| c["metric"].is_string()),
            "{lang}: {claims:?}"
        );
        assert!(
            claims.iter().any(|c| c["unit_name"] == percent),
            "{lang}: {claims:?}"
        );
        // Money counts in scale words joined by "de" are money ("millones de euros").
        assert!(
            claims
                .iter()
                .filter(|c| c["text"].as_str().unwrap_or("").contains("euro"))
                .all(|c| c["kind"] == "money"),
            "{lang}: {claims:?}"
        );
    }
    // Nothing was dead-lettered, so nothing was created in the working directory.
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0);
}

#[test]
fn a_relative_model_dir_is_found_beside_the_config_file_and_a_miss_names_every_place() {
    let home = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let exe = install_binary(home.path());
    let etc = home.path().join("etc");
    std::fs::create_dir_all(etc.join("models")).unwrap();
    std::os::unix::fs::symlink(
        repo().join("models/ner-minilm-conll"),
        etc.join("models/mine"),
    )
    .unwrap();
    let config = etc.join("tidings.toml");
    std::fs::write(&config, "[stages.ner]\nmodel_dir = \"models/mine\"\n").unwrap();
    let out = run(
        &exe,
        cwd.path(),
        &["--config", config.to_str().unwrap(), "check-config"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let effective: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Resolved through the symlink beside the config file, not the repository's own path.
    assert_eq!(
        effective["stages"]["ner"]["model_dir"],
        repo()
            .join("models/ner-minilm-conll")
            .canonicalize()
            .unwrap()
            .to_str()
            .unwrap()
    );

    std::fs::write(&config, "[stages.ner]\nmodel_dir = \"models/absent\"\n").unwrap();
    let out = run(
        &exe,
        cwd.path(),
        &["--config", config.to_str().unwrap(), "check-config"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for place in [
        etc.join("models/absent"),
        home.path().join("bin/models/absent"),
        home.path().join("bin/../share/tidings/models/absent"),
        PathBuf::from("/usr/share/tidings/models/absent"),
        repo().join("models/absent"),
    ] {
        assert!(
            err.contains(place.to_str().unwrap()),
            "{place:?} not in {err}"
        );
    }
    assert!(err.contains(config.to_str().unwrap()), "{err}");
}

#[test]
fn version_names_commit_librdkafka_onnx_runtime_and_the_model_hash() {
    let cwd = tempfile::tempdir().unwrap();
    let out = run(
        Path::new(env!("CARGO_BIN_EXE_tidings")),
        cwd.path(),
        &["--version"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = text(&out.stdout);
    let lines: Vec<&str> = v.lines().collect();
    assert!(
        lines[0].starts_with(&format!("tidings {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    assert!(lines[1].starts_with("librdkafka 2."), "{v}");
    assert!(lines[2].starts_with("onnxruntime 1.31."), "{v}");
    let weights = std::fs::read(repo().join("models/ner-minilm-conll/model.onnx")).unwrap();
    let hash: String = <sha2::Sha256 as sha2::Digest>::digest(&weights)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(
        lines[3].starts_with(&format!("model ner-minilm-conll sha256:{hash}")),
        "{v}"
    );
}

#[test]
fn a_broken_config_lists_every_error_with_its_file_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("broken.toml");
    std::fs::write(
        &config,
        r#"
[kafka]
brokerz = "localhost:9092"
compression = "brotli"
[kafka.producer]
"linger.ms" = "soon"
[workers]
count = "two"
[stages.ner]
aggregation = "most"
[telemetry]
http_address = "localhost:9464"
"#,
    )
    .unwrap();
    let out = run(
        Path::new(env!("CARGO_BIN_EXE_tidings")),
        dir.path(),
        &["--config", config.to_str().unwrap(), "check-config"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let file = config.to_str().unwrap();
    for key in [
        "kafka.brokerz",
        "workers.count",
        "stages.ner.aggregation",
        "kafka.compression",
        "kafka.producer",
    ] {
        assert!(
            err.lines().any(|l| l.contains(&format!("{file}: {key}"))),
            "{key} not reported with its file in:\n{err}"
        );
    }
    // In the operator's words, not serde's.
    assert!(!err.contains('`'), "{err}");
    assert!(!err.contains("default.kafka"), "{err}");
    // A host name is a valid HTTP address.
    assert!(!err.contains("http_address"), "{err}");
}

#[test]
fn json_logs_hold_structured_fields_and_file_mode_edges_hold() {
    let dir = tempfile::tempdir().unwrap();
    let exe = Path::new(env!("CARGO_BIN_EXE_tidings"));
    let input = dir.path().join("in.jsonl");
    let mut lines = std::fs::read_to_string(repo().join("examples/articles.jsonl")).unwrap();
    lines.push_str("{\"id\": \"broken\", \"text\": \n");
    std::fs::write(&input, lines).unwrap();
    let out = run(
        exe,
        dir.path(),
        &[
            "run",
            "--input",
            input.to_str().unwrap(),
            "--output",
            "out.jsonl",
        ],
        &[("TIDINGS__STAGES__NER__ENABLED", "false")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let events: Vec<serde_json::Value> = text(&out.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let stats = events
        .iter()
        .find(|e| e["message"] == "stats")
        .expect("file mode logs the stats line");
    assert_eq!(
        stats["dead_letter_reasons"],
        serde_json::json!({"not_json": 1})
    );
    assert!(stats["stages"]["claims"]["p50_ms"].is_number(), "{stats}");
    let dead = events
        .iter()
        .find(|e| e["message"] == "record dead-lettered")
        .unwrap();
    assert_eq!(dead["kind"], "not_json");
    // The dead letter made the file, in the working directory by default.
    assert!(dir.path().join("dead-letter.jsonl").is_file());

    // --output without --input is refused, not read from stdin.
    let out = run(exe, dir.path(), &["run", "--output", "x.jsonl"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!dir.path().join("x.jsonl").exists());

    // Text logs into a file carry no colour codes; an error's cause is printed once, with the path.
    let out = run(
        exe,
        dir.path(),
        &["run", "--input", "missing.jsonl"],
        &[
            ("TIDINGS__TELEMETRY__LOG_FORMAT", "text"),
            ("TIDINGS__STAGES__NER__ENABLED", "false"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("cannot open input missing.jsonl"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

/// The repository's own files name `models/…` relative to the repository, not to `config/`: the
/// lookup must still find the model (through the build tree) from anywhere.
#[test]
fn the_shipped_config_files_pass_check_config_from_another_directory() {
    let cwd = tempfile::tempdir().unwrap();
    for file in ["config/default.toml", "config/docker.toml"] {
        let path = repo().join(file);
        let out = run(
            Path::new(env!("CARGO_BIN_EXE_tidings")),
            cwd.path(),
            &["--config", path.to_str().unwrap(), "check-config"],
            &[],
        );
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
    }
}

/// Issue 16: file mode showed nothing until the end. On a terminal it now draws a progress bar
/// (bytes read of the file, lines written and dead-lettered), lifted for log lines and cleared at the
/// end; off a terminal there is none (every stderr line of the test above parses as JSON).
/// The terminal is a real pseudo-terminal from util-linux `script`.
#[test]
fn file_mode_draws_a_progress_bar_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no util-linux `script` to give tidings a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let once = std::fs::read_to_string(repo().join("examples/articles.jsonl")).unwrap();
    std::fs::write(&input, once.repeat(20)).unwrap();
    let line = format!(
        "{} run --input {} --output out.jsonl",
        env!("CARGO_BIN_EXE_tidings"),
        input.display()
    );
    let mut cmd = Command::new("script");
    cmd.current_dir(dir.path())
        .args(["-qec", &line, "/dev/null"])
        .env("TIDINGS__STAGES__NER__ENABLED", "false")
        .env("TIDINGS__TELEMETRY__LOG_FORMAT", "text");
    let out = cmd.output().expect("run script");
    let screen = text(&out.stdout);
    assert!(out.status.success(), "{screen}");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), once.lines().count() * 20);
    // The bar's own words, with the size of the input, and the log lines around it.
    let size = std::fs::metadata(&input).unwrap().len();
    assert!(
        screen.contains("dead-lettered"),
        "no progress bar:\n{screen}"
    );
    assert!(
        screen.contains(&format!("{:.2} KiB", size as f64 / 1024.0)),
        "no input size on the bar:\n{screen}"
    );
    assert!(screen.contains("tidings stopped"), "{screen}");
}
