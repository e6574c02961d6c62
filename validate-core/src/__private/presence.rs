//! `required`: an `Option` must be `Some`.

use std::rc::Rc;
use std::sync::Arc;

use crate::error::{ValidationError, catalogue};

/// A value that may be absent: `Option<T>`, through pointers.
#[diagnostic::on_unimplemented(
    message = "`required` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "`required` needs an `Option<T>` here",
    note = "a field that is not an `Option` is always present: remove `required`"
)]
pub trait Presence {
    /// Whether a value is there.
    fn is_present(&self) -> bool;
}

impl<T> Presence for Option<T> {
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

macro_rules! forward {
    ($($ty:ty),*) => {$(
        impl<T: Presence + ?Sized> Presence for $ty {
            fn is_present(&self) -> bool {
                (**self).is_present()
            }
        }
    )*};
}
forward!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

/// `missing` / `Field required` when the value is absent.
pub fn required<T: Presence + ?Sized>(value: &T) -> Result<(), ValidationError> {
    if value.is_present() {
        Ok(())
    } else {
        Err(catalogue::missing())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_is_missing() {
        let e = required(&None::<String>).expect_err("fails");
        assert_eq!((e.kind(), &*e.msg()), ("missing", "Field required"));
        assert!(required(&Some(0u8)).is_ok());
        assert!(required(&Box::new(Some(1))).is_ok());
        assert!(required(&Arc::new(None::<u8>)).is_err());
    }
}
