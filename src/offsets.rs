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

    /// Records that `offset` was handed to the workers; returns the epoch to quote when acking it.
    pub fn dispatch(&mut self, topic: &str, partition: i32, offset: i64) -> u64 {
        let epochs = &mut self.epochs;
        let p = self
            .parts
            .entry((topic.to_string(), partition))
            .or_insert_with(|| {
                *epochs += 1;
                Partition {
                    epoch: *epochs,
                    // Everything before the first record seen belongs to an earlier owner or run.
                    reported: Some(offset),
                    ..Default::default()
                }
            });
        p.in_flight.insert(offset);
        p.next = Some(p.next.map_or(offset + 1, |n| n.max(offset + 1)));
        p.epoch
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

    #[test]
    fn watermark_never_passes_a_hole() {
        let mut t = OffsetTracker::new();
        let e = (0..5).map(|o| t.dispatch("in", 0, o)).last().unwrap();
        assert_eq!(t.ack("in", 0, 2, e), None, "0 and 1 still in flight");
        assert_eq!(t.ack("in", 0, 1, e), None);
        assert_eq!(t.ack("in", 0, 0, e), Some(3), "0..=2 done, 3 is next");
        assert_eq!(t.ack("in", 0, 4, e), None, "3 is a hole");
        assert_eq!(t.ack("in", 0, 3, e), Some(5));
        assert_eq!(t.in_flight(), 0);
    }

    #[test]
    fn partitions_are_independent_and_acks_are_idempotent() {
        let mut t = OffsetTracker::new();
        let e0 = t.dispatch("in", 0, 10);
        let e1 = t.dispatch("in", 1, 7);
        assert_eq!(t.ack("in", 1, 7, e1), Some(8));
        assert_eq!(t.ack("in", 1, 7, e1), None);
        assert_eq!(t.ack("in", 0, 10, e0), Some(11));
    }

    #[test]
    fn acks_from_a_revoked_assignment_are_ignored() {
        let mut t = OffsetTracker::new();
        let old = t.dispatch("in", 0, 0);
        t.revoke(&[("in".into(), 0)]);
        let new = t.dispatch("in", 0, 5);
        assert_ne!(old, new);
        assert_eq!(t.ack("in", 0, 0, old), None);
        assert_eq!(t.ack("in", 0, 5, new), Some(6));
    }
}
