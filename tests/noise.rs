//! The noise stage on real text: the five crawled seeds against their hand labels
//! (`../shared/data/seed-noise.json`) through the real pipeline (lang → noise → NER with the shipped
//! model → claims), clean news (CoNLL-2003 eng.testa), texts written for these tests in the same
//! shapes (the seeds are the dev set the rules were written on; these show they generalise), and
//! the fingerprint on edited copies. Tests that read ../shared skip with a message when it is absent.
//!
//! Print the measured tables: `cargo test --release --test noise -- --nocapture`.

mod common;

use common::shared;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use tidings::record::{Article, Field, NoiseKind};
use tidings::stages::ner::NerConfig;
use tidings::stages::noise::fingerprint::{hamming, simhash};
use tidings::stages::noise::{NoiseConfig, NoiseStage};
use tidings::stages::{Pipeline, Stage, StagesConfig};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A labelled noise span of a seed, in code points of the seed's text.
#[derive(Debug, Clone)]
struct Label {
    kind: String,
    start: usize,
    end: usize,
    text: String,
}

/// (file name, text, labels) of every seed in seed-noise.json.
fn labelled_seeds() -> Option<Vec<(String, String, Vec<Label>)>> {
    let gold_path = shared("data/seed-noise.json")?;
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let seeds = shared("seeds")?;
    let mut out = Vec::new();
    for doc in gold["docs"].as_array().unwrap() {
        let name = doc["doc"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(seeds.join(&name)).unwrap();
        let mut labels = Vec::new();
        for n in doc["noise"].as_array().unwrap() {
            let s = n["text"].as_str().unwrap();
            let occurrence = n["occurrence"].as_u64().unwrap_or(1) as usize;
            let byte = text
                .match_indices(s)
                .nth(occurrence - 1)
                .unwrap_or_else(|| panic!("{name}: label {s:?} #{occurrence} not in the text"))
                .0;
            let start = text[..byte].chars().count();
            labels.push(Label {
                kind: n["kind"].as_str().unwrap().to_string(),
                start,
                end: start + s.chars().count(),
                text: s.to_string(),
            });
        }
        out.push((name, text, labels));
    }
    Some(out)
}

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        ..Default::default()
    }
}

fn noise_stage() -> NoiseStage {
    NoiseStage::build(&NoiseConfig::default()).unwrap()
}

/// Code-point range of `span` without its surrounding white space.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s: Vec<char> = text.chars().skip(start).take(end - start).collect();
    let lead = s.iter().take_while(|c| c.is_whitespace()).count();
    let trail = s.iter().rev().take_while(|c| c.is_whitespace()).count();
    (start + lead, (end - trail).max(start + lead))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[test]
fn seeds_every_labelled_span_is_found_with_its_kind_and_nothing_else() {
    let Some(seeds) = labelled_seeds() else {
        return;
    };
    let stage = noise_stage();
    let (mut found_right, mut total, mut extra) = (0, 0, Vec::new());
    for (name, text, labels) in &seeds {
        let mut a = article(name, text);
        stage.process(&mut a).unwrap();
        let noise = a.noise.unwrap();
        for n in &noise {
            // Offsets are code points into the unchanged text.
            let slice: String = text.chars().skip(n.start).take(n.end - n.start).collect();
            assert_eq!(slice, n.text, "{name}: span text and offsets disagree");
        }
        for l in labels {
            total += 1;
            let want = trimmed(text, l.start, l.end);
            let hit = noise.iter().find(|n| trimmed(text, n.start, n.end) == want);
            match hit {
                Some(n) if n.kind.as_str() == l.kind => found_right += 1,
                Some(n) => panic!(
                    "{name}: {:?} found as {:?}, labelled {}",
                    l.text, n.kind, l.kind
                ),
                None => panic!(
                    "{name}: {:?} ({}) not found; found {noise:#?}",
                    l.text, l.kind
                ),
            }
        }
        // Nothing outside the labels: no content line (or part of one) is marked.
        for n in &noise {
            let span = trimmed(text, n.start, n.end);
            if !labels.iter().any(|l| trimmed(text, l.start, l.end) == span) {
                extra.push(format!("{name}: {:?} as {:?}", n.text, n.kind));
            }
        }
    }
    println!(
        "seeds: {found_right}/{total} labelled spans found with the right kind, {} other spans",
        extra.len()
    );
    assert_eq!(found_right, total);
    assert!(extra.is_empty(), "content marked as noise: {extra:#?}");
}

/// The stages as the daemon runs them (lang → noise → NER → claims), NER on the shipped model, or
/// None when the model or ONNX Runtime is missing (scripts/setup installs both).
fn pipeline(noise: bool) -> Option<Pipeline> {
    let runtime = root().join(tidings::stages::ner::model::DEFAULT_RUNTIME);
    let config = StagesConfig {
        ner: NerConfig {
            model_dir: root().join("models/ner-minilm-conll"),
            runtime_path: std::env::var_os("ORT_DYLIB_PATH")
                .map(PathBuf::from)
                .or(Some(runtime)),
            threads: 1,
            ..Default::default()
        },
        noise: NoiseConfig {
            enabled: noise,
            ..Default::default()
        },
        ..Default::default()
    };
    match Pipeline::build(&config) {
        Ok(p) => Some(p),
        Err(e) => panic!("{e} — run scripts/setup --test first"),
    }
}

fn run(p: &Pipeline, seeds: &[(String, String, Vec<Label>)]) -> Vec<Article> {
    let mut articles: Vec<Article> = seeds.iter().map(|(n, t, _)| article(n, t)).collect();
    for r in p.run_batch(&mut articles) {
        r.unwrap();
    }
    articles
}

/// Entities and claims of the text field that fall inside a labelled noise span, as "kind: text".
fn from_noise(a: &Article, labels: &[Label]) -> Vec<String> {
    let mut out = Vec::new();
    for e in a
        .entities
        .iter()
        .flatten()
        .filter(|e| e.field == Field::Text)
    {
        if let Some(l) = labels
            .iter()
            .find(|l| overlaps((e.start, e.end), (l.start, l.end)))
        {
            out.push(format!("entity {} in {}", e.text, l.kind));
        }
    }
    for c in a.claims.iter().flatten().filter(|c| c.field == Field::Text) {
        if let Some(l) = labels
            .iter()
            .find(|l| overlaps((c.start, c.end), (l.start, l.end)))
        {
            out.push(format!("claim {} in {}", c.text, l.kind));
        }
    }
    out
}

#[test]
fn seeds_through_the_pipeline_no_entity_or_claim_comes_from_noise() {
    let Some(seeds) = labelled_seeds() else {
        return;
    };
    let Some(with) = pipeline(true) else { return };
    let Some(without) = pipeline(false) else {
        return;
    };
    let on = run(&with, &seeds);
    let off = run(&without, &seeds);

    let mut leaked_before = Vec::new();
    let (mut same, mut total) = (0, 0);
    for ((name, text, labels), (a, b)) in seeds.iter().zip(on.iter().zip(&off)) {
        assert_eq!(&a.text, text, "the text is never rewritten");
        let leaked = from_noise(a, labels);
        assert!(leaked.is_empty(), "{name}: {leaked:?}");
        leaked_before.extend(
            from_noise(b, labels)
                .into_iter()
                .map(|l| format!("{name}: {l}")),
        );
        // Elsewhere the entities stay: masking hides noise only. Not to the span, because the
        // model reads windows of tokens and a blanked prefix moves the window edges (seed 000:
        // "US-China Comprehensive Economic Dialogue" comes out as one name or two).
        let outside = |x: &Article| -> std::collections::BTreeSet<(usize, usize)> {
            x.entities
                .iter()
                .flatten()
                .map(|e| (e.start, e.end))
                .filter(|s| !labels.iter().any(|l| overlaps(*s, (l.start, l.end))))
                .collect()
        };
        let (kept, all) = (outside(a), outside(b));
        same += kept.intersection(&all).count();
        total += all.len();
    }
    println!("entities outside the noise found alike with and without the stage: {same}/{total}");
    assert!(same * 100 >= total * 95, "{same}/{total}");
    println!(
        "without the noise stage, {} entities/claims came from noise: {leaked_before:#?}",
        leaked_before.len()
    );
    // Without the stage the age banner is a claim and the repeated title gives its names thrice:
    // what this test guards against does happen.
    assert!(leaked_before
        .iter()
        .any(|l| l.contains("claim") && l.contains("age_banner")));
    assert!(leaked_before.iter().any(|l| l.contains("repeated_title")));

    // The age banner gives no claim (checked above for every label; named here for the issue).
    let (_, _, labels002) = &seeds[2];
    let banner = labels002.iter().find(|l| l.kind == "age_banner").unwrap();
    assert!(!on[2]
        .claims
        .iter()
        .flatten()
        .any(|c| overlaps((c.start, c.end), (banner.start, banner.end))));

    // The repeated title's entities appear once: those of its first occurrence, which the labels
    // leave as content.
    let (_, text003, labels003) = &seeds[3];
    let headline = labels003
        .iter()
        .find(|l| l.kind == "repeated_title")
        .unwrap();
    let first = text003.find(&headline.text).unwrap();
    let first = (first, first + headline.text.chars().count());
    // Entities of the headline's first occurrence, and of its repeats.
    let in_headlines = |a: &Article| -> (Vec<String>, Vec<String>) {
        let ents: Vec<_> = a.entities.iter().flatten().collect();
        let first_ones = ents
            .iter()
            .filter(|e| overlaps((e.start, e.end), first))
            .map(|e| e.text.clone())
            .collect();
        let repeats = ents
            .iter()
            .filter(|e| {
                labels003.iter().any(|l| {
                    l.kind == "repeated_title" && overlaps((e.start, e.end), (l.start, l.end))
                })
            })
            .map(|e| e.text.clone())
            .collect();
        (first_ones, repeats)
    };
    let (once, none) = in_headlines(&on[3]);
    let (_, again) = in_headlines(&off[3]);
    println!(
        "headline entities with the noise stage: {once:?}, in its repeats {none:?}; \
         without the stage, in the repeats: {again:?}"
    );
    assert!(!once.is_empty(), "the headline's own entities are kept");
    assert!(none.is_empty(), "no entity from a repeated headline");
    assert!(
        !again.is_empty(),
        "without the stage the repeats give entities"
    );

    // Facts the noise carries fill the empty fields, marked as inferred.
    assert_eq!(on[0].published_at.as_deref(), Some("2017-07-27"));
    assert_eq!(
        on[0].inferred["published_at"].from,
        NoiseKind::MetadataPrefix
    );
    assert_eq!(on[1].source.as_deref(), Some("Bloomberg"));
    assert_eq!(on[1].inferred["source"].from, NoiseKind::Credit);
    assert_eq!(on[1].published_at.as_deref(), Some("2017-09-27"));
    assert_eq!(on[1].inferred["published_at"].from, NoiseKind::PrintNotice);
    assert!(off[0].published_at.is_none() && off[0].inferred.is_empty());
    // What the print notice states is kept on the span even where a field was filled otherwise.
    let print = on[1]
        .noise
        .iter()
        .flatten()
        .find(|n| n.kind == NoiseKind::PrintNotice)
        .unwrap();
    assert_eq!(print.carries.source.as_deref(), Some("The Straits Times"));
}

#[test]
fn conll_news_has_no_noise_but_its_datelines() {
    let Some(path) = shared("data/conll2003/eng.testa") else {
        return;
    };
    let docs = common::conll_documents(&path);
    let stage = noise_stage();
    let mut lines = 0usize;
    let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut examples: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        lines += doc.lines().count();
        let mut a = article(&i.to_string(), doc);
        stage.process(&mut a).unwrap();
        // A line counts once per kind, however many spans of that kind it holds.
        let mut marked: BTreeMap<&'static str, std::collections::BTreeSet<usize>> = BTreeMap::new();
        for n in a.noise.unwrap() {
            let line = doc.chars().take(n.start).filter(|&c| c == '\n').count();
            if marked.entry(n.kind.as_str()).or_default().insert(line) {
                examples
                    .entry(n.kind.as_str())
                    .or_default()
                    .push(n.text.clone());
            }
        }
        for (kind, set) in marked {
            *by_kind.entry(kind).or_default() += set.len();
        }
    }
    println!(
        "eng.testa: {} documents, {lines} lines (sentences)",
        docs.len()
    );
    println!("| kind | lines | fraction |\n|---|---|---|");
    for (kind, n) in &by_kind {
        println!(
            "| {kind} | {n} | {:.2}% |",
            100.0 * *n as f64 / lines as f64
        );
    }
    for (kind, ex) in &examples {
        println!("{kind}: {:?}", ex.iter().take(5).collect::<Vec<_>>());
    }
    let other: usize = by_kind
        .iter()
        .filter(|(k, _)| **k != "dateline")
        .map(|(_, n)| n)
        .sum();
    assert!(
        (other as f64) < 0.002 * lines as f64,
        "clean news marked as boilerplate: {by_kind:?} {examples:?}"
    );
    // Nearly every document opens with a dateline; they are found.
    assert!(by_kind.get("dateline").copied().unwrap_or(0) * 10 >= docs.len() * 8);
}

/// A written text, its title, and the (kind, marked text) pairs it must yield.
type Written = (&'static str, &'static str, Vec<(NoiseKind, &'static str)>);

/// Texts written for these tests, in the shapes the seeds show but with other words, languages and
/// positions: (text, title, expected (kind, marked text) pairs). Everything else must stay content.
fn written() -> Vec<Written> {
    use NoiseKind::*;
    vec![
        (
            "Published: 05.11.2018 The central bank kept its key rate on hold on Monday, citing slowing growth across the region.\n\nEconomists had expected the decision after a string of weak data, the bank said in a statement.\n\nREUTERS",
            "",
            vec![(MetadataPrefix, "Published: 05.11.2018 "), (Credit, "REUTERS")],
        ),
        (
            "Aktualisiert am 14. März 2020 Die Regierung hat am Freitag neue Hilfen für Unternehmen beschlossen, die von der Krise betroffen sind.\n\nDer Bundestag soll das Paket in der kommenden Woche beraten, teilte ein Sprecher mit.\n\nDieser Artikel erschien in der Printausgabe vom 15.03.2020.\n\nFolgen Sie uns auf Telegram, um keine Nachrichten zu verpassen.",
            "",
            vec![
                (MetadataPrefix, "Aktualisiert am 14. März 2020 "),
                (PrintNotice, "Dieser Artikel erschien in der Printausgabe vom 15.03.2020."),
                (Promo, "Folgen Sie uns auf Telegram, um keine Nachrichten zu verpassen."),
            ],
        ),
        (
            "Cet article a plus d'un an\n\nLe gouvernement a présenté mercredi un plan pour relancer la construction de logements sociaux dans les grandes villes.\n\nLe ministre a promis des annonces supplémentaires avant la fin du mois, selon son entourage.\n\nÀ lire aussi\n\nLes loyers continuent de grimper à Paris\n\nLa construction neuve au plus bas depuis dix ans",
            "",
            vec![
                (AgeBanner, "Cet article a plus d'un an"),
                (Navigation, "À lire aussi"),
                (Navigation, "Les loyers continuent de grimper à Paris"),
                (Navigation, "La construction neuve au plus bas depuis dix ans"),
            ],
        ),
        (
            "Floods hit northern Italy | The Daily Planet\n\nHeavy rain flooded towns across northern Italy on Sunday, forcing hundreds of people from their homes, officials said.\n\nRescue teams were still searching for two missing hikers in the Alps late on Sunday.\n\nSign up for our morning newsletter and get the news in your inbox.\n\nThis article appeared in the print edition of the Daily Planet on 3 March 2020, page 4. ■",
            "Floods hit northern Italy",
            vec![
                (RepeatedTitle, "Floods hit northern Italy | The Daily Planet"),
                (Promo, "Sign up for our morning newsletter and get the news in your inbox."),
                (PrintNotice, "This article appeared in the print edition of the Daily Planet on 3 March 2020, page 4. ■"),
            ],
        ),
        (
            "Oil prices slump on demand fears\n\nOil prices slump on demand fears\n\nOil prices fell more than 3% on Tuesday as traders worried that slowing factory activity in Asia would cut fuel demand.\n\nRead more: Opec weighs deeper output cuts\n\nBrent crude settled at its lowest level in four months, while U.S. crude fell for a third day.\n\nAdditional reporting by Jane Doe; Editing by John Roe\n\n###",
            "",
            vec![
                (RepeatedTitle, "Oil prices slump on demand fears"),
                (Navigation, "Read more: Opec weighs deeper output cuts"),
                (Credit, "Additional reporting by Jane Doe; Editing by John Roe"),
                (SiteMark, "###"),
            ],
        ),
        (
            "Este artículo tiene más de 2 años\n\nEl Gobierno aprobó este martes una reforma para reducir la jornada laboral a 37,5 horas semanales.\n\nLa medida entrará en vigor el próximo año, según el ministerio de Trabajo.\n\nSíguenos en nuestro canal de WhatsApp\n\nNoticias relacionadas",
            "",
            vec![
                (AgeBanner, "Este artículo tiene más de 2 años"),
                (Promo, "Síguenos en nuestro canal de WhatsApp"),
                (Navigation, "Noticias relacionadas"),
            ],
        ),
        (
            "Markets rally as inflation cools\n\nStocks climbed on Wednesday after data showed consumer prices rose less than expected in May, lifting hopes of a rate cut.\n\nThe gains were broad, with technology and bank shares leading the advance. ©\n\nTHE NATION",
            "",
            vec![(SiteMark, " ©"), (Credit, "THE NATION")],
        ),
        // Clean news in shapes close to noise: nothing is marked.
        (
            "MARKETS RALLY\n\nFollow-up talks on the Telegram messaging app's licence will resume next week, the regulator said on Monday.\n\nThe newspaper's print edition will close in March, the owner said, citing falling advertising revenue.\n\nThe story is more than 200 years old, and the village still tells it every spring.\n\nMore on that later, the minister said.\n\n\"We will not give up.\"\n\nJoin talks between the two ministries resumed on Monday after a week-long pause over tariffs.\n\nThe season ends in May, when the league holds its final round of matches in the capital.",
            "",
            vec![],
        ),
        (
            "SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 1996-08-31\nResults of English league matches on Saturday :\nBarnsley 3 Stoke 0\nBolton 2 Reading 1\nDIVISION TWO\nWigan 1 Hull 1",
            "",
            vec![(Dateline, "1996-08-31")],
        ),
    ]
}

#[test]
fn written_texts_in_the_same_shapes_are_marked_and_clean_ones_are_not() {
    let stage = noise_stage();
    let mut failures = Vec::new();
    let (mut expected, mut right) = (0, 0);
    for (i, (text, title, want)) in written().into_iter().enumerate() {
        let mut a = Article {
            id: i.to_string(),
            title: title.into(),
            text: text.into(),
            ..Default::default()
        };
        stage.process(&mut a).unwrap();
        let got: Vec<(NoiseKind, String)> = a
            .noise
            .unwrap()
            .into_iter()
            .map(|n| (n.kind, n.text))
            .collect();
        expected += want.len();
        for w in &want {
            if got.iter().any(|(k, t)| *k == w.0 && t == w.1) {
                right += 1;
            } else {
                failures.push(format!("text {i}: missed {w:?}; got {got:?}"));
            }
        }
        for g in &got {
            if !want.iter().any(|(k, t)| *k == g.0 && *t == g.1) {
                failures.push(format!("text {i}: extra {g:?}"));
            }
        }
    }
    println!(
        "written texts: {right}/{expected} expected spans found, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn written_texts_fill_fields_from_what_the_noise_states() {
    let stage = noise_stage();
    let texts = written();
    let mut a = article("0", texts[0].0);
    stage.process(&mut a).unwrap();
    assert_eq!(a.published_at.as_deref(), Some("2018-11-05"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    let mut b = article("3", texts[3].0);
    b.title = texts[3].1.into();
    stage.process(&mut b).unwrap();
    assert_eq!(b.published_at.as_deref(), Some("2020-03-03"));
    assert_eq!(b.source.as_deref(), Some("the Daily Planet"));
    let mut c = article("6", texts[6].0);
    stage.process(&mut c).unwrap();
    assert_eq!(c.source.as_deref(), Some("The Nation"));
    assert_eq!(c.inferred["source"].from, NoiseKind::Credit);
}

/// A copy of `text` as another site would serve it: its own boilerplate around the story (the
/// seed's is replaced) and one sentence reworded.
fn syndicated(text: &str, noise: &[(usize, usize)], from: &str, to: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut story = String::new();
    let mut at = 0;
    for &(s, e) in noise {
        story.extend(&chars[at..s]);
        at = e;
    }
    story.extend(&chars[at..]);
    assert!(
        story.contains(from),
        "the sentence to change is in the story"
    );
    format!(
        "This article is more than 2 years old\n\n{}\n\nAFP\n\nFollow us on Facebook for the latest updates.\n\nMost read",
        story.replacen(from, to, 1).trim()
    )
}

#[test]
fn fingerprints_of_syndicated_copies_are_close_and_of_other_stories_far() {
    let Some(seeds) = labelled_seeds() else {
        return;
    };
    let stage = noise_stage();
    let fp = |id: &str, text: &str| {
        let mut a = article(id, text);
        stage.process(&mut a).unwrap();
        a.fingerprint.unwrap()
    };
    let originals: Vec<u64> = seeds.iter().map(|(n, t, _)| fp(n, t)).collect();
    // One sentence of each seed changed (a word swapped and one added), boilerplate replaced.
    let edits = [
        (
            "a Chinese official noted Thursday",
            "a senior Chinese official said on Thursday",
        ),
        ("backed efforts to reduce", "supported efforts to cut"),
        (
            "software accounted for nearly 90 per cent",
            "software made up almost 90 per cent",
        ),
        (
            "led by Commerce Secretary",
            "headed by the Commerce Secretary",
        ),
        (
            "ended with news conferences being canceled",
            "ended with press conferences called off",
        ),
    ];
    let mut near = Vec::new();
    for (((name, text, labels), original), (from, to)) in seeds.iter().zip(&originals).zip(edits) {
        let spans: Vec<(usize, usize)> = labels.iter().map(|l| (l.start, l.end)).collect();
        let copy = syndicated(text, &spans, from, to);
        let d = hamming(*original, fp(&format!("{name}-copy"), &copy));
        near.push(d);
    }
    let mut far = Vec::new();
    for i in 0..originals.len() {
        for j in i + 1..originals.len() {
            far.push(hamming(originals[i], originals[j]));
        }
    }
    println!("Hamming distance, copy vs original: {near:?}; between different seeds: {far:?}");
    assert!(
        near.iter()
            .all(|&d| d <= NoiseConfig::default().near_duplicate_max_distance),
        "{near:?}"
    );
    assert!(far.iter().all(|&d| d >= 16), "{far:?}");
    // And the window marks the copy as the original's near-duplicate, but not another seed.
    let (name, text, labels) = &seeds[1];
    let spans: Vec<(usize, usize)> = labels.iter().map(|l| (l.start, l.end)).collect();
    let copy = syndicated(text, &spans, edits[1].0, edits[1].1);
    let window = noise_stage();
    let mut first = article(name, text);
    let mut other = article("other", &seeds[4].1);
    let mut second = article("copy", &copy);
    for a in [&mut first, &mut other, &mut second] {
        window.process(a).unwrap();
    }
    assert_eq!(first.near_duplicate_of, None);
    assert_eq!(other.near_duplicate_of, None);
    assert_eq!(second.near_duplicate_of.as_deref(), Some(name.as_str()));
    // The noise is outside the fingerprint: the same story with and without it is one fingerprint.
    let bare = simhash(&copy, &[]).unwrap().0;
    assert_ne!(
        bare,
        second.fingerprint.unwrap(),
        "the copy's boilerplate was left out"
    );
}

/// A wire dateline ("LONDON 1996-08-30") is metadata, but its place is a story fact and the model
/// was trained on datelines as they stand: NER must find in a dateline article exactly what it finds
/// with the noise stage off (blanking the date turned "LONDON" into a line of its own and cost
/// eng.testa 0.2 F1 overall and 3 F1 on all-caps lines).
#[test]
fn datelines_leave_ner_unchanged() {
    let Some(path) = shared("data/conll2003/eng.testa") else {
        return;
    };
    let (Some(with), Some(without)) = (pipeline(true), pipeline(false)) else {
        return;
    };
    let docs: Vec<(String, String, Vec<Label>)> = common::conll_documents(&path)
        .into_iter()
        .take(45)
        .enumerate()
        .map(|(i, d)| (i.to_string(), d, Vec::new()))
        .collect();
    let (a, b) = (run(&with, &docs), run(&without, &docs));
    let mut datelines = 0;
    let mut differ = Vec::new();
    for (x, y) in a.iter().zip(&b) {
        let noise = x.noise.as_deref().unwrap_or_default();
        if noise.is_empty() || noise.iter().any(|n| n.kind != NoiseKind::Dateline) {
            continue;
        }
        datelines += 1;
        let names = |a: &Article| -> Vec<(usize, usize, String)> {
            a.entities
                .iter()
                .flatten()
                .map(|e| (e.start, e.end, e.label.clone()))
                .collect()
        };
        if names(x) != names(y) {
            differ.push(x.id.clone());
        }
    }
    assert!(datelines >= 30, "only {datelines} dateline documents");
    assert!(
        differ.is_empty(),
        "entities change under a dateline: documents {differ:?}"
    );
}
