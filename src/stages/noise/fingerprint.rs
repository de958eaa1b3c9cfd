//! A 64-bit SimHash of an article's story text, and a bounded window of recent fingerprints to find
//! near-duplicates in. Imports: std and `xxhash-rust` only.
//!
//! SimHash (Charikar 2002; Manku et al., "Detecting near-duplicates for web crawling", 2007): every
//! 3-word shingle of the lower-cased words votes on each of 64 bits with its hash; the fingerprint
//! keeps the majority. Copies that share most shingles differ in few bits, so the Hamming distance
//! between fingerprints estimates how much of the text changed. Word hashes are XXH3 (a fixed,
//! documented algorithm), combined per shingle by a fixed mix: the same text gives the same fingerprint on every instance, version and
//! platform, which `std`'s hasher does not promise.

use std::collections::VecDeque;
use std::sync::Mutex;

use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle: 3 keeps word order (a reordered sentence changes) without letting one edited
/// word change more than three shingles.
const SHINGLE: usize = 3;

/// What a fingerprint was computed from; a consumer compares fingerprints of the same method only.
pub const METHOD: &str = "simhash64-xxh3-w3-v1";

/// The fingerprint of the words of `text` outside the byte ranges `skip` (sorted, non-overlapping),
/// and the number of shingles it was made of; None when the text has no word.
pub fn simhash(text: &str, skip: &[(usize, usize)]) -> Option<(u64, usize)> {
    // Per bit, how many shingle hashes have it set; a bit of the fingerprint is set when more than
    // half of the shingles vote for it. Counting is packed: SPREAD turns a byte of the hash into
    // eight 0/1 byte lanes of a u64, so one add counts eight bits. The lanes are flushed into `ones`
    // before they could reach 256.
    let mut ones = [0u32; 64];
    let mut lanes = [0u64; 8];
    let mut pending = 0u32;
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut shingles = 0u32;
    let mut buf = String::new();
    let mut skip = skip.iter().peekable();
    let flush = |lanes: &mut [u64; 8], ones: &mut [u32; 64]| {
        for (k, lane) in lanes.iter_mut().enumerate() {
            for (j, count) in lane.to_le_bytes().iter().enumerate() {
                ones[8 * k + j] += u32::from(*count);
            }
            *lane = 0;
        }
    };
    let mut add = |h: u64, lanes: &mut [u64; 8], ones: &mut [u32; 64]| {
        for (k, lane) in lanes.iter_mut().enumerate() {
            *lane += SPREAD[((h >> (8 * k)) & 0xff) as usize];
        }
        pending += 1;
        if pending == 255 {
            flush(lanes, ones);
            pending = 0;
        }
    };
    for (start, word) in words_of(text) {
        while skip.peek().is_some_and(|&&(_, end)| end <= start) {
            skip.next();
        }
        if skip.peek().is_some_and(|&&(s, _)| s <= start) {
            continue;
        }
        let h = if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            xxh3_64(buf.as_bytes())
        } else {
            xxh3_64(word.as_bytes())
        };
        window.rotate_left(1);
        window[SHINGLE - 1] = h;
        words += 1;
        if words >= SHINGLE {
            add(shingle_hash(&window), &mut lanes, &mut ones);
            shingles += 1;
        }
    }
    if words == 0 {
        return None;
    }
    if words < SHINGLE {
        // Too short for one shingle: the words it has still decide.
        add(
            shingle_hash(&window[SHINGLE - words..]),
            &mut lanes,
            &mut ones,
        );
        shingles = 1;
    }
    flush(&mut lanes, &mut ones);
    let mut fp = 0u64;
    for (bit, v) in ones.iter().enumerate() {
        if 2 * v > shingles {
            fp |= 1 << bit;
        }
    }
    Some((fp, shingles as usize))
}

/// Byte `b` → a u64 whose byte `j` is bit `j` of `b`.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut j = 0;
        while j < 8 {
            table[b] |= (((b >> j) & 1) as u64) << (8 * j);
            j += 1;
        }
        b += 1;
    }
    table
};

/// One hash of a shingle from its words' hashes: rotations keep the order (a b c ≠ c b a), and
/// SplitMix64's finaliser spreads every input bit over the output, which the votes need.
fn shingle_hash(words: &[u64]) -> u64 {
    let mut z = words.len() as u64;
    for (i, w) in words.iter().enumerate() {
        z ^= w.rotate_left(21 * i as u32);
    }
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Runs of letters and digits with their byte offsets (punctuation and symbols separate words).
/// ASCII bytes are classified without decoding; other characters by `char::is_alphanumeric`.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0usize;
    // Whether the character at byte `i` is a word character, and its length in bytes.
    let class = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `i` is a char boundary: the scan only ever steps by whole characters.
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (word, len) = class(at);
            if word {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (word, len) = class(at);
            if !word {
                break;
            }
            at += len;
        }
        Some((start, &text[start..at]))
    })
}

pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The last `capacity` fingerprints this instance saw, with their article ids. Shared by the workers.
pub struct Window {
    capacity: usize,
    max_distance: u32,
    /// (fingerprint, hash of the id, id): the id hash makes the own-id test one compare.
    recent: Mutex<VecDeque<(u64, u64, String)>>,
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
        let id_hash = xxh3_64(id.as_bytes());
        for (other, other_hash, other_id) in recent.iter().rev() {
            if *other_hash == id_hash && other_id == id {
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
            recent.push_back((fp, id_hash, id.to_string()));
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
