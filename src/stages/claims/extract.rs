//! Finds quantities in text: a number (digits in the language's format, number words, or vague
//! magnitudes like "tens of billions"), the currency before it, the scale and unit after it, the
//! counted noun when there is no unit, ranges, and the change/bound words around it.
//!
//! Works on byte offsets of one `&str`; every offset it returns lies on a char boundary (regex
//! matches and `char_indices` only). Years, dates, times, ordinals and phone numbers are not quantities.
//!
//! Word boundaries in the tagger's patterns are ASCII (`(?-u:\b)`): a Unicode `\b` keeps a pattern off
//! the regex crate's DFA engines whenever the text holds a non-ASCII character (a curly quote is
//! enough), which made tagging 8x slower on real articles (benches/throughput.rs: 2.2 → 17 MB/s).

use std::borrow::Cow;

use regex::Regex;
use regex_automata::meta;

use super::lexicon::{self, NOT_COUNTED, NUMBER_WORDS, SCALES};
use super::table::Table;
use super::words;
use crate::record::{Change, QuantityKind};

/// Number formats by language: which character groups thousands and which marks decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFormat {
    /// 1,234.5 (English, and the default).
    English,
    /// 1.234,5 (German, Spanish, Italian...).
    Continental,
    /// 1 234,5 (French).
    French,
}

impl NumberFormat {
    pub fn for_language(code: &str) -> Self {
        match code {
            "de" | "es" | "it" | "nl" | "pt" | "da" | "id" | "tr" => NumberFormat::Continental,
            "fr" | "ru" | "pl" | "cs" | "sv" | "fi" | "nb" | "uk" => NumberFormat::French,
            _ => NumberFormat::English,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub range: Option<(f64, f64)>,
    pub unit: String,
    pub unit_name: String,
    pub kind: QuantityKind,
    pub change: Change,
    /// Bare number with neither unit nor counted noun: kept, but not a claim.
    pub bare: bool,
    /// Scale word factor applied ("billion" = 1e9), so a range can share it.
    pub scale: f64,
}

impl Found {
    /// A count of a named noun ("3,000 drivers"), not a bare number or a share ("% voter").
    /// Takes an elided unit `(unit id, name, kind)` from another quantity of the sentence.
    fn take_unit(&mut self, (unit, name, kind): (String, String, QuantityKind)) {
        self.unit = unit;
        self.unit_name = name;
        self.kind = kind;
        self.bare = false;
    }

    /// "dollar" → "dollar per share": the rate's denominator (`id` in the unit, `name` in its name).
    fn divide_by(&mut self, id: &str, name: &str) {
        self.unit = format!("{}/{id}", self.unit);
        self.unit_name = format!("{} per {name}", self.unit_name);
    }

    fn counts_a_noun(&self) -> bool {
        self.kind == QuantityKind::Count && self.unit == "count" && self.unit_name != "-"
    }
}

/// A 4-digit year seen while scanning; feeds the claim's `period`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    pub start: usize,
    pub end: usize,
    pub year: i32,
}

/// One number as the scanner found it, before anything around it is read.
#[derive(Debug, Clone, Copy)]
struct Scanned<'t> {
    start: usize,
    end: usize,
    surface: &'t str,
    /// Written in digits (or a vulgar fraction), not in words.
    is_digits: bool,
}

/// A currency written before the number ("$", "HK$", "MAUD").
#[derive(Debug, Clone, Copy)]
struct Prefix {
    /// Where the prefix starts, with the "M" of millions.
    start: usize,
    code: &'static str,
    name: &'static str,
    /// "MAUD 60": millions of that currency.
    scale: f64,
}

/// What follows a number, as the passes after it read it.
#[derive(Debug, Clone, Copy)]
struct Tail<'t> {
    /// The quantity's end so far: after the number and its scale word.
    end: usize,
    /// The text after `end` (not moved by the decade's "s").
    rest: &'t str,
    scale: f64,
    /// The unit's length in `rest`, and the unit.
    unit: Option<(usize, Unit)>,
    /// Letters glued to the number that name no known unit ("12kW"), kept as written.
    raw_unit: Option<&'t str>,
    /// "the early 20s": ten years from the number on.
    decade: bool,
}

/// What reading one number gave, when it is a quantity or a year.
enum Reading {
    Quantity(Found),
    /// A plain year, kept for the claim's period.
    Year(Year),
}

/// The number is part of a name, code, date or score, or a pronoun: not a quantity.
#[derive(Debug)]
struct NotAQuantity;

/// "a third day", "a fifth term": after an article, a fraction word that is also an ordinal
/// (`ordinal_fraction` rows of data/lang/en.tsv) is the ordinal when a noun follows; "cut by a
/// third", "a third of the staff", "a fifth more" keep the fraction.
/// "China would one day pay", "and one day she will", "One day, he hopes": "one day" after a
/// modal, or opening a sentence or clause before its subject or a comma, means some day, no
/// duration ("lasted one day", "for one day", "one day later" stay).
fn reject_someday(text: &str, n: Scanned) -> Result<(), NotAQuantity> {
    if n.is_digits || !n.surface.eq_ignore_ascii_case("one") {
        return Ok(());
    }
    let after = &text[n.end..];
    let Some(rest) = after
        .strip_prefix(" day")
        .filter(|r| !r.starts_with(char::is_alphanumeric))
    else {
        return Ok(());
    };
    let en = words::for_language("en");
    let head = text[..n.start].trim_end();
    let prev = last_word(head).to_lowercase();
    if en.someday_modals.contains(prev.as_str()) && !rest.starts_with(',') {
        return Err(NotAQuantity);
    }
    // A sentence or clause opened by punctuation ("One day, he hopes"); a conjunction or a
    // verb of speech opens one only before its subject ("and one day China would"): "six years
    // and one day, his lawyer said", "closed on all but one day," and "added one day, Sunday,"
    // are durations.
    let punctuated = head.is_empty() || head.ends_with([',', '.', ';', ':', '"', '\u{201c}']);
    let before_lead = last_word(head[..head.len() - prev.len()].trim_end()).to_lowercase();
    let lead = (en.someday_leads.contains(prev.as_str()) || SPEECH_VERBS.contains(prev.as_str()))
        && prev != "added"
        && before_lead != "all"
        && !number_word(&before_lead)
        && !en.durations.contains(before_lead.as_str());
    let next = rest.split_whitespace().next().unwrap_or("");
    let bare_next = next.trim_end_matches(AFTER_WORD);
    let lower_next = bare_next.to_lowercase();
    let subject = bare_next.starts_with(char::is_uppercase)
        && !en.weekdays.contains(lower_next.as_str())
        || en.someday_subjects.contains(lower_next.as_str());
    if punctuated && (subject || rest.starts_with(',')) || lead && subject && next == bare_next {
        return Err(NotAQuantity);
    }
    Ok(())
}

fn reject_ordinal(ordinal_fraction: &Regex, text: &str, n: Scanned) -> Result<(), NotAQuantity> {
    if n.is_digits || !ordinal_fraction.is_match(n.surface) {
        return Ok(());
    }
    let next = word_after(&text[n.end..]);
    let stop = &words::for_language("en").stop;
    if next.starts_with(char::is_lowercase) && !stop.contains(next) {
        Err(NotAQuantity)
    } else {
        Ok(())
    }
}

/// The letters of the word after one space at the start of `s` ("" when none).
fn word_after(s: &str) -> &str {
    s.strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or_default()
}

/// A lower-case word of three letters or more that ends no phrase: a noun (or its modifier) an
/// amount may stand before ("a $2,000 fine", "Gencor's increased 41.5 percent stake").
fn noun_like(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !words::for_language("en").stop.contains(w)
}

/// The letters at the end of `s`: its last word when it ends in one, else "".
fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")
}

/// `s` up to its first line break: a phrase never runs past one, as a claim's sentence doesn't.
fn first_line(s: &str) -> &str {
    &s[..s.find('\n').unwrap_or(s.len())]
}

/// The last line of `s`: what stands after its last line break.
fn last_line(s: &str) -> &str {
    &s[s.rfind('\n').map_or(0, |i| i + 1)..]
}

/// An English word with an adjective's ending (`adjective_suffix` rows: "usable", "elderly").
fn adjective_ending(w: &str) -> bool {
    w.len() > 4
        && words::for_language("en")
            .adjective_suffixes
            .iter()
            .any(|s| w.ends_with(s))
}

/// The verbs of speech of every language (`speech` rows), read once.
static SPEECH_VERBS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| words::cues("speech").split('|').map(String::from).collect());

/// Masks come in text order and do not overlap: the only one that can cover a number is the
/// first ending after its start (a scan of all masks per number was quadratic).
fn in_mask(masked: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = masked.partition_point(|&(_, b)| b <= s);
    masked.get(i).is_some_and(|&(a, _)| e > a)
}

/// One row of `lexicon::UNITS`.
#[derive(Debug, Clone, Copy)]
struct Unit {
    unit: &'static str,
    name: &'static str,
    kind: QuantityKind,
}

impl Unit {
    const WON: Unit = Unit {
        unit: "KRW",
        name: "south korean won",
        kind: QuantityKind::Money,
    };
    /// An earthquake's magnitude, written before its number ("a magnitude-6.1 quake").
    const MAGNITUDE: Unit = Unit {
        unit: "magnitude",
        name: "magnitude",
        kind: QuantityKind::Measure,
    };
    const CELSIUS: Unit = Unit {
        unit: "degC",
        name: "celsius",
        kind: QuantityKind::Measure,
    };
    const FAHRENHEIT: Unit = Unit {
        unit: "degF",
        name: "fahrenheit",
        kind: QuantityKind::Measure,
    };
    const INCH: Unit = Unit {
        unit: "in",
        name: "inch",
        kind: QuantityKind::Measure,
    };
    const MEGABIT: Unit = Unit {
        unit: "Mbit",
        name: "megabit",
        kind: QuantityKind::Measure,
    };
    const GIGABIT: Unit = Unit {
        unit: "Gbit",
        name: "gigabit",
        kind: QuantityKind::Measure,
    };
    const TERABIT: Unit = Unit {
        unit: "Tbit",
        name: "terabit",
        kind: QuantityKind::Measure,
    };
    const GBP: Unit = Unit {
        unit: "GBP",
        name: "pound sterling",
        kind: QuantityKind::Money,
    };
    const YEAR_OF_AGE: Unit = Unit {
        unit: "year_of_age",
        name: "year of age",
        kind: QuantityKind::Duration,
    };
    /// "capped 42 times": a count of occurrences, the counted noun "time".
    const TIMES: Unit = Unit {
        unit: "count",
        name: "time",
        kind: QuantityKind::Count,
    };
}

impl From<&(&'static str, &'static str, &'static str, QuantityKind)> for Unit {
    fn from(
        &(_, unit, name, kind): &(&'static str, &'static str, &'static str, QuantityKind),
    ) -> Self {
        Unit { unit, name, kind }
    }
}

pub struct Extractor {
    numbers: [Regex; 3],
    masks: Regex,
    /// `lexicon::UNITS` and `lexicon::SCALES`, each entry one pattern, anchored right after a number.
    units: Table,
    scales: Table,
    /// `lexicon::CURRENCY_PREFIXES`, one pattern each, anchored at the end of the text before a number:
    /// one search finds the earliest-starting prefix (an earlier row wins a tie, as the data file says)
    /// where a regex per row ran them all for every number.
    currencies: meta::Regex,
    range_sep: Regex,
    approx: Regex,
    more: Regex,
    less: Regex,
    up: Regex,
    down: Regex,
    /// "raised rates by", "lowered its forecast by": a transitive change verb, its object, then "by".
    up_by: Regex,
    down_by: Regex,
    /// "Interstates 80 and ": a capitalised plural, its first number, and more joined up to here.
    plural_name_list: Regex,
    /// "in the 3 percent range": a vicinity after the amount (and "the" before it).
    vicinity: Regex,
    /// "raised its dividend 20 percent": such a verb and a short object right before the amount.
    up_object: Regex,
    down_object: Regex,
    after_up: Regex,
    after_down: Regex,
    /// "2 cents up at", "9 points down on the day": the change adverb after the amount, which a
    /// closing verb before it ("closed", "ended") does not make a comparison.
    adverb_up: Regex,
    adverb_down: Regex,
    after_more: Regex,
    /// A count and the set it picks from right before a number ("45 of its ").
    picked_from: Regex,
    /// "five of their last ", "nine out of ": a count picked from a set whose size follows.
    set_size_lead: Regex,
    /// An estimate word right after the amount ("the 4.2 percent estimated a month ago").
    approx_after: Regex,
    /// An amount or a noun phrase starting right after ("plus one kilo", "plus $5", "plus the
    /// base rate").
    amount_next: Regex,

    /// "56 not out", "an eight-under-par 63": a sports score around a bare number.
    score_after: Regex,
    score_before: Regex,
    /// "all out for 326": the words before an innings' total.
    score_lead: Regex,
    /// "12 of the past 15": a set counted from after a number, which no name has ("OJ No L 187
    /// of 26.7.1996" is one).
    set_after_name: Regex,
    /// "446 for nine": "for" and a number after an innings' total, the score's second half.
    score_pair_next: Regex,
    /// "traded 90.50 to 89.40": a verb of trading within bounds, after which a range may run
    /// from the higher end.
    range_verb_before: Regex,
    /// "Measles cases reached 1,288", "births dropping 5.7% to 686,061": a plural subject and the
    /// verb that moves it, right before a bare level or change (group 1: the subject's modifier,
    /// group 2: its plural noun).
    subject_level: Regex,
    /// ", estimated at about ": a size put on the plural before the comma (`apposed_size` rows,
    /// maybe with an approximation).
    apposed_size: Regex,
    /// "worth ", "for ", "at a cost of ": what introduces the price of things just counted.
    price_lead: Regex,
    /// " in the fiscal year ended": a reporting period right after an amount (`result_period`).
    result_period: Regex,
    /// "The retailer lost ": the verb of a net loss right before an amount.
    lost_before: Regex,
    /// "a crew of ", "a skeleton staff of about ": a body of people (`group_noun` rows, maybe
    /// after one modifier, group 1) sized by the number after it.
    group_of: Regex,
    /// "Chang's ", "their own ": an owner right before a word ("Chang's half of the draw").
    owner_before: Regex,
    /// " o'clock": a time of day after a number word.
    clock_after: Regex,
    /// " British and ": a modifier and "and" between two counts of one noun.
    shared_noun_gap: Regex,
    /// "22 people, including ": the gap before a part of a counted whole.
    including_gap: Regex,
    /// "in February ", "last year ": a time phrase opening the gap between an amount and the one
    /// it is set against ("61,000 in February from 65,700").
    time_phrase_lead: Regex,
    /// "brought to 23 the number of attacks": the noun phrase a number put before it counts.
    number_of_after: Regex,
    /// "in a row", "of their last six": the words after a count of games won or lost.
    run_of_games: Regex,
    /// "the par five hole": a word before a score in digits or words.
    score_word_lead: Regex,
    /// "with one out": the words before a count of baseball's outs.
    outs_lead: Regex,
    /// " out later", " out away": the words after one, which make it a count of outs too.
    outs_follow: Regex,
    /// "for a total of ", "out of ": the words before a bare whole a count was taken from.
    whole_lead: Regex,
    /// "beat", "outnumbered": a verb that sets two tallies against each other …
    tally_verb: Regex,
    /// … and the tallies it sets ("advances", "declines"), nouns however they read.
    tally_noun: Regex,
    /// "Woods shot 67": a golf round's verb before its bare score.
    score_verb: Regex,
    /// " for " between the two numbers of a cricket score ("four for 38").
    score_pair: Regex,
    /// "clocked 9.91", "second in 10.31": a race result written as a time, a bare number up to
    /// which the cue runs (CONVENTIONS.md: not labelled).
    race_time: Regex,
    /// "second in 10.31": a place, then the bare time it was reached in.
    race_place: Regex,

    /// "handed over", "turn over": a verb whose particle is "over", right before the number.
    particle_over: Regex,
    /// "three or fewer", "six years or less": a ceiling written after the amount.
    after_less: Regex,
    months: Regex,
    /// "in H1 96", "Apr-Jul ' 96": a half, quarter, fiscal year or month (or a span of months)
    /// right before two digits, which are then its year.
    year_period_before: Regex,
    comparison: Regex,
    aged: Regex,
    /// "the voting age is", "raised the pension age to": the noun "age" stating or moving a
    /// limit, right before a number.
    age_noun: Regex,
    /// "cut power to as many as 200,000 homes": an extent after "to" or "at" bounds a level, it is
    /// no change's size.
    level_extent: Regex,
    /// "make up (about) ": a share of a whole, `made_of` rows.
    made_of: Regex,

    /// "who was 24 and", ", both 50,": words before an age that ends its clause.
    age_lead: Regex,
    /// A time after such an age, still in its clause ("who turns 86 next Tuesday").
    age_follow: Regex,

    up_to: Regex,
    /// "pushed", "drifted": a verb of motion right before the amount, and the comparative right
    /// after it that then states the change's direction ("pushed 2 percent higher").
    motion_before: Regex,
    comparative_up: Regex,
    comparative_down: Regex,
    /// "by up to": the ceiling of a change's amount.
    by_up_to: Regex,
    /// "was up to": a copula before "up to", which then may name a level reached.
    copula_up_to: Regex,
    /// "… from $2.96 trillion": money left, a little after (not "from 1800 GMT", "from 1997").
    from_amount: Regex,
    /// "by" (and an estimate word) right before a number: the amount of a change.
    by_before: Regex,
    /// " of a " after a part of one ("tenths of a second").
    of_a: Regex,
    /// "18m homes": a glued "m" that is millions, a plural after it. (Money is no such sign:
    /// "the £5m bridge spans 300m".)
    glued_millions: Regex,
    /// A preposition that puts a date after it ("in 1781", "since 1642").
    year_before: Regex,
    /// An era's mark after a number or a span ("1870-1831 BC"), or before it ("AD 410").
    era_after: Regex,
    era_before: Regex,
    /// Words before a year whose money an amount is forecast for ("an end-1998 rand").
    money_year_before: Regex,
    feet_before: Regex,
    inch_mark: Regex,
    inch_word: Regex,
    street: Regex,
    zip_state: Regex,
    range_lead: Regex,
    /// A range word and the digits of a second number ("50 and 100 metres").
    coordinated_number: Regex,
    list_marker: Regex,
    the_before: Regex,
    /// "the 737 jet": a determiner before a large number with a singular noun makes it a model name.
    determiner_before: Regex,
    /// `back_reference` rows right before a number word ("all six").
    back_reference: Regex,

    scaled_code: Regex,
    minus: Regex,
    /// "in their 40s": a possessive before a decade makes it an age.
    their_decade: Regex,
    /// A group of people and, captured, a bound before a bare number: its age ("adults over").
    age_group: Regex,
    /// "and older", "or younger" after a group's age.
    age_group_tail: Regex,
    /// A word near a number that makes a lone "C" or "F" after it a temperature
    /// (`temperature_cue` rows), or a bracketed conversion from or to one ("41C (106F)"). (A pair
    /// alone is none: "from apartment 3C to 4C".)
    temperature_cue: Regex,
    /// "in his late", "their mid-": a possessive right before a decade (with early/mid/late), which
    /// alone makes a decade written in words or with an apostrophe an age ("in the late 80's",
    /// "since the early seventies" are eras).
    possessive_decade: Regex,
    /// "the first half": an ordinal or determiner before "half"/"quarter" makes it a period.
    period_before: Regex,
    /// "half of (the) …": a fraction of a group.
    of_group: Regex,
    /// " of them", " of whom": a share of a group named elsewhere.
    of_pronoun: Regex,
    /// "1.5 million of them": a plural pronoun's set after an amount, picked from a count.
    of_set: Regex,
    /// The words between a level and the one it is set against (`set_against` rows: "from",
    /// "compared with"), read once rather than on every text.
    set_against: Vec<String>,
    /// " the ", " its ": the group "half" takes without "of" ("half the stations").
    half_group: Regex,
    /// Punctuation or the end of the text right after a number.
    clause_end: Regex,
    /// " and " / " or " between a bare number and an amount with a unit: both are in that unit.
    paired_gap: Regex,
    /// `own_object_verb` rows right before a number: "struck out five" counts batters.
    own_object: Regex,
    /// A rate in percent named just before a bare level ("and its discount rate to 7"):
    /// `rate_modifier` rows.
    rate_level_lead: Regex,
    /// Between an inherited level and a bare one that goes on its list ("compared with 8.4 in May
    /// and 8.9 a year earlier"): a time phrase maybe, then "and".
    listed_level_gap: Regex,
    /// After such a bare level: its clause ends, or a time phrase says when.
    listed_level_after: Regex,
    /// Between an amount and a bare figure of a list of when each stood ("0.3 percent in July,
    /// 0.2 in June"): the first's time phrase, then a comma or "and" …
    timed_list_gap: Regex,
    /// … and the bare figure's own time phrase after it.
    timed_list_after: Regex,
    /// Words of a note on a table's figures ("figures", "given in"), `unit_note` rows.
    unit_note: Regex,
    /// `index_name` rows: a stock index named in the sentence ("the FTSE 100 index", "the Dow").
    index_name: Regex,
    /// `new_subject` rows: a clause with a subject of its own ("while bitcoin", ", and the
    /// dollar").
    new_subject: Regex,
    /// "England's ": a capitalised name's possessive right before a number.
    name_owner: Regex,
    /// "wounded four": a verb whose bare count is of people (`person_verb` rows).
    person_object: Regex,
    /// A bound before a share ("more than two-thirds") …
    share_bound: Regex,
    /// … and a verb after it ("reported", `share_verb` rows).
    share_verb: Regex,

    /// ", or " / " (" between two amounts: the second restates the first.
    equivalent_gap: Regex,
    /// " for July and " / " in the quarter or " between two amounts of one unit: both take the
    /// change verb.
    coordinated_gap: Regex,
    /// "Jones, 54, said": a capitalised word and a comma before a number …
    name_comma: Regex,
    /// A determiner, up to three words and a lower-case noun (captured) before a comma: a role
    /// whose number set off by commas may be an age (`role_suffix`, `role_not` rows).
    role_comma: Regex,
    /// The end of a sentence right after a number.
    sentence_end: Regex,
    /// A name set off by a comma or "said" before it and a comma after ("…, the tourist, Khaled
    /// Hijazi, ").
    set_off_name: Regex,
    /// … and a comma and a lower-case word after it make the number an age.
    comma_word: Regex,
    /// "went up to 8 billion": the level reached, not a ceiling or a rise.
    level_reached: Regex,
    /// An apposition naming a change: ", an increase of", ", a 3 percent drop of".
    up_noun: Regex,
    down_noun: Regex,
    /// A change in noun form after a determiner ("a rise of", "the 2 percent fall of").
    noun_change: Regex,
    /// A bracketed conversion into a currency right after an amount ("(US$7,845)").
    converted: Regex,
    /// "fined ", "tickets cost between 20 and ": a money word shortly before a bare amount in
    /// pounds, in the same clause (`pound_money_cue` rows).
    pound_money_before: Regex,
    /// "weighed", "heavy": a weight word near an amount in pounds (`pound_weight_cue` rows).
    pound_weight_near: Regex,
    /// A price's move written after its amount ("15 pounds firmer", "15 pounds higher at 1,620"):
    /// `price_move` and `price_move_at` rows.
    price_move_after: Regex,
    /// … and before the level quoted after such a move ("50 pence firmer at 98.50 pounds").
    price_move_level: Regex,
    /// "raised", "raising" (and an estimate word) right before an amount of money.
    raised_funds: Regex,
    /// "was 4 percent lower": a copula before the number makes "higher/lower" a comparison.
    copula: Regex,
    /// "$10bn less than its imports" states a difference, not a fall.
    difference: Regex,
    hyphen_noun: Regex,
    /// " votes and Ruutel ": from a counted amount to a name whose clause leaves out the verb
    /// and the noun.
    gapping: Regex,
    /// `ordinal_fraction` rows, the whole number word ("a third").
    ordinal_fraction: Regex,
    /// `amount_article` rows ending the text before an amount ("… a").
    article_end: Regex,
    /// " house at Ransart and ": from a count of a noun to a number word joined to it …
    coordinated_count: Regex,
    /// … that a qualifier follows, where the noun was left out (" at Mons").
    elided_follow: Regex,
    subunit_gap: Regex,
    cent_word: Regex,
    label_noun: Regex,
    /// `product_label` rows, case-sensitive: "Raspberry Pi 5", "Fortune 500".
    product_label: Regex,
    /// `bare_label_noun` rows: "division two", "par 70" when nothing is counted or measured.
    bare_label: Regex,
    time_ref: Regex,
    /// "a share", "per year", "/h" after a unit: the unit becomes "dollar per share".
    per: Regex,
    /// "$4.85 a bushel", "$12 per ticket": money per a noun outside the `per` list.
    per_noun: Regex,
    /// "per partnership unit for": "per" and a two-word noun that ends its phrase.
    per_two: Regex,
    /// Words joining a scale word to its currency in any language ("de ", "d'"), `scale_link`
    /// rows, with the space after a word.
    scale_links: Vec<String>,
}

/// Horizontal whitespace: a number and its unit, scale or currency may be apart by one of these, never
/// by a newline. Spelled out because `[^\S\n]` made the tagger's patterns take minutes to compile.
/// Nouns naming a rise or a fall ("a rise of", ", a sharp drop of").
/// A change cue just before a number: the language files' verbs of rise or fall (`dir` is up or
/// down), a joining particle ("by", "um") and a bound between ("fell by nearly 3%").
fn change_before(dir: Change) -> String {
    format!(
        r"(?i)(?-u:\b)(?:{})(?:\s+(?:{}))?(?:\s+(?:{}))?(?:\s+(?:{}|{}))?(?:\s+{})?\s*$",
        change_verbs(dir),
        words::cues("by"),
        words::cues("change_only"),
        words::cues("change_bound"),
        words::cues("change_extent"),
        modified_amount()
    )
}

/// The verbs and words of a change of direction `dir` (`up`/`down` rows), and the base forms
/// (`up_base`/`down_base`) that count only after "to" or a modal (`modal_lead`).
fn change_verbs(dir: Change) -> String {
    format!(
        r"{}|(?:{})\s+(?:{})",
        words::cues(dir.as_str()),
        words::cues("modal_lead"),
        words::cues(&format!("{dir}_base"))
    )
}

/// An article and one or two modifiers before an amount ("a seasonally adjusted", "a
/// better-than-forecast", "a record"): the last word hyphenated, in -ed or -er, with an adjective's
/// ending or a listed modifier, so an object with a preposition ("a deal with") is none.
fn modified_amount() -> String {
    format!(
        r"(?:{})\s+(?:[\w'’-]+\s+)?(?:[\w'’]+-[\w'’-]+|\w+(?:ed|er|{})|{})",
        words::cues("amount_article"),
        words::alternation("adjective_suffix"),
        words::cues("amount_adjective")
    )
}

/// A change cue just after a number: a clause-final participle ("um 3 Prozent auf 9 Mrd. Euro
/// gesunken") or a comparative ("3 percent higher").
fn change_after(dir: Change) -> String {
    format!(
        r"(?i)^\s*(?:(?:\S+\s+){{0,4}}(?:{})(?-u:\b)|(?:{})(?-u:\b))",
        words::cues(&format!("{dir}_final")),
        words::cues(&format!("{dir}_after"))
    )
}

/// A bound word that may stand between a change cue and its amount ("rose nearly 5%", "an increase
/// of about 3%"), then the end of the text before the amount.
fn bound_then_end() -> String {
    format!(r"(?:\s+(?:{}))?\s*$", words::cues("change_bound"))
}

/// A transitive change verb of direction `dir`, one to twelve words of object (abbreviations with
/// their stops: "in the U.S.") and "by" ("raised rates by", "cut its 2024 forecast by about",
/// "raised the price of its standard plan in the U.S. by"), or an
/// intransitive one, a phrase of when or where and "by" ("fell in July by").
/// A transitive change verb (`key` rows) and up to four words of its object (group 1), right
/// before the amount: "raised its dividend ".
/// (The object is read as short as it can be, so that an average written after it, "raised
/// premiums an average of 9%", is no part of it.)
fn verb_and_object(key: &str) -> Regex {
    cue_re(
        r"(?i)(?-u:\b)(?:{})\s+((?:[\w'’-]+\s+){1,4}?)(?:an\s+average\s+of\s+|on\s+average\s+)?$",
        &[key],
    )
}

fn change_by_object(dir: Change) -> String {
    format!(
        r"(?i)(?-u:\b)(?:(?:{})\s+(?:[\w'’-]+(?:\.[\w'’-]*)*\s+){{1,12}}|(?:{})\s+(?:in|on|at|during|over|for|from)\s+(?:[\w'’-]+\s+){{1,3}})(?:by(?:\s+up\s+to)?{}|(?:{})\s*$)",
        words::cues(&format!("{dir}_object")),
        change_verbs(dir),
        bound_then_end(),
        words::cues("change_extent")
    )
}

const HS: &str = r"[ \t\xA0\u202F]";

/// The whole numbers written as words ("one", "twelve", "ninety"), a regex alternation.
fn whole_number_words() -> String {
    NUMBER_WORDS
        .iter()
        .filter(|(w, v)| *v >= 1.0 && v.fract() == 0.0 && !w.starts_with("a "))
        .map(|(w, _)| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles a pattern known at build time; a failure is a bug in this file, caught by every test.
/// A regex from `template`, each `{}` in turn replaced by the cue rows under one of `keys` (every
/// language's, [`words::cues`]), then `{HS}` by a horizontal space.
pub(crate) fn cue_re(template: &str, keys: &[&str]) -> Regex {
    let mut pattern = template.to_string();
    for key in keys {
        pattern = pattern.replacen("{}", &words::cues(key), 1);
    }
    re(&pattern.replace("{HS}", HS))
}

pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern {pattern:?}: {e}"))
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        let (up_nouns, down_nouns) = (words::cues("up_noun"), words::cues("down_noun"));
        let bound = bound_then_end();
        let words: Vec<String> = {
            let mut w: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
            w.sort_by_key(|s| std::cmp::Reverse(s.len()));
            w.iter().map(|s| regex::escape(s)).collect()
        };
        // "dozens of homes" is the number word "dozens" (12, as NewsQuant counts it) before a noun;
        // "dozens of millions of" is a vague magnitude like "tens of billions of".
        let vague = words::cues("vague");
        // A units digit joins only a tens word ("forty-two"); after another ("a dozen
        // seven-year-old …") it is a number of its own.
        let word_num = format!(
            r"(?-u:\b)(?:(?:{})[- ](?:{})|{})(?:[\s-]+and[\s-]+a[\s-]+(?:half|quarter|third))?(?-u:\b)",
            words::cues("tens_word"),
            words::cues("units_word"),
            words.join("|")
        );
        // Fractions with the denominators news uses ("1/4 point", "7 3/4%", "½ teaspoon"); "24/7" and
        // "9/11" are not fractions.
        // "5-1/2p": a unit glued to the fraction is taken along here and left off again by the
        // scanner (`extract`), as the regex crate has no look-ahead.
        let frac = r"\d+[ -]\d{1,2}/(?:2|3|4|8|16|32|10|100)(?-u:\b)|\d{1,2}/(?:2|3|4|8|16|32|10|100)(?-u:\b)|(?:\d+[ -])?\d{1,2}/(?:2|4|8|16|32)[a-z]{1,2}(?-u:\b)|\d*[½¼¾⅓⅔⅛]";
        let number = |digits: &str| re(&format!(r"(?i){vague}|{frac}|{digits}|{word_num}"));
        Extractor {
            numbers: [
                // "80, 000": tokenized corpora put a space after the thousands comma;
                // "12,34,567.89" is Indian grouping (lakh, crore).
                number(
                    r"\d+(?:\.\d+)? ?[x×] ?10(?:\^[-−]?\d{1,3}(?-u:\b)|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\d+(?:\.\d+)?[eE][+-]?\d{1,3}(?-u:\b)|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?-u:\b)|\d{1,3}(?:, ?\d{3}(?:(?-u:\b)|[a-zA-Z]))+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+",
                ),
                number(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
                number(r"\d{1,3}(?:[\x20\u{a0}\u{202f}]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
            ],
            // Dates, times, phone numbers, version-like ids: numbers inside them are not quantities.
            // Crawled text spaces some of them out: "TRA / 96 / 003", an Official Journal's
            // "(96 / C 251/08)", "07.00 GMT". "Regulation No 658/96" numbers a text; "+301 3311812"
            // is a phone number written with its country code, and so are the digits after a
            // desk's sign-off ("-- Caracas newsroom, 582 834405").
            masks: cue_re(
                r"(?-u)(?-u:\b)\d{4}-\d{1,2}-\d{1,2}(?-u:\b)|(?-u:\b)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?-u:\b)|(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?-u:\b)|(?-u:\b)\d{1,2}(?:\.[0-5]\d)?\s?(?i:[ap]\.m\.|[ap]m(?-u:\b))|(?-u:\b)\d+-for-\d+(?-u:\b)|(?-u:\b)\d{1,2}\s?o(?:'|’)clock|(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?-u:\b)|(?-u:\b)\d+(?:-\d+){2,}(?-u:\b)|(?-u:\b)\d+(?:\.\d+){2,}(?-u:\b)|(?-u:\b)\d{4}/\d{2}(?:\d{2})?(?-u:\b)|(?-u:\b)[A-Z]{2,}\s?/\s?\d+(?:\s?/\s?\d+)*|(?-u:\b)\d+(?:/\d+){2,}|(?-u:\b)\d{2}\s?/\s?[A-Z]{1,2}\s?\d{1,4}\s?/\s?\d{1,3}(?-u:\b)|(?-u:\b)No\.?\s\d+(?:/\d+)*|(?i:newsroom),?\s+\+?[\d\s()-]{6,}\d|\+\d{1,3}\s?\d{5,}(?:-\d+)?|(?-u:\b)(?:(?:[01]\d|2[0-3])\.?|\d\.)[0-5]\d(?:\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d)?\s*(?i:{})(?-u:\b)|(?-u:\b)(?:[01]\d|2[0-3])[0-5]\d\s+local\s*/\s*(?:[01]\d|2[0-3])[0-5]\d(?-u:\b)",
                &["time_zone"],
            ),
            units: Table::new(
                &lexicon::UNITS
                    .iter()
                    // "20 (kg)": a unit may stand in brackets.
                    .map(|(p, ..)| format!(r"(?:{HS}?-?{HS}?[(\[{{<]?)(?:{p})"))
                    .collect::<Vec<_>>(),
            ),
            scales: Table::new(
                &lexicon::SCALES
                    .iter()
                    .map(|(p, _)| format!(r"(?:{HS}?-?{HS}?)(?:{p})"))
                    .collect::<Vec<_>>(),
            ),
            currencies: meta::Regex::new_many(
                &lexicon::CURRENCY_PREFIXES
                    .iter()
                    .map(|(p, ..)| format!(r"(?:{p}){HS}?$"))
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_else(|e| panic!("invalid built-in currency prefix: {e}")),
            // "from 60,000 to about 20,000": an estimate word may open the second end.
            range_sep: cue_re(
                r"(?i)^{HS}?(?:-|–|—|{}){HS}?(?:(?:{}){HS}?)?$",
                &["range_word", "approx"],
            ),
            approx: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["approx"]),
            more: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["more"]),
            less: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["less"]),
            up: re(&change_before(Change::Up)),
            down: re(&change_before(Change::Down)),
            up_by: re(&change_by_object(Change::Up)),
            down_by: re(&change_by_object(Change::Down)),
            plural_name_list: re(
                r"(?-u:\b)[A-Z][a-z]+s[ \t]+(\d+)(?:[ \t]*,[ \t]*\d+)*[ \t]*(?:,|and|or|&)[ \t]*$",
            ),
            vicinity: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["approx_vicinity"]),
            picked_from: cue_re(
                r"(?i)(?:\d|(?-u:\b)(?:{}))\s+of\s+(?:{})\s+$",
                &["units_word", "half_determiner"],
            ),
            // ("one of the two who" is a back-reference: after a determiner only with a pick.)
            set_size_lead: re(&format!(
                r"(?i)(?:\d|(?-u:\b)(?:{}))\s+(?:out\s+)?of\s+(?:(?:(?:{})\s+)?(?:{})\s+)?$",
                words::cues("units_word"),
                words::cues("half_determiner"),
                words::alternation("pick"),
            )),
            approx_after: cue_re(r"(?i)^{HS}+(?:{})(?-u:\b)", &["approx_after"]),
            up_object: verb_and_object("up_object"),
            down_object: verb_and_object("down_object"),
            after_up: re(&change_after(Change::Up)),
            after_down: re(&change_after(Change::Down)),
            adverb_up: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["up_adverb"]),
            adverb_down: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["down_adverb"]),
            after_more: cue_re(r"(?i)^(?:{HS}?(?:{})(?-u:\b)|\+)", &["more_after"]),
            amount_next: cue_re(
                r"(?i)^\s+(?:[\d$€£¥]|(?:{}|{})(?-u:\b))",
                &["determiner_any", "units_word"],
            ),

            after_less: cue_re(r"(?i)^{HS}?(?:{})(?-u:\b)", &["less_after"]),
            score_after: cue_re(
                r"(?i)^{HS}+(?:(?:{})(?:$|[^\w-])|(?:{})(?:$|[,.;:]))",
                &["score_after", "score_after_end"],
            ),
            score_before: cue_re(r"(?i)\w-(?:{}){HS}+$", &["score_before"]),
            score_lead: cue_re(r"(?i)(?-u:\b)(?:{}){HS}+$", &["score_lead"]),
            run_of_games: cue_re(
                &format!(
                    r"(?i)^{{HS}}+(?:(?:{{}})(?:$|[^\w-])|of{{HS}}+(?:(?:{{}}){{HS}}+)?(?:(?:last|first|past|previous){{HS}}+)?(?:\d+|(?:{})(?-u:\b)))",
                    whole_number_words()
                ),
                &["run_of_games", "determiner_any"],
            ),
            set_after_name: cue_re(
                &format!(
                    r"(?i)^{{HS}}+of{{HS}}+(?:{{}}){{HS}}+(?:(?:last|first|past|previous){{HS}}+)?(?:\d{{1,3}}(?:$|\D)|(?:{})(?-u:\b))",
                    whole_number_words()
                ),
                &["determiner_any"],
            ),
            range_verb_before: cue_re(r"(?i)(?-u:\b)(?:{}){HS}+$", &["range_verb"]),
            group_of: re(&format!(
                r"(?i)(?:^|\s)(?:a|an|the|its|their|his|her)\s+((?:[a-z-]+\s+)?(?:{}))\s+of\s+(?:(?:{})\s+)?$",
                words::alternation("group_noun"),
                words::alternation("size_lead")
            )),
            result_period: cue_re(r"(?i)^{HS}+(?:{})", &["result_period"]),
            lost_before: re(
                r"(?i)\b(?:lost|loses|lose)(?:\s+(?:about|some|nearly|almost|around|roughly|an\s+estimated|more\s+than|over|less\s+than|at\s+least))?\s+$",
            ),
            price_lead: re(
                r"(?i)\b(?:worth|for|costing|at\s+a\s+cost\s+of|valued\s+at|priced\s+at)\s+(?:about\s+|some\s+|nearly\s+|an\s+estimated\s+)?$",
            ),
            apposed_size: cue_re(
                &format!(
                    r"(?i),{{HS}}+(?:{{}})(?:{{HS}}+(?:{}))?{{HS}}+$",
                    words::alternation("size_lead")
                ),
                &["apposed_size"],
            ),
            subject_level: cue_re(
                r"(?:^|[^\w'’.-])(?:([A-Za-z][a-z-]+){HS}+)?([A-Za-z][a-z-]+s)(?:{HS}+(?:in|at|of|for|on){HS}+(?:the{HS}+)?[\w.-]+)?(?:{HS}+(?:have|has|had|were|was))?{HS}+(?:{})(?:{HS}+(?:by{HS}+)?[\d.,]+(?:{HS}*(?:%|percent|per{HS}+cent))?)?(?:{HS}+(?:to|at|by))?{HS}+$",
                &["subject_verb"],
            ),
            owner_before: re(
                r"(?:\b[A-Z]\w*['’]s|(?i:\b(?:his|her|their|its|our|my|your)))(?:\s+own)?\s+$",
            ),
            clock_after: re(r"(?i)^\s+o['’]clock"),
            shared_noun_gap: re(r"^\s+([A-Za-z][a-z-]*[a-z])\s+and\s+$"),
            including_gap: cue_re(r"(?i)^[\w\s-]*,\s+(?:{})\s+$", &["including"]),
            time_phrase_lead: cue_re(
                r"(?i)^(?:(?:in|on|during)\s+(?:{})(?:\s+\d{4})?|last\s+(?:year|month|week)),?\s+",
                &["month"],
            ),
            number_of_after: cue_re(r"(?i)^{HS}+(?:{})(?-u:\b)", &["number_of"]),
            score_pair_next: re(&format!(
                r"(?i)^{HS}+for{HS}+(?:\d|(?:{})(?-u:\b))",
                whole_number_words()
            )),
            score_word_lead: cue_re(r"(?i)(?-u:\b)(?:{})[{HS}-]+$", &["score_word_lead"]),
            outs_lead: cue_re(r"(?i)(?-u:\b)(?:{}){HS}+$", &["outs_lead"]),
            outs_follow: cue_re(r"(?i)^ out (?:{})(?-u:\b)", &["outs_follow"]),
            whole_lead: cue_re(r"(?i)(?-u:\b)(?:{})$", &["whole_lead"]),
            tally_verb: cue_re(r"(?i)^(?:{})$", &["tally_verb"]),
            tally_noun: cue_re(r"(?i)^(?:{})$", &["tally_noun"]),
            score_verb: cue_re(r"(?i)(?-u:\b)(?:{}){HS}+$", &["score_verb"]),
            score_pair: cue_re(r"(?i)^{HS}+(?:{}){HS}+$", &["score_pair"]),
            race_time: cue_re(
                r"(?i)(?-u:\b)(?:{})\s+(?:(?:{})\s+)?(?:[\w-]+\s+)?(?:[\w.]+\s+(?:{}),?\s+)?$",
                &["race_time", "determiner_any", "race_time_part"],
            ),
            race_place: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["race_place"]),
            particle_over: cue_re(r"(?i)(?-u:\b)(?:{})\s+over\s*$", &["over_particle"]),
            time_ref: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["time_after"]),
            label_noun: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["label_noun"]),
            product_label: cue_re(r"(?-u:\b)(?:{})\s*$", &["product_label"]),
            bare_label: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["bare_label_noun"]),
            subunit_gap: re(&format!(r"(?i)^{HS}+(?:and{HS}+)?")),
            cent_word: cue_re(r"(?i)^{HS}*(?:{})(?-u:\b)", &["cent_word"]),
            hyphen_noun: re(r"^ ?- ?([a-z]{2,})(?-u:\b)"),
            difference: cue_re(r"(?i)^\s*(?:[\w-]+\s+)?(?:{})(?-u:\b)", &["difference"]),
            minus: cue_re(
                r"(?i)(?:(?:^|[\s(])-|(?-u:\b)(?:{}))[ \t-]?$",
                &["minus_word"],
            ),
            scaled_code: re(&format!(
                r"^{HS}?([mMkK])(USD|EUR|GBP|AUD|CAD|CHF|NOK|SEK|DKK|JPY|CNY|usd|eur|gbp|aud|cad|chf|nok|sek|dkk)(?-u:\b)"
            )),
            // "eight to 10 feet", "five and six thousand": a number word that opens a range.
            range_lead: re(&format!(
                r"(?i)^{HS}*(?:-|–|{}){HS}*(?:\d|{word_num})",
                words::cues("range_lead")
            )),
            coordinated_number: cue_re(r"(?i)^{HS}*(?:{}){HS}*\d[\d.,]*", &["range_lead"]),
            list_marker: re(&format!(r"^{HS}?\)")),
            the_before: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["article_any"]),
            determiner_before: cue_re(r"(?i)(?-u:\b)(?:{})\s+(?:[\w-]+\s+)?$", &["determiner_any"]),
            back_reference: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["back_reference"]),

            street: re(&format!(
                r"^\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{})(?-u:\b)",
                words::cues("street")
            )),
            zip_state: re(r"(?-u:\b)[A-Z]{2}\s$"),
            feet_before: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["feet_word"]),
            inch_mark: re(&format!(
                r#"^{HS}?["″”](?:{HS}+(?:{}|{})(?-u:\b)|[.,;)]|\s*$)"#,
                Vec::from_iter(words::for_language("en").size_words.iter().copied()).join("|"),
                words::cues("inch_after")
            )),
            inch_word: re(&format!(r"^{HS}in(?-u:\b)")),
            their_decade: cue_re(r"(?i)(?-u:\b)(?:{})$", &["decade_lead"]),
            age_group: cue_re(
                r"(?i)(?-u:\b)(?:{})\s+((?:{})\s+)?$",
                &["age_group_noun", "age_group_bound"],
            ),
            age_group_tail: cue_re(r"(?i)^\s+(?:{})(?-u:\b)", &["age_group_tail"]),
            temperature_cue: cue_re(
                r"(?i)(?-u:\b)(?:{})(?:[^\w-]|$)|\d ?[CF] \($|^ ?[CF] \(-?\d+(?:\.\d+)? ?[CF]\)",
                &["temperature_cue"],
            ),
            possessive_decade: cue_re(
                r"(?i)(?-u:\b)(?:{})[ -](?:(?:early|mid|late)[ -]?)?$",
                &["decade_owner"],
            ),
            period_before: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["period_lead"]),
            of_group: cue_re(r"(?i)^\s+of\s+(?:(?:{})\s+)?", &["group_determiner"]),
            of_pronoun: cue_re(r"(?i)^\s+of\s+(?:{})(?-u:\b)", &["of_pronoun"]),
            of_set: cue_re(r"(?i)^\s+of\s+(?:{})(?-u:\b)", &["set_pronoun"]),
            set_against: words::cues("set_against")
                .split('|')
                .map(str::to_string)
                .collect(),
            half_group: cue_re(r"(?i)^\s+(?:{})\s+", &["half_determiner"]),
            clause_end: re(r#"^\s*(?:[,.;:!?)"”]|$)"#),
            paired_gap: cue_re(r"^\s*(?:{}|,)\s*$", &["paired"]),
            rate_level_lead: cue_re(
                r"(?i)(?-u:\b)(?:(?:{}|\w+-year)\s+(?:rate|yield)s?|inflation|coupon)(?:\s+(?:was|is|were|are|stood|remained|rose|fell|climbed|eased|edged|dropped|ended|closed|at|to|of|from|by|up|down|higher|lower)){1,3}\s+$",
                &["rate_modifier"],
            ),
            listed_level_gap: re(
                r"(?i)^(?:,?\s+(?:in|on|during)\s+[\w-]+(?:\s+\d{4})?|,?\s+(?:a|one|two|three|the)\s+(?:year|month|week|quarter)s?\s+(?:earlier|ago|before)|,?\s+(?:last|a)\s+(?:year|month|week|quarter))?,?\s+and\s+$",
            ),
            listed_level_after: re(
                r"(?i)^(?:\s*(?:[,.;:)]|$)|\s+(?:in|on|during)\s+[\w-]+|\s+(?:a|one|two|three|the)\s+(?:year|month|week|quarter)s?\s+(?:earlier|ago|before)|\s+(?:last|a)\s+(?:year|month|week|quarter))",
            ),
            timed_list_gap: cue_re(
                r"(?i)^\s+(?:(?:in|on|during)\s+(?:{})(?:\s+\d{4})?|in\s+\d{4}|in\s+(?-i:[A-Z][a-z]+)|(?:a|one)\s+(?:year|month|week|quarter)\s+(?:earlier|ago|before)|last\s+(?:year|month|week|quarter))(?:,\s+|,?\s+and(?:\s+to)?\s+)$",
                &["month"],
            ),
            timed_list_after: cue_re(
                r"(?i)^\s+(?:(?:in|on|during)\s+(?:{})(?-u:\b)|in\s+\d{4}|in\s+(?-i:[A-Z][a-z]+)|(?:a|one)\s+(?:year|month|week|quarter)\s+(?:earlier|ago|before)|last\s+(?:year|month|week|quarter))",
                &["month"],
            ),
            own_object: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["own_object_verb"]),
            name_owner: re(r"\p{Lu}\p{Ll}+(?:'s|’s|s'|s’) $"),
            unit_note: cue_re(r"(?i)(?-u:\b)(?:{})(?-u:\b)", &["unit_note"]),
            index_name: cue_re(r"(?-u:\b)(?:{})(?-u:\b)", &["index_name"]),
            new_subject: cue_re(r"(?i)(?:^|[^\w])(?:{})(?:$|[^\w])", &["new_subject"]),
            // ("killed at least 12": a bound may stand between.)
            person_object: cue_re(
                r"(?i)(?-u:\b)(?:{})\s+(?:(?:{}|{}|{})\s+)?$",
                &["person_verb", "more", "less", "approx"],
            ),
            share_bound: cue_re(r"(?i)(?-u:\b)(?:{}|{}|{})\s+$", &["more", "less", "approx"]),
            share_verb: cue_re(r"(?i)^\s+(?:{}|[a-z]{3,}ed)(?-u:\b)", &["share_verb"]),

            equivalent_gap: cue_re(
                r"^(?:\s+[\w-]+)?(?:,?\s+(?:{})\s+|\s*\(\s*)$",
                &["equivalent_join"],
            ),
            coordinated_gap: cue_re(
                r"^\s+(?:(?:{})\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?,?\s+)?(?:{})\s+$",
                &["coordinated_prep", "paired"],
            ),
            ordinal_fraction: cue_re(r"(?i)^(?:{})$", &["ordinal_fraction"]),
            article_end: re(&format!(
                r"(?i)(?:^|[^\p{{Alphabetic}}])(?:{})$",
                words::cues("amount_article")
            )),
            gapping: re(&format!(
                r"^{HS}+[\w'-]+(?:{HS}+[\w'-]+){{0,2}},?{HS}+(?:{}){HS}+[A-Z][\w'’.-]*{HS}+$",
                words::cues("gapping_join")
            )),
            coordinated_count: re(&format!(
                r"^[^.;:!?\n]{{0,60}}(?:{HS}(?:{})|,){HS}+$",
                words::cues("paired")
            )),
            elided_follow: cue_re(r"(?i)^{HS}+(?:{})(?-u:\b)", &["elided_follow"]),
            name_comma: cue_re(
                r"(?:[A-Z][\w'’.-]*|(?-u:\b)(?i:{})),[ \t]*$",
                &["person_noun"],
            ),
            role_comma: re(
                r"(?i:(?-u:\b)(in|at|on|of|for|from|during|within|into|over|under|with)[ \t]+)?(?i:(?-u:\b)(?:the|a|an|his|her|their|its))[ \t]+(?:[\w'’-]+[ \t]+){0,3}([a-z]+),[ \t]*$",
            ),
            // (A dash closes the aside too: "Rachel Legeard, 18, and Severine Potty, 19 -- were".)
            comma_word: re(r"^[ \t]*(?:,[ \t]*[a-z]|--?[ \t]+[a-z]|[—–][ \t]*[a-z])"),
            sentence_end: re(r#"^[.!?]["”']?(?:\s|$)"#),
            set_off_name: re(&format!(
                r"(?:,|(?-u:\b)(?:{}))[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{0,3}}[A-Z][\w'’.-]*,[ \t]*$",
                words::cues("set_off_verb")
            )),
            up_noun: re(&format!(
                r"(?i),\s*(?:an?\s+)?(?:[\w-]+\s+)?(?:{up_nouns})s?\s+of{bound}"
            )),
            down_noun: re(&format!(
                r"(?i),\s*(?:an?\s+)?(?:[\w-]+\s+)?(?:{down_nouns})s?\s+of{bound}"
            )),
            noun_change: re(&format!(
                r"(?i)(?-u:\b)(?:an?|the|its|their|this|that)\s+(?:[\w-]+\s+){{0,3}}(?:{up_nouns}|{down_nouns})s?\s+of{bound}"
            )),
            price_move_level: cue_re(
                r"(?i)(?-u:\b)(?:{}|{}){HS}+at{HS}+$",
                &["price_move", "price_move_at"],
            ),
            price_move_after: cue_re(
                r"(?i)^{HS}+(?:(?:{})(?-u:\b)|(?:{}){HS}+at{HS}+\d)",
                &["price_move", "price_move_at"],
            ),
            pound_money_before: cue_re(
                r"(?i)(?-u:\b)(?:{})(?-u:\b)(?:[^,.;:!?()\n]|[,.]\d){0,40}$",
                &["pound_money_cue"],
            ),
            pound_weight_near: cue_re(r"(?i)(?-u:\b)(?:{})(?-u:\b)", &["pound_weight_cue"]),
            converted: re(
                r"^\s*\(\s*(?:about\s+|some\s+)?(?:US\s?\$|U\.S\.\s?\$|\$|€|¥|DM|A\$|C\$|HK\$|S\$|NZ\$|(?:US\s+|U\.S\.\s+)?dollars\s*\))",
            ),
            raised_funds: cue_re(
                r"(?i)(?-u:\b)(?:{})\s+(?:(?:{}|{})\s+)?$",
                &["raise_funds", "change_bound", "raise_funds_bound"],
            ),
            level_reached: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["level_reached"]),
            copula: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["copula"]),
            up_to: cue_re(r"(?i)(?-u:\b)(?:{})\s*$", &["up_to"]),
            motion_before: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["motion"]),
            comparative_up: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["comparative_up"]),
            comparative_down: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["comparative_down"]),
            copula_up_to: cue_re(r"(?i)(?-u:\b)(?:{})\s+up\s+to\s*$", &["copula"]),
            from_amount: re(r"(?i)^[^.;\n]{0,40}?(?-u:\b)from\s+(?:[$€£¥]|[A-Z]{1,2}\$)"),
            of_a: re(r"(?i)^\s+of\s+an?\s+"),
            glued_millions: re(r"[0-9]m\s+\p{Ll}+s\b"),
            year_before: cue_re(r"(?i)(?-u:\b)(?:{})\s+$", &["year_before"]),
            // Case-sensitive: "20 ad slots" is no era.
            era_after: cue_re(
                r"^(?:\s*(?:-|–|to|and)\s*\d{1,4})?\s*(?:{})(?:[^\p{L}\p{N}]|$)",
                &["era_after"],
            ),
            era_before: cue_re(r"(?:^|[^\p{L}])(?:{})\s+$", &["era_before"]),
            money_year_before: cue_re(r"(?i)(?-u:\b)(?:{})[\s-]+$", &["money_year_before"]),
            by_up_to: re(r"(?i)(?-u:\b)by\s+up\s+to\s*$"),
            by_before: cue_re(
                r"(?i)(?-u:\b)(?:{})(?:\s+(?:{}))?\s*$",
                &["by_amount", "by_amount_bound"],
            ),
            made_of: cue_re(
                r"(?i)(?-u:\b)(?:{})\s+(?:(?:{}|{}|{})\s+)?$",
                &["made_of", "approx", "more", "less"],
            ),
            level_extent: cue_re(r"(?i)(?-u:\b)(?:to|at)\s+(?:{})\s*$", &["change_extent"]),
            age_lead: cue_re(r"(?i)(?-u:\b)(?:{})[ \t]+$", &["age_lead"]),
            age_follow: cue_re(r"(?i)^[ \t]+(?:{})(?-u:\b)", &["age_follow"]),

            aged: cue_re(
                r"(?i)(?-u:\b)(?:{})(?:\s+(?:{}|{}))?(?:\s+\d{1,3}\s+(?:and|or))?\s*$",
                &["aged", "aged_span", "aged_bound"],
            ),
            // Lower-case "age": "the Stone Age" is an era.
            age_noun: cue_re(
                r"(?-u:\b)ages?(?-u:\b)(?i:[^.;:!?\d(),\x22]{0,60}?(?-u:\b)(?:{})|\s+(?:to|from))\s+(?i:(?:{})\s+)?$",
                &["copula", "aged_bound"],
            ),
            comparison: cue_re(r"(?i)^\s*(?:{})(?-u:\b)", &["comparison"]),
            per: re(&format!(
                r"(?i)^(?:{HS}+of{HS}+(?:[\w'-]+{HS}+){{1,4}}?)?{HS}*-?{HS}*(?:(?:a|an|per|each)(?:{HS}+|{HS}*-{HS}*)|/{HS}*)({})(?-u:\b)",
                words::cues("per_unit").replace("{HS}", HS)
            )),
            scale_links: words::cues("scale_link")
                .split('|')
                .map(|w| {
                    if w.ends_with(['\'', '’']) {
                        w.to_string()
                    } else {
                        format!("{w} ")
                    }
                })
                .collect(),
            per_noun: re(&format!(
                r"^{HS}*(?:a|an|per){HS}+([a-z][a-z-]{{2,}})(?:$|[,.;:)]|{HS}+([a-z]+)(?-u:\b))"
            )),
            per_two: re(&format!(
                r"^{HS}*per{HS}+([a-z][a-z-]{{2,}}){HS}+([a-z][a-z-]{{2,}})(?:$|[,.;:)]|{HS}+([a-z]+)(?-u:\b))"
            )),
            months: cue_re(r"(?i)(?-u:\b)(?:{})\.?$", &["month"]),
            year_period_before: re(&format!(
                r"(?-u:\b)(?:(?i:(?:{m})\.?(?:\s*[-/]\s*(?:{m})\.?)?)|[HQ][1-4]|[1-4][HQ]|FY|(?i:pre|post)-)\s*(?:['’]\s*)?$",
                m = words::cues("month")
            )),
        }
    }

    /// All quantities in `text` (sorted by position) and the years seen.
    ///
    /// Two kinds of pass. Each number the scanner finds is read on its own by [`Self::read`]:
    /// names and codes rejected, sign, currency before, scale and unit after, the classes of a
    /// bare number (year, date, age, counted noun, score), then rate and direction. The list as a
    /// whole is then joined and completed: ranges, sub-units ("3 yuan 5 jiao"), a currency or unit
    /// written once for several amounts, a change verb shared by coordinated amounts.
    pub fn extract(&self, text: &str, format: NumberFormat) -> (Vec<Found>, Vec<Year>) {
        self.extract_dated(text, format, false)
    }

    /// [`extract`](Self::extract) for a text written before the euro (`before_euro`: published
    /// before 2002), where a plain "francs" with no country near is the French franc, the franc
    /// news quoted most until then; later it is the Swiss franc, the only one in wide use.
    pub fn extract_dated(
        &self,
        text: &str,
        format: NumberFormat,
        before_euro: bool,
    ) -> (Vec<Found>, Vec<Year>) {
        let masked: Vec<(usize, usize)> = self
            .masks
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let numbers = match format {
            NumberFormat::English => &self.numbers[0],
            NumberFormat::Continental => &self.numbers[1],
            NumberFormat::French => &self.numbers[2],
        };
        let mut found: Vec<Found> = Vec::new();
        let mut years = Vec::new();
        for m in numbers.find_iter(text) {
            // Inside the quantity before ("half a million" holds "a million").
            if found.last().is_some_and(|p| p.end > m.start()) {
                continue;
            }
            // A glued unit taken along by the pattern ("5-1/2p", "5,000km") is read after the
            // number, like any glued unit.
            let glued = m.as_str().starts_with(|c: char| c.is_ascii_digit())
                && m.as_str().ends_with(|c: char| c.is_ascii_alphabetic());
            let surface = match glued {
                true => m
                    .as_str()
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic()),
                false => m.as_str(),
            };
            let n = Scanned {
                start: m.start(),
                end: m.start() + surface.len(),
                surface,
                is_digits: m
                    .as_str()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '.' || VULGAR.contains(c)),
            };
            match self.read(text, n, format, &masked, &found) {
                Ok(Reading::Quantity(q)) => found.push(q),
                Ok(Reading::Year(y)) => years.push(y),
                Err(NotAQuantity) => {}
            }
        }
        let found = self.merge_ranges(text, found);
        let mut found = self.merge_subunits(text, found, numbers, format);
        self.table_header(text, &mut found);
        if before_euro {
            self.francs_before_the_euro(text, &mut found);
        }
        self.pounds_of_money(text, &mut found);
        self.subject_counts_before_money(text, &mut found);
        inherit_currency(text, &mut found, &self.of_set, &self.set_against);
        self.inherit_unit(text, &mut found);
        points_of_a_rate(text, &mut found);
        self.index_levels(text, &mut found);
        self.net_results(text, &mut found);
        self.carry_change(text, &mut found);
        count_past_measure(text, &mut found);
        drop_conjunctions(&mut found);
        drop_results(text, &mut found);
        drop_squad_numbers(text, &mut found);
        drop_result_lines(text, &mut found);
        (found, years)
    }

    /// Reads one scanned number with what is written around it; `found` holds the quantities
    /// before it in the text.
    fn read(
        &self,
        text: &str,
        n: Scanned,
        format: NumberFormat,
        masked: &[(usize, usize)],
        found: &[Found],
    ) -> Result<Reading, NotAQuantity> {
        self.reject_name(text, n, masked)?;
        reject_ordinal(&self.ordinal_fraction, text, n)?;
        reject_someday(text, n)?;
        let (value, vague_high) = self.parse_number(n.surface, format).ok_or(NotAQuantity)?;
        // "(in millions of yuan unless stated)", "(In Thousands, except …)": a table's header
        // names the scale of the figures below it, no amount.
        // A header stands on its own line: "(thousands of students took part)" in prose stays.
        if vague_high.is_some() {
            let head = &text[..n.start];
            let open = head
                .strip_suffix('(')
                .or_else(|| head.strip_suffix("(in "))
                .or_else(|| head.strip_suffix("(In "));
            if open.is_some_and(opens_line) {
                return Err(NotAQuantity);
            }
            // A bare "thousands" after "in", "by the" or a possessive names a scale or a manner
            // ("figures in thousands", "came in their thousands"), no amount.
            let before = last_word(head.trim_end()).to_ascii_lowercase();
            if bare_vague_plural(n.surface)
                && matches!(
                    before.as_str(),
                    "in" | "the" | "by" | "their" | "its" | "his" | "her" | "our"
                )
            {
                return Err(NotAQuantity);
            }
        }

        // Where the number starts with its sign, before a currency may move the start back.
        let signed_start = self.minus_sign(text, n).unwrap_or(n.start);
        let value = if signed_start < n.start {
            -value
        } else {
            value
        };
        let prefix = self
            .currency_before(text, n.start)
            .or_else(|| self.rand_before(text, n));
        let mut tail = self.scale_after(text, n, value, prefix.is_some());
        tail.unit = self.unit_after(text, n, value, prefix.is_some(), &mut tail);
        self.lone_temperature(text, n, value, &mut tail);
        // "3.2 trillion won": after a scale word "won" is Korea's currency, not the verb.
        if tail.unit.is_none() && tail.scale > 1.0 {
            if let Some(r) = tail.rest.strip_prefix(" won") {
                if !r.starts_with(char::is_alphanumeric) {
                    tail.unit = Some((" won".len(), Unit::WON));
                }
            }
        }
        // "a magnitude-6.1 quake", "magnitude 7.2": the unit is written before the number.
        if tail.unit.is_none() && n.is_digits && (0.0..10.0).contains(&value) {
            let head = tail_slice(text, n.start, 14).to_ascii_lowercase();
            if ["magnitude ", "magnitude-", "magnitude of "]
                .iter()
                .any(|m| head.ends_with(m))
            {
                tail.unit = Some((0, Unit::MAGNITUDE));
            }
        }
        self.glued_letters(text, n, value, &mut tail)?;
        // "in their mid-twenties": a decade written in words is an age after a possessive; "the
        // roaring twenties" is an era.
        if !n.is_digits && n.surface.to_lowercase().ends_with("ties") {
            if !self
                .possessive_decade
                .is_match(tail_slice(text, n.start, 24))
            {
                return Err(NotAQuantity);
            }
            tail.decade = true;
            tail.unit = Some((0, Unit::YEAR_OF_AGE));
        }
        self.reject_word_modifier(text, n, &tail)?;
        self.reject_race_time(text, n, &tail)?;
        self.reject_engine_class(n, &tail)?;
        let mut share = self.share(text, n, value, &tail)?;

        let scale = tail.scale * prefix.map_or(1.0, |p| p.scale);
        let value = scaled(value, scale);
        let mut q = Found {
            start: prefix.map_or(signed_start, |p| p.start),
            end: tail.end,
            value: Some(value),
            range: vague_high
                .map(|h| (value, scaled(h, scale)))
                .or(tail.decade.then_some((value, value + 9.0))),
            unit: String::new(),
            unit_name: String::new(),
            kind: QuantityKind::Count,
            change: Change::Equal,
            bare: false,
            scale,
        };
        if q.range.is_some() {
            q.value = None;
        }
        let vague = vague_high.is_some();
        let unit = tail.unit;
        let money_unit = unit.filter(|(_, u)| u.kind == QuantityKind::Money);
        // "10 rmb 20 usd": a currency before the number that disagrees with the one after it
        // belongs to the previous amount.
        let prefix = prefix.filter(|p| money_unit.is_none_or(|(_, u)| u.unit == p.code));
        if prefix.is_none() {
            q.start = signed_start;
        }
        // "- 20 degrees", "minus 5 °C": below zero, with the sign apart from the digits.
        if let Some((_, u)) = &unit {
            if matches!(u.unit, "degC" | "degF" | "deg") && value > 0.0 {
                let head = tail_slice(text, n.start, 8);
                if let Some(m) = self.minus.find(head) {
                    q.value = Some(-value);
                    let sign = head[m.start()..].trim_start_matches(['(', ' ', '\t', '\n']);
                    q.start = n.start - sign.len();
                }
            }
        }
        match (prefix, unit) {
            (Some(p), _) => {
                let plain = Unit {
                    unit: p.code,
                    name: p.name,
                    kind: QuantityKind::Money,
                };
                let written = text.get(p.start..n.start).unwrap_or_default();
                let u = self.resolve_currency(text, n.start, written, plain);
                q.unit = u.unit.into();
                q.unit_name = u.name.into();
                q.kind = QuantityKind::Money;
                // "$5 million dollars": swallow the redundant unit word.
                if let Some((len, _)) = money_unit {
                    q.end += len;
                }
            }
            (None, Some((len, u))) => {
                let written = text.get(q.end..q.end + len).unwrap_or_default();
                let u = self.resolve_currency(text, n.start, written, u);
                q.unit = u.unit.into();
                q.unit_name = u.name.into();
                q.kind = u.kind;
                q.end += len;
            }
            (None, None) if share.is_some() => {
                q.unit = "%".into();
                q.unit_name = share.take().unwrap_or_default();
                q.kind = QuantityKind::Percent;
            }
            (None, None) if tail.raw_unit.is_some() => {
                let letters = tail.raw_unit.unwrap_or_default();
                q.unit = letters.into();
                q.unit_name = letters.to_lowercase();
                q.kind = QuantityKind::Measure;
                q.end += letters.len();
            }
            (None, None) => {
                if let Some(done) = self.classify_bare(text, n, value, vague, &mut q, found)? {
                    return Ok(done);
                }
            }
        }
        // "All figures in billions of dollars.", "Profit is given in millions of guilders.",
        // "(Group) (in billions of yen unless specified)": "in" a vague magnitude of a unit, in a
        // note on figures (`unit_note` rows) or a bracket, ending its clause, names the unit of a
        // table. ("Losses are in billions of dollars." is an amount.)
        if vague && q.kind != QuantityKind::Count {
            let head = tail_slice(text, q.start, 80);
            let rest = head_slice(text, q.end, 16).trim_start_matches([' ', '\t']);
            let ends = rest.is_empty()
                || rest.starts_with(['.', ';', ':', ')', '\n', ','])
                || starts_with_ignore_ascii_case(rest, "unless")
                || starts_with_ignore_ascii_case(rest, "except");
            let lower = head.to_lowercase();
            let noted = lower.ends_with("(in ")
                || lower.ends_with(" in ")
                    && (self.unit_note.is_match(&lower) || opens_line(&head[..head.len() - 3]));
            if ends && noted {
                return Err(NotAQuantity);
            }
        }
        self.direction(text, n, vague, &mut q);
        Ok(Reading::Quantity(q))
    }

    /// Pass "reject names": a number that is part of a name, a code, a span of years or a masked
    /// date or time is no quantity.
    fn reject_name(
        &self,
        text: &str,
        n: Scanned,
        masked: &[(usize, usize)],
    ) -> Result<(), NotAQuantity> {
        let Scanned {
            start,
            end,
            surface,
            is_digits,
        } = n;
        let name = |yes: bool| if yes { Err(NotAQuantity) } else { Ok(()) };
        // "the par five second hole", "a par-72 course": a hole's or course's par is a score,
        // whatever unit seems to follow it.
        name(self.score_word_lead.is_match(tail_slice(text, start, 12)))?;
        // "5-all", "thirty-all": a tied game's score.
        name(
            text[end..]
                .strip_prefix("-all")
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric)),
        )?;
        if is_digits {
            let before = text[..start].chars().next_back();
            // Part of a token like "G20", "A380", "COVID-19": not a quantity, unless the letters
            // are a currency code ("USD115").
            let glued_code = || {
                let head = tail_slice(text, start, 12);
                before.is_some_and(|c| c.is_ascii_uppercase()) && self.currencies.is_match(head)
                    || self.rand_before(text, n).is_some()
            };
            // "is hitting.307", "a.367 hitter": tokenized text lost the space before a decimal
            // point. (Not "no.2", a number's name, nor a price table's "up.02", "dn.10".)
            let lost_space = || {
                let word = text[..start]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default();
                surface.starts_with('.')
                    && (3..=4).contains(&surface.len())
                    && (word == "a" || word.len() > 2 && word.chars().all(char::is_lowercase))
                    && !words::for_language("en").table_words.contains(word)
            };
            name(
                before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && !glued_code()
                    && !lost_space(),
            )?;
            // "a .22 rifle", "his .357 Magnum": a calibre names the gun.
            name(
                surface.starts_with('.')
                    && words::for_language("en")
                        .calibre_nouns
                        .contains(word_after(&text[end..]).to_lowercase().as_str()),
            )?;
            // "F-35", "MiG-19": a number hyphenated to a code-like word (one with a capital) is a
            // name; "minus-40", "sub-5", "mid-30s" are ordinary words that qualify the number.
            name(text[..start].ends_with('-') && hyphen_code(&text[..start - 1]))?;
            // "an under-21 match", "the U-17 team": an age group names a team (in a headline's
            // capitals too: "ENGLAND BEAT MOLDOVA IN UNDER-21 QUALIFIER", "the Under-21 squad").
            let lead = tail_slice(text, start, 8).to_lowercase();
            name(
                (lead.ends_with("under-") || lead.ends_with(" u-") || lead.ends_with("over-"))
                    && text[end..].starts_with(' ')
                    && text[end..].trim_start().starts_with(char::is_alphabetic),
            )?;
            // "(1870-1831 BC)", "in AD 410": an era's mark makes a year of the number, and of
            // the span's first end.
            // ("300 BC residents", "1,000 BCE shares", "12 AD supporters": British Columbia, a
            // company, a party; a year has no thousands comma, and no noun follows its mark.)
            let era_mark = self.era_after.find(&text[end..]).is_some_and(|m| {
                let next = text[end + m.end()..]
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                !surface.contains(',') && stop_or_none(&next)
            });
            name(era_mark || self.era_before.is_match(tail_slice(text, start, 8)))?;
            // "the 1997-98 budget", "the 1992-95 war": the end of a span of years.
            // ("1200-1300 km", "1500-1600 members": a unit or a plural after it makes a range.)
            // ("the 1941-1945 years of war", "1800-1900 hours": a span of time stays years.)
            let measured = || {
                let after = &text[end..];
                match self.units.longest(after, |e| word_ends(after, e)) {
                    Some((_, i)) => lexicon::UNITS[i].3 != QuantityKind::Duration,
                    None => next_word_plural(after),
                }
            };
            name(
                (surface.len() == 2 && year_span_before(&text[..start]))
                    || (surface.len() == 4
                        && year_to_year(&text[..start], surface.parse().unwrap_or(0.0))
                        && !measured()),
            )?;
            // "highway 35", "exit 436", "Flight 370": the number names something; so do house
            // numbers ("123 Random Street") and ZIP codes ("PA 23456").
            // ("said to number 6,000", "could number 200": the verb counts.)
            let counting_verb = || {
                let head = tail_slice(text, start, 24).trim_end().to_lowercase();
                // ("said by police to number 6,000"; "climbed to number 3" is a rank.)
                head.strip_suffix("number").is_some_and(|h| {
                    let h = h.trim_end();
                    ["could", "would", "may", "might", "will", "now"].contains(&last_word(h))
                        || last_word(h) == "to"
                            && has_word(
                                tail_slice(text, start, 48),
                                &[
                                    "said",
                                    "believed",
                                    "thought",
                                    "estimated",
                                    "expected",
                                    "reported",
                                ],
                            )
                })
            };
            name(
                (self.label_noun.is_match(tail_slice(text, start, 16))
                    || self.product_label.is_match(tail_slice(text, start, 16)))
                    && !counting_verb()
                    || self.street.is_match(&text[end..])
                    || (surface.len() == 5 && self.zip_state.is_match(tail_slice(text, start, 4))),
            )?;
            name(in_mask(masked, start, end))?;
            // "No 003", "box 0042": a number padded with a leading zero is a code. (The second
            // half of a pair, "107-06", is left to the rules for pairs.)
            let pair_end = text[..start]
                .strip_suffix('-')
                .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
            name(
                surface.len() > 1
                    && surface.starts_with('0')
                    && surface[1..].starts_with(|c: char| c.is_ascii_digit())
                    && !pair_end,
            )?;
            // "a 6-under 65", "finished 10-under-par": a golf score; "7-6(4)": a tiebreak's.
            let after_num = &text[end..];
            let golf = after_num.strip_prefix("-under").is_some_and(|r| {
                r.starts_with(['-', ',', '.', ';'])
                    || r.strip_prefix(' ').is_some_and(|r| {
                        r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with("par")
                    })
            });
            let tiebreak = text[..start].strip_suffix('(').is_some_and(|h| {
                h.ends_with(|c: char| c.is_ascii_digit())
                    && h.trim_end_matches(|c: char| c.is_ascii_digit())
                        .ends_with('-')
            }) && after_num.starts_with(')');
            name(golf || tiebreak)?;
            // "38 737 MAX jets", "two 747s": a three- or four-digit number right after a count, and
            // before a capitalised word or a plural "s", is the model counted.
            // After digits only a word in capitals or a glued "s" will do: "12 500 Syrians" and
            // "March 3 200 Marines" group or follow other digits.
            let glued_s = after_num.starts_with("s ") || after_num.starts_with("s,");
            let next_word = word_after(after_num);
            let capitals = next_word.len() >= 2 && next_word.chars().all(|c| c.is_uppercase());
            let model_after = glued_s || next_word.starts_with(char::is_uppercase);
            let count_before = || {
                text[..start].strip_suffix(' ').is_some_and(|h| {
                    let w = h
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    (1..=3).contains(&w.len())
                        && w.bytes().all(|b| b.is_ascii_digit())
                        && (capitals || glued_s)
                        || number_word(w)
                })
            };
            // ("45 of its 737 MAX jets": a count picked from the set of the model's planes; a
            // word in capitals of three letters or more, "10 of the 100 US senators" counts.)
            let picked_before = || {
                (capitals && next_word.len() >= 3 || glued_s)
                    && self.picked_from.is_match(tail_slice(text, start, 32))
            };
            // ("two 500 KV lines": a unit after it keeps the measure.)
            let unit_next = || {
                self.units
                    .longest(after_num, |e| word_ends(after_num, e))
                    .is_some()
            };
            name(
                (3..=4).contains(&surface.len())
                    && model_after
                    && (count_before() || picked_before())
                    && sentence_around(text, start).contains(char::is_lowercase)
                    && !unit_next(),
            )?;
            // "171 737 MAX 9 jets": one or two digits after a model's name in capitals, itself
            // after the model's number, name its variant.
            let variant = || {
                let mut back = text[..start]
                    .strip_suffix(' ')
                    .unwrap_or("")
                    .rsplitn(4, ' ');
                let (Some(name), Some(model), Some(count)) =
                    (back.next(), back.next(), back.next())
                else {
                    return false;
                };
                // (The model's number after a count, as it is read as a model at all: "The 300
                // GOP 12 delegates" names no model.)
                let counted = !count.is_empty()
                    && count.bytes().all(|b| b.is_ascii_digit() || b == b',')
                    || number_word(count);
                // (Not in a line in capitals: "ENGLAND 326 AND 74-0" is a score.)
                name.len() >= 3
                    && name.chars().all(|c| c.is_ascii_uppercase())
                    && !words::for_language("en")
                        .stop
                        .contains(name.to_lowercase().as_str())
                    && (3..=4).contains(&model.len())
                    && model.bytes().all(|b| b.is_ascii_digit())
                    && counted
                    && sentence_around(text, start).contains(char::is_lowercase)
            };
            name(surface.len() <= 2 && surface.bytes().all(|b| b.is_ascii_digit()) && variant())?;
            // "his 2,282nd game": the scanner stopped inside a grouped number glued to letters
            // (an ordinal); its head is no amount.
            let rest = text[end..].strip_prefix([',', '.']).unwrap_or("");
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            name(digits > 0 && rest[digits..].starts_with(|c: char| c.is_ascii_alphabetic()))?;

            // "1. Salah Hissou (Morocco)", "4. Net profit rose": a number that opens its line
            // before a full stop and a capital numbers a list or a place in a result.
            // (Only the blanks before it are read: scanning back to the line start for every
            // number was quadratic on long one-line texts.)
            let lead = text[..start].trim_end_matches([' ', '\t']);
            let at_line_start = opens_line(lead);
            // A wrapped line ("had risen to\n45. Rescue workers …") goes on a sentence: the line
            // before a list item closes its own, or is an item itself.
            let prev_closed = || {
                let prev = lead.trim_end();
                let near = tail_slice(prev, prev.len(), 200);
                let prev_line = last_line(near).trim_start();
                let digits = prev_line.len()
                    - prev_line
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                prev.is_empty()
                    || prev.ends_with(['.', ':', ';', '!', '?', ')', '"'])
                    || (1..=3).contains(&digits) && prev_line[digits..].starts_with(". ")
            };
            name(
                at_line_start
                    && prev_closed()
                    && surface.len() <= 3
                    && text[end..]
                        .strip_prefix(". ")
                        .is_some_and(|r| r.starts_with(char::is_uppercase)),
            )?;
        }
        // "7-Eleven", "10-K", "4-H": digits hyphenated to a capitalised word make a name, in a
        // sentence that is not all capitals (where "UP 3-PCT" is still an amount).
        let hyphen_capital = |a: &str, b: &str| {
            a.ends_with(|c: char| c.is_ascii_digit())
                && b.starts_with(|c: char| c.is_uppercase())
                && sentence_around(text, start).contains(char::is_lowercase)
        };
        if let Some(next) = text[end..].strip_prefix('-') {
            name(is_digits && hyphen_capital(surface, next))?;
        }
        if let Some(prev) = text[..start].strip_suffix('-') {
            name(!is_digits && hyphen_capital(prev, surface))?;
        }
        // "the index at one point stood at 24": an idiom of time.
        // ("put Labour's lead at one point" measures the lead: `at_one_level` rows.)
        let at_one = || {
            let level = || {
                tail_slice(text, start, 40)
                    .split_whitespace()
                    .rev()
                    .nth(1)
                    .is_some_and(|w| {
                        words::for_language("en").at_one_levels.contains(
                            w.trim_matches(|c: char| !c.is_alphabetic())
                                .to_lowercase()
                                .as_str(),
                        )
                    })
            };
            surface.eq_ignore_ascii_case("one")
                && {
                    let head = tail_slice(text, start, 4).to_lowercase();
                    head.ends_with(" at ") || head == "at "
                }
                && text[end..].strip_prefix(' ').is_some_and(|r| {
                    let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                    words::for_language("en").at_one_idioms.contains(w)
                })
                && !level()
        };
        name(!is_digits && at_one())?;
        // "phase two", "session one": a number word naming a part, like "Flight 370" in digits.
        name(!is_digits && self.label_noun.is_match(tail_slice(text, start, 16)))?;
        // "the Ten Commandments", "the Five Nations": a number word written with a capital
        // inside a sentence of running lower-case words, before a capitalised word, is part of
        // a name. (A headline in title case, "Gunmen Kill Two In Algeria", capitalises them all.)
        let capital_in_prose = || {
            let en_stop = &words::for_language("en").stop;
            // ("Police said Three Britons…": after a verb or a comma it opens a quote.)
            let inside = || {
                [
                    "the", "in", "of", "at", "on", "for", "to", "from", "with", "by",
                ]
                .contains(
                    &last_word(text[..start].trim_end_matches([' ', '\t']))
                        .to_lowercase()
                        .as_str(),
                )
            };
            let next = text[end..].strip_prefix(' ').unwrap_or("");
            // "the so-called Magnificent Seven": or it ends a name begun by a capitalised word
            // inside the sentence.
            let ends_name = || {
                let head = text[..start].strip_suffix(' ').unwrap_or("");
                let prev = last_word(head);
                let before_prev = head[..head.len() - prev.len()].trim_end_matches(' ');
                prev.starts_with(char::is_uppercase)
                    && prev.contains(char::is_lowercase)
                    && before_prev
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_lowercase))
            };
            surface.starts_with(char::is_uppercase)
                && surface.contains(char::is_lowercase)
                && ((next.starts_with(char::is_uppercase) && inside() || ends_name())
                    && running_lower_case(sentence_around(text, start))
                    // ("In World War Two the", "Japan's Big Three automakers": after a name's
                    // capitalised word inside a sentence; two lower-case content words of four
                    // letters or more tell prose from a headline in title case, which writes
                    // only its short function words in lower case.)
                    || self.name_word_before(text, start)
                        && sentence_around(text, start)
                            .split_whitespace()
                            .filter(|w| {
                                w.len() >= 4
                                    && w.chars().all(|c| c.is_ascii_lowercase())
                                    && !en_stop.contains(w)
                            })
                            .count()
                            >= 2)
        };
        name(!is_digits && capital_in_prose())?;
        // "a \"2\" rating from its previous \"1\"": a number alone in quotation marks is a label (and
        // its closing mark no inch sign).
        let quotes = ['"', '“', '”'];
        name(text[..start].ends_with(quotes) && text[end..].starts_with(quotes))
    }

    /// A minus sign directly before the digits, itself not inside a word or a range: where the
    /// signed number starts.
    fn minus_sign(&self, text: &str, n: Scanned) -> Option<usize> {
        if !n.is_digits {
            return None;
        }
        let before: String = text[..n.start].chars().rev().take(2).collect();
        let mut b = before.chars();
        // "75 -300mm" is a range: a digit before the dash (spaces aside) makes it one.
        // So does a percent sign glued before it ("the 4.25%-4.50% range").
        let range_dash = text[..n.start]
            .trim_end_matches(['-', '−'])
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '%');
        (matches!(b.next(), Some('-') | Some('−'))
            && !b.next().is_some_and(|c| c.is_alphanumeric())
            && !range_dash)
            .then(|| {
                text[..n.start]
                    .char_indices()
                    .next_back()
                    .map_or(n.start, |(i, _)| i)
            })
    }

    /// Pass "currency before": "$", "HK$", "RM", "MAUD" (millions of Australian dollars).
    fn currency_before(&self, text: &str, start: usize) -> Option<Prefix> {
        let head = tail_slice(text, start, 12);
        let mut from = 0;
        loop {
            let m = self
                .currencies
                .find(regex_automata::Input::new(head).range(from..))?;
            let (_, code, name) = lexicon::CURRENCY_PREFIXES[m.pattern().as_usize()];
            let mut p = Prefix {
                start: start - (head.len() - m.start()),
                code,
                name,
                scale: 1.0,
            };
            let lead = &head[..m.start()];
            let glued = lead.ends_with(|c: char| c.is_alphanumeric());
            // "MAUD 60", "MSEK 12": millions of that currency.
            if lead.ends_with('M')
                && !lead[..lead.len() - 1].ends_with(|c: char| c.is_alphanumeric())
            {
                p.scale = 1e6;
                p.start -= 1;
            } else if glued && head[m.start()..].starts_with(|c: char| c.is_alphabetic()) {
                // "versus $2.78": a code's letters ending another word are no code; the symbol
                // after them still is.
                from = m.start() + 1;
                continue;
            }
            return Some(p);
        }
    }

    /// "R4.2 million", "R1.5bn": a lone "R" glued before an amount is the rand only when a scale
    /// word follows (an "R2" alone is a name: a road, a robot, a round).
    fn rand_before(&self, text: &str, n: Scanned) -> Option<Prefix> {
        let lead = text[..n.start].strip_suffix('R')?;
        let after = &text[n.end..];
        let scaled = self
            .scales
            .longest(after, |e| word_ends(after, e))
            .is_some_and(|(_, i)| lexicon::SCALES[i].1 >= 1e6);
        let (_, code, name) = lexicon::CURRENCY_PREFIXES
            .iter()
            .find(|(_, code, _)| *code == "ZAR")?;
        (n.is_digits && scaled && !lead.ends_with(|c: char| c.is_alphanumeric() || c == '-')).then(
            || Prefix {
                start: n.start - 1,
                code,
                name,
                scale: 1.0,
            },
        )
    }

    /// Pass "scale after": "million", "bn", "half a", "nine tenths of a", "millones de". The
    /// tail's unit is left for [`Self::unit_after`].
    fn scale_after<'t>(
        &self,
        text: &'t str,
        n: Scanned,
        value: f64,
        has_currency: bool,
    ) -> Tail<'t> {
        let mut end = n.end;
        let mut rest = &text[end..];
        // "half a mile", "half an hour", "half a million": an article between a fraction in
        // words and its scale or unit.
        // "a quarter of a century", "two thirds of a mile", "23/32 of a point": so may "of" and
        // an article.
        if (!n.is_digits || n.surface.contains('/')) && value < 1.0 {
            let article = ["a ", "an "]
                .iter()
                .find_map(|a| {
                    let r = rest.strip_prefix(' ')?;
                    r.get(..a.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(a))
                        .then(|| &r[a.len()..])
                })
                .or_else(|| self.of_a.find(rest).map(|m| &rest[m.end()..]));
            if let Some(r) = article {
                let measured = self.scales.longest(r, |e| word_ends(r, e)).is_some()
                    || self.units.longest(r, |e| word_ends(r, e)).is_some();
                if measured {
                    end += rest.len() - r.len() - 1;
                    rest = &rest[rest.len() - r.len() - 1..];
                }
            }
        }
        let mut scale = 1.0;
        if let Some((len, i)) = self.scales.longest(rest, |e| word_ends(rest, e)) {
            let f = lexicon::SCALES[i].1;
            let word = rest[..len].trim().trim_start_matches('-').trim();
            // A lone "m"/"b"/"k" is a scale next to money ("$5m", "1.8M dollars") or before a
            // counted noun ("2.7m jobs"); otherwise "5m" is five metres.
            let single = word.len() == 1;
            let after = &rest[len..];
            let money_follows = || {
                self.units
                    .longest(after, |e| word_ends(after, e))
                    .is_some_and(|(_, i)| lexicon::UNITS[i].3 == QuantityKind::Money)
            };
            // ("600m smartphone users": a few modifiers may come first; "the 400m hurdles" is
            // a race.)
            // (Not after a determiner: "the 100m breaststroke swimmers", "both 10,000m race
            // favourites" name an event's people.)
            // (Nor after a possessive or a count: "Women's 400m individual medley finals",
            // "two 3m springboard titles".)
            // ("the best 400m runners", "the world's fastest 100m sprinters": a superlative
            // ranks the event's people.)
            let superlative_before = || {
                let lead = last_word(tail_slice(text, n.start, 16).trim_end()).to_lowercase();
                word == "m" && rest.starts_with('m') && positive_degree(&lead) != lead
            };
            let determiner_before = || {
                let lead = last_word(tail_slice(text, n.start, 16).trim_end()).to_lowercase();
                words::for_language("en")
                    .event_determiners
                    .contains(lead.as_str())
                    || lead.ends_with("'s")
                    || lead.ends_with("’s")
                    // (A superlative, as `superlative_before`: this is asked of a glued "m".)
                    || positive_degree(&lead) != lead
                    || number_word(&lead)
                    || lead.starts_with(|c: char| c.is_ascii_digit())
            };
            let plural_follows = || {
                word == "m"
                    && rest.starts_with('m')
                    && after.starts_with(char::is_whitespace)
                    && plural_after_modifiers(after)
                    && !determiner_before()
                    || after.starts_with(char::is_whitespace)
                        && next_word_plural(after)
                        && !distance_event(after)
                        && !superlative_before()
            };
            // "3m square feet", "2m bpd": a unit after a glued "m" leaves it no metres to be.
            // (Not a span of time, "ran 100m in 10.9 seconds" or a stop word: "100m in".)
            let unit_follows = || {
                word == "m"
                    && rest.starts_with('m')
                    && after.starts_with(char::is_whitespace)
                    && self
                        .units
                        .longest(after, |e| word_ends(after, e))
                        .is_some_and(|(len, i)| {
                            let surface = after[..len].trim().to_lowercase();
                            lexicon::UNITS[i].3 != QuantityKind::Duration
                                && surface.len() > 1
                                && !words::for_language("en").stop.contains(surface.as_str())
                        })
            };
            // "raised 25k": a lower-case k glued to digits is a thousand (a kelvin is "K").
            let glued_k = word == "k" && rest.starts_with('k');
            // "connected 18m homes … aims to reach 25m by 2026": a glued "m" after one its
            // sentence has used for millions is millions too, when no noun follows it ("the 25m
            // tower" is tall).
            // (Only as a level reached: "the lake rose 2m in a week", "is 500m from the
            // station" stay metres.)
            let millions_before = || {
                word == "m"
                    && rest.starts_with('m')
                    && stop_or_none(&word_after(after).to_lowercase())
                    && words::for_language("en").reach_words.contains(
                        last_word(tail_slice(text, n.start, 16).trim_end())
                            .to_lowercase()
                            .as_str(),
                    )
                    && self
                        .glued_millions
                        .is_match(sentence_tail(tail_slice(text, n.start, 200)))
            };
            if !single
                || has_currency
                || money_follows()
                || plural_follows()
                || unit_follows()
                || glued_k
                || millions_before()
            {
                scale = f;
                rest = &rest[len..];
                end += len;
                // "nine tenths of a second": a part of one unit.
                if f < 1.0 {
                    if let Some(m) = self.of_a.find(rest) {
                        rest = &rest[m.end()..];
                        end += m.end();
                    }
                }
            }
        }
        // "108.662 millones de euros", "2 milliards d'euros": a scale word joined to its
        // currency by "de"; the count of euros is an amount of money.
        if scale > 1.0 && !has_currency {
            let trimmed = rest.trim_start();
            if let Some(after) = self
                .scale_links
                .iter()
                .find_map(|link| trimmed.strip_prefix(link.as_str()))
            {
                let money = self
                    .units
                    .longest(after, |e| word_ends(after, e))
                    .is_some_and(|(_, i)| lexicon::UNITS[i].3 == QuantityKind::Money);
                if money {
                    end += rest.len() - after.len();
                }
            }
        }
        Tail {
            end,
            rest: &text[end..],
            scale,
            unit: None,
            raw_unit: None,
            decade: false,
        }
    }

    /// Pass "unit after": the unit written after the number and its scale, as (length in the
    /// tail, unit). Scale letters glued to a currency code ("30 MUSD") and a scale after the
    /// currency ("75 USD million") set the tail's scale.
    fn unit_after(
        &self,
        text: &str,
        n: Scanned,
        value: f64,
        has_currency: bool,
        tail: &mut Tail,
    ) -> Option<(usize, Unit)> {
        let rest = tail.rest;
        // "30 MUSD", "120 MEUR", "500 kSEK": a scale letter glued to a currency code.
        let mut unit = None;
        if let Some(c) = self.scaled_code.captures(rest) {
            let code = c.get(2).map_or("", |m| m.as_str());
            if let Some(u) = self.whole_unit(code) {
                if tail.scale == 1.0 {
                    tail.scale = if c[1].eq_ignore_ascii_case("m") {
                        1e6
                    } else {
                        1e3
                    };
                    unit = Some((c[0].len(), u));
                }
            }
        }
        // A currency glued to the next number ("HK$2 billion (US$255 million)") is that number's
        // prefix, not this one's unit.
        let mut unit = unit.or_else(|| {
            self.units
                .longest(rest, |e| {
                    word_ends(rest, e) && !rest[e..].starts_with(|c: char| c.is_ascii_digit())
                })
                .map(|(len, i)| (len, Unit::from(&lexicon::UNITS[i])))
        });
        // "20 (kg)": a unit in brackets closes them; "Kent 128-1 (M. Walker 59" opens a
        // bracketed name, not "m" of metre.
        if unit.is_some_and(|(len, _)| {
            rest[..len].contains(['(', '[', '{', '<'])
                && !rest[len..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with([')', ']', '}', '>'])
        }) {
            unit = None;
        }
        // "179.5p" is pence; "5 p" and "3 p.m." are not.
        if unit.is_some_and(|(len, u)| {
            u.unit == "GBP_penny"
                && rest[..len].trim().eq_ignore_ascii_case("p")
                && (len > 1 || rest[len..].starts_with(".m"))
        }) {
            unit = None;
        }
        // "140 Mark Roe (England) 69": a unit that is also a given name (`given_name_unit`
        // rows), capitalised before a capitalised surname and its bracket, starts a name in a
        // results row. ("2 Billion Rand In Bond Sale", German "50 Mark Strafe" keep the unit.)
        if unit.is_some_and(|(len, _)| {
            let word = rest[..len].trim();
            let next = rest[len..].trim_start_matches([' ', '\t']);
            // ("O'Meara": an apostrophe may stand inside a surname.)
            let surname = next
                .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
                .next()
                .unwrap_or_default();
            word.starts_with(char::is_uppercase)
                && word.chars().skip(1).all(char::is_lowercase)
                && words::for_language("en")
                    .given_name_units
                    .contains(word.to_lowercase().as_str())
                && surname.starts_with(char::is_uppercase)
                && surname.chars().skip(1).any(char::is_lowercase)
                // ("+5 Mark O'Meara through 15", "67 Mark Calcavecchia, Payne Stewart", "4 -
                // Pascal Renier,": a leaderboard or a team sheet goes on after the name.)
                && {
                    let after = &next[surname.len()..];
                    after.starts_with(" (")
                        || after.starts_with([',', ';', '\n'])
                        || after.starts_with(" through ")
                        || after.is_empty()
                }
        }) {
            unit = None;
        }
        // "climbed to the 1,000 mark for the first time", "the key .500 mark": after "the" (and
        // a word), a singular "mark" that ends the phrase is a threshold, not German money
        // ("1,000 marks", "the 500 mark note" are); so is one after money ("the $2,000 mark").
        if unit.is_some_and(|(len, _)| {
            let head = tail_slice(text, n.start, 24).trim_end().to_lowercase();
            let the = head.split_whitespace().rev().take(2).any(|w| w == "the");
            rest[..len].trim() == "mark"
                && stop_or_none(&word_after(&rest[len..]).to_lowercase())
                && (the || has_currency)
        }) {
            unit = None;
        }
        // French "1 an" is a year, but "387.60 an ounce", "half an hour" hold the English
        // article: "an" before a word is no unit.
        if unit.is_some_and(|(len, _)| {
            rest[..len].trim().eq_ignore_ascii_case("an")
                && rest[len..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(char::is_alphabetic)
        }) {
            unit = None;
        }
        // Four digits of a year, unscaled: what a unit after it may date rather than measure.
        let year_shaped = n.is_digits
            && tail.scale == 1.0
            && n.surface.len() == 4
            && (1800.0..=2100.0).contains(&value);
        // "its fiscal 1997 year forecast": a year's number before the word "year" names the
        // year ("a 1997-year-old" or "1000 years" stay amounts).
        if unit.is_some_and(|(len, u)| {
            u.unit == "year"
                && year_shaped
                && rest[..len].trim().eq_ignore_ascii_case("year")
                && !rest[len..].starts_with('-')
        }) {
            unit = None;
        }
        // "an end-1998 rand of 5.10", "a mid-1999 lira": money at a time of a year names the
        // year ("paid 1995 dollars" stays an amount).
        if unit.is_some_and(|(_, u)| {
            u.kind == QuantityKind::Money
                && year_shaped
                && self
                    .money_year_before
                    .is_match(tail_slice(text, n.start, 12))
        }) {
            unit = None;
        }
        // "5G", "3D": one capital letter glued to a number whose symbol is lower case ("5g" of
        // gram) names a product, not a unit.
        if unit.is_some_and(|(len, u)| {
            len == 1
                && rest.starts_with(|c: char| c.is_ascii_uppercase())
                && u.unit.chars().all(|c| c.is_lowercase())
        }) {
            unit = None;
        }
        // "10 \" long", "12 ft 2 in": inches written as a mark, or as "in" after feet.
        if unit.is_none() && tail.scale == 1.0 && n.is_digits {
            let after_feet = self.feet_before.is_match(tail_slice(text, n.start, 12));
            let mark = self.inch_mark.find(rest).map(|m| m.end());
            let word_in = after_feet
                .then(|| self.inch_word.find(rest).map(|m| m.end()))
                .flatten();
            if let Some(len) = mark.or(word_in) {
                unit = Some((len, Unit::INCH));
            }
        }
        // "100 mb" is megabits, "100 MB" megabytes: the case of the b says which.
        if let Some((len, u)) = &mut unit {
            if matches!(u.unit, "MB" | "GB" | "TB") && rest[..*len].trim_end().ends_with('b') {
                *u = match u.unit {
                    "MB" => Unit::MEGABIT,
                    "GB" => Unit::GIGABIT,
                    _ => Unit::TERABIT,
                };
            }
        }
        if let Some((len, u)) = &mut unit {
            // "75 USD million": the scale after the currency.
            if u.kind == QuantityKind::Money && tail.scale == 1.0 {
                let after = &rest[*len..];
                if let Some((slen, i)) = self.scales.longest(after, |e| word_ends(after, e)) {
                    if after[..slen].trim().len() > 1 {
                        tail.scale = lexicon::SCALES[i].1;
                        *len += slen;
                    }
                }
            }
            let after = &rest[*len..];
            // "361 million pounds" is money; "300 pounds" of weight stays a mass.
            // So is "5,060 pounds ($7,845)": an amount converted into another currency.
            // ("2m lb of cotton": the abbreviation is written for weights only.)
            let written_pounds = rest[..*len]
                .trim_start()
                .to_lowercase()
                .starts_with("pound");
            // "fined 500 pounds", "tickets cost 35 pounds": a money word shortly before, with no
            // weight word near and no "of" after ("paid for 500 pounds of beef" is a weight).
            let head = tail_slice(text, n.start, 60);
            // (A weight word counts between the money word and the number only: "the lorry
            // driver was fined 1,000 pounds" is money.)
            let priced = || {
                self.pound_money_before
                    .find(head)
                    .is_some_and(|m| !self.pound_weight_near.is_match(&head[m.start()..]))
                    && !starts_with_ignore_ascii_case(after.trim_start(), "of ")
                    && !after.trim_start().starts_with('(')
            };
            if u.unit == "lb"
                && written_pounds
                && (tail.scale >= 1e6 || has_currency || self.converted.is_match(after) || priced())
            {
                *u = Unit::GBP;
            }
            // "the 20-month-old conflict", "a 30-year-old dispute": the age of an event is how
            // long it has run, a span (`old_event` rows), not a person's age.
            if let Some(span) = u.unit.strip_suffix("_of_age") {
                let en = words::for_language("en");
                // The event word must end the phrase: "a 40-year-old civil servant", "a 25-year-old
                // war veteran" are people ("civil war" is one event, two listed words).
                let mut ws = after.split_whitespace();
                let mut event = false;
                while let Some(w) = ws.next() {
                    let bare = w.trim_end_matches(AFTER_WORD).to_lowercase();
                    if !en.old_events.contains(lexicon::singular(&bare).as_str()) {
                        break;
                    }
                    let ends = bare.len() != w.len()
                        || ws.clone().next().is_none_or(|n| {
                            let n = n.trim_end_matches(AFTER_WORD).to_lowercase();
                            stop_or_none(&n)
                        });
                    if ends {
                        event = true;
                        break;
                    }
                }
                if event {
                    if let Some(plain) = self.whole_unit(span) {
                        *u = plain;
                    }
                }
            }
            // "three times" is a count of occurrences unless a comparison follows
            // ("four times greater", "three times as many").
            if u.unit == "times" && !self.comparison.is_match(after) {
                *u = Unit::TIMES;
            }
        }
        unit
    }

    /// Pass "glued letters": a number glued to letters that are neither unit nor scale.
    /// Ordinals ("1st") and one-letter product names ("5G", "3D") are not amounts; a decade
    /// ("the early 20s") spans ten years, or is an age ("in their 40s"); any other letters are a
    /// unit the lexicon does not know ("12kW", "60Hz"), kept as written so the number is never
    /// lost.
    fn glued_letters<'t>(
        &self,
        text: &str,
        n: Scanned,
        value: f64,
        tail: &mut Tail<'t>,
    ) -> Result<(), NotAQuantity> {
        let rest = tail.rest;
        // "in his late 20's": an age's decade written with an apostrophe (years' decades, "the
        // 1970's", are four digits and stay out).
        let decade_value = value % 10.0 == 0.0 && (10.0..100.0).contains(&value);
        if n.is_digits && tail.unit.is_none() && tail.scale == 1.0 && decade_value {
            let apostrophe = ["'s", "’s"].into_iter().find(|a| {
                rest.strip_prefix(a)
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            });
            if let Some(a) = apostrophe {
                if self
                    .possessive_decade
                    .is_match(tail_slice(text, n.start, 24))
                {
                    tail.decade = true;
                    tail.unit = Some((a.len(), Unit::YEAR_OF_AGE));
                    return Ok(());
                }
            }
        }
        if !(n.is_digits
            && tail.unit.is_none()
            && tail.scale == 1.0
            && rest.starts_with(|c: char| c.is_alphabetic()))
        {
            return Ok(());
        }
        let letters: &'t str = &rest[..rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len())];
        // "the 60s" may be the 1960s, and is left out later like any number after "the".
        tail.decade = letters == "s" && decade_value;
        // "in their 40s", "a man in his 30s": an age, the convention says.
        if tail.decade && self.their_decade.is_match(tail_slice(text, n.start, 24)) {
            tail.unit = Some((1, Unit::YEAR_OF_AGE));
        } else if tail.decade {
            tail.end += 1;
        }
        let ordinal = tail.unit.is_none()
            && !tail.decade
            && ["st", "nd", "rd", "th", "s", "ths", "nds", "rds"]
                .iter()
                .any(|o| letters.eq_ignore_ascii_case(o));
        let one_capital = letters.len() == 1 && letters.starts_with(|c: char| c.is_uppercase());
        if tail.unit.is_some() || tail.decade {
            // An age or a decade found above.
        } else if ordinal
            || one_capital
            || letters.contains(|c: char| c.is_ascii_digit())
            || n.surface.contains(',')
        {
            return Err(NotAQuantity);
        } else {
            tail.raw_unit = Some(letters);
        }
        Ok(())
    }

    /// "Temperatures hit 41C", "a high of 35 C", "41C (106F)": a lone capital C or F after a
    /// number, glued or after one space, is degrees where a word near it talks of temperature
    /// (`temperature_cue` rows); elsewhere it names something ("section 4C") and the number goes.
    fn lone_temperature(&self, text: &str, n: Scanned, value: f64, tail: &mut Tail) {
        if !n.is_digits || tail.unit.is_some() || tail.scale != 1.0 {
            return;
        }
        let rest = tail.rest;
        let gap = usize::from(rest.starts_with(' '));
        let (unit, after) = match rest.get(gap..gap + 1) {
            Some("C") => (Unit::CELSIUS, &rest[gap + 1..]),
            Some("F") => (Unit::FAHRENHEIT, &rest[gap + 1..]),
            _ => return,
        };
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
            return;
        }
        let before = tail_slice(text, n.start, 60);
        let before = before.rsplit('\n').next().unwrap_or(before);
        let ahead = first_line(head_slice(text, n.end, 30));
        // ("-90C": below zero it can only be degrees, down to the coldest weather.) A temperature
        // word admits a furnace or a cryostat ("a heat shield endured 980C", "cooled to minus
        // 271.3C"), never a figure below absolute zero.
        let cue = self.temperature_cue.is_match(before) || self.temperature_cue.is_match(ahead);
        // Past the weather's range the word must lead the figure closely, with no name or code
        // right before it ("heated to 1,200C"; not "Chrysler's 300C sedan", "A330-200F").
        let close = tail_slice(text, n.start, 30);
        let prev = close
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let furnace = self.temperature_cue.is_match(close)
            && !prev.starts_with(char::is_uppercase)
            && !text[..n.start].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/');
        if (-90.0..0.0).contains(&value)
            || cue && (-90.0..=140.0).contains(&value)
            || furnace && (-273.15..=6000.0).contains(&value)
        {
            tail.unit = Some((gap + 1, unit));
        }
    }

    /// "a two-week visit", "a three-run homer", "mother-of-two": a hyphenated modifier written in
    /// words is not an amount; an age is ("a five-year-old"). Measures stay ("a six-mile trip"):
    /// only durations and counted nouns are modifiers.
    fn reject_word_modifier(
        &self,
        text: &str,
        n: Scanned,
        tail: &Tail,
    ) -> Result<(), NotAQuantity> {
        let after_num = &text[n.end..];
        // An age is always an amount, and so is a measure ("a nine-mile hike": the older dev
        // files label it, though CONVENTIONS.md would not). Points modify a noun ("a five-point
        // plan", "a three-point lead") unless they head the phrase ("cut by a half-percentage
        // point in June").
        let kept = tail.unit.is_some_and(|(len, u)| {
            u.unit.ends_with("_of_age")
                || u.kind != QuantityKind::Duration
                    && (u.unit != "point"
                        || tail.rest.get(len..).is_some_and(|r| {
                            // ("cut rates by a half-point." ends its phrase too.)
                            let next = word_after(r).to_lowercase();
                            next.is_empty()
                                || words::for_language("en").stop.contains(next.as_str())
                        }))
        });
        // "three-, five- and 10-year bonds": a suspended hyphen shares the last modifier's noun.
        let suspended = ["-,", "- and ", "- or ", "- to "]
            .iter()
            .any(|s| after_num.starts_with(s));
        // "six-plus innings": a floor on the count, not a modifier.
        let floor = floor_after(after_num);
        let modifier = !n.is_digits
            && !kept
            && !floor
            && (after_num.starts_with("-") && after_num[1..].starts_with(char::is_alphabetic)
                || suspended
                || text[..n.start].ends_with('-')
                    && text[..n.start - 1].ends_with(char::is_alphabetic));
        if modifier {
            Err(NotAQuantity)
        } else {
            Ok(())
        }
    }

    /// "the 125cc world champion", "a 500cc motocross Grand Prix": an engine size before a word of
    /// racing names the class raced in (`engine_class` rows), not a measure ("a 125cc engine" is
    /// one).
    fn reject_engine_class(&self, n: Scanned, tail: &Tail) -> Result<(), NotAQuantity> {
        let Some((len, unit)) = tail.unit else {
            return Ok(());
        };
        let next = word_after(tail.rest.get(len..).unwrap_or("")).to_lowercase();
        if n.is_digits
            && unit.name == "cubic centimetre"
            && words::for_language("en")
                .engine_class
                .contains(next.as_str())
        {
            return Err(NotAQuantity);
        }
        Ok(())
    }

    /// Pass "reject race time": a bare time after a race's cue ("clocked 9.91") or a place
    /// ("second in 10.31") is a result written as a time, not a quantity. A time written with its
    /// units stays ("clocked 26 minutes 38.08 seconds"), as does a match's length.
    fn reject_race_time(&self, text: &str, n: Scanned, tail: &Tail) -> Result<(), NotAQuantity> {
        let before = tail_slice(text, n.start, 80);
        let timed = match tail.unit {
            // A time written with its unit is labelled all the same: CONVENTIONS.md's examples
            // ("in 3:58.2", "second in 10.31") are written as times, and the labelled sets keep
            // "clocked 10.03 seconds" and "clocked two minutes 28.99 seconds" (7 of 8 in prose).
            Some(_) => false,
            // A bare time has seconds below 100 ("a record of 9.84"); "its record of 3,922.1"
            // is an index level.
            None => {
                tail.raw_unit.is_none()
                    && tail.scale == 1.0
                    && n.surface.contains('.')
                    && n.surface.parse::<f64>().is_ok_and(|v| v < 100.0)
            }
        };
        let cue = || {
            // "clocked up 2,000 hours" is a total, not a result.
            self.race_time.find(before).is_some_and(|m| {
                let cue = m.as_str().to_lowercase();
                // "a record of 9.84" may as well be a price ("crude hit a record of 78.40"): after
                // "record of" or "best of" only a time written with its unit is a result.
                let loose = cue.starts_with("record of") || cue.starts_with("best of");
                cue.split_whitespace().nth(1).is_none_or(|w| w != "up")
                    && (!loose || tail.unit.is_some())
            })
        };
        // A place before a time with decimals ("taking second in 13.24 seconds").
        let placed = || n.surface.contains('.') && self.race_place.is_match(before);
        if timed && (cue() || placed()) {
            Err(NotAQuantity)
        } else {
            Ok(())
        }
    }

    /// Pass "share": "half", "a quarter" are a share of something else unless a scale or unit
    /// follows ("quarter million dollars", "half a mile" are amounts; "the fourth quarter" is
    /// not). A share of a group is labelled as one ("nearly half of total imports" → "% total
    /// import"); an explicit fraction closing a clause is a bare share ("is one third"). The
    /// share's unit name, if the number is one.
    fn share(
        &self,
        text: &str,
        n: Scanned,
        value: f64,
        tail: &Tail,
    ) -> Result<Option<String>, NotAQuantity> {
        // "half year earnings", "a half day strike": "half" and a span before a noun name the
        // period the noun belongs to, as "half-year profit" does ("half a year", "a half year
        // ago" are spans).
        if let Some((len, unit)) = tail.unit {
            let next = word_after(tail.rest.get(len..).unwrap_or("")).to_lowercase();
            if ["half", "a half"]
                .iter()
                .any(|h| n.surface.eq_ignore_ascii_case(h))
                && !words::for_language("en")
                    .phrase_ends
                    .contains(next.as_str())
                && unit.kind == QuantityKind::Duration
                && tail.rest.starts_with(' ')
                && noun_like(&next)
            {
                return Err(NotAQuantity);
            }
        }
        if n.is_digits || value <= 0.0 || value >= 1.0 || tail.scale != 1.0 || tail.unit.is_some() {
            return Ok(None);
        }
        let (surface, after_num) = (n.surface, &text[n.end..]);
        let lone = ["half", "quarter", "a quarter", "a half"]
            .iter()
            .any(|w| surface.eq_ignore_ascii_case(w));
        // "half the stations": "half" may take its group without "of".
        let group = self.of_group.find(after_num).or_else(|| {
            surface
                .eq_ignore_ascii_case("half")
                .then(|| self.half_group.find(after_num))
                .flatten()
        });
        let of_group = group.and_then(|m| {
            // From the match's last (whitespace) character: counted_noun wants one.
            let last = after_num[..m.end()].char_indices().next_back()?.0;
            let rest = &after_num[m.end()..];
            let en = words::for_language("en");
            counted_noun(&after_num[last..])
                .map(|noun| singular_compound(rest, noun))
                // "half the U.S. population": a whole in the singular after a capitalised
                // modifier ("half of Bosnia now" ends at the adverb).
                .or_else(|| {
                    capital_modified_noun(rest).filter(|phrase| {
                        phrase
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| !en.phrase_ends.contains(w))
                    })
                })
                // "a quarter of spending": a verbal noun, when no object follows it.
                .or_else(|| gerund_whole(rest))
                // "half of Bosnia": a share of a named whole keeps the name as written.
                .or_else(|| name_at(rest))
        });
        // "the first half of the year", "this quarter of": a period, not a share. So is a half
        // someone owns ("in Chang's half of the draw", "their own half").
        let owned = surface.eq_ignore_ascii_case("half")
            && self
                .owner_before
                .find(tail_slice(text, n.start, 24))
                .is_some_and(|m| {
                    // ("That's half of the workers": a contraction owns nothing.)
                    let word = m
                        .as_str()
                        .split(['\'', '’'])
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    !words::for_language("en").contracted_s.contains(word.trim())
                });
        let period = lone && (owned || self.period_before.is_match(tail_slice(text, n.start, 12)));
        // "a quarter of them": a share of a group named before.
        let of_pronoun = self.of_pronoun.is_match(after_num);
        // "more than two-thirds reported", "nearly half were": so is a share that a bound leads
        // and a verb follows ("half dyed" alone is an adverb).
        let verb_after = || self.share_verb.is_match(after_num);
        let bounded = || self.share_bound.is_match(tail_slice(text, n.start, 16));
        match of_group {
            Some(_) if period => Err(NotAQuantity),
            Some(noun) => Ok(Some(format!("% {noun}"))),
            None if of_pronoun && !period => Ok(Some("% -".into())),
            None if !lone && self.clause_end.is_match(after_num) => Ok(Some("% -".into())),
            None if !period && bounded() && verb_after() => Ok(Some("% -".into())),
            None => Err(NotAQuantity),
        }
    }

    /// "a $2,000 fine", "an 8 percent stake": an article right before the amount, a lower-case
    /// word after it that is no function word (so a noun the amount modifies).
    fn modifies_noun_after_article(&self, text: &str, q: &Found) -> bool {
        let before = tail_slice(text, q.start, 4).trim_end_matches([' ', '\t']);
        let article = self.article_end.is_match(before);
        // Past a bracketed equivalent: "a five million riels ($2,000) fine".
        let after = &text[q.end..];
        let after = after
            .strip_prefix(" (")
            .and_then(|r| r.find(')').map(|i| &r[i + 1..]))
            .unwrap_or(after);
        let next = word_after(after);
        article
            && before.len() < tail_slice(text, q.start, 4).len()
            && noun_like(next)
            && !NOT_COUNTED.contains(next)
    }

    /// Pass "bare number": a number with no currency, unit or share before or after it. A plain
    /// year or a day of a month is no amount; an age, a hyphenated count ("16-bit") or a counted
    /// noun is; a number word alone may be a pronoun; a number after a name is part of it; a
    /// score is none. `Ok(Some(_))`: read in full; `Ok(None)`: `q` is a count, rate and direction
    /// still to read.
    fn classify_bare(
        &self,
        text: &str,
        n: Scanned,
        value: f64,
        vague: bool,
        q: &mut Found,
        found: &[Found],
    ) -> Result<Option<Reading>, NotAQuantity> {
        let Scanned {
            start,
            surface,
            is_digits,
            ..
        } = n;
        let (end, scale) = (q.end, q.scale);
        // Earlier years only where a date is expected: "founded in 1781", "since
        // 1642", or "1781 - …" opening a this-day-in-history line.
        // So does a later year after a dash ("queen of England 1558-1603").
        let historical = || {
            (1000.0..1800.0).contains(&value)
                && (self.year_before.is_match(tail_slice(text, start, 12))
                    && !next_word_plural(&text[q.end..])
                    || line_start(text, start)
                        && text[q.end..].trim_start().starts_with(['-', '–', '—'])
                    || later_year_after_dash(&text[q.end..], value)
                        .is_some_and(|after| self.date_may_stand(text, start, after)))
        };
        let plain_year = is_digits
            && scale == 1.0
            && surface.len() == 4
            && ((1800.0..=2100.0).contains(&value) || historical())
            && !surface.contains([',', '.', ' '])
            && !self.count_span(text, start, end, value)
            && !self.count_span_closed(text, start)
            && !self.count_between(text, start, end);
        // "in '91 or '92", "the class of ’68": a year with its century cut off ("'92 people
        // died" opens a quote).
        // Tokenized text spaces the mark off ("vs ' 95"), but not a possessive before a
        // modifier ("Clemens ' 28-inning streak").
        // (The counted word must stand on the same line: a table's header ends with "' 95".)
        let same_line = first_line(head_slice(text, end, 80));
        let apostrophe_year = is_digits && surface.len() == 2 && !next_word_plural(same_line) && {
            let spaced = text[..start].strip_suffix(' ');
            let head = spaced
                .filter(|_| !text[end..].starts_with('-'))
                .unwrap_or(&text[..start])
                .strip_suffix(['\'', '’']);
            head.is_some_and(|h| h.is_empty() || h.ends_with([' ', '\t', '\n', '(']))
        };
        // "a 77 percent drop in H1 96", "Apr-Jul ' 96 sales", "post-97 Hong Kong": two digits
        // after a period of the year, or after "pre-" or "post-", date it, a counted word after
        // them or not.
        // ("In Q3 40 stores opened": without the mark, a plural after the digits counts.)
        let period_year = is_digits
            && surface.len() == 2
            && self
                .year_period_before
                .find(tail_slice(text, start, 24))
                .is_some_and(|m| {
                    m.as_str().contains(['\'', '’'])
                        || m.as_str().ends_with('-')
                        || !next_word_plural(same_line)
                });
        if apostrophe_year || period_year {
            return Err(NotAQuantity);
        }
        if plain_year {
            return Ok(Some(Reading::Year(Year {
                start,
                end: n.end,
                year: value as i32,
            })));
        }
        if is_digits
            && scale == 1.0
            && value.fract() == 0.0
            && (1.0..=31.0).contains(&value)
            && self.near_month(text, start, end)
        {
            return Err(NotAQuantity);
        }
        // "the owner, 47, had been", "a bank relationship manager, 45, to": a role's age.
        let role_comma = || {
            // ("In the remainder, 30, were freed": after a preposition it is a place or a part.)
            self.role_comma
                .captures(tail_slice(text, start, 60))
                .filter(|c| c.get(1).is_none())
                .and_then(|c| c.get(2))
                .is_some_and(|noun| {
                    let noun = noun.as_str().to_lowercase();
                    let en = words::for_language("en");
                    en.role_suffixes.iter().any(|s| noun.ends_with(s))
                        && !en.role_nots.contains(noun.as_str())
                })
        };
        // "aged 30", "aged eight", "Sarah Jones, 54, said": ages.
        let apposition = is_digits
            && (1.0..=120.0).contains(&value)
            && (self.name_comma.is_match(tail_slice(text, start, 40)) || role_comma())
            && (self.comma_word.is_match(&text[end..])
                // "…, said the tourist, Khaled Hijazi, 37.": a name set off by commas
                // ends the sentence with its age.
                || self.sentence_end.is_match(&text[end..])
                    && self.set_off_name.is_match(tail_slice(text, start, 60)));
        // "aged 30"; "aged 14 and 12": the second of a pair of ages is written in digits and
        // closes its clause ("aged 70 and two women" counts women).
        let aged = || {
            self.aged
                .find(tail_slice(text, start, 20))
                .is_some_and(|m| {
                    let cue = m.as_str().trim_end().to_lowercase();
                    let pair = cue.ends_with(" and") || cue.ends_with(" or");
                    !pair
                        || is_digits
                            && (text[end..].starts_with([',', ';', ')'])
                                || text[end..].trim().is_empty()
                                || self.sentence_end.is_match(&text[end..]))
                })
        };
        // "who was 24 and had", ", both 50, were": a person's age closing its clause.
        let led_age = is_digits
            && (1.0..=120.0).contains(&value)
            && self.age_lead.is_match(tail_slice(text, start, 30))
            && (self.comma_word.is_match(&text[end..])
                || self.sentence_end.is_match(&text[end..])
                || self.age_follow.is_match(&text[end..])
                || text[end..].starts_with(" and "));
        // "the drinking age in most states is 21", "raised the pension age to 67": a limit of
        // age closing its clause.
        // ("The age of the suspects was unclear and the number arrested was 7": another clause;
        // "the age gap is 20" is a difference of years.)
        let noun_age = || {
            let next = word_after(&text[end..]).to_lowercase();
            self.age_noun
                .find(tail_slice(text, start, 80))
                .is_some_and(|m| {
                    // A second verb between names another clause's subject.
                    let verbs = m
                        .as_str()
                        .split_whitespace()
                        .filter(|w| self.copula.is_match(w))
                        .count();
                    verbs <= 1 && !has_word(m.as_str(), &["gap", "difference", "range"])
                })
                && stop_or_none(&next)
        };
        // "adults over 65", "children under five", "people 65 and older": a group's age.
        // ("adults over 65 and younger people": "and younger" then a noun coordinates a group.)
        let group_tail = self.age_group_tail.find(&text[end..]).filter(|m| {
            let next = word_after(&text[end + m.end()..]).to_lowercase();
            stop_or_none(&next)
        });
        let group_age = value <= 120.0
            && self
                .age_group
                .captures(tail_slice(text, start, 40))
                .is_some_and(|c| c.get(1).is_some() || group_tail.is_some());
        if value >= 1.0
            && value.fract() == 0.0
            && scale == 1.0
            && (apposition || led_age || value <= 120.0 && (aged() || noun_age()) || group_age)
        {
            q.unit = "year_of_age".into();
            q.unit_name = "year of age".into();
            q.kind = QuantityKind::Duration;
            q.change = self.change(text, q.start, q.end);
            if let Some(m) = group_tail.filter(|_| group_age) {
                let older = ["older", "over", "above", "up"]
                    .iter()
                    .any(|w| m.as_str().ends_with(w));
                q.change = if older { Change::More } else { Change::Less };
            }
            return Ok(Some(Reading::Quantity(q.clone())));
        }
        // "with one out in the ninth", "within one out of a shutout": baseball's outs, a noun
        // the phrase rules read as a particle.
        // ("won with 120 out of 200 seats" picks from a set; "within one out of a shutout" is
        // one out.)
        // ("One out later", "was one out away from a shutout": the word after says so too.)
        // ("Windows 10 out later this year": digits name a version there.)
        if (self.outs_lead.is_match(tail_slice(text, start, 8))
            || !is_digits && self.outs_follow.is_match(&text[q.end..]))
            && text[q.end..].strip_prefix(" out").is_some_and(|r| {
                !r.starts_with(|c: char| c.is_alphanumeric())
                    && !r.strip_prefix(" of ").is_some_and(|set| {
                        set.starts_with(|c: char| c.is_ascii_digit())
                            || number_word(
                                set.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""),
                            )
                    })
            })
        {
            q.unit = "count".into();
            q.unit_name = "out".into();
            q.change = self.change(text, q.start, q.end);
            return Ok(Some(Reading::Quantity(q.clone())));
        }
        // "16-bit", "10-member": a number hyphenated to a noun counts that noun.
        if let Some(c) = self.hyphen_noun.captures(&text[q.end..]) {
            let noun = c[1].to_string();
            if !NOT_COUNTED.contains(&noun.as_str()) {
                q.unit = "count".into();
                // "a 300-strong crowd" sizes the noun; "strong" is not what is counted.
                q.unit_name = if noun == "strong" {
                    "-".into()
                } else {
                    lexicon::singular(&noun)
                };
                q.change = self.change(text, q.start, q.end);
                return Ok(Some(Reading::Quantity(q.clone())));
            }
        }
        // "the Dow 30 rose", "Windows 11 shipped", "Route 66": a bare number right after
        // a capitalised word inside a sentence is part of a name, unless a plural noun
        // says it counts ("told Reuters 50 people").
        // (A score or range, "Hull 4-2", is left to the range pass.)
        // "Meri secured 45 votes and Ruutel 34.": a clause that leaves out its verb and noun
        // after a count of a noun (gapping) counts the same noun; its number ends the clause.
        let gapped = || {
            gap_after_count(text, found, start).is_some_and(|gap| self.gapping.is_match(gap))
                && self.clause_end.is_match(&text[q.end..])
        };
        if is_digits
            && scale == 1.0
            && !text[q.end..].starts_with(['-', '–'])
            && (self.name_word_before(text, start) || self.listed_after_name(text, start))
            && !next_word_plural(&text[q.end..])
            // ("beaten the Yankees 12 of the past 15 meetings" counts from a set.)
            && !self.set_after_name.is_match(&text[q.end..])
            && !self.coordinated_measure(&text[q.end..])
            && !gapped()
        {
            return Err(NotAQuantity);
        }
        // "thousands of fans", "hundreds of its troops": the vague magnitude took
        // the "of " along; the noun is read from that "of" on.
        let noun_at = if vague && text[..q.end].ends_with(" of ") {
            q.end - 4
        } else if vague && text[..q.end].ends_with(' ') {
            q.end - 1
        } else if text[q.end..].starts_with("-plus ") {
            // "six-plus innings", "40,000-plus fans": the noun after the floor.
            q.end + "-plus".len()
        } else if let Some(m) = self.number_of_after.find(&text[q.end..]) {
            // "raising to 23 the number of attacks": the noun after that "of" ("of attacks",
            // which `counted_noun_of` reads as the set counted).
            q.end + m.end() - " of".len()
        } else {
            q.end
        };
        // "56 not out", "at 13 under,", "four under for the week", "an eight-under-par 63",
        // "dismiss Kent for 214", "shot 67 in his debut": a score.
        let golf_round = || {
            let next = word_after(&text[q.end..]).to_lowercase();
            // (A round's score, not "fired 200 of its staff" nor "shot 12 of 20".)
            self.score_verb.is_match(tail_slice(text, start, 8))
                && (55.0..=90.0).contains(&value)
                && next != "of"
                && stop_or_none(&next)
        };
        // "between one and three o'clock": a time of day (digits are masked as one).
        if self.clock_after.is_match(&text[q.end..]) {
            return Err(NotAQuantity);
        }
        if scale == 1.0
            && (self.score_after.is_match(&text[q.end..])
                || is_digits
                    && (self.score_before.is_match(tail_slice(text, start, 16))
                        // ("a first innings of 446 for nine": the pair's rule takes both.)
                        // ("bundled them out for 174 runs" names its unit: a count of runs.)
                        || self.score_lead.is_match(tail_slice(text, start, 40))
                            && !self.score_pair_next.is_match(&text[q.end..])
                            && !next_word_plural(&text[q.end..])
                        || golf_round()))
        {
            return Err(NotAQuantity);
        }
        // "20,000 tonnes of U.S. wheat, 20,000 of Canadian wheat": a number before "of" in a
        // list a measure with "of" opened is an amount of that measure, not a count of the
        // goods.
        let listed_measure = found.last().filter(|p| {
            p.kind == QuantityKind::Measure
                && p.unit_name != "-"
                && text[p.end..].starts_with(" of ")
                && starts_with_ignore_ascii_case(&text[q.end..], " of ")
                // "40 of its trucks" picks from a set.
                && {
                    let set = word_after(&text[q.end + 3..]).to_lowercase();
                    // ("two of 12 trapped miners": a number after "of" sizes the set.)
                    !set.is_empty()
                        && set != "the"
                        && !words::for_language("en").of_owners.contains(set.as_str())
                }
                && text.get(p.end..start).is_some_and(|gap| {
                    gap.len() < 120
                        && (gap.contains(", ") || gap.contains(" and "))
                        && !gap.contains([';', '\n'])
                        && !sentence_break(gap)
                })
        });
        if let Some(p) = listed_measure {
            q.take_unit((p.unit.clone(), p.unit_name.clone(), p.kind));
            q.change = self.change(text, q.start, q.end);
            return Ok(Some(Reading::Quantity(q.clone())));
        }
        // A bare "thousands" stands as the noun itself ("left thousands homeless").
        let bare_vague = bare_vague_plural(n.surface);
        let folded = capitals_folded(text, start, noun_at);
        // "in one man's hands", "one nation's debt": after "one", a singular possessive is the
        // one counted, not what it owns.
        let possessor = (value == 1.0).then(|| one_possessor(&folded)).flatten();
        let noun = possessor
            .or_else(|| counted_noun_of(&folded, value == 1.0))
            .filter(|_| !bare_vague)
            .map(|noun| match value == 1.0 {
                true => one_before_verb(&folded, noun),
                false => noun,
            })
            .or_else(|| {
                (value == 1.0 && !is_digits)
                    .then(|| capital_modified_noun(&text[noun_at..]))
                    .flatten()
            });
        match noun {
            // "the 8088 chip", "a 737 jet": a determiner, a large number and a singular noun
            // name a model; "has 450 engineers.", "about 1000 arrived" count.
            Some(noun)
                if is_digits
                    && scale == 1.0
                    && value >= 100.0
                    && value.fract() == 0.0
                    && !surface.contains([',', '.', ' '])
                    && !noun.contains(' ')
                    && !words::for_language("en")
                        .level_nouns
                        .contains(noun.as_str())
                    && self.determiner_before.is_match(tail_slice(text, start, 24))
                    && !next_word_plural(&text[q.end..]) =>
            {
                return Err(NotAQuantity);
            }
            // "resistance at 67,000 if it…", "176 million rand from 281 million
            // previously": more than one of something is written in the plural, so a
            // lone singular word after such a count is not what it counts. The count
            // keeps an elided unit, which the sentence may give it.
            // ("the 40,000 crowd", "its 2,500 workforce": a body of people is counted in the
            // singular.)
            Some(noun)
                if value != 1.0
                    && !noun.contains(' ')
                    && !words::for_language("en")
                        .collective_nouns
                        .contains(noun.as_str())
                    && first_word(&text[noun_at..]).is_some_and(|w| {
                        w.eq_ignore_ascii_case(&noun) && !plural_word(w) && !people_in_ese(w)
                    }) =>
            {
                // "the three met": a number word heading its determiner's phrase is
                // a pronoun, whatever word follows it.
                let determiner = self.determiner_before.is_match(tail_slice(text, start, 24));
                if !is_digits && determiner {
                    return Err(NotAQuantity);
                }
                // "their new 51,000 seat stadium", "a 300,000 barrel cargo": after a
                // determiner, a singular word that modifies the noun after it is
                // the measure (CONVENTIONS.md labels digit modifiers).
                let modifies_next = text[noun_at..].split_whitespace().nth(1).is_some_and(|w| {
                    let en = words::for_language("en");
                    w.len() > 2
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !en.stop.contains(w)
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                        && !w.ends_with("ly")
                }) && !text[noun_at..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with(AFTER_WORD));
                q.unit = "count".into();
                q.unit_name = if is_digits && determiner && modifies_next {
                    noun
                } else {
                    "-".into()
                };
            }
            // "The message is one of disdain", "a mood of one of caution": "one of" a lone
            // singular noun with no determiner names a kind, not one of a set (a set is written
            // in the plural: "one of 12 candidates", "one of dairy farmers").
            Some(noun) if !is_digits && value == 1.0 && of_a_kind(&text[q.end..], &noun) => {
                return Err(NotAQuantity);
            }
            Some(noun) => {
                // "two heady weeks", "four successive years of growth": a span of time that
                // adjectives qualify is that span (reuters-dev: "12 more years" → year).
                let words: Vec<&str> = noun.split(' ').collect();
                let span = words.iter().enumerate().skip(1).find_map(|(i, w)| {
                    self.whole_unit(w)
                        .filter(|u| u.kind == QuantityKind::Duration && u.unit == *w)
                        .map(|u| (i, u))
                });
                // ("one of the biggest days" picks from a set of days.)
                let of_set = starts_with_ignore_ascii_case(text[q.end..].trim_start(), "of ");
                // The span heads the phrase as written: plural, and no noun after it ("two long
                // day trips", "new year resolutions" count trips and resolutions).
                let heads = |w: &str| {
                    let after = head_slice(text, q.end, 80);
                    let mut ws = after
                        .split_whitespace()
                        .map(|x| x.trim_matches(|c: char| !c.is_alphanumeric()));
                    ws.find(|x| x.to_lowercase().starts_with(w))
                        .is_some_and(|x| {
                            (x.len() > w.len() || value == 1.0)
                                && ws.next().is_none_or(|next| {
                                    !next.starts_with(char::is_lowercase)
                                        || words::for_language("en").stop.contains(next)
                                        || next == "of"
                                })
                        })
                };
                match span {
                    Some((i, u))
                        if !of_set
                            && heads(words[i])
                            && words[..i]
                                .iter()
                                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) =>
                    {
                        q.unit = u.unit.into();
                        q.unit_name = u.name.into();
                        q.kind = QuantityKind::Duration;
                    }
                    _ => {
                        q.unit = "count".into();
                        q.unit_name = noun; // already singular
                    }
                }
            }
            None if self.bare_label.is_match(tail_slice(text, start, 16)) => {
                return Err(NotAQuantity);
            }
            None => {
                // A number word alone counts something the sentence names elsewhere
                // ("the blast killed seven", "rose four to 90.18") unless it is a
                // pronoun: "one" ("one can see"), a determiner's head ("the two
                // met", "its three") or an article's ("a dozen" in "64 cents a
                // dozen"). Fractions alone stay too ambiguous. A number word that
                // opens a range ("eight to 10 feet") is kept whatever it is.
                // A change word before makes it the amount of the change ("down
                // one from May"); "a dozen" is a rate only right after a price.
                let rate = surface.starts_with(['a', 'A'])
                    && found.last().is_some_and(|p: &Found| {
                        text.get(p.end..start).is_some_and(|g| g.trim().is_empty())
                    });
                // "searched one house at Ransart and one at Mons": joined to a count of a noun
                // and followed by the qualifier the noun left out, it counts that noun.
                let coordinated = gap_after_count(text, found, start)
                    .is_some_and(|g| self.coordinated_count.is_match(g))
                    && self.elided_follow.is_match(&text[q.end..]);
                // "two senators, one of them a member": one of a set just counted is one of
                // that noun (as "95 medals, 35 of them gold" is).
                let one_of_counted = gap_after_count(text, found, start)
                    .is_some_and(|g| g.len() < 60 && g.trim_end().ends_with(','))
                    && ["of them", "of whom", "of which"]
                        .iter()
                        .any(|w| starts_with_ignore_ascii_case(text[q.end..].trim_start(), w));
                // "three girls … were stabbed, one fatally": "one" and an adverb closing the
                // sentence's last clause is one of the noun last counted.
                let elliptic = (surface.eq_ignore_ascii_case("one")
                    && text[..start].trim_end().ends_with(','))
                .then(|| {
                    let after = &text[q.end..];
                    // (`word_after` reads the word after one space.)
                    let adverb = word_after(after);
                    let rest = after
                        .get(1 + adverb.len()..)
                        .unwrap_or_default()
                        .trim_start();
                    (adverb_ending_phrase(&adverb.to_lowercase(), true, None)
                        && (rest.is_empty() || rest.starts_with([',', '.', ';'])))
                    .then(|| {
                        found
                            .iter()
                            .rev()
                            .find(|p| p.counts_a_noun() && within_sentence(text, p.end, start))
                    })
                    .flatten()
                })
                .flatten();
                if let Some(p) = elliptic {
                    q.unit_name = p.unit_name.clone();
                }
                let pronoun = (value < 2.0
                    || value.fract() != 0.0
                    || self.determiner_before.is_match(tail_slice(text, start, 24))
                    || self.back_reference.is_match(tail_slice(text, start, 8)))
                    && !self.change(text, q.start, q.end).is_direction()
                    && !coordinated
                    && !one_of_counted
                    && !object_one(text, n)
                    && elliptic.is_none()
                    // ("lost five of their last six": the size of the set picked from.)
                    && !self.set_size_lead.is_match(tail_slice(text, start, 40))
                    || rate;
                if !is_digits
                    && scale == 1.0
                    && !self.range_lead.is_match(&text[q.end..])
                    && pronoun
                {
                    return Err(NotAQuantity);
                }
                // "1 ) explains …": a list marker ("series 1-0)" ends a score).
                if is_digits
                    && value <= 20.0
                    && self.list_marker.is_match(&text[q.end..])
                    && !text[..start].ends_with(['-', '–'])
                    && !tail_slice(text, start, 40).contains('(')
                {
                    return Err(NotAQuantity);
                }
                // "the 486 is …", "shot a 68": a name or a score, not an amount ("the
                // 2-0 win" is a score, dropped with its pair when ranges are joined).
                if is_digits
                    && scale == 1.0
                    && self.the_before.is_match(tail_slice(text, start, 8))
                    && !text[q.end..].starts_with(['-', '–'])
                    // "the 50 and 100 metres": coordinated with a measure, not a name.
                    && !self.coordinated_measure(&text[q.end..])
                {
                    return Err(NotAQuantity);
                }
                // "in reply to England's 326.", "beat Surrey's 212,": a bare total owned by a
                // name and closing its clause is a score (or a model, "Boeing's 747.").
                // ("to 51.9 from July's 51.2": a time's possessive owns a level.)
                let owned_by_name = || {
                    self.name_owner
                        .find(tail_slice(text, start, 40))
                        .map(|m| m.as_str().trim_end_matches([' ', 's', '\'', '’']))
                        .is_some_and(|o| !self.months.is_match(o) && !o.ends_with("day"))
                };
                // ("won 320 seats to Labour's 210": set against a count of a noun, it counts the
                // same noun.)
                let compared = || {
                    gap_after_count(text, found, start)
                        .is_some_and(|g| g.len() < 120 && !sentence_break(g))
                };
                if is_digits
                    && scale == 1.0
                    && value.fract() == 0.0
                    && (text[q.end..].trim().is_empty()
                        || text[q.end..].starts_with(['.', ',', ';', ':', ')']))
                    && !compared()
                    && owned_by_name()
                {
                    return Err(NotAQuantity);
                }
                q.unit = "count".into();
                q.unit_name = "-".into();
                q.bare = scale == 1.0;
            }
        }
        Ok(None)
    }

    /// Pass "rate and direction": "a share", "per tonne" after the unit, then the change or
    /// bound the words around say, with the exceptions news needs.
    fn direction(&self, text: &str, n: Scanned, vague: bool, q: &mut Found) {
        if !q.bare && q.unit != "count" && q.kind != QuantityKind::Ratio {
            self.attach_rate(text, q);
            self.attach_rate_past_bracket(text, q);
        } else if q.counts_a_noun() {
            self.attach_count_rate(text, q);
        }
        q.change = self.change(text, q.start, q.end);
        // ("over six-plus innings": the floor written after the number still bounds it.)
        if q.change == Change::More && self.over_a_span(text, q) && !floor_after(&text[q.end..]) {
            q.change = Change::Equal;
        }
        // "-0.2%", "-15 points": a signed change figure ("+" is read by `change`) is the size of
        // a fall, like "fell 0.2%"; a signed temperature or level ("-5C", "minus-40 degrees")
        // states no change and keeps its sign.
        // ("kept its rate at -0.5%", "fell to -0.5%", "between -0.5% and -0.2%": a level below
        // zero after a level word keeps its sign and states no change.)
        let level = || {
            let word = last_word(tail_slice(text, q.start, 16).trim_end()).to_lowercase();
            words::for_language("en")
                .level_words
                .contains(word.as_str())
                || matches!(
                    word.as_str(),
                    "between" | "and" | "after" | "stand" | "stands"
                )
        };
        if q.change == Change::Equal
            && q.value.is_some_and(|v| v < 0.0)
            && q.start < n.start
            && CHANGE_UNITS.contains(&q.unit_name.as_str())
            && !level()
        {
            q.change = Change::Down;
            q.value = q.value.map(f64::abs);
        }
        // "in the 3 percent range", "the 110 yen area": an amount named by its vicinity is an
        // estimate. (Not a measure's: "the 2,000 km area", a missile's "300 km range".)
        if q.change == Change::Equal
            && last_word(tail_slice(text, q.start, 12).trim_end()).eq_ignore_ascii_case("the")
            && q.kind != QuantityKind::Measure
            && self.vicinity.is_match(&text[q.end..])
        {
            q.change = Change::Approx;
        }
        if q.change == Change::Equal && self.approx_after.is_match(&text[q.end..]) {
            q.change = Change::Approx;
        }
        // "raised its dividend 20 percent", "cut the workforce 10 percent": a change verb, its
        // object and the amount, with no "by". Only a rate or money (and no preposition in the
        // object): "raised prices in May 5 percent" ends no object; "cut 300 jobs" counts.
        if q.change == Change::Equal
            && (matches!(q.kind, QuantityKind::Percent | QuantityKind::Money)
                || CHANGE_UNITS.contains(&q.unit_name.as_str()))
        {
            let before = sentence_tail(tail_slice(text, q.start, 60));
            let object = |cue: &Regex| {
                cue.captures(before).is_some_and(|c| {
                    let en = words::for_language("en");
                    let object_words: Vec<String> =
                        c[1].split_whitespace().map(str::to_lowercase).collect();
                    let verb_at = c.get(0).map_or(0, |m| m.start());
                    let verb = before[verb_at..].split_whitespace().next().unwrap_or("");
                    let subject = before[..verb_at].split_whitespace().next_back();
                    // "Lower oil prices cost", "Cut flowers exports": a sentence's first word
                    // modifies a noun; "tax cuts worth", "job cuts cost": after a noun in lower
                    // case the -s form is the noun's plural.
                    let verb_form = subject.is_some_and(|s| {
                        !(verb.ends_with('s')
                            && s.chars().all(|c| c.is_ascii_lowercase())
                            && !en.subject_pronouns.contains(s))
                    });
                    let det = |w: &str| {
                        matches!(
                            w,
                            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
                        )
                    };
                    // ("spending cuts saved $2 billion", "lift tickets cost $50": a verb of
                    // the sentence's own ends what could be an object.)
                    // ("Firms that cut jobs paid an average of": a verb of its own ends it too.)
                    let verb_word = |w: &str| {
                        w.ends_with("ed")
                            || en.object_not.contains(w)
                            || en.finite_verbs.contains(w)
                    };
                    verb_form
                        && !object_words
                            .iter()
                            .any(|w| w.chars().any(|c| c.is_ascii_digit()))
                        && object_words.iter().enumerate().all(|(i, w)| {
                            i == 0 && det(w)
                                || !en.stop.contains(w.as_str()) && !det(w) && !verb_word(w)
                        })
                        && object_words.iter().any(|w| !det(w))
                })
            };
            if object(&self.up_object) {
                q.change = Change::Up;
            } else if object(&self.down_object) {
                q.change = Change::Down;
            }
        }
        // "raised $2 billion in a share sale": money raised is an amount collected, not a rise
        // ("raised its offer by $1", "raised prices 5%" still are).
        let before = tail_slice(text, q.start, 40);
        if q.change == Change::Up
            && q.kind == QuantityKind::Money
            && self.raised_funds.is_match(before)
        {
            q.change = self.bound(before, head_slice(text, q.end, 60));
        }
        // "lost six games", "cut 300 jobs": a count of the things affected, not the amount of a
        // change (CONVENTIONS.md); "cut the workforce by 1,200 jobs" states one.
        // A step in a ranking is what moves: "bumped up two spots", "slipped three places".
        let rank_step = || {
            words::for_language("en")
                .rank_steps
                .contains(last_word(&q.unit_name))
        };
        // ("added two RBI": a catalogued count is a count all the same.)
        if q.change.is_direction()
            && (q.counts_a_noun() || q.kind == QuantityKind::Count && q.unit_name != "-")
            && !rank_step()
            && !self.by_before.is_match(tail_slice(text, q.start, 40))
        {
            // "a rally of about 1,000 workers": the bound still holds.
            q.change = self.bound(before, head_slice(text, q.end, 60));
        }
        // "handed down a $2,000 fine": an amount right after an article that modifies the noun
        // after it names what the noun is, not the amount of a change ("down a hefty 5 percent
        // on the year" still is one).
        // "cut its 12-month T-bill rate by 10 basis points": a hyphenated measure before a noun
        // says which noun, it is not the change either.
        let hyphenated_modifier = || {
            let surface = &text[q.start..q.end];
            surface.starts_with(|c: char| c.is_ascii_digit())
                && surface
                    .split_once('-')
                    .is_some_and(|(_, unit)| unit.chars().all(|c| c.is_ascii_lowercase()))
                && {
                    // The next word whole, hyphens and all ("12-month T-bill rate").
                    let next = text[q.end..]
                        .strip_prefix(' ')
                        .and_then(|r| r.split_whitespace().next())
                        .map(|w| w.trim_end_matches(AFTER_WORD).to_lowercase())
                        .unwrap_or_default();
                    next.len() > 1
                        && next.starts_with(char::is_alphabetic)
                        && !words::for_language("en").stop.contains(next.as_str())
                }
        };
        if q.change.is_direction()
            && (self.modifies_noun_after_article(text, q) || hyphenated_modifier())
        {
            q.change = Change::Equal;
        }
        // "tens of billions" is an estimate whatever the words around it say.
        if vague && q.change == Change::Equal && starts_with_ignore_ascii_case(n.surface, "tens") {
            q.change = Change::Approx;
        }
    }

    /// The convention's elided unit: a bare number takes the unit of the money or measure written
    /// just before it in the sentence ("lost 3,000 lira to 67,000", "a profit of 160 million in the
    /// year-ago period"), or of the amount it is paired with ("sentences of eight and six months").
    ///
    /// A counted noun carries too ("checked 3,000 drivers and booked 222", "won 95 medals, 35 of
    /// them gold"), but not to a number reached or stood at ("3 brokers saw it rise to 450"): a level
    /// is not a count of the noun.
    fn inherit_unit(&self, text: &str, found: &mut [Found]) {
        // "the 101-strong parliament" sizes a group, "3.4211 per mark" is a rate with its own
        // terms: no unit is missing.
        // ("Thousands of miles away, dozens waited": a bare vague plural stands for people or
        // things, never for an elided unit.)
        let elided = |q: &Found| {
            q.unit == "count"
                && q.unit_name == "-"
                && !bare_vague_plural(&text[q.start..q.end])
                && !text[q.end..].starts_with("-strong")
                && !starts_with_ignore_ascii_case(&text[q.end..], " per ")
        };

        // "the 30-share index … closed up 4.32": a hyphenated modifier names no unit for others.
        let carries = |q: &Found| {
            ((matches!(q.kind, QuantityKind::Money | QuantityKind::Measure) && q.unit_name != "-")
                || q.counts_a_noun())
                && !text[q.end..].starts_with(['-', '–'])
        };
        // "shortened to 34.3 hours from 34.7", "to five percent from six": a duration or a
        // percentage carries only to the level it is set against; "in the 3 months to June rose
        // to 250" is no count of months.
        // "450 contracts, up from 202": so does a count to the level it is compared with.
        let against_word = |gap: &str| self.set_against.iter().any(|w| w.eq_ignore_ascii_case(gap));
        let set_against = |p: &Found, q: &Found| {
            (matches!(p.kind, QuantityKind::Duration | QuantityKind::Percent) || p.counts_a_noun())
                && p.unit_name != "-"
                && text.get(p.end..q.start).is_some_and(|gap| {
                    // A count's span ends before its noun: the gap starts after the noun's words.
                    // (Not a subject's noun written before the number: "registrations fell to
                    // 554 from 643".)
                    let noun_after = p.unit_name.split(' ').next().is_some_and(|first| {
                        gap.split_whitespace()
                            .next()
                            .is_some_and(|w| w.to_lowercase().starts_with(first))
                    });
                    let noun_words = if p.counts_a_noun() && noun_after {
                        p.unit_name.split(' ').count()
                    } else {
                        0
                    };
                    let gap: Vec<&str> = gap.split_whitespace().skip(noun_words).collect();
                    let gap = gap.join(" ");
                    // "61,000 in February from 65,700": past the first amount's time.
                    let gap = self
                        .time_phrase_lead
                        .find(&gap)
                        .map_or(gap.as_str(), |m| &gap[m.end()..]);
                    // "4,464 homes were sold in July, compared to 4,570 in June": the comparison
                    // may close the clause that holds the first amount.
                    let clause_end = gap.rsplit_once(", ").map_or("", |(_, cue)| cue);
                    // "passed by 312 votes to 189": a count's noun and "to" before a tally set
                    // against it.
                    // (Not before a noun of its own: "handed 12 prisoners to 1 ICRC delegate".)
                    let after = &text[q.end..];
                    let tally = noun_words > 0
                        && gap == "to"
                        && (!after.starts_with(' ')
                            || after.split_whitespace().next().is_none_or(|w| {
                                stop_or_none(&w.trim_end_matches(AFTER_WORD).to_lowercase())
                            }));
                    tally
                        || against_word(gap.trim_start_matches(',').trim())
                        || clause_end.contains(' ') && against_word(clause_end.trim())
                })
        };
        let level = |q: &Found| {
            let head = tail_slice(text, q.start, 24).trim_end();
            let word = last_word(head);
            // "for a total of 20": a total is the count of the noun, not a level of it; so is
            // the whole a count is taken "out of" ("105 rigs under contract out of a total fleet
            // of 110").
            let total = self.whole_lead.is_match(head);
            words::for_language("en")
                .level_words
                .contains(word.to_lowercase().as_str())
                && !total
        };
        let same_sentence = |a: usize, b: usize| within_sentence(text, a, b);
        // "wheat up 595,400 tonnes old; corn up 1,900 old": a list whose items a semicolon
        // parts, each a name and maybe its direction before the figure, keeps its unit, however
        // long the list.
        let same_list = |a: usize, b: usize| {
            // (Quantities may overlap in odd text: no gap, no list.)
            // (Nor is a list read over more than 4,000 bytes: the cost per number stays flat.)
            let Some(gap) = text.get(a..b).filter(|g| g.len() <= 4_000) else {
                return false;
            };
            let item = gap.rsplit(';').next().unwrap_or(gap);
            let item_words: Vec<String> = item.split_whitespace().map(str::to_lowercase).collect();
            let direction = |w: &String| matches!(w.as_str(), "up" | "down");
            let en = words::for_language("en");
            // ("(May +7.3;-3.6)": figures packed without a word between are no such list.)
            item.starts_with(' ')
                && (1..=3).contains(&item_words.len())
                && !sentence_break(gap)
                && !gap.contains('\n')
                && item_words.iter().all(|w| {
                    w.chars().all(char::is_alphabetic)
                        && (direction(w) || !en.stop.contains(w.as_str()))
                })
                // ("decliners led 900", "winds gusted 120": a second word that is no direction
                // is a verb, and the item a clause of its own.)
                && (item_words.len() == 1 || item_words.last().is_some_and(direction))
        };
        // The first quantity with a unit to carry in the run of list items and clauses before
        // quantity `i` (at most 64 back).
        let list_head = |found: &[Found], i: usize| {
            let mut head = None;
            for k in (i.saturating_sub(64).max(1)..=i).rev() {
                let (a, b) = (found[k - 1].end, found[k].start);
                if !(same_sentence(a, b) || same_list(a, b)) {
                    break;
                }
                if carries(&found[k - 1]) {
                    head = Some(k - 1);
                }
            }
            head
        };
        // Which quantities took an elided unit here, so a list may go on from them.
        let mut inherited = vec![false; found.len()];
        for i in 0..found.len() {
            if !elided(&found[i]) {
                continue;
            }
            // "a crew of 23 and 400 tonnes of fuel": the group the number sizes is what it counts.
            if let Some(c) = self.group_of.captures(tail_slice(text, found[i].start, 48)) {
                found[i].unit_name = c[1]
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                continue;
            }
            // "32- and 35-inch screens": a hyphen left hanging shares the hyphenated measure's
            // unit.
            if let Some(unit) = found.get(i + 1).and_then(|n| {
                let hanging = text
                    .get(found[i].end..n.start)
                    .is_some_and(|gap| matches!(gap, "- and " | "- or " | "- to "));
                (hanging && n.unit_name != "-" && text[n.start..n.end].contains('-'))
                    .then(|| (n.unit.clone(), n.unit_name.clone(), n.kind))
            }) {
                found[i].take_unit(unit);
                continue;
            }
            // "two-thirds of economists …, with 42 of 65 forecasting a cut": a bare pair "N of M"
            // counts the group an earlier share in the sentence was of.
            let pair_end = found.get(i + 1).filter(|n| {
                elided(n) && text.get(found[i].end..n.start).is_some_and(|g| g == " of ")
            });
            let group = found[..i].iter().rev().find_map(|p| {
                let noun = p.unit_name.strip_prefix("% ")?;
                (noun != "-" && same_sentence(p.end, found[i].start)).then(|| noun.to_string())
            });
            if let (Some(_), Some(noun)) = (pair_end, group) {
                found[i].unit_name = noun.clone();
                found[i + 1].unit_name = noun;
                continue;
            }
            // "12 British and 40 French troops", "64 foreign and 598 local staff": a modifier
            // and "and" before a count of the same noun with a modifier of its own.
            if let Some(name) = found.get(i + 1).and_then(|n| {
                let gap = text.get(found[i].end..n.start)?;
                let c = self.shared_noun_gap.captures(gap)?;
                let (_, head) = n.unit_name.split_once(' ')?;
                n.counts_a_noun()
                    .then(|| format!("{} {head}", c[1].to_lowercase()))
            }) {
                found[i].unit_name = name;
                continue;
            }
            // "4.05 million and 5.67 million shares": two amounts of one scale joined before the
            // noun they both count.
            let scaled_pair = |n: &Found| {
                n.counts_a_noun()
                    && found[i].scale > 1.0
                    && n.scale == found[i].scale
                    && text
                        .get(found[i].end..n.start)
                        .is_some_and(|gap| matches!(gap.trim(), "and" | "or"))
            };
            // "at 106, 10-year notes at 105": a hyphenated measure modifies its noun; it is no
            // amount to pair with.
            let modifier = |n: &Found| {
                text[n.start..n.end]
                    .split_once('-')
                    .is_some_and(|(_, unit)| unit.starts_with(char::is_alphabetic))
            };
            // "trading at 96.78, two basis points down": a level is in no unit that only
            // measures changes.
            let change_only = |n: &Found| {
                matches!(n.unit_name.as_str(), "basis point" | "percentage point")
                    && !found[i].change.is_direction()
            };
            // "grew by 200 to 5,400 members": a change and the level of the noun it led to.
            let count_reached = |n: &Found| {
                n.counts_a_noun()
                    && found[i].change.is_direction()
                    && text
                        .get(found[i].end..n.start)
                        .is_some_and(|gap| gap.trim() == "to")
            };
            let next = found.get(i + 1).filter(|n| !change_only(n)).filter(|n| {
                scaled_pair(n)
                    || count_reached(n)
                    || n.unit_name != "-"
                        && n.unit != "count"
                        && !modifier(n)
                        && text.get(found[i].end..n.start).is_some_and(|gap| {
                            self.paired_gap.is_match(gap)
                                // "rose by 500 to 39,200 rupees": a change and the level it led
                                // to; "ended 0.20 up at 51.00 guilders" names the change after it.
                                || found[i].change.is_direction() && gap.trim() == "to"
                                || [&self.adverb_up, &self.adverb_down].iter().any(|cue| {
                                    cue.find(gap)
                                        .is_some_and(|m| gap[m.end()..].trim().is_empty())
                                })
                                // "falls to 8.0 vs 9.1 pct": a level and the one it is set
                                // against ("two from 12 feet out" picks from a set instead).
                                || level(&found[i])
                                    && against_word(gap.trim().trim_matches(',').trim())
                        })
            });
            // "fell 200.35 points, or 0.92 percent, to 21,456.70": past an equivalent that
            // restates the change, the level takes the change's unit.
            let p = match i.checked_sub(2) {
                Some(j)
                    if !carries(&found[i - 1])
                        && carries(&found[j])
                        && text
                            .get(found[j].end..found[i - 1].start)
                            .is_some_and(|gap| self.equivalent_gap.is_match(gap)) =>
                {
                    Some(j)
                }
                // "killed 22 people, including four children, and wounded 117": past a part
                // that "including" names, the count goes on with the whole.
                Some(j)
                    if found[j].counts_a_noun()
                        && text
                            .get(found[j].end..found[i - 1].start)
                            .is_some_and(|gap| self.including_gap.is_match(gap)) =>
                {
                    Some(j)
                }
                _ => i.checked_sub(1),
            };
            // Across a semicolon the list's unit is its first item's: "…; cotton up 50,400
            // bales; barley up 1,700" gives barley the tonnes the list began with.
            let p = p.map(|j| match same_list(found[j].end, found[i].start) {
                true => list_head(found, i).unwrap_or(j),
                false => j,
            });
            // "$4.25 and 32 items": a second thing listed, not the same unit again.
            // "allowed five hits, walked two": a verb whose object is of its own kind.
            let own_object = self
                .own_object
                .is_match(tail_slice(text, found[i].start, 16));
            let people = self
                .person_object
                .is_match(tail_slice(text, found[i].start, 40));
            let prev = p
                .filter(|_| !own_object)
                .map(|p| &found[p])
                .filter(|p| !people || p.counts_a_noun())
                // (".500", a batting average written from its point, counts nothing.)
                .filter(|p| !(p.counts_a_noun() && text[found[i].start..].starts_with('.')))
                .filter(|p| {
                    (carries(p) || set_against(p, &found[i]))
                        && (same_sentence(p.end, found[i].start)
                            || carries(p)
                                && p.kind == QuantityKind::Measure
                                && same_list(p.end, found[i].start))
                })
                .filter(|p| !p.counts_a_noun() || !level(&found[i]) || set_against(p, &found[i]))
                .filter(|p| {
                    text.get(p.end..found[i].start).is_some_and(|gap| {
                        !gap.trim().eq_ignore_ascii_case("and")
                            && !self.names_money(gap, p)
                            && !subject_verb_gap(gap, p, &text[found[i].end..])
                    })
                })
                // "the Dow rose 120 points to 38,500, while Boeing fell to 180": an index's
                // points carry past a clause with a subject of its own only to another index
                // ("and the Nasdaq rose 30").
                // ("while it touched 38,700", "while the benchmark closed at": the index again.)
                .filter(|p| {
                    p.unit != "point"
                        || text.get(p.end..found[i].start).is_none_or(|gap| {
                            self.new_subject.find_iter(gap).last().is_none_or(|m| {
                                let en = words::for_language("en");
                                self.index_name.is_match(&gap[m.start()..])
                                    || gap[m.end()..].split_whitespace().take(4).any(|w| {
                                        en.index_references.contains(w.to_lowercase().as_str())
                                    })
                            })
                        })
                })
                // "fans endured 35C heat, and 11 were taken to hospital": a temperature is the
                // unit only of a figure in the same clause and noun phrase ("rose to 35C from 30").
                .filter(|p| {
                    !matches!(p.unit_name.as_str(), "celsius" | "fahrenheit")
                        || text.get(p.end..found[i].start).is_some_and(|gap| {
                            // ("Highs of 35C and lows of 22" carries; "35C heat, and 11
                            // were taken", "11C and a crowd of 15,000" do not.)
                            !gap.contains(',')
                                && !gap.split_whitespace().any(|w| {
                                    matches!(w.to_lowercase().as_str(), "a" | "an" | "the")
                                })
                        })
                });
            // "fell to 15 million markka from 39": a bare level set against a scaled amount of
            // money is in its scale too, when that keeps the two of one size.
            let rescale = prev.filter(|p| {
                next.is_none()
                    && p.kind == QuantityKind::Money
                    && p.scale >= 1e6
                    && found[i].scale == 1.0
                    && found[i]
                        .value
                        .zip(p.value)
                        .is_some_and(|(v, pv)| (pv / 20.0..=pv * 20.0).contains(&(v * p.scale)))
                    && text
                        .get(p.end..found[i].start)
                        .is_some_and(|gap| against_word(gap.trim().trim_matches(',').trim()))
            });
            let rescale = rescale.map(|p| p.scale);
            // "added 5 million subscribers, taking the total to 268 million", "18m homes … 25m":
            // a bare amount in thousands or more counts the noun of the last count of its scale in
            // the sentence, a level of it included.
            // (Only a level reached: "to 268 million", "reach 25 million"; "a budget of 3
            // million" counts no residents.)
            let head = tail_slice(text, found[i].start, 16)
                .trim_end()
                .to_lowercase();
            let reached =
                ["to", "reach", "reached", "reaches", "reaching"].contains(&last_word(&head));
            // "opened 96 new stores, taking its total to 2,310": a total reached counts the
            // noun whatever its scale.
            let total = head.ends_with("total to") || head.ends_with("tally to");
            let scaled_count = || {
                let q = &found[i];
                if q.scale < 1e3 && !total || !reached {
                    return None;
                }
                found[..i].iter().rev().find(|p| {
                    p.scale == q.scale && p.counts_a_noun() && same_sentence(p.end, q.start)
                })
            };
            // ("96 new stores … its total to 2,310": the total counts stores, old and new.)
            let total_of = (total && next.is_none())
                .then(scaled_count)
                .flatten()
                .map(|p| (p.unit.clone(), total_counts(&p.unit_name), p.kind));
            if let Some(from) = total_of {
                found[i].take_unit(from);
                continue;
            }
            // "ordered 12 jets worth $1.2 billion and took options on six more": "N more" adds
            // to the last thing counted in the sentence, whatever was priced in between.
            // Only past a price of the things counted ("worth $1.2 billion", "for $9 million"),
            // and not after a verb of change: "fell 5 pence and could lose 10 more" moves the
            // pence.
            let more = head_slice(text, found[i].end, 12).to_lowercase();
            let more = more.starts_with(" more")
                && !more.starts_with(" more than")
                && next.is_none()
                && !self
                    .change(text, found[i].start, found[i].end)
                    .is_direction();
            let price = |p: &Found| {
                p.kind == QuantityKind::Money
                    && p.change == Change::Equal
                    && self.price_lead.is_match(tail_slice(text, p.start, 24))
            };
            if let Some(p) = found[..i]
                .iter()
                .rev()
                .filter(|_| more)
                .find(|p| !price(p))
                // ("200 fighter planes … in the Gulf; the carrier Enterprise was there with 79
                // more": a semicolon's clause goes on adding to them.)
                .filter(|p| {
                    p.counts_a_noun()
                        && text.get(p.end..found[i].start).is_some_and(|gap| {
                            gap.len() < 300 && !gap.contains('\n') && !sentence_break(gap)
                        })
                })
            {
                let from = (p.unit.clone(), p.unit_name.clone(), p.kind);
                found[i].take_unit(from);
                inherited[i] = true;
                continue;
            }
            let Some(from) = next.or_else(scaled_count).or(prev) else {
                let from = self
                    .rate_level(text, found, i)
                    .or_else(|| (i > 0).then(|| self.listed_level(text, found, i, &inherited))?);
                if let Some(from) = from {
                    found[i].take_unit(from);
                    inherited[i] = true;
                    continue;
                }
                if let Some(noun) = self
                    .subject_count(text, &found[i])
                    .or_else(|| self.apposed_count(text, &found[i]))
                {
                    found[i].unit_name = noun;
                }
                continue;
            };
            // ("nine other U.S. ships in the Gulf for a total of 20": all the ships.)
            let name = match head.ends_with("total of") && from.counts_a_noun() {
                true => total_counts(&from.unit_name),
                false => from.unit_name.clone(),
            };
            let from = (from.unit.clone(), name, from.kind);
            found[i].take_unit(from);
            inherited[i] = true;
            if let Some(scale) = rescale {
                let q = &mut found[i];
                q.value = q.value.map(|v| scaled(v, scale));
                q.scale = scale;
            }
        }
        // "shed five points to 9.93 percent and futures rose four": a bare change still without
        // a unit takes the unit of the nearest change before it in the sentence. A pass of its
        // own, so the level after it ("rose four to 90.18") does not take that unit in turn.
        for i in 0..found.len() {
            if !elided(&found[i]) || !found[i].change.is_direction() {
                continue;
            }
            let Some(from) = found[..i]
                .iter()
                .rev()
                .find(|p| p.change.is_direction())
                .filter(|p| {
                    (carries(p) || p.kind == QuantityKind::Percent && p.unit_name != "-")
                        && (same_sentence(p.end, found[i].start)
                            || p.kind == QuantityKind::Measure && same_list(p.end, found[i].start))
                        && text
                            .get(p.end..found[i].start)
                            .is_some_and(|gap| !self.names_money(gap, p))
                })
            else {
                continue;
            };
            let from = (from.unit.clone(), from.unit_name.clone(), from.kind);
            found[i].take_unit(from);
        }
    }

    /// "raised its repo rate to 9.5 percent and its discount rate to 7", "the two-year yield was
    /// 5.9": a bare level of a rate, in a sentence that gives a rate in percent before it, is in
    /// percent (the convention's unit recoverable from the sentence). Only rates that are
    /// percentages (`rate_modifier` rows; not "the exchange rate was 1.52", "the fertility rate
    /// dropped to 1.6", "a heart rate of 72"), and no level beyond 100.
    fn rate_level(
        &self,
        text: &str,
        found: &[Found],
        i: usize,
    ) -> Option<(String, String, QuantityKind)> {
        let q = &found[i];
        if !self.rate_level_lead.is_match(tail_slice(text, q.start, 60))
            || q.range.is_some()
            || q.value.is_none_or(|v| v > 100.0)
        {
            return None;
        }
        let p = found[..i].iter().rev().find(|p| {
            p.kind == QuantityKind::Percent
                && p.unit_name == "percentage"
                && within_sentence(text, p.end, q.start)
        })?;
        Some((p.unit.clone(), p.unit_name.clone(), p.kind))
    }

    /// "compared with 8.4 in May and 8.9 a year earlier": a bare level joined by "and" to one that
    /// took an elided unit goes on its list, when the clause ends after it or a time phrase says
    /// when ("and 12 were hurt" is no such item).
    ///
    /// So does a bare figure after any amount when each says when it stood ("rose 0.3 percent in
    /// July, 0.2 in June and 0.4 in May").
    fn listed_level(
        &self,
        text: &str,
        found: &[Found],
        i: usize,
        inherited: &[bool],
    ) -> Option<(String, String, QuantityKind)> {
        let (p, q) = (&found[i - 1], &found[i]);
        let gap = text.get(p.end..q.start)?;
        let after = &text[q.end..];
        let listed = if inherited[i - 1] {
            self.listed_level_gap.is_match(gap) && self.listed_level_after.is_match(after)
        } else {
            self.timed_list_gap.is_match(gap) && self.timed_list_after.is_match(after)
        };
        (listed && p.unit_name != "-" && q.range.is_none() == p.range.is_none())
            .then(|| (p.unit.clone(), p.unit_name.clone(), p.kind))
    }

    /// "Visitors numbered 3 million, up from 2.5 million, and spent $1 billion": a scaled amount a
    /// counted subject's verb moves to counts the subject ([`subject_count`](Self::subject_count))
    /// before any money in the sentence lends it a currency. Money set against the amount says
    /// it is money ("Insurance claims reached 2 billion, up from $1.5 billion").
    fn subject_counts_before_money(&self, text: &str, found: &mut [Found]) {
        for i in 0..found.len() {
            let q = &found[i];
            if q.kind != QuantityKind::Count || q.unit_name != "-" || q.scale < 1e6 {
                continue;
            }
            let money_against = found.get(i + 1).is_some_and(|n| {
                n.kind == QuantityKind::Money
                    && text.get(q.end..n.start).is_some_and(|gap| {
                        let gap = gap.trim().trim_matches(',').trim().to_lowercase();
                        self.set_against.iter().any(|w| {
                            gap == *w
                                || gap
                                    .strip_suffix(w.as_str())
                                    .is_some_and(|head| head.ends_with(' '))
                        })
                    })
            });
            if money_against {
                continue;
            }
            if let Some(noun) = self.subject_count(text, q) {
                found[i].unit_name = noun;
            }
        }
    }

    /// "Measles cases reached 1,288", "Mortgage approvals fell to 61,000", "with births dropping
    /// 5.7% to 686,061": a bare whole amount that a plural subject's verb moves to (or by) is a
    /// count of that subject, as the convention's elided unit is the unit the sentence gives.
    /// Only subjects that are counts of people, events or items (`subject_count` rows): "shares
    /// rose to 245", "salaries rose to 50,000", "the tourists reached 245" are no count of them.
    fn subject_count(&self, text: &str, q: &Found) -> Option<String> {
        if q.range.is_some() || q.value.is_none_or(|v| v.fract() != 0.0 || v < 2.0) {
            return None;
        }
        let head = tail_slice(text, q.start, 100);
        // The clause the number is in: from its last comma, colon, bracket or line on (not the
        // comma inside "12,000").
        let cut = [", ", "; ", ": ", "(", "\n"]
            .iter()
            .filter_map(|p| head.rfind(p).map(|i| i + p.len()))
            .max();
        let head = &head[cut.unwrap_or(0)..];
        let c = self.subject_level.captures(head)?;
        let en = words::for_language("en");
        let noun = c.get(2)?.as_str();
        if !en.subject_counts.contains(noun.to_lowercase().as_str()) {
            return None;
        }
        let noun = lexicon::singular(&noun.to_lowercase());
        // "Measles cases", "Mortgage approvals": a modifier noun before it stays; in capitals
        // only where it opens the clause ("Boeing deliveries" is a name's).
        let modifier = c
            .get(1)
            .filter(|m| {
                m.as_str().starts_with(char::is_lowercase) || head[..m.start()].trim().is_empty()
            })
            .map(|m| m.as_str().to_lowercase())
            .filter(|m| noun_like(m));
        Some(match modifier {
            Some(m) => format!("{m} {noun}"),
            None => noun,
        })
    }

    /// "the Albanian immigrant workers, estimated at 350,000", "Refugees, numbering about 40,000":
    /// a size set after a plural and its comma counts that plural, with the modifiers before it
    /// (the convention's elided unit, recovered from the sentence).
    fn apposed_count(&self, text: &str, q: &Found) -> Option<String> {
        // (Billions are sums: "Its investments, estimated at 2 billion".)
        if q.range.is_some()
            || q.scale >= 1e9
            || q.value.is_none_or(|v| v.fract() != 0.0 || v < 2.0)
        {
            return None;
        }
        let head = tail_slice(text, q.start, 120);
        let cue = self.apposed_size.find(head)?;
        let before: Vec<&str> = last_line(&head[..cue.start()]).split_whitespace().collect();
        let (last, rest) = before.split_last()?;
        let en = words::for_language("en");
        let noun = last.to_lowercase();
        // (In capitals only where it opens the sentence: "Refugees, numbering …".)
        let opens = rest.last().is_none_or(|w| w.ends_with(['.', '!', '?']));
        if !(noun.len() > 3
            && (last.starts_with(char::is_lowercase) || opens)
            && noun.chars().all(|c| c.is_ascii_lowercase())
            && is_plural(&noun)
            && !verb_or_stop(&noun)
            && !en.apposed_uncounted.contains(noun.as_str()))
        {
            return None;
        }
        // The modifiers back to a function word or punctuation: "of Albanian immigrant workers".
        let modifiers: Vec<String> = rest
            .iter()
            .rev()
            .take(3)
            .take_while(|w| {
                let lower = w.to_lowercase();
                ends_clean(w)
                    && lower.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !verb_or_stop(&lower)
                    && !en.determiners.contains(&lower.as_str())
                    && !en.finite_verbs.contains(lower.as_str())
            })
            .map(|w| w.to_lowercase())
            .collect();
        // ("refugees in the camps, estimated at 50,000", "casualties on both sides, put at 400":
        // the plural after a preposition other than "of" is a place or a side, not what is
        // sized.)
        let mut before = rest[..rest.len() - modifiers.len()]
            .iter()
            .rev()
            .map(|w| w.to_lowercase())
            .skip_while(|w| en.determiners.contains(&w.as_str()) || w == "both" || w == "all");
        if before
            .next()
            .is_some_and(|w| w != "of" && en.places_before.contains(w.as_str()))
        {
            return None;
        }
        let mut phrase: Vec<String> = modifiers.into_iter().rev().collect();
        phrase.push(lexicon::singular(&noun));
        Some(phrase.join(" "))
    }

    /// "The retailer lost $95.7 million in the fiscal year ended February 3": money a firm lost
    /// over a reporting period is its net loss, a result stated ("="), not a level that moved
    /// ("shares lost $2 to $40", "lost $100 billion in market value" still fall).
    fn net_results(&self, text: &str, found: &mut [Found]) {
        for i in 0..found.len() {
            let q = &found[i];
            // (A firm's result is in thousands or more, or per share; "gold lost $12 in the
            // first quarter", "the dollar lost 1.5 yen over the year" are prices that moved.)
            let per_share = q.unit.ends_with("/share");
            if q.change != Change::Down
                || q.kind != QuantityKind::Money
                || q.unit.contains('/') && !per_share
                || q.scale < 1e3 && !per_share && q.value.is_none_or(|v| v < 1e4)
                || !self.lost_before.is_match(tail_slice(text, q.start, 40))
            {
                continue;
            }
            // ("lost $5 million, or 20 cents a share, in the third quarter": past the loss per
            // share, which is the same result.)
            let after = head_slice(text, q.end, 120);
            let period_at = after
                .strip_prefix(", or ")
                .and_then(|r| r.find(','))
                .map_or(0, |c| ", or ".len() + c + 1);
            if !self.result_period.is_match(&after[period_at..]) {
                continue;
            }
            // (A price's move over a period stays one: "the shares lost $3 in the quarter",
            // "lost $3 billion in market value", "lost $2 …, the biggest drop among stocks".)
            let before = sentence_tail(tail_slice(text, q.start, 80));
            let clause = format!("{before}{}", &after[period_at..]).to_lowercase();
            if (!per_share && clause.contains("share"))
                || ["stock", "index", "price", "value", "market", "capitali"]
                    .iter()
                    .any(|w| clause.contains(w))
            {
                continue;
            }
            // The result keeps its bound: "lost about $40 million" is "~".
            let result = self.bound(before, head_slice(text, q.end, 60));
            let end = found[i].end + period_at;
            found[i].change = result;
            for p in found[i + 1..].iter_mut().take_while(|p| p.end <= end) {
                if p.change == Change::Down {
                    p.change = Change::Equal;
                }
            }
        }
    }

    /// "fell 12 cents, or 3 percent", "lost 27 pounds (12 kg)", "up 6 percent in July and 25 percent
    /// for the year": an equivalent or a coordinated amount of the same change takes its direction
    /// or bound. An approximation does not carry ("about 20 miles (32 km)").
    fn carry_change(&self, text: &str, found: &mut [Found]) {
        for i in 1..found.len() {
            let (head, tail) = found.split_at_mut(i);
            let (p, q) = (&head[i - 1], &mut tail[0]);
            // "ended 2.43 points or 0.12 percent lower": the comparative after the equivalent
            // belongs to both amounts, which a copula makes a comparison, not a stated change.
            let rest = head_slice(text, q.end, 60);
            if p.change == Change::Equal
                && q.change.is_direction()
                && (self.after_up.is_match(rest) || self.after_down.is_match(rest))
                && self.copula.is_match(tail_slice(text, p.start, 40))
                && text
                    .get(p.end..q.start)
                    .is_some_and(|gap| self.equivalent_gap.is_match(gap))
            {
                q.change = Change::Equal;
                continue;
            }
            // "closed 2.73 points or 0.22 percent up at 1,196.35": an adverb of change after the
            // equivalent states the change of both amounts.
            let adverb = |dir: Change| match dir {
                Change::Up => self.adverb_up.is_match(rest),
                Change::Down => self.adverb_down.is_match(rest),
                _ => false,
            };
            if p.change == Change::Equal
                && adverb(q.change)
                && text
                    .get(p.end..q.start)
                    .is_some_and(|gap| self.equivalent_gap.is_match(gap))
            {
                head[i - 1].change = q.change;
                continue;
            }

            if q.change != Change::Equal
                || !matches!(
                    p.change,
                    Change::Up | Change::Down | Change::More | Change::Less
                )
            {
                continue;
            }
            let Some(gap) = text.get(p.end..q.start) else {
                continue;
            };
            let equivalent = self.equivalent_gap.is_match(gap);
            // ("rose 0.3 percent in July, 0.2 in June": a list of when each stood.)
            let coordinated = p.change.is_direction()
                && p.unit_name == q.unit_name
                && (self.coordinated_gap.is_match(gap) || self.timed_list_gap.is_match(gap));
            if equivalent || coordinated {
                q.change = p.change;
            }
        }
        // "fell 3.1% to C$2,150 in Toronto and 4.6% to C$2,480 in Vancouver": a second amount in
        // the first's unit that also goes on to a level repeats the first change; the first's
        // level stands between them.
        for i in 2..found.len() {
            let (head, tail) = found.split_at_mut(i);
            let (a, p, q) = (&head[i - 2], &head[i - 1], &mut tail[0]);
            let to = |gap: Option<&str>| gap.is_some_and(|g| g.trim().eq_ignore_ascii_case("to"));
            if q.change == Change::Equal
                && p.change == Change::Equal
                && a.change.is_direction()
                && a.unit_name == q.unit_name
                && to(text.get(a.end..p.start))
                && text
                    .get(p.end..q.start)
                    .is_some_and(|gap| self.coordinated_gap.is_match(gap))
                && head_slice(text, q.end, 4).eq_ignore_ascii_case(" to ")
            {
                q.change = a.change;
            }
        }
    }

    /// A currency name several countries share ("francs", "crowns", "rupees", "pesos") takes its
    /// country from the text (`data/currency-context.tsv`): the cue nearest to the amount in its
    /// sentence ("the Paris bourse", "Belgian"), else the last one in the 2 000 bytes before it (the
    /// article's earlier sentences); without one the lexicon's default stays (the Swiss franc, the
    /// only franc in wide use today).
    ///
    /// Only a plain name is resolved (`written`, as the text has it: "francs", "Rs"): a name with
    /// its country ("Swiss francs", "Indian rupees"), an ISO code or a symbol already says which.
    fn resolve_currency(&self, text: &str, at: usize, written: &str, u: Unit) -> Unit {
        self.currency_cue(text, at, written, u).unwrap_or(u)
    }

    /// The unit the text's nearest country cue gives a plain shared currency name, if any.
    fn currency_cue(&self, text: &str, at: usize, written: &str, u: Unit) -> Option<Unit> {
        let written = written.trim().trim_end_matches('.');
        let plain =
            written.chars().all(char::is_alphabetic) && written.chars().any(char::is_lowercase);
        if !plain {
            return None;
        }
        // Countries, capitals and bodies named before the amount first, then companies, clubs
        // and office-holders: "A Geneva court ordered Peugeot to pay 2 million francs" is in
        // Swiss francs.
        let tiers = [&lexicon::CURRENCY_CONTEXT, &lexicon::CURRENCY_COMPANIES]
            .map(|tier| tier.get(u.unit).map_or(&[][..], Vec::as_slice));
        if tiers.iter().all(|rows| rows.is_empty()) {
            return None;
        }
        let sentence = sentence_around(text, at);
        let offset = sentence.as_ptr() as usize - text.as_ptr() as usize;
        let nearest = |rows: &'static [lexicon::CurrencyCue], before_only: bool| {
            rows.iter()
                .flat_map(|r| r.cues.find_iter(sentence).map(move |m| (m, r)))
                .filter(|(m, _)| !before_only || offset + m.start() < at)
                .min_by_key(|(m, _)| (offset + m.start()).abs_diff(at))
        };
        let earlier = |rows: &'static [lexicon::CurrencyCue]| {
            let before = tail_slice(text, offset, 2000);
            rows.iter()
                .filter_map(|r| r.cues.find_iter(before).last().map(|m| (m, r)))
                .max_by_key(|(m, _)| m.end())
        };
        // (Only one named before the amount: "Scor gained 2.1 percent to 202 francs on news
        // that Prudential sold its unit to Swiss Re" is in French francs.)
        nearest(tiers[0], true)
            .or_else(|| nearest(tiers[1], false))
            .or_else(|| nearest(tiers[0], false))
            .or_else(|| earlier(tiers[0]))
            .or_else(|| earlier(tiers[1]))
            .map(|(_, r)| Unit {
                unit: r.unit,
                name: r.name,
                kind: u.kind,
            })
    }

    /// Before the euro, a plain "francs" that no cue resolved is the French franc (see
    /// [`extract_dated`](Self::extract_dated)). Runs before the elided units are carried, so a
    /// bare level after it ("rose 12 francs to 1,420") follows.
    fn francs_before_the_euro(&self, text: &str, found: &mut [Found]) {
        for q in found.iter_mut() {
            let Some(rest) = q.unit.strip_prefix("CHF") else {
                continue;
            };
            let Some(at) = text[q.start..q.end].rfind("franc") else {
                continue;
            };
            let word_start = q.start + at;
            let written = text[word_start..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default();
            let plain = Unit {
                unit: "CHF",
                name: "swiss franc",
                kind: QuantityKind::Money,
            };
            let before = last_word(text[q.start..word_start].trim_end());
            let named = ["Swiss", "swiss"].contains(&before);
            if named || self.currency_cue(text, q.start, written, plain).is_some() {
                continue;
            }
            q.unit = format!("FRF{rest}");
            if let Some(rest) = q.unit_name.strip_prefix("swiss franc") {
                q.unit_name = format!("french franc{rest}");
            }
        }
    }

    /// "Net per shr (guilders) 4.38 vs 3.70", "Order book (billions) 2.37 vs 2.01": in a table
    /// row the bracketed header before the figures names their scale and unit. A bare number
    /// takes them when only figures, "vs", dashes and month names stand between the header and it.
    fn table_header(&self, text: &str, found: &mut [Found]) {
        for q in found.iter_mut() {
            let Some(value) = q.value.filter(|_| {
                q.unit == "count" && q.unit_name == "-" && q.scale == 1.0 && q.range.is_none()
            }) else {
                continue;
            };
            // A row is short: reading back a bounded stretch keeps long one-line texts linear.
            let near = tail_slice(text, q.start, 200);
            let line = last_line(near);
            let Some(close) = line.rfind(')') else {
                continue;
            };
            let Some(open) = line[..close].rfind('(') else {
                continue;
            };
            let figures_only = line[close + 1..].split_whitespace().all(|w| {
                w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | ';'))
                    || matches!(w.to_lowercase().as_str(), "vs" | "vs." | "versus")
                    || self.months.is_match(w)
            });
            if !figures_only {
                continue;
            }
            let inside = line[open + 1..close].trim();
            // "Buducnost (V) 4 2 0": one letter in brackets marks a name (a team's town), no unit.
            if inside.chars().count() < 2 {
                continue;
            }
            let inside = inside
                .strip_prefix("in ")
                .or_else(|| inside.strip_prefix("In "))
                .unwrap_or(inside);
            // "(GB)", "(FT)", "(M3)": capitals in brackets are a country, a team or a code, not a
            // header; headers are written in lower case ("(pct)", "(mln DM)", "(%)").
            if !inside.starts_with(|c: char| c.is_lowercase() || c == '%') {
                continue;
            }
            // "(billions)", "(bln taka)", "(millions of yuan)": a scale word first, its plural too.
            let first = inside.split_whitespace().next().unwrap_or("");
            let singular = first.strip_suffix(['s', 'S']).unwrap_or(first);
            let scale = [first, singular].iter().find_map(|w| {
                self.scales
                    .longest(w, |e| e == w.len())
                    .map(|(_, i)| lexicon::SCALES[i].1)
                    .filter(|&s| s >= 1e3)
            });
            let rest = match scale {
                Some(_) => {
                    let r = inside[first.len()..].trim_start();
                    r.strip_prefix("of ").unwrap_or(r).trim()
                }
                None => inside,
            };
            // "(bln pts)" is billions of pesetas: index points are never counted in billions.
            let unit = (!rest.is_empty())
                .then(|| self.whole_unit(rest))
                .flatten()
                .filter(|u| scale.is_none() || u.unit != "point");
            if scale.is_none() && unit.is_none() {
                continue;
            }
            if let Some(s) = scale {
                q.value = Some(scaled(value, s));
                q.scale = s;
            }
            if let Some(u) = unit {
                q.take_unit((u.unit.into(), u.name.into(), u.kind));
            }
            q.bare = false;
        }
    }

    /// "Interstates 80 and 90", "Routes 9, 12 and 15": whether the number at `start` is one after
    /// the first in a list that a capitalised plural opens, the first read as a name.
    fn listed_after_name(&self, text: &str, start: usize) -> bool {
        let head = tail_slice(text, start, 60);
        self.plural_name_list
            .captures(head)
            .and_then(|c| c.get(1))
            .is_some_and(|first| self.name_word_before(text, start - head.len() + first.start()))
    }

    /// Whether the number at `start` follows, after one space, a capitalised word that is not the
    /// first of its sentence, a month or a weekday, in a sentence that is not all capitals (where
    /// case says nothing).
    fn name_word_before(&self, text: &str, start: usize) -> bool {
        let head = tail_slice(text, start, 60);
        let Some(head) = head.strip_suffix(' ') else {
            return false;
        };
        // "S&P 500", "AT&T": an ampersand joins a name's letters.
        let word_start = head
            .rfind(|c: char| !c.is_alphabetic() && c != '&')
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let (lead, word) = head.split_at(word_start);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let inside = lead.ends_with(' ')
            && lead
                .trim_end()
                .ends_with(|c: char| c.is_alphanumeric() || c == ',');
        if !capitalised || !inside || self.months.is_match(word) || word.ends_with("day") {
            return false;
        }
        sentence_around(text, start).contains(char::is_lowercase)
    }

    /// The catalogue unit written as exactly `word` ("USD", "rouble"), if any.
    fn whole_unit(&self, word: &str) -> Option<Unit> {
        self.units
            .longest(word, |e| e == word.len())
            .map(|(_, i)| Unit::from(&lexicon::UNITS[i]))
    }

    /// Canonical singular name of the denominator in "a share", "per annum", "/h", "per kWh":
    /// a word the language file names (`per_name` rows: "capita" → "person"), else a measure of
    /// the unit catalogue as written ("kWh" is case-sensitive there), else the noun's singular.
    fn per_unit(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        if let Some(name) = words::for_language("en").per_names.get(lower.as_str()) {
            return (*name).to_string();
        }
        let measure = |w: &str| {
            self.whole_unit(w)
                .filter(|u| matches!(u.kind, QuantityKind::Measure | QuantityKind::Duration))
        };
        match measure(word).or_else(|| measure(&lower)) {
            Some(u) => u.name.to_string(),
            None => lexicon::singular(&lower),
        }
    }

    /// "the 50 and 100 metres", "the Olympic 50 and 100 metres": a number joined by a range word
    /// to a measure is an amount of that measure, not a name or a back-reference.
    fn coordinated_measure(&self, after: &str) -> bool {
        let Some(m) = self.coordinated_number.find(after) else {
            return false;
        };
        let rest = &after[m.end()..];
        self.units.longest(rest, |e| word_ends(rest, e)).is_some()
    }

    fn near_month(&self, text: &str, start: usize, end: usize) -> bool {
        let before = tail_slice(text, start, 20).trim_end();
        // "Sept 15-30", "between November 20 and 24": the second day of a span of days.
        let joined = before.strip_suffix(['-', '–']).or_else(|| {
            ["and", "to", "through", "until"].iter().find_map(|w| {
                let b = before.strip_suffix(w)?;
                b.ends_with(char::is_whitespace).then_some(b)
            })
        });
        let day_span = joined.and_then(|b| {
            let b = b.trim_end();
            let day = b.trim_end_matches(|c: char| c.is_ascii_digit());
            (1..=2)
                .contains(&(b.len() - day.len()))
                .then(|| day.trim_end())
        });
        let before = day_span.unwrap_or(before);
        let after = text[end..].trim_start();
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '.')
            .collect();
        self.months.is_match(before) || self.months.is_match(&next_word)
    }

    /// "600,000 engines a year", "12 flights per day": a count of a noun per a unit of time or of
    /// a set is a rate ("engine per year"), read after the noun as the text writes it.
    fn attach_count_rate(&self, text: &str, q: &mut Found) {
        let head = last_word(&q.unit_name).to_string();
        let line = first_line(&text[q.end..]);
        let mut pos = 0;
        for w in line.split_whitespace().take(8) {
            let Some(at) = line[pos..].find(w) else {
                return;
            };
            pos += at + w.len();
            let bare = w.trim_end_matches(AFTER_WORD);
            if lexicon::singular(bare) != head {
                if bare.len() != w.len() {
                    return;
                }
                continue;
            }
            let rest = &line[pos..];
            if bare.len() == w.len() {
                if let Some(span) = self.rate_adverb(rest) {
                    q.unit_name = format!("{} per {span}", q.unit_name);
                } else if let Some(c) = self.per.captures(rest).filter(|c| !within_a(&c[0])) {
                    let after = &rest[c.get(0).map_or(0, |m| m.end())..];
                    // "3,000 troops a second time" is an ordinal, "a year-long dispute" a
                    // modifier: no rate either.
                    let ordinal =
                        c[1].eq_ignore_ascii_case("second") && !c[0].to_lowercase().contains("per");
                    if !self.dated(&c[1], after) && !ordinal && !after.starts_with('-') {
                        let denom = self.per_unit(&c[1]);
                        q.unit_name = format!("{} per {denom}", q.unit_name);
                    }
                }
            }
            return;
        }
    }

    /// "$9 a share", "$420 per tonne": the rate written right after `q` divides its unit, and the
    /// span takes it along (not an "of jet fuel a year" in between).
    fn attach_rate(&self, text: &str, q: &mut Found) {
        if matches!(q.kind, QuantityKind::Money | QuantityKind::Measure) {
            if let Some(span) = self.rate_adverb(&text[q.end..]) {
                q.divide_by(span, span);
                q.end += 1 + word_after(&text[q.end..]).len();
                return;
            }
        }
        let per = self.per.captures(&text[q.end..]).filter(|c| {
            // "$1.17 billion a year earlier" dates the figure; it is not a rate. "six years of
            // fighting and a dozen accords": an "of" phrase that a conjunction goes on from
            // is not the rate's ("2 percent of GDP a year" is).
            let joined = has_word(&c[0], &["and", "or", "but"]) || within_a(&c[0]);
            // A lone "t" is a tonne only after a slash ("$145/t"; not "$5 a t-shirt").
            let lone_t = c[1].eq_ignore_ascii_case("t")
                && (!c[0].contains('/') || text[q.end + c[0].len()..].starts_with('-'));
            !self.dated(&c[1], &text[q.end + c[0].len()..]) && !joined && !lone_t
        });
        if let Some(c) = per {
            let denom = self.per_unit(&c[1]);
            q.divide_by(&denom, &denom);
            if !c[0].trim_start().to_lowercase().starts_with("of") {
                q.end += c[0].len();
            }
            return;
        }
        // Money "a" any singular noun that ends its phrase ("$4.85 a bushel.", "$12 per ticket
        // in 1995") is a price per that noun; a noun phrase going on ("$5 a person familiar with")
        // or a plural ("$2 million a ... years") is something else.
        if q.kind != QuantityKind::Money {
            return;
        }
        let stop = &words::for_language("en").stop;
        if self.attach_two_word_rate(text, q) {
            return;
        }
        let Some(c) = self.per_noun.captures(&text[q.end..]) else {
            return;
        };
        let noun = &c[1];
        // Where the rate ends: after the noun, not the word after it that `per_noun` looked at.
        let rate_end = q.end + c.get(1).map_or(0, |m| m.end());
        let ends = c.get(2).is_none_or(|next| stop.contains(next.as_str()));
        if !ends
            || stop.contains(noun)
            || regular_plural(noun)
            || number_word(noun)
            || self.dated(noun, &text[rate_end..])
        {
            return;
        }
        // "33 karbovanets per rouble": an exchange rate, its currency named as the catalogue
        // names it.
        let currency = self
            .whole_unit(noun)
            .filter(|u| u.kind == QuantityKind::Money);
        // "per cwt": an abbreviation is named in full.
        let (id, name) = match currency {
            Some(u) => (u.unit.to_string(), u.name.to_string()),
            None => {
                let noun = self.per_unit(noun);
                (noun.clone(), noun)
            }
        };
        q.divide_by(&id, &name);
        q.end = rate_end;
    }

    /// "A$100 (US$79) a pair": a rate written after a bracketed conversion divides the amount
    /// before the bracket and the one inside it alike. The span stays the amount's own.
    fn attach_rate_past_bracket(&self, text: &str, q: &mut Found) {
        if q.kind != QuantityKind::Money || q.unit.contains('/') {
            return;
        }
        let rest = &text[q.end..];
        let skip = if rest.starts_with(')') && tail_slice(text, q.start, 24).contains('(') {
            1
        } else if let Some(inner) = rest.strip_prefix(" (") {
            match inner.find(')') {
                Some(close)
                    if close < 40 && inner[..close].contains(|c: char| c.is_ascii_digit()) =>
                {
                    2 + close + 1
                }
                _ => return,
            }
        } else {
            return;
        };
        let mut past = q.clone();
        past.end = q.end + skip;
        self.attach_rate(text, &mut past);
        if past.unit != q.unit {
            q.unit = past.unit;
            q.unit_name = past.unit_name;
        }
    }

    /// "$0.65 per partnership unit for the quarter", "$2 per common share.": money per a
    /// two-word noun that ends its phrase. Only after "per": "$5 a person familiar with" is no rate.
    fn attach_two_word_rate(&self, text: &str, q: &mut Found) -> bool {
        let Some(c) = self.per_two.captures(&text[q.end..]) else {
            return false;
        };
        let stop = &words::for_language("en").stop;
        let (first, second) = (&c[1], &c[2]);
        let rate_end = q.end + c.get(2).map_or(0, |m| m.end());
        if c.get(3).is_some_and(|next| !stop.contains(next.as_str()))
            || stop.contains(first)
            || stop.contains(second)
            || regular_plural(first)
            || regular_plural(second)
            || participle(second)
            || self.dated(second, &text[rate_end..])
        {
            return false;
        }
        let noun = format!("{first} {}", self.per_unit(second));
        q.divide_by(&noun, &noun);
        q.end = rate_end;
        true
    }

    /// "1,100 barrels daily", "$2 million weekly": the span of time an adverb right after the
    /// amount (or its noun) makes it a rate per, if one does.
    fn rate_adverb(&self, rest: &str) -> Option<&'static str> {
        let word = word_after(rest);
        if word.is_empty() {
            return None;
        }
        // (`word_after` read a space and the word: both are single bytes or the word itself.)
        let after = &rest[1 + word.len()..];
        // ("daily newspapers": an adjective before its noun.)
        let ends = after.is_empty() || !after.starts_with(' ') || {
            let next = word_after(after).to_lowercase();
            words::for_language("en").stop.contains(next.as_str())
        };
        ends.then(|| {
            words::for_language("en")
                .rate_adverbs
                .get(word.to_lowercase().as_str())
        })
        .flatten()
        .copied()
    }

    /// "a year earlier", "a month ago": a span of time and a word of time after it date the
    /// amount; it is no rate. (Any other noun is: "$420 per tonne on Monday".)
    fn dated(&self, noun: &str, after: &str) -> bool {
        words::for_language("en")
            .dating_nouns
            .contains(noun.to_lowercase().as_str())
            && self.time_ref.is_match(after)
    }

    /// The change or bound the words around an amount state.
    fn change(&self, text: &str, start: usize, end: usize) -> Change {
        let change = self.stated_change(text, start, end);
        // "dropped three in a row", "lost five of their last six": games won or lost are
        // counted, not a level that moved.
        if change.is_direction() && self.run_of_games.is_match(head_slice(text, end, 40)) {
            return Change::Equal;
        }
        change
    }

    fn stated_change(&self, text: &str, start: usize, end: usize) -> Change {
        let before = sentence_tail(tail_slice(text, start, 80));
        let after = head_slice(text, end, 60);
        // "went up to 8 billion": the level reached.
        if self.level_reached.is_match(before) {
            return Change::Equal;
        }
        if self.level_extent.is_match(before) {
            return self.bound(before, after);
        }
        if self.made_of.is_match(before) {
            return self.bound(before, after);
        }
        // "gusts of up to 245 km/h", "up to 25%": a ceiling, not a rise; "spending was up to
        // $2.97 trillion from $2.96 trillion" is the level reached, set against the one left.
        // ("cuts the bill by up to 40%": a change by a ceiling is the change, CONVENTIONS.md
        // putting up/down before a bound.)
        if self.up_to.is_match(before) && !self.by_up_to.is_match(before) {
            if self.copula_up_to.is_match(before) && self.from_amount.is_match(after) {
                return Change::Equal;
            }
            return Change::Less;
        }
        // ", an increase of 17 percent" restates the change of the figure before it; a change in
        // noun form elsewhere ("forecast a rise of 6 percent", "growth of 7.2 percent") is "="
        // (CONVENTIONS.md).
        if self.up_noun.is_match(before) {
            return Change::Up;
        }
        if self.down_noun.is_match(before) {
            return Change::Down;
        }
        // "a fall of 2 percent": the noun, not the verb "fall".
        let noun_form = self.noun_change.is_match(before);
        // "was 4 percent lower", "ended 3p higher": a comparison, not a stated change.
        let compared = self.copula.is_match(before);
        // "Gencor's increased 41.5 percent stake", "the reduced 5 percent rate": a participle after
        // an article or an owner modifies the noun; it states no change.
        let verb = |cue: &Regex| {
            cue.find(before).is_some_and(|m| {
                let first = m.as_str().split_whitespace().next().unwrap_or("");
                let participle = first.to_lowercase().ends_with("ed");
                let head = before[..m.start()].trim_end();
                // ("Sainsbury's shed 2 percent to 410p", "it's jumped 10 percent" change.)
                // (Strip the suffix, not two bytes: "’" is three bytes long.)
                let owner = head
                    .strip_suffix("'s")
                    .or_else(|| head.strip_suffix("’s"))
                    .is_some_and(|stem| {
                        !["it", "that", "he", "she", "there", "what", "who"]
                            .contains(&last_word(stem).to_lowercase().as_str())
                    });
                let article = ["a", "an", "the", "its", "their", "his", "her"]
                    .contains(&last_word(head).to_lowercase().as_str());
                // "pick up a 65-inch TV": an article right before digits takes an object, not a
                // change ("up a third" is one).
                let article_before_digits = {
                    let cue = m.as_str().trim_end().to_lowercase();
                    (cue.ends_with(" a") || cue.ends_with(" an"))
                        && text[start..].starts_with(|c: char| c.is_ascii_digit())
                };
                // "snapped up €16 billion", "sent off 15 minutes from time": the particle of
                // another verb.
                let en = words::for_language("en");
                let verb_before = last_word(head).to_lowercase();
                let phrasal = first.eq_ignore_ascii_case("up")
                    && en.up_phrasals.contains(verb_before.as_str())
                    || first.eq_ignore_ascii_case("off")
                        && en.off_phrasals.contains(verb_before.as_str());
                // "Declining issues beat advances 1,627 to 743", "advances outnumbered declines
                // 9 to 7": the object of a verb that sets two counts against each other is a
                // noun, not a change.
                let tallied =
                    self.tally_verb.is_match(&verb_before) && self.tally_noun.is_match(first);
                !(participle && (owner || article) && noun_like(word_after(after)))
                    && !article_before_digits
                    && !phrasal
                    && !tallied
            })
        };
        // "3.2 percent up from July": the adverb marks the change; "62 percent up from 58
        // percent" sets a level against an earlier one (CONVENTIONS.md: "=").
        let adverb = |cue: &Regex| {
            cue.find(after).is_some_and(|m| {
                !(m.as_str().to_lowercase().ends_with("from")
                    && after[m.end()..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c)))
            })
        };
        // "raised rates by": the verb's object holds no clause of its own ("raised rates and
        // said output would fall by 2 percent" is the fall's).
        // The verb is looked for after the last such word ("cut the deficit and cut taxes by").
        let clause = {
            let mut from = 0;
            let mut at = 0;
            for w in before.split_inclusive(char::is_whitespace) {
                at += w.len();
                if has_word(w, &["and", "but", "said", "that", "which"]) {
                    from = at;
                }
            }
            &before[from..]
        };
        // "raised the debt limit in a bill passed by 61 votes": a participle in the object takes
        // the "by" (a passive); the change verb's amount is not the agents'.
        let by_object = |cue: &Regex| {
            cue.find(clause).is_some_and(|m| {
                let words: Vec<&str> = m.as_str().split_whitespace().collect();
                let by = words.iter().rposition(|w| w.eq_ignore_ascii_case("by"));
                // ("cut benefits for the unemployed by 10 percent": after "the" it is a noun.)
                !by.filter(|&i| i > 2).is_some_and(|i| {
                    let w = words[i - 1];
                    w.len() > 4
                        && w.ends_with("ed")
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !words[i - 2].eq_ignore_ascii_case("the")
                })
            })
        };
        // "pushed 2 percent higher", "edged 3 cents lower": the comparative gives a verb of
        // motion its direction.
        if self.motion_before.is_match(before) {
            if self.comparative_up.is_match(after) {
                return Change::Up;
            }
            if self.comparative_down.is_match(after) {
                return Change::Down;
            }
        }
        if !noun_form && verb(&self.up)
            || by_object(&self.up_by)
            || !compared && self.after_up.is_match(after) && !self.difference.is_match(after)
            || adverb(&self.adverb_up)
        {
            return Change::Up;
        }
        if !noun_form && verb(&self.down)
            || by_object(&self.down_by)
            || !compared && self.after_down.is_match(after) && !self.difference.is_match(after)
            || adverb(&self.adverb_down)
        {
            return Change::Down;
        }
        // "+0.4%", "~300": a sign written for the change, a tilde for an estimate.
        if before.ends_with('+')
            && !before[..before.len() - 1].ends_with(|c: char| c.is_alphanumeric())
        {
            return Change::Up;
        }
        self.bound(before, after)
    }

    /// Whether `gap` names money other than `p`'s ("$142 million and said the peso hit 1,037"): a
    /// number after it is not in `p`'s currency. Reads the gap's words only, so linear in it.
    fn names_money(&self, gap: &str, p: &Found) -> bool {
        gap.char_indices()
            .filter(|&(i, c)| {
                c.is_alphabetic() && !gap[..i].ends_with(|b: char| b.is_alphanumeric())
            })
            .any(|(i, _)| {
                let word = &gap[i..];
                self.units
                    .longest(word, |e| word_ends(word, e))
                    .is_some_and(|(_, u)| {
                        let (_, id, _, kind) = lexicon::UNITS[u];
                        kind == QuantityKind::Money && id != p.unit
                    })
            })
    }

    /// Whether a span of years may stand at `start` ("queen of England 1558-1603", "reigned from
    /// 1558-1603"): no unit after its second end (`after`: "1200-1300 km"), and no word before
    /// it that leads an amount ("fell to 1450-1460", "between 1450-1500"; "from" and "in" date).
    fn date_may_stand(&self, text: &str, start: usize, after: &str) -> bool {
        let lead = last_word(tail_slice(text, start, 16).trim_end()).to_lowercase();
        let en = words::for_language("en");
        // ("the 1618-1648 war": an article before the span names an era; a plural after the
        // span is counted, not dated, before `date_may_stand` is asked.)
        self.units.longest(after, |e| word_ends(after, e)).is_none()
            && (!en.stop.contains(lead.as_str())
                // ("Its 1500-1600 workforce": round hundreds after an article count.)
                || en.determiners.contains(&lead.as_str())
                    && !round_hundreds(&text[start..text.len() - after.len()])
                || matches!(lead.as_str(), "from" | "in" | "during"))
    }

    /// Whether four digits in the years start a count ("carried 1800-2000 passengers", "about
    /// 1900-2100 pilgrims"): both ends round hundreds (a span of years seldom is: "examined
    /// 1990-1995 records", "Some 1994-1995 contracts"), a plural after them which is no span of
    /// time, and before them a word that is no preposition or article ("In 1900-2000 prices rose",
    /// "the 1800-2000 budgets") but may be an approximation or a bound.
    /// Whether the number at `start` closes a span that `count_span` counts (the "2000" of
    /// "carried 1800-2000 passengers").
    fn count_span_closed(&self, text: &str, start: usize) -> bool {
        let before = &text[..start];
        number_before_dash(before).is_some_and(|first| {
            let head = before.trim_end_matches(['-', '–']);
            let first_start = head.len() - 4;
            self.count_span(text, first_start, head.len(), f64::from(first))
        })
    }

    fn count_span(&self, text: &str, start: usize, end: usize, year: f64) -> bool {
        let Some((_, tail)) =
            four_digits_after_dash(&text[end..]).filter(|&(later, _)| later > year)
        else {
            return false;
        };
        let lead = last_word(tail_slice(text, start, 16).trim_end()).to_lowercase();
        let en = words::for_language("en");
        let span = &text[start..text.len() - tail.len()];
        round_hundreds(span)
            && !span
                .split_once(['-', '–'])
                .is_some_and(|(a, b)| one_century(a, b))
            && tail.starts_with(' ')
            && next_word_plural(tail)
            && self
                .units
                .longest(tail, |e| word_ends(tail, e))
                .is_none_or(|(_, i)| lexicon::UNITS[i].3 != QuantityKind::Duration)
            && (!lead.is_empty() && !en.stop.contains(lead.as_str())
                || en.number_qualifiers.contains(lead.as_str())
                // ("Attendance was 1800-2000 people": a copula states the count.)
                || matches!(
                    lead.as_str(),
                    "between" | "around" | "than" | "was" | "were" | "is" | "are"
                ))
    }

    /// Whether the four digits at `start..end` are an end of "between N and M" that counts the
    /// plural after it ("Between 1500 and 2000 passengers were stranded"): both ends round
    /// hundreds, as in [`count_span`](Self::count_span), and no span of time after ("between
    /// 1900 and 2000 years ago" stays dates; "between 1990 and 1995 exports fell" too).
    fn count_between(&self, text: &str, start: usize, end: usize) -> bool {
        let counts = |first: &str, second: &str, tail: &str| {
            round_hundred_ends(first, second)
                && first < second
                && !one_century(first, second)
                && tail.starts_with(' ')
                && next_word_plural(tail)
                && self
                    .units
                    .longest(tail, |e| word_ends(tail, e))
                    .is_none_or(|(_, i)| lexicon::UNITS[i].3 != QuantityKind::Duration)
        };
        let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        let this = &text[start..end];
        let head = tail_slice(text, start, 24).to_lowercase();
        // The opening end: "between 1500 and 2000 passengers".
        if head.ends_with("between ") {
            let rest = &text[end..];
            if let Some(second) = rest.strip_prefix(" and ").and_then(|r| r.get(..4)) {
                if digits(second) {
                    return counts(this, second, &rest[" and ".len() + 4..]);
                }
            }
            return false;
        }
        // The closing end: the "2000" after "between 1500 and ".
        head.strip_suffix(" and ")
            .and_then(|h| h.get(h.len().saturating_sub(12)..))
            .and_then(|h| h.strip_prefix("between "))
            .is_some_and(|first| digits(first) && counts(first, this, &text[end..]))
    }

    /// "two hits over eight innings", "cut 500 jobs over three years": "over" before a span of time
    /// or play says when, unless the word before it asks for a length ("jailed for over 10 years").
    fn over_a_span(&self, text: &str, q: &Found) -> bool {
        let en = words::for_language("en");
        let head = q.unit_name.rsplit(' ').next().unwrap_or("");
        let span = (q.kind == QuantityKind::Duration && q.unit != "year_of_age")
            || en.span_nouns.contains(head);
        let head = tail_slice(text, q.start, 40).trim_end();
        let Some(lead) = head
            .strip_suffix("over")
            .or_else(|| head.strip_suffix("Over"))
        else {
            return false;
        };
        let word = last_word(lead.trim_end()).to_lowercase();
        span && lead.ends_with(char::is_whitespace)
            && !word.is_empty()
            && !en.length_leads.contains(word.as_str())
    }

    /// The change an amount's estimate or bound words give it ("about", "more than", "up to"…),
    /// when no change verb or sign states one.
    fn bound(&self, before: &str, after: &str) -> Change {
        // "just above the 820 level": the bound stands before the level's article.
        let level = first_word(after).is_some_and(|w| {
            words::for_language("en")
                .level_nouns
                .contains(w.to_lowercase().as_str())
        });
        let before = match before.trim_end().strip_suffix("the") {
            Some(b) if level && b.ends_with(char::is_whitespace) => b,
            _ => before,
        };
        if self.approx.is_match(before) || before.trim_end().ends_with('~') {
            return Change::Approx;
        }
        // "no more than 80" is a ceiling and "no less than 5" a floor: the cue that starts first
        // (the longer one) decides.
        // "hand over three men": "over" as the particle of a verb bounds nothing.
        let more = self
            .more
            .find(before)
            .filter(|_| !self.particle_over.is_match(before))
            .map(|m| m.start());
        let less = self.less.find(before).map(|m| m.start());
        match (more, less) {
            (Some(m), Some(l)) if l < m => Change::Less,
            (Some(_), _) => Change::More,
            (None, Some(_)) => Change::Less,
            // "a bonus of $50,000 plus one kilo of gold", "4 percent plus the base rate": "plus"
            // before another amount or a noun phrase adds it.
            // ("$1,500 and up", "paid $1,500 and up to join": a floor that closes its clause or
            // comes before an infinitive; "and up from 104.80", "and up to $10", "and above
            // forecasts" go on with something else.)
            (None, None)
                if self.after_more.find(after).is_some_and(|m| {
                    let cue = m.as_str().to_lowercase();
                    let rest = &after[m.end()..];
                    let closes = || {
                        let r = rest.trim_start();
                        r.is_empty()
                            || r.starts_with([',', '.', ';', ':', ')'])
                            || r.strip_prefix("to ")
                                .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_lowercase()))
                    };
                    !(cue.ends_with("plus") && self.amount_next.is_match(rest))
                        && (!cue.trim_start().starts_with("and") || closes())
                }) =>
            {
                Change::More
            }
            (None, None) if self.after_less.is_match(after) => Change::Less,
            (None, None) => Change::Equal,
        }
    }

    /// (value, high end for vague magnitudes like "tens of billions").
    fn parse_number(&self, s: &str, format: NumberFormat) -> Option<(f64, Option<f64>)> {
        let lower = s.to_lowercase();
        // "several hundred", "a few thousand": as "hundreds" and "thousands", up to the next power.
        if let Some(scale) = ["several ", "a few "]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .and_then(|w| match w {
                // ("a few dozen": as "dozens", 12-120.)
                "dozen" | "dozens" => Some(12.0),
                "hundred" => Some(1e2),
                "thousand" => Some(1e3),
                "million" => Some(1e6),
                "billion" => Some(1e9),
                _ => None,
            })
        {
            return Some((scale, Some(scale * 10.0)));
        }
        // A bare "dozens", "hundreds" or "thousands" standing as a noun.
        let lower = if bare_vague_plural(&lower) {
            lower + " of "
        } else {
            lower
        };
        if let Some(rest) = [
            "tens of ",
            "dozens of ",
            "scores of ",
            "hundreds of ",
            "thousands of ",
            "millions of ",
            "billions of ",
            "trillions of ",
        ]
        .iter()
        .find_map(|p| lower.strip_prefix(p).map(|r| (*p, r)))
        {
            // "tens of billions" is 10 to 99 billion: the next order of magnitude is not reached.
            let (base, high) = match rest.0 {
                // The NewsQuant convention: "dozens" 12-120, "hundreds" 100-1000, "thousands"
                // 1000-10000. "tens of" keeps the seed gold's reading (10-99, an estimate), which the
                // two gold sets disagree on.
                "tens of " => (10.0, 99.0),
                "dozens of " => (12.0, 120.0),
                // A score is twenty: "scores of" as "dozens of" is of twelves.
                "scores of " => (20.0, 200.0),
                "hundreds of " => (100.0, 1000.0),
                "thousands of " => (1e3, 1e4),
                "billions of " => (1e9, 1e10),
                "trillions of " => (1e12, 1e13),
                _ => (1e6, 1e7),
            };
            let mult = if rest.1.starts_with("thousands") {
                1e3
            } else if rest.1.starts_with("millions") {
                1e6
            } else if rest.1.starts_with("billions") {
                1e9
            } else if rest.1.starts_with("trillions") {
                1e12
            } else {
                1.0
            };
            return Some((base * mult, Some(high * mult)));
        }
        if let Some(v) = fraction(&lower) {
            return Some((v, None));
        }
        if let Some(v) = times_ten_to(&lower) {
            return Some((v, None));
        }
        if lower.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            let cleaned: String = match format {
                NumberFormat::English => {
                    lower.chars().filter(|c| !matches!(c, ',' | ' ')).collect()
                }
                NumberFormat::Continental => lower
                    .chars()
                    .filter(|c| *c != '.')
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect(),
                NumberFormat::French => lower
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect(),
            };
            return cleaned.parse().ok().map(|v| (v, None));
        }
        // "two and a half", "four-and-a-half", "one and a quarter" ("between one and three
        // quarters of voters" is two numbers).
        let parts: Vec<&str> = lower
            .rsplitn(4, |c: char| c.is_whitespace() || c == '-')
            .collect();
        if let [part, "a", "and", whole] = parts[..] {
            let of = match part {
                "half" => Some(2.0),
                "quarter" => Some(4.0),
                "third" => Some(3.0),
                _ => None,
            };
            if let Some(of) = of {
                let whole = whole.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
                let (v, _) = self.parse_number(whole, format)?;
                return Some((v + 1.0 / of, None));
            }
        }
        // A listed phrase ("a dozen", "two-thirds"), else a compound ("twenty-five", "ninety five").
        let lookup = |w: &str| NUMBER_WORDS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v);
        if let Some(v) = lookup(&lower) {
            return Some((v, None));
        }
        let mut total = 0.0;
        for part in lower.split(['-', ' ']).filter(|p| !p.is_empty()) {
            total += lookup(part)?;
        }
        Some((total, None))
    }

    /// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50": the minor unit
    /// written after a whole amount of money is part of it (value 3.5, 13.45, 15.5).
    fn merge_subunits(
        &self,
        text: &str,
        found: Vec<Found>,
        numbers: &Regex,
        format: NumberFormat,
    ) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        let mut swallowed_to = 0;
        for q in found {
            if q.start < swallowed_to {
                continue;
            }
            let mut q = q;
            let whole = q.kind == QuantityKind::Money
                && q.scale == 1.0
                && !q.unit.contains(['_', '/'])
                && q.value.is_some_and(|v| v.fract() == 0.0);
            if whole {
                let after = &text[q.end..];
                if let Some(gap) = self.subunit_gap.find(after) {
                    let at = q.end + gap.end();
                    let cents = numbers
                        .find_at(text, at)
                        .filter(|m| m.start() == at)
                        .and_then(|m| {
                            let (v, high) = self.parse_number(m.as_str(), format)?;
                            (high.is_none() && v.fract() == 0.0 && (1.0..100.0).contains(&v))
                                .then_some((m.end(), v))
                        });
                    if let Some((mut end, v)) = cents {
                        let tail = &text[end..];
                        if let Some(c) = self.cent_word.find(tail) {
                            end += c.end();
                        }
                        // Only when nothing else is counted: "$15 and 20 people" stays two amounts.
                        let next_word = text[end..].trim_start();
                        // "10 $ 30 $", "$9,100 and 3% of output": a unit of its own after the
                        // second number, other than a cent's, makes two amounts.
                        let unit_after = self.units.longest(tail, |e| word_ends(tail, e)).is_some()
                            && !self.cent_word.is_match(tail);
                        if unit_after {
                        } else if next_word.is_empty()
                            || next_word.starts_with(|c: char| !c.is_alphanumeric())
                            || NOT_COUNTED.contains(
                                &next_word
                                    .split_whitespace()
                                    .next()
                                    .unwrap_or("")
                                    .to_lowercase()
                                    .as_str(),
                            )
                            || self.cent_word.is_match(tail)
                        {
                            q.value = q.value.map(|w| w + v / 100.0);
                            q.end = end;
                            swallowed_to = end;
                        }
                    }
                }
            }
            out.push(q);
        }
        out
    }

    /// Joins "10-12%", "between 300 and 400 flights", "from 5 to 7 million" into one ranged quantity.
    fn merge_ranges(&self, text: &str, found: Vec<Found>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for q in found {
            // "climbed six percent, or 14p to 250 pence": the amount before restates a change,
            // whose level follows it.
            // (Read only before a "to": the gap is matched against the equivalent pattern.)
            let n = out.len();
            let to_next = out
                .last()
                .and_then(|p| text.get(p.end..q.start))
                .is_some_and(|g| g.trim().eq_ignore_ascii_case("to"));
            let restated = to_next
                && n >= 2
                && out[n - 2].change.is_direction()
                && text
                    .get(out[n - 2].end..out[n - 1].start)
                    .is_some_and(|g| self.equivalent_gap.is_match(g));
            if let Some(prev) = out.last_mut() {
                let gap = text.get(prev.end..q.start).unwrap_or("x");
                // "6-4", "a 3-0 win", "Morinville 11-13": two whole numbers hyphenated with no unit
                // are a score or a code, not a range (a range names its unit: "10-12%").
                // A pair that does not ascend ("a 3-1 away win", "trailed 4-3 when") is a score
                // whatever word follows it.
                let whole = |f: &Found| f.value.is_some_and(|v| v.fract() == 0.0 && v >= 0.0);
                let ascends = prev.value.zip(q.value).is_some_and(|(a, b)| a < b);
                if matches!(gap, "-" | "–")
                    && whole(prev)
                    && whole(&q)
                    && prev.unit_name == "-"
                    && prev.scale == 1.0
                    && (q.unit_name == "-"
                        || words::for_language("en")
                            .score_nouns
                            .contains(q.unit_name.as_str())
                        || !ascends && q.unit == "count")
                {
                    out.pop();
                    continue;
                }
                // "took four for 38", "reached 128 for four": a cricket score, two bare whole
                // numbers joined by "for".
                if self.score_pair.is_match(gap)
                    && whole(prev)
                    && whole(&q)
                    && prev.unit_name == "-"
                    && (q.unit_name == "-"
                        || words::for_language("en")
                            .score_pair_nouns
                            .contains(q.unit_name.as_str()))
                    && prev.scale == 1.0
                    && q.scale == 1.0
                {
                    out.pop();
                    continue;
                }
                // "$40,000 and $60,000 a year": the rate written once on the second end; "$276-277":
                // the currency written once on the first.
                let between = tail_slice(text, prev.start, 10)
                    .to_lowercase()
                    .trim_end()
                    .ends_with("between");
                // "aged between six and nine": after "between", a bare second end is in the
                // first's unit.
                let bare_second = q.unit_name == "-" && q.unit == "count";
                // "aged 17 to 22": an age's second end is an age.
                let age_span = prev.unit == "year_of_age" && gap.trim().eq_ignore_ascii_case("to");
                let same_unit = prev.unit_name == "-"
                    || (matches!(gap, "-" | "–") || between && gap.trim() == "and" || age_span)
                        && bare_second
                    || prev.unit_name == q.unit_name
                    || prev.unit == q.unit
                    || q.unit
                        .strip_prefix(prev.unit.as_str())
                        .is_some_and(|r| r.starts_with('/'));
                // "down 1.70 guilders to 61.00", "rose four to 90.18": a change and the level it
                // reached, not a range; "rose 5 to 7 percent" is one (its ends are close).
                // ("by ¥5,000 to ¥44,980": "by" an amount, then a level far above it.)
                // (A bare first end, "differ by 3 to 15 percent", is a range's.)
                let by_far = || {
                    prev.unit_name != "-"
                        && self.by_before.is_match(tail_slice(text, prev.start, 24))
                        && prev
                            .value
                            .zip(q.value)
                            .is_some_and(|(lo, hi)| hi > 4.0 * lo)
                };
                let change_then_level = (prev.change.is_direction() || restated || by_far())
                    && gap.trim().eq_ignore_ascii_case("to")
                    && (prev.unit_name != "-"
                        || prev.value.zip(q.value).is_none_or(|(lo, hi)| hi > 4.0 * lo));
                // "a 53 percent to 39 percent lead": two figures compared, not a range (a range
                // ascends, unless it is the "from 50 to 40" of a change).
                // ("traded 90.50 to 89.40 cents" is a range, its ends as the day ran.)
                let descends = prev.value.zip(q.value).is_some_and(|(lo, hi)| lo > hi)
                    && !tail_slice(text, prev.start, 12)
                        .trim_end()
                        .to_lowercase()
                        .ends_with("from")
                    && !(q.unit_name != "-"
                        && self
                            .range_verb_before
                            .is_match(tail_slice(text, prev.start, 16)));
                // "led 47-38 percent", "a 53 to 39 percent lead": the unit written once on the
                // second of two compared shares is the first's too.
                if descends
                    && prev.unit_name == "-"
                    && prev.scale == 1.0
                    && q.kind == QuantityKind::Percent
                    && (matches!(gap, "-" | "–") || gap.trim().eq_ignore_ascii_case("to"))
                {
                    prev.unit.clone_from(&q.unit);
                    prev.unit_name.clone_from(&q.unit_name);
                    prev.kind = q.kind;
                    prev.bare = q.bare;
                }
                let joinable = self.range_sep.is_match(gap)
                    && !descends
                    && same_unit
                    && !change_then_level
                    && prev.range.is_none()
                    && q.range.is_none();
                let needs_between = gap.trim().eq_ignore_ascii_case("and");
                // "25 or 30 percent" is a range; "$5 or 10 percent" two amounts.
                let or_bare = !gap.trim().eq_ignore_ascii_case("or") || prev.unit_name == "-";
                if joinable && or_bare && (!needs_between || between) {
                    if let (Some(lo), Some(hi)) = (prev.value, q.value) {
                        // "between 10 and 12 million": the scale written once applies to both ends,
                        // but not to an end already complete ("$500,000 to $2 million").
                        let lo = if prev.scale == 1.0
                            && q.scale > 1.0
                            && prev.unit_name == "-"
                            && lo * q.scale <= hi
                        {
                            lo * q.scale
                        } else {
                            lo
                        };
                        prev.range = Some((lo.min(hi), lo.max(hi)));
                        prev.value = None;
                        prev.end = q.end;
                        // "$276-277": the currency written on the first end is the range's unit.
                        let bare_end = q.unit == "count" && q.unit_name == "-";
                        if !(bare_end && prev.unit_name != "-") {
                            prev.unit = q.unit;
                            prev.unit_name = q.unit_name;
                            prev.kind = q.kind;
                            prev.bare = q.bare;
                        }
                        // "$246-248 per tonne": the rate after a bare second end is the range's.
                        if bare_end
                            && prev.unit != "count"
                            && !prev.unit.contains('/')
                            && prev.kind != QuantityKind::Ratio
                        {
                            self.attach_rate(text, prev);
                        }
                        // "from 60,000 to about 20,000" is a change from one level to another
                        // (CONVENTIONS.md: "="), the estimate on its second end aside.
                        let estimated_end = self.approx.is_match(gap);
                        if prev.change == Change::Equal && !estimated_end {
                            prev.change = q.change;
                        }
                        continue;
                    }
                }
            }
            out.push(q);
        }
        out
    }

    /// "the FTSE index climbed to 3,892.1 … a fall of 33.7 points": a bare level of a stock index
    /// is in the points its sentence names (CONVENTIONS.md: "the index rose 3.2 points to 1,480.5"
    /// → "point"), before them as after. A level is written with a decimal or a thousands
    /// separator, at least 100, after a word that sets a level (`index_level_lead` rows).
    fn index_levels(&self, text: &str, found: &mut [Found]) {
        for i in 0..found.len() {
            let q = &found[i];
            let surface = &text[q.start..q.end];
            let level_lead = || {
                let lead = last_word(tail_slice(text, q.start, 16).trim_end()).to_lowercase();
                words::for_language("en")
                    .index_level_leads
                    .contains(lead.as_str())
            };
            if !(q.unit == "count"
                && q.unit_name == "-"
                && q.scale == 1.0
                && q.value.is_some_and(|v| v >= 100.0)
                && surface.contains([',', '.'])
                && level_lead())
            {
                continue;
            }
            // The points nearest in the sentence, eight quantities either side at most.
            let near = |p: &Found| {
                p.unit == "point" && within_sentence(text, p.end.min(q.end), p.start.max(q.start))
            };
            let points = found[i.saturating_sub(8)..i]
                .iter()
                .rev()
                .chain(&found[i + 1..(i + 9).min(found.len())])
                .find(|p| near(p))
                .map(|p| (p.unit.clone(), p.unit_name.clone(), p.kind));
            // The index named before the level, in its clause: "… points, and the dollar was at
            // 151.20", "as the yen fell to 160.20", "while bitcoin traded around 65,000" are levels
            // of something else.
            let sentence = sentence_around(text, q.start);
            let from = sentence.as_ptr() as usize - text.as_ptr() as usize;
            let before = &text[from..q.start];
            let own_clause = self
                .index_name
                .find_iter(before)
                .last()
                .is_some_and(|m| !self.new_subject.is_match(&before[m.end()..]));
            if let Some(unit) = points.filter(|_| own_clause) {
                found[i].take_unit(unit);
            }
        }
    }
}

const VULGAR: &str = "½¼¾⅓⅔⅛";

/// Units whose signed figure ("-0.2%", "-15 points") is the amount of a change.
const CHANGE_UNITS: &[&str] = &["percentage", "percentage point", "point", "basis point"];

impl Extractor {
    /// "pounds" read as a weight that is money: a commodity's price per tonne ("980 pounds a
    /// tonne": a mass per mass measures nothing), a price's move ("ended 15 pounds higher at
    /// 1,620"), or any pound of a sentence that quotes such a price ("fell 12 pounds to 980
    /// pounds per tonne"). A hyphenated modifier ("a 12-pound turkey") stays a weight.
    fn pounds_of_money(&self, text: &str, found: &mut [Found]) {
        // ("lb" and "lbs" are written for weights only.)
        let weight = |q: &Found| {
            (q.unit == "lb" || q.unit.starts_with("lb/")) && {
                let surface = text[q.start..q.end].to_lowercase();
                surface.contains("pound") && !surface.contains('-')
            }
        };
        let sterling = |q: &mut Found| {
            q.unit = q.unit.replacen("lb", "GBP", 1);
            q.unit_name = q.unit_name.replacen("pound-mass", "pound sterling", 1);
            q.kind = QuantityKind::Money;
        };
        // ("1.5 pounds per ton of rock", "20 pounds per ton of grain" are ratios of mass: only
        // the tonne of a commodity's price, with no "of" after it.)
        let mut prices = Vec::new();
        for q in found.iter_mut().filter(|q| weight(q)) {
            let per_tonne =
                q.unit == "lb/metric ton" && !text[q.end..].trim_start().starts_with("of ");
            if per_tonne {
                sterling(q);
                prices.push(q.start);
            } else if self.price_move_after.is_match(&text[q.end..])
                || self
                    .price_move_level
                    .is_match(tail_slice(text, q.start, 20))
            {
                sterling(q);
            }
        }
        // "a salary of 14,000 pounds, compared with 19,000 pounds": beside pounds written out
        // that are money, a bare weight in the same sentence is money too, unless a weight word
        // stands before it or a substance after it ("paid 120 pounds for 40 pounds of beef",
        // "fined 2,000 pounds for carrying 40 pounds").
        let written_money: Vec<usize> = found
            .iter()
            .filter(|q| q.unit == "GBP" && text[q.start..q.end].to_lowercase().contains("pound"))
            .map(|q| q.start)
            .collect();
        for q in found.iter_mut() {
            if !weight(q) || q.unit != "lb" {
                continue;
            }
            let near = |s: usize| within_sentence(text, s.min(q.start), s.max(q.start));
            let after = text[q.end..].trim_start();
            let own_weight = self
                .pound_weight_near
                .is_match(sentence_tail(tail_slice(text, q.start, 60)))
                || starts_with_ignore_ascii_case(after, "of ")
                || after.starts_with('(');
            if !own_weight && written_money.iter().any(|&s| near(s)) {
                sterling(q);
            }
        }
        // ("weighs 240 pounds, earned 5 million pounds", "8 pounds … a bill of £3,000": only a
        // price per tonne makes the sentence's other pounds money.)
        if prices.is_empty() {
            return;
        }
        for q in found.iter_mut() {
            let near = |s: usize| within_sentence(text, s.min(q.start), s.max(q.start));
            if weight(q) && prices.iter().any(|&s| near(s)) {
                sterling(q);
            }
        }
    }
}

/// "a deficit of 1.6 billion ($2.54 billion), compared with 2.0 billion": a scaled amount without
/// its own unit takes the currency of the money beside it in the same sentence.
fn inherit_currency(text: &str, found: &mut [Found], of_set: &Regex, against: &[String]) {
    let money: Vec<(usize, usize, String, String)> = found
        .iter()
        .filter(|q| q.kind == QuantityKind::Money && !q.unit.contains('/'))
        .map(|q| (q.start, q.end, q.unit.clone(), q.unit_name.clone()))
        .collect();
    // "a loss of 1.9 billion crowns ($176 million) from a profit of 3.2 billion": a bracketed
    // conversion restates an amount; the amount's own currency is the sentence's.
    let bracketed = |s: usize| text[..s].trim_end().ends_with('(');
    let main: Vec<_> = money
        .iter()
        .filter(|(s, ..)| !bracketed(*s))
        .cloned()
        .collect();
    // "carry 101 million passengers, up from 91.4 million", "sold 200 million of them": a
    // count in millions nearer before it, or a set after it, makes the amount a count.
    let counts: Vec<usize> = found
        .iter()
        .filter(|q| q.counts_a_noun() && q.scale >= 1e6)
        .map(|q| q.end)
        .collect();
    for q in found.iter_mut() {
        if q.kind != QuantityKind::Count
            || q.scale < 1e6
            || !(q.unit_name == "-"
                || words::for_language("en")
                    .money_nouns
                    .contains(q.unit_name.as_str()))
        {
            continue;
        }
        let same_sentence = |a: usize, b: usize| {
            let gap = &text[a.min(b)..a.max(b)];
            gap.len() < 200 && !sentence_break(gap) && !gap.contains('\n')
        };
        // Only the money just before and just after can be the nearest (`money` is in text order);
        // trying all of it for each amount was quadratic.
        let nearest = |money: &[(usize, usize, String, String)]| {
            let i = money.partition_point(|(s, ..)| *s < q.start);
            money[i.saturating_sub(1)..(i + 1).min(money.len())]
                .iter()
                .filter(|(s, e, ..)| same_sentence(*e.min(&q.start), *s.max(&q.end)))
                .min_by_key(|(s, e, ..)| s.abs_diff(q.end).min(e.abs_diff(q.start)))
                .cloned()
        };
        let near = nearest(&main).or_else(|| nearest(&money));
        // (Only a count the amount is set against, picked from or added to: "has 20 million
        // subscribers and a profit of 400 million" is money; "2 million trees, and 1.5 million
        // of them survived", "add 2 million more" are not.)
        let after = &text[q.end..];
        let of_count = of_set.is_match(after) || after.starts_with(" more");
        // (Money after the amount comes later than a count set against it: "98 million
        // passengers, up from 91.4 million, and earned $2 billion".)
        let count_nearer = |money_end: usize| {
            let i = counts.partition_point(|&e| e <= q.start);
            i > 0
                && (counts[i - 1] > money_end || money_end > q.end)
                && text.get(counts[i - 1]..q.start).is_some_and(|gap| {
                    let gap = gap.trim().trim_start_matches(',').trim();
                    of_count
                        || gap.len() < 40
                            && against.iter().any(|w| {
                                gap.len() >= w.len()
                                    && gap
                                        .get(gap.len() - w.len()..)
                                        .is_some_and(|end| end.eq_ignore_ascii_case(w))
                            })
                })
        };
        if let Some((_, _, unit, name)) = near.filter(|(_, e, ..)| !count_nearer(*e)) {
            q.unit = unit;
            q.unit_name = name;
            q.kind = QuantityKind::Money;
            q.bare = false;
        }
    }
}

/// What stands between the quantity just before `start` and `start`, when that quantity counts
/// a noun: the gap the rules for elided nouns read ("45 votes and Ruutel 34", "one house at
/// Ransart and one at Mons", "two senators, one of them", "320 seats to Labour's 210").
fn gap_after_count<'t>(text: &'t str, found: &[Found], start: usize) -> Option<&'t str> {
    found
        .last()
        .filter(|p| p.counts_a_noun())
        .and_then(|p| text.get(p.end..start))
}

/// Whether `s` holds one of `words` (lower case) as a whole word, in any case.
fn has_word(s: &str, words: &[&str]) -> bool {
    s.split_whitespace()
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// "six-plus innings", "40,000-plus fans": "-plus" right after a number, a floor on it.
fn floor_after(after: &str) -> bool {
    after
        .strip_prefix("-plus")
        .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
}

/// The noun a total of things counted counts: the counted noun without the words that said
/// which of them ("96 new stores … its total to 2,310", "nine other U.S. ships … a total of 20"
/// count stores and ships).
fn total_counts(name: &str) -> String {
    static WHICH: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| cue_re(r"^(?:{})$", &["total_drop"]));
    let en = words::for_language("en");
    let mut name = name;
    while let Some((first, rest)) = name.split_once(' ') {
        if !(WHICH.is_match(first) || first.contains('.')) {
            break;
        }
        name = rest;
    }
    // (One describing word: "96 new stores" → store; "foreign ministers" keep theirs.)
    match name.split_once(' ') {
        Some((first, rest))
            if en.adjectives.contains(first) || en.count_adjectives.contains(first) =>
        {
            rest.to_string()
        }
        _ => name.to_string(),
    }
}

/// "two 500 KV transmission cables", "two $50 bills": a count right before a measure or an
/// amount of money counts the noun after that amount, not the amount's unit.
fn count_past_measure(text: &str, found: &mut [Found]) {
    for i in 1..found.len() {
        let (head, tail) = found.split_at_mut(i);
        let (p, q) = (&mut head[i - 1], &tail[0]);
        let adjacent = text
            .get(p.end..q.start)
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' '));
        if !(p.kind == QuantityKind::Count
            && p.value.is_some()
            && matches!(q.kind, QuantityKind::Measure | QuantityKind::Money)
            && q.unit_name != "-"
            && adjacent)
        {
            continue;
        }
        // "two 220 kilovolt (KV) power lines": past the unit's abbreviation in brackets.
        let mut after = &text[q.end..];
        if let Some(r) = after.strip_prefix(" (") {
            if let Some(close) = head_slice(r, 0, 12).find(')') {
                after = &r[close + 1..];
            }
        }
        if let Some(noun) = counted_noun(after) {
            // ("55.7 million 60-kg bags": a measure hyphenated to its noun is one of its
            // modifiers, and the labelled sets keep it: "60-kg bag".)
            let surface = &text[q.start..q.end];
            p.unit_name = match surface.split_once('-') {
                Some((n, unit))
                    if n.starts_with(|c: char| c.is_ascii_digit())
                        && unit.starts_with(char::is_alphabetic) =>
                {
                    format!("{} {noun}", surface.to_lowercase())
                }
                _ => noun,
            };
        }
    }
}

/// "210 passengers and crew", "100 Russian and Ukrainian miners": a counted noun phrase names
/// its coordinated parts without the conjunction ("passenger crew", CONVENTIONS.md practice in
/// reuters-dev). Done last, so the passes before compare the phrases as read.
fn drop_conjunctions(found: &mut [Found]) {
    // ("half of the traffic controllers and technicians": a share of such a group too.)
    for q in found
        .iter_mut()
        .filter(|q| q.kind == QuantityKind::Count || q.unit_name.starts_with("% "))
    {
        if q.unit_name.split(' ').any(|w| matches!(w, "and" | "or")) {
            q.unit_name = q
                .unit_name
                .split(' ')
                .filter(|w| !matches!(*w, "and" | "or"))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
}

/// The line around `at` when it is short enough to be a table row (rows are; prose paragraphs
/// are not), as (its start, the line).
fn short_line(text: &str, at: usize) -> Option<(usize, &str)> {
    const ROW: usize = 200;
    let before = tail_slice(text, at, ROW);
    let from = match before.rfind('\n') {
        Some(i) => at - before.len() + i + 1,
        None if before.len() == at => 0,
        None => return None,
    };
    let after = head_slice(text, at, ROW);
    let to = match after.find('\n') {
        Some(i) => at + i,
        None if at + after.len() == text.len() => text.len(),
        None => return None,
    };
    Some((from, &text[from..to]))
}

/// A results row: names and figures with next to no running words ("Guingamp 2 (Wreh 15th)
/// Monaco 1", "7. Ana Ruiz (Spain) Honda 133", "Kent 284 (T. Ward 71, M. Fleming 55"). `figures`
/// is how many whole figures stand alone in it.
fn results_row(line: &str, figures: usize) -> bool {
    let (mut lower, mut title, mut caps) = (0, 0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2
            || !w.starts_with(char::is_alphabetic)
        {
            continue;
        }
        if w.starts_with(char::is_lowercase) {
            lower += 1;
        } else if w.contains(char::is_lowercase) {
            title += 1;
        } else {
            caps += 1;
        }
    }
    // A headline in capitals or in title case ("Storm Kills 12 In Texas") is no row by itself:
    // a row also shows two figures, a bracket that names ("(Spain)", "(Wreh 15th"), or a place
    // opening the line ("7. ", "3 - ").
    let names_in_bracket = line.split('(').skip(1).any(|b| {
        b.starts_with(|c: char| c.is_uppercase())
            && b.split([')', ' ', ','])
                .next()
                .is_some_and(|w| w.contains(char::is_lowercase))
    });
    let place = line
        .trim_start()
        .split_once(|c: char| !c.is_ascii_digit())
        .is_some_and(|(d, rest)| {
            !d.is_empty() && (rest.starts_with(". ") || rest.starts_with(" - "))
        });
    title >= 2 && 4 * lower <= title + caps + lower && (figures >= 2 || names_in_bracket || place)
}

/// A leaderboard's line: a score or a place, then players' names only ("64 Bob Estes", "+5 Mark
/// O'Meara through 15", "70 Tim Herron, Duffy Waldorf (Sweden)"). A name is capitalised words,
/// no function word ("50 Feared Dead In Ferry Sinking" is a headline); a country may follow it
/// in brackets.
fn leaderboard_line(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['+', '-', ' ']);
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(names) = line[digits..].strip_prefix(' ') else {
        return false;
    };
    // "… through 15", "… through 2 holes": how far a player has gone.
    let names = match names.rsplit_once(" through ") {
        Some((head, tail))
            if tail
                .trim_end_matches(" holes")
                .bytes()
                .all(|b| b.is_ascii_digit()) =>
        {
            head
        }
        _ => names,
    };
    let en = words::for_language("en");
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=3).contains(&digits)
        && words.len() >= 2
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', ';']);
            let bracket = w.starts_with('(') && w.ends_with(')');
            let name = w.starts_with(|c: char| c.is_uppercase())
                && w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
                && !en.stop.contains(w.to_lowercase().as_str());
            bracket || name
        })
}

/// Scores on the lines of a results block: a line of `score_line` or `leaderboard_line` shape
/// next to another ("Florida 10 ST LOUIS 9" under "Chicago 4 HOUSTON 3"). A headline of that
/// shape alone ("Storm Kills 12 Injures 40", "400 Chinese Tourists Stranded") keeps its figures,
/// and so does a count in the bracket after a result ("(11 innings)").
fn drop_result_lines(text: &str, found: &mut Vec<Found>) {
    let result = |line: &str| score_line(line) || leaderboard_line(line);
    let in_block = |from: usize, line: &str| {
        let before = tail_slice(text, from, 200);
        let prev = before
            .strip_suffix('\n')
            .map(|b| b.rsplit('\n').next().unwrap_or(b));
        let after = head_slice(text, from + line.len(), 200);
        let next = after.strip_prefix('\n').map(first_line);
        result(line) && (prev.is_some_and(result) || next.is_some_and(result))
    };
    found.retain(|q| {
        // ("through 2 holes" counts; "31 Wasps" names the side.)
        let score = q.scale == 1.0
            && (q.unit_name == "-" || text[q.end..].trim_start().starts_with(char::is_uppercase))
            && text[q.start..q.end].bytes().all(|b| b.is_ascii_digit())
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (0.0..1000.0).contains(&v));
        let drop = score
            && short_line(text, q.start).is_some_and(|(from, line)| {
                let head = &line[..q.start - from];
                !head.contains(" (") && in_block(from, line)
            });
        !drop
    });
}

/// A match result on a line of its own: a side, its score, the other side, its score, maybe a
/// bracket after ("Florida 10 ST LOUIS 9", "Pohang 3 Ulsan 2 (halftime 1-0)"). The sides are
/// capitalised words only; the scores have at most three digits.
fn score_line(line: &str) -> bool {
    let line = line.trim();
    let line = match line.split_once(" (") {
        Some((head, bracket)) if bracket.ends_with(')') => head,
        _ => line,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let score = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    // ("Queen of South", "Vasco da Gama": a name's particles.)
    let particle = |w: &str| matches!(w, "of" | "de" | "da" | "del" | "do" | "van" | "von" | "der");
    let side = |w: &str| {
        particle(w)
            || w.starts_with(|c: char| c.is_uppercase())
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’' | '&'))
    };
    let scores: Vec<usize> = (0..words.len()).filter(|&i| score(words[i])).collect();
    matches!(scores[..], [a, b] if a >= 1 && b == words.len() - 1 && b > a + 1)
        && words.iter().all(|w| score(w) || side(w))
}

/// Scores, ranks, standings points and seedings in results rows are no quantities
/// (CONVENTIONS.md). The whole figures standing alone in a row go; a figure with a unit or a
/// currency ("1 minute 53.706 seconds", "$190,000") or a price with decimals ("Nikkei
/// 19,201.09") stays, and so does a figure counting a noun.
fn drop_results(text: &str, found: &mut Vec<Found>) {
    // "201 Stephen Ames (Trinidad) 68 65": a row's figure before a person's name reads as
    // counting it, and the figures after take that noun as elided; "434 wickets, 131 Tests"
    // counts.
    let names_after = |after: &str| {
        let mut words = after.split_whitespace();
        // ("300 Cars, Honda 120": a noun that ends its phrase names no one.)
        words.next().zip(words.next()).is_some_and(|(a, b)| {
            a.chars().all(char::is_alphabetic)
                && [a, b]
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && w.contains(char::is_lowercase))
        })
    };
    let elided = |q: &Found| {
        let noun = q.unit_name.split(' ').next().unwrap_or_default();
        !starts_with_ignore_ascii_case(head_slice(text, q.end, 64).trim_start(), noun)
    };
    let figure = |q: &Found| {
        q.kind == QuantityKind::Count
            && q.unit == "count"
            && q.scale == 1.0
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (0.0..1000.0).contains(&v))
            && text[q.start..q.end].bytes().all(|b| b.is_ascii_digit())
            && (q.unit_name == "-" || names_after(&text[q.end..]) || elided(q))
    };
    // `found` is in text order, so the figures of one line are neighbours and the row test runs
    // once per line.
    let mut last: Option<(usize, bool)> = None;
    let mut drop = vec![false; found.len()];
    for (i, q) in found.iter().enumerate() {
        if !figure(q) {
            continue;
        }
        let Some((from, line)) = short_line(text, q.start) else {
            continue;
        };
        let row = match last {
            Some((s, row)) if s == from => row,
            _ => {
                let end = from + line.len();
                let figures = found[i..]
                    .iter()
                    .take_while(|p| p.start < end)
                    .filter(|p| figure(p))
                    .count()
                    + found[..i]
                        .iter()
                        .rev()
                        .take_while(|p| p.start >= from)
                        .filter(|p| figure(p))
                        .count();
                let row = results_row(line, figures);
                last = Some((from, row));
                row
            }
        };
        drop[i] = row;
    }
    let mut keep = drop.iter().map(|d| !d);
    found.retain(|_| keep.next().unwrap_or(true));
}

/// A team sheet's shirt numbers ("1 - Filip De Wilde, 2 - Bertrand Crasson, 3 - Dirk Medved")
/// name players (CONVENTIONS.md: numbers inside names). A number of one or two digits before a
/// dash and a player's two names goes when its line lists at least three such players near it.
fn drop_squad_numbers(text: &str, found: &mut Vec<Found>) {
    static PLAYER: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| re(r"(?-u:\b)\d{1,2} ?- \p{Lu}[\p{L}'’.-]* \p{Lu}"));
    let shirt = |q: &Found| {
        let digits = text[q.start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        // The line around the number, read only for a number that opens a player's entry
        // (this runs for every quantity of every text).
        let players_near = || {
            let line_from = tail_slice(text, q.start, 300);
            let line_from = line_from.rsplit('\n').next().unwrap_or(line_from);
            let window = format!("{line_from}{}", first_line(head_slice(text, q.start, 300)));
            PLAYER.find_iter(&window).nth(2).is_some()
        };
        // (Whatever unit the name was read as: "4 - Mark Lopez" is no Deutsche mark.)
        q.scale == 1.0
            && (1..=2).contains(&digits)
            && PLAYER
                .find(first_line(head_slice(text, q.start, 40)))
                .is_some_and(|m| m.start() == 0)
            && players_near()
            && sheet_line(text, q.start)
    };
    found.retain(|q| !shirt(q));
}

/// Whether the line holding `at` is a team sheet: it opens with the team and its first player
/// ("Belgium - 1 - Filip De Wilde"), or the line before it says "Team:" or "Teams:". ("The ages
/// were 34 - John Smith, 28 - Mary Jones" lists no team.)
fn sheet_line(text: &str, at: usize) -> bool {
    static OPENING: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        re(r"^\s*\p{Lu}[\p{L}.' ]* - \d{1,2} ?- \p{Lu}|^\s*\d{1,2} ?- \p{Lu}")
    });
    static HEADING: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| re(r"(?i)(?-u:\b)teams?:\s*$"));
    // A team sheet runs to some hundreds of bytes; a line not begun within 2,000 is no sheet.
    let before = tail_slice(text, at, 2_000);
    let Some(line_start) = before
        .rfind('\n')
        .map(|i| i + 1)
        .or((before.len() == at).then_some(0))
    else {
        return false;
    };
    let from = at - before.len() + line_start;
    let line = first_line(head_slice(text, from, before.len() - line_start + 40));
    let prev = before[..line_start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let opening = OPENING.find(line).map(|m| m.as_str());
    // A line that opens with a number needs the heading above it.
    opening.is_some_and(|o| !o.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || opening.is_some() && line_start > 0 && HEADING.is_match(prev)
}

/// " of disdain.": "of" and one singular lower-case word that is the whole counted `noun`.
fn of_a_kind(after: &str, noun: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(" of ")
        .or_else(|| after.strip_prefix(" Of "))
    else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .next()
        .unwrap_or_default();
    word == noun
        && word.chars().all(|c| c.is_lowercase())
        && !plural_word(word)
        && !number_word(word)
        && !words::for_language("en").stop.contains(word)
        && !words::for_language("en").size_leads.contains(word)
}

/// Whether most words of `sentence` start in lower case (running prose, not a headline in
/// title case or capitals).
fn running_lower_case(sentence: &str) -> bool {
    let (mut lower, mut all) = (0, 0);
    for w in sentence.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            all += 1;
            lower += usize::from(c.is_lowercase());
        }
    }
    2 * lower >= all && all > 0
}

/// Whether only blanks stand between the end of `before` and a line start (or the text's start).
fn opens_line(before: &str) -> bool {
    let b = before.trim_end_matches([' ', '\t']);
    b.is_empty() || b.ends_with('\n')
}

/// "1/4", "7 3/4", "10-1/2", "½", "7½" → value; None for anything else.
fn fraction(s: &str) -> Option<f64> {
    let vulgar = |c: char| match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        '⅓' => Some(1.0 / 3.0),
        '⅔' => Some(2.0 / 3.0),
        '⅛' => Some(0.125),
        _ => None,
    };
    if let Some(last) = s.chars().next_back().and_then(vulgar) {
        let whole = &s[..s.len() - s.chars().next_back()?.len_utf8()];
        let whole: f64 = if whole.is_empty() {
            0.0
        } else {
            whole.parse().ok()?
        };
        return Some(whole + last);
    }
    let (head, den) = s.split_once('/')?;
    let (whole, num) = match head.rsplit_once([' ', '-']) {
        Some((w, n)) => (w.trim().parse::<f64>().ok()?, n),
        None => (0.0, head),
    };
    let (num, den): (f64, f64) = (num.trim().parse().ok()?, den.trim().parse().ok()?);
    (den > 0.0).then(|| whole + num / den)
}

/// "of the game in a year", "of aid within a month": a span the amount came in, not a rate (the
/// `per` pattern's "of" phrase ran on to a preposition before the "a").
fn within_a(per: &str) -> bool {
    let words: Vec<String> = per.split_whitespace().map(str::to_lowercase).collect();
    words.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "in" | "within" | "over" | "during" | "for" | "after"
        ) && matches!(w[1].as_str(), "a" | "an")
    })
}

/// The word before a hyphen names a model or code ("F-35", "MiG-19", "scp-173"), unless it is a word
/// that qualifies a number ("minus-40", "sub-5", "mid-30s").
fn hyphen_code(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // ("A350-1000", "B747-400", "E190-E2": an airliner's code names its variant; not a
    // currency glued to a range, "USD1-2 billion", "R500-600 million".)
    let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let code =
        word.len() - letters.len() >= 2 && words::for_language("en").model_codes.contains(letters);
    (word.ends_with(char::is_alphabetic) || code)
        && !words::for_language("en")
            .number_qualifiers
            .contains(word.to_lowercase().as_str())
}

/// Whether a full stop and a space in `gap` end a sentence: not after an abbreviation of capitals
/// ("nine other U.S. ships", "Mr. Smith"'s "Mr" aside).
fn sentence_break(gap: &str) -> bool {
    gap.match_indices(". ").any(|(i, _)| {
        let word = gap[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        !(word.contains('.') || word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
    })
}

/// Whether only spaces, bullets or dashes stand between byte `at` and the start of its line.
fn line_start(text: &str, at: usize) -> bool {
    let head = tail_slice(text, at, 40);
    let whole_line = head.contains('\n') || head.len() == at;
    let line = head.rsplit('\n').next().unwrap_or(head);
    whole_line && line.trim_start_matches(['*', '-', ' ', '\t']).is_empty()
}

/// The text from `at`, in lower case when its sentence is a headline in capitals ("SRI LANKA
/// BEAT INDIA BY 9 WICKETS"): case tells a counted noun from a name only in running text, and a
/// headline writes its nouns in capitals too.
///
/// Case says nothing in capitals, so a number after a name's word ("S&P 500 FUTURES", "WORLD WAR
/// 2 VETERANS", "FORMULA ONE TEAMS") would count what follows it: only a number (starting at
/// `start`) that opens the headline or a clause, or follows a function word or a verb's ending
/// ("BEAT INDIA BY 9 WICKETS", "KILLS 5 PEOPLE", "- THREE PLAYERS BANNED"), is read so.
fn capitals_folded(text: &str, start: usize, at: usize) -> Cow<'_, str> {
    // (A headline stands on its own line, above the body. Only 300 bytes either side are read,
    // so a long text costs the same per number as a short one.)
    let back = tail_slice(text, at, 300);
    let line_start = at - back.len() + back.rfind('\n').map_or(0, |i| i + 1);
    let ahead = first_line(head_slice(text, at, 300));
    let line = &text[line_start..at + ahead.len()];
    let sentence = sentence_around(line, at - line_start);
    let words = sentence
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    let before = text[line_start..start.max(line_start)].trim_end();
    let prev = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    // (`prev` is empty exactly when nothing stands before the number on its line.)
    let led = stop_or_none(&prev)
        || before.ends_with(['-', ',', ':', ';'])
        || prev.len() > 3
            && prev.chars().all(char::is_alphabetic)
            && (prev.ends_with('s') && !prev.ends_with("ss") || prev.ends_with("ed"));
    // (A counted noun is read from the line after the number, within its first 16 words.)
    if led && words >= 3 && !sentence.chars().any(char::is_lowercase) {
        Cow::Owned(ahead.to_lowercase())
    } else {
        Cow::Borrowed(&text[at..])
    }
}

/// The sentence (up to 300 bytes either side) around byte `at`.
fn sentence_around(text: &str, at: usize) -> &str {
    let before = tail_slice(text, at, 300);
    let after = head_slice(text, at, 300);
    let from = before.rfind(". ").map_or(0, |i| i + 2);
    let to = after.find(". ").unwrap_or(after.len());
    let start = at - before.len() + from;
    &text[start..at + to]
}

/// True when the match ending at `end` does not stop inside a word.
fn word_ends(s: &str, end: usize) -> bool {
    let last = s[..end].chars().next_back();
    let next = s[end..].chars().next();
    !(last.is_some_and(|c| c.is_alphanumeric()) && next.is_some_and(|c| c.is_alphanumeric()))
}

/// `s` starts with the ASCII word(s) `prefix`, in any case. Compares a prefix in place: lower-casing
/// the rest of an article to test its first word cost a copy of the text per quantity, and byte
/// offsets found in a lower-cased copy need not hold in the original.
pub(crate) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Up to `n` bytes before `at`, starting on a char boundary.
pub(crate) fn tail_slice(text: &str, at: usize, n: usize) -> &str {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..at]
}

/// A vague plural standing alone as a noun ("dozens were hurt"), as the `vague` row reads it bare.
fn bare_vague_plural(w: &str) -> bool {
    ["dozens", "hundreds", "thousands"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// Whether `text[a..b]` stays inside one sentence: short, no ';', line break or sentence break.
fn within_sentence(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|gap| gap.len() < 200 && !gap.contains([';', '\n']) && !sentence_break(gap))
}

/// "by 50 basis points … to 175 points": a "point" takes the basis or percentage point written
/// before it in its sentence. (Otherwise points stay points, even of a rate: reuters-dev labels
/// "bill rates shed five points to 9.93 percent" `point`.)
fn points_of_a_rate(text: &str, found: &mut [Found]) {
    for i in 0..found.len() {
        if found[i].unit != "point" {
            continue;
        }
        let q = &found[i];
        // ("the S&P 500 gained 40 points" after "basis points" stays index points: only a level
        // or a further amount of the rate, "to 175 points", "another 50 points".)
        let lead = last_word(tail_slice(text, q.start, 16).trim_end()).to_lowercase();
        if !matches!(lead.as_str(), "to" | "another" | "further" | "additional") {
            continue;
        }
        let earlier = found[..i].iter().rev().find(|p| {
            matches!(p.unit.as_str(), "basis_point" | "percentage_point")
                && within_sentence(text, p.end, q.start)
        });
        if let Some((unit, name)) = earlier.map(|p| (p.unit.clone(), p.unit_name.clone())) {
            found[i].take_unit((unit, name, QuantityKind::Percent));
        }
    }
}

/// The end of `s` from its last sentence break on: a ';', a line break, or a full stop before a
/// blank that closes no abbreviation ("in the U.S. by" goes on; "1.5" is no stop at all).
fn sentence_tail(s: &str) -> &str {
    let b = s.as_bytes();
    let stop = (0..b.len()).rev().find(|&i| match b[i] {
        b';' | b'\n' => true,
        b'.' => {
            let blank_after = b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace());
            // "U.S.", "a.m.": a letter between two stops.
            let abbreviation = i >= 2 && b[i - 1].is_ascii_alphabetic() && b[i - 2] == b'.';
            blank_after && !abbreviation
        }
        _ => false,
    });
    stop.map_or(s, |i| &s[i + 1..])
}

/// Up to `n` bytes after `at`, ending on a char boundary.
fn head_slice(text: &str, at: usize, n: usize) -> &str {
    let mut e = (at + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[at..e]
}

/// The noun phrase a bare number counts, singular: "4,500 jobs" → "job", "126 fighter jets" →
/// "fighter jet", "2,000 different technologies" → "technology". The phrase runs to its first plural
/// noun (at most four words); without a plural, the first word alone.
fn counted_noun(after: &str) -> Option<String> {
    counted_noun_of(after, false)
}

/// "one fatally", "three slightly": a word in -ly that is no noun (`ly_noun` rows) ends the
/// phrase as an adverb when nothing of the phrase follows it ("one newly built plant" goes on).
fn adverb_ending_phrase(lower: &str, punct_after: bool, next: Option<&&str>) -> bool {
    lower.len() > 4
        && lower.ends_with("ly")
        && !words::for_language("en").ly_nouns.contains(lower)
        && (punct_after
            || next.is_none_or(|w| {
                let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
                // ("two other sexually abused girls": a participle goes on with the phrase.)
                stop_or_none(&w)
            }))
}

/// [`counted_noun`] after "one" (`one`), where two singular nouns may make a compound ("one
/// coalition partner"); after a larger number such a pair is a verb and its adverb ("the three
/// met again").
fn counted_noun_of(after: &str, one: bool) -> Option<String> {
    // A line break ends the sentence (as it does for the claim's sentence bounds): "Attendance:
    // 5,000" counts nothing on the next line.
    let after = first_line(after);
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let en = words::for_language("en");
    // "give it one last try": "last" or "final" after "one" is the noun's modifier (reuters-dev
    // labels "last try"); "won one last week" names a time, no noun.
    if one {
        let mut ws = after.split_whitespace();
        if let (Some(lead), Some(next)) = (ws.next(), ws.next()) {
            let noun = next.trim_end_matches(AFTER_WORD).to_lowercase();
            if matches!(lead, "last" | "final")
                && noun_like(&noun)
                && !is_plural(&noun)
                && !en.when_complements.contains(noun.as_str())
                && !matches!(noun.as_str(), "time" | "hour" | "minute" | "night")
            {
                let at = after.find(lead).unwrap_or(0) + lead.len();
                return counted_noun_of(&after[at..], true).map(|n| format!("{lead} {n}"));
            }
        }
    }
    // "one of the computers", "five of the three-ton satellites": the set counted from.
    let trimmed = after.trim_start();
    for det in [
        "out of ",
        "of the ",
        "of its ",
        "of their ",
        "of these ",
        "of those ",
        "of his ",
        "of her ",
        "of our ",
        "of ",
        // French, Spanish, German "of" ("2,3 millions de personnes", "85,1 millones de turistas").
        "de ",
        "des ",
        "del ",
        "von ",
    ] {
        if starts_with_ignore_ascii_case(trimmed, det) {
            let skip = after.len() - trimmed.len() + det.len() - 1;
            let mut set = &after[skip..];
            // "1,000 of the approximately 33,000 civil servants": an estimate of the set's size.
            let lead = set.split_whitespace().next().unwrap_or("");
            if words::for_language("en")
                .size_leads
                .contains(lead.to_lowercase().as_str())
            {
                let at = set.find(|c: char| !c.is_whitespace()).unwrap_or(0) + lead.len();
                set = &set[at..];
            }
            // "one of a handful of rescuers", "one of dozens of firms": a vague size of the
            // set before its noun (`set_quantifier` rows).
            static QUANTIFIER: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
                cue_re(r"(?i)^\s+(?:{})\s+of(?-u:\b)", &["set_quantifier"])
            });
            if let Some(m) = QUANTIFIER.find(set) {
                set = &set[m.end()..];
            }
            // ("12 of 20 see it": after the set's size a lone singular word is a verb.)
            let sized = set
                .split_whitespace()
                .next()
                .map(|w| w.trim_end_matches(AFTER_WORD))
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) || number_word(w));
            let raw_noun = set
                .split_whitespace()
                .nth(1)
                .map(|w| w.trim_end_matches(AFTER_WORD).to_lowercase());
            return counted_noun_of(set, one).filter(|n| {
                n.contains(' ')
                    || !n.is_empty()
                        // ("five of their six": a size with no noun after it counts no noun.)
                        && (!sized
                            || raw_noun.as_deref().is_some_and(|w| {
                                is_plural(w)
                                    || words::for_language("en").collective_nouns.contains(w)
                            }))
            });
        }
    }
    let rest_words: Vec<&str> = after.split_whitespace().take(16).collect();
    // "a reading above 50 indicates growth": a verb of a level's reading, its object after it.
    if let [verb, next, ..] = rest_words.as_slice() {
        let next = next.trim_end_matches(AFTER_WORD);
        if ends_clean(verb)
            && en.level_verbs.contains(verb.to_lowercase().as_str())
            && next.starts_with(char::is_lowercase)
            && (!en.stop.contains(next)
                || matches!(next, "a" | "an" | "the")
                || next == "to" && rest_words.get(2) == Some(&"be"))
        {
            return None;
        }
    }
    let mut words: Vec<String> = Vec::new();
    // Where each of `words` stands in `rest_words`, to find what follows the phrase.
    let mut at: Vec<usize> = Vec::new();
    let mut owner: Option<String> = None;
    let mut capital_plural = false;
    // Where a singular noun after an attributive plural ends the phrase ("options trader").
    let mut attributive_end: Option<usize> = None;
    // Whether every word taken so far is capitalised ("Iraqi" before "Kurds").
    let mut capitals_only = true;
    for (i, raw) in rest_words.iter().take(5).enumerate() {
        // "300 U.S. warplanes", "two U.S. Opens": an abbreviation's dots end no phrase when a
        // word of the phrase follows it (a capitalised one only if it ends the phrase as a
        // plural: "in the U.S. They" starts a sentence).
        let abbreviation = raw.len() >= 4
            && raw.ends_with('.')
            && raw.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            && !raw.contains("..")
            && rest_words.get(i + 1).is_some_and(|w| {
                // ("ended at 1.3720 U.S. Dealers said": the dots closed a sentence.)
                let closes_phrase = w.ends_with(AFTER_WORD)
                    || rest_words.get(i + 2).is_none_or(|n| {
                        [
                            "and", "or", "in", "at", "on", "for", "since", "with", "this", "last",
                        ]
                        .contains(&n.to_lowercase().as_str())
                    });
                w.starts_with(char::is_lowercase)
                    || w.starts_with(char::is_uppercase)
                        && plural_word(w)
                        && w.len() > 3
                        && closes_phrase
            });
        let word = if abbreviation {
            raw
        } else {
            raw.trim_end_matches(AFTER_WORD)
        };
        let lower = word.to_lowercase();
        // "3 of the four children", "six of their last eight games", "12 more years", "30 mainly
        // small parties": the set's own size and words that pick from it are not the noun.
        // ("two-thirds of the 41 million eligible voters": the set's scale word too.)
        let number = lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || number_word(&lower)
            || i > 0
                && scale_word(&lower)
                && rest_words[i - 1].starts_with(|c: char| c.is_ascii_digit());
        // "2,000 striking workers", "100 leading British shares": the plural the verb form
        // modifies, maybe after a capitalised modifier of its own.
        let next_plural = || {
            rest_words.get(i + 1).is_some_and(|w| plural_word(w))
                || rest_words
                    .get(i + 1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && ends_clean(w))
                    && rest_words.get(i + 2).is_some_and(|w| plural_word(w))
        };
        let next_number = || {
            // ("three of his first four.": the word before its punctuation.)
            rest_words.get(i + 1).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || number_word(&w.trim_end_matches(AFTER_WORD).to_lowercase())
            })
        };
        // "three or fewer pitches": the bound after the amount; "12 five-year-old bonds": a
        // modifier that is an amount of its own.
        let or_bound = lower == "or"
            && rest_words
                .get(i + 1)
                .is_some_and(|w| en.count_leads.contains(w.to_lowercase().as_str()));
        // CONVENTIONS.md labels modifiers in digits and ages in words ("a 45-day limit", "a
        // nine-year-old"), not other modifiers in words ("three-ton satellites" keep theirs).
        let amount_modifier = lower.split_once('-').is_some_and(|(n, rest)| {
            rest.starts_with(char::is_alphabetic)
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
                || number_word(n) && rest.ends_with("-old")
        });
        // "38 737 MAX jets", "45 of its 737 MAX narrowbodies": a model's number before its
        // name in capitals is part of the noun (the scanner rejected it as an amount).
        let model_number = (3..=4).contains(&lower.len())
            && lower.bytes().all(|b| b.is_ascii_digit())
            && rest_words.get(i + 1).is_some_and(|w| {
                let w = w.trim_end_matches(AFTER_WORD);
                w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase())
            });
        // "171 737 MAX 9 jets": the variant's number after the model's name.
        let variant_number = words.len() == 2
            && words[0].bytes().all(|b| b.is_ascii_digit())
            && at.get(1).is_some_and(|&j| {
                let w = rest_words[j];
                w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase())
            })
            && (1..=2).contains(&lower.len())
            && lower.bytes().all(|b| b.is_ascii_digit());
        // "55.7 million 60-kg bags", "two 20-game streaks": a measure modifier in digits is
        // labelled on its own and stays in the noun counted (the labelled sets' "60-kg bag");
        // an age does not ("two 8-year-old girls" counts girls).
        let measure_modifier = amount_modifier
            && lower.starts_with(|c: char| c.is_ascii_digit())
            && !lower.ends_with("-old")
            && !lower.ends_with("-olds");
        if words.is_empty() && word.len() == raw.len() && (model_number || measure_modifier)
            || word.len() == raw.len() && variant_number
        {
            words.push(lower);
            at.push(i);
            continue;
        }
        // ("three of his first four.": a set's size that ends the phrase leaves no noun.)
        if words.is_empty()
            && word.len() != raw.len()
            && number
            && i > 0
            && en.picks.contains(rest_words[i - 1].to_lowercase().as_str())
        {
            return None;
        }
        if words.is_empty()
            && word.len() == raw.len()
            && (number
                || or_bound
                || amount_modifier
                || en.count_leads.contains(lower.as_str())
                || en.picks.contains(lower.as_str()) && next_number())
        {
            continue;
        }
        // "two women's players", "four big-serving men's seeds": the possessive of a plural of
        // people ("women", "children") says what kind, a modifier like any other.
        let kind_of_people = ["'s", "’s"].iter().any(|a| {
            lower
                .strip_suffix(a)
                .is_some_and(|p| p != lower && is_plural(p) && !p.ends_with('s'))
        });
        if kind_of_people && word.len() == raw.len() {
            words.push(lower.replace('’', "'"));
            at.push(i);
            continue;
        }
        // "one of the world's largest makers": a possessive owns the set, it is not the noun.
        if words.is_empty() && (lower.ends_with("'s") || lower.ends_with("’s")) {
            owner = Some(
                lower
                    .trim_end_matches('s')
                    .trim_end_matches(['\'', '’'])
                    .to_string(),
            );
            continue;
        }
        // "48 billion leaving", "40 were settled": a verb form is not the counted noun, unless it
        // modifies one ("2,000 striking workers").
        // ("170 middle-aged and elderly people": joined to a second modifier, it modifies.)
        let joins_next = || {
            rest_words.get(i + 1).is_some_and(|c| {
                coordinates_modifiers(Some(word), c, c, rest_words.get(i + 2..).unwrap_or(&[]))
            })
        };
        // ("25 long-barreled assault rifles": a participle compounded with a word before it is
        // an adjective, never the clause's verb; "re-elected" and "co-founded" still are verbs.)
        let compound_adjective = lower
            .split_once('-')
            .is_some_and(|(head, tail)| head.len() >= 3 && !tail.is_empty());
        if words.is_empty()
            && participle(&lower)
            && !compound_adjective
            && !next_plural()
            && !joins_next()
        {
            break;
        }
        // "no one immediately claimed": nor is an adverb before a verb ("two heavily armed men"
        // goes on to its plural). An adverb in -ly, by the letter before it ("family", "supply",
        // "assembly" are nouns).
        let adverb = lower.len() > 5
            && lower.strip_suffix("ly").is_some_and(|stem| {
                stem.ends_with(['e', 't', 's', 'd', 'k', 'l', 'n', 'r', 'g', 'h'])
            });
        let verb_next = || {
            rest_words
                .get(i + 1)
                .is_some_and(|w| verb_or_stop(&w.trim_end_matches(AFTER_WORD).to_lowercase()))
        };
        // ("275 million previously unreported genetic variants": the adverb's participle and
        // the modifiers after it go on to a plural.)
        let plural_soon = || {
            rest_words
                .iter()
                .skip(i + 1)
                .take(3)
                .enumerate()
                // (Two modifiers at least: "4 recently signed strikers" is a verb and its
                // object.)
                .any(|(k, w)| {
                    k >= 2
                        && plural_word(w)
                        && rest_words[i + 1..i + 1 + k].iter().all(|m| {
                            ends_clean(m)
                                && m.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                                && !en.stop.contains(m)
                        })
                })
        };
        if words.is_empty() && adverb && verb_next() && !next_plural() && !plural_soon() {
            break;
        }
        // "the 820 level convinced players": a past form after a lower-case noun is its verb;
        // after an adverb or a name it modifies ("two heavily armed men", "Kurdish armed groups").
        let prev_raw = at.last().map(|&j| rest_words[j]);
        if lower.ends_with("ed")
            && lower.len() > 4
            && !lower.contains('-')
            && prev_raw.is_some_and(|p| {
                // "one of Cuba's most acclaimed authors": a degree word, too, modifies.
                p.starts_with(char::is_lowercase)
                    && !p.ends_with("ly")
                    && !p.contains('-')
                    && !en.count_adjectives.contains(p)
                    && !en.count_leads.contains(p)
                    && !en.stop.contains(p)
                    && !en.adjectives.contains(p)
                    && !adjective_ending(p)
            })
        {
            break;
        }
        // "100 Russian and Ukrainian miners", "12 black and white actors": two modifiers joined
        // before one plural noun are both part of the phrase.
        if coordinates_modifiers(prev_raw, &lower, raw, &rest_words[i + 1..]) {
            words.push(lower);
            at.push(i);
            continue;
        }
        // "25 AK-47 assault rifles", "12 F-16 fighters": a model code modifies the plural after it.
        let model_code = word.len() == raw.len()
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.contains('-')
            && word.contains(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && rest_words[i + 1..].iter().take(3).any(|w| plural_word(w));
        if model_code {
            words.push(lower);
            at.push(i);
            continue;
        }
        if !lower.chars().any(char::is_alphabetic)
            || !lower
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || abbreviation && c == '.')
            // ("two US Opens": the pronoun "us" is not written in capitals before a word that
            // is, though a headline in capitals writes "ONE IN PHILIPPINES".)
            || adverb_ending_phrase(&lower, word.len() != raw.len(), rest_words.get(i + 1))
            || NOT_COUNTED.contains(&lower.as_str())
                && !(word.len() >= 2
                    && word.chars().all(|c| c.is_ascii_uppercase())
                    && rest_words.get(i + 1).is_some_and(|w| {
                        w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
                    }))
        {
            break;
        }
        // A capitalised word may modify the noun ("23 Chinese firms") but is not the noun itself.
        let capital = word.starts_with(char::is_uppercase);
        // "101 MPs", "40 NGOs": an abbreviation's plural.
        let abbreviation_plural = word.len() >= 3
            && word.ends_with('s')
            && word[..word.len() - 1]
                .chars()
                .all(|c| c.is_ascii_uppercase());
        // "four Lebanese accused", "two Swiss were hurt": a people's name in -ese is its own
        // plural; before a noun ("four Chinese firms", "three Japanese car makers") it modifies.
        // "Sudanese and Egyptian workers" joins two modifiers.
        let joins_modifier = rest_words
            .get(i + 1)
            .is_some_and(|w| matches!(*w, "and" | "or"))
            && rest_words
                .get(i + 2)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        let people = people_in_ese(word)
            && (word.len() != raw.len()
                || !joins_modifier
                    && rest_words.get(i + 1).is_none_or(|w| {
                        let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
                        w.is_empty() || verb_or_stop(&w)
                    }));
        let plural = is_plural(&lower) || abbreviation_plural || people;
        // … unless it is the noun's only word ("three Aussies", "two Americans"), not the start of
        // a longer name ("the 1,000 Lakes Rally").
        // "300 Iraqi Kurds": after capitalised modifiers only, a capitalised plural that ends
        // the phrase is the noun of a people too.
        // "two Davis Cup team-mates": a name in -s that runs on to a lower-case plural modifies
        // that plural; it is no plural of its own.
        let mut plural = plural;
        if capital && plural {
            let name_goes_on = rest_words
                .get(i + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            let run = rest_words[i + 1..]
                .iter()
                .take_while(|w| w.starts_with(char::is_uppercase) && ends_clean(w))
                .count();
            // "two black Arkansas churches": so does a name in -s right before one.
            let names_a_plural = run <= 2
                && rest_words.get(i + 1 + run).is_some_and(|w| {
                    let bare = w.trim_end_matches(AFTER_WORD).to_lowercase();
                    w.starts_with(char::is_lowercase)
                        && plural_word(w)
                        && !verb_or_stop(&bare)
                        && !NOT_COUNTED.contains(bare.as_str())
                });
            // "four successive Olympics", "two straight Opens": after lower-case adjectives only,
            // a capitalised plural that ends the phrase is the noun they modify ("three small
            // Texas oil companies" goes on; "Texas" is no plural there).
            let ends_phrase = word.len() != raw.len()
                || rest_words.get(i + 1).is_none_or(|w| {
                    let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
                    w.is_empty() || verb_or_stop(&w)
                });
            let after_adjectives = !words.is_empty()
                && ends_phrase
                && !lower.ends_with("as")
                && words.iter().zip(&at).all(|(w, &j)| {
                    rest_words[j].starts_with(|c: char| c.is_ascii_lowercase())
                        && (adjective_ending(w)
                            || en.run_adjectives.contains(w.as_str())
                            || en.adjectives.contains(w.as_str())
                            || en.count_adjectives.contains(w.as_str()))
                });
            if names_a_plural && word.len() == raw.len() {
                plural = false;
            } else if name_goes_on || !words.is_empty() && !capitals_only && !after_adjectives {
                break;
            } else {
                capital_plural = words.is_empty();
            }
        }
        capitals_only &= capital;
        // "11 crew members", "300 police officers": a plural without an ending may modify a
        // plural noun after it.
        // "12 human rights campaigners", "40 arms dealers": so may a plural in -s when the
        // plural after it ends the phrase (a plural subject takes no verb in -s, so that word is
        // a noun).
        let next_plural_in_s = rest_words.get(i + 1).is_some_and(|w| {
            let w = w.trim_end_matches(AFTER_WORD);
            w.starts_with(char::is_lowercase) && regular_plural(w)
        });
        let phrase_ends_after_next = || {
            let stop = &words::for_language("en").stop;
            rest_words.get(i + 1).is_some_and(|w| !ends_clean(w))
                || rest_words
                    .get(i + 2)
                    .is_none_or(|w| stop.contains(w.to_lowercase().as_str()))
        };
        // "said one Sydney media analyst", "one Euromark options trader": one of a singular
        // noun; a plural before it is attributive.
        let next_singular = || {
            rest_words.get(i + 1).is_some_and(|w| {
                let bare = w.trim_end_matches(AFTER_WORD);
                bare.len() > 2
                    && bare.chars().all(|c| c.is_ascii_lowercase())
                    && !plural_word(bare)
                    && !verb_or_stop(bare)
                    && !adjective_ending(bare)
                    && !bare.ends_with("ed")
                    && !NOT_COUNTED.contains(bare)
            })
        };
        // ("one of the computers took a trip": a determiner after the word makes it a verb.)
        let object_after = || {
            rest_words.get(i + 2).is_some_and(|w| {
                en.determiners
                    .contains(&w.trim_end_matches(AFTER_WORD).to_lowercase().as_str())
            })
        };
        let attributive = plural
            && word.len() == raw.len()
            && !next_plural_in_s
            && one
            && next_singular()
            && phrase_ends_after_next()
            && !object_after();
        if attributive {
            attributive_end = Some(words.len() + 1);
        }
        let modifies = plural
            && word.len() == raw.len()
            && (next_plural_in_s
                && (invariant_plural(&lower)
                    || regular_plural(&lower) && phrase_ends_after_next())
                || attributive);
        words.push(lower);
        at.push(i);
        if (plural && !modifies) || word.len() != raw.len() {
            break;
        }
    }
    while words
        .first()
        .is_some_and(|w| en.count_adjectives.contains(w.as_str()) && words.len() > 1)
    {
        words.remove(0);
        at.remove(0);
    }
    // Without a plural the noun is the first word, or the second after an adjective ("one usable
    // runway"), unless that word is a verb form ("one local died").
    // A listed adjective only in lower case: "New York" is a name.
    let first_lower = at
        .first()
        .is_some_and(|&i| rest_words[i].starts_with(char::is_lowercase));
    let adjective = |w: &str| {
        adjective_ending(w) || first_lower && words::for_language("en").adjectives.contains(w)
    };
    // Nor a word that ends a noun phrase or a verb of speech ("one official told").
    // "one foreign bank dealer said": a speech verb right after closes a compound noun, all of
    // whose words name the speaker.
    let speaker = (2..=3).contains(&words.len())
        && at.last().is_some_and(|&j| {
            j + 1 == at.len()
                && ends_clean(rest_words[j])
                && rest_words.get(j + 1).is_some_and(|w| {
                    SPEECH_VERBS.contains(w.trim_end_matches(AFTER_WORD).to_lowercase().as_str())
                })
        })
        && words.iter().all(|w| !verb_or_stop(w) && !regular_plural(w));
    // "lost one coalition partner this month", "held one match point at 9-8": two lower-case
    // nouns a function word closes are one compound noun.
    let compound = one
        && words.len() >= 2
        && at.get(..2) == Some(&[0, 1][..])
        && first_lower
        && ends_clean(rest_words[0])
        && {
            let b = &words[1];
            let en = words::for_language("en");
            !verb_or_stop(b)
                && !regular_plural(b)
                && !adjective(b)
                && !adjective(&words[0])
                && !b.ends_with("ly")
                && !en.picks.contains(b.as_str())
                && !en.when_complements.contains(b.as_str())
                && !en.one_pronoun_before.contains(b.as_str())
                && !en.not_compound.contains(b.as_str())
                && !NOT_COUNTED.contains(&b.as_str())
                && b.chars().all(|c| c.is_ascii_lowercase())
        }
        && (!ends_clean(rest_words[1])
            || rest_words.get(2).is_some_and(|w| {
                let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
                words::for_language("en").stop.contains(w.as_str())
            }));
    // "said one Sydney media analyst.": a name before two lower-case nouns that close the
    // phrase modifies their compound.
    let named_compound = one
        && words.len() == 3
        && at.get(..3) == Some(&[0, 1, 2][..])
        && rest_words[0].starts_with(char::is_uppercase)
        && ends_clean(rest_words[0])
        && ends_clean(rest_words[1])
        && rest_words[1..3]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        && words[1..].iter().all(|w| {
            w.chars().all(|c| c.is_ascii_lowercase()) && !verb_or_stop(w) && !adjective(w)
        })
        && (!ends_clean(rest_words[2])
            || rest_words.get(3).is_none_or(|w| {
                let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
                let en = words::for_language("en");
                en.stop.contains(w.as_str()) && !en.determiners.contains(&w.as_str())
                    || SPEECH_VERBS.contains(w.as_str())
            }));
    let singular_len = match words.get(..2) {
        _ if speaker || named_compound => words.len(),
        _ if compound => 2,
        Some([a, b]) if adjective(a) && !verb_or_stop(b) && !regular_plural(b) => 2,
        _ => words.len().min(1),
    };
    let phrase = match words.iter().rposition(|w| is_plural(w)) {
        _ if attributive_end.is_some_and(|k| k < words.len()) => {
            &words[..=attributive_end.unwrap_or_default()]
        }
        Some(i) => &words[..=i],
        None => &words[..singular_len],
    };
    // "one of the country's leading …" names no noun after the owner: the owner is the set.
    if phrase.is_empty() {
        return owner;
    }
    let (last, head) = phrase.split_last()?;
    // (The phrase's own first word: "two of Smith's books" starts with its owner.)
    if head.is_empty() && !capital_plural && rest_words[at[0]].starts_with(char::is_uppercase) {
        return None;
    }
    // "the hottest players" counts hot players: the adjectives before the noun lose their degree.
    let mut out: Vec<String> = head.iter().map(|w| positive_degree(w)).collect();
    if capital_plural && head.is_empty() {
        // singular() treats a capitalised plural as a people's name ("Aussies" → "aussie").
        let mut chars = last.chars();
        let name: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.push(lexicon::singular(&name));
    } else {
        out.push(lexicon::singular(last));
    }
    // "three pairs of impostor birds": the noun's "of" complement says what it is a pair of.
    let end = at[phrase.len() - 1];
    let phrase_clean = ends_clean(rest_words[end]);
    // "210 passengers and crew on board", "17 coups or attempted coups": a plural joined by
    // "and" or "or" to a plural that ends the phrase (maybe after one modifier of its own)
    // counts both.
    let bare = |i: usize| rest_words.get(i).map(|w| w.trim_end_matches(AFTER_WORD));
    let plural_at =
        |i: usize| bare(i).is_some_and(|w| w.starts_with(char::is_lowercase) && is_plural(w));
    let modifier_at = |i: usize| {
        ends_clean(rest_words.get(i).copied().unwrap_or(""))
            && bare(i).is_some_and(|w| noun_like(w) && !is_plural(w) && !number_word(w))
    };
    // A modifier before the second plural only where it cannot be a verb with its object
    // ("killed 8 villagers and torched homes", "cut 500 jobs and close factories"): the same head
    // noun again ("coups or attempted coups"), or a compound first phrase continued by a noun
    // that is no verb form ("car thefts and ram raids").
    let same_head = |i: usize| {
        bare(i).is_some_and(|w| lexicon::singular(&w.to_lowercase()) == lexicon::singular(last))
    };
    let nominal = |i: usize| {
        bare(i).is_some_and(|w| {
            let w = w.to_lowercase();
            // ("ordered 12 new jets and took options": nor a finite verb.)
            !w.ends_with("ed")
                && !w.ends_with("ing")
                && !verb_or_stop(&w)
                && !words::for_language("en").finite_verbs.contains(w.as_str())
        })
    };
    // ("15,000 sailors and Marines": the second may be a capitalised people's plural.)
    let capital_plural_at = |i: usize| {
        bare(i).is_some_and(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && cs.all(|c| c.is_ascii_lowercase())
                && w.len() > 4
                && regular_plural(&w.to_lowercase())
        })
    };
    let second = if plural_at(end + 2) || capital_plural_at(end + 2) {
        Some(end + 2)
    } else if modifier_at(end + 2)
        && plural_at(end + 3)
        && (same_head(end + 3) || phrase.len() >= 2 && nominal(end + 2))
    {
        Some(end + 3)
    } else {
        None
    };
    if let Some(last_at) = second.filter(|_| {
        phrase_clean
            && is_plural(last)
            && matches!(rest_words.get(end + 1).copied(), Some("and" | "or"))
    }) {
        let en = words::for_language("en");
        let w = rest_words[last_at];
        // A capitalised plural closes the list only at punctuation or a preposition ("40
        // protesters and Reuters said", "12 wins and Pirates have 10" start a clause).
        let capital = capital_plural_at(last_at);
        let ends = !ends_clean(w)
            || rest_words.get(last_at + 1).is_none_or(|n| {
                let n = n.to_lowercase();
                if capital {
                    return en.list_closers.contains(n.as_str());
                }
                // "fighters and sets a date": a determiner after makes the word a verb.
                (en.stop.contains(n.as_str()) || n.ends_with("ed"))
                    && !en.determiners.contains(&n.as_str())
            });
        // ("300 stores and plans to open": a verb taking "to" is no noun.)
        let to_verb = rest_words.get(last_at + 1) == Some(&"to")
            && en.to_verbs.contains(w.to_lowercase().as_str());
        if ends && !to_verb {
            out.push("and".into());
            out.extend((end + 2..last_at).filter_map(|i| bare(i).map(str::to_lowercase)));
            out.push(lexicon::singular(w.trim_end_matches(AFTER_WORD)));
            return Some(out.join(" "));
        }
    }
    // "1,000 women, children and men", "300 men, women, and children": a list of plurals, commas
    // between its items and "and" or "or" before the last, counts them all.
    if rest_words[end].ends_with(',') && ends_clean(rest_words[end].trim_end_matches(',')) {
        if let Some(items) = plural_list(&rest_words[end + 1..], &|i| plural_at(end + 1 + i)) {
            let last_at = end + 1 + items.last().copied().unwrap_or_default();
            // The list closes at punctuation, a preposition or a verb in -ed; a speech verb or
            // an auxiliary after it makes its last items a clause of their own ("killed 30
            // people, officials and witnesses said", "300 homes, roads and bridges were").
            // ("killed 30 people, police and witnesses in the town said", "… witnesses claimed":
            // a verb of speech or report later in the clause makes them the source.)
            let closer = || {
                rest_words.get(last_at + 1).is_none_or(|n| {
                    let n = n.trim_end_matches(AFTER_WORD).to_lowercase();
                    en.list_closers.contains(n.as_str())
                        || n.ends_with("ed") && !SPEECH_VERBS.contains(n.as_str())
                })
            };
            let reported = || {
                rest_words.iter().skip(last_at + 1).take(8).any(|w| {
                    let lower = w.trim_end_matches(AFTER_WORD).to_lowercase();
                    SPEECH_VERBS.contains(lower.as_str())
                        || en.report_verbs.contains(lower.as_str())
                })
            };
            let closes = !ends_clean(rest_words[last_at]) || closer() && !reported();
            if is_plural(last) && closes {
                out.extend(items.iter().filter_map(|&i| {
                    bare(end + 1 + i).map(|w| lexicon::singular(&w.to_lowercase()))
                }));
                return Some(out.join(" "));
            }
        }
    }
    if phrase_clean && rest_words.get(end + 1) == Some(&"of") {
        out.extend(of_complement(&rest_words[end + 2..]));
    }
    Some(out.join(" "))
}

/// "Two firms bought 35,000 in July": the gap after a count is its noun and one verb, whose
/// object the next number is; that number counts something else. ("119 issues traded 71 closed
/// higher": a number that a verb follows is a subject, picked from the count's set.)
fn subject_verb_gap(gap: &str, p: &Found, after: &str) -> bool {
    let next = word_after(after).to_lowercase();
    let en = words::for_language("en");
    if !p.counts_a_noun()
        || next.ends_with("ed")
        || en.finite_verbs.contains(next.as_str())
        || en.auxiliaries.contains(next.as_str())
        || SPEECH_VERBS.contains(next.as_str())
    {
        return false;
    }
    let gap_words: Vec<&str> = gap.split_whitespace().collect();
    let noun_words = p.unit_name.split(' ').count();
    let first = p.unit_name.split(' ').next().unwrap_or("");
    gap_words.len() == noun_words + 1
        && gap_words[0].to_lowercase().starts_with(first)
        && !gap.contains([',', ';', ':', '(', ')', '"'])
        && ends_clean(gap_words[noun_words])
        && {
            let verb = gap_words[noun_words].to_lowercase();
            verb.chars().all(|c| c.is_ascii_lowercase())
                && !en.stop.contains(verb.as_str())
                && !en.determiners.contains(&verb.as_str())
        }
}

/// "man's hands": the owner when `after` opens with a lower-case singular possessive and a
/// lower-case word follows it.
fn one_possessor(after: &str) -> Option<String> {
    let mut ws = first_line(after).split_whitespace();
    let (owner, owned) = (ws.next()?, ws.next()?);
    let base = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("’s"))?;
    (base.len() > 1
        && base.chars().all(|c| c.is_ascii_lowercase())
        && !base.ends_with('s')
        // ("one another's children": a pronoun.)
        && !matches!(base, "another" | "other")
        && owned.starts_with(|c: char| c.is_ascii_lowercase()))
    .then(|| base.to_string())
}

/// The rest of a list of plurals after its first item's comma: the positions in `words` of its
/// items, one word each, the last after "and" or "or" ("children and men", "women, and
/// children"); at most four items.
fn plural_list(words: &[&str], plural_at: &dyn Fn(usize) -> bool) -> Option<Vec<usize>> {
    let mut items = Vec::new();
    let mut i = 0;
    while items.len() < 4 {
        if matches!(words.get(i).copied(), Some("and" | "or")) && !items.is_empty() {
            // (After an Oxford comma.)
            return plural_at(i + 1).then(|| {
                items.push(i + 1);
                items
            });
        }
        let w = words.get(i)?;
        if !plural_at(i) {
            return None;
        }
        items.push(i);
        if w.ends_with(',') && ends_clean(w.trim_end_matches(',')) {
            i += 1;
        } else if ends_clean(w) && matches!(words.get(i + 1).copied(), Some("and" | "or")) {
            return plural_at(i + 2).then(|| {
                items.push(i + 2);
                items
            });
        } else {
            return None;
        }
    }
    None
}

/// "half of its currency risk", "a third of the budget deficit": a share of a whole written in
/// the singular names the whole's compound, not its first word (which `counted_noun` keeps when
/// no plural ends the phrase). Two lower-case words that close their phrase: before a function
/// word, a stop or the end; neither a verb form ("half of the money raised", "half of the
/// population live below").
fn singular_compound(after: &str, noun: String) -> String {
    if noun.contains(' ') {
        return noun;
    }
    let en = words::for_language("en");
    let mut taken: Vec<&str> = Vec::new();
    for raw in after.split_whitespace().take(4) {
        let w = raw.trim_end_matches(AFTER_WORD);
        let lower = w.to_lowercase();
        let function = en.stop.contains(lower.as_str()) || en.determiners.contains(&lower.as_str());
        if taken.is_empty() && function {
            // "of its currency risk": the determiner before the phrase.
            continue;
        }
        if function {
            break;
        }
        let word_like = !w.is_empty()
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !verb_or_stop(&lower)
            && !en.finite_verbs.contains(lower.as_str());
        if !word_like || taken.len() == 2 {
            return noun;
        }
        taken.push(w);
        if w.len() != raw.len() {
            break;
        }
    }
    match taken.as_slice() {
        [first, .., last] if *first == noun && !is_plural(last) => taken.join(" "),
        _ => noun,
    }
}

/// "One warrant controls one share": one of a noun is written in the singular, so a word in -s
/// after the noun is its verb, not the noun of the phrase ("one of the fighter jets" counts from
/// a set, whose noun is plural).
fn one_before_verb(after: &str, noun: String) -> String {
    let n = noun.split(' ').count();
    let raw: Vec<&str> = after.split_whitespace().take(n).collect();
    // A verb goes on with its object or an adverb ("controls one share", "says so"); a plural
    // before a noun modifies it ("one Swiss bond futures trader").
    let en = words::for_language("en");
    let next = after.split_whitespace().nth(n);
    let object = object_follows(next.as_ref())
        || next.is_some_and(|w| {
            let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
            en.stop.contains(w.as_str()) || en.phrase_ends.contains(w.as_str())
        });
    let verb = object
        && n >= 2
        && raw.len() == n
        && !raw
            .iter()
            .any(|w| matches!(w.to_lowercase().as_str(), "of" | "and" | "or"))
        && raw.last().is_some_and(|w| {
            let w = w.trim_end_matches(AFTER_WORD);
            w.starts_with(char::is_lowercase) && regular_plural(w)
        });
    match noun.rsplit_once(' ') {
        Some((head, _)) if verb => head.to_string(),
        _ => noun,
    }
}

/// Whether `word` ("and", "or", as `raw` has it, bare) joins the modifier just taken to another
/// before one plural noun: "100 Russian and Ukrainian miners", "Sudanese and Egyptian workers",
/// "two Labour or Liberal MPs". Both modifiers are names of a people or place, or adjectives; a
/// noun before "and" ("one car and Ford trucks") ends the phrase as before.
fn coordinates_modifiers(prev: Option<&str>, word: &str, raw: &str, next: &[&str]) -> bool {
    // ("middle-aged and elderly people": a hyphenated participle modifies too.)
    let modifier = |w: &str| {
        w.starts_with(char::is_uppercase)
            || adjective_ending(w)
            || w.contains('-') && w.ends_with("ed")
            || {
                let lower = w.to_lowercase();
                words::for_language("en")
                    .adjectives
                    .contains(lower.as_str())
            }
    };
    // "oil and gas companies", "software and hardware makers": two nouns in the singular that
    // modify the same plural, right after the second.
    let noun_pair = || {
        prev.is_some_and(|w| noun_like(w) && !plural_word(w))
            && next
                .first()
                .is_some_and(|w| ends_clean(w) && noun_like(w) && !plural_word(w))
            && next.get(1).is_some_and(|w| plural_word(w))
    };
    matches!(word, "and" | "or")
        && raw == word
        && (prev.is_some_and(|w| modifier(w) && !plural_word(w))
            && next.first().is_some_and(|w| ends_clean(w) && modifier(w))
            && next.iter().skip(1).take(2).any(|w| plural_word(w))
            || noun_pair())
}

/// "guerrillas kill one, take 8 hostage", "won one and lost two": "one" as the whole object of a
/// verb, closing its clause, counts; after a determiner, a preposition or an adjective ("no
/// one,", "for one,", "the big one.", "the latest one") it is a pronoun.
fn object_one(text: &str, n: Scanned) -> bool {
    if n.is_digits || !n.surface.eq_ignore_ascii_case("one") {
        return false;
    }
    let en = words::for_language("en");
    let before = text[..n.start].trim_end_matches([' ', '\t']);
    let prev = last_word(before);
    // "a more important one": an article or a degree word two words before makes the word
    // between an adjective.
    let before_prev = last_word(before[..before.len() - prev.len()].trim_end()).to_lowercase();
    // "struck out one", "gave back one": the verb stands before its particle.
    let prev = if matches!(prev, "out" | "off" | "away" | "back" | "up" | "down")
        && before_prev.chars().all(|c| c.is_ascii_lowercase())
    {
        before_prev.as_str()
    } else {
        prev
    };
    let verb_like = prev.len() > 2
        && !en.one_adjective_lead.contains(before_prev.as_str())
        && before.len() < n.start
        && prev.chars().all(|c| c.is_ascii_lowercase())
        && !en.stop.contains(prev)
        && !NOT_COUNTED.contains(prev)
        && !en.adjectives.contains(prev)
        && !en.one_pronoun_before.contains(prev)
        && !prev.ends_with("est")
        && !adjective_ending(prev);
    // "struck out one without a walk": a phrase after the object closes it too.
    let next = text[n.end..].split_whitespace().next().unwrap_or("");
    let closes = text[n.end..].starts_with([',', '.', ';', ':'])
        || text[n.end..].starts_with(" and ")
        || text[n.end..].is_empty()
        || en.phrase_ends.contains(next.to_lowercase().as_str());
    verb_like && closes
}

/// The capitalised words at the start of `s` ("Bosnia in a…" → "Bosnia", "New York." → "New
/// York"), up to punctuation; none when `s` starts otherwise.
fn name_at(s: &str) -> Option<String> {
    let line = first_line(s);
    let mut name: Vec<&str> = Vec::new();
    for raw in line.split_whitespace() {
        let word = raw.trim_end_matches(AFTER_WORD);
        if !word.starts_with(char::is_uppercase) || !word.contains(char::is_lowercase) {
            break;
        }
        name.push(word);
        if word.len() != raw.len() {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// "Lebanese", "Swiss": a people's name that is its own plural (`invariant_people` rows).
fn people_in_ese(word: &str) -> bool {
    let word = word.trim_end_matches(AFTER_WORD);
    let en = words::for_language("en");
    word.starts_with(char::is_uppercase)
        && word.len() > 4
        && (en.invariant_people.contains(word)
            || en.people_suffixes.iter().any(|s| word.ends_with(s)))
}

/// A lower-case word in -ing or -ed long enough to be a verb form ("leaving", "settled"), not
/// "red" or "bring"; of four letters, "died", "fled", "used" are, "seed", "feed", "need" are not.
fn participle(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"))
        || lower.len() == 4 && lower.ends_with("ed") && lower.as_bytes()[1] != b'e'
}

/// "of spending earmarked for", "of lending.": a verb's noun in -ing opening `rest`, the whole a
/// share is taken from, when no object follows it ("half of spending the money" is no noun).
fn gerund_whole(rest: &str) -> Option<String> {
    let mut ws = first_line(rest).split_whitespace();
    let raw = ws.next()?;
    let word = raw.trim_end_matches(AFTER_WORD);
    let next = ws.next();
    let noun = word.len() > 5
        && word.ends_with("ing")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (word.len() != raw.len() || !object_follows(next.as_ref()));
    if !noun {
        return None;
    }
    // "of operating income came", "of morning trading was": the -ing word modifies a noun after
    // it, which ends the phrase.
    let en = words::for_language("en");
    let head = next
        .filter(|_| ends_clean(raw))
        .map(|w| w.trim_end_matches(AFTER_WORD))
        .filter(|w| {
            w.len() > 2
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !en.stop.contains(w)
                && !w.ends_with("ed")
                && !en.finite_verbs.contains(w)
                && !en.auxiliaries.contains(w)
                && !SPEECH_VERBS.contains(*w)
        });
    Some(match head {
        Some(head) => format!("{word} {head}"),
        None => word.to_string(),
    })
}

/// Whether no punctuation ends the word as written ("miners" in "miners were", not "miners,").
fn ends_clean(w: &str) -> bool {
    w.len() == w.trim_end_matches(AFTER_WORD).len()
}

/// A word that ends a noun phrase, a verb form or a verb of speech ("one official told").
/// No word at all, or a stop word (`w` in lower case): nothing of a noun phrase follows.
fn stop_or_none(w: &str) -> bool {
    w.is_empty() || words::for_language("en").stop.contains(w)
}

fn verb_or_stop(w: &str) -> bool {
    let en = words::for_language("en");
    w.ends_with("ed") || w.ends_with("ing") || en.stop.contains(w) || SPEECH_VERBS.contains(w)
}

/// "one German player said", "One U.S. firm bought": after "one", a capitalised modifier (a
/// word with lower-case letters, or a dotted abbreviation) and a lower-case singular noun in
/// the same line. Larger counts name their noun in the plural, which `counted_noun` reads.
fn capital_modified_noun(after: &str) -> Option<String> {
    let line = first_line(after);
    let mut words = line.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    let modifier = first.starts_with(char::is_uppercase)
        && (first.contains(char::is_lowercase)
            || first.len() >= 4
                && first.ends_with('.')
                && first.chars().all(|c| c.is_ascii_uppercase() || c == '.'));
    let noun = second.trim_end_matches(AFTER_WORD);
    let lower_word = noun.len() > 2 && noun.chars().all(|c| c.is_ascii_lowercase());
    (modifier
        && lower_word
        && !NOT_COUNTED.contains(noun)
        && !verb_or_stop(noun)
        && !is_plural(noun)
        // "said one Smith, trader": punctuation after the modifier ends the phrase.
        && (!first.contains(char::is_lowercase) || !first.ends_with(AFTER_WORD)))
    .then(|| format!("{} {noun}", first.to_lowercase()))
}

/// The words a counted noun's "of" names, from the words after the "of", without an article:
/// "members of parliament cast votes" → "parliament", "sets of talks" → "talk", "members of the
/// Basque separatist group ETA" → "Basque separatist group ETA". Without a part-of-speech tagger the complement ends at a
/// function word, a number or punctuation; a lower-case word after the first is taken only on the
/// way to a capitalised word of a name-led complement ("group ETA") or as the plural ending a compound ("impostor birds"). A
/// verb after a singular noun ("parliament cast votes") is thus left out. A capitalised word keeps
/// its case; a name alone is an owner, not a complement.
fn of_complement(words: &[&str]) -> Vec<String> {
    // "members of a family", "members of the party", "units of the console": an article names
    // the one whole the items belong to, not what kind of item they are (the labelled sets give
    // the head alone: "member", "unit", "game"). "members of parliament" keeps its kind.
    if words
        .first()
        .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str()))
    {
        return Vec::new();
    }
    // "two games of the season": a time the items fall in is no part of what is counted; "one of
    // the toughest draws of any", "members of their family": nor is an owner or a set.
    let en = words::for_language("en");
    if words.first().is_some_and(|w| {
        let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
        en.when_complements.contains(w.as_str()) || en.of_owners.contains(w.as_str())
    }) {
        return Vec::new();
    }

    // (word, capitalised, plural, punctuation after) up to the first word that cannot be a noun.
    let mut cand: Vec<(&str, bool, bool, bool)> = Vec::new();
    for raw in words.iter().take(8) {
        let word = raw.trim_end_matches(AFTER_WORD);
        let lower = word.to_lowercase();
        if !word.chars().all(|c| c.is_alphabetic() || c == '-')
            || !word.starts_with(char::is_alphabetic)
            || NOT_COUNTED.contains(&lower.as_str())
            || number_word(&lower)
            || words::for_language("en")
                .count_adjectives
                .contains(lower.as_str())
        {
            break;
        }
        let punct = word.len() != raw.len();
        cand.push((
            word,
            word.starts_with(char::is_uppercase),
            is_plural(&lower),
            punct,
        ));
        if punct {
            break;
        }
    }
    let Some(&first) = cand.first() else {
        return Vec::new();
    };
    let mut take = 1;
    // A name-led complement runs on to its last capitalised word ("the Basque separatist group
    // ETA"). After a lower-case first word a capitalised one may be a verb's object ("members of
    // parliament met President Ortiz") or the rest of the complement ("members of rebel group
    // Shining Path"): that cannot be told apart, so such a complement is left out.
    if first.1 {
        if let Some(i) = cand.iter().rposition(|c| c.1) {
            take = i + 1;
        }
    } else if cand.iter().skip(1).any(|c| c.1) {
        return Vec::new();
    }
    let plural = cand[take - 1].2;
    // "ringleaders of international neo-Nazism", "makers of intravenous infusion products": a
    // lower-case adjective before more words would be read alone, without its noun; leave the
    // complement out rather than name an adjective.
    if take == 1 && !first.1 && !plural && cand.len() > 1 && !cand[1].2 && {
        // ("shares of new common stock": a listed adjective too.)
        let lower = first.0.to_lowercase();
        adjective_ending(&lower) || en.adjectives.contains(lower.as_str())
    } {
        return Vec::new();
    }
    if take == 1 && !plural && cand.get(1).is_some_and(|c| c.2 && !c.1) {
        // "impostor birds", "makers of Japanese cars": a plural right after ends a compound.
        take = 2;
    }
    // "shares of common stock for …", "tonnes of crude oil a day": two lower-case singular
    // words that a function word or punctuation closes are one compound noun.
    let en = words::for_language("en");
    // "members of parliament support the bill": a determiner after the second word makes it a
    // verb with its object.
    let closes = |i: usize| {
        cand.get(i).is_some_and(|c| c.3)
            || words.get(i + 1).is_some_and(|w| {
                let w = w.to_lowercase();
                en.stop.contains(w.as_str()) && !en.determiners.contains(&w.as_str())
            })
    };
    if take == 1
        && !first.1
        && !plural
        && !closes(0)
        && cand.get(1).is_some_and(|c| {
            let lower = c.0.to_lowercase();
            !c.1 && !c.2
                && !verb_or_stop(&lower)
                && !adjective_ending(&lower)
                && !en.phrase_ends.contains(lower.as_str())
        })
        && closes(1)
        && !verb_or_stop(&first.0.to_lowercase())
    {
        take = 2;
    }
    // "members of the ruling party": a participle modifies the noun after it, which a lone
    // participle would leave out.
    if take == 1 && !first.1 && !plural && !first.3 && participle(&first.0.to_lowercase()) {
        match cand.get(1) {
            Some(c)
                if !c.1
                    && !verb_or_stop(&c.0.to_lowercase())
                    && !en.phrase_ends.contains(c.0.to_lowercase().as_str())
                    && !object_follows(words.get(2)) =>
            {
                take = 2
            }
            // "rounds of voting otherwise …": a gerund alone is the noun.
            _ => {}
        }
    }
    // "shares of Acme Corp", "workers of Daewoo": a name alone owns the noun, it does not say
    // what kind it is; the owner is the claim's subject, not its unit.
    if cand.iter().take(take).all(|c| c.1) {
        return Vec::new();
    }
    let n = cand.len();
    cand.into_iter()
        .take(take.min(n))
        .enumerate()
        .map(|(i, (w, capital, plural, _))| {
            if capital {
                w.to_string()
            } else if plural && i + 1 == take {
                lexicon::singular(w)
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// Whether `next` opens a verb's object ("rounds of fighting left the town", "controls one
/// share"): a determiner or a number.
fn object_follows(next: Option<&&str>) -> bool {
    next.is_some_and(|w| {
        let w = w.trim_end_matches(AFTER_WORD).to_lowercase();
        words::for_language("en").determiners.contains(&w.as_str())
            || w.starts_with(|c: char| c.is_ascii_digit())
            || number_word(&w)
    })
}

/// Whether `w` is a number written as a word ("three", "Twelve").
/// "million", "bn": a scale word of the lexicon, written whole.
fn scale_word(w: &str) -> bool {
    static WHOLE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        let forms: Vec<&str> = SCALES.iter().map(|(forms, _)| *forms).collect();
        re(&format!("(?i)^(?:{})$", forms.join("|")))
    });
    WHOLE.is_match(w)
}

fn number_word(w: &str) -> bool {
    NUMBER_WORDS.iter().any(|(n, _)| n.eq_ignore_ascii_case(w))
}

/// An adjective without its degree: "hottest" → "hot", "largest" → "large", "busiest" → "busy",
/// "older" → "old". Other words are returned as they are.
fn positive_degree(word: &str) -> String {
    let en = words::for_language("en");
    if let Some(plain) = en.comparatives.get(word) {
        return (*plain).to_string();
    }
    let Some(stem) = word.strip_suffix("est") else {
        return word.to_string();
    };
    if stem.len() < 3
        || en.not_superlative.contains(word)
        || !stem.chars().all(|c| c.is_ascii_lowercase())
    {
        return word.to_string();
    }
    let b = stem.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let (last, before) = (b[b.len() - 1], b[b.len() - 2]);
    if let Some(s) = stem.strip_suffix('i') {
        // "busiest" → "busy".
        return format!("{s}y");
    }
    if last == before && b"bdgmnpt".contains(&last) {
        // "hottest" → "hot", "biggest" → "big".
        return stem[..stem.len() - 1].to_string();
    }
    // "largest" → "large", "strangest" → "strange", "latest" → "late", "finest" → "fine"; not
    // "greatest" or "oldest".
    let cvc = !vowel(last) && !b"wxy".contains(&last) && vowel(before) && !vowel(b[b.len() - 3]);
    if cvc || (last == b'g' && b"rn".contains(&before)) {
        return format!("{stem}e");
    }
    stem.to_string()
}

/// `value × scale` as the decimal the text wrote: "4.28 billion" is 4280000000, not the
/// 4280000000.0000005 of binary floating point. Rounding to 15 significant digits (all an f64 holds
/// exactly) drops only the representation error.
fn scaled(value: f64, scale: f64) -> f64 {
    let v = value * scale;
    if scale == 1.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.14e}").parse().unwrap_or(v)
}

/// Whether the first word of `after` is a plural noun ("has 450 engineers."): the word's plurality,
/// not its punctuation's.
fn next_word_plural(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(plural_word)
}

/// "3.2 x 10^6", "4.5×10⁻³": a mantissa times a power of ten.
fn times_ten_to(s: &str) -> Option<f64> {
    let (mantissa, power) = s.split_once(['x', '×'])?;
    let exponent = power.trim().strip_prefix("10")?;
    let exponent: String = exponent
        .trim_start_matches('^')
        .chars()
        .map(|c| match c {
            '−' | '⁻' => '-',
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            c => c,
        })
        .collect();
    let mantissa: f64 = mantissa.trim().parse().ok()?;
    Some(mantissa * 10f64.powi(exponent.parse().ok()?))
}

/// Whether the first word of `after` is a race over a distance ("hurdles"; `distance_event`).
fn distance_event(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(|w| {
        words::for_language("en")
            .distance_events
            .contains(w.trim_end_matches(AFTER_WORD).to_lowercase().as_str())
    })
}

/// Whether one to three lower-case modifiers and then a plural start `after` ("smartphone
/// users", "monthly active users", "new Syrian refugees", "4G subscribers"). A modifier is no
/// function word but "new" or "more", no -ing form (a verb after a length: "rose 2m flooding
/// homes") and no size word ("2m tall players" are measured); the plural is no possessive.
fn plural_after_modifiers(after: &str) -> bool {
    let en = words::for_language("en");
    let ws: Vec<&str> = after.split_whitespace().take(4).collect();
    (1..ws.len()).any(|k| {
        plural_word(ws[k])
            && !ws[k].contains(['\'', '’'])
            && !distance_event(ws[k])
            && ws[..k].iter().all(|m| {
                let lower = m.to_lowercase();
                ends_clean(m)
                    && m.len() > 1
                    && m.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && m.chars().any(|c| c.is_ascii_alphabetic())
                    && (!lower.ends_with("ing") || en.count_participles.contains(lower.as_str()))
                    && (!en.stop.contains(lower.as_str())
                        || matches!(lower.as_str(), "new" | "more"))
                    && !en.size_words.contains(lower.as_str())
                    && !en.length_modifiers.contains(lower.as_str())
                    && !SPEECH_VERBS.contains(lower.as_str())
            })
    })
}

/// "1800-1900", "between 1900 and 2000": round hundreds a century apart are a century's years
/// ("Between 1900 and 2000 temperatures rose"), not a count.
fn one_century(first: &str, second: &str) -> bool {
    first
        .parse::<u32>()
        .ok()
        .zip(second.parse::<u32>().ok())
        .is_some_and(|(a, b)| b == a + 100)
}

/// Whether both ends of a span of four-digit figures ("1800-2000", "1500–1600") are whole
/// hundreds, as counts in a range are and spans of years seldom are.
fn round_hundreds(span: &str) -> bool {
    span.split_once(['-', '–'])
        .is_some_and(|(a, b)| round_hundred_ends(a, b))
}

/// Whether both ends, as written, are four-digit whole hundreds ("1800", "2000").
fn round_hundred_ends(first: &str, second: &str) -> bool {
    let round =
        |d: &str| d.len() == 4 && d.ends_with("00") && d.bytes().all(|b| b.is_ascii_digit());
    round(first) && round(second)
}

/// The text after a dash and a later year within two centuries of `year` that open `after`, no
/// counted plural after it ("1558-1603", not "1500-1600 people").
fn later_year_after_dash(after: &str, year: f64) -> Option<&str> {
    let (later, tail) = four_digits_after_dash(after)?;
    (!tail.starts_with(|c: char| {
        c.is_alphanumeric()
            || c == ','
            || c == '.' && tail[1..].starts_with(|c: char| c.is_ascii_digit())
    }) && !next_word_plural(tail)
        && later > year
        && later - year < 200.0)
        .then_some(tail)
}

/// The four-digit figure after a dash that opens `after` ("-1603" of "1558-1603 …"), and the
/// text after it.
fn four_digits_after_dash(after: &str) -> Option<(f64, &str)> {
    let rest = after.strip_prefix(['-', '–'])?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let value = rest[..digits].parse().ok().filter(|_| digits == 4)?;
    Some((value, &rest[digits..]))
}

/// The four-digit number standing alone right before a dash at the end of `before` ("1997-" in
/// "the 1997-98 budget"), the first year of a span if any.
fn number_before_dash(before: &str) -> Option<u32> {
    let head = before.strip_suffix(['-', '–'])?;
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits == 4
        && !head[..head.len() - 4].ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.'))
    .then(|| head[head.len() - 4..].parse().ok())
    .flatten()
}

/// Whether `before` ends with a four-digit year and a dash that `year` closes a span of ("king
/// from 1249-1286", "the 1914-1918 war"): a later year within two centuries.
fn year_to_year(before: &str, year: f64) -> bool {
    number_before_dash(before).is_some_and(|first| {
        let first = f64::from(first);
        (1000.0..=2100.0).contains(&first) && year > first && year - first < 200.0
    })
}

/// Whether `before` ends with a year and a dash ("1997-"), a year standing alone ("1995/96" is
/// masked as a date already).
fn year_span_before(before: &str) -> bool {
    number_before_dash(before).is_some_and(|y| (1800..=2099).contains(&y))
}

/// Punctuation that may follow a word in running text.
const AFTER_WORD: [char; 9] = [',', '.', ';', ':', ')', '"', '”', '!', '?'];

/// The first word of `text`, without the punctuation after it.
fn first_word(text: &str) -> Option<&str> {
    text.split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(AFTER_WORD))
}

/// `is_plural` of a word as written, trailing punctuation and case aside.
fn plural_word(w: &str) -> bool {
    is_plural(
        &w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

fn is_plural(w: &str) -> bool {
    let en = words::for_language("en");
    invariant_plural(w)
        || regular_plural(w)
        || en.irregular_plurals.contains_key(w)
        // "airmen", "gunmen", "policewomen"; not "specimen" (`men_noun` rows).
        || w.len() > 5 && w.ends_with("men") && !en.men_nouns.contains(w)
}

/// "crew", "police": plural without an ending (`invariant_plural` rows of `data/lang/en.tsv`).
fn invariant_plural(w: &str) -> bool {
    words::for_language("en").invariant_plurals.contains(w)
}

/// A plural in -s ("jobs", "members"), not "-ss" or "-us" ("press", "bonus").
fn regular_plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Found {
        let (f, _) = Extractor::new().extract(text, NumberFormat::English);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn a_number_word_alone_counts_unless_it_is_a_pronoun() {
        let q = one("Gunmen shot dead nine at a wedding party.");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(9.0), "-"));
        let q = one("Wheat futures gained three on the day.");
        assert_eq!(q.value, Some(3.0));
        // "one" after a change word is the change; "a dozen" not after a price is twelve.
        let f = all("There were 80 barges, down one from May.");
        assert_eq!((f[1].value, f[1].change), (Some(1.0), Change::Down));
        let f = all("The crash killed four people and hurt a dozen more.");
        assert_eq!(f[1].value, Some(12.0));
        assert_eq!(one("it sent hundreds of its troops").unit_name, "troop");
        // The size of a set picked from is no back-reference, and names no noun.
        let f = all("The Phillies have lost five of their last six.");
        assert_eq!(
            f.iter().map(|q| q.value).collect::<Vec<_>>(),
            [Some(5.0), Some(6.0)]
        );
        let f = all("He missed three of his first four.");
        assert_eq!((f.len(), f[0].unit_name.as_str()), (2, "-"));
        assert!(all("said Frank Quilter, one of the two who were invited.").is_empty());
        // One of a set whose size is vague counts the set's noun.
        let q = one("He was one of a handful of rescuers who raced to the scene.");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(1.0), "rescuer"));
        assert_eq!(
            all("He was one of dozens of rescuers.")[0].unit_name,
            "rescuer"
        );
        for text in [
            "The three met again on Sunday.",
            "One could hardly tell the difference.",
            "Apples sold at 90 cents a dozen.",
            "Both sides lost their three.",
        ] {
            let f = all(text);
            assert!(
                f.iter()
                    .all(|q| !matches!(q.value, Some(v) if v == 3.0 || v == 1.0 || v == 12.0)),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_singular_counted_noun_runs_past_an_adjective() {
        assert_eq!(one("the one usable bridge left").unit_name, "usable bridge");
        assert_eq!(
            one("One elderly woman, aged, spoke").unit_name,
            "elderly woman"
        );
        assert_eq!(one("one local died").unit_name, "local");
        assert_eq!(one("he bought one house at Ransart").unit_name, "house");
        assert_eq!(one("one of the best results").unit_name, "good result");
    }

    #[test]
    fn a_list_parted_by_semicolons_keeps_its_unit() {
        let f = all("Sales were: oats up 2,500 tonnes; rye down 700; maize 1,250.");
        let names: Vec<&str> = f.iter().map(|q| q.unit_name.as_str()).collect();
        assert_eq!(names, ["metric ton"; 3]);
        // An item in a unit of its own speaks for itself; the list goes on in its first unit.
        let f = all("Exports: oats up 2,500 tonnes; wool up 40 bales; rye down 700.");
        assert_eq!(f[2].unit_name, "metric ton");
        let long = "Crops: oats up 2,500 tonnes old, nil new; wool up 40 bales old, nil new; \
                    barley up 1,500 old, nil new; hops down 900 old, nil new; flax up 300 \
                    old, nil new; millet down 200 old, nil new; rye down 700.";
        let f = all(long);
        let names: Vec<&str> = f.iter().map(|q| q.unit_name.as_str()).collect();
        assert_eq!(names[1], "bale");
        assert!(
            names.iter().filter(|&&n| n == "metric ton").count() == 6,
            "{names:?}"
        );
        let f = all("Output (May +7.3;-3.6 pct) rose.");
        assert_ne!(f[0].unit_name, "percentage");
        // An item that is a clause of its own takes no unit from the one before.
        let f = all("It sold 2,500 tonnes; the plant employs 700.");
        assert_eq!(f[1].unit_name, "-");
        // Only a list of measures: "staff 450" after money is a head count.
        let f = all("Key data: revenue $12.5 million; staff 450; stores 32.");
        assert!(f[1..].iter().all(|q| q.unit_name == "-"), "{f:?}");
        let f = all("The storm left 30 cm of snow; winds gusted 120.");
        assert_eq!(f[1].unit_name, "-");
    }

    #[test]
    fn overlapping_quantities_in_a_list_do_not_panic() {
        // Found by tests/claims_props.rs: two readings overlap, so the gap between them runs
        // backwards.
        let text = "millones .5 billion $ 25.5 up 0. . in 2017 milliards ,$ 1.234,5 according \
                    to the ministry 1 tens of %0. 10–12and 😀 ¥ — 25.5 billion % ½ yuan HK$US$ \
                    said RMB ";
        for format in [
            NumberFormat::English,
            NumberFormat::Continental,
            NumberFormat::French,
        ] {
            let _ = Extractor::new().extract(text, format);
        }
    }

    #[test]
    fn a_hanging_hyphen_shares_the_measure_after_it() {
        let f = all("It sells 42- and 50-inch sets.");
        assert_eq!(
            (f[0].unit_name.as_str(), f[1].unit_name.as_str()),
            ("inch", "inch")
        );
        let f = all("Crews used 8- or 10-tonne trucks.");
        assert_eq!(f[0].unit_name, "metric ton");
        // A plain dash between two figures is no hanging hyphen.
        let f = all("The score was 42 - and 50-yard lines were drawn.");
        assert_ne!(f[0].unit_name, "yard");
    }

    #[test]
    fn oil_is_counted_in_barrels_of_oil() {
        assert_eq!(
            one("It pumps 40,000 barrels of oil a day.").unit_name,
            "barrel of oil per day"
        );
        assert_eq!(
            one("Reserves are 3 million barrels of oil.").unit_name,
            "barrel of oil"
        );
        assert_eq!(
            one("The field holds 2 million barrels of crude.").unit_name,
            "barrel"
        );
    }

    #[test]
    fn a_headline_in_capitals_names_its_counted_noun() {
        assert_eq!(one("RUSSIA WINS BY 4 GOALS IN FRIENDLY.").unit_name, "goal");
        assert_eq!(one("TWO MINERS TRAPPED AFTER BLAST.").unit_name, "miner");
        // A number after a name's word is part of the name, whatever follows it.
        for text in [
            "S&P 500 FUTURES EDGE HIGHER",
            "WORLD WAR 2 VETERANS MARCH IN PARIS",
        ] {
            assert!(
                all(text).iter().all(|q| q.unit_name == "-"),
                "{text}: {:?}",
                all(text)
            );
        }
        // Below a headline the body keeps its case: "2 UN monitors" is no headline.
        let f = all("BLAST IN TOWN\nPolice said 12 people were hurt.");
        assert_eq!(f[0].unit_name, "people");
    }

    #[test]
    fn abbreviations_in_counted_nouns() {
        assert_eq!(
            first("Some 40 U.S. warships and 9 jets sailed").unit_name,
            "u.s. warship"
        );
        // At a sentence's end the dots end it.
        assert_eq!(one("he lived 30 years in the U.S.").unit_name, "year");
    }

    #[test]
    fn over_a_span_of_time_or_play_is_when_not_more_than() {
        let f = all("Smith gave up four runs over six innings.");
        assert_eq!(f[1].change, Change::Equal);
        assert_eq!(
            one("Costs will be spread over five years.").change,
            Change::Equal
        );
        assert_eq!(
            one("She was jailed for over five years.").change,
            Change::More
        );
        assert_eq!(one("He is aged over 60.").change, Change::More);
        assert_eq!(one("Over 60 people came.").change, Change::More);
        // A floor written after the number bounds it all the same.
        let f = all("Jones allowed two hits over six-plus innings.");
        assert_eq!(
            (f[1].value, f[1].unit_name.as_str(), f[1].change),
            (Some(6.0), "inning", Change::More)
        );
        let q = one("a crowd of 40,000-plus fans");
        assert_eq!((q.unit_name.as_str(), q.change), ("fan", Change::More));
    }

    #[test]
    fn up_to_after_a_copula_with_a_level_left_is_the_level_reached() {
        let f = all("spending was up to $2.97 trillion in July from $2.96 trillion");
        assert_eq!(f[0].change, Change::Equal, "{f:?}");
        // Without the level left, a ceiling.
        assert_eq!(one("the fine was up to $500").change, Change::Less);
        // A date or a time after "from" is no level left.
        assert_eq!(
            first("jail terms will be up to 10 years from 1997").change,
            Change::Less
        );
        assert_eq!(
            first("fines of up to $500 from next year").change,
            Change::Less
        );
    }

    #[test]
    fn a_bare_level_set_against_scaled_money_takes_its_scale() {
        let f = all("profit fell to 15 million markka from 39 in 1995");
        assert_eq!(
            (f[1].value, f[1].unit_name.as_str()),
            (Some(39e6), "finnish markka"),
            "{f:?}"
        );
        // Not when the scale would part the two amounts by far.
        let f = all("sales fell to $15 million from 3,900");
        assert_eq!(f[1].value, Some(3900.0), "{f:?}");
    }

    #[test]
    fn a_count_before_a_measure_counts_the_noun_after_it() {
        let f = all("two 500 KV transmission cables remained");
        assert_eq!(f[0].unit_name, "transmission cable", "{f:?}");
        let f = all("two 220 kilovolt (KV) power lines were cut");
        assert_eq!(f[0].unit_name, "power line", "{f:?}");
        // A measure hyphenated to the noun is a modifier the noun keeps (CONVENTIONS.md: the
        // counted noun phrase with its modifiers; "55.7 million 60-kg bags" → "60-kg bag").
        let f = all("he won three 100-metre races");
        assert_eq!(f[0].unit_name, "100-metre race", "{f:?}");
        let f = all("He has three 40-homer seasons and two 20-game streaks.");
        assert_eq!(f[0].unit_name, "40-homer season", "{f:?}");
        assert_eq!(f[2].unit_name, "20-game streak", "{f:?}");
        // A line break parts them ("Jane Doe (Jamaica) 22.77" over "2. 100 metres hurdles").
        let f = all("Jane Doe (Jamaica) 22.77\n100 metres hurdles");
        assert_eq!(f[0].unit_name, "-", "{f:?}");
    }

    #[test]
    fn a_possessive_of_people_modifies_the_counted_noun() {
        assert_eq!(
            one("two big-serving women's players lost").unit_name,
            "big-serving women's player"
        );
        assert_eq!(one("two women's players lost").unit_name, "women's player");
        // Another owner still owns the set.
        assert_eq!(
            one("one of the world's largest makers").unit_name,
            "large maker"
        );
    }

    #[test]
    fn a_catalogued_count_after_a_change_verb_is_what_was_affected() {
        assert_eq!(
            one("Caminiti added two RBI for the Padres").change,
            Change::Equal
        );
    }

    #[test]
    fn a_rate_is_not_read_past_a_conjunction() {
        let f = all("after six years of fighting and a dozen accords");
        assert_eq!(f[0].unit_name, "year", "{f:?}");
        assert_eq!(
            one("spending of 2 percent of GDP a year").unit_name,
            "percentage per year"
        );
    }

    #[test]
    fn counts_per_a_listed_noun_and_bales_of_cotton() {
        assert_eq!(
            one("a ratio of 6.4 shares per bond").unit_name,
            "share per bond"
        );
        assert_eq!(
            one("he averaged 20 points a game").unit_name,
            "point per game"
        );
        let q = one("upland cotton up 50,400 bales");
        assert_eq!((q.unit_name.as_str(), q.change), ("bale", Change::Up));
    }

    #[test]
    fn a_level_takes_no_unit_that_only_measures_changes() {
        let f = all("futures were trading at 96.78, two basis points down on the day");
        assert_eq!(f[0].unit_name, "-", "{f:?}");
    }

    #[test]
    fn a_share_of_a_singular_whole_names_its_compound() {
        unit_names(&[
            ("it hedged half of its currency risk.", "% currency risk"),
            (
                "a third of the budget deficit was covered",
                "% budget deficit",
            ),
            ("half of the money raised went abroad", "% money"),
            ("half of the voters stayed home", "% voter"),
            ("a third of the staff left.", "% staff"),
            ("half of the population live below it", "% population"),
        ]);
    }

    #[test]
    fn a_hyphenated_measure_before_a_hyphenated_noun_is_no_change() {
        let f = all("it will cut 12-month T-bill rate by 10 basis points");
        assert_eq!(
            (f[0].change, f[1].change),
            (Change::Equal, Change::Down),
            "{f:?}"
        );
    }

    #[test]
    fn shaving_an_amount_off_is_a_fall() {
        assert_eq!(
            one("she shaved 0.36 seconds off the record").change,
            Change::Down
        );
        assert_eq!(one("to shave 2 percent off costs").change, Change::Down);
    }

    #[test]
    fn plus_before_a_noun_phrase_adds_it() {
        assert_eq!(
            one("it pays 4 percent a year plus the base rate").change,
            Change::Equal
        );
        assert_eq!(
            first("a bonus of $50,000 plus one kilo of gold").change,
            Change::Equal
        );
        assert_eq!(one("a crowd of 40,000 plus watched").change, Change::More);
    }

    #[test]
    fn a_comparison_with_than_is_no_change() {
        let f = all("Output was 9.5 percent higher than in 1995 and up 2 percent from May.");
        assert_eq!((f[0].change, f[1].change), (Change::Equal, Change::Up));
        assert_eq!(one("Sales rose 3 percent higher").change, Change::Up);
    }

    #[test]
    fn a_change_verbs_base_form_and_a_changes_noun_form() {
        // After "to" or a modal the verb stands in its base form.
        for (text, change) in [
            ("Shares are likely to soar 20 cents.", Change::Up),
            ("The index is set to climb 4 points.", Change::Up),
            ("Stocks should gain 3 percent.", Change::Up),
            ("Exports could slump 10 percent.", Change::Down),
            ("Prices may dip 2 percent this year.", Change::Down),
            ("The rand could weaken 5 cents.", Change::Down),
            // "recover" takes an object: what was got back, no rise.
            (
                "Bulgarians recover 75 pct of confiscated land.",
                Change::Equal,
            ),
            // Without "to" or a modal the base form is as often a noun.
            ("Net gain 12.3 mln vs 10.1 mln.", Change::Equal),
            (
                "He attacked on the final climb 5 km from the finish.",
                Change::Equal,
            ),
        ] {
            assert_eq!(first(text).change, change, "{text}");
        }
        // A change named by a noun is no change verb's amount (CONVENTIONS.md).
        for text in [
            "After a rally of 5 percent it eased.",
            "It followed a dip of 2 percent.",
            "The advance of 3 points was brief.",
        ] {
            assert_eq!(first(text).change, Change::Equal, "{text}");
        }
    }

    #[test]
    fn a_change_verb_and_by_with_a_phrase_between() {
        assert_eq!(
            one("Prices fell in May by 0.3 percent").change,
            Change::Down
        );
        assert_eq!(
            one("Output rose at the plant by 12 percent").change,
            Change::Up
        );
        assert_eq!(
            one("They plan to lower tariffs by 5 percent").change,
            Change::Down
        );
    }

    #[test]
    fn an_age_after_a_name_set_off_at_the_end_of_a_sentence() {
        let q = one("\"It was hard,\" said the driver, Ali Khan, 44.");
        assert_eq!(q.unit_name, "year of age");
        assert_eq!(one("The prize went to Team Blue, 44.").unit_name, "-");
        // The second of two ages in a dashed aside.
        let f = all("The girls -- Rachel Legeard, 18, and Severine Potty, 19 -- were missing.");
        assert_eq!(f.last().map(|q| q.unit_name.as_str()), Some("year of age"));
    }

    #[test]
    fn an_elided_unit_is_not_carried_past_other_money() {
        let f = all("It raised $50 million and said the rand hit 7.25.");
        assert_eq!(f[1].unit_name, "-");
        let f = all("Profit fell to $4 million from 6 million.");
        assert_eq!(f[1].unit_name, "dollar");
    }

    #[test]
    fn a_change_takes_the_unit_of_the_level_it_led_to() {
        let f = all("Copper rose by 400 to 52,100 rupees.");
        assert_eq!(f[0].unit_name, "indian rupee");
    }

    #[test]
    fn a_duration_carries_to_the_level_it_is_set_against() {
        let f = all("The week shortened to 38.5 hours from 39.1 in May.");
        assert_eq!(f[1].unit_name, "hour");
        let f = all("It cut its growth forecast to 5 percent from six.");
        assert_eq!(f[1].unit_name, "percentage");
        let f = all("In the 3 months to June sales reached 250.");
        assert_eq!(f.last().map(|q| q.unit_name.as_str()), Some("-"));
        let f = all("Rates shed five points to 9.93 percent and futures rose four to 90.18.");
        assert_eq!(f[2].unit_name, "point", "{f:?}");
        let f = all("Sales rose 5 percent in May and fell 3 in June.");
        assert_eq!(f[1].unit_name, "percentage");
        // A digit modifier after a determiner is the measure.
        assert_eq!(one("their new 51,000 seat arena").unit_name, "seat");
        assert_eq!(one("resistance at 67,000 if it breaks").unit_name, "-");
        // An engine size before a word of racing is a class ("the 250cc world title").
        assert!(all("the reigning 250cc world champion").is_empty());
        assert!(all("results of the 500cc motocross Grand Prix").is_empty());
        assert_eq!(one("a bike with a 125cc engine").value, Some(125.0));
        // "one last" and a noun: the modifier stays with the noun; a time is no noun.
        assert_eq!(one("she gave it one last try in May").unit_name, "last try");
        assert!(all("He won one last week").is_empty());
        // "a few dozen" and "several dozen" are dozens.
        let q = one("a few dozen fans waited outside");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((12.0, 120.0)), "fan")
        );
        assert_eq!(
            one("it can take several dozens, he said").range,
            Some((12.0, 120.0))
        );
        // A bare "half" and a span before a noun name a period ("half year earnings").
        assert!(all("Its half year earnings rose.").is_empty());
        assert_eq!(one("It took half a year to finish.").value, Some(0.5));
        assert!(all("Unions called a half day strike.").is_empty());
        assert_eq!(one("He left a half year ago.").value, Some(0.5));
        // A span the amount came in is no rate.
        assert_eq!(
            one("It sold 20 million copies of the game in a year.").unit_name,
            "copy"
        );
        assert_eq!(
            one("it grew 2 percent of GDP a year").unit_name,
            "percentage per year"
        );
        // "raising to 17 the number of X": the number counts the X put after it.
        assert_eq!(
            one("The raid raised to 17 the number of police stations attacked.").unit_name,
            "police station"
        );
        // "U.S." ends no sentence (and a total counts all the ships).
        let f = all("It has six other ships, and nine other U.S. ships, for a total of 15.");
        assert_eq!(f[2].unit_name, "ship");
        let f = all("The index fell 20.35 points, or 0.9 percent, to 2,456.70.");
        assert_eq!(f[2].unit_name, "point");
        let f = all("Volume was put at 610 contracts, down from 875 on Monday.");
        assert_eq!(f[1].unit_name, "contract", "{f:?}");
    }

    #[test]
    fn the_article_an_is_no_unit() {
        let f = all("Gold was quoted at $387.10/387.60 an ounce.");
        assert!(f.iter().all(|q| !q.unit_name.contains("year")), "{f:?}");
        assert_eq!(one("it lasted half an hour").unit_name, "hour");
        assert_eq!(one("half a million fled").value, Some(5e5));
        assert_eq!(one("he was jailed for 1 an.").unit_name, "year");
    }

    #[test]
    fn money_with_scale_and_currency() {
        // Wire style: "mln", "dlrs".
        let q = one("profit was 45 mln dlrs");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(45e6), "dollar"));
        let q = one("leading to a $309 billion trade deficit");
        assert_eq!(
            (q.value, q.unit.as_str(), q.unit_name.as_str()),
            (Some(309e9), "USD", "dollar")
        );
        let q = one("exports of $398.5bn last year");
        assert_eq!(q.value, Some(398.5e9));
        let q = one("a deal worth €1.2bn");
        assert_eq!((q.value, q.unit.as_str()), (Some(1.2e9), "EUR"));
        // Wire copy's Taiwan dollar, "T$"; "AT&T $5" is no such prefix.
        assert_eq!(one("the rate closed at T$27.48").unit, "TWD");
        assert_eq!(one("AT&T $5 billion deal").unit, "USD");
        let q = one("HK$500 million in bonds");
        assert_eq!((q.value, q.unit.as_str()), (Some(5e8), "HKD"));
    }

    #[test]
    fn percents_changes_and_bounds() {
        let q = one("imports rose, up 600 percent from 2016");
        assert_eq!(
            (q.value, q.kind, q.change),
            (Some(600.0), QuantityKind::Percent, Change::Up)
        );
        assert_eq!(one("nearly 90 per cent of them").change, Change::Approx);
        assert_eq!(
            one("over 2,000 different technologies").change,
            Change::More
        );
        let q = one("over 2,000 different technologies");
        assert_eq!(
            (q.value, q.unit_name.as_str()),
            (Some(2000.0), "technology")
        );
        assert_eq!(
            one("the gap widened, an increase of 17 percent").change,
            Change::Up
        );
        assert_eq!(one("prices fell 5%").change, Change::Down);
        assert_eq!(one("gusts of up to 245 km/h").change, Change::Less);
    }

    #[test]
    fn years_dates_ordinals_and_ids_are_not_quantities() {
        let (f, years) = Extractor::new().extract(
            "In 2011, on July 19 at 10:00, the G20 met for the 3rd time (call +1 202-555-0143).",
            NumberFormat::English,
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), [2011]);
    }

    #[test]
    fn ranges_and_vague_magnitudes() {
        let q = one("tariffs of 10-12% on imports");
        assert_eq!(q.range, Some((10.0, 12.0)));
        let q = one("between 300 and 400 flights were cancelled");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((300.0, 400.0)), "flight")
        );
        let q = one("tens of billions of dollars");
        assert_eq!(
            (q.range, q.unit.as_str(), q.change),
            (Some((1e10, 99e9)), "USD", Change::Approx)
        );
    }

    #[test]
    fn durations_ratios_and_words() {
        let q = one("a 14-year ban on beef");
        assert_eq!((q.value, q.unit.as_str()), (Some(14.0), "year"));
        let q = one("over four times greater");
        assert_eq!((q.value, q.kind), (Some(4.0), QuantityKind::Ratio));
    }

    fn first(text: &str) -> Found {
        let (f, _) = Extractor::new().extract(text, NumberFormat::English);
        f.into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing in {text:?}"))
    }

    #[test]
    fn fractions_rates_and_compound_amounts() {
        assert_eq!(one("prices fell as much as 1/4 point").value, Some(0.25));
        assert_eq!(one("7 3/4 % bonds").value, Some(7.75));
        assert_eq!(one("½ teaspoon baking powder").unit_name, "teaspoon");
        // A fraction in words "of a" unit is a part of that unit.
        let q = one("the war went on for a quarter of a century");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.25), "century"));
        let q = one("it ran two thirds of a mile");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(2.0 / 3.0), "mile"));
        let q = one("a higher, $ 70 - a - share price");
        assert_eq!(
            (q.value, q.unit_name.as_str()),
            (Some(70.0), "dollar per share")
        );
        assert_eq!(
            one("grown at about 15 % per annum").unit_name,
            "percentage per year"
        );
        assert_eq!(one("it only cost 3 dollars 50 cents.").value, Some(3.5));
        assert_eq!(
            one("thirteen dollars and forty-five cents").value,
            Some(13.45)
        );
        let q = first("They lost 75 USD million in three years");
        assert_eq!((q.value, q.unit.as_str()), (Some(75e6), "USD"));
        let q = one("losses in excess of 30 MUSD were reported");
        assert_eq!((q.value, q.unit.as_str()), (Some(30e6), "USD"));
        // A figure dated by "a year earlier" is not a rate.
        assert_eq!(
            one("from $ 1.17 billion a year earlier").unit_name,
            "dollar"
        );
    }

    #[test]
    fn counted_phrases_and_names() {
        assert_eq!(
            one("contract for 126 fighter jets.").unit_name,
            "fighter jet"
        );
        assert_eq!(
            first("five of the three-ton satellites").unit_name,
            "three-ton satellite"
        );
        assert_eq!(one("turning dozens of homes into rubble").unit_name, "home");
        assert_eq!(one("picked the 16-bit chip").unit_name, "bit");
        assert_eq!(one("I'm 1.8m tall.").unit_name, "metre");
        assert_eq!(one("a loss of 2.7m jobs").value, Some(2.7e6));
        assert_eq!(one("called Bob 3 times already").unit_name, "time");
        let (f, _) = Extractor::new().extract(
            "highway 35 and the F-35 at 123 Random Street, PA 23456",
            NumberFormat::English,
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(one("a pen that is 10 \" long.").unit_name, "inch");
        assert_eq!(first("The length is 12 ft 2 in").unit_name, "foot");
        // Reuters' currency codes of the 1990s.
        assert_eq!(
            one("Ericsson wins 1.2 bln SKR China order.").unit_name,
            "swedish krona"
        );
        assert_eq!(
            first("PROFIT 5.2 MLN DEM VS 4.1 MLN").unit_name,
            "deutsche mark"
        );
        // A putt or a yacht by its length: "a 45-footer" is 45 feet.
        assert_eq!(one("He holed a 45-footer for birdie.").unit_name, "foot");
        assert_eq!(one("The size of this file is 100 mb").unit_name, "megabit");
        assert_eq!(one("The size of this file is 100 MB").unit_name, "megabyte");
        assert_eq!(one("ef 75 -300mm lens").range, Some((75.0, 300.0)));
        assert_eq!(one("a lone of 12,34,567.89 rupees").value, Some(1234567.89));
        assert_eq!(
            one("deposits: 10 turkish lira 1111-22223333-4444").value,
            Some(10.0)
        );
        let text = "how to convert - 20 degrees fahrenheit";
        let q = one(text);
        assert_eq!((q.value, q.unit_name.as_str()), (Some(-20.0), "fahrenheit"));
        assert_eq!(&text[q.start..q.end], "- 20 degrees fahrenheit");
    }

    fn all(text: &str) -> Vec<Found> {
        Extractor::new().extract(text, NumberFormat::English).0
    }

    /// The number `digits` as the scanner would hand it to the passes.
    fn scanned<'t>(text: &'t str, digits: &str) -> Scanned<'t> {
        let start = text.find(digits).expect("number in text");
        Scanned {
            start,
            end: start + digits.len(),
            surface: &text[start..start + digits.len()],
            is_digits: digits.starts_with(|c: char| c.is_ascii_digit()),
        }
    }

    #[test]
    fn pass_reject_name() {
        let x = Extractor::new();
        let rejected =
            |text: &str, digits: &str| x.reject_name(text, scanned(text, digits), &[]).is_err();
        assert!(rejected("leaders met at the G20 summit", "20"));
        assert!(rejected("the F-35 fighter flew", "35"));
        assert!(rejected("Flight 370 vanished", "370"));
        assert!(rejected("the 1997-98 budget", "98"));
        assert!(!rejected("prices rose 20 percent", "20"));
        assert!(!rejected("it hit minus-40 degrees", "40"));
        // Ratings in quotation marks and league, course or lane numbers are labels.
        assert!(rejected(r#"cut it to a "2" rating"#, "2"));
        assert!(rejected(r#"from its previous "1", dealers said"#, "1"));
        assert!(!rejected(r#"a 5" pipe"#, "5"));

        // A place in a result list; a figure inside a line stays.
        assert!(rejected("2. Paul Tergat (Kenya) 27:04.2", "2"));
        assert!(rejected("Results:\n12. Ann Lee (U.S.)", "12"));
        assert!(!rejected("Output rose to 12. Exports fell", "12"));
        assert!(rejected(
            "1. Ann Lee (U.S.) 3:01 (world\n2. Mia Ho (China)",
            "2"
        ));
        // A wrapped sentence that ends on its figure is no list.
        assert!(!rejected(
            "the toll had risen to\n45. Rescuers kept digging",
            "45"
        ));
    }

    #[test]
    fn pass_minus_sign_and_currency_before() {
        let x = Extractor::new();
        let text = "growth fell to -5 percent";
        assert_eq!(x.minus_sign(text, scanned(text, "5")), text.find('-'));
        // A dash after a number is a range, not a sign.
        let text = "a 75 -300mm lens";
        assert_eq!(x.minus_sign(text, scanned(text, "300")), None);
        let text = "it raised HK$2 billion";
        let p = x
            .currency_before(text, text.find('2').unwrap())
            .expect("prefix");
        assert_eq!(
            (p.code, p.start, p.scale),
            ("HKD", text.find('H').unwrap(), 1.0)
        );
        let text = "a bid of MAUD 60";
        let p = x
            .currency_before(text, text.find('6').unwrap())
            .expect("prefix");
        assert_eq!(
            (p.code, p.start, p.scale),
            ("AUD", text.find('M').unwrap(), 1e6)
        );
        assert!(x.currency_before("it costs 60", 9).is_none());
    }

    #[test]
    fn pass_scale_and_unit_after() {
        let x = Extractor::new();
        let tail = |text: &str, digits: &str, currency: bool| {
            let n = scanned(text, digits);
            let mut t = x.scale_after(text, n, 1.0, currency);
            t.unit = x.unit_after(text, n, 1.0, currency, &mut t);
            (t.scale, t.unit.map(|(_, u)| u.name))
        };
        // A lone "m" is millions next to money, metres otherwise. Unit names are the catalogue's,
        // before `resolve_currency` says whose dollar it is.
        assert_eq!(tail("it raised $5m in May", "5", true), (1e6, None));
        assert_eq!(tail("a wall 5m tall", "5", false), (1.0, Some("metre")));
        assert_eq!(tail("a 30 MUSD deal", "30", false), (1e6, Some("dollar")));
        assert_eq!(
            tail("sold 2 million tonnes", "2", false),
            (1e6, Some("metric ton"))
        );
        // A unit in brackets closes them; a bracket that opens a name holds no unit.
        assert_eq!(
            tail("bags of 20 (kg) each", "20", false),
            (1.0, Some("kilogram"))
        );
        assert_eq!(
            tail("Kent 231 (M. Walker 59 not out)", "231", false),
            (1.0, None)
        );
        assert_eq!(tail("Essex 238 (W. Weston 100)", "238", false), (1.0, None));
    }

    #[test]
    fn pass_glued_letters_and_share() {
        let x = Extractor::new();
        fn glued_in<'t>(
            x: &Extractor,
            text: &'t str,
            digits: &str,
        ) -> Result<(Option<&'t str>, bool), NotAQuantity> {
            let n = scanned(text, digits);
            let mut t = x.scale_after(text, n, 1.0, false);
            t.unit = x.unit_after(text, n, 1.0, false, &mut t);
            x.glued_letters(text, n, digits.parse().unwrap_or(1.0), &mut t)
                .map(|()| (t.raw_unit, t.decade))
        }
        let glued = |text: &'static str, digits: &str| glued_in(&x, text, digits);
        assert!(glued("on the 1st of May", "1").is_err());
        assert_eq!(
            glued("the heater draws 12kVAr", "12").ok(),
            Some((Some("kVAr"), false))
        );
        assert_eq!(glued("in the early 20s", "20").ok(), Some((None, true)));
        let share = |text: &str, words: &str| {
            let n = Scanned {
                is_digits: false,
                ..scanned(text, words)
            };
            let t = x.scale_after(text, n, 0.5, false);
            x.share(text, n, 0.5, &t)
        };
        assert_eq!(
            share("half of the voters stayed home", "half").ok(),
            Some(Some("% voter".into()))
        );
        assert!(share("in the first half of the year", "half").is_err());
    }

    #[test]
    fn steps_in_a_ranking_are_a_change() {
        assert_eq!(one("she moved up four places to ninth").change, Change::Up);
        assert_eq!(one("the club slipped two spots").change, Change::Down);
        // Other counts after a change verb are what was affected.
        assert_eq!(one("the firm cut 300 jobs").change, Change::Equal);
    }

    #[test]
    fn peoples_in_ese_are_their_own_plural() {
        assert_eq!(
            one("police held six Sudanese after the raid").unit_name,
            "sudanese"
        );
        assert_eq!(one("three Swiss were among the dead").unit_name, "swiss");
        // Before a noun the name modifies it.
        assert_eq!(
            one("police held six Sudanese traders").unit_name,
            "sudanese trader"
        );
        assert_ne!(
            one("it hired 300 Japanese and Korean engineers").unit_name,
            "japanese"
        );
        // An adjective in -ous is no plural.
        assert_eq!(
            one("it is one of the most dangerous facing us").unit_name,
            "dangerous"
        );
    }

    #[test]
    fn catalogue_currencies_exchange_rates_and_sports_statistics() {
        // Miles an hour abbreviated with stops, as wire copy writes it.
        let f = all("at 208.442 km / hour (130 m.p.h.) on average");
        assert_eq!(f[1].unit_name, "mile per hour", "{f:?}");
        assert_eq!(
            one("wages of 9 million karbovanets").unit_name,
            "ukrainian karbovanets"
        );
        // A rate per a currency names both as the catalogue does.
        assert_eq!(
            one("the cedi fell to 1,700 kwacha per dollar").unit_name,
            "zambian kwacha per dollar"
        );
        assert_eq!(
            one("a bond at 45 roubles per rouble of face value").unit_name,
            "russian rouble per russian rouble"
        );
        // "RBI" (runs batted in) is a sports statistic, not the noun of the count before it.
        let f = all("he has 12 homers and 64 RBI");
        assert_eq!(f[1].unit_name, "rbi");
    }

    #[test]
    fn a_number_coordinated_with_a_measure_is_no_name() {
        // After "the" or a capitalised word a lone number is a name or a back-reference; joined
        // to a measure it is an amount of it.
        let f = all("she holds the European 200 and 400 metres records");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|q| q.unit_name == "metre"), "{f:?}");
        assert_eq!(all("he swam the 200 and 400 metres").len(), 2);
        // Without a measure it stays a name.
        assert!(all("with Europe 12 and 13 shirts")
            .iter()
            .all(|q| q.value != Some(12.0)));
    }

    #[test]
    fn rankings_particles_and_estimated_nouns() {
        // A place in a ranking is an ordinal, whatever it is written with.
        assert!(all("she rose to a ranking of nine before a seeding of four").is_empty());
        assert!(all("he is seeded 12 here").is_empty());
        // "over" as a verb's particle is no bound; as a preposition before an amount it is.
        assert_eq!(
            one("they would hand over four soldiers").change,
            Change::Equal
        );
        assert_eq!(one("they held over four soldiers").change, Change::More);
        // "advances" and "declines" after a verb that sets counts against each other are nouns.
        let f = all("Declining issues beat advances 1,627 to 743 on the NYSE.");
        assert_eq!(f[0].change, Change::Equal);
        let f = all("Advances outnumbered declines 1,234 to 567.");
        assert_eq!(f[0].change, Change::Equal);
        // "estimated" before the amount's noun makes the amount an estimate.
        assert_eq!(
            one("the group expects estimated sales of $20 million").change,
            Change::Approx
        );
    }

    #[test]
    fn pass_reject_race_time() {
        let x = Extractor::new();
        let race = |text: &str, digits: &str| {
            let n = scanned(text, digits);
            let mut t = x.scale_after(text, n, 1.0, false);
            t.unit = x.unit_after(text, n, 1.0, false, &mut t);
            x.reject_race_time(text, n, &t).is_err()
        };
        // A time written with its units is a duration, a result or not.
        let text = "the Kenyan clocked a record 12 minutes 44.39 seconds in Zurich";
        assert!(!race(text, "12"));
        assert!(!race(text, "44.39"));
        let text = "the record of three minutes, 29.46 seconds stood";
        assert!(!race(text, "three"));
        assert!(!race(text, "29.46"));
        // A bare time after a place or a race's cue is a result ("written as a time").
        assert!(race("she came home third in 11.02 behind", "11.02"));
        assert!(race("the American clocked 9.91 to win", "9.91"));
        assert!(race("he won his event in 47.93", "47.93"));
        assert!(!race("Kramnik was second with 5.5 points", "5.5"));
        assert!(race("with Bailey finishing in 10.13.", "10.13"));
        assert!(race("had to settle for third place in 11.04.", "11.04"));
        assert!(!race("a personal best of 10.05 seconds", "10.05"));
        let f = all("She clocked two minutes 28.99 seconds in Brussels.");
        let got: Vec<(Option<f64>, &str)> =
            f.iter().map(|q| (q.value, q.unit_name.as_str())).collect();
        assert_eq!(got, [(Some(2.0), "minute"), (Some(28.99), "second")]);
        assert!(!race(
            "the index stayed below its record of 3,922.1",
            "3,922.1"
        ));
        // The length of a match, and distances in a race, are quantities.
        assert!(!race("he took three hours 12 minutes to win", "12"));
        assert!(!race("the pilot had clocked up 2,000 hours", "2,000"));
        assert!(!race("the second in 48 hours", "48"));
        assert!(!race("he finished second in 1995", "1995"));
    }

    #[test]
    fn pass_classify_bare() {
        let x = Extractor::new();
        let bare = |text: &str, digits: &str| {
            let n = scanned(text, digits);
            let value: f64 = digits.parse().unwrap_or(0.0);
            let mut q = Found {
                start: n.start,
                end: n.end,
                value: Some(value),
                range: None,
                unit: String::new(),
                unit_name: String::new(),
                kind: QuantityKind::Count,
                change: Change::Equal,
                bare: false,
                scale: 1.0,
            };
            x.classify_bare(text, n, value, false, &mut q, &[])
                .map(|r| (r, q))
        };
        assert!(matches!(
            bare("the firm was founded in 1781", "1781"),
            Ok((Some(Reading::Year(_)), _))
        ));
        assert!(bare("it opened on May 3 in Rome", "3").is_err());
        let (done, q) = bare("a man aged 30 was hurt", "30").expect("an age");
        assert!(done.is_some());
        assert_eq!(q.unit_name, "year of age");
        let (done, q) = bare("the plant has 450 engineers.", "450").expect("a count");
        assert!(done.is_none());
        assert_eq!(q.unit_name, "engineer");
    }

    #[test]
    fn unknown_glued_units_keep_their_number() {
        let q = one("the heater draws 12kVAr at peak");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(12.0), "kvar"));
        // Catalogued units, in any case the news writes them.
        assert_eq!(one("the heater draws 12kW at peak").unit_name, "kilowatt");
        assert_eq!(one("mains power runs at 50HZ here").unit_name, "hertz");
        assert_eq!(one("a 300 horsepower engine").unit_name, "horsepower");
        assert_eq!(one("a 5000 mAh battery").unit_name, "milliampere hour");
        assert_eq!(one("gusts of 40 knots").unit_name, "knot");
        assert_eq!(one("it does 52 mpg").unit_name, "mile per gallon");
        assert_eq!(one("rates rose 8pc").unit_name, "percentage");
        // Ordinals and one-letter product names stay out.
        assert!(all("the 21st edition of the 5G rollout").is_empty());
    }

    #[test]
    fn one_letter_unit_symbols_and_glued_thousands() {
        // Symbols written in capitals are units, not product names like "5G".
        assert_eq!(
            one("the charger delivers 65W to a laptop").unit_name,
            "watt"
        );
        assert_eq!(one("a 12V battery").unit_name, "volt");
        // "25k", "25K": thousands, glued as in headlines and spec sheets.
        let q = one("sales reached 25k units");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(25_000.0), "unit"));
        assert_eq!(one("Output rose to 25k units.").value, Some(25_000.0));
        assert_eq!(one("it sold 25K copies.").value, Some(25_000.0));
        assert_eq!(one("a salary of $90k").value, Some(90_000.0));
        assert_eq!(one("the club raised 40k last season").value, Some(40_000.0));
        // A kelvin stays a unit.
        assert_eq!(one("cooled to 4 kelvin").unit_name, "kelvin");
    }

    #[test]
    fn currency_codes_that_are_words_and_ordinal_fractions() {
        // "try" is only the Turkish lira's code in capitals.
        assert_eq!(one("the side scored only one try").unit_name, "try");
        assert_eq!(one("it cost 40 TRY").unit_name, "turkish lira");
        // "a third day" is an ordinal; "by a third" and "a third of" are fractions.
        assert!(all("he spent a third day in custody").is_empty());
        assert_eq!(one("sales fell by a third, it said").value, Some(1.0 / 3.0));
        assert_eq!(one("a third of the staff left").unit_name, "% staff");
        // "one" as a pronoun before a modal or an auxiliary counts nothing.
        assert!(all("I don't think one should have expected more").is_empty());
        assert_eq!(one("they awarded three cargoes").unit_name, "cargo");
    }

    #[test]
    fn an_amount_modifying_a_noun_after_an_article_is_no_change() {
        assert_eq!(
            one("the court handed down a $2,000 fine").change,
            Change::Equal
        );
        assert_eq!(
            one("sales were down a hefty 5 percent on the year").change,
            Change::Down
        );
        assert_eq!(one("sales fell 5 percent").change, Change::Down);
    }

    #[test]
    fn a_singular_counted_noun_runs_past_a_common_adjective() {
        assert_eq!(
            one("he pitched one complete game").unit_name,
            "complete game"
        );
        assert_eq!(
            one("they opened one new school in May").unit_name,
            "new school"
        );
        // Not past a verb or a function word.
        assert_eq!(one("one big problem was left").unit_name, "big problem");
        assert_eq!(one("one major fell").unit_name, "major");
    }

    #[test]
    fn one_as_the_object_of_a_verb_counts() {
        assert_eq!(all("guerrillas kill one, take 8 hostage").len(), 2);
        assert_eq!(all("they won one and lost two").len(), 2);
        // Pronouns and idioms stay out.
        assert!(all("no one, he said").is_empty());
        assert!(all("I, for one, agree").is_empty());
        assert!(all("it is the big one.").is_empty());
        assert!(all("he liked this one.").is_empty());
        assert!(all("I will never make a more important one.").is_empty());
    }

    #[test]
    fn a_number_word_coordinated_with_a_count_counts_its_noun() {
        let f = all("they searched one house at Ransart and one at Mons");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[1].unit_name, "house");
        // A pronoun "one" stays one.
        assert_eq!(all("he sold one house and one can see why").len(), 1);
    }

    #[test]
    fn a_share_of_a_named_whole() {
        assert_eq!(one("they hold half of Bosnia now").unit_name, "% Bosnia");
        assert_eq!(one("a third of New York, it said").unit_name, "% New York");
        assert!(all("in the first half of September").is_empty());
    }

    #[test]
    fn a_gapped_clause_counts_the_same_noun() {
        let f = all("Jones won 12 races and Smith 9.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[1].unit_name, "race");
        // A name's own number stays a name.
        assert_eq!(all("He sold 40 copies and Windows 95 shipped").len(), 1);
    }

    #[test]
    fn counted_nouns_with_capitals_and_line_ends() {
        // After "one", a capitalised modifier and a singular noun; a plural abbreviation; a
        // compound plural in -men.
        assert_eq!(one("one Dutch trader said").unit_name, "dutch trader");
        assert_eq!(one("One U.S. bank bought it").unit_name, "u.s. bank");
        assert!(all("one Sunday he left").is_empty());
        assert_eq!(one("a college of 101 MPs met").unit_name, "mp");
        assert_eq!(one("where 19 U.S. airmen died").unit_name, "u.s. airman");
        assert_eq!(one("two specimens were found").unit_name, "specimen");
        // A line break ends the noun phrase, as it ends the sentence.
        assert_eq!(one("Attendance: 5,000\nSion win").unit_name, "-");
    }

    #[test]
    fn numbers_inside_names_are_not_amounts() {
        for text in [
            "the Dow 30 rose sharply on Monday",
            "shares of the FTSE 100 fell",
            "he said Windows 11 shipped late",
            "they drove down Route 66 for days",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        // A plural noun after the number: a count, whoever is named before it.
        assert_eq!(one("he told Reuters 50 people had died").value, Some(50.0));
        // Sentence-initial capitals, months, weekdays and headlines in capitals are not names.
        assert_eq!(one("About 1000 arrived on Monday").value, Some(1000.0));
        assert_eq!(
            one("on Tuesday 300 arrived at the border").value,
            Some(300.0)
        );
        assert_eq!(one("SHARES FALL AS 300 ARRIVE").value, Some(300.0));
    }

    #[test]
    fn digits_hyphenated_to_a_capitalised_word_are_names() {
        assert!(
            all("the 7-Eleven chain").is_empty(),
            "{:?}",
            all("the 7-Eleven chain")
        );
        assert!(all("in its 10-K filing").is_empty());
        // Ranges and hyphenated modifiers in lower case stay amounts; so do all-capital headlines.
        assert!(one("prices rose 3-6% in May").range.is_some());
        assert_eq!(one("a 16-bit chip").value, Some(16.0));
        assert_eq!(one("EXPORTS UP 3-PCT IN MAY").value, Some(3.0));
    }

    #[test]
    fn scaled_values_are_the_decimal_they_are_written_as() {
        // 4.28 * 1e9 in binary floating point is 4280000000.0000005; the output says 4280000000.
        assert_eq!(one("revenue was 4.28 billion euros").value, Some(4.28e9));
        assert_eq!(one("it raised $1.1 million").value, Some(1.1e6));
        assert_eq!(one("a 0.7 percent rise").value, Some(0.7));
    }

    #[test]
    fn model_name_rule_needs_a_determiner_and_a_singular() {
        assert_eq!(one("the lab has 450 engineers.").unit_name, "engineer");
        assert_eq!(one("About 1000 arrived on foot").value, Some(1000.0));
        assert!(all("she flew a 747 jet home").is_empty());
        // A scaled amount is never a model number.
        assert_eq!(one("valuing it at 30 million stg").value, Some(30e6));
    }

    #[test]
    fn hyphen_names_and_hyphen_qualifiers() {
        assert!(all("the MiG-29 squadron").is_empty());
        let q = one("it dropped to minus-40 degrees Celsius");
        assert_eq!(q.value, Some(-40.0));
        assert_eq!(one("chips made at sub-5 nanometre scale").value, Some(5.0));
    }

    #[test]
    fn scores_clock_times_and_codes_are_not_quantities() {
        assert!(all("Leeds beat Hull 4-2 on Sunday").is_empty());
        // Cricket and golf scores in prose (CONVENTIONS.md: "250 for six", golf rounds).
        assert!(all("Ali took four for 38 as Kent won").is_empty());
        assert!(all("Surrey reached 128 for four on a wet day").is_empty());
        assert!(all("Patel's 56 not out saved the side").is_empty());
        assert!(all("in reply to the hosts' 326 all out").is_empty());
        assert!(all("the visitors were bowled out for 212 before tea").is_empty());
        assert!(all("Lind fired an eight-under-par 63 on Friday").is_empty());
        assert!(all("Ames was at 13 under, level with Cole").is_empty());
        assert!(all("Ames was four under for the week").is_empty());
        assert!(all("he birdied the par five second hole").is_empty());
        assert!(all("a par-72 course").is_empty());
        // Baseball's outs are counted ("with two out" is no particle).
        assert_eq!(one("he doubled with two out in the ninth").unit_name, "out");
        assert_eq!(one("he was within one out of a shutout").unit_name, "out");
        assert_eq!(one("One out later, Gonzalez homered.").unit_name, "out");
        assert_eq!(
            one("Clemens was one out away from a shutout.").unit_name,
            "out"
        );
        assert_eq!(one("he sent two out of the park").unit_name, "-");
        assert_eq!(
            first("the party won with 120 out of 200 seats").unit_name,
            "seat"
        );
        // A golf round's verb only before a round's score.
        assert_eq!(
            first("the company fired 200 of its 1,500 staff").value,
            Some(200.0)
        );
        assert_eq!(
            first("Jordan shot 12 of 20 from the field").value,
            Some(12.0)
        );
        // Only a hole's or course's par.
        assert_eq!(one("a sub-par 2 percent rise").value, Some(2.0));
        assert!(all("Nash shot 66 in the final round").is_empty());
        assert_eq!(one("troops shot 66 protesters").unit_name, "protester");
        assert!(all("India made 226 for five wickets in reply").is_empty());
        assert!(all("England were 74 for no wicket at tea").is_empty());
        assert!(all("Essex went on to dismiss Kent for 214 after lunch").is_empty());
        assert!(all("he went on to an unbeaten 120 on Friday").is_empty());
        assert!(all("they replied with a first innings of 353").is_empty());
        assert!(all("in reply to a first innings of 446 for nine declared").is_empty());
        // "just" after a number is no noun of it.
        assert_eq!(
            one("it climbed to 3,892.1 just below its peak").unit_name,
            "-"
        );
        // A price "for" a count is no score, nor is a count "under" a place.
        assert_eq!(all("two tickets for $40").len(), 2);
        assert_eq!(all("Police found 13 under the bridge").len(), 1);
        assert!(all("the 2-0 victory sealed it").is_empty());
        assert!(all("trading closed at 1645 GMT").is_empty());
        assert!(all("the attack began at 4.50 a.m. local time").is_empty());
        assert!(all("polls close at 8 pm on Sunday").is_empty());
        assert!(all("Jones went 3-for-4 at the plate").is_empty());
        assert!(all("they met at 5 o'clock").is_empty());
        assert!(all("they met at five o'clock").is_empty());
        assert!(all("Hoch shot a 68 on Sunday").is_empty());
        assert!(all("it won its European under-21 qualifier").is_empty());
        assert!(all("SOCCER - ENGLAND BEAT MOLDOVA IN UNDER-21 QUALIFIER.").is_empty());
        assert!(all("He was named in the Under-21 squad on Monday.").is_empty());
        assert!(all("they drew in a group 9 qualifier").is_empty());
        assert!(all("shares in the S&P 500 slipped").is_empty());
        assert!(all("landed at 0910 (0710 GMT) in fog").is_empty());
        assert!(all("results for fiscal 1997/98 and memo MEMO/97/113").is_empty());
        // A hyphenated pair with a unit is a range.
        assert_eq!(one("rates of 6-8% apply").range, Some((6.0, 8.0)));
    }

    #[test]
    fn word_modifiers_of_time_and_count_are_not_amounts() {
        assert!(all("a three-day summit and a two-run double").is_empty());
        assert_eq!(one("a seven-year-old boy").unit_name, "year of age");
        // Points modifying a noun are no amount; a measure is.
        assert!(all("a five-point plan and a three-point lead").is_empty());
        assert_eq!(one("the Fed cut rates by a half-point.").value, Some(0.5));
        assert_eq!(one("a nine-mile hike").unit_name, "mile");
        assert_eq!(
            one("a cut of up to a half-percentage point in June").value,
            Some(0.5)
        );
    }

    #[test]
    fn ranges_keep_complete_ends_and_split_change_from_level() {
        // A market that traded within bounds may give the higher end first.
        let q = one("March cocoa traded 1,412 to 1,398 pounds a tonne.");
        assert_eq!(q.range, Some((1398.0, 1412.0)));
        assert_eq!(all("a 53 percent to 39 percent lead").len(), 2);
        assert_eq!(
            all("Advancing issues traded 3 to 2 over decliners").len(),
            2
        );
        let q = one("fines from $300,000 to $4 million");
        assert_eq!(q.range, Some((300_000.0, 4e6)));
        let q = one("between five and six thousand homes");
        assert_eq!(q.range, Some((5000.0, 6000.0)));
        let q = one("paid between $30,000 and $45,000 a year");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((30_000.0, 45_000.0)), "dollar per year")
        );
        let f = all("the stock slipped 2.5 kroner to 98.00 kroner");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].value, f[0].change), (Some(2.5), Change::Down));
    }

    #[test]
    fn numbers_listed_after_a_name_in_the_plural_are_names() {
        let f = all("Traffic jams hit Interstates 80 and 90 near Chicago.");
        assert!(f.is_empty(), "{f:?}");
        // A plural that names no numbered thing leaves the numbers counts.
        let f = all("The Yankees 3 and 4 hitters each drove in 2 runs.");
        assert_eq!(f.last().map(|q| q.unit_name.as_str()), Some("run"));
        let f = all("Analysts see gains of 5 and 6 percent.");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn off_as_the_particle_of_another_verb_is_no_fall() {
        assert_eq!(
            one("he was sent off 20 minutes from time").change,
            Change::Equal
        );
        assert_eq!(
            one("the champion fought off 3 challengers").change,
            Change::Equal
        );
        assert_eq!(one("the stock closed off 20 cents").change, Change::Down);
        assert_eq!(
            one("gold was called off 40 cents in Asia").change,
            Change::Down
        );
    }

    #[test]
    fn an_amount_named_by_its_vicinity_is_an_estimate() {
        assert_eq!(
            one("growth should stay in the 3 percent range").change,
            Change::Approx
        );
        assert_eq!(
            one("dealers saw the dollar test the 110 yen area").change,
            Change::Approx
        );
        assert_eq!(
            one("fires swept the 2,000 sq km area").change,
            Change::Equal
        );
        assert_eq!(one("missiles with the 300 km range").change, Change::Equal);
        assert_eq!(
            one("it has a 3 percent range of error").change,
            Change::Equal
        );
    }

    #[test]
    fn a_change_verb_its_object_and_the_amount() {
        assert_eq!(
            one("The bank raised its dividend 15 percent.").change,
            Change::Up
        );
        assert_eq!(one("Acme lifts payout 3 cents.").change, Change::Up);
        assert_eq!(
            one("The mill cut the workforce 8 percent.").change,
            Change::Down
        );
        // A preposition ends the object; a count of what was cut is no change's amount.
        assert_eq!(
            one("It raised prices in Ohio 5 percent.").change,
            Change::Equal
        );
        assert_eq!(
            one("The mill cut its staff 300 people.").change,
            Change::Equal
        );
        assert_eq!(
            one("It lifted the price to 5 percent.").change,
            Change::Equal
        );
        // The noun "cuts" and a sentence's first word are no change verb; nor is an object
        // holding a verb of its own.
        for text in [
            "The senator proposed tax cuts worth $90 billion.",
            "Lower fuel prices cost the airline $40 million.",
            "Budget cuts saved the city $2 billion.",
            "Ski lift passes cost $50 a day.",
        ] {
            assert_eq!(one(text).change, Change::Equal, "{text}");
        }
    }

    #[test]
    fn direction_verbs_levels_and_bounds() {
        assert_eq!(one("the index advanced 12 points").change, Change::Up);
        assert_eq!(one("the shares plummeted 40 cents").change, Change::Down);
        assert_eq!(one("the yield shed 3 basis points").change, Change::Down);
        // The level a change reached is not the change.
        assert_eq!(one("profit climbed to $5 million").change, Change::Equal);
        assert_eq!(one("revenue went up to $7 billion").change, Change::Equal);
        assert_eq!(
            one("the yield inched up to 6.5 percent").change,
            Change::Equal
        );
        // A comparison after a copula is not a stated change; "more" counts are plain.
        assert_eq!(one("output was 6 percent lower").change, Change::Equal);
        assert_eq!(one("soy settled 4 cents higher").change, Change::Equal);
        // A comparative states no change whatever verb comes before it (CONVENTIONS.md: only
        // a change verb or adverb does); a change verb before it still does.
        assert_eq!(one("shares opened 2 percent lower").change, Change::Equal);
        assert_eq!(
            one("it would report a profit 30 million marks higher").change,
            Change::Equal
        );
        assert_eq!(one("stocks rose 2 percent higher").change, Change::Up);
        // After a verb of motion the comparative gives the direction.
        assert_eq!(one("stocks pushed 2 percent higher").change, Change::Up);
        assert_eq!(
            one("the index drifted 10 points lower").change,
            Change::Down
        );
        assert_eq!(one("copper edged 3 cents lower").change, Change::Down);
        // "up"/"down" after the amount is the change adverb ("down 3"), even after "closed".
        let f = all("corn closed 2 cents up at $3.10");
        assert_eq!((f[0].change, f[1].change), (Change::Up, Change::Equal));
        assert_eq!(
            one("the index ended 9 points down on the day").change,
            Change::Down
        );
        assert_eq!(one("we need 4 more weeks").change, Change::Equal);
        assert_eq!(one("a fee of no more than 15 percent").change, Change::Less);
        assert_eq!(
            one("a term of a maximum of four years").change,
            Change::Less
        );
        assert_eq!(one("a minimum of 20 days' notice").change, Change::More);
        // "or fewer" / "or less" after the amount is a ceiling, "or more" a floor; the counted
        // noun comes after them.
        let q = one("he threw three or fewer pitches");
        assert_eq!((q.change, q.unit_name.as_str()), (Change::Less, "pitch"));
        let q = one("terms of six years or less");
        assert_eq!((q.change, q.unit_name.as_str()), (Change::Less, "year"));
        let q = one("firms with 50 or more workers");
        assert_eq!((q.change, q.unit_name.as_str()), (Change::More, "worker"));
        // "and up" after an amount is a floor; before "to" and another amount it starts a range.
        let q = one("Passengers who had paid $1,500 and up to join the trip returned.");
        assert_eq!(q.change, Change::More);
        assert_eq!(
            one("Seats cost $40 and over, the club said.").change,
            Change::More
        );
        assert_ne!(
            all("Tickets cost $5 and up to $10.")[0].change,
            Change::More
        );
        assert_eq!(
            all("The dollar closed at 105.20 yen and up from 104.80 yen.")[0].change,
            Change::Equal
        );
        assert_eq!(
            one("a stake of no less than 15 percent").change,
            Change::More
        );
        assert_eq!(
            one("damage estimated at $20 million").change,
            Change::Approx
        );
    }

    #[test]
    fn a_change_verb_reaches_over_an_article_and_its_modifiers() {
        assert_eq!(
            one("exports climbed a better-than-forecast 4.1 percent").change,
            Change::Up
        );
        assert_eq!(
            one("orders slid a seasonally adjusted 2.6 percent").change,
            Change::Down
        );
        assert_eq!(one("the stock added a hefty 9 cents").change, Change::Up);
        // An object with a preposition is no modifier of the amount.
        assert_eq!(
            one("the bank cut a deal with 5 lenders").change,
            Change::Equal
        );
    }

    #[test]
    fn a_listed_number_word_takes_no_units_digit() {
        // "a dozen" + "seven-year-old": two numbers, not one unreadable compound.
        let f = all("guards found a dozen nine-year-old bonds in a safe");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].value, f[0].unit_name.as_str()), (Some(12.0), "bond"));
        assert_eq!(f[1].unit_name, "year of age");
        assert_eq!(one("forty-two ships sailed").value, Some(42.0));
    }

    #[test]
    fn clock_times_in_local_time_and_years_named_as_years() {
        // "at 0930 local / 1330 GMT": both are times of day.
        assert!(all("the minister speaks at 0930 local / 1330 GMT on Monday").is_empty());
        // "a fiscal 1997 year forecast": the year's name.
        assert_eq!(
            all("its fiscal 1997 year forecast of $2.10 a share").len(),
            1
        );
        assert_eq!(one("over a 1000 year span").unit_name, "year");
    }

    #[test]
    fn an_age_range_after_aged() {
        let f = all("ten pupils, aged between six and nine, were hurt");
        assert_eq!(f[1].range, Some((6.0, 9.0)));
        assert_eq!(f[1].unit_name, "year of age");
    }

    #[test]
    fn counted_nouns_irregular_compound_and_coordinated() {
        assert_eq!(one("one flock of geese landed").unit_name, "flock goose");
        assert_eq!(
            one("sales on 3,100 head of cattle").unit_name,
            "head cattle"
        );
        assert_eq!(
            one("sales confirmed on 3,100 head, mostly steers").unit_name,
            "head"
        );
        assert_eq!(one("two head coaches were fired").unit_name, "head coach");
        assert_eq!(
            one("jailed 12 human rights campaigners in May").unit_name,
            "human rights campaigner"
        );
        assert_eq!(
            one("about 300 Iraqi Kurds fled").unit_name.to_lowercase(),
            "iraqi kurd"
        );
        assert_eq!(one("One official told the paper").unit_name, "official");
        assert_eq!(
            one("a jet with 210 passengers and crew landed").unit_name,
            "passenger crew"
        );
        assert_eq!(one("six members of a gang were held").unit_name, "member");
        // ... as is one after "or", maybe with a modifier of its own.
        assert_eq!(
            one("it has had 9 strikes or attempted strikes since May").unit_name,
            "strike attempted strike"
        );
        assert_eq!(
            one("over 12 house burglaries and car thefts that month").unit_name,
            "house burglary car theft"
        );
        // A verb and its object after "and" are no second noun.
        assert_eq!(
            one("Gunmen killed 8 villagers and torched homes.").unit_name,
            "villager"
        );
        assert_eq!(
            one("The firm will cut 500 jobs and close factories.").unit_name,
            "job"
        );
        // A verb with its object after "and" is no second noun.
        assert_eq!(
            one("it disarms 9,000 fighters and sets a date").unit_name,
            "fighter"
        );
        // Nor is a finite verb after a phrase of two words.
        assert_eq!(
            one("the airline ordered 12 new jets and took options").unit_name,
            "new jet"
        );
        // A modifier that is an amount of its own is not part of the noun.
        assert_eq!(
            all("they found 12 five-year-old bonds")[0].unit_name,
            "bond"
        );
        // A score closing a bracket is no list marker.
        assert!(all("(Toronto leads best-of-five semifinal series 1-0)").is_empty());
        // A score after a score is no modifier ("a 3-6 0-4 hole").
        assert!(all("out of a 3-6 0-4 hole")
            .iter()
            .all(|q| q.unit_name != "hole"));
    }

    #[test]
    fn transitive_change_verbs_reach_over_their_object_to_by() {
        assert_eq!(
            one("the bank raised rates by 50 basis points").change,
            Change::Up
        );
        assert_eq!(
            one("it lowered its full-year forecast by about 2 percent").change,
            Change::Down
        );
        assert_eq!(
            one("they cut the workforce by 1,200 jobs").change,
            Change::Down
        );
        // Without "by" the amount is the level reached or the object, not the change.
        assert_eq!(
            one("the bank raised rates to 5 percent").change,
            Change::Equal
        );
        // A count of the things affected is not a change amount (CONVENTIONS.md: "cut 200 jobs").
        assert_eq!(one("the group cut 300 jobs in May").change, Change::Equal);
        assert_eq!(
            all("the Sharks have lost nine of their last 11 matches")[0].change,
            Change::Equal
        );
    }

    #[test]
    fn spans_of_years_and_compared_figures_are_not_ranges() {
        assert!(all("the 2003-04 season opened late").is_empty());
        assert!(all("during the 1939-45 war").is_empty());
        assert!(all("he ruled from 1249-1286 in peace").is_empty());
        // A four-digit amount after a year is no year when it is not later.
        assert!(!all("in 1996-1200 jobs went").is_empty());
        // Two figures compared descend; a range ascends.
        let f = all("she led him by 48 percent to 41 percent");
        assert_eq!(
            f.iter().map(|q| q.value).collect::<Vec<_>>(),
            [Some(48.0), Some(41.0)]
        );
        assert_eq!(one("between 41 and 48 percent").range, Some((41.0, 48.0)));
    }

    #[test]
    fn the_second_day_of_a_span_is_a_date() {
        assert!(all("the fair runs from June 3 to 9 in Lyon").is_empty());
        assert!(all("polls open between October 12 and 15").is_empty());
        // A figure after a date is still one.
        assert_eq!(
            all("on May 4, 2,000 and 3,000 people marched")[0].value,
            Some(2000.0)
        );
    }

    #[test]
    fn a_change_in_noun_form_is_no_stated_change_unless_in_apposition() {
        assert_eq!(
            one("analysts expect growth of 3.1 percent").change,
            Change::Equal
        );
        assert_eq!(
            one("they forecast a fall of 2 percent").change,
            Change::Equal
        );
        assert_eq!(
            one("an expansion of about 8 percent").change,
            Change::Approx
        );
        // Modifiers between the determiner and the noun ("a third straight quarterly fall of").
        assert_eq!(
            one("bankers see an annual export rise of 4 percent").change,
            Change::Equal
        );
        let f = all("orders reached $9 billion, an increase of 12 percent");
        assert_eq!(f[1].change, Change::Up);
        let f = all("output hit 40 tonnes, a sharp drop of 6 percent");
        assert_eq!(f[1].change, Change::Down);
    }

    #[test]
    fn scores_ranges_with_one_currency_and_either_or() {
        assert!(all("they won 4-2 away from home").is_empty());
        assert!(all("a 2-2 home draw").is_empty());
        assert_eq!(
            one("corn was $130-135 on Monday").range,
            Some((130.0, 135.0))
        );
        let q = one("prices may rise by 5 or 6 percent");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((5.0, 6.0)), "percentage")
        );
        assert_eq!(one("it is 60 kms away").unit_name, "kilometre");
        assert_eq!(one("a million tourists came").value, Some(1e6));
        // A hyphenated count names no unit for the figures after it.
        let f = all("the 40-member index closed up 3.5 at 1,220");
        assert_eq!(
            (f[1].unit_name.as_str(), f[2].unit_name.as_str()),
            ("-", "-")
        );
    }

    #[test]
    fn a_net_loss_over_a_reporting_period_is_a_result_not_a_fall() {
        let f = all("The chemicals maker lost $41.2 million in the six months to June.");
        assert_eq!(f[0].change, Change::Equal);
        let f =
            all("Metro Bank lost 12 million pounds, or 3 pence a share, in the second quarter.");
        assert!(f.iter().all(|q| q.change == Change::Equal), "{f:?}");
        // A move of a price or of market value stays a fall.
        assert_eq!(
            one("The shares lost $3 in the quarter.").change,
            Change::Down
        );
        assert_eq!(
            one("Tech stocks lost $90 billion in market value").change,
            Change::Down
        );
        assert_eq!(
            all("The rouble lost 40 kopecks to 5,500.")[0].change,
            Change::Down
        );
        // A small unscaled amount is a price that moved; a result keeps its bound.
        assert_eq!(
            one("Gold lost $12 in the first quarter.").change,
            Change::Down
        );
        assert_eq!(
            one("The group lost about $30 million in fiscal 1996.").change,
            Change::Approx
        );
        assert_eq!(
            one("The utility lost 6 cents a share in the quarter.").change,
            Change::Equal
        );
    }

    #[test]
    fn one_day_meaning_some_day_is_no_duration() {
        assert!(all("Rebels say they will one day march on the capital.").is_empty());
        assert!(all("One day, she says, the mine will reopen.").is_empty());
        assert!(all("He said one day Britain would join.").is_empty());
        assert!(all("and one day they will return").is_empty());
        // A duration after a number and "and", "all but" or "added" stays one.
        for kept in [
            "He was jailed for four years and one day, his lawyer said.",
            "The market was shut on all but one day, traders said.",
            "The organisers added one day, Sunday, to the fair.",
        ] {
            assert!(
                all(kept)
                    .iter()
                    .any(|q| q.unit_name == "day" && q.value == Some(1.0)),
                "{kept}"
            );
        }
        for kept in [
            "The strike lasted one day.",
            "He was banned for one day.",
            "One day later, he resigned.",
        ] {
            assert_eq!(one(kept).unit_name, "day", "{kept}");
        }
    }

    #[test]
    fn pounds_after_a_money_word_are_sterling_and_weights_stay_weights() {
        let name = |t: &str| one(t).unit_name;
        assert_eq!(
            name("The magistrate fined him 750 pounds."),
            "pound sterling"
        );
        assert_eq!(
            name("Seats for the final cost 45 pounds."),
            "pound sterling"
        );
        assert_eq!(
            name("Nurses earn 520 pounds a week"),
            "pound sterling per week"
        );
        assert_eq!(
            all("Entry costs between 12 and 18 pounds")[0].unit_name,
            "pound sterling"
        );
        // A weight word near it, a substance after it, or a metric conversion keep a weight.
        assert_eq!(
            name("The crate, which cost little, weighs 90 pounds."),
            "pound-mass"
        );
        assert_eq!(name("They paid for 300 pounds of rice."), "pound-mass");
        assert_eq!(name("He shed 30 pounds before the fight."), "pound-mass");
        // The money word must be in the number's own clause, and "prize" or "bill" name no price.
        assert_eq!(
            all("heroin worth $2 million, some 60 pounds, was seized")[1].unit_name,
            "pound-mass"
        );
        assert_eq!(
            name("The prize marrow weighed in at 110 pounds"),
            "pound-mass"
        );
        assert_eq!(
            name("a bill to let lorries carry 90,000 pounds"),
            "pound-mass"
        );
        assert_eq!(
            name("The haulier was fined 4,000 pounds."),
            "pound sterling"
        );
        // Pounds set against money in pounds are money; a substance or a weight word keeps a weight.
        let f = all("The fee is 900 pounds, against 650 pounds last year.");
        assert!(f.iter().all(|q| q.unit_name == "pound sterling"), "{f:?}");
        let f = all("He paid 90 pounds for 30 pounds of lamb.");
        assert_eq!(f[1].unit_name, "pound-mass");
        let f = all("She was fined 300 pounds for carrying 50 pounds too many.");
        assert_eq!(f[1].unit_name, "pound-mass");
        assert_eq!(
            name("He spent the winter bulking up to 240 pounds."),
            "pound-mass"
        );
    }

    #[test]
    fn changes_in_the_progressive_and_pounds_converted() {
        assert_eq!(one("shares were slipping 0.4 percent").change, Change::Down);
        assert_eq!(one("the euro was climbing 1.1 percent").change, Change::Up);
        let f = all("the painting went for 9,200 pounds ($14,300)");
        assert_eq!(f[0].unit_name, "pound sterling");
        assert_eq!(one("the parcel weighs 12 pounds").unit_name, "pound-mass");
    }

    #[test]
    fn money_raised_is_collected_not_a_rise() {
        assert_eq!(
            one("the startup raised $40 million from investors").change,
            Change::Equal
        );
        assert_eq!(
            one("it is raising about 2 billion euros in bonds").change,
            Change::Approx
        );
        assert_eq!(one("they raised nearly $9 million").change, Change::Approx);
        assert_eq!(
            one("the bidder raised its offer by $1.50").change,
            Change::Up
        );
        assert_eq!(one("fares were raised 4% on Monday").change, Change::Up);
    }

    #[test]
    fn change_carries_to_equivalents_and_coordinated_amounts() {
        let f = all("the index dropped 80 points, or 1.5 percent, on Monday");
        assert_eq!((f[0].change, f[1].change), (Change::Down, Change::Down));
        let f = all("he lost 30 pounds (14 kg) in a month");
        assert_eq!((f[0].change, f[1].change), (Change::Down, Change::Down));
        let f = all("sales rose 3 percent in May and 9 percent for the half");
        assert_eq!((f[0].change, f[1].change), (Change::Up, Change::Up));
        let f =
            all("output fell 0.8 percent in the third quarter or 3.1 percent at an annual rate");
        assert_eq!((f[0].change, f[1].change), (Change::Down, Change::Down));
        assert_eq!(
            one("it was estimated to cost $31 million").change,
            Change::Approx
        );
        // A word limiting the change may stand before its amount.
        assert_eq!(
            one("the economy grew by only 3.1 percent").change,
            Change::Up
        );
        assert_eq!(one("profit rose just 2 percent").change, Change::Up);
        assert_eq!(one("the index fell another 12 points").change, Change::Down);
        // The object before "by" holds no clause of its own.
        let q = one("the bank raised rates and said output would fall by 2 percent");
        assert_eq!(q.change, Change::Down);
        assert_eq!(
            one("shares rose 12 percent on the spin-off news").change,
            Change::Up
        );
        assert_eq!(
            one("the level is trimmed by three decibels").change,
            Change::Down
        );
        let q = one("it cut its three-month time deposit rates by between 0.05 and 0.10 points");
        assert_eq!(q.change, Change::Down);
        // A count from a set right after a name is no part of the name.
        let q = first("they have beaten the Yankees 12 of the past 15 meetings");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(12.0), "meeting"));
        assert!(all("(OJ No L 187 of 26.7.1996)").is_empty());
        assert!(all("under Super 301 of the 1988 Trade Act").is_empty());
        // Games won or lost in a run are counted, not a change.
        let f = all("they have dropped three in a row and 11 of 15");
        assert_eq!((f[0].change, f[1].change), (Change::Equal, Change::Equal));
        assert_eq!(
            first("they lost five of their last six").change,
            Change::Equal
        );
        assert_eq!(
            one("shares lost 2 percent of their value").change,
            Change::Down
        );
        // An adverb of change after the equivalent states both amounts' change.
        let f = all("the index closed 4.12 points or 0.3 percent down at 1,370.5");
        assert_eq!((f[0].change, f[1].change), (Change::Down, Change::Down));
        // An approximation stays with its own amount.
        let f = all("about 20 miles (32 km) away");
        assert_eq!((f[0].change, f[1].change), (Change::Approx, Change::Equal));
    }

    #[test]
    fn currencies_of_news_and_prefixes_of_the_next_amount() {
        let f = all("a bribe of NZ$50,000 (US$31,000) was paid");
        assert_eq!(
            f.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["new zealand dollar", "dollar"]
        );
        assert_eq!(one("a fine of 5 million lei").unit_name, "romanian leu");
        // CONVENTIONS.md names the peseta with its country; "Finnish marks" are markkas.
        assert_eq!(
            one("a fine of 5 million pesetas").unit_name,
            "spanish peseta"
        );
        assert_eq!(
            one("a fine of 5 million Finnish marks").unit_name,
            "finnish markka"
        );
        assert_eq!(
            one("a fine of 5 million NZ dollars").unit_name,
            "new zealand dollar"
        );
        // "DM" is the Deutsche Mark, "dm" the decimetre.
        assert_eq!(one("a fine of 5 million DM").unit_name, "deutsche mark");
        // A code's letters at the end of a word are part of the word.
        let text = "it cost $2.79, versus $2.78 a day earlier";
        let f = all(text);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (&text[f[1].start..f[1].end], f[1].unit.as_str()),
            ("$2.78", "USD")
        );
        assert_eq!(one("a fine of DM 5 million").unit_name, "deutsche mark");
        // Reuters' "mln" and "bln".
        let q = one("a loss of 3 bln dlrs");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(3e9), "dollar"));
        assert_eq!(one("a board 4 dm wide").unit_name, "decimetre");
        assert_eq!(
            one("the budget of 12 billion kuna").unit_name,
            "croatian kuna"
        );
        assert_eq!(
            one("a loss of 7 million schillings").unit_name,
            "austrian schilling"
        );
        assert_eq!(one("it traded at 1.52 marks").unit_name, "deutsche mark");
        assert_eq!(
            one("the group is worth 60 million stg").unit_name,
            "pound sterling"
        );
        assert_eq!(one("the shares ended at 212.5p,").unit_name, "penny");
        assert!(all("we meet at 3 p.m. sharp")
            .iter()
            .all(|q| q.unit_name != "penny"));
        assert_eq!(
            one("paid 20 Ecus per tonne").unit_name,
            "european currency unit per metric ton"
        );
    }

    #[test]
    fn franc_takes_its_country_from_the_sentence() {
        assert_eq!(
            one("the Paris bourse priced it at 310 francs").unit_name,
            "french franc"
        );
        assert_eq!(
            one("a Belgian fine of 900 francs").unit_name,
            "belgian franc"
        );
        assert_eq!(one("a fee of 40 francs").unit_name, "swiss franc");
    }

    #[test]
    fn a_shared_currency_takes_its_country_from_a_company_or_town() {
        for (text, name) in [
            ("Michelin shed 5 francs to 221.", "french franc"),
            ("Novartis rose 3 francs to 1,650.", "swiss franc"),
            ("The Lugano court fined him 800 francs.", "swiss franc"),
            ("Petrofina fell 50 francs to 10,400.", "belgian franc"),
            ("Volvo earned 1.2 billion crowns.", "swedish krona"),
            ("Carlsberg paid a dividend of 8 crowns.", "danish krone"),
            ("Statoil earned 4 billion kroner.", "norwegian krone"),
            ("Skoda lost 300 million crowns.", "czech koruna"),
        ] {
            assert_eq!(first(text).unit_name, name, "{text}");
        }
        // A country, a capital or a body named in the sentence comes first.
        for (text, name) in [
            (
                "A Geneva court ordered Peugeot to pay 2 million francs.",
                "swiss franc",
            ),
            ("UEFA fined Auxerre 20,000 francs.", "swiss franc"),
            (
                "The Belgian unit of AXA earned 4 billion francs.",
                "belgian franc",
            ),
        ] {
            assert_eq!(one(text).unit_name, name, "{text}");
        }
        // A surname or a common word is no cue: Roche the cyclist, "Total" opening a sentence.
        assert_eq!(
            one("Stephen Roche won 5,000 francs.").unit_name,
            "swiss franc"
        );
        assert_eq!(
            one("Total costs came to 900 francs.").unit_name,
            "swiss franc"
        );
    }

    #[test]
    fn years_before_1800_where_a_date_is_expected() {
        assert!(all("The abbey was founded in 1132 by monks.").is_empty());
        assert!(all("1492 - Columbus reached the Bahamas.").is_empty());
        // Elsewhere such a number is a number.
        assert_eq!(one("The fund holds 1250 homes.").value, Some(1250.0));
        assert_eq!(one("Prices rose in 1500 shops.").value, Some(1500.0));
    }

    #[test]
    fn years_of_an_era_and_years_that_date_a_currency() {
        // An era's mark makes any number a year, and both ends of a span of years.
        let f = all("The pharaoh reigned (1870-1831 BC) over 12 provinces.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value, Some(12.0));
        assert!(all("Carthage fell in 146 B.C. after a siege.").is_empty());
        assert!(all("The wall was built between 122 and 128 AD by the legions.").is_empty());
        assert!(all("The town was sacked in AD 410 by raiders.").is_empty());
        // Not British Columbia, a company or a party.
        assert_eq!(one("About 300 BC residents were moved.").value, Some(300.0));
        assert_eq!(one("It sold 1,000 BCE shares.").value, Some(1000.0));
        // A forecast for a year's end is dated, not an amount.
        let f = all("Analysts see an end-1998 rand of 5.10 and a mid 1999 lira at 1,700.");
        assert!(
            f.iter()
                .all(|q| q.value != Some(1998.0) && q.value != Some(1999.0)),
            "{f:?}"
        );
        // An amount that merely looks like a year keeps its currency.
        assert_eq!(
            one("He was paid 1995 dollars for the job.").unit_name,
            "dollar"
        );
        assert_eq!(one("Tickets cost 2000 yen each.").unit_name, "japanese yen");
    }

    #[test]
    fn a_share_of_a_group_named_before() {
        let f = all("Most voters came, and a quarter of them stayed home.");
        let q = f.last().unwrap();
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.25), "% -"));
        // A period is not a share.
        assert!(all("In the first quarter of it sales were flat.").is_empty());
    }

    #[test]
    fn rates_per_area_and_compound_units() {
        assert_eq!(
            one("lifting hogs $2.25 per cwt").unit_name,
            "dollar per hundredweight"
        );
        assert_eq!(one("bid 41 cts lower").unit_name, "cent");
        assert_eq!(
            one("tin sold at $3.10 per lb, the agency said").unit_name,
            "dollar per pound-mass"
        );
        assert_eq!(
            one("tin sold at $3.10 a pound").unit_name,
            "dollar per pound-mass"
        );
        assert_eq!(
            one("beef at $61.20 per cwt live").unit_name,
            "dollar per hundredweight"
        );
        let q = one("Offices let for $62 per square foot a year.");
        assert_eq!(q.unit_name, "dollar per square foot");
        // A lone "t" after a slash is a tonne.
        assert_eq!(
            one("barley sold at $145 / T, traders said").unit_name,
            "dollar per metric ton"
        );
        assert_eq!(
            one("a deal at $5 a t-shirt").unit_name,
            "dollar per t-shirt"
        );
        // Energy denominators take the catalogue's spaced names.
        let q = one("power sold for 48 euros per MWh on Monday");
        assert_eq!(q.unit_name, "euro per megawatt hour");
        let q = one("households paid 17 cents per kilowatt-hour in May");
        assert_eq!(q.unit_name, "cent per kilowatt hour");
        assert_eq!(one("a star 40 light years away").unit_name, "light year");
        assert_eq!(
            one("ships with 20,000 TEU of capacity").unit_name,
            "twenty-foot equivalent unit"
        );
        assert_eq!(one("the 3mth rate was firm").unit_name, "month");
        // A rate after a bracketed conversion divides both amounts.
        let qs = all("Seats cost about A$90 (US$60) a head at the gate.");
        assert_eq!(
            qs.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["australian dollar per person", "dollar per person"]
        );
        let text = "Seats cost about A$90 (US$60) a head at the gate.";
        assert_eq!(&text[qs[0].start..qs[0].end], "A$90");
        let q = one("Flats sell at 9,000 euros per sq m.");
        assert_eq!(q.unit_name, "euro per square metre");
        let q = one("The field reached 12 kV/cm.");
        assert_eq!(q.unit_name, "kilovolt per centimetre");
        // Money per any noun that ends its phrase; not per a noun phrase that goes on.
        let q = one("Corn settled at $3.10 a bushel.");
        assert_eq!(q.unit_name, "dollar per bushel");
        let q = one("Seats went for $40 per ticket in May.");
        assert_eq!(q.unit_name, "dollar per ticket");
        let q = one("It sold for $9 a rival bidder said.");
        assert_eq!(q.unit_name, "dollar");
    }

    #[test]
    fn parts_of_one_unit_in_words() {
        let q = one("she won by twelve hundredths of a second");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.12), "second"));
        let q = one("it lasted three tenths of a second");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.3), "second"));
    }

    #[test]
    fn shared_currency_names_take_the_nearest_country_named() {
        let name = |t: &str| {
            all(t)
                .last()
                .map(|q| q.unit_name.clone())
                .unwrap_or_default()
        };
        // The cue nearest to the amount decides, within the sentence.
        assert_eq!(
            name("A Swiss fund bought the Paris retailer's shares at 85 francs"),
            "french franc"
        );
        // Else the last cue of the sentences before it.
        assert_eq!(
            name("The Copenhagen brewer reported on Monday. Its loss was 300 million crowns."),
            "danish krone"
        );
        assert_eq!(
            name("Traders in Karachi said the shares closed at Rs 41."),
            "pakistani rupee"
        );
        assert_eq!(
            name("Manila stocks were steady, with the index up and a stake sold for 900 million pesos."),
            "philippine peso"
        );
        // A name with its country, or a code, is not re-read from the context.
        assert_eq!(
            name("Paris dealers quoted it at 85 Swiss francs"),
            "swiss franc"
        );
        assert_eq!(name("The Paris fund paid CHF 85"), "swiss franc");
        // No country named: the catalogue's default.
        assert_eq!(name("The fee is 40 crowns."), "crown");
        // CONVENTIONS.md names every currency with its country: a plain rupee is the Indian one.
        assert_eq!(name("The fee is 40 rupees."), "indian rupee");
    }

    #[test]
    fn an_elided_count_takes_the_counted_noun_but_a_level_does_not() {
        let names = |t: &str| -> Vec<String> { all(t).into_iter().map(|q| q.unit_name).collect() };
        assert_eq!(
            names("Inspectors stopped 4,100 lorries and fined 310 on the border."),
            ["lorry", "lorry"]
        );
        assert_eq!(
            names("The club signed 12 players, 5 of them from abroad."),
            ["player", "player"]
        );
        // A number reached or stood at is a level, not more of the noun counted before it.
        assert_eq!(
            names("Seven analysts expect the index to climb to 1,450.")[1],
            "-"
        );
    }

    #[test]
    fn ages_in_apposition_and_in_words() {
        assert_eq!(
            one("Maria Lopez, 47, runs the farm").unit_name,
            "year of age"
        );
        assert_eq!(one("both boys, aged nine, were found").value, Some(9.0));
        assert_eq!(
            one("twin seven-year-olds were found").unit_name,
            "year of age"
        );
        // A decade of age is a range.
        assert_eq!(one("nurses in their early 30s").range, Some((30.0, 39.0)));
        assert!(all("a hit song of the 60s").is_empty());
        assert_eq!(
            one("the men, aged 17 to 22, were held").range,
            Some((17.0, 22.0))
        );
        // A bound or estimate after "aged"; a belief of age.
        let q = one("both men were aged about 40");
        assert_eq!(
            (q.unit_name.as_str(), q.change),
            ("year of age", Change::Approx)
        );
        let q = one("both were aged under 10");
        assert_eq!(
            (q.unit_name.as_str(), q.change),
            ("year of age", Change::Less)
        );
        assert_eq!(one("he is believed to be 97.").unit_name, "year of age");
        // A group is no person.
        assert_ne!(
            all("Of the 200 women, 40, or 20 percent, were ill")[1].unit_name,
            "year of age"
        );
        // A toll is no person.
        assert_ne!(
            first("The death toll was believed to be 45, police said.").unit_name,
            "year of age"
        );
        assert!(all("the Bronze Age about 3000 BC").is_empty());
        assert_eq!(
            one("he is believed to be 97 percent sure.").unit_name,
            "percentage"
        );
        // A person named by a common noun has an age too.
        let f = all("her aunt, 47, and companion, 28, were held");
        assert_eq!(
            f.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["year of age"; 2]
        );
        // A list of places with counts is not a list of ages.
        assert_ne!(one("in Lyon, 12, Nantes").unit_name, "year of age");
    }

    #[test]
    fn an_age_the_noun_age_names() {
        // An age limit stated of the noun "age", or moved to or from a number.
        for text in [
            "The legal drinking age in most states is 21.",
            "The minimum age for recruits was 17, officials said.",
            "The government raised the pension age to 67 on Monday.",
            "It lowered the voting age from 18 to 16.",
        ] {
            let f = all(text);
            assert!(!f.is_empty(), "{text}");
            assert!(
                f.iter().all(|q| q.unit_name == "year of age"),
                "{text}: {f:?}"
            );
        }
        assert_eq!(
            one("The age of consent for boys and girls in Albania is 14.").unit_name,
            "year of age"
        );
        // Not in another clause, nor a difference of ages.
        assert_ne!(
            one("The age of the suspects was unclear and the number arrested was 7.").unit_name,
            "year of age"
        );
        assert_ne!(
            one("The age gap between them is 20.").unit_name,
            "year of age"
        );
        // Other counts near the word stay what they were.
        let q = one("The average age of the fleet is 14 years.");
        assert_eq!(q.unit_name, "year");
        assert_eq!(
            one("The age gap between the 12 teams was wide.").unit_name,
            "team"
        );
        assert_ne!(
            first("In an age of austerity, spending was 40 percent lower.").unit_name,
            "year of age"
        );
        assert_ne!(
            one("The Stone Age settlement was 30 miles from the coast.").unit_name,
            "year of age"
        );
    }

    #[test]
    fn a_rates_denominator_is_named_by_the_language_file_then_the_unit_catalogue() {
        let x = Extractor::new();
        for (word, name) in [
            ("capita", "person"),
            ("annum", "year"),
            ("kWh", "kilowatt hour"),
            ("MMBtu", "mega british thermal unit"),
            ("sq. m", "square metre"),
            ("cubic meters", "cubic metre"),
            ("tbf", "thousand board feet"),
            ("lbs", "pound-mass"),
            ("seats", "seat"),
        ] {
            assert_eq!(x.per_unit(word), name, "{word}");
        }
    }

    #[test]
    fn no_span_to_an_extreme_a_tie_and_an_owned_quarter() {
        // A level and an extreme reached later are two figures, no span.
        let f = all("The dollar rose to 112.50 yen and as high as 113.00 yen.");
        assert_eq!(f.len(), 2, "{f:?}");
        // A tied game's score ("5-all", "thirty-all") is no amount.
        assert!(all("He broke back to make it 5-all in the set.").is_empty());
        // An owned quarter is a share ("his quarter of the company").
        assert_eq!(
            one("He sold his quarter of the company.").unit_name,
            "% company"
        );
    }

    #[test]
    fn an_adverb_in_ly_ends_no_counted_phrase() {
        let f = all("Two men were shot, one critically, and three slightly.");
        assert_eq!(f[0].unit_name, "man");
        // That "one" is one of the men.
        assert_eq!(f[1].unit_name, "man");
        let f = all("Four girls, all under 18, were stabbed, one fatally.");
        assert_eq!(f.last().map(|q| q.unit_name.as_str()), Some("girl"));
        // Tokenized text spaces off the commas.
        let f = all("Two men were shot , one critically , police said .");
        assert_eq!(f.last().map(|q| q.unit_name.as_str()), Some("man"));
        assert!(f[1..].iter().all(|q| !q.unit_name.ends_with("ly")), "{f:?}");
        assert_eq!(one("One family was evacuated.").unit_name, "family");
        assert_eq!(
            one("It opened two newly built plants.").unit_name,
            "newly built plant"
        );
    }

    #[test]
    fn a_capitalised_plural_after_a_country_abbreviation() {
        assert_eq!(
            one("She has won two U.S. Opens since May.").unit_name,
            "u.s. open"
        );
        assert_eq!(one("He took three US Opens in a row.").unit_name, "us open");
        // Dots and a capital may close a sentence instead.
        assert_ne!(
            first("The dollar ended at 1.3720 U.S. Dealers said it would rise.").unit_name,
            "u.s. dealer"
        );
        // The abbreviation may end a sentence; "us" in lower case is a pronoun.
        assert_eq!(
            first("The fund sold 40 to the U.S. Then it fell.").unit_name,
            "-"
        );
        assert_eq!(one("He gave two of us a lift.").unit_name, "-");
        let f = all("SHELL WIN GAME ONE IN PHILIPPINES");
        assert!(f.iter().all(|q| q.unit_name == "-"), "{f:?}");
    }

    #[test]
    fn counted_nouns_of_a_set_and_of_peoples() {
        // A body of people is counted in the singular; another singular word is not the noun.
        assert_eq!(one("the 52,000 crowd rose as one").unit_name, "crowd");
        assert_eq!(one("cuts to its 2,400 workforce").unit_name, "workforce");
        assert_eq!(one("resistance at 67,000 if it breaks").unit_name, "-");
        assert_eq!(first("Five of the nine judges agreed").unit_name, "judge");
        // "only" limits the set; it is not its noun.
        assert_eq!(
            first("she is one of only two survivors").unit_name,
            "survivor"
        );
        // An estimate of the set's size is not its noun.
        assert_eq!(
            first("about 40 of the roughly 900 delegates left").unit_name,
            "delegate"
        );
        assert_eq!(first("12 out of 40 banks failed").unit_name, "bank");
        assert_eq!(
            first("they won four of their last six matches").unit_name,
            "match"
        );
        assert_eq!(one("we need 9 more nurses").unit_name, "nurse");
        assert_eq!(
            one("a bloc of 20 mostly rural parties").unit_name,
            "rural party"
        );
        assert_eq!(one("she beat 4 Canadians").unit_name, "canadian");
        assert_eq!(
            one("the 3,000 protesting farmers left").unit_name,
            "protesting farmer"
        );
        assert_eq!(
            one("an index of 100 leading British shares").unit_name,
            "leading british share"
        );
        assert_eq!(one("one of the few Frenchmen").unit_name, "frenchman");
        assert_eq!(
            one("one of the region's big lenders").unit_name,
            "big lender"
        );
        // A people's name may start with a letter of more than one byte.
        assert_eq!(one("she beat 4 Österreichers").unit_name, "österreicher");
        // A verb is not what is counted.
        assert_eq!(one("of the 30 billion remaining").unit_name, "-");
        // Nor is a lone singular word after a count above one ("if", "previously", "when") …
        assert_eq!(
            one("support held at 5,200 if the index fell").unit_name,
            "-"
        );
        let f = all("a profit of 90 million rand from 70 million previously");
        assert_eq!(f[1].unit_name, "south african rand");
        // … but nouns without a plural form count.
        assert_eq!(one("all 6 crew were rescued").unit_name, "crew");
        // … and may modify a plural after them.
        assert_eq!(
            one("all 9 crew members were rescued").unit_name,
            "crew member"
        );
        assert_eq!(one("some 250 police officers").unit_name, "police officer");
        assert_eq!(one("one ballot was void").unit_name, "ballot");
        assert!(all("he won the 1,000 Islands Race")
            .iter()
            .all(|q| q.unit_name != "island"));
    }

    #[test]
    fn of_complements_of_counted_nouns() {
        assert_eq!(
            one("police found 40 crates of stolen watches").unit_name,
            "crate stolen watch"
        );
        // An adjective alone is no complement: its noun phrase runs on.
        assert_eq!(
            one("it issued 9 million shares of new common stock").unit_name,
            "share"
        );
        // A verb after a singular complement is not part of it.
        assert_eq!(
            one("some 60 members of staff lodged complaints").unit_name,
            "member staff"
        );
        assert_eq!(
            one("12 members of congress signed letters").unit_name,
            "member congress"
        );
        assert_eq!(
            one("four rounds of talks with the unions ended").unit_name,
            "round talk"
        );
        // A name runs on to its last capitalised word.
        assert_eq!(
            one("about 30 fighters of Kurdish guerrilla group PKK crossed").unit_name,
            "fighter Kurdish guerrilla group PKK"
        );
        // A share of a set whose size has a scale word: the noun after the scale.
        assert_eq!(
            first("Half of the 12 million registered voters stayed home.").unit_name,
            "% registered voter"
        );
        // After an article it names the whole the items belong to: the head alone is counted.
        assert_eq!(
            one("Three members of the crew were rescued unhurt.").unit_name,
            "member"
        );
        assert_eq!(
            one("it sold 20 million copies of the game").unit_name,
            "copy"
        );
        // A capitalised word after a lower-case one: a verb's object or more complement.
        assert_eq!(
            one("23 members of parliament met President Ortiz").unit_name,
            "member"
        );
        // A name alone is an owner, not the kind of thing counted.
        assert_eq!(
            one("some 700 workers of Hyundai Heavy struck").unit_name,
            "worker"
        );
        assert_eq!(one("she has 3 shares of Acme").unit_name, "share");
        // An adjective would be read without its noun: the complement is left out.
        assert_eq!(
            one("police held 12 leaders of radical eco-activism on Friday").unit_name,
            "leader"
        );
        // Units and sets counted from keep their own rules.
        assert_eq!(
            one("they shipped 500 tonnes of maize").unit_name,
            "metric ton"
        );
        assert_eq!(one("he sold 3,000 of them").unit_name, "-");
        assert_eq!(one("one of the new engines failed").unit_name, "new engine");
        assert_eq!(one("40 members of his family").unit_name, "member");
    }

    #[test]
    fn counted_nouns_lose_comparative_and_superlative_degree() {
        assert_eq!(
            one("one of the busiest airports in Asia").unit_name,
            "busy airport"
        );
        assert_eq!(
            one("she has two younger brothers").unit_name,
            "young brother"
        );
        assert_eq!(one("among the 10 biggest lenders").unit_name, "big lender");
        assert_eq!(
            one("one of the largest owners of cargo ships").unit_name,
            "large owner cargo ship"
        );
        assert_eq!(one("the five finest wines").unit_name, "fine wine");
        assert_eq!(one("25 oldest trees").unit_name, "old tree");
        // Words that merely end like a degree stay.
        assert_eq!(one("2 interest payments").unit_name, "interest payment");
        assert_eq!(one("30 forest rangers").unit_name, "forest ranger");
        assert_eq!(one("15 former ministers").unit_name, "former minister");
        assert_eq!(one("6 power stations").unit_name, "power station");
    }

    #[test]
    fn a_range_with_the_currency_on_its_first_end_keeps_it_and_its_rate() {
        let q = one("maize sold at $310-315 per tonne last week");
        assert_eq!(q.range, Some((310.0, 315.0)));
        assert_eq!(q.unit_name, "dollar per metric ton");
        assert_eq!(one("tickets cost $20-25 at the door").unit_name, "dollar");
    }

    #[test]
    fn a_strength_sizes_a_group_without_naming_it() {
        let q = one("the 250-strong board met");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(250.0), "-"));
    }

    #[test]
    fn a_group_an_apposed_size_or_more_of_a_kind_name_what_is_counted() {
        // "N more" adds to the last count, past the money between.
        let qs = all("The line bought 30 buses for $9 million and will lease eight more.");
        assert_eq!(qs[2].unit_name, "bus");
        // Not past an amount a verb moved: "N more" goes on moving it.
        let qs = all("Boots, with 900 stores, fell 4 pence and may lose 6 more.");
        assert_eq!(qs[2].unit_name, "penny");
        assert_eq!(
            all("It rose $2 and may gain 3 more.")[1].unit_name,
            "dollar"
        );
        // A size set after a plural and its comma counts the plural, modifiers kept.
        assert_eq!(
            one("the rights of Kurdish seasonal workers, estimated at 90,000, in the south")
                .unit_name,
            "kurdish seasonal worker"
        );
        assert_eq!(
            one("Pilgrims, numbering about 30,000, filled the town.").unit_name,
            "pilgrim"
        );
        assert_eq!(one("the losses, put at 40 million, were").unit_name, "-");
        // A plural after a preposition is a place or a side, not what is sized.
        assert_eq!(
            one("aid for families in the camps, estimated at 20,000").unit_name,
            "-"
        );
        // "a crew of 12" counts the crew, whatever unit follows the "and".
        let qs = all("The tanker, with a crew of 19 and 80,000 tonnes of crude, sank.");
        assert_eq!(qs[0].unit_name, "crew");
        assert_eq!(qs[1].unit_name, "metric ton");
        assert_eq!(
            one("with a skeleton staff of about 40 on duty").unit_name,
            "skeleton staff"
        );
        assert_eq!(one("The crew of 14 was rescued.").unit_name, "crew");
        assert_eq!(one("to cut its workforce of 9,000").unit_name, "workforce");
        // A crowd or a fleet is sized, not counted.
        assert_eq!(one("out of a fleet of 60").unit_name, "-");
        assert_eq!(one("before a crowd of 31,000").unit_name, "-");
        // A short past form after "more" is the verb, not the noun.
        assert_eq!(all("Six were hurt and two more died.")[1].unit_name, "-");
        assert_eq!(one("Three more fled on Monday.").unit_name, "-");
        // "N more" adds to the noun counted before it, past a semicolon too.
        let f = all(
            "It has 200 jets in the Gulf; the carrier Enterprise is in the Red Sea with 79 more.",
        );
        assert_eq!(f[1].unit_name, "jet");
        // A total counts all of the noun, whichever of them were counted before.
        let f = all("There are nine other U.S. ships in the Gulf for a total of 20.");
        assert_eq!(f[1].unit_name, "ship");
        // A tally set against a count by "to" counts the same noun.
        let qs = all("The motion was carried by 230 votes to 171.");
        assert_eq!(qs[1].unit_name, "vote");
        assert_eq!(
            all("They handed 9 hostages to 1 Red Cross official.")[1].unit_name,
            "-"
        );
        // A capitalised plural after lower-case adjectives is their noun.
        assert_eq!(
            one("he has skated at three successive Olympics").unit_name,
            "successive olympics"
        );
        assert_eq!(
            one("she beat two other Americans").unit_name,
            "other american"
        );
        assert_eq!(
            one("talks with four senior Republicans").unit_name,
            "senior republican"
        );
        // Not a name in -s that modifies the noun after it.
        assert_eq!(one("three small Kansas grain farms").unit_name, "-");
    }

    #[test]
    fn elided_units_come_from_the_sentence() {
        // A plural subject moved to a bare whole amount is what the amount counts, and the
        // amount it is set against counts the same.
        let qs = all("Flu admissions fell to 3,120 in March from 4,010 in February.");
        assert_eq!(
            qs.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["flu admission", "flu admission"]
        );
        let qs = all("Overdose deaths rose by 40 to 910, officials said.");
        assert_eq!(
            qs.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["overdose death", "overdose death"]
        );
        assert_eq!(
            all("with arrivals dropping 4% to 72,500")[1].unit_name,
            "arrival"
        );
        // A temperature is no unit for a count in a later clause.
        let qs = all("Crowds braved 38C heat, and 14 were treated in hospital.");
        assert_eq!(qs[1].unit_name, "-");
        assert_eq!(all("Highs of 35C and lows of 22")[1].unit_name, "celsius");
        // A scaled amount takes the currency of the sentence, not its bracketed conversion.
        let qs = all(
            "It lost 2.1 billion Danish crowns ($350 million), against a profit of 900 million.",
        );
        assert_eq!(qs[2].unit_name, "danish krone");
        // The age of an event is a span; an owned half is a part, not a share.
        assert_eq!(one("the 20-month-old conflict").unit_name, "month");
        assert_eq!(one("a 19-year-old woman").unit_name, "year of age");
        assert_eq!(one("a 25-year-old war veteran").unit_name, "year of age");
        assert_eq!(one("a 40-year-old civil servant").unit_name, "year of age");
        assert_eq!(
            one("the 12-year-old civil war in the south").unit_name,
            "year"
        );
        assert!(all("he is seeded in Smith's half of the draw").is_empty());
        assert_eq!(first("That's half of the 2,000 workers").value, Some(0.5));
        assert_eq!(first("half of the voters stayed home").unit_name, "% voter");
        // Cricket scores and betting odds are no amounts.
        assert!(all("his partner was unbeaten on 24 at lunch").is_empty());
        assert!(all("she won against odds of 151-to-1").is_empty());
        // Pounds converted into dollars are money.
        assert_eq!(
            one("Hundreds of thousands of pounds (dollars) of damage was done.").unit_name,
            "pound sterling"
        );
        // A total reached counts the noun of the count before it.
        let qs = all("The chain opened 12 new branches, taking its total to 410.");
        assert_eq!(
            (qs[0].unit_name.as_str(), qs[1].unit_name.as_str()),
            ("new branch", "branch")
        );
        // A bare "N of M" counts the group a share before it was of; a verb is no set's noun.
        let qs = all("Two-thirds of the analysts polled expect a cut, and 12 of 20 see it in May.");
        assert_eq!(
            qs.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["% analyst", "analyst", "analyst"]
        );
        assert_eq!(all("Two of 20 see it in May.")[0].unit_name, "-");
        // A modifier and "and" before a count of the same noun share it.
        let qs = all("The force has 30 Dutch and 45 Belgian soldiers.");
        assert_eq!(qs[0].unit_name, "dutch soldier");
        assert_eq!(
            one("Some 170 middle-aged and elderly people were treated.").unit_name,
            "middle-aged elderly people"
        );
        // Past a part that "including" names, the count goes on with the whole.
        let qs = all("The blast killed 14 people, including two soldiers, and injured 60.");
        assert_eq!(qs[2].unit_name, "people");
        // Prices, sums and sides are no count of their subject; a name's plural is no modifier.
        assert_eq!(one("Shares in the firm rose to 245.").unit_name, "-");
        assert_eq!(one("Export sales fell to 61,000.").unit_name, "-");
        assert_eq!(one("Workers' salaries rose to 50,000.").unit_name, "-");
        assert_eq!(one("The tourists reached 245 at stumps.").unit_name, "-");
        assert_eq!(
            one("Then Acme deliveries rose to 500.").unit_name,
            "delivery"
        );
        assert_eq!(one("Cases have risen to 3,000.").unit_name, "case");
        let f = all("the shares lost 40 pence to 1,210.");
        assert_eq!(f[1].unit_name, "penny");
        let f = all("a loss of 3.5 million schillings after a profit of 90 million a year earlier");
        assert_eq!(f[1].unit_name, "austrian schilling");
        let f = all("terms of five and seven years");
        assert_eq!((f[0].value, f[0].unit_name.as_str()), (Some(5.0), "year"));
        // "of whose" picks from the set named before, like "of whom".
        let f = all("gunmen seized six hostages, two of whose families were told");
        assert_eq!(f[1].unit_name, "hostage");
        // A level set against the next one takes its unit.
        let f = all("the jobless rate eased to 6.2 versus 6.5 percent");
        assert_eq!(
            (f[0].value, f[0].unit_name.as_str()),
            (Some(6.2), "percentage")
        );
        // A second thing listed keeps its own (missing) unit.
        assert_eq!(all("it costs $9.50 and 40 is the count")[1].unit_name, "-");
        // A hyphenated measure after it modifies its own noun.
        let f = all("bonds were at 106, 10-year notes at 105");
        assert_eq!((f[0].value, f[0].unit_name.as_str()), (Some(106.0), "-"));
    }

    #[test]
    fn shares_halves_and_vague_plurals() {
        let q = one("roughly half of all voters stayed home");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.5), "% voter"));
        assert_eq!(one("the ideal share is one third.").unit_name, "% -");
        assert!(all("in the first half of the year").is_empty());
        // "half" may take its group without "of"; a period still is none.
        assert_eq!(one("half the mines closed").unit_name, "% mine");
        assert!(all("in the second half the team scored").is_empty());
        assert_eq!(one("it took three and a half hours").value, Some(3.5));
        // Quarters and thirds join a whole number the same way.
        assert_eq!(one("he won by one and a quarter lengths").value, Some(1.25));
        assert_eq!(one("a six-and-a-quarter mile course").value, Some(6.25));
        // "one and three quarters of" names two numbers.
        let f = all("Between one and three quarters of voters agreed.");
        assert!(f.iter().all(|q| q.value != Some(1.75)), "{f:?}");
        let q = one("it lasted two and a third hours");
        assert!((q.value.unwrap_or(0.0) - 7.0 / 3.0).abs() < 1e-9, "{q:?}");
        assert_eq!(one("thousands of fans came").range, Some((1e3, 1e4)));
        assert_eq!(one("hundreds of ships").range, Some((100.0, 1000.0)));
        assert_eq!(one("dozens of farms burned").range, Some((12.0, 120.0)));
        assert_eq!(one("scores of rebels attacked").range, Some((20.0, 200.0)));
    }

    #[test]
    fn a_capitalised_number_word_ending_a_name() {
        assert_eq!(
            all("wiping value off the so-called Magnificent Seven, according to data").len(),
            0
        );
        assert_eq!(one("Police said Three Britons were held").value, Some(3.0));
        assert!(all("1940 - In World War Two the German airforce began its campaign.").is_empty());
        assert_eq!(
            all("The Big Three automakers cut 500 jobs on Monday.").len(),
            1
        );
        assert_eq!(
            one("Gunmen Kill Two after Attack near Algiers").value,
            Some(2.0)
        );
    }

    #[test]
    fn points_of_a_rate_are_its_points() {
        let names = |t: &str| all(t).into_iter().map(|q| q.unit_name).collect::<Vec<_>>();
        assert_eq!(
            names("It cut by 50 basis points, taking easing to 175 points.")[1],
            "basis point"
        );
        assert_eq!(names("turnout rose 6.5 points to 58.5%")[0], "point");
        // Index points stay points.
        assert_eq!(
            names("The Dow fell 120 points, or 0.5%, to 38,100.")[0],
            "point"
        );
    }

    #[test]
    fn ages_of_roles_and_in_clauses() {
        let age = |t: &str| {
            all(t)
                .into_iter()
                .find(|q| q.unit_name == "year of age")
                .and_then(|q| q.value)
        };
        assert_eq!(
            age("police said the owner, 47, had been detained"),
            Some(47.0)
        );
        assert_eq!(
            age("it sentenced a former bank relationship manager, 45, to jail"),
            Some(45.0)
        );
        assert_eq!(age("keeping him at the club until he is 38."), Some(38.0));
        assert_eq!(
            age("a woman who died of mesothelioma at 88, the family said"),
            Some(88.0)
        );
        // A count set off by commas after a thing is no age.
        assert_eq!(age("the total number, 12, was revised"), None);
        assert_eq!(age("Of the 200 women, 40, or 20 percent, were ill"), None);
    }

    #[test]
    fn percent_ranges_scales_and_phrasal_up() {
        assert_eq!(one("to the 4.25%-4.50% range").range, Some((4.25, 4.5)));
        assert_eq!(
            one("about 2 quintillion calculations per second").value,
            Some(2e18)
        );
        // "as little as", like "as many as", states the amount (CONVENTIONS.md).
        assert_eq!(
            one("plans cost as little as £40 a month").change,
            Change::Equal
        );
        assert_eq!(
            all("its loan book expanding 9.8% to R$812 billion")[0].change,
            Change::Up
        );
        assert_eq!(one("temperatures can exceed 60C").change, Change::More);
        // "snapped up €16 billion of bonds": bought, no rise.
        assert_eq!(
            one("investors snapped up €16 billion of a new bond").change,
            Change::Equal
        );
        assert_eq!(one("shares were up 5% at noon").change, Change::Up);
        assert_eq!(one("trading ended up 0.25 percent").change, Change::Up);
        assert_eq!(
            one("it will invest 3.2 trillion won in a plant").unit_name,
            "south korean won"
        );
        assert!(all("costing Fortune 500 companies dearly").is_empty());
    }

    #[test]
    fn going_past_a_mark_and_wiping_an_amount_off() {
        assert_eq!(
            one("interest payments topped $880 billion").change,
            Change::More
        );
        assert_eq!(
            one("rainfall exceeded 600mm at the coast").change,
            Change::More
        );
        assert_eq!(
            one("wiping roughly $115bn off its market value").change,
            Change::Down
        );
        assert_eq!(one("the flood wiped out 3,000 homes").change, Change::Equal);
        // "near" a mark is about it.
        assert_eq!(
            one("the yen traded near 157 per dollar").change,
            Change::Approx
        );
    }

    #[test]
    fn a_scaled_bare_amount_counts_the_noun_of_the_last_count_of_its_scale() {
        let names = |t: &str| all(t).into_iter().map(|q| q.unit_name).collect::<Vec<_>>();
        assert_eq!(
            names("It added 5 million subscribers, taking the total to 268 million."),
            ["subscriber", "subscriber"]
        );
        assert_eq!(
            names(
                "It connected 18 million homes at speeds of up to 1.6Gbps and aims to reach 25 million."
            ),
            ["home", "gigabit per second", "home"]
        );
        // Money of that scale stays money; a level in units stays bare ("rose to 450").
        assert_eq!(
            names("It sold 3 million cars and lost $2 million."),
            ["car", "dollar"]
        );
        assert_eq!(names("3 brokers saw it rise to 450."), ["broker", "-"]);
    }

    #[test]
    fn review_misfires_of_session_20_rules() {
        let names = |t: &str| all(t).into_iter().map(|q| q.unit_name).collect::<Vec<_>>();
        // "Hundreds of thousands marched" is one vague amount.
        assert_eq!(
            one("Hundreds of thousands marched in Paris.").range,
            Some((1e5, 1e6))
        );
        assert_eq!(names("The flood left thousands homeless."), ["-"]);
        assert_eq!(
            names("Thousands of miles away, dozens waited."),
            ["mile", "-"]
        );
        // Space-grouped thousands and a date before a count are no model numbers.
        assert!(all("counted 1 200 Britons")
            .iter()
            .any(|q| q.value == Some(200.0)));
        assert_eq!(one("On March 3 200 Marines landed").value, Some(200.0));
        // "differ by 3 to 15 percent" is a range.
        assert_eq!(
            one("Prices differ by 3 to 15 percent").range,
            Some((3.0, 15.0))
        );
        // Groups coordinated after an age keep its bound.
        let q = one("adults over 65 and younger people with asthma");
        assert_eq!(
            (q.unit_name.as_str(), q.change),
            ("year of age", Change::More)
        );
        // A place or a part set off with its number is no person.
        assert_ne!(
            one("In the remainder, 30, were released").unit_name,
            "year of age"
        );
        // Lower-case "model" and "fortune" name nothing.
        assert_eq!(names("sold units of the new model 3 months ago"), ["month"]);
        // Index points after basis points stay points; a scaled amount of money is no count.
        assert_eq!(
            names("Yields rose 10 basis points and the index gained 40 points."),
            ["basis point", "point"]
        );
        assert_eq!(
            names("It has 2 million residents and an annual budget of 3 million."),
            ["resident", "-"]
        );
        // "picks up 0.4%" rises.
        assert_eq!(one("Inflation picks up 0.4% in March").change, Change::Up);
    }

    #[test]
    fn a_glued_m_after_millions_is_still_metres() {
        // (A rule read it as millions again; "£45m … scored from 30m out" said why not.)
        let qs = all("He cost £45m and scored from 30m out");
        assert_eq!(qs[1].unit_name, "metre");
    }

    #[test]
    fn a_verb_taking_to_after_and_is_no_second_noun() {
        assert_eq!(
            one("The firm has 300 stores and plans to open more").unit_name,
            "store"
        );
        assert_eq!(
            one("it connected 18 million homes and aims to reach more").unit_name,
            "home"
        );
        assert_eq!(
            one("210 passengers and crew on board").unit_name,
            "passenger crew"
        );
    }

    #[test]
    fn product_lines_name_their_numbers() {
        for t in [
            "The Raspberry Pi 5 sells well",
            "Apple released macOS 15 and Xcode 16",
            "routers with Wi-Fi 7 support",
            "patients with type 2 diabetes",
        ] {
            assert!(all(t).is_empty(), "{t}");
        }
        // ("the series 2-0" is a score: "series" names no number.)
        assert!(all("to win the series 2-0").is_empty());
    }

    #[test]
    fn a_groups_age_and_ages_after_a_role() {
        let age = |t: &str| {
            let q = one(t);
            (q.unit_name, q.change)
        };
        let y = |c| ("year of age".to_string(), c);
        assert_eq!(age("effective in adults 65 and older"), y(Change::More));
        assert_eq!(
            age("people over 80 made up most of the deaths"),
            y(Change::More)
        );
        assert_eq!(age("children under five are most at risk"), y(Change::Less));
        assert_eq!(
            age("The former congressman, 64, was sentenced"),
            y(Change::Equal)
        );
        // A bound of a measure or a count stays one.
        assert_eq!(one("people over 80 miles away").unit_name, "mile");
        assert_ne!(one("workers under 25 percent").unit_name, "year of age");
        assert_ne!(one("drove 300 people and others").unit_name, "year of age");
    }

    #[test]
    fn magnitudes_golf_scores_tiebreaks_and_indian_scales() {
        assert_eq!(
            one("A magnitude-6.1 earthquake struck the coast").unit_name,
            "magnitude"
        );
        assert_eq!(one("a quake of magnitude 7.2 hit").unit_name, "magnitude");
        assert_eq!(one("the 7.8-magnitude quake").unit_name, "magnitude");
        // "a 6-under 65": a golf score, as is a tiebreak's "7-6(4)".
        assert!(all("Scheffler shot a 6-under 65 on Sunday").is_empty());
        assert!(all("He won 6-3 7-6(4) 6-3").is_empty());
        assert_eq!(
            one("revenue of 2.41 lakh crore rupees").value,
            Some(2.41e12)
        );
        assert_eq!(
            one("a 4,200-square-foot penthouse").unit_name,
            "square foot"
        );
        assert_eq!(one("a dividend of 74 US cents").unit_name, "cent");
    }

    #[test]
    fn phrasal_up_and_a_change_by_up_to() {
        // "pick up a 65-inch TV": "up" takes an object, no rise.
        assert_eq!(
            one("shoppers can pick up a 65-inch 4K TV").change,
            Change::Equal
        );
        assert_eq!(one("profits are up a third").change, Change::Up);
        // A change by a ceiling is a change.
        assert_eq!(
            one("the pump cuts the heating bill by up to 40%").change,
            Change::Down
        );
        assert_eq!(one("gusts of up to 90 km/h").change, Change::Less);
    }

    #[test]
    fn by_an_amount_to_a_level_far_above_it_is_no_range() {
        // A long object between the verb and "by" ("the price of its plan in the U.S.").
        let qs = all(
            "Netflix raised the price of its standard plan in the U.S. by $2 to $17.99 a month",
        );
        assert_eq!(
            qs.iter().map(|q| (q.value, q.change)).collect::<Vec<_>>(),
            [(Some(2.0), Change::Up), (Some(17.99), Change::Equal)]
        );
        // With no change verb found, "by ¥5,000 to ¥44,980" still reads as the amount and the level.
        let qs = all(
            "The price of the console in Japan by the end of the month went by ¥5,000 to ¥44,980",
        );
        assert_eq!(qs.len(), 2);
        // "by 20 to 30 percent" is a range of the change.
        assert_eq!(all("cut emissions by 20 to 30 percent").len(), 1);
    }

    #[test]
    fn a_model_number_after_a_count_names_the_model() {
        // "38 737 MAX jets", "two 747 freighters": the count comes first, then the model.
        let qs = all("Boeing delivered 38 737 MAX jets in March");
        assert_eq!(qs.iter().map(|q| q.value).collect::<Vec<_>>(), [Some(38.0)]);
        assert_eq!(one("it leased two 747s from a rival").value, Some(2.0));
        assert_eq!(all("two 500 KV lines failed").len(), 2);
        // Two counts side by side in prose stay ("won 3 of 4"), as does a table row of figures.
        assert_eq!(all("Totals 12 118 97 were reported").len(), 3);
    }

    #[test]
    fn a_lone_c_or_f_is_a_temperature_where_the_text_talks_of_one() {
        let q = one("Temperatures hit 41C across the south");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(41.0), "celsius"));
        assert_eq!(
            one("a forecast high of 35 C on Friday").unit_name,
            "celsius"
        );
        assert_eq!(
            one("the heat reached 104F in the valley").unit_name,
            "fahrenheit"
        );
        // The conversion in brackets after one: "41C (106F)".
        let qs = all("It was 41C (106F) at noon");
        assert_eq!(
            qs.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["celsius", "fahrenheit"]
        );
        // Without such a word a capital after a number names something ("Group 4C", "a 6F gearbox").
        assert!(all("They play in section 4C next week").is_empty());
        // Below zero it is degrees too.
        assert_eq!(one("keep it stored at -20C").unit_name, "celsius");
        assert_eq!(
            one("stored between -90C and -60C").range,
            Some((-90.0, -60.0))
        );
        assert!(all("The fire spread from apartment 3C to 4C").is_empty());
        assert!(all("the cold case of Unit 7C").is_empty());
        assert!(all("the warm-up track at gate 12F").is_empty());
        // A temperature word admits a furnace or a cryostat, never below absolute zero.
        assert_eq!(
            one("the kiln was heated to 1,200C overnight").value,
            Some(1200.0)
        );
        let q = one("the magnet is chilled to minus 269C");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(-269.0), "celsius"));
        assert!(all("the cooling unit -300C failed").is_empty());
        assert!(all("Chrysler's 300C sedan is feeling the heat").is_empty());
        assert!(all("Hotter weather lifted demand for the A330-200F freighter").is_empty());
        assert!(all("a 1,200C loan from Fund 500C").is_empty());
    }

    #[test]
    fn several_hundred_and_bare_vague_plurals() {
        // "several hundred" and "a few thousand" are read as "hundreds" and "thousands".
        let q = one("several hundred miners went on strike");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((100.0, 1000.0)), "miner")
        );
        assert_eq!(one("a few thousand fans stayed").range, Some((1e3, 1e4)));
        let q = one("it lost several million dollars");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((1e6, 1e7)), "dollar")
        );
        assert!(all("several strikers scored").is_empty());
        // A vague plural standing as a noun counts: "dozens were hurt".
        assert_eq!(
            one("dozens were hurt in the blast").range,
            Some((12.0, 120.0))
        );
        assert_eq!(
            one("rebels killed hundreds, officials said").range,
            Some((100.0, 1000.0))
        );
        // A table's scale or "in their thousands" is no amount.
        assert!(all("All figures are in thousands.").is_empty());
        assert!(all("Fans came in their thousands.").is_empty());
        assert!(all("they arrived by the hundreds").is_empty());
    }

    #[test]
    fn signs_tildes_notation_and_old_prefixes() {
        assert_eq!(one("the index closed +0.6% higher").change, Change::Up);
        let q = one("the fund returned -1.3% in March");
        assert_eq!((q.value, q.change), (Some(1.3), Change::Down));
        // A level below zero keeps its sign.
        let q = one("the bank kept its deposit rate at -0.5% on Thursday");
        assert_eq!((q.value, q.change), (Some(-0.5), Change::Equal));
        assert_eq!(one("the Nikkei ended -210 points").change, Change::Down);
        // A signed level is no change.
        assert_eq!(
            one("a low of -12 Celsius was recorded").change,
            Change::Equal
        );
        assert_eq!(one("it was -3 degrees at dawn").change, Change::Equal);
        assert_eq!(one("we expect ~250 guests").change, Change::Approx);
        assert_eq!(one("a mass of 2.5e6 tonnes").value, Some(2.5e6));
        // Dollars of other countries and other currency signs and codes before the number.
        assert_eq!(one("paid Z$4,000 in fees").unit_name, "zimbabwean dollar");
        assert_eq!(one("fares of KSh 500 rose").unit_name, "kenyan shilling");
        assert_eq!(one("a ₦40,000 fine").unit_name, "nigerian naira");
        let q = one("it cost RM4.2 million");
        assert_eq!(
            (q.value, q.unit_name.as_str()),
            (Some(4.2e6), "malaysian ringgit")
        );
        assert_eq!(one("profit of Y=30 billion").unit_name, "japanese yen");
    }

    #[test]
    fn decades_of_age_labels_and_twice() {
        assert_eq!(one("a woman in her 30s was hurt").unit_name, "year of age");
        assert!(all("music of the 1960s").is_empty());
        // Written with an apostrophe, the decade is an age all the same.
        let q = one("a man in his late 20's was held");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((20.0, 29.0)), "year of age")
        );
        assert!(all("music of the 1960's").is_empty());
        // … and so is a decade in words.
        let f = all("two women in their mid-twenties were hurt");
        assert_eq!(
            (f[1].range, f[1].unit_name.as_str()),
            (Some((20.0, 29.0)), "year of age")
        );
        let q = one("a man in his forties");
        assert_eq!(q.range, Some((40.0, 49.0)));
        assert!(all("music of the roaring twenties").is_empty());
        // Without a possessive, a decade in words or with an apostrophe is an era.
        for era in [
            "inflation has not been this low since the early seventies",
            "in the late 80's, prices soared",
            "temperatures were in the mid-twenties",
        ] {
            assert!(
                all(era).iter().all(|q| q.unit_name != "year of age"),
                "{era}"
            );
        }
        assert!(all("talks entered phase two and session one").is_empty());
        assert!(all("he rang twice").is_empty());
        assert!(all("shipment in Sept 10-24 from Europe").is_empty());
        assert!(all("a 3/32ths-inch gap")
            .iter()
            .all(|q| q.unit_name != "ths"));
    }

    #[test]
    fn continental_and_french_formats() {
        let (f, _) = Extractor::new().extract(
            "um 8,8 Prozent auf 97,3 Mrd. Euro gesunken",
            NumberFormat::Continental,
        );
        assert_eq!(f[0].value, Some(8.8));
        assert_eq!((f[1].value, f[1].unit.as_str()), (Some(97.3e9), "EUR"));
        let (f, _) = Extractor::new().extract("soit 45 000 personnes", NumberFormat::French);
        assert_eq!(f[0].value, Some(45000.0));
        let (f, _) = Extractor::new().extract("2,3 millions de personnes", NumberFormat::French);
        assert_eq!(
            (f[0].value, f[0].unit_name.as_str()),
            (Some(2.3e6), "personne")
        );
    }

    #[test]
    fn coordinated_modifiers_and_latin_plurals_name_the_counted_noun() {
        unit_names(&[
            (
                "some 300 Greek and Cypriot sailors were stranded",
                "greek cypriot sailor",
            ),
            (
                "it expelled hundreds of Malian and Nigerien traders",
                "malian nigerien trader",
            ),
            (
                "two Sudanese or Egyptian workers were held",
                "sudanese egyptian worker",
            ),
            (
                "half of the pilots and engineers on duty struck",
                "% pilot engineer",
            ),
            (
                "scores of software and hardware companies came",
                "software hardware company",
            ),
            ("it has 12 oil and gas fields", "oil gas field"),
            // A word that sizes the set is not its noun.
            ("Doboj, one of several towns where troops wait", "town"),
            // A noun before "and" still ends the phrase.
            ("she bought one van and Fiat trucks", "van"),
            ("three consortia bid for it", "consortium"),
            ("judged on four criteria", "criterion"),
        ]);
    }

    #[test]
    fn bare_numbers_after_division_or_par_name_them() {
        assert!(all("they were promoted from division two").is_empty());
        assert!(all("the course plays to par 72.").is_empty());
        // A measure or a count after such a word stays.
        assert_eq!(one("miners dug a hole 30 metres deep").value, Some(30.0));
        assert_eq!(
            one("it shut its retail division 18 months ago").value,
            Some(18.0)
        );
    }

    #[test]
    fn table_abbreviations_and_a_passive_by() {
        unit_names(&[("the bank placed 420,000 shrs with funds", "share")]);
        // A passive "by" far after a change verb counts the agents; the change is not theirs.
        let f = all("the senate raised the debt limit in a bill passed by 61 votes to 39");
        assert!(f.iter().all(|q| q.change == Change::Equal), "{f:?}");
    }

    #[test]
    fn object_one_before_a_phrase_and_a_change_before_its_level() {
        // "one" after a verb and its particle, closed by a phrase, is the object; a preposition
        // is no noun.
        let q = one("the reliever struck out one without a walk");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(1.0), "-"));
        assert_eq!(one("they caught one within a week").unit_name, "-");
        // A change written before "up at"/"down at" a level is in the level's unit.
        let f = all("the stock ended 0.35 up at 42.10 guilders");
        assert_eq!(f[0].unit_name, "netherlands guilder", "{f:?}");
        let f = all("Acme closed 7 down at 388 pence");
        assert_eq!(f[0].unit_name, "penny", "{f:?}");
        // Only when nothing else stands between: "up at midday and … at 1.52 marks" is no level.
        let f = all("the DAX was 25 up at midday and the dollar stood at 1.52 marks");
        assert_eq!(f[0].unit_name, "-", "{f:?}");
    }

    #[test]
    fn money_per_a_two_word_noun() {
        unit_names(&[
            (
                "it paid out $0.42 per depositary receipt.",
                "dollar per depositary receipt",
            ),
            (
                "holders get $1.10 per preferred share in cash",
                "dollar per preferred share",
            ),
            // A participle after the noun makes no rate of two words, nor does a time reference.
            ("fans paid $3 per ticket issued", "dollar"),
            ("he owed $5 a month ago", "dollar"),
        ]);
    }

    #[test]
    fn one_of_a_lone_singular_noun_names_a_kind() {
        for s in [
            "The mood in the party is one of caution.",
            "Her reply was one of anger and regret.",
        ] {
            let f = all(s);
            assert!(f.is_empty(), "{s}: {f:?}");
        }
        assert_eq!(first("He is one of 12 candidates.").value, Some(1.0));
        assert_eq!(
            one("She was one of dairy farmers' leaders.").value,
            Some(1.0)
        );
        assert_eq!(
            one("one of the computers took a trip").unit_name,
            "computer"
        );
    }

    #[test]
    fn a_capitalised_number_word_inside_prose_names_something() {
        for s in [
            "Protesters carried signs quoting the Ten Commandments outside the court.",
            "France hosts the Five Nations opener, officials said.",
        ] {
            let f = all(s);
            assert!(f.is_empty(), "{s}: {f:?}");
        }
        // A headline in title case, and a sentence opening with the word, still count.
        assert_eq!(one("Gunmen Kill Two In Algeria").value, Some(2.0));
        assert_eq!(one("Two Indians were freed on Monday.").value, Some(2.0));
        assert_eq!(
            first("Police said Three Britons and two Germans died.").value,
            Some(3.0)
        );
    }

    #[test]
    fn a_price_per_abbreviated_share() {
        let q = one("The offer is priced at $21 / shr.");
        assert_eq!(q.unit_name, "dollar per share", "{q:?}");
        let q = one("Price range 9 - 11 dlrs / shr");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((9.0, 11.0)), "dollar per share"),
            "{q:?}"
        );
    }

    #[test]
    fn a_count_of_people_takes_no_measure_named_before() {
        let f = all("They seized 200 kg (440 lb) of cocaine, killed a guard and wounded three.");
        let q = f.last().expect("a count");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(3.0), "-"), "{f:?}");
        // A count of people before still lends its noun.
        let f = all("Gunmen killed 12 villagers and wounded 30.");
        assert_eq!(f[1].unit_name, "villager", "{f:?}");
    }

    #[test]
    fn and_a_half_hyphenated() {
        let q = one("The vote came about four-and-a-half hours later.");
        assert_eq!(
            (q.value, q.unit_name.as_str()),
            (Some(4.5), "hour"),
            "{q:?}"
        );
        let q = one("a two and a half year delay");
        assert_eq!(q.value, Some(2.5), "{q:?}");
    }

    #[test]
    fn a_bare_total_owned_by_a_name_is_a_score() {
        for s in [
            "Kent were 140 for three in reply to Sussex's 288.",
            "Lancashire passed Yorkshire's 301, with two wickets left.",
        ] {
            let f = all(s);
            assert!(
                f.iter()
                    .all(|q| q.value != Some(288.0) && q.value != Some(301.0)),
                "{s}: {f:?}"
            );
        }
        // A count the name owns, and a scaled amount, stay.
        assert_eq!(
            one("Norway's 4,000 fishermen protested.").unit_name,
            "fisherman"
        );
        assert_eq!(
            one("It raised Ireland's 2 million target.").value,
            Some(2e6)
        );
        assert_eq!(all("It rose to 52 from July's 51.").len(), 2);
        let f = all("The Conservatives won 320 seats to Labour's 210.");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn a_unit_that_is_a_given_name_before_a_surname_is_no_unit() {
        // (A unit read case-insensitively may start with a multi-byte capital.)
        assert_eq!(one("The dose is 5 Μg per day.").value, Some(5.0));
        assert_eq!(
            one("South Africa Raises 2 Billion Rand In Bond Sale").unit_name,
            "south african rand"
        );
        assert!(all("140 Paul Way (England) 69 71").is_empty());
        assert!(all("140 Mark Roe (England) 69 71").is_empty());
        // A leaderboard's or a team sheet's name goes on after the surname.
        for (text, unit) in [
            ("+5 Mark O'Meara through 15", "deutsche mark"),
            ("67 Mark Calcavecchia, Payne Stewart", "deutsche mark"),
            ("He paid 5 Pascal Lamy, the envoy.", "pascal"),
        ] {
            let f = all(text);
            assert!(f.iter().all(|q| q.unit_name != unit), "{text}: {f:?}");
        }
        assert_eq!(
            one("It was fined 50 Mark Strafe.").unit_name,
            "deutsche mark"
        );
        assert_eq!(one("He paid 50 Mark for it.").unit_name, "deutsche mark");
        assert_eq!(
            one("The bill was 400 Marks In Cash").unit_name,
            "deutsche mark"
        );
    }

    #[test]
    fn a_span_of_time_with_adjectives_is_that_span() {
        for (s, unit) in [
            ("He spent two heady weeks in charge.", "week"),
            ("after four successive years of growth", "year"),
            ("They had five straight days of rain.", "day"),
        ] {
            let q = one(s);
            assert_eq!(
                (q.unit_name.as_str(), q.kind),
                (unit, QuantityKind::Duration),
                "{s}: {q:?}"
            );
        }
        assert_eq!(
            one("It was one of the biggest days of the year.").unit_name,
            "big day"
        );
    }

    #[test]
    fn making_up_a_share_is_no_rise() {
        let q = one("The Serbs, who make up 10 percent of the population, left.");
        assert_eq!(q.change, Change::Equal, "{q:?}");
        let q = one("Women made up about a third of the staff.");
        assert_ne!(q.change, Change::Up, "{q:?}");
        let q = one("Shares were up 10 percent.");
        assert_eq!(q.change, Change::Up, "{q:?}");
    }

    #[test]
    fn number_as_a_verb_counts() {
        let q = one("The marchers, said by organisers to number 8,000, reached the square.");
        assert_eq!(q.value, Some(8000.0), "{q:?}");
        assert!(all("He wore number 10 on his shirt.").is_empty());
        assert!(all("The song climbed to number 3 on the chart.").is_empty());
    }

    #[test]
    fn a_change_verb_reaches_by_past_a_long_object() {
        let q = one(
            "Tourists cut the deficit in the country's overseas travel account by 12.5 percent.",
        );
        assert_eq!(q.change, Change::Down, "{q:?}");
        let q = one("He vowed to trim the budget deficit and cut income taxes by 10 percent.");
        assert_eq!(q.change, Change::Down, "{q:?}");
        let q = one("The state cut benefits for the unemployed by 10 percent.");
        assert_eq!(q.change, Change::Down, "{q:?}");
        let q = one("The firm raised its estimated output by 5 percent.");
        assert_eq!(q.change, Change::Up, "{q:?}");
    }

    #[test]
    fn billions_of_is_vague_like_millions_of() {
        let q = one("investors who have billions of dollars at stake");
        assert_eq!(
            (q.range, q.unit_name.as_str()),
            (Some((1e9, 1e10)), "dollar"),
            "{q:?}"
        );
        let q = one("It costs trillions of yen.");
        assert_eq!(q.range, Some((1e12, 1e13)), "{q:?}");
        // A note naming a table's unit is no amount.
        assert!(all("Note - Figures are unadjusted, in billions of dollars.").is_empty());
        assert!(all("(Group) (in billions of yen unless specified)").is_empty());
        assert!(all("All figures in millions of dollars, except per-share data.").is_empty());
        assert!(all("Sales are given in millions of guilders.").is_empty());
        assert_eq!(
            one("Losses are in billions of dollars.").range,
            Some((1e9, 1e10))
        );
    }

    #[test]
    fn at_one_point_is_an_idiom_of_time() {
        let f = all("The index at one point stood at 24 points.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value, Some(24.0));
        assert!(all("At one stage the talks nearly failed.").is_empty());
        assert_eq!(one("The team won by one point.").value, Some(1.0));
        assert_eq!(
            one("The poll put Labour's lead at one point.").value,
            Some(1.0)
        );
    }

    #[test]
    fn one_of_a_set_just_counted_counts_its_noun() {
        let f = all("He named two senators, one of them a member of the Liberal Party.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[1].value, f[1].unit_name.as_str()),
            (Some(1.0), "senator")
        );
        // Without a count before, "one of them" stays a pronoun.
        assert!(all("Police said one of them was armed.").is_empty());
    }

    #[test]
    fn half_a_dozen_is_six() {
        for s in [
            "They signed half a dozen new recruits.",
            "a half-dozen riders fell",
        ] {
            let q = one(s);
            assert_eq!(q.value, Some(6.0), "{s}: {q:?}");
        }
    }

    #[test]
    fn results_rows_hold_no_quantities_but_their_measures_and_money() {
        for row in [
            "3. Maria Lopes (Portugal) Honda 142",
            "Ajax 3 (Litmanen 12th, Kluivert 40th) Feyenoord 1",
            "Kent 284 (T. Ward 71, M. Fleming 55; A. Kumble 4-60)",
            "Stefan Edberg (Sweden) beat 9 - Boris Becker (Germany) 6-4 7-5",
            "Dinamo Minsk 2 Torpedo Mogilev 0",
            "118 Sandy Lyle (Scotland) 71 70, Mark Roe 72 69,",
            // Lines of a side and its score, twice, or of a score and names only (a
            // leaderboard), next to another such line.
            "Chicago 4 HOUSTON 3\nFlorida 10 ST LOUIS 9",
            "Pohang 3 Ulsan 2 (halftime 1-0)\nSale 31 Wasps 33\nKANSAS CITY 4 Texas 3",
            "Ayr 6 Berwick 0\nClyde 0 Queen of South 2",
            "64 Bob Estes\n+5 Mark O'Meara through 15",
            "70 Tim Herron, Duffy Waldorf (Sweden), Davis Love\n71 Nick Price",
        ] {
            let f = all(row);
            assert!(f.is_empty(), "{row}: {f:?}");
        }
        // Measures and money in a row, prices with decimals, counts of lower-case nouns stay.
        let f = all("4. Ana Ruiz (Spain) Yamaha 2 minutes 11.34 seconds");
        assert_eq!(f.len(), 2, "{f:?}");
        let f = all("140 Jim Payne (England) 69 71, Tom Lee 70 70");
        assert!(f.is_empty(), "{f:?}");
        // (Review: a headline of that shape alone keeps its figures.)
        for text in [
            "Storm Kills 12 Injures 40",
            "Labour 418 Conservatives 165",
            "400 Chinese Tourists Stranded",
        ] {
            assert!(!all(text).is_empty(), "{text}");
        }
        let f = all("Houston 5 Chicago 4 (11 innings)\nBoston 2 Texas 1");
        assert_eq!(
            f.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["inning"]
        );
        let f = all("Toyota Recalls 300 Cars, Honda 120");
        assert!(f.iter().any(|q| q.value == Some(300.0)), "{f:?}");
        let f = all("Sachin Tendulkar (India) 620 runs, 12 Tests");
        assert_eq!(f.len(), 2, "{f:?}");
        let f = all("Santos Star 31 22/9 Rotterdam / Lagos $215,000 Vitol.");
        assert_eq!(
            f.iter().map(|q| q.value).collect::<Vec<_>>(),
            [Some(215_000.0)],
            "{f:?}"
        );
        let f = all("Nikkei average -- 19,201.09 (Jan 4/95)");
        assert!(f.iter().any(|q| q.value == Some(19_201.09)), "{f:?}");
        // A headline in capitals, and prose with a bracket, are no rows.
        assert_eq!(all("STORM KILLS 12 IN TEXAS, 40 HURT").len(), 2);
        assert_eq!(all("Ford 200 Holds 150 jobs").len(), 2);
        assert_eq!(all("50 Feared Dead In Ferry Sinking").len(), 1);
        let f = all("- 5 Paul Goydos through 2 holes\n- 4 Greg Norman through 3");
        assert_eq!(
            f.iter().map(|q| q.unit_name.as_str()).collect::<Vec<_>>(),
            ["hole"]
        );
        assert_eq!(all("Smith (Labour) won 120 votes and Jones 98.").len(), 2);
        // A row is one line of a longer text; the prose line under it keeps its figures.
        let f = all(
            "Ajax 3 (Litmanen 12th) Feyenoord 1\nAttendance was 42 000, and 12 fans were held.",
        );
        assert!(f.iter().all(|q| q.start > 30) && !f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_team_sheet_has_no_quantities_in_its_shirt_numbers() {
        let sheet = "Teams:\nSpain - 1 - Juan Ruiz, 2 - Pedro Sanz, 4 - Mark Lopez (12 - Luis Gil, 81st), \
                     9 - Pascal Moreno, 11- Enzo Diaz.\nAttendance was 12,000 and 40 fans were held.";
        let f = all(sheet);
        assert_eq!(
            f.iter().map(|q| q.value).collect::<Vec<_>>(),
            [Some(12_000.0), Some(40.0)],
            "{f:?}"
        );
        // A list of people that is no team keeps its figures (review: ages).
        let ages = "The ages were 34 - John Smith, 28 - Mary Jones, 41 - Peter Brown.";
        assert!(
            all(ages).iter().any(|q| q.value == Some(34.0)),
            "{:?}",
            all(ages)
        );
        let f = all("Team:\n15 - Chris Cullen, 14 - Jeff Wilson, 13 - Walter Little");
        assert!(f.is_empty(), "{f:?}");
        let f = all("Spain - 1 - Juan Ruiz, 2 - Pedro Sanz, 3 - Luis Gil");
        assert!(f.is_empty(), "{f:?}");
        // One player named after a figure is prose: "won 4 - Mark Lopez said" keeps its 4.
        assert_eq!(all("They won 4 - Mark Lopez said so.").len(), 1);
    }

    #[test]
    fn table_headers_name_scale_and_unit() {
        assert!(all("(in millions of pesos unless stated)").is_empty());
        let f = all("Order book (billions) 3.12 vs 2.87");
        let values: Vec<_> = f.iter().map(|q| q.value).collect();
        assert_eq!(values, [Some(3.12e9), Some(2.87e9)], "{f:?}");
        let f = all("Net per shr (guilders) 5.21 vs 4.90");
        assert!(
            f.len() == 2 && f.iter().all(|q| q.unit_name == "netherlands guilder"),
            "{f:?}"
        );
        let f = all("Spartak (V) 4 2 0 2");
        assert!(f.iter().all(|q| q.unit_name == "-"), "{f:?}");
        let f = all("Colin Montgomerie (GB) 68 70");
        assert!(f.iter().all(|q| q.unit_name == "-"), "{f:?}");
        // A vague plural opening a bracket inside prose is an amount.
        let f = all("The protests (thousands of students took part) ended.");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = all("Broad money (bln rand) Jul 412.6 408.1");
        assert_eq!(f.first().and_then(|q| q.value), Some(412.6e9), "{f:?}");
        // Words between the bracket and the number: no header.
        let f = all("the tally (thousands) was 5 on Monday");
        assert!(f.iter().all(|q| q.value != Some(5e3)), "{f:?}");
    }

    /// Each text holds one quantity, of the unit named.
    fn unit_names(cases: &[(&str, &str)]) {
        for (text, want) in cases {
            assert_eq!(one(text).unit_name, *want, "{text}");
        }
    }

    #[test]
    fn reciprocal_one_and_others_count_nothing_of_their_own() {
        let f = all("the two plants stand within 5 km of one another");
        assert!(f.iter().all(|q| q.value != Some(1.0)), "{f:?}");
        // A conjunction after "one" opens a clause; it is not the noun.
        let f = all("the new pier is short but the other one if rebuilt would be long");
        assert!(f.is_empty(), "{f:?}");
        // "others" takes the noun the sentence counted before it.
        let f = all("Floods killed 9 villagers and left 40 others homeless.");
        assert_eq!(f[1].unit_name, "villager");
    }

    #[test]
    fn a_time_with_a_lower_case_zone_is_a_time() {
        assert!(all("the vote opens at 0800 (0500 gmt) on Sunday")
            .iter()
            .all(|q| q.value != Some(500.0)));
    }

    #[test]
    fn a_name_in_s_before_a_plural_and_a_verb_after_a_noun() {
        assert_eq!(
            one("three Wimbledon Davis Cup players withdrew").unit_name,
            "wimbledon davis cup player"
        );
        assert_eq!(
            one("two Davis Cup coaches quit").unit_name,
            "davis cup coach"
        );
        assert_eq!(
            one("three rural Kansas hospitals closed").unit_name,
            "rural kansas hospital"
        );
        // A past form after a lower-case noun is the noun's verb.
        let q = one("selling at the 1,450 level worried dealers");
        assert_eq!((q.unit_name.as_str(), q.change), ("-", Change::Equal));
        assert_eq!(
            one("12 newly elected councillors met").unit_name,
            "newly elected councillor"
        );
        // After a degree word a past form modifies ("best" loses its degree, CONVENTIONS.md).
        assert!(one("two of Chile's best known poets")
            .unit_name
            .ends_with("known poet"));
    }

    #[test]
    fn a_bound_before_a_level_on_a_scale() {
        let q = one("the won held below the 900 level all week");
        assert_eq!((q.value, q.change), (Some(900.0), Change::Less));
        // A large number after "the" before any other singular noun names a model.
        assert!(all("the 486 chip ran hot").is_empty());
    }

    #[test]
    fn compound_and_participle_complements_of_a_count() {
        assert_eq!(
            one("it sold 9,000 tonnes of raw sugar to Iran").unit_name,
            "metric ton"
        );
        assert_eq!(
            one("it issued 40,000 shares of preferred stock on Monday").unit_name,
            "share preferred stock"
        );
        assert_eq!(
            one("two members of governing councils resigned").unit_name,
            "member governing council"
        );
        // A preposition after the noun is not part of it.
        assert_eq!(
            one("lost three rounds of talks since May").unit_name,
            "round talk"
        );
    }

    #[test]
    fn a_count_per_a_unit_of_time_is_a_rate() {
        assert_eq!(
            one("the yard builds 14 tankers a year").unit_name,
            "tanker per year"
        );
        assert_eq!(
            one("about 900 trucks per day cross the border").unit_name,
            "truck per day"
        );
        // "a year earlier" dates the count.
        assert_eq!(
            first("it had 14 tankers a year earlier").unit_name,
            "tanker"
        );
        // An adverb of time makes a rate too.
        assert_eq!(
            one("it pumps in excess of 1,100 barrels daily").unit_name,
            "barrel per day"
        );
        // The trade's "bbl" is a barrel, and so is a rate of it written with a slash.
        for text in [
            "the field makes 2,400 bbl / day",
            "the field makes 2,400 bbls/d",
            "the field makes 2,400 bbl per day",
        ] {
            assert_eq!(one(text).unit_name, "barrel per day", "{text}");
        }
        assert_eq!(one("stocks of 310 bbl").unit_name, "barrel");
        assert_eq!(
            one("it loses $2 million weekly.").unit_name,
            "dollar per week"
        );
        assert_eq!(
            one("it sold 300 daily newspapers").unit_name,
            "daily newspaper"
        );
        // A word of time after any other denominator leaves the rate a rate.
        assert_eq!(
            one("wheat sold at $420 per tonne on Monday").unit_name,
            "dollar per metric ton"
        );
        assert_eq!(
            one("copper was at 12,350 rupees per quintal on fresh offers").unit_name,
            "indian rupee per quintal"
        );
        assert_eq!(
            one("it cost $4.85 a bushel on Friday").unit_name,
            "dollar per bushel"
        );
        assert_eq!(
            one("profit was $2 billion a year earlier").unit_name,
            "dollar"
        );
    }

    #[test]
    fn one_of_a_singular_noun_after_an_attributive_plural() {
        assert_eq!(
            one("\"It is weak,\" said one Sydney media analyst.").unit_name,
            "sydney media analyst"
        );
        assert_eq!(
            one("said one Euromark options trader.").unit_name,
            "euromark options trader"
        );
        // A name is no compound: in a results row the score goes altogether.
        assert!(all("Hearts (Scotland) 1 Red Star Belgrade").is_empty());
        // A word before an object is a verb.
        assert_eq!(
            one("one of the computers took a trip").unit_name,
            "computer"
        );
        // More than one stays a plural count.
        assert_eq!(one("said two options traders.").unit_name, "options trader");
        assert_eq!(one("he has 10 years experience.").unit_name, "year");
    }

    #[test]
    fn one_of_a_noun_before_its_verb() {
        assert_eq!(first("One coupon buys two tickets.").unit_name, "coupon");
        // A plural before a noun is no verb: it stays in the phrase, attributive to the noun
        // one counts.
        assert_eq!(
            one("said one London futures dealer").unit_name,
            "london futures dealer"
        );
    }

    #[test]
    fn from_one_level_to_an_estimate_of_another() {
        let q = one("staff will be cut from 8,000 to roughly 5,000");
        assert_eq!(q.range, Some((5000.0, 8000.0)));
        assert_eq!(q.change, Change::Equal);
    }

    #[test]
    fn a_suspended_hyphen_joins_word_modifiers() {
        let f = all("it offered two-, four- and 8-week loans");
        assert!(f.iter().all(|q| q.value == Some(8.0)), "{f:?}");
    }

    #[test]
    fn an_age_that_closes_a_clause() {
        unit_names(&[
            ("Ruiz, who was 31 and lived alone, vanished", "year of age"),
            (
                "the pilot and his son, both 63, were rescued",
                "year of age",
            ),
            // Not when a unit follows.
            ("the side, who were 31 points behind, lost", "point"),
        ]);
    }

    #[test]
    fn how_far_a_change_went_stands_in_for_by() {
        changes(&[
            ("the yen firmed as much as 0.8 percent", Change::Up),
            ("heavy rain cut yields as much as 20 percent", Change::Down),
            // Without a change verb, it bounds nothing yet.
            ("a ticket costs as much as $90", Change::Equal),
        ]);
    }

    /// Each text holds one quantity, of the change named.
    fn changes(cases: &[(&str, Change)]) {
        for (text, want) in cases {
            assert_eq!(one(text).change, *want, "{text}");
        }
    }

    #[test]
    fn a_year_with_its_century_cut_off() {
        let f = all("fans still talk about the title won in '86 and ’87");
        assert!(f.is_empty(), "{f:?}");
        // A quote opened before a count of a noun.
        assert_eq!(one("he said '40 boats sank'").value, Some(40.0));
        // Tokenized text spaces the mark off; a possessive before a modifier stays a number.
        assert!(all("July steel output vs ' 95 was flat.").is_empty());
        assert!(all("Jan-June ' 95\nImports rose").is_empty());
        // Two digits after a half, a quarter or a span of months are its year.
        for text in [
            "Net fell in H1 96.",
            "Q3 '97 sales rose.",
            "Mar-May ' 96 exports rose.",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        assert_eq!(one("Apr-Jul ' 96 sales rose 12 pct.").value, Some(12.0));
        assert_eq!(one("In Q3 40 stores opened.").unit_name, "store");
        assert_eq!(
            one("It broke Clemens ' 28-inning scoreless streak.").value,
            Some(28.0)
        );
    }

    #[test]
    fn noun_phrase_and_change_rules_keep_to_their_cases() {
        // An extent after "to" bounds a level; "as low as" names a level, not a fall's size.
        assert_eq!(
            one("the strike cut water to as many as 9,000 flats").change,
            Change::Equal
        );
        assert_eq!(
            one("the peso fell as low as 7.9 per dollar").change,
            Change::Equal
        );
        // A time word after a people's plural is no noun that people's name modifies.
        assert_eq!(
            one("police held 5 Albanians this morning").unit_name,
            "albanian"
        );
        // A past form after an adjective modifies.
        assert_eq!(
            one("they seized two large armed boats").unit_name,
            "large armed boat"
        );
        // A verb with its object, a time adverb: not part of an "of" complement.
        assert_eq!(
            one("two rounds of shelling left the city calm").unit_name,
            "round shelling"
        );
        assert_eq!(
            one("doctors saw 30 new cases of measles yesterday").unit_name,
            "new case measles"
        );
        // "a second time" is an ordinal, not a rate per second.
        assert_eq!(one("it sent 900 troops a second time").unit_name, "troop");
        // A verb in -ies after one of a noun.
        assert_eq!(first("One worker dies every week.").unit_name, "worker");
    }

    #[test]
    fn notice_references_padded_codes_and_cut_numbers_are_not_amounts() {
        // An Official Journal reference and a notice number, spaced the way crawlers detokenise.
        let f = all("a call for tender (97 / C 312/04) was published");
        assert!(f.is_empty(), "{f:?}");
        let f = all("see notice No ABC / 97 / 014 on the site");
        assert!(f.is_empty(), "{f:?}");
        // A time of day written with a dot before its zone.
        let f = all("talks ran from 08.30 GMT to 16.45 GMT each day");
        assert!(f.is_empty(), "{f:?}");
        // A number with a leading zero pads a code.
        let f = all("the form carries box 0042 on its back");
        assert!(f.is_empty(), "{f:?}");
        // A grouped number glued to an ordinal: no "3" read out of "3,104th".
        let f = all("he played his 3,104th straight game");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn an_age_a_person_turns_and_a_count_set_against_a_later_one() {
        unit_names(&[
            ("the actor, who turns 71 next month, said", "year of age"),
            ("the singer turned 40 on Friday", "year of age"),
            ("The old priest turns 90 but works on.", "year of age"),
            ("Famed novelist dies at 81.", "year of age"),
            ("The poet died at 90 after a long illness.", "year of age"),
        ]);
        // A level or a change after "turned" is no age.
        assert_eq!(one("the index turned 40 points lower").unit_name, "point");
        // A count compared with the one before it, past a clause, takes its noun.
        let f = all("dealers sold 4,100 used cars in May, compared to 3,950 in April.");
        assert_eq!(f[1].unit_name, "used car", "{f:?}");
    }

    #[test]
    fn counted_nouns_after_a_model_code_or_an_owner_and_plurals_in_ches() {
        unit_names(&[
            (
                "troops seized 25 AK-47 assault rifles",
                "ak-47 assault rifle",
            ),
            ("he read two of Smith's books", "book"),
            ("the loan came in three tranches", "tranche"),
            ("two crises hit the bank", "crisis"),
        ]);
    }

    #[test]
    fn speakers_references_golf_rounds_and_complements_of_time() {
        unit_names(&[
            (
                "\"It is thin,\" one foreign bank dealer said.",
                "foreign bank dealer",
            ),
            ("one bank dealer said prices held", "bank dealer"),
            ("Leeds lost their first two games of the season", "game"),
        ]);
        let f = all("under Commission Regulation (EC) No 712/97 of 3 May");
        assert!(f.is_empty(), "{f:?}");
        let f = all("Newsroom +331 4221559-7");
        assert!(f.is_empty(), "{f:?}");
        let f = all("-- Lima newsroom, 511 4215301");
        assert!(f.is_empty(), "{f:?}");
        let f = all("he opened with a round of 68 at the club");
        assert!(f.is_empty(), "{f:?}");
        // A range after "by between" is the size of the change.
        let f = all("it cut its rates by between 0.25 and 0.50 percentage points");
        assert_eq!(f[0].change, Change::Down, "{f:?}");
        // A comparative after an equivalent of a level compared, not changed.
        let f = all("the index ended 12.5 points or 0.6 percent lower at 2,100.5");
        assert!(f.iter().all(|q| q.change == Change::Equal), "{f:?}");
    }

    #[test]
    fn complements_of_a_set_and_objects_of_their_own_kind() {
        unit_names(&[
            ("she drew one of the hardest draws of any seed", "hard draw"),
            ("police held 12 members of their family", "member"),
        ]);
        let f = all("he allowed six hits, walked three and struck out four.");
        assert_eq!(f[0].unit_name, "hit", "{f:?}");
        assert!(f[1..].iter().all(|q| q.unit_name == "-"), "{f:?}");
    }

    #[test]
    fn shares_of_a_group_named_before_and_bounded_changes_by() {
        let f = all("More than two-thirds reported higher profits.");
        assert_eq!(
            f.first().map(|q| q.unit_name.as_str()),
            Some("% -"),
            "{f:?}"
        );
        let f = all("nearly half were women");
        assert_eq!(f.first().map(|q| q.value), Some(Some(0.5)), "{f:?}");
        // An adverb, not a share.
        assert!(all("the bird was half dyed").is_empty());
        assert_eq!(one("the war cost 30,000 lives").unit_name, "life");
        assert_eq!(
            one("it aims to raise output by at least 20 percent").change,
            Change::Up
        );
    }

    #[test]
    fn subunits_of_old_currencies_and_a_group_sized_by_strength() {
        let q = one("the franc lost around half a centime against the mark");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(0.5), "centime"));
        assert_eq!(one("the mark rose 3 pfennigs").unit_name, "pfennig");
        let f = all("the bill won three votes in the 101-strong parliament");
        assert_eq!(f[1].unit_name, "-", "{f:?}");
        // A rate after a change in a sub-unit keeps its own terms.
        let f = all("the franc lost half a centime to 3.4211 per mark");
        assert_eq!(f[1].unit_name, "-", "{f:?}");
    }

    #[test]
    fn a_participle_after_an_owner_modifies_its_noun() {
        assert_eq!(
            one("it approved Gencor's increased 41.5 percent stake").change,
            Change::Equal
        );
        assert_eq!(one("the profit increased 41.5 percent").change, Change::Up);
    }

    #[test]
    fn two_amounts_of_one_scale_share_the_noun_after_them() {
        let f = all("it said 4.05 million and 5.67 million shares will be sold");
        assert_eq!(f[0].unit_name, "share", "{f:?}");
    }

    #[test]
    fn glued_fraction_units_country_dollars_and_negated_bounds() {
        let f = all("Land Securities rose 5-1/2p to 691p.");
        assert_eq!(
            (f[0].value, f[0].unit_name.as_str(), f[0].change),
            (Some(5.5), "penny", Change::Up),
            "{f:?}"
        );
        assert_eq!(f[1].value, Some(691.0), "{f:?}");
        let f = all("the stock shed 2.1 percent, or Singapore $0.15, to S$6.90");
        assert_eq!(
            (f[1].unit_name.as_str(), f[1].change),
            ("singapore dollar", Change::Down),
            "{f:?}"
        );
        assert_eq!(
            one("the fee will be no lower than 15 percent").change,
            Change::More
        );
        // A change restated after "or", then its level: no range.
        let f = all("shares climbed nearly six percent, or 14p to 250 pence");
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!((f[1].value, f[1].change), (Some(14.0), Change::Up), "{f:?}");
        assert_eq!(
            one("One prominent player did not stay.").unit_name,
            "prominent player"
        );
    }

    #[test]
    fn a_list_opened_by_a_measure_of_goods_keeps_the_measure() {
        let f = all("it bought 30,000 tonnes of U.S. corn, 25,000 of Argentine corn and 10,000 of French barley");
        assert!(f.iter().all(|q| q.unit_name == "metric ton"), "{f:?}");
        // A count of a noun after a measure stays a count.
        let f = all("it shipped 300 tonnes of rice and 40 of its trucks broke down");
        assert_eq!(f[1].unit_name, "truck", "{f:?}");
    }

    #[test]
    fn bounds_of_affected_counts_adverbs_ages_in_pairs_and_compound_nouns() {
        assert_eq!(
            one("a rally of about 1,000 union workers").change,
            Change::Approx
        );
        assert!(all("No one immediately claimed responsibility.").is_empty());
        let f = all("police found two girls aged 14 and 12");
        assert_eq!(f[2].unit_name, "year of age", "{f:?}");
        assert_eq!(
            first("output was 3.2 percent up from July").change,
            Change::Up
        );
        assert_eq!(one("he stood some 17 cms taller").unit_name, "centimetre");
    }

    #[test]
    fn one_of_a_compound_noun_a_function_word_closes() {
        unit_names(&[
            (
                "the party lost one coalition partner this month",
                "coalition partner",
            ),
            ("he saved one match point at 9-8", "match point"),
            ("he finished one stroke back on Sunday", "stroke"),
            ("he bought one house at Ransart", "house"),
        ]);
    }

    #[test]
    fn review_of_the_session_rules_keeps_their_common_readings() {
        // A grouped number with a glued unit is read whole.
        let q = one("a 5,000km trek across the desert");
        assert_eq!((q.value, q.unit_name.as_str()), (Some(5000.0), "kilometre"));
        // A change stays a change after a company's name in the possessive.
        assert_eq!(
            one("Sainsbury's shed 2 percent to close").change,
            Change::Down
        );
        // … written with a typographic apostrophe, which is three bytes long.
        assert_eq!(one("Macy’s gained 4 percent on Monday").change, Change::Up);
        // The second of a pair of ages closes its clause; a count after "and" is no age.
        let f = all("a man aged 70 and two women were hurt");
        assert_eq!(f[1].unit_name, "woman", "{f:?}");
        // "CMS" is an agency, not centimetres.
        assert!(all("In 2019 CMS finalized the rule").is_empty());
        // A rank after "who was" is no age.
        let f = all("Nadal, who was 2 in the world rankings, lost");
        assert!(f.iter().all(|q| q.unit_name != "year of age"), "{f:?}");
        // A level set against an earlier one after "up from" is no change.
        let f = all("turnout was 62 percent up from 58 percent");
        assert_eq!(f[0].change, Change::Equal, "{f:?}");
        // "dead" after "one person" makes no compound; "two of 12" picks from a set.
        assert_eq!(first("the blast left one person dead").unit_name, "person");
        let f = all("they moved 500 tonnes of rubble and found two of 12 trapped miners");
        assert_ne!(f[1].unit_name, "metric ton", "{f:?}");
    }

    #[test]
    fn compared_shares_parallel_changes_and_ing_object_verbs() {
        // The unit written once on the second of two compared shares is the first's too.
        for text in [
            "The poll put the mayor ahead 51-44 percent.",
            "She holds a 56 to 41 percent lead.",
        ] {
            let f = all(text);
            let names: Vec<&str> = f.iter().map(|q| q.unit_name.as_str()).collect();
            assert_eq!(names, ["percentage", "percentage"], "{text}: {f:?}");
        }
        // A score stays a score.
        assert!(all("Leeds won 3-1 at home.").is_empty());
        // A second amount that also reaches a level repeats the first change.
        let f = all("Copper fell 2% to $9,100 in London and 3% to $4.10 in New York.");
        let changes: Vec<Change> = f.iter().map(|q| q.change).collect();
        assert_eq!(
            changes,
            [Change::Down, Change::Equal, Change::Down, Change::Equal],
            "{f:?}"
        );
        // Without a level of its own it is a level set beside the first, and no cents of the
        // amount before it.
        let f = all("Copper fell 2% to $9,100 and 3% of output was lost.");
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[2].change, Change::Equal, "{f:?}");
        assert_eq!(one("It cost $9 and 30 cents.").value, Some(9.3));
        // A change verb in -ing with its object before "by".
        assert_eq!(
            one("The line adds trains, lifting capacity by 12%.").change,
            Change::Up
        );
        assert_eq!(
            one("The firm restructures, trimming staff by 6%.").change,
            Change::Down
        );
    }

    #[test]
    fn shares_of_singular_wholes_and_of_verbal_nouns() {
        // A share of a whole in the singular after a capitalised modifier, or of a verbal noun.
        unit_names(&[
            (
                "the breach exposed half the U.S. population",
                "% u.s. population",
            ),
            ("half of the Dutch electorate voted", "% dutch electorate"),
            (
                "about a quarter of spending was earmarked for debt",
                "% spending",
            ),
            (
                "a quarter of operating income came from China",
                "% operating income",
            ),
            ("half of morning trading was halted", "% morning trading"),
        ]);
        assert_eq!(one("they hold half of Bosnia now").unit_name, "% Bosnia");
    }

    #[test]
    fn a_subject_count_lends_no_noun_across_its_verb() {
        // A count that is the subject of the verb before a bare number lends it no noun; a
        // count joined by "and" does.
        for text in [
            "Two firms bought 35,000 in July.",
            "One U.S. bank sold 4,000 in May.",
        ] {
            let f = all(text);
            assert_eq!(f[1].unit_name, "-", "{text}: {f:?}");
        }
        let f = all("Police checked 3,000 drivers and booked 222.");
        assert_eq!(f[1].unit_name, "driver", "{f:?}");
        // A number a verb follows is picked from the count's set.
        for text in [
            "Of 119 issues traded 71 closed higher.",
            "Of 119 issues traded 71 were higher.",
        ] {
            let f = all(text);
            assert_eq!(f[1].unit_name, "issue", "{text}: {f:?}");
        }
    }

    #[test]
    fn stock_index_levels_take_their_sentences_points() {
        // A stock index's bare level takes the points its sentence names, before them too;
        // without an index, or without points, it stays bare.
        let f = all("The Dax ended at 2,513.6, after touching 2,530.1 earlier, down 14 points.");
        let names: Vec<&str> = f.iter().map(|q| q.unit_name.as_str()).collect();
        assert_eq!(names, ["point", "point", "point"], "{f:?}");
        for text in [
            "Wheat ended at 2,513.6, down 14 points.",
            "The Dax ended at 2,513.6 on Friday.",
            "The Dax fell 30 points, and the dollar was at 151.20.",
            "The Dax fell 30 points while bitcoin traded around 65,000.",
            "Highs reached 104.5 as the heat index rose 10 points.",
        ] {
            let f = all(text);
            let points = f.iter().filter(|q| q.unit_name == "point").count();
            assert!(points <= 1, "{text}: {f:?}");
        }
    }

    #[test]
    fn a_glued_m_after_a_count_in_millions_is_millions() {
        // A glued "m" is millions after one its sentence used so; alone it is metres.
        let f = all("The network reached 18m homes and aims to reach 25m by 2030.");
        assert_eq!(f[1].value, Some(25e6), "{f:?}");
        assert_eq!(one("The wall is 25m high.").unit_name, "metre");
        let f = all("The £5m bridge spans 300m.");
        assert_eq!(f[1].unit_name, "metre", "{f:?}");
        for text in [
            "It sold 3m cars, and the 25m tower rose.",
            "The town of 2m residents is 30m from the sea.",
            "Some 6m visitors came and the lake rose 2m in a week.",
        ] {
            let f = all(text);
            assert_eq!(f[1].unit_name, "metre", "{text}: {f:?}");
        }
    }

    #[test]
    fn after_one_a_singular_possessive_is_counted() {
        // After "one", a singular possessive is the one counted.
        unit_names(&[
            ("it left the budget in one woman's hands", "woman"),
            ("one of the world's biggest banks", "big bank"),
        ]);
    }

    #[test]
    fn a_side_bowled_out_names_a_score() {
        // A side bowled out names its total before "out for".
        assert!(all("After bowling Kent out for 156 they batted.").is_empty());
    }

    #[test]
    fn an_adverb_and_participle_go_on_to_the_plural() {
        // An adverb and its participle before modifiers and a plural go on to the plural.
        assert_eq!(
            one("They found 40 previously unreported genetic variants.").unit_name,
            "previously unreported genetic variant"
        );
        let f = all("Of the 10 clubs, 4 recently signed strikers.");
        assert_eq!(f[1].unit_name, "club", "{f:?}");
    }

    #[test]
    fn an_average_of_after_a_change_verb_keeps_the_change() {
        // A change verb, then an average of the changes.
        for text in [
            "Members lost an average of 12% of their savings.",
            "Fares rose on average 4 percent.",
        ] {
            assert!(one(text).change.is_direction(), "{text}");
        }
    }

    #[test]
    fn digit_fractions_take_the_unit_after_of_a() {
        // A fraction in digits takes the unit after "of a", and passes its change on.
        let f = all("The bond fell 23/32 of a point, or $7.19 on a $1,000 bond.");
        assert_eq!(
            (f[0].unit_name.as_str(), f[1].change),
            ("point", Change::Down),
            "{f:?}"
        );
        assert_eq!(one("He ran 3/4 of a mile.").unit_name, "mile");
    }

    #[test]
    fn one_anothers_is_a_pronouns_possessive() {
        // "one another's" is a pronoun's possessive.
        let f = all("they raised one another's children");
        assert!(f.iter().all(|q| q.unit_name != "another"), "{f:?}");
    }

    #[test]
    fn two_digits_after_pre_or_post_are_a_year() {
        // Two digits after "pre-" or "post-" are a year.
        for text in [
            "Plans for post-99 Macau were drawn up.",
            "Output is back to pre-95 levels.",
        ] {
            assert!(all(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_comma_list_of_plurals_counts_all_its_items() {
        // A list of plurals counts them all; a clause after the comma does not join it.
        unit_names(&[
            (
                "More than a thousand women, children and men gathered.",
                "woman child man",
            ),
            (
                "some 300 men, women, and children died in the raid",
                "man woman child",
            ),
        ]);
        for (text, noun) in [
            (
                "The blast killed 30 people, officials and witnesses said.",
                "people",
            ),
            (
                "The storm destroyed 300 homes, roads and bridges were shut.",
                "home",
            ),
            (
                "The raid killed 10 people, police and doctors at the hospital said.",
                "people",
            ),
            (
                "The raid killed 10 people, officials and witnesses claimed.",
                "people",
            ),
        ] {
            assert_eq!(first(text).unit_name, noun, "{text}");
        }
        assert_eq!(
            first("It sold 300 cars, trucks rose and vans fell.").unit_name,
            "car"
        );
    }

    #[test]
    fn level_verbs_are_no_counted_nouns() {
        // A verb of a level's reading is no counted noun; the same word closing its clause is.
        for text in [
            "A figure below 50 signals a contraction.",
            "An index above 100 means prices rose.",
        ] {
            assert_eq!(one(text).unit_name, "-", "{text}");
        }
        for text in [
            "the probe sent 40 signals.",
            "the army caught 200 signals from the ship",
            "the probe sent 3 signals to the ground station",
        ] {
            assert_eq!(one(text).unit_name, "signal", "{text}");
        }
    }

    #[test]
    fn nordic_crowns_and_malay_sen() {
        // "kr" takes its country from the text; "sen" is a currency's hundredth.
        assert_eq!(
            first("A Swedish 3 million kr flat costs more.").unit_name,
            "swedish krona"
        );
        assert_eq!(
            one("The board paid a dividend of 15 sen per share.").unit_name,
            "sen per share"
        );
    }

    #[test]
    fn a_bowlers_figures_and_a_side_bundled_out_are_scores() {
        for text in [
            "He followed his five for 61 on Monday with a fifty.",
            "Smith came on to bundle them out for 203 before tea.",
        ] {
            let f = all(text);
            assert!(
                f.iter()
                    .all(|q| q.value != Some(61.0) && q.value != Some(203.0)),
                "{text}: {f:?}"
            );
        }
        // (Review: runs named after the total count.)
        assert_eq!(one("They bundled them out for 174 runs.").unit_name, "run");
    }

    #[test]
    fn a_decimal_glued_to_the_word_before_is_read() {
        // Tokenized text loses the space before a batting average's point.
        assert_eq!(
            first("Jones is batting.327 this season.").value,
            Some(0.327)
        );
        assert!(all("He won on hole no.7 later.").is_empty());
        assert_eq!(all("They are five games above .500 now.")[1].unit_name, "-");
        // (Review: a decimal from its point still takes money from the level it rose to.)
        assert_eq!(first("The stock rose .45 to $12.30.").unit_name, "dollar");
        assert!(all("The shares were unch.25 at the close.").is_empty());
        assert!(all("He carried a.38 revolver and a .22 rifle.").is_empty());
        assert!(all("Corn 4.12 up.03 and 4.40 dn.02")
            .iter()
            .all(|q| q.value >= Some(1.0)));
    }

    #[test]
    fn an_estimate_after_the_amount_is_approximate() {
        assert_eq!(
            first("Output grew 3.1 percent, not the 2.5 percent estimated in May.").change,
            Change::Up
        );
        let f = all("Output grew 3.1 percent, not the 2.5 percent estimated in May.");
        assert_eq!(f[1].change, Change::Approx, "{f:?}");
        // (Review: a noun "estimate" modifying another is no estimate of the count.)
        assert_eq!(
            one("Analysts made 3 estimate revisions.").change,
            Change::Equal
        );
    }

    #[test]
    fn a_capitalised_plural_joined_to_a_plural_is_counted_too() {
        assert_eq!(
            one("The fleet carries 9,000 sailors and Marines, officials said.").unit_name,
            "sailor marine"
        );
        // (Review: a capitalised plural that starts a clause of its own is no second item.)
        for text in [
            "Police held 40 students and Reuters said two were hurt.",
            "They had 12 wins and Pirates have 10.",
        ] {
            assert!(
                !first(text).unit_name.contains(' '),
                "{text}: {:?}",
                all(text)
            );
        }
    }

    #[test]
    fn the_mark_a_level_reaches_is_no_currency() {
        for text in [
            "The Dow closed above the 40,000 mark for the first time.",
            "The Mets climbed back to the .500 mark.",
        ] {
            assert_eq!(one(text).unit_name, "-", "{text}");
        }
        assert_eq!(one("He paid 1,000 marks.").unit_name, "deutsche mark");
        // (Review: after money or "the" and a word, too.)
        assert_eq!(
            one("Gold hit the $3,000 mark on Monday.").unit_name,
            "dollar"
        );
        assert_eq!(one("The index crossed the key 9,000 mark.").unit_name, "-");
    }

    #[test]
    fn a_set_size_with_no_noun_names_none() {
        assert_eq!(first("They have won seven of their nine.").unit_name, "-");
        assert_eq!(
            first("They won seven of their nine games.").unit_name,
            "game"
        );
        assert_eq!(first("We lost two of our three games.").unit_name, "game");
    }

    #[test]
    fn a_compound_participle_modifies_the_plural_after_it() {
        for (text, unit) in [
            (
                "Police found 30 long-barreled hunting rifles.",
                "long-barreled hunting rifle",
            ),
            (
                "It sold 12 state-owned steel mills.",
                "state-owned steel mill",
            ),
        ] {
            assert_eq!(one(text).unit_name, unit, "{text}");
        }
    }

    #[test]
    fn index_points_stop_at_a_clause_about_something_else() {
        let f = all("The Dow rose 120 points to 38,500, while Intel fell to 31.");
        assert_eq!(f[2].unit_name, "-", "{f:?}");
        let f = all("The Dow rose 120 points and the Nasdaq gained 30.");
        assert_eq!(f[1].unit_name, "point", "{f:?}");
        // (Second review: the index itself, by a pronoun or a common noun.)
        let f = all("The Dow rose 120 points to 38,500, while it had touched 38,700.");
        assert_eq!(f[2].unit_name, "point", "{f:?}");
        let f = all("The Dow rose 120 points to 38,500, while gold rose to 2,050.");
        assert_eq!(f[2].unit_name, "-", "{f:?}");
    }

    #[test]
    fn a_change_verb_its_object_and_an_average() {
        assert_eq!(
            one("Insurers raised premiums an average of 9% this year.").change,
            Change::Up
        );
        assert_eq!(
            one("The firm cut prices on average 4%.").change,
            Change::Down
        );
        // (Second review: the object of a relative clause before the main verb.)
        assert_eq!(
            one("Firms that cut jobs paid an average of $5,000 in severance.").change,
            Change::Equal
        );
    }

    #[test]
    fn a_model_number_after_a_count_picked_from_its_set() {
        let f = all("The airline took 45 of its 737 MAX jets out of service.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].unit_name, "737 max jet");
        assert_eq!(one("It ordered 38 737 MAX jets.").unit_name, "737 max jet");
        // A variant's number after the model's name is part of it.
        let f = all("The airline grounded 171 737 MAX 9 jets.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].value, f[0].unit_name.as_str()),
            (Some(171.0), "737 max 9 jet")
        );
        assert_eq!(
            all("ENGLAND 326 AND 74-0 PAKISTAN 521-8 DECLARED.").len(),
            1
        );
        // (Review: no count before the number, no model.)
        let f = all("The 300 GOP 12 delegates met in Tampa.");
        assert!(f.iter().any(|q| q.value == Some(12.0)), "{f:?}");
        // ("12 of the 100 UK firms": a short word in capitals is no model's.)
        assert_eq!(all("It hired 12 of the 100 UK firms.").len(), 2);
    }

    #[test]
    fn a_power_of_ten_multiplies_its_mantissa() {
        let q = one("Tests found 3.2 x 10^6 cells per millilitre.");
        assert_eq!(q.value, Some(3.2e6));
        assert_eq!(q.unit_name, "cell per millilitre");
        assert_eq!(one("The dose was 5×10⁻³ grams.").value, Some(5e-3));
    }

    #[test]
    fn a_count_in_millions_an_amount_is_set_against_keeps_its_noun() {
        // Money written after the pair does not reach back past the count.
        let f = all("The airline carried 98 million passengers, up from 91.4 million, and earned $2 billion.");
        assert_eq!(f[1].unit_name, "passenger", "{f:?}");
        assert_eq!(f[2].unit_name, "dollar", "{f:?}");
        let f = all("Fares rose to 45p as it carried 98 million passengers, up from 91.4 million.");
        assert_eq!(f[2].unit_name, "passenger", "{f:?}");
        let f = all("The city spent $5 million on 2 million trees, and 1.5 million of them lived.");
        assert_eq!(f[2].unit_name, "tree", "{f:?}");
        // (A gap ending in letters of more than one byte is read by characters: this panicked.)
        let f = all("Revenue hit $5 billion as it carried 98 million passengers ééé 91.4 million.");
        assert_eq!(f.len(), 3, "{f:?}");
        // (Second review: a count not set against the amount leaves it money.)
        let f = all("Sales were $3 billion; it has 20 million users and a profit of 400 million.");
        assert_eq!(f[2].unit_name, "dollar", "{f:?}");
        // (Money nearer still lends its currency: "a loss of 1.9 billion".)
        let f = all("It had 3 million customers and a $2 billion loss, from 1.9 billion.");
        assert_eq!(f[2].unit_name, "dollar", "{f:?}");
    }

    #[test]
    fn an_estimate_of_an_object_at_an_amount_is_approximate() {
        assert_eq!(
            one("The firm estimated its quarterly profit at 9.1 billion won.").change,
            Change::Approx
        );
    }

    #[test]
    fn a_lone_r_before_a_scaled_amount_is_the_rand() {
        let q = one("The treasurer will repay R4.2 million under the deal.");
        assert_eq!(
            (q.value, q.unit_name.as_str()),
            (Some(4.2e6), "south african rand")
        );
        assert_eq!(
            one("Eskom needs R1.5bn more.").unit_name,
            "south african rand"
        );
        // (Not a name: "the R2 road", "an R2-D2 toy".)
        assert!(all("Take the R2 road north.")
            .iter()
            .all(|q| q.kind != QuantityKind::Money));
    }

    #[test]
    fn a_span_of_early_years_is_a_date() {
        // Two years joined by a dash, the second later, date a reign or a life.
        assert!(all("She was queen of Spain 1474-1504.").is_empty());
        assert!(all("The 1941-1945 years of war were hard.").is_empty());
        // Counts and measures joined by a dash stay a range.
        for text in [
            "Some 1500-1600 people came.",
            "The flight covered 1200-1300 km.",
            "The flight covered 1200–1300 km.",
        ] {
            let f = all(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert!(f[0].range.is_some(), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_change_takes_the_noun_of_the_count_it_led_to() {
        // "grew by 200 to 5,400 members": the change counts what the level counts.
        for (text, noun) in [
            ("Membership grew by 200 to 5,400 members.", "member"),
            ("The fleet shrank 3 to 720 rigs.", "rig"),
        ] {
            let f = all(text);
            assert_eq!(f.len(), 2, "{text}: {f:?}");
            assert_eq!(f[0].unit_name, noun, "{text}: {f:?}");
        }
        // A change with a unit of its own keeps it.
        let f = all("Sales fell 4 percent to 96 cars.");
        assert_eq!(f[0].unit_name, "percentage", "{f:?}");
    }

    #[test]
    fn a_span_of_years_before_a_singular_noun_is_a_date() {
        // "the" before a span of years and one noun after it name an era, early or late.
        for text in [
            "The 1618-1648 war emptied the villages.",
            "Their 1802-1805 campaign failed.",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
    }

    #[test]
    fn four_digit_ends_in_the_years_before_a_plural_count_it() {
        // Two four-digit figures that could be years count a plural after them when a verb or an
        // approximation leads them; after a preposition or an article they stay years.
        for text in [
            "The ferry carried 1800-2000 passengers.",
            "About 1900-2100 pilgrims came.",
            "Between 1800-2000 workers joined.",
        ] {
            let f = all(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert!(f[0].range.is_some(), "{text}: {f:?}");
        }
        for text in [
            "In 1990-1995 prices rose.",
            "The 1998-2000 budgets were cut.",
            "It grew during 1960-1970 years of boom.",
            // (Review: spans of years after a verb, an approximation or a preposition.)
            "The study examined 1990-1995 records.",
            "Some 1994-1995 contracts were cancelled.",
            "Between 1995-1998 profits fell every quarter.",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
    }

    #[test]
    fn over_after_a_win_names_the_rival() {
        // "over" after a win or a lead names who was beaten, not a bound.
        for text in [
            "They won 3-1 in a victory over 10-man Wales.",
            "Ajax gained a narrow win over 12 rivals.",
        ] {
            assert_eq!(first(text).change, Change::Equal, "{text}");
        }
        assert_eq!(one("He waited for over 10 hours.").change, Change::More);
        // (Review: a lead "over" a number of votes is a bound.)
        assert_eq!(
            one("Their lead over 30,000 votes held.").change,
            Change::More
        );
    }

    #[test]
    fn a_glued_m_before_modifiers_and_a_plural_is_millions() {
        // A glued "m" before a few modifiers and a plural counts them in millions; a race
        // over a distance ("the 400m hurdles") and a size word ("2m tall") keep metres.
        for (text, value, unit) in [
            (
                "The app now has 600m smartphone users.",
                600e6,
                "smartphone user",
            ),
            (
                "It reported 18m monthly active users.",
                18e6,
                "monthly active user",
            ),
            ("She won the 400m hurdles easily.", 400.0, "metre"),
            // A unit after the "m" leaves no metres: "3m square feet", "2m bpd".
            (
                "The tower has 3m square feet of offices.",
                3e6,
                "square foot",
            ),
            ("The field pumps 2m bpd of crude.", 2e6, "barrel per day"),
            ("She ran 100m in 10.9 seconds.", 100.0, "metre"),
            ("A 10m square hall.", 10.0, "metre"),
            ("He trained with 2m tall players.", 2.0, "metre"),
            ("A 50m swimming pool opened.", 50.0, "metre"),
            // (Review: an event's people after a determiner; "new" and names modify.)
            (
                "The 100m backstroke swimmers were disqualified.",
                100.0,
                "metre",
            ),
            ("Both 5,000m race favourites pulled out.", 5000.0, "metre"),
            (
                "The carrier gained 4m new subscribers.",
                4e6,
                "new subscriber",
            ),
            ("Some 2m Syrian refugees live there.", 2e6, "syrian refugee"),
            // (Second review: events, materials, a possessive or a count before.)
            ("She competes in 10m air rifle events.", 10.0, "metre"),
            ("They laid 40m steel beams each year.", 40.0, "metre"),
            ("Women's 200m medley finals drew crowds.", 200.0, "metre"),
            ("They are the best 400m runners.", 400.0, "metre"),
            ("He beat the fastest 100m sprinters.", 100.0, "metre"),
            // (Session 27: abbreviated units and the participles of a count.)
            ("Farmers planted 3m ha of maize.", 3e6, "hectare"),
            ("The gin cleans 2m lb of cotton.", 2e6, "pound-mass"),
            ("The app has 2m paying customers.", 2e6, "paying customer"),
            ("She won the 50m swimming heats.", 50.0, "metre"),
            ("Engineers built 5m retaining walls.", 5.0, "metre"),
            (
                "Police recorded 2m speeding offences.",
                2e6,
                "speeding offence",
            ),
        ] {
            let q = first(text);
            assert_eq!(
                (q.value, q.unit_name.as_str()),
                (Some(value), unit),
                "{text}"
            );
        }
    }

    #[test]
    fn pounds_that_price_a_commodity_are_sterling() {
        // A mass per mass measures nothing: pounds a tonne are a price.
        let f = all("Cocoa ended 12 pounds lower at 980 pounds per tonne.");
        let names: Vec<&str> = f.iter().map(|q| q.unit_name.as_str()).collect();
        assert_eq!(names, ["pound sterling", "pound sterling per metric ton"]);
        // A price's move after the pounds; the bare level after takes them.
        let f = all("Robusta for November was 15 pounds higher at 1,620.");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|q| q.unit_name == "pound sterling"), "{f:?}");
        // Weights stay weights: no price in the sentence, or a hyphenated modifier.
        assert_eq!(one("The parcel weighs 12 pounds.").unit_name, "pound-mass");
        assert_eq!(
            all("He lost 30 pounds (14 kg) in a month.")[0].unit_name,
            "pound-mass"
        );
        assert_eq!(
            all("A 300-pound bale fetched 90 pounds a tonne.")[0].unit_name,
            "pound-mass"
        );
        // (Review: sterling elsewhere in the sentence, a ratio of mass, a weight's comparative.)
        for text in [
            "The boxer, who weighs 240 pounds, earned 5 million pounds.",
            "The baby weighed 8 pounds, and the bill came to £3,000.",
            "Feed rations rose to 20 pounds per ton of grain.",
            "He came back 15 pounds stronger.",
            "The bag limit is 10 pounds higher in business class.",
        ] {
            assert!(first(text).unit_name.starts_with("pound-mass"), "{text}");
        }
        // A level quoted after the move: "50 pence firmer at 98.50 pounds".
        let f = all("Barley was 50 pence firmer at 98.50 pounds.");
        assert_eq!(f[1].unit_name, "pound sterling");
    }

    #[test]
    fn bare_levels_of_a_rate_and_of_a_list_take_the_sentence_s_percent() {
        for (text, n) in [
            (
                "The bank raised its repo rate to 9.5 percent and its discount rate to 7.",
                1,
            ),
            (
                "Ten-year yields rose to 6.85 percent, while the two-year yield was 5.9.",
                1,
            ),
            (
                "The jobless rate was 8.2 percent, compared with 8.4 in May and 8.9 a year earlier.",
                2,
            ),
            (
                "Inflation rose to 3.2 percent in July from 2.9 in June and 2.7 in May.",
                2,
            ),
        ] {
            let f = all(text);
            assert_eq!(f.len(), n + 1, "{text}");
            assert!(
                f.iter().all(|q| q.unit_name == "percentage"),
                "{text}: {f:?}"
            );
        }
        // An exchange rate's level is none; nor is a count that goes on with a clause of its own.
        let f = all("The mark rose 0.5 percent and the exchange rate was 1.52.");
        assert_eq!(f[1].unit_name, "-");
        let f = all("Sales rose 5 percent to 300 in May and 12 were sold in June.");
        assert_eq!(f[2].unit_name, "-");
        // (Review: rates that are no percentages.)
        for text in [
            "Births fell 3 percent and the fertility rate dropped to 1.6.",
            "Body fat fell 5 percent and his resting heart rate dropped to 48.",
            "Output rose 4 percent as the average yield rose to 3.2.",
        ] {
            assert_eq!(all(text)[1].unit_name, "-", "{text}");
        }
        assert_eq!(all("He hit 180 mph on lap 12 and 200 on lap 14.").len(), 2);
    }

    #[test]
    fn people_a_verb_counts_past_a_bound_take_no_measure() {
        for text in [
            "The quake measured 6.1 on the Richter scale and killed at least 12.",
            "A 200 kg bomb wounded more than 30.",
            "The 7.2 magnitude quake killed more than 1,000.",
        ] {
            let f = all(text);
            assert_eq!(f.len(), 2, "{text}");
            assert_eq!(f[1].unit_name, "-", "{text}");
            assert_eq!(f[1].change, Change::More, "{text}");
        }
    }

    #[test]
    fn four_digit_ends_of_a_count_between_or_after_a_copula() {
        for (text, low, noun) in [
            (
                "Between 1500 and 2000 passengers were stranded.",
                1500.0,
                "passenger",
            ),
            (
                "Between 1800 and 2000 pilgrims camped there.",
                1800.0,
                "pilgrim",
            ),
            ("Attendance was 1800-2000 people.", 1800.0, "people"),
        ] {
            let q = one(text);
            assert_eq!(q.range, Some((low, 2000.0)), "{text}");
            assert_eq!(q.unit_name, noun, "{text}");
        }
        // Years stay years: not round hundreds, or a span of time after.
        assert_eq!(
            all("Between 1990 and 1995 exports fell 3 percent.").len(),
            1
        );
        assert!(all("Between 1990 and 2000 houses were built.").is_empty());
        // (Review: a century's years.)
        assert_eq!(all("Between 1900 and 2000 temperatures rose 1C.").len(), 1);
        assert!(all("Most buildings are 1800-1900 constructions.").is_empty());
    }

    #[test]
    fn a_counted_subject_s_millions_borrow_no_currency() {
        for text in [
            "Visitors numbered 3 million, up from 2.5 million, and spent $1 billion.",
            "Arrivals reached 1.2 million, while receipts were $800 million.",
        ] {
            let f = all(text);
            assert_eq!(f[0].unit, "count", "{text}");
            assert!(
                ["visitor", "arrival"].contains(&f[0].unit_name.as_str()),
                "{text}: {f:?}"
            );
            assert_eq!(f.last().map(|q| q.unit.as_str()), Some("USD"), "{text}");
        }
        // Money set against the amount makes it money: "claims" of insurers are sums.
        let f = all("Insurance claims reached 2 billion, up from $1.5 billion.");
        assert!(f.iter().all(|q| q.kind == QuantityKind::Money), "{f:?}");
        // No counted subject: the money beside still lends its currency.
        let f = all("The deficit was 1.6 billion ($2.5 billion), against 2.0 billion.");
        assert!(f.iter().all(|q| q.kind == QuantityKind::Money), "{f:?}");
    }

    #[test]
    fn a_variant_after_a_model_code_is_part_of_its_name() {
        // A variant's number after an airliner maker's code and digits is part of its name.
        let f = all("The carrier ordered 12 A350-1000 jets.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value, Some(12.0));
        // (Review: a currency glued to a range is no model code.)
        assert!(one("The firm raised USD1-2 billion.").range.is_some());
    }

    #[test]
    fn a_list_of_when_each_figure_stood_keeps_the_unit_and_the_change() {
        for text in [
            "Prices rose 0.3 percent in July, 0.2 in June and 0.4 in May.",
            "Exports grew 5.1 percent in 1995 and 3.2 in 1994.",
            "Prices rose 9 percent in Britain, 8 in Germany and 6 in France.",
        ] {
            let f = all(text);
            assert!(
                f.iter()
                    .all(|q| q.unit_name == "percentage" && q.change == Change::Up),
                "{text}: {f:?}"
            );
        }
        // A figure with a noun of its own, or none that says when, is no item of the list.
        let f = all("Sales rose 4 percent in July and 300 workers were hired.");
        assert_eq!(f[1].unit_name, "worker");
        let f = all("Sales rose 4 percent in July and 12 stayed flat.");
        assert_eq!(f[1].unit_name, "-");
    }
}
