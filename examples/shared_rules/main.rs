//! One set of rules for all your services: a shared `rules` module (rule
//! sets, newtypes, the service state they need) used by a signup service,
//! whose form reports every mistake at once, and a profile service, whose
//! request is typed with the newtypes. Both answer with the same errors for
//! the same mistakes.
//!
//! Run with `cargo run -p examples --example shared_rules`.

mod profile;
mod rules;
mod signup;

use validate_core::de::{self, DeserializeError};
use validate_core::{Validate, ValidationError, ValidationErrors};

/// What both services' web layer does with a JSON body (the axum
/// extractors do the same): read it, sanitize and validate it with the
/// service state, and answer every failure as errors with their loc.
fn read<T>(body: &str, directory: &rules::Directory) -> Result<T, ValidationErrors>
where
    T: for<'de> serde::Deserialize<'de> + Validate<Context = rules::Directory>,
{
    let mut reader = serde_json::Deserializer::from_str(body);
    match de::deserialize_valid_with::<T, _>(&mut reader, directory) {
        Ok(valid) => Ok(valid.into_inner()),
        Err(DeserializeError::Invalid(errors)) => Err(errors),
        // Not the expected shape at all: one error where serde stopped
        // (never serde's message, which may quote the input).
        Err(DeserializeError::Malformed(m)) => {
            let error = ValidationError::new("malformed", "Input could not be read");
            Err(error.with_loc(m.loc().iter().cloned()).into())
        }
    }
}

fn show(service: &str, body: &str, outcome: Result<String, ValidationErrors>) {
    println!("{service} <- {body}");
    match outcome {
        Ok(done) => println!("   ok: {done}"),
        Err(errors) => {
            for error in &errors {
                match serde_json::to_string(error) {
                    Ok(json) => println!("  422 {json}"),
                    Err(e) => println!("  422 (does not serialize: {e})"),
                }
            }
        }
    }
    println!();
}

fn main() {
    let directory = rules::Directory {
        taken: ["admin".to_owned(), "ada".to_owned()].into_iter().collect(),
        max_bio: 40,
    };

    let signups = [
        r#"{"userName": " Grace_Hopper ", "email": "Grace@Navy.mil", "password": "correct horse battery", "passwordConfirm": "correct horse battery", "profile": {"bio": "  Compilers.  ", "website": null}}"#,
        // Every mistake at once.
        r#"{"userName": "ADA", "email": "ada@", "password": "short", "passwordConfirm": "other", "profile": {"bio": "A bio far longer than the forty characters allowed", "website": "http://x.org"}}"#,
    ];
    for body in signups {
        let outcome = signup::handle(body, &directory).map(|account| {
            format!(
                "account {} <{}>",
                account.name.as_str(),
                account.email.as_str()
            )
        });
        show("signup", body, outcome);
    }

    let updates = [
        r#"{"user_name": " Hopper ", "email": null, "profile": {"bio": "Ships", "website": "https://navy.mil"}}"#,
        // The same mistake as the signup's: the same error, at this field.
        r#"{"user_name": "ada", "email": null, "profile": {"bio": "", "website": null}}"#,
        // A newtype rejects its value while the body is read.
        r#"{"user_name": "x", "email": null, "profile": {"bio": "", "website": null}}"#,
        r#"{"user_name": null, "email": "ada@", "profile": {"bio": "", "website": null}}"#,
        r#"{"user_name": null, "email": null, "profile": {"bio": 42, "website": null}}"#,
    ];
    for body in updates {
        let outcome = profile::handle(body, &directory).map(|update| {
            let name = update
                .user_name
                .as_ref()
                .map_or("(unchanged)", |n| n.as_str());
            let email = update.email.as_ref().map_or("(unchanged)", |e| e.as_str());
            format!("name {name}, email {email}, bio {:?}", update.profile.bio)
        });
        show("profile", body, outcome);
    }
}
