//! Per-partition contiguous watermarks: which offset is safe to commit.
//!
//! Records finish out of order (workers run in parallel, deliveries ack in any order). A partition's
//! committable offset is the lowest offset still in flight — or one past the highest dispatched when
//! nothing is — so a commit never passes a hole. An epoch per assignment lets late acks from a revoked
//! assignment be ignored instead of moving the new owner's watermark.

use std::collections::{BTreeSet, HashMap};

type Key = (String, i32);

#[derive(Debug, Default)]
struct Partition {
    epoch: u64,
    in_flight: BTreeSet<i64>,
    /// One past the highest offset dispatched in this epoch.
    next: Option<i64>,
    /// Last watermark handed out, so callers only see forward moves.
    reported: Option<i64>,
}

#[derive(Debug, Default)]
pub struct OffsetTracker {
    parts: HashMap<Key, Partition>,
    epochs: u64,
}

impl OffsetTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts tracking newly assigned partitions, each under a fresh epoch (already tracked ones —
    /// an incremental assignment — keep theirs).
    pub fn assign(&mut self, partitions: &[(String, i32)]) {
        for k in partitions {
            if !self.parts.contains_key(k) {
                self.epochs += 1;
                let epoch = self.epochs;
                self.parts.insert(
                    k.clone(),
                    Partition {
                        epoch,
                        ..Default::default()
                    },
                );
            }
        }
    }

    /// Records that `offset` was handed to the workers; returns the epoch to quote when acking it, or
    /// None when the partition is not assigned to this consumer (the record must not be processed).
    pub fn dispatch(&mut self, topic: &str, partition: i32, offset: i64) -> Option<u64> {
        let p = self.parts.get_mut(&(topic.to_string(), partition))?;
        // Everything before the first record seen belongs to an earlier owner or run.
        p.reported.get_or_insert(offset);
        p.in_flight.insert(offset);
        p.next = Some(p.next.map_or(offset + 1, |n| n.max(offset + 1)));
        Some(p.epoch)
    }

    /// Marks `offset` done (its output or dead letter was acknowledged by the broker). Returns the new
    /// committable offset (the next offset to consume) when it moved forward.
    pub fn ack(&mut self, topic: &str, partition: i32, offset: i64, epoch: u64) -> Option<i64> {
        let p = self.parts.get_mut(&(topic.to_string(), partition))?;
        if p.epoch != epoch || !p.in_flight.remove(&offset) {
            return None;
        }
        let mark = p.in_flight.first().copied().or(p.next)?;
        if p.reported.is_some_and(|r| r >= mark) {
            return None;
        }
        p.reported = Some(mark);
        Some(mark)
    }

    /// Whether `epoch` is still the partition's current assignment (false once it was revoked).
    pub fn owns(&self, topic: &str, partition: i32, epoch: u64) -> bool {
        self.parts
            .get(&(topic.to_string(), partition))
            .is_some_and(|p| p.epoch == epoch)
    }

    /// The partition's committable offset now, or None when `epoch` is no longer its assignment.
    pub fn watermark(&self, topic: &str, partition: i32, epoch: u64) -> Option<i64> {
        let p = self.parts.get(&(topic.to_string(), partition))?;
        if p.epoch != epoch {
            return None;
        }
        p.in_flight.first().copied().or(p.next)
    }

    /// Forgets partitions this consumer no longer owns: their in-flight records will be redelivered to
    /// the new owner, and acks for them are ignored from now on.
    pub fn revoke(&mut self, partitions: &[(String, i32)]) {
        for k in partitions {
            self.parts.remove(k);
        }
    }

    /// Records in flight, across partitions.
    pub fn in_flight(&self) -> usize {
        self.parts.values().map(|p| p.in_flight.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(ps: &[i32]) -> Vec<(String, i32)> {
        ps.iter().map(|&p| ("in".to_string(), p)).collect()
    }

    #[test]
    fn watermark_never_passes_a_hole() {
        let mut t = OffsetTracker::new();
        t.assign(&parts(&[0]));
        let e = (0..5)
            .map(|o| t.dispatch("in", 0, o))
            .last()
            .unwrap()
            .unwrap();
        assert_eq!(t.ack("in", 0, 2, e), None, "0 and 1 still in flight");
        assert_eq!(t.ack("in", 0, 1, e), None);
        assert_eq!(t.ack("in", 0, 0, e), Some(3), "0..=2 done, 3 is next");
        assert_eq!(t.ack("in", 0, 4, e), None, "3 is a hole");
        assert_eq!(t.watermark("in", 0, e), Some(3));
        assert_eq!(t.ack("in", 0, 3, e), Some(5));
        assert_eq!(t.watermark("in", 0, e), Some(5));
        assert_eq!(
            t.watermark("in", 0, e + 1),
            None,
            "another assignment's epoch"
        );
        assert_eq!(t.in_flight(), 0);
    }

    #[test]
    fn partitions_are_independent_and_acks_are_idempotent() {
        let mut t = OffsetTracker::new();
        t.assign(&parts(&[0, 1]));
        let e0 = t.dispatch("in", 0, 10).unwrap();
        let e1 = t.dispatch("in", 1, 7).unwrap();
        assert_eq!(t.ack("in", 1, 7, e1), Some(8));
        assert_eq!(t.ack("in", 1, 7, e1), None);
        assert_eq!(t.ack("in", 0, 10, e0), Some(11));
    }

    #[test]
    fn acks_from_a_revoked_assignment_are_ignored() {
        let mut t = OffsetTracker::new();
        t.assign(&parts(&[0]));
        let old = t.dispatch("in", 0, 0).unwrap();
        t.dispatch("in", 0, 1).unwrap();
        t.revoke(&parts(&[0]));
        // A record fetched before the revoke and read after it is refused, not tracked afresh (a fresh
        // entry would start its watermark past the records the next owner has not done yet).
        assert_eq!(t.dispatch("in", 0, 2), None);
        t.assign(&parts(&[0]));
        let new = t.dispatch("in", 0, 5).unwrap();
        assert_ne!(old, new);
        assert_eq!(t.ack("in", 0, 0, old), None);
        assert!(!t.owns("in", 0, old) && t.owns("in", 0, new));
        assert_eq!(t.ack("in", 0, 5, new), Some(6));
    }
}
