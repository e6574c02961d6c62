//! The generated code cannot be broken by names in the user's scope: a
//! `Result` alias, local `std` / `core` modules, an `Option` type, and it
//! compiles without a warning under `#![deny(warnings)]`.
#![deny(warnings)]

mod user_scope {
    use ::std::collections::BTreeMap;

    use ::validate_core::Validate;

    /// A crate-local alias that shadows the prelude's `Result`.
    type Result<T> = ::std::result::Result<T, ::std::string::String>;
    /// Types named like the prelude's.
    struct Option;
    struct Some;
    struct Ok;
    struct Err;
    struct Vec;
    mod std {}
    mod core {}
    mod validate_core {}

    fn helper() -> Result<()> {
        let _ = (Option, Some, Ok, Err, Vec);
        ::std::result::Result::Ok(())
    }

    #[derive(::validate_core::Validate)]
    #[validate(crate = ::validate_core)]
    pub(crate) struct Inner {
        #[validate(length(min = 1))]
        pub(crate) name: ::std::string::String,
    }

    fn check(
        value: &::std::string::String,
    ) -> ::std::result::Result<(), ::validate_core::ValidationError> {
        let _ = value;
        ::std::result::Result::Ok(())
    }

    #[derive(Validate)]
    #[validate(crate = ::validate_core)]
    pub(crate) struct Outer {
        #[validate(required, length(min = 2, max = 5), custom(check))]
        pub(crate) nick: ::std::option::Option<::std::string::String>,
        #[validate(length(max = 3), nested)]
        pub(crate) inners: ::std::vec::Vec<Inner>,
        #[validate(keys(length(min = 1)), values(range(max = 3)))]
        pub(crate) counts: BTreeMap<::std::string::String, u8>,
        #[validate(
            sanitize(trim, with = shout),
            pattern("^[A-Z!]*$"),
            charset(ascii_uppercase, "!"),
            one_of("HI!", "")
        )]
        pub(crate) loud: ::std::string::String,
        #[validate(each(sanitize(trim), safe_filename(extensions = ["png"])))]
        pub(crate) files: ::std::vec::Vec<::std::string::String>,
    }

    fn shout(value: ::std::string::String) -> ::std::string::String {
        value.to_uppercase()
    }

    pub(crate) fn run() -> ::std::string::String {
        let _ = helper();
        let outer = Outer {
            nick: ::std::option::Option::None,
            inners: ::std::vec![Inner {
                name: ::std::string::String::new()
            }],
            counts: BTreeMap::new(),
            loud: " hi! ".into(),
            files: ::std::vec::Vec::new(),
        };
        let mut outer = outer;
        outer.sanitize();
        match outer.validate() {
            ::std::result::Result::Ok(()) => ::std::string::String::new(),
            ::std::result::Result::Err(e) => e.to_string(),
        }
    }
}

#[test]
fn generated_code_uses_absolute_paths() {
    assert_eq!(
        user_scope::run(),
        "nick: Field required\ninners[0].name: String should have at least 1 character"
    );
}
