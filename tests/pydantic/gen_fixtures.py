"""Regenerates fixtures.json: FastAPI's (Pydantic 2.14's) errors for the
signup, order and profile models on the inputs
tests/tests/decode_pydantic.rs replays against the collecting decoder.

    python3 -m venv /tmp/pyd && /tmp/pyd/bin/pip install 'pydantic==2.14.*' fastapi httpx
    /tmp/pyd/bin/python tests/pydantic/gen_fixtures.py

Each body is posted to a FastAPI app (TestClient) whose route takes the
model, so the errors are exactly FastAPI's 422 `detail`. Each case: the
model, the mode ("lax" is Pydantic's default, "strict" is
strict=True), the JSON body, and `e.errors(include_url=False,
include_input=False)` (empty when the body is valid). The Rust models in the
test mirror these exactly.
"""

import json
import pathlib
from typing import Annotated, Literal, Optional

import fastapi
import pydantic
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic.alias_generators import to_camel


class Address(BaseModel):
    street: str = Field(min_length=1, max_length=100)
    city: str = Field(min_length=1, max_length=50)
    zip: str = Field(pattern=r"^[0-9]{5}$")


class Signup(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)
    user_name: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, to_lower=True, min_length=3, max_length=32, pattern=r"^[a-zA-Z0-9_]+$"
        ),
    ]
    email: Annotated[str, StringConstraints(strip_whitespace=True)]
    password: str = Field(min_length=12, max_length=128)
    age: int = Field(ge=13, le=130)
    website: Optional[str] = None
    tags: list[Annotated[str, Field(min_length=1, max_length=20)]] = Field(max_length=10)
    address: Address


class OrderItem(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)
    sku: str = Field(pattern=r"^[A-Z]{3}-[0-9]{4}$")
    quantity: int = Field(ge=1, le=100)
    unit_price: float = Field(gt=0.0, lt=1000000.0)


class Order(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, extra="forbid")
    customer_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")
    items: list[OrderItem] = Field(min_length=1, max_length=50)
    shipping: Literal["standard", "express"]
    address: Address
    notes: dict[Annotated[str, Field(min_length=1, max_length=20)], Annotated[str, Field(max_length=200)]]
    coupon: Optional[str] = Field(default=None, max_length=200)


# Rule newtypes: types whose own rules run when they are read.
Username = Annotated[str, StringConstraints(min_length=3, max_length=32)]
Zip = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]


class Profile(BaseModel):
    """Two newtype fields, and the fields of a flattened struct inline."""

    name: Username
    zip: Zip
    nickname: Username
    level: int = Field(ge=0, le=10)


MODELS = {"signup": Signup, "order": Order, "profile": Profile}

ADDRESS = {"street": "1 Main St", "city": "Springfield", "zip": "12345"}
SIGNUP = {
    "userName": "alice_1",
    "email": "alice@example.com",
    "password": "correct horse battery",
    "age": 30,
    "tags": ["a", "b"],
    "address": ADDRESS,
}
ITEM = {"sku": "ABC-1234", "quantity": 2, "unitPrice": 9.5}
ORDER = {
    "customerId": "cust-42",
    "items": [ITEM],
    "shipping": "express",
    "address": ADDRESS,
    "notes": {"gift": "yes"},
    "coupon": None,
}


def changed(base, **changes):
    """`base` with keys set to new values, or removed when the value is `...`."""
    body = dict(base)
    for k, v in changes.items():
        if v is ...:
            body.pop(k, None)
        else:
            body[k] = v
    return body


def signup(**changes):
    return changed(SIGNUP, **changes)


def order(**changes):
    return changed(ORDER, **changes)


CASES = [
    # (name, model, modes, body: JSON text)
    ("valid", "signup", ["lax", "strict"], signup()),
    ("empty object", "signup", ["lax", "strict"], {}),
    ("snake_case keys", "signup", ["lax"], {
        "user_name": "alice", "email": "a@b.c", "password": "x" * 12, "age": 30, "tags": [],
        "address": ADDRESS,
    }),
    ("missing nested field", "signup", ["lax"], signup(address={"street": "x", "city": "y"})),
    ("wrong type at a top field", "signup", ["lax", "strict"], {"userName": "alice", "age": "thirty"}),
    ("wrong type in a list item", "signup", ["lax", "strict"], signup(tags=["ok", 5, ""])),
    ("list not a list", "signup", ["lax"], signup(tags="a,b")),
    ("too many items, some of the wrong type", "signup", ["lax"], signup(tags=[5] * 11)),
    ("nested not an object", "signup", ["lax"], signup(address=["x"])),
    ("mixed type and rule failures", "signup", ["lax", "strict"],
     signup(userName="a!", age="abc", password="short", tags=[""] * 11, address={"street": "", "city": 5, "zip": "1"})),
    ("minus one for a u32 with range", "signup", ["lax", "strict"], signup(age=-1)),
    ("numeric string", "signup", ["lax", "strict"], signup(age="30")),
    ("float with no fraction", "signup", ["lax", "strict"], signup(age=30.0)),
    ("float with a fraction", "signup", ["lax", "strict"], signup(age=30.5)),
    ("null for a required field", "signup", ["lax"], signup(userName=None, website=None)),
    ("not an object", "signup", ["lax"], [1, 2]),
    ("order valid", "order", ["lax", "strict"], order()),
    ("order empty object", "order", ["lax"], {}),
    ("order snake_case keys", "order", ["lax"], {
        "customer_id": "c", "items": [ITEM], "shipping": "express", "address": ADDRESS, "notes": {},
    }),
    ("order list item not an object", "order", ["lax"], order(items=[ITEM, 5, "x"])),
    ("order wrong types in a list item", "order", ["lax", "strict"],
     order(items=[{"sku": 1, "quantity": "two", "unitPrice": "free"}, {"sku": "bad", "quantity": 0, "unitPrice": 0}])),
    ("order missing item fields", "order", ["lax"], order(items=[{}])),
    ("order wrong type in a map value", "order", ["lax"], order(notes={"gift": 5, "wrap": "no"})),
    ("order bad map key and long value", "order", ["lax"], order(notes={"": "x", "k" * 21: "y", "ok": "z" * 201})),
    ("order map not an object", "order", ["lax"], order(notes=["gift"])),
    ("order unknown fields", "order", ["lax"], order(extra=1, couponCode="x")),
    ("order literal", "order", ["lax"], order(shipping="overnight", customerId="bad id!")),
    ("order empty items", "order", ["lax"], order(items=[])),
    ("order too many items", "order", ["lax"], order(items=[ITEM] * 51)),
    ("order minus one quantity", "order", ["lax"], order(items=[dict(ITEM, quantity=-1)])),
    ("order numeric strings", "order", ["lax", "strict"], order(items=[dict(ITEM, quantity="3", unitPrice="1.5")])),
    ("order long coupon", "order", ["lax"], order(coupon="c" * 201, customerId="")),
    ("profile two bad newtypes", "profile", ["lax"], {"name": "al", "zip": "1", "nickname": "bo", "level": 11}),
    ("profile newtype and missing", "profile", ["lax"], {"name": "al", "level": "x"}),
]


app = FastAPI()
for _name, _model in MODELS.items():

    def _endpoint(req):
        return {}

    _endpoint.__annotations__ = {"req": _model}
    app.post(f"/{_name}")(_endpoint)
client = TestClient(app)


def errors_of(model, mode, body):
    """FastAPI's 422 `detail`, without `input` and `url`, locs without
    their leading "body". FastAPI has no strict switch per request, so
    strict cases ask Pydantic itself, as FastAPI would: `json.loads`, then
    `model_validate(.., strict=True)`."""
    if mode == "strict":
        try:
            MODELS[model].model_validate(json.loads(body), strict=True)
            return []
        except ValidationError as e:
            return e.errors(include_url=False, include_input=False)
    reply = client.post(f"/{model}", content=body, headers={"content-type": "application/json"})
    if reply.status_code == 200:
        return []
    assert reply.status_code == 422, reply.text
    errors = reply.json()["detail"]
    for e in errors:
        e.pop("input", None)
        e.pop("url", None)
        assert e["loc"][0] == "body"
        e["loc"] = e["loc"][1:]
    return errors


def main():
    out = {"pydantic": pydantic.VERSION, "fastapi": fastapi.__version__, "cases": []}
    for name, model, modes, body in CASES:
        text = json.dumps(body)
        for mode in modes:
            out["cases"].append({
                "name": name,
                "model": model,
                "mode": mode,
                "body": text,
                "errors": errors_of(model, mode, text),
            })
    path = pathlib.Path(__file__).with_name("fixtures.json")
    path.write_text(json.dumps(out, indent=1, default=str) + "\n")
    print(f"{len(out['cases'])} cases written to {path}")


if __name__ == "__main__":
    main()
