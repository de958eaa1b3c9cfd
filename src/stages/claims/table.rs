//! Many patterns anchored at one position, matched in a single pass.
//!
//! The tagger asks, right after each number, "which scale word or unit starts here, longest first?"
//! Hundreds of surface forms make one regex per form slow (each number ran them all) and a single
//! alternation wrong (leftmost-first picks "m" inside "miles"). A lazy DFA in overlapping mode reports
//! every (pattern, end) that matches from the anchor in one scan, and the caller keeps the longest that
//! ends on a word boundary.

use regex_automata::hybrid::dfa::{Cache, OverlappingState, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

type CacheFn =
    Box<dyn Fn() -> Cache + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

pub struct Table {
    dfa: DFA,
    caches: Pool<Cache, CacheFn>,
}

impl Table {
    /// Builds from regex fragments, matched case-insensitively; a bad fragment is a bug in the lexicon.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Self {
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .starts_for_each_pattern(false),
            )
            .syntax(syntax::Config::new().case_insensitive(true))
            .build_many(patterns)
            .unwrap_or_else(|e| panic!("invalid built-in lexicon pattern: {e}"));
        let for_cache = dfa.clone();
        Table {
            dfa,
            caches: Pool::new(Box::new(move || for_cache.create_cache())),
        }
    }

    /// The longest match starting at the beginning of `hay` whose end satisfies `accept`:
    /// (end, pattern index).
    pub fn longest(&self, hay: &str, accept: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let mut cache = self.caches.get();
        let input = Input::new(hay).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        let mut best: Option<(usize, usize)> = None;
        loop {
            if self
                .dfa
                .try_search_overlapping_fwd(&mut cache, &input, &mut state)
                .is_err()
            {
                return best;
            }
            let Some(m) = state.get_match() else {
                return best;
            };
            let end = m.offset();
            if hay.is_char_boundary(end)
                && accept(end)
                && best.is_none_or(|(e, p)| end > e || (end == e && m.pattern().as_usize() < p))
            {
                best = Some((end, m.pattern().as_usize()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins_not_the_first_alternative() {
        let t = Table::new(&["m", "miles?", "million"]);
        assert_eq!(t.longest("miles away", |_| true), Some((5, 1)));
        assert_eq!(t.longest("Million", |_| true), Some((7, 2)));
        assert_eq!(t.longest("x miles", |_| true), None);
        // The accept filter drops ends inside a word: "m" of "mx" is refused.
        assert_eq!(t.longest("mx", |e| e == 2), None);
    }
}
