//! A list that keeps its first `N` items inline, so the common error (a short
//! loc, one to three ctx entries) costs no allocation beyond its own box.

use std::fmt;

/// Up to `N` items stored inline, the rest in a `Vec` that is only allocated
/// when the inline slots are full.
#[derive(Clone, PartialEq)]
pub(crate) struct SmallList<T, const N: usize> {
    inline: [Option<T>; N],
    len: usize,
    spill: Vec<T>,
}

impl<T, const N: usize> SmallList<T, N> {
    pub(crate) const fn new() -> Self {
        Self {
            inline: [const { None }; N],
            len: 0,
            spill: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn push(&mut self, item: T) {
        if self.len < N {
            self.inline[self.len] = Some(item);
        } else {
            self.spill.push(item);
        }
        self.len += 1;
    }

    pub(crate) fn get(&self, index: usize) -> Option<&T> {
        if index < N {
            self.inline[index].as_ref()
        } else {
            self.spill.get(index - N)
        }
    }

    pub(crate) fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        if index < N {
            self.inline[index].as_mut()
        } else {
            self.spill.get_mut(index - N)
        }
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + '_ {
        self.inline.iter().flatten().chain(self.spill.iter())
    }

    pub(crate) fn into_iter(self) -> impl Iterator<Item = T> {
        self.inline.into_iter().flatten().chain(self.spill)
    }
}

impl<T, const N: usize> Default for SmallList<T, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: fmt::Debug, const N: usize> fmt::Debug for SmallList<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::SmallList;

    #[test]
    fn spills_past_inline_capacity_and_keeps_order() {
        let mut list: SmallList<u32, 2> = SmallList::new();
        for i in 0..5 {
            list.push(i);
        }
        assert_eq!(list.len(), 5);
        assert_eq!(list.iter().copied().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(list.get(3), Some(&3));
        assert_eq!(list.get(5), None);
        assert_eq!(
            list.clone().into_iter().collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        *list.get_mut(0).unwrap() = 9;
        assert_eq!(list.get(0), Some(&9));
    }

    #[test]
    fn the_first_spilled_item_is_at_index_n() {
        let mut list: SmallList<u32, 2> = SmallList::new();
        for i in 0..5 {
            list.push(i);
        }
        // Index N is the first item of the spill, not past the inline slots.
        assert_eq!(list.get(2), Some(&2));
        assert_eq!(list.get_mut(2).copied(), Some(2));
        assert_eq!(list.get_mut(4).copied(), Some(4));
        assert_eq!(list.get_mut(5), None);
        assert_eq!(format!("{list:?}"), "[0, 1, 2, 3, 4]");
    }
}
