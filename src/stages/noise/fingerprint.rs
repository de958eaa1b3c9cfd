//! A 64-bit SimHash of an article's story text, and a bounded window of recent fingerprints to find
//! near-duplicates in. Imports: std and `xxhash-rust` only.
//!
//! SimHash (Charikar 2002; Manku et al., "Detecting near-duplicates for web crawling", 2007): every
//! 3-word shingle of the lower-cased words votes on each of 64 bits with its hash; the fingerprint
//! keeps the majority. Copies that share most shingles differ in few bits, so the Hamming distance
//! between fingerprints estimates how much of the text changed. Shingle hashes are XXH3 (a fixed,
//! documented algorithm): the same text gives the same fingerprint on every instance, version and
//! platform, which `std`'s hasher does not promise.

use std::collections::VecDeque;
use std::sync::Mutex;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Words per shingle: 3 keeps word order (a reordered sentence changes) without letting one edited
/// word change more than three shingles.
const SHINGLE: usize = 3;

/// What a fingerprint was computed from; a consumer compares fingerprints of the same method only.
pub const METHOD: &str = "simhash64-xxh3-w3";

/// The fingerprint of the words of `text` outside the byte ranges `skip` (sorted, non-overlapping),
/// and the number of shingles it was made of; None when the text has no word.
pub fn simhash(text: &str, skip: &[(usize, usize)]) -> Option<(u64, usize)> {
    let mut votes = [0i32; 64];
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut shingles = 0usize;
    let mut buf = String::new();
    let mut skip = skip.iter().peekable();
    let add = |h: u64, votes: &mut [i32; 64]| {
        for (bit, v) in votes.iter_mut().enumerate() {
            // Branch-free ±1: bit set → +1, clear → -1.
            *v += (((h >> bit) & 1) as i32) * 2 - 1;
        }
    };
    for (start, word) in words_of(text) {
        while skip.peek().is_some_and(|&&(_, end)| end <= start) {
            skip.next();
        }
        if skip.peek().is_some_and(|&&(s, _)| s <= start) {
            continue;
        }
        buf.clear();
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        window.rotate_left(1);
        window[SHINGLE - 1] = xxh3_64(buf.as_bytes());
        words += 1;
        if words >= SHINGLE {
            add(shingle_hash(&window), &mut votes);
            shingles += 1;
        }
    }
    if words == 0 {
        return None;
    }
    if words < SHINGLE {
        // Too short for one shingle: the words it has still decide.
        add(shingle_hash(&window[SHINGLE - words..]), &mut votes);
        shingles = 1;
    }
    let mut fp = 0u64;
    for (bit, v) in votes.iter().enumerate() {
        if *v > 0 {
            fp |= 1 << bit;
        }
    }
    Some((fp, shingles))
}

fn shingle_hash(words: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * SHINGLE];
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes[..8 * words.len()], words.len() as u64)
}

/// Runs of letters and digits with their byte offsets (punctuation and symbols separate words).
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|(_, c)| !c.is_alphanumeric()) {
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The last `capacity` fingerprints this instance saw, with their article ids. Shared by the workers.
pub struct Window {
    capacity: usize,
    max_distance: u32,
    recent: Mutex<VecDeque<(u64, String)>>,
}

impl Window {
    pub fn new(capacity: usize, max_distance: u32) -> Self {
        Window {
            capacity,
            max_distance,
            recent: Mutex::new(VecDeque::with_capacity(capacity.min(1 << 16))),
        }
    }

    /// The id of the closest earlier article within `max_distance` bits (the most recent on a tie),
    /// then remembers this one. An article seen again under its own id (a redelivery) is no
    /// duplicate of itself and is not stored twice.
    pub fn check(&self, id: &str, fp: u64) -> Option<String> {
        if self.capacity == 0 {
            return None;
        }
        // A poisoned lock means a worker panicked while holding it; the deque is still consistent
        // (every push and pop completes before the guard drops).
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let mut best: Option<(u32, &str)> = None;
        let mut known = false;
        for (other, other_id) in recent.iter().rev() {
            if other_id == id {
                known = true;
                continue;
            }
            let d = hamming(fp, *other);
            if d <= self.max_distance && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, other_id));
            }
        }
        let found = best.map(|(_, other)| other.to_string());
        if !known {
            if recent.len() == self.capacity {
                recent.pop_front();
            }
            recent.push_back((fp, id.to_string()));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_ranges_do_not_count_and_case_does_not_matter() {
        let text = "JOIN OUR CHANNEL the ministry said exports rose sharply in May";
        let (with, _) = simhash(text, &[]).unwrap();
        let (without, _) = simhash(text, &[(0, 16)]).unwrap();
        let (plain, _) = simhash("The Ministry said exports rose sharply in May", &[]).unwrap();
        assert_eq!(without, plain);
        assert_ne!(with, plain);
        assert_eq!(simhash("  ...  ", &[]), None);
    }

    #[test]
    fn the_window_is_bounded_and_never_matches_an_article_with_itself() {
        let w = Window::new(2, 3);
        assert_eq!(w.check("a", 0b1111), None);
        assert_eq!(
            w.check("a", 0b1111),
            None,
            "a redelivery is not its own duplicate"
        );
        assert_eq!(w.check("b", 0b0111).as_deref(), Some("a"));
        assert_eq!(w.check("c", u64::MAX), None);
        // "a" has left the window of two.
        assert_eq!(w.check("d", 0b1111).as_deref(), Some("b"));
    }
}
