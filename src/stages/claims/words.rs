//! The words one language uses around a quantity: the nouns that name what is measured, the words that
//! end a noun phrase, the prepositions that qualify it, how a metric is framed, and the language's own
//! names for units. One data file per language (`data/lang/*.tsv`, keys described in `en.tsv`),
//! chosen by the article's detected language; a language without a file reads as English.

use crate::record::Language;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a metric is framed by the kind of quantity; each holds `{}` where the metric goes.
pub struct Frames {
    pub growth: &'static str,
    pub decline: &'static str,
    pub duration: &'static str,
    pub share: &'static str,
    /// Two `{}`: the metric and what it is compared with.
    pub ratio: &'static str,
}

/// One language's words, from its data file.
pub struct Words {
    /// ISO 639-1 code, the file's name.
    pub code: &'static str,
    /// Measure nouns, a regex alternation.
    pub measures: String,
    /// Words that end a noun phrase (lower case).
    pub stop: HashSet<&'static str>,
    /// What follows a quantity to say what it is of ("of ", "worth of ", "d'"), longest first.
    pub of: Vec<String>,
    /// Prepositions of the one qualifier a metric keeps, with the spaces around them (" with ").
    pub links: Vec<String>,
    /// Articles a qualifier may start with ("the", "den").
    pub articles: Vec<&'static str>,
    /// Determiners before an amount that modifies the noun after it ("a $309 billion trade deficit").
    pub determiners: Vec<&'static str>,
    /// Verbs that make a percentage a share of their subject, a regex alternation, if any.
    pub share: Option<String>,
    /// Comparatives a ratio is measured against ("larger than"), a regex alternation, if any.
    pub than: Option<String>,
    /// Adjectives and complements follow the noun ("taux de chômage", "turistas internacionales").
    pub noun_first: bool,
    pub frames: Frames,
    /// After a comma, the speaker follows the speech verb ("…, a indiqué le ministre").
    pub speaker_after: bool,
    /// Words that open a clause ending in the speech verb, the speaker between ("wie … mitteilte").
    pub speech_lead: Vec<&'static str>,
    /// Prepositions of a place after a speaker's name ("à Paris"), which end the name.
    pub place: Vec<&'static str>,
    /// The language's name for a unit, by unit id; counted nouns are the text's own words already.
    pub units: HashMap<&'static str, &'static str>,
    /// Comparatives and the adjective they reduce to ("older" → "old").
    pub comparatives: HashMap<&'static str, &'static str>,
    /// Words in -est that are no superlative ("interest", "forest").
    pub not_superlative: HashSet<&'static str>,
    /// Plural nouns without the language's plural ending ("crew", "police").
    pub invariant_plurals: HashSet<&'static str>,
    /// Units that are also given names ("Mark"), `given_name_unit` rows.
    pub given_name_units: HashSet<&'static str>,
    /// Plurals without the plural ending and their singular ("mice" → "mouse").
    pub irregular_plurals: HashMap<&'static str, &'static str>,
    /// Endings that mark an adjective ("-able", "-ly").
    pub adjective_suffixes: Vec<&'static str>,
    /// Common adjectives without such an ending ("one complete game", "one major bank").
    pub adjectives: HashSet<&'static str>,
    /// Estimate and bound words before a set's size, which are not its noun ("1,000 of the
    /// approximately 33,000 civil servants").
    pub size_leads: HashSet<&'static str>,
    /// Steps in a ranking, whose count after a change verb is the change ("moved up two places").
    pub rank_steps: HashSet<&'static str>,
    /// Peoples whose name is its own plural ("Swiss"), and the endings of such names ("-ese").
    pub invariant_people: HashSet<&'static str>,
    pub people_suffixes: Vec<&'static str>,

    /// Words before a pronoun "one" ("no one", "this one", "which one").
    pub one_pronoun_before: HashSet<&'static str>,
    /// Endings of a noun naming a person by role ("owner", "cyclist"), `role_suffix` rows.
    pub role_suffixes: Vec<&'static str>,
    /// Nouns with those endings that name no person ("number", "quarter"), `role_not` rows.
    pub role_nots: HashSet<&'static str>,
    /// Verbs whose particle "up" makes no rise ("snapped up €16 billion"), `up_phrasal` rows.
    pub up_phrasals: HashSet<&'static str>,
    /// Verbs whose particle "off" states no fall ("sent off 15 minutes from time").
    pub off_phrasals: HashSet<&'static str>,
    /// Pronouns that may stand as a change verb's subject ("it raises"), not as a noun's
    /// modifier.
    pub subject_pronouns: HashSet<&'static str>,
    /// Verbs that end what could be a change verb's object ("cuts worth", "passes cost").
    pub object_not: HashSet<&'static str>,
    /// Verbs in -s that take "to" and a verb ("plans to open"): after "and" they are no noun.
    pub to_verbs: HashSet<&'static str>,
    /// Nouns of "at one point", "at one stage": an idiom of time, no count (`at_one_idiom` rows).
    pub at_one_idioms: HashSet<&'static str>,
    /// Nouns that "at one point" measures ("the lead at one point"), `at_one_level` rows.
    pub at_one_levels: HashSet<&'static str>,
    /// Words two before such a "one" that make the word between an adjective ("a more important one").
    pub one_adjective_lead: HashSet<&'static str>,
    /// Nouns whose singular ends in -s ("bus").
    pub s_nouns: HashSet<&'static str>,
    /// Nouns in -ly ("family", "rally"); other words in -ly are adverbs ("one fatally").
    pub ly_nouns: HashSet<&'static str>,
    /// Nouns in -ie ("birdie"), whose plural in -ies is no -y noun's.
    pub ie_nouns: HashSet<&'static str>,
    /// Nouns in -oe ("shoe"), whose plural in -oes is no -o noun's ("cargoes").
    pub oe_nouns: HashSet<&'static str>,
    /// Singular nouns in -men ("specimen"), which are no plural of a noun in -man.
    pub men_nouns: HashSet<&'static str>,
    /// Words hyphenated before a number that qualify it ("minus-40"), not a model's name ("F-35").
    pub number_qualifiers: HashSet<&'static str>,
    /// Leading words dropped from a counted noun phrase ("2,000 different technologies").
    pub count_adjectives: HashSet<&'static str>,
    /// Words between a number and its noun that pick from the set ("12 more years") …
    pub count_leads: HashSet<&'static str>,
    /// … and those that do only before the set's size ("six of their last eight games").
    pub picks: HashSet<&'static str>,
    /// Counted nouns after a hyphenated pair that make it a result ("a 3-0 win").
    pub score_nouns: HashSet<&'static str>,
    /// The counted noun a cricket score's second number may name ("226 for five wickets").
    pub score_pair_nouns: HashSet<&'static str>,
    /// Spans of time that a word of time after them makes a date, not a rate ("a year earlier").
    pub dating_nouns: HashSet<&'static str>,
    /// Verb forms a singular noun phrase may run into ("the staff left", "the population live").
    pub finite_verbs: HashSet<&'static str>,
    /// Verbs in -s that a level's reading takes ("above 50 indicates growth"), seldom a plural.
    pub level_verbs: HashSet<&'static str>,
    /// Words before a stock index's bare level ("closed at 2,513.6", "after touching 2,530.1").
    pub index_level_leads: HashSet<&'static str>,
    /// Auxiliary verbs ("were", "have"), which make a number before them a clause's subject.
    pub auxiliaries: HashSet<&'static str>,
    /// Words after a list of plurals that close it ("in", "from"; `list_closer` rows).
    pub list_closers: HashSet<&'static str>,
    /// Verbs that report what a source says besides the speech verbs ("claimed", "feared").
    pub report_verbs: HashSet<&'static str>,
    /// Words before a level a count reaches ("reach", "to").
    pub reach_words: HashSet<&'static str>,
    /// Firearms after a calibre written from its point (".22 rifle").
    pub calibre_nouns: HashSet<&'static str>,
    /// Price-table words a decimal is glued to ("unch.25").
    pub table_words: HashSet<&'static str>,
    /// Words that refer back to a stock index ("it", "the benchmark").
    pub index_references: HashSet<&'static str>,
    /// Words after a glued "m" that make it a length ("air rifle", "concrete").
    pub length_modifiers: HashSet<&'static str>,
    /// Words in -ing after a glued "m" that leave it millions ("2m paying customers").
    pub count_participles: HashSet<&'static str>,
    /// Airliner makers' code letters before a hyphenated variant ("A350-1000").
    pub model_codes: HashSet<&'static str>,
    /// Determiners before a glued "m" that make it an event's distance ("the", "both").
    pub event_determiners: HashSet<&'static str>,
    /// Words after a length that say it is one ("tall", "wide").
    pub size_words: HashSet<&'static str>,
    /// Plural races over a distance ("hurdles"), which keep a glued "m" metres.
    pub distance_events: HashSet<&'static str>,
    /// Adverbs that make an amount a rate, and the span of time they divide by ("daily" → "day").
    pub rate_adverbs: HashMap<&'static str, &'static str>,
    /// A rate's denominators the unit catalogue does not name ("per capita" → "person").
    pub per_names: HashMap<&'static str, &'static str>,
    /// Nouns that make a bare scaled number an amount of money ("a 2.0 billion deficit").
    pub money_nouns: HashSet<&'static str>,
    /// Words before a number that make it a level reached or stood at ("rose to 40").
    pub level_words: HashSet<&'static str>,
    /// Prepositions and adverbs that are no noun of a phrase ("houses of worship across …").
    pub phrase_ends: HashSet<&'static str>,
    /// Nouns after a number that make it a level on a scale, not a model's name ("the 820 level",
    /// "the 5,000 mark").
    pub level_nouns: HashSet<&'static str>,
    /// Singular nouns naming a body of people that a number counts ("the 40,000 crowd").
    pub collective_nouns: HashSet<&'static str>,
    /// Plural subjects that count people, events or items ("Measles cases reached 1,288").
    pub subject_counts: HashSet<&'static str>,
    /// Prepositions before a place or a side ("in the camps").
    pub places_before: HashSet<&'static str>,
    /// Words that open the subject of a clause "one day" leads ("and one day he").
    pub someday_subjects: HashSet<&'static str>,
    /// Days of the week.
    pub weekdays: HashSet<&'static str>,
    /// Words of a span of time ("years", "day").
    pub durations: HashSet<&'static str>,
    /// Words of a run before a capitalised plural ("three successive Olympics").
    pub run_adjectives: HashSet<&'static str>,
    /// Modals before "one day" meaning some day ("would one day").
    pub someday_modals: HashSet<&'static str>,
    /// Clause openers before "one day" meaning some day ("and one day China").
    pub someday_leads: HashSet<&'static str>,
    /// Plurals a size put after them sums rather than counts ("the losses, estimated at").
    pub apposed_uncounted: HashSet<&'static str>,
    /// Words after an engine size that make it a racing class ("the 125cc world champion").
    pub engine_class: HashSet<&'static str>,
    /// Events whose "N-year-old" is how long they have run ("the 20-month-old conflict").
    pub old_events: HashSet<&'static str>,
    /// Words whose "'s" is "is" or "has", no owner ("That's half of them").
    pub contracted_s: HashSet<&'static str>,
    /// Units of play that, like durations, are spans "over" which something happens ("inning").
    pub span_nouns: HashSet<&'static str>,
    /// Times an "of" complement may name, saying when rather than what ("games of the season").
    pub when_complements: HashSet<&'static str>,
    /// Words opening an "of" complement that names an owner or a set ("of any", "of their").
    pub of_owners: HashSet<&'static str>,
    /// Adverbs and pronouns after a noun that make no compound with it ("one stroke back").
    pub not_compound: HashSet<&'static str>,

    /// Words before "over" that ask for a length, making it "more than" ("for", "aged").
    pub length_leads: HashSet<&'static str>,
    /// Every row by key, for the cue lists read through [`cues`].
    rows: HashMap<&'static str, Vec<&'static str>>,
}

/// The built-in languages, English first.
static LANGUAGES: LazyLock<Vec<Words>> = LazyLock::new(|| {
    [
        ("en", include_str!("data/lang/en.tsv")),
        ("de", include_str!("data/lang/de.tsv")),
        ("fr", include_str!("data/lang/fr.tsv")),
        ("es", include_str!("data/lang/es.tsv")),
    ]
    .into_iter()
    .map(|(code, src)| parse(code, src))
    .collect()
});

/// All built-in languages.
pub fn all() -> &'static [Words] {
    &LANGUAGES
}

/// The cues under `key` of every language, one regex alternation: a number's bound and change are
/// read with all of them, since a figure quoted in another language's words still says what it says.
pub fn cues(key: &str) -> String {
    let all: Vec<&str> = LANGUAGES
        .iter()
        .flat_map(|w| w.rows.get(key).into_iter().flatten().copied())
        .collect();
    assert!(
        !all.is_empty(),
        "data/lang: no {key:?} rows in any language"
    );
    all.join("|")
}

/// The words listed under `key` (space-separated) in every language, one regex alternation.
pub fn alternation(key: &str) -> String {
    cues(key)
        .split([' ', '|'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}

/// The words of `code` ("de"), English when there is no file for it.
pub fn for_language(code: &str) -> &'static Words {
    LANGUAGES
        .iter()
        .find(|w| w.code == code)
        .unwrap_or(&LANGUAGES[0])
}

/// The language whose words name an article's units and metrics: the detected one when the
/// detector was sure; an unsure guess (a headline, a short sentence) only when more of the text's
/// words are its stop words than English ones. "Sales rose 5,000 tonnes." guessed French, with
/// no French word in it, keeps English names; "Die Firma hat 300 Mitarbeiter entlassen." guessed
/// German keeps German ones.
pub fn language_for_article<'a>(language: Option<&'a Language>, fields: &[&str]) -> &'a str {
    let Some(l) = language else {
        return "und";
    };
    let guess = for_language(&l.code);
    if l.reliable || guess.code != l.code || guess.code == "en" {
        return &l.code;
    }
    let english = for_language("en");
    let (mut own, mut en) = (0, 0);
    for word in fields.iter().flat_map(|f| f.split_whitespace()) {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        own += usize::from(guess.stop.contains(word.as_str()));
        en += usize::from(english.stop.contains(word.as_str()));
    }
    if own > en {
        &l.code
    } else {
        "en"
    }
}

/// A "with"/"de"/"d'" as written in the file, the space after it added unless it ends in an
/// apostrophe ("d'euros").
fn spaced(word: &str) -> String {
    if word.ends_with(['\'', '’']) {
        word.to_string()
    } else {
        format!("{word} ")
    }
}

/// One file's rows. The files ship inside the binary, so a malformed one is a bug every test
/// catches, not an input error.
fn parse(code: &'static str, src: &'static str) -> Words {
    let mut values: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut units = HashMap::new();
    for line in src.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        match cols.as_slice() {
            ["unit", id, name] => {
                units.insert(*id, *name);
            }
            [key, value] => values.entry(*key).or_default().push(value),
            _ => panic!("data/lang/{code}.tsv: bad row {line:?}"),
        }
    }
    let alternation = |key: &str| values.get(key).map(|rows| rows.join("|"));
    let list = |key: &str| -> Vec<&'static str> {
        values
            .get(key)
            .into_iter()
            .flatten()
            .flat_map(|row| row.split_whitespace())
            .collect()
    };
    // "older=old" pairs.
    let pairs = |key: &str| -> HashMap<&'static str, &'static str> {
        list(key)
            .into_iter()
            .map(|pair| {
                pair.split_once('=').unwrap_or_else(|| {
                    panic!("data/lang/{code}.tsv: {key} {pair:?} is not word=word")
                })
            })
            .collect()
    };
    let one = |key: &str| -> &'static str {
        match values.get(key).map(Vec::as_slice) {
            Some([v]) => v,
            _ => panic!("data/lang/{code}.tsv: needs exactly one {key:?} row"),
        }
    };
    let mut of: Vec<String> = alternation("of")
        .unwrap_or_default()
        .split('|')
        .filter(|w| !w.is_empty())
        .map(spaced)
        .collect();
    // "worth of " before "of ": the longer phrase is what the text says.
    of.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Words {
        code,
        measures: alternation("measures")
            .unwrap_or_else(|| panic!("data/lang/{code}.tsv: no measures")),
        stop: list("stop").into_iter().collect(),
        of,
        links: list("link")
            .into_iter()
            .map(|w| format!(" {}", spaced(w)))
            .collect(),
        articles: list("article"),
        determiners: list("determiner"),
        share: alternation("share"),
        than: alternation("than"),
        noun_first: values.contains_key("noun_first"),
        speaker_after: values.contains_key("speaker_after"),
        speech_lead: list("speech_lead"),
        place: list("place"),
        frames: Frames {
            growth: one("frame.growth"),
            decline: one("frame.decline"),
            duration: one("frame.duration"),
            share: one("frame.share"),
            ratio: one("frame.ratio"),
        },
        units,
        comparatives: pairs("comparative"),
        irregular_plurals: pairs("irregular_plural"),
        not_superlative: list("not_superlative").into_iter().collect(),
        invariant_plurals: list("invariant_plural").into_iter().collect(),
        given_name_units: list("given_name_unit").into_iter().collect(),
        span_nouns: list("span_noun").into_iter().collect(),
        when_complements: list("when_complement").into_iter().collect(),
        of_owners: list("of_owner").into_iter().collect(),
        not_compound: list("not_compound").into_iter().collect(),

        level_nouns: list("level_noun").into_iter().collect(),
        collective_nouns: list("collective_noun").into_iter().collect(),
        subject_counts: list("subject_count").into_iter().collect(),
        places_before: list("place_before").into_iter().collect(),
        someday_subjects: list("someday_subject").into_iter().collect(),
        weekdays: list("weekday").into_iter().collect(),
        durations: list("duration_word").into_iter().collect(),
        run_adjectives: list("run_adjective").into_iter().collect(),
        someday_modals: list("someday_modal").into_iter().collect(),
        someday_leads: list("someday_lead").into_iter().collect(),
        apposed_uncounted: list("apposed_uncounted").into_iter().collect(),
        engine_class: list("engine_class").into_iter().collect(),
        old_events: list("old_event").into_iter().collect(),
        contracted_s: list("contracted_s").into_iter().collect(),
        phrase_ends: list("phrase_end").into_iter().collect(),
        number_qualifiers: list("number_qualifier").into_iter().collect(),
        count_adjectives: list("count_adjective").into_iter().collect(),
        count_leads: list("count_lead").into_iter().collect(),
        picks: list("pick").into_iter().collect(),
        score_nouns: list("score_noun").into_iter().collect(),
        score_pair_nouns: list("score_pair_noun").into_iter().collect(),
        dating_nouns: list("dating_noun").into_iter().collect(),
        finite_verbs: list("finite_verb").into_iter().collect(),
        level_verbs: list("level_verb").into_iter().collect(),
        index_level_leads: list("index_level_lead").into_iter().collect(),
        auxiliaries: list("auxiliary").into_iter().collect(),
        list_closers: list("list_closer").into_iter().collect(),
        report_verbs: list("report_verb").into_iter().collect(),
        reach_words: list("reach_word").into_iter().collect(),
        size_words: list("size_word").into_iter().collect(),
        event_determiners: list("event_determiner").into_iter().collect(),
        length_modifiers: list("length_modifier").into_iter().collect(),
        count_participles: list("count_participle").into_iter().collect(),
        model_codes: list("model_code").into_iter().collect(),
        index_references: list("index_reference").into_iter().collect(),
        table_words: list("table_word").into_iter().collect(),
        calibre_nouns: list("calibre_noun").into_iter().collect(),
        distance_events: list("distance_event").into_iter().collect(),
        rate_adverbs: pairs("rate_adverb"),
        per_names: pairs("per_name"),
        money_nouns: list("money_noun").into_iter().collect(),
        level_words: list("level_word").into_iter().collect(),
        ie_nouns: list("ie_noun").into_iter().collect(),
        oe_nouns: list("oe_noun").into_iter().collect(),
        men_nouns: list("men_noun").into_iter().collect(),
        s_nouns: list("s_noun").into_iter().collect(),
        ly_nouns: list("ly_noun").into_iter().collect(),
        adjective_suffixes: list("adjective_suffix"),
        adjectives: list("adjective").into_iter().collect(),
        size_leads: list("size_lead").into_iter().collect(),
        rank_steps: list("rank_step").into_iter().collect(),
        invariant_people: list("invariant_people").into_iter().collect(),
        people_suffixes: list("people_suffix"),

        one_pronoun_before: list("one_pronoun_before").into_iter().collect(),
        at_one_idioms: list("at_one_idiom").into_iter().collect(),
        to_verbs: list("to_verb").into_iter().collect(),
        up_phrasals: list("up_phrasal").into_iter().collect(),
        off_phrasals: list("off_phrasal").into_iter().collect(),
        subject_pronouns: list("subject_pronoun").into_iter().collect(),
        object_not: list("object_not").into_iter().collect(),
        role_suffixes: list("role_suffix"),
        role_nots: list("role_not").into_iter().collect(),
        at_one_levels: list("at_one_level").into_iter().collect(),
        one_adjective_lead: list("one_adjective_lead").into_iter().collect(),
        length_leads: list("length_lead").into_iter().collect(),
        rows: values,
    }
}

impl Frames {
    /// `frame` with `metric` in its (first) `{}`.
    pub fn apply(frame: &str, metric: &str) -> String {
        frame.replacen("{}", metric, 1)
    }

    /// The ratio frame with both sides filled in.
    pub fn ratio_of(&self, metric: &str, other: &str) -> String {
        self.ratio
            .replacen("{}", metric, 1)
            .replacen("{}", other, 1)
    }

    /// `metric` without a growth or decline frame around it, so "growth of growth of X" is never
    /// written when the previous quantity's metric was framed already.
    pub fn strip<'a>(&self, metric: &'a str) -> &'a str {
        [self.growth, self.decline]
            .iter()
            .find_map(|f| {
                let (pre, post) = f.split_once("{}")?;
                metric.strip_prefix(pre)?.strip_suffix(post)
            })
            .unwrap_or(metric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_parses_with_its_frames_and_measures() {
        for w in all() {
            assert!(regex::Regex::new(&w.measures).is_ok(), "{}", w.code);
            assert!(w.stop.len() > 40, "{}: {} stop words", w.code, w.stop.len());
            assert!(!w.of.is_empty() && !w.links.is_empty(), "{}", w.code);
            for f in [w.frames.growth, w.frames.decline, w.frames.duration] {
                assert_eq!(f.matches("{}").count(), 1, "{}: {f:?}", w.code);
            }
            assert_eq!(w.frames.ratio.matches("{}").count(), 2, "{}", w.code);
            // Unit names are for unit ids the catalogue knows.
            for id in w.units.keys() {
                assert!(
                    super::super::lexicon::UNITS.iter().any(|u| u.1 == *id),
                    "{}: unknown unit id {id}",
                    w.code
                );
            }
        }
        assert_eq!(for_language("xx").code, "en");
        assert_eq!(for_language("fr").units.get("percent"), Some(&"pour cent"));
    }

    #[test]
    fn frames_are_undone_whatever_the_language() {
        let de = &for_language("de").frames;
        let framed = Frames::apply(de.decline, "Exporte");
        assert_eq!(de.strip(&framed), "Exporte");
        assert_eq!(for_language("en").frames.strip("growth of sales"), "sales");
        assert_eq!(
            for_language("en").frames.strip("sales growth"),
            "sales growth"
        );
    }
}
