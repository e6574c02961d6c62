//! The scenario's rules written once and reused: as rule sets applied by
//! name to plain fields ([`SignupRuleSets`]), and as newtypes that the
//! request's fields are typed with ([`SignupNewtypes`]). The rules are those
//! of [`ours`](super::ours), so every model checks exactly the same thing.

use validate_core::{Validate, ValidationErrors, rule_set};

use crate::scenario;

rule_set! {
    /// The username.
    pub UsernameRules: str => length(min = 3, max = 32), charset(ascii_alphanumeric, "_");
    /// The email.
    pub EmailRules: str => email;
    /// The password.
    pub PasswordRules: str => length(min = 12, max = 128);
    /// The age.
    pub AgeRules: u32 => range(min = 13, max = 130);
    /// The website.
    pub WebsiteRules: str => url;
    /// One tag.
    pub TagRules: str => length(min = 1, max = 20);
    /// The street.
    pub StreetRules: str => length(min = 1, max = 100);
    /// The city.
    pub CityRules: str => length(min = 1, max = 50);
    /// The postal code.
    pub ZipRules: str => pattern("^[0-9]{5}$");
    /// The bio.
    pub BioRules: str => length(max = 500);
}

/// The request, its fields checked by the rule sets.
#[derive(Clone, Debug, Validate)]
pub struct SignupRuleSets {
    #[validate(rule(UsernameRules))]
    username: String,
    #[validate(rule(EmailRules))]
    email: String,
    #[validate(rule(PasswordRules))]
    password: String,
    #[validate(rule(AgeRules))]
    age: u32,
    #[validate(rule(WebsiteRules))]
    website: Option<String>,
    #[validate(length(max = 10), each(rule(TagRules)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: AddressRuleSets,
    #[validate(rule(BioRules))]
    bio: String,
}

/// The nested address, through the rule sets.
#[derive(Clone, Debug, Validate)]
pub struct AddressRuleSets {
    #[validate(rule(StreetRules))]
    street: String,
    #[validate(rule(CityRules))]
    city: String,
    #[validate(rule(ZipRules))]
    zip: String,
}

impl From<&scenario::Signup> for SignupRuleSets {
    fn from(s: &scenario::Signup) -> Self {
        SignupRuleSets {
            username: s.username.clone(),
            email: s.email.clone(),
            password: s.password.clone(),
            age: s.age,
            website: s.website.clone(),
            tags: s.tags.clone(),
            address: AddressRuleSets {
                street: s.address.street.clone(),
                city: s.address.city.clone(),
                zip: s.address.zip.clone(),
            },
            bio: s.bio.clone(),
        }
    }
}

macro_rules! newtypes {
    ($($(#[$doc:meta])* $name:ident($inner:ty) = $rules:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, Validate)]
        #[validate(newtype)]
        pub struct $name(#[validate(rule($rules))] $inner);
    )*};
}

newtypes! {
    /// A checked username.
    Username(String) = UsernameRules;
    /// A checked email.
    Email(String) = EmailRules;
    /// A checked password.
    Password(String) = PasswordRules;
    /// A checked age.
    Age(u32) = AgeRules;
    /// A checked website.
    Website(String) = WebsiteRules;
    /// A checked tag.
    Tag(String) = TagRules;
    /// A checked street.
    Street(String) = StreetRules;
    /// A checked city.
    City(String) = CityRules;
    /// A checked postal code.
    Zip(String) = ZipRules;
    /// A checked bio.
    Bio(String) = BioRules;
}

/// The request typed with the newtypes. `nested` makes validation re-run
/// each newtype's rules (a newtype field needs no rule, being valid by
/// construction): what is measured is the cost of checking a value through
/// its newtype against writing the rules on the field.
#[derive(Clone, Debug, Validate)]
pub struct SignupNewtypes {
    #[validate(nested)]
    username: Username,
    #[validate(nested)]
    email: Email,
    #[validate(nested)]
    password: Password,
    #[validate(nested)]
    age: Age,
    #[validate(nested)]
    website: Option<Website>,
    #[validate(length(max = 10), nested)]
    tags: Vec<Tag>,
    #[validate(nested)]
    address: AddressNewtypes,
    #[validate(nested)]
    bio: Bio,
}

/// The nested address, typed with newtypes.
#[derive(Clone, Debug, Validate)]
pub struct AddressNewtypes {
    #[validate(nested)]
    street: Street,
    #[validate(nested)]
    city: City,
    #[validate(nested)]
    zip: Zip,
}

impl SignupNewtypes {
    /// Builds the request from raw data, each newtype checking its value:
    /// the first failure, as deserializing it would report.
    pub fn build(s: &scenario::Signup) -> Result<Self, ValidationErrors> {
        // In field order, as serde reads them.
        let username = Username::new(s.username.as_str())?;
        let email = Email::new(s.email.as_str())?;
        let password = Password::new(s.password.as_str())?;
        let age = Age::new(s.age)?;
        let website = s.website.as_deref().map(Website::new).transpose()?;
        // As serde builds a list: room for the items it was told about.
        let mut tags = Vec::with_capacity(s.tags.len());
        for tag in &s.tags {
            tags.push(Tag::new(tag.as_str())?);
        }
        let address = AddressNewtypes {
            street: Street::new(s.address.street.as_str())?,
            city: City::new(s.address.city.as_str())?,
            zip: Zip::new(s.address.zip.as_str())?,
        };
        Ok(SignupNewtypes {
            username,
            email,
            password,
            age,
            website,
            tags,
            address,
            bio: Bio::new(s.bio.as_str())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ours;

    #[test]
    fn same_verdicts_as_the_inline_model() {
        let valid = scenario::valid();
        assert!(SignupRuleSets::from(&valid).validate().is_ok());
        assert!(
            SignupNewtypes::build(&valid)
                .expect("valid")
                .validate()
                .is_ok()
        );
        let invalid = scenario::invalid();
        let inline = ours::SignupRequest::from(&invalid)
            .validate()
            .expect_err("invalid");
        let named = SignupRuleSets::from(&invalid)
            .validate()
            .expect_err("invalid");
        assert_eq!(named, inline);
        let first = SignupNewtypes::build(&invalid).expect_err("invalid");
        assert_eq!(
            first.iter().next().map(|e| e.kind()),
            inline.iter().next().map(|e| e.kind())
        );
    }
}
