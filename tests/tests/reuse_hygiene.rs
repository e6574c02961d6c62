//! `rule_set!` and `#[validate(newtype)]` cannot be broken by names in the
//! user's scope (a `Result` alias, local `std` / `core` / `validate_core`
//! modules, types named like the prelude's), and their code compiles
//! without a warning under `#![deny(warnings)]`, private or not.
#![deny(warnings)]

mod user_scope {
    /// A crate-local alias that shadows the prelude's `Result`.
    type Result<T> = ::std::result::Result<T, ::std::string::String>;
    /// Types named like the prelude's.
    struct Option;
    struct Some;
    struct Ok;
    struct Err;
    struct Sized;
    mod std {}
    mod core {}
    mod validate_core {}

    fn helper() -> Result<()> {
        let _ = (Option, Some, Ok, Err, Sized);
        ::std::result::Result::Ok(())
    }

    fn even(n: &u8) -> ::std::result::Result<(), ::validate_core::ValidationError> {
        if n.is_multiple_of(2) {
            ::std::result::Result::Ok(())
        } else {
            ::std::result::Result::Err(::validate_core::ValidationError::new("even", "Even"))
        }
    }

    ::validate_core::rule_set! {
        /// Declared with the crate path given, as a re-exporting crate would.
        #[validate(crate = ::validate_core)]
        pub(crate) Name: str => sanitize(trim), length(min = 2), pattern("^[a-z]+$");
        /// Private, numeric, with a custom function.
        #[validate(crate = ::validate_core)]
        Even: u8 => custom(even), range(max = 100);
    }

    /// A private newtype whose constructor the module never calls.
    #[derive(::validate_core::Validate)]
    #[validate(crate = ::validate_core, newtype)]
    struct Unused(#[validate(rule(Even))] u8);

    #[derive(Debug, ::validate_core::Validate)]
    #[validate(crate = ::validate_core, newtype)]
    pub(crate) struct Nick(#[validate(rule(Name))] ::std::string::String);

    #[derive(::validate_core::Validate)]
    #[validate(crate = ::validate_core)]
    pub(crate) struct Form {
        #[validate(rule(Name))]
        pub(crate) name: ::std::string::String,
        #[validate(each(rule(Even)))]
        pub(crate) counts: ::std::vec::Vec<u8>,
        pub(crate) nick: Nick,
    }

    pub(crate) fn run() -> ::std::result::Result<(), ::std::string::String> {
        helper()?;
        let nick = Nick::new(" bob ").map_err(|e| e.to_string())?;
        let mut form = Form {
            name: " al ".into(),
            counts: ::std::vec![2, 3],
            nick,
        };
        ::validate_core::Validate::sanitize(&mut form);
        let errors = ::validate_core::Validate::validate(&form)
            .err()
            .map(|e| e.to_string());
        ::std::assert_eq!(
            errors.as_deref(),
            ::std::option::Option::Some("counts[1]: Even")
        );
        ::std::assert_eq!(form.nick.as_str(), "bob");
        ::std::result::Result::Ok(())
    }
}

#[test]
fn reuse_code_is_hygienic() {
    assert_eq!(user_scope::run(), Ok(()));
}
