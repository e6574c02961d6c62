//! The pipeline end to end on source text: expansions are valid items,
//! and every attribute mistake is reported.

/// Runs the pipeline on a derive input given as source text: the
/// generated code, or every error message.
fn expand(src: &str) -> Result<proc_macro2::TokenStream, Vec<String>> {
    let input: syn::DeriveInput = syn::parse_str(src).map_err(|e| vec![e.to_string()])?;
    let cx = crate::ctxt::Ctxt::new();
    let plan = crate::parse::input(&cx, &input).map(|raw| crate::check::check(&cx, raw));
    match (cx.check(), plan) {
        (Ok(()), Some(plan)) => Ok(crate::emit::emit(&plan)),
        (Err(e), _) => Err(e.into_iter().map(|e| e.to_string()).collect()),
        (Ok(()), None) => Err(Vec::new()),
    }
}

/// The errors of the field attribute `#[validate(attr)]` on a `String`.
fn field_errors(attr: &str) -> Vec<String> {
    expand(&format!("struct S {{ #[validate({attr})] a: String }}"))
        .err()
        .unwrap_or_default()
}

#[test]
fn expansions_are_rust_items() {
    let inputs = [
        "struct A { #[validate(length(min = 1), custom(f))] a: Option<String> }",
        "struct B(#[validate(range(min = 1))] u8, #[validate(nested)] Vec<A>);",
        "#[serde(tag = \"t\")] enum C { X { #[validate(email)] e: String }, Y(#[validate(nested)] A), Z }",
        "#[validate(context = Ctx, custom(g, context))] struct D<T: Clone> { #[validate(length(max = ctx.n), each(nested))] t: Vec<T> }",
        "struct E { #[validate(keys(sanitize(trim), length(max = 3)), values(each(each(range(max = 2)))))] m: std::collections::BTreeMap<String, Vec<Vec<u8>>> }",
        "enum F {}",
    ];
    for src in inputs {
        let out = expand(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
        let file: syn::File = syn::parse2(out).unwrap_or_else(|e| panic!("{src}: {e}"));
        if !cfg!(feature = "schema") {
            assert_eq!(file.items.len(), 2, "{src}: two impls");
            continue;
        }
        assert_eq!(file.items.len(), 3, "{src}: two impls and the schema impl");
        let syn::Item::Impl(schema) = &file.items[2] else {
            panic!("{src}: the schema impl")
        };
        let trait_path = schema
            .trait_
            .as_ref()
            .map(|(_, p, _)| quote::quote!(#p).to_string());
        assert_eq!(
            trait_path.as_deref(),
            Some(
                ":: validate_core :: __private :: VALIDATE_DERIVE_0_1_0_NEEDS_VALIDATE_CORE_0_1_0 :: ValidateSchema"
            ),
            "{src}"
        );
    }
}

#[test]
fn validation_code_allocates_nothing_and_uses_absolute_paths() {
    let out = expand(
        "struct A { #[validate(length(max = 3), each(pattern(\"^a\")), custom(f))] a: Vec<String> }",
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
    .to_string();
    for banned in [
        "format !",
        "Vec :: new",
        "String ::",
        "to_string",
        "clone ()",
        "Box :: new",
    ] {
        assert!(
            !out.contains(banned),
            "generated code contains `{banned}`: {out}"
        );
    }
    assert!(out.contains(":: core :: result :: Result :: Err"), "{out}");
    assert!(out.contains("static __PATTERN"), "{out}");
}

#[test]
fn every_mistake_is_reported() {
    let errors = expand(
        "#[validate(contxt = u8)] struct S { #[validate(lenght(min = 1), range(mn = 2))] a: String, \
         #[validate(length(min = 3, max = 1), pattern(\"(\"), must_match(b))] c: String }",
    )
    .err()
    .unwrap_or_default();
    assert_eq!(errors.len(), 6, "{errors:#?}");
    assert!(errors[1].contains("did you mean `length`"), "{errors:#?}");
}

#[test]
fn every_format_rule_is_called_and_bounded_from_its_row() {
    let rows = crate::formats::FORMAT_RULES.iter().flat_map(|row| {
        let flag = row.flag.map(|(f, v)| (format!("{}({f})", row.name), v));
        std::iter::once((row.name.to_owned(), row)).chain(flag)
    });
    for (attr, row) in rows {
        let src = format!("struct G<T> {{ #[validate({attr})] a: T }}");
        let out = expand(&src)
            .unwrap_or_else(|e| panic!("{src}: {e:?}"))
            .to_string();
        let call = format!(
            ":: validate_core :: {} (__field_a)",
            row.function.join(" :: ")
        );
        assert!(out.contains(&call), "{src}: no `{call}` in {out}");
        let bound = match row.needs {
            crate::formats::Needs::Str => "T : :: validate_core :: rules :: StrInput",
        };
        assert!(out.contains(bound), "{src}: no `{bound}` in {out}");
    }
}

#[test]
fn every_expansion_names_the_version_it_needs() {
    let out = expand("struct A { #[validate(length(max = 3))] a: String }")
        .unwrap_or_else(|e| panic!("{e:?}"))
        .to_string();
    let version = env!("CARGO_PKG_VERSION").replace('.', "_");
    let stamp = format!(
        "let () = :: validate_core :: __private :: VALIDATE_DERIVE_{version}_NEEDS_VALIDATE_CORE_{version} ;"
    );
    assert!(out.contains(&stamp), "{out}");
}

#[test]
fn a_flag_is_the_rule_s_own_and_given_once() {
    assert_eq!(
        field_errors("phone(strictt)"),
        ["`phone` takes one flag, `strict`: `phone(strict)`"]
    );
    assert_eq!(
        field_errors("hostname(trailing_dot, trailing_dot)"),
        ["`hostname` takes one flag, `trailing_dot`: `hostname(trailing_dot)`"]
    );
    assert_eq!(
        field_errors("iban(strict)"),
        ["`iban` takes no positional argument here; name it: `iban(name = value)`"]
    );
}

#[test]
fn date_bounds_are_dates_that_leave_room() {
    let out = expand(
        "struct S { #[validate(date(min = \"2000-02-29\", lt = \"2030-01-01\"))] a: String }",
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
    .to_string();
    assert!(
        out.contains(":: core :: ops :: Bound :: Included (:: validate_core :: jiff :: civil :: date (2000i16 , 2i8 , 29i8))"),
        "{out}"
    );
    assert!(
        out.contains(":: validate_core :: rules :: date_range (__field_a , __BOUNDS)"),
        "{out}"
    );
    assert_eq!(
        field_errors("date(min = \"2023-02-29\")"),
        ["`2023-02-29` does not exist: that month has 28 days"]
    );
    assert_eq!(
        field_errors("date(max = \"1/2/2000\")"),
        ["`1/2/2000` is not a date: write `YYYY-MM-DD`, e.g. \"2000-01-31\""]
    );
    assert_eq!(
        field_errors("date(gt = 2000)"),
        [
            "`gt` is a date literal: `date(gt = \"2000-01-01\")` (for a computed bound, call \
          `rules::date_range` from `custom`)"
        ]
    );
    assert_eq!(
        field_errors("date(min = \"2000-01-01\", gt = \"2000-01-01\")"),
        ["`min` and `gt` both set the lower bound: keep one (`min` is inclusive, `gt` exclusive)"]
    );
    assert_eq!(
        field_errors("date(min = \"2001-01-01\", lt = \"2001-01-01\")"),
        ["this lower bound is not below the upper bound: no date can pass"]
    );
    assert!(field_errors("date(min = \"2001-01-01\", max = \"2001-01-01\")").is_empty());
    assert_eq!(
        field_errors("date(after = \"2001-01-01\")"),
        [
            "unknown argument `after` for `date` (accepted: `message`, `code`, `min`, `max`, `gt`, `lt`)"
        ]
    );
}
