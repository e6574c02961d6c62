use validate_core::Validate;

#[derive(Validate)]
struct Booking {
    #[validate(date(min = "2023-02-29"))]
    not_a_day: String,
    #[validate(date(max = "01/02/2030"))]
    not_iso: String,
    #[validate(date(min = "2030-01-01", lt = "2020-01-01"))]
    empty: String,
    #[validate(date(gt = START))]
    computed: String,
    #[validate(phone(strictly))]
    unknown_flag: String,
    #[validate(iban(strict))]
    no_flag: String,
}

const START: &str = "2000-01-01";

fn main() {}
