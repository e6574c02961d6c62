"""Writes the Pydantic 2.14 / FastAPI reference schemas the Rust schema tests
compare against (committed JSON: CI needs no Python).

The models are those of DESIGN.md and examples/axum_app.rs (signup, address,
search) and the order model, written as a Python developer would write them
with Pydantic's own types and constraints. Regenerate with

    python3 -m venv /tmp/pyd && /tmp/pyd/bin/pip install 'pydantic[email]==2.14.*' fastapi
    /tmp/pyd/bin/python tests/schema/pydantic_reference.py

(from the repository root); the output is deterministic.
"""

import json
import pathlib
from typing import Annotated, Literal, Optional

import fastapi
import pydantic
from fastapi import FastAPI, Query
from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, StringConstraints
from pydantic.alias_generators import to_camel

OUT = pathlib.Path(__file__).parent


class Address(BaseModel):
    street: Annotated[str, Field(min_length=1, max_length=100)]
    city: Annotated[str, Field(min_length=1, max_length=50)]
    zip: Annotated[str, Field(pattern=r"^[0-9]{5}$")]


class SignupRequest(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    user_name: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True,
            to_lower=True,
            min_length=3,
            max_length=32,
            pattern=r"^[a-zA-Z0-9_]+$",
        ),
    ]
    email: Annotated[EmailStr, StringConstraints(strip_whitespace=True)]
    password: Annotated[str, Field(min_length=12, max_length=128)]
    age: Annotated[int, Field(ge=13, le=130)]
    website: Optional[HttpUrl] = None
    tags: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=20)]], Field(max_length=10)
    ]
    address: Address


class SignupResponse(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    user_name: str
    email: str


class SearchQuery(BaseModel):
    q: Annotated[str, Field(min_length=2, max_length=100)]
    limit: Annotated[int, Field(ge=1, le=100)]


class OrderItem(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    sku: Annotated[str, Field(pattern=r"^[A-Z]{3}-[0-9]{4}$")]
    quantity: Annotated[int, Field(ge=1, le=100)]
    unit_price: Annotated[float, Field(gt=0, lt=1_000_000)]


class OrderRequest(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid"
    )

    customer_id: Annotated[
        str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")
    ]
    items: Annotated[list[OrderItem], Field(min_length=1, max_length=50)]
    shipping: Literal["standard", "express"]
    address: Address
    notes: dict[
        Annotated[str, Field(min_length=1, max_length=20)],
        Annotated[str, Field(max_length=200)],
    ]
    coupon: Optional[Annotated[str, Field(max_length=200)]] = None


app = FastAPI(title="validate example server", version="0.1.0")


@app.post("/signup")
def signup(req: SignupRequest) -> SignupResponse:
    return SignupResponse(user_name=req.user_name, email=req.email)


@app.get("/search")
def search(query: Annotated[SearchQuery, Query()]) -> SearchQuery:
    return query


@app.post("/orders")
def orders(req: OrderRequest) -> OrderRequest:
    return req


def write(name: str, value: dict) -> None:
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    (OUT / "pydantic").mkdir(exist_ok=True)
    for file, model in [
        ("signup.json", SignupRequest),
        ("address.json", Address),
        ("search.json", SearchQuery),
        ("order.json", OrderRequest),
        ("order_item.json", OrderItem),
    ]:
        write(f"pydantic/{file}", model.model_json_schema())
    write("fastapi_openapi.json", app.openapi())
    write(
        "versions.json",
        {"pydantic": pydantic.VERSION, "fastapi": fastapi.__version__},
    )
