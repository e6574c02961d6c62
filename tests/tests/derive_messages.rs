//! `message = "..."` naming ctx keys: filled from the error's ctx when the
//! message is read, `{{` for a brace; never the input.

use validate_core::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(length(min = 3, message = "at least {min_length} characters"))]
    name: String,
    #[validate(range(min = 13, message = "{{age}} must be {ge} or more"))]
    age: u32,
    #[validate(length(max = 2, message = "{max_length} tags at most"))]
    tags: Vec<String>,
    #[validate(pattern("^[a-z]+$", message = "letters only: {pattern}"))]
    code: String,
    #[validate(length(min = 1, message = "{{literal}}"))]
    note: String,
}

#[test]
fn templates_name_ctx_keys() {
    let value = Signup {
        name: "hunter2hunter2".chars().take(2).collect(),
        age: 12,
        tags: vec!["a".into(), "b".into(), "c".into()],
        code: "SECRET".into(),
        note: String::new(),
    };
    let errors = value.validate().expect_err("all fail");
    assert_eq!(
        errors.to_string(),
        "name: at least 3 characters\n\
         age: {age} must be 13 or more\n\
         tags: 2 tags at most\n\
         code: letters only: ^[a-z]+$\n\
         note: {literal}"
    );
    let text = format!("{errors:?} {errors}");
    assert!(!text.contains("SECRET") && !text.contains("hu"), "{text}");
}
