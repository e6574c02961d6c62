//! `newtype_serde!`: the serde impls of a rule newtype. The derive cannot
//! know which features validate-core was built with, so it always calls this
//! macro, and the macro is real only with feature `serde`: `Deserialize`
//! reads the inner value and goes through the newtype's checked constructor
//! (so no invalid value can be deserialized), `Decode` does the same and
//! reports the newtype's errors at its loc, `Serialize` writes the inner
//! value as it is.

/// The serde impls of a rule newtype `$ty` wrapping `$inner`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __newtype_serde {
    ($ty:ident, $inner:ty) => {
        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty
        where
            $inner: $crate::__private::serde::Deserialize<'de>,
        {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: $crate::__private::serde::Deserializer<'de>,
            {
                let value = <$inner as $crate::__private::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                match Self::new(value) {
                    ::core::result::Result::Ok(checked) => ::core::result::Result::Ok(checked),
                    ::core::result::Result::Err(errors) => ::core::result::Result::Err(
                        $crate::__private::rejected::<__D::Error>(errors),
                    ),
                }
            }
        }

        #[automatically_derived]
        impl<__C: ?::core::marker::Sized> $crate::decode::Decode<__C> for $ty
        where
            $inner: $crate::decode::Decode<__C>,
        {
            fn decode<'de, __D>(
                de: __D,
                cx: &mut $crate::decode::DecodeCx<'_, __C>,
                loc: &$crate::LocChain<'_>,
            ) -> ::core::result::Result<::core::option::Option<Self>, __D::Error>
            where
                __D: $crate::__private::serde::Deserializer<'de>,
            {
                let ::core::option::Option::Some(value) =
                    <$inner as $crate::decode::Decode<__C>>::decode(de, cx, loc)?
                else {
                    return ::core::result::Result::Ok(::core::option::Option::None);
                };
                match Self::new(value) {
                    ::core::result::Result::Ok(checked) => {
                        ::core::result::Result::Ok(::core::option::Option::Some(checked))
                    }
                    ::core::result::Result::Err(errors) => {
                        cx.errors_mut().extend_at(loc, errors);
                        ::core::result::Result::Ok(::core::option::Option::None)
                    }
                }
            }
        }

        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty
        where
            for<'__a> &'__a $inner: $crate::__private::serde::Serialize,
        {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: $crate::__private::serde::Serializer,
            {
                let inner: &$inner = ::core::ops::Deref::deref(self);
                $crate::__private::serde::Serialize::serialize(&inner, serializer)
            }
        }
    };
}

/// Without feature `serde`: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __newtype_serde {
    ($($tokens:tt)*) => {};
}

/// The serde error of a newtype that rejected its value: the errors' lines
/// as the message (never the input), and the errors themselves for an
/// enclosing [`de::capture_rejection`](crate::de::capture_rejection).
#[cfg(feature = "serde")]
pub fn rejected<E: serde::de::Error>(errors: crate::ValidationErrors) -> E {
    crate::integrations::de::record(&errors);
    E::custom(errors)
}
