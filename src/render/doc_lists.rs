//! The documents each word of a search bucket is in (`document << 1 | in
//! title`), kept two ways:
//!
//! - **open** — plain numbers, which the preview moves in place after each
//!   save (a notice added renumbers those after it);
//! - **packed** — a build's: documents come in order (see
//!   `search::Collector`), so each list is kept as the gaps the bucket's
//!   file will hold, each a LEB128 varint: mostly one byte where a number
//!   took four plus a growing `Vec`'s spare room. At 100,000 notices the
//!   lists were the largest thing a build held (~130 MB).

/// Every word's list in one bucket, by the word's number in the bucket.
pub(super) enum Lists {
    Open(Vec<Vec<u32>>),
    Packed(Vec<Packed>),
}

impl Lists {
    /// A new word's empty list.
    pub(super) fn add_word(&mut self) {
        match self {
            Lists::Open(lists) => lists.push(Vec::new()),
            Lists::Packed(lists) => lists.push(Packed::default()),
        }
    }

    /// Adds `p` to word `w`'s list, at its end (an open list is sorted
    /// later, a packed one keeps its order itself).
    pub(super) fn push(&mut self, w: usize, p: u32) {
        match self {
            Lists::Open(lists) => lists[w].push(p),
            Lists::Packed(lists) => lists[w].push(p),
        }
    }

    pub(super) fn is_empty(&self, w: usize) -> bool {
        match self {
            Lists::Open(lists) => lists[w].is_empty(),
            Lists::Packed(lists) => lists[w].bytes.is_empty(),
        }
    }

    /// Word `w`'s gaps, in order: the difference from the document before
    /// (from 0 for the first) doubled, plus 1 in the title.
    pub(super) fn each_gap(&self, w: usize, mut f: impl FnMut(u32)) {
        match self {
            Lists::Open(lists) => {
                let mut previous = 0;
                for &p in &lists[w] {
                    f(((p >> 1) - previous) << 1 | (p & 1));
                    previous = p >> 1;
                }
            }
            Lists::Packed(lists) => lists[w].gaps().for_each(f),
        }
    }

    /// The lists as numbers, to be moved in place (packed ones opened).
    pub(super) fn open(&mut self) -> &mut Vec<Vec<u32>> {
        if let Lists::Packed(packed) = self {
            *self = Lists::Open(packed.iter().map(Packed::numbers).collect());
        }
        match self {
            Lists::Open(lists) => lists,
            Lists::Packed(_) => unreachable!("opened above"),
        }
    }

    /// Every list in document order.
    pub(super) fn sort(&mut self) {
        // Packed lists are always in order.
        if let Lists::Open(lists) = self {
            for list in lists {
                list.sort_unstable();
            }
        }
    }
}

/// One word's list as LEB128 gaps; `last` is the document of the last one.
#[derive(Default)]
pub(super) struct Packed {
    last: u32,
    bytes: Vec<u8>,
}

impl Packed {
    fn push(&mut self, p: u32) {
        let doc = p >> 1;
        if !self.bytes.is_empty() && doc <= self.last {
            // Out of order (never in a build, which adds documents in
            // order): kept right, slowly.
            let mut numbers = self.numbers();
            numbers.push(p);
            numbers.sort_unstable();
            *self = Packed::default();
            for p in numbers {
                self.append(p);
            }
            return;
        }
        self.append(p);
    }

    fn append(&mut self, p: u32) {
        let doc = p >> 1;
        let mut gap = (doc - self.last) << 1 | (p & 1);
        while gap >= 0x80 {
            self.bytes.push((gap as u8 & 0x7f) | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
        self.last = doc;
    }

    fn gaps(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.bytes.iter();
        std::iter::from_fn(move || {
            let mut value = 0u32;
            let mut shift = 0;
            loop {
                let &b = bytes.next()?;
                value |= u32::from(b & 0x7f) << shift;
                if b < 0x80 {
                    return Some(value);
                }
                shift += 7;
            }
        })
    }

    fn numbers(&self) -> Vec<u32> {
        let mut doc = 0;
        self.gaps()
            .map(|gap| {
                doc += gap >> 1;
                doc << 1 | (gap & 1)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaps(lists: &Lists, w: usize) -> Vec<u32> {
        let mut out = Vec::new();
        lists.each_gap(w, |g| out.push(g));
        out
    }

    #[test]
    fn packed_and_open_lists_give_the_same_gaps() {
        // Documents 0 (title), 5, 300 (title), 70,000: gaps 0·2+1, 5·2,
        // 295·2+1, 69,700·2 — the last two need two and three bytes.
        let numbers = [1, 10, 601, 140_000];
        let mut open = Lists::Open(Vec::new());
        let mut packed = Lists::Packed(Vec::new());
        for lists in [&mut open, &mut packed] {
            lists.add_word();
            for p in numbers {
                lists.push(0, p);
            }
        }
        assert_eq!(gaps(&packed, 0), [1, 10, 591, 139_400]);
        assert_eq!(gaps(&open, 0), gaps(&packed, 0));
        let Lists::Packed(inner) = &packed else {
            unreachable!()
        };
        assert_eq!(inner[0].bytes.len(), 1 + 1 + 2 + 3);
        assert_eq!(packed.open()[0], numbers);
    }

    #[test]
    fn a_packed_list_given_a_document_out_of_order_stays_in_order() {
        let mut packed = Lists::Packed(Vec::new());
        packed.add_word();
        for p in [8, 2, 9, 4] {
            packed.push(0, p);
        }
        // Documents 1, 2, 4 and 4 (title), as the open list sorted gives.
        assert_eq!(packed.open()[0], [2, 4, 8, 9]);
        assert!(!packed.is_empty(0));
    }
}
