"""Prints what Pydantic (strict mode, JSON string input) says about each
date, datetime and time string in INPUTS, as the JSON fixture
`pydantic.json` that validate-core/src/rules/dates/pydantic_tests.rs reads.

Run: python3 -m venv /tmp/pyd && /tmp/pyd/bin/pip install 'pydantic==2.14.*'
     /tmp/pyd/bin/python tests/pydantic/measure_dates.py > validate-core/src/rules/dates/pydantic.json
"""

import datetime
import json
from typing import Annotated

import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class D(BaseModel):
    model_config = ConfigDict(strict=True)
    v: datetime.date


class DT(BaseModel):
    model_config = ConfigDict(strict=True)
    v: datetime.datetime


class Bounded(BaseModel):
    """`rules::date_range(v, date(2000, 1, 1)..date(2030, 1, 1))`."""
    model_config = ConfigDict(strict=True)
    v: Annotated[datetime.date, Field(ge=datetime.date(2000, 1, 1), lt=datetime.date(2030, 1, 1))]


class T(BaseModel):
    model_config = ConfigDict(strict=True)
    v: datetime.time


INPUTS = [
    # dates
    "2024-01-31", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10",
    "2024-01-00", "2024-01-32", "2024-04-31", "0000-01-01", "9999-12-31",
    "2024-1-01", "2024-01-1", "24-01-01", "20240131", "2024/01/31",
    "2024-01-31 ", " 2024-01-31", "2024-01-31x", "2024-01-31T00:00:00",
    "2024-01-31T00:00:00Z", "2024-01-31T12:00:00", "", "x", "2024", "2024-",
    "2024-01", "2024-01-", "+2024-01-31", "-2024-01-31", "２０２４-01-31",
    "1700000000", "0", "now", "today", "2024-W05-3", "2024-031",
    # datetimes
    "2024-01-31T12:34:56", "2024-01-31T12:34:56Z", "2024-01-31T12:34:56z",
    "2024-01-31t12:34:56Z", "2024-01-31 12:34:56", "2024-01-31_12:34:56",
    "2024-01-31T12:34:56.123456Z", "2024-01-31T12:34:56.1234567Z",
    "2024-01-31T12:34:56.123456789123Z", "2024-01-31T12:34:56,5Z",
    "2024-01-31T12:34:56+01:00", "2024-01-31T12:34:56-23:59",
    "2024-01-31T12:34:56+24:00", "2024-01-31T12:34:56+0100",
    "2024-01-31T12:34:56+01", "2024-01-31T12:34:56+1", "2024-01-31T12:34Z",
    "2024-01-31T12:34", "2024-01-31T12", "2024-01-31T12Z", "2024-01-31T",
    "2024-01-31T24:00:00", "2024-01-31T23:59:60", "2024-01-31T23:60:00",
    "2024-01-31T23:59:59.", "2024-01-31T25:00:00Z", "2024-02-30T00:00:00",
    "2024-01-31T12:34:56Zx", "2024-01-31T12:34:56 Z", "2024-01-31T12:34:56+01:60",
    "1700000000.5", "2024-01-31T12:34:56.Z", "2024-01-31T1:34:56",
    "2024-01-31T12:34:56+01:00:00", "2024-01-31T12:34:56-00:00",
    # times
    "12:34:56", "12:34", "12", "1234", "12:34:56.123456", "12:34:56.1234567",
    "12:34:56Z", "12:34:56+01:00", "24:00:00", "23:59:60", "23:60", "25:00",
    "12:34:56.", "12:3", "1:34", "12:34:56 ", "T12:34:56", "12:34:5",
    "00:00", "23:59:59.999999", "12:34:56-08:00", "12:34:56+1", "12:34:56+01",
    "12345", "86399", "86400", "3600.5", "12:34:56−01:00",
    # years and timestamps at the edges
    "0000-01-01T00:00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59",
    "2024-01-31T12:34:56−01:00", "2024-01-31T12:34:56−", "-62167219200",
    "-62135596800", "-62135596801", "253402300799", "253402300800",
    "20000000000", "20000000001", "86400", "86400000", "-86400", "1.5", "-1.5",
    "+1.5", "1.", ".5", "1.5e3", "1e3", "1_000", "1700000000.1234567",
    "99999999999999999999", "9223372036854775807", "-9223372036854775808",
    "1700000000000.5", "-0", "+0", "00", "0.0", "1 ", "١٢٣",
    # bounds (date_2000_to_2030)
    "1999-12-31", "2000-01-01", "2029-12-31", "2030-01-01", "946684800",
    "946598400", "1893456000", "1893456000000",
]


def measure(model, s):
    try:
        model.model_validate_json(json.dumps({"v": s}))
        return {"valid": True}
    except ValidationError as e:
        (err,) = e.errors(include_url=False, include_input=False)
        out = {"valid": False, "type": err["type"], "msg": err["msg"]}
        if "ctx" in err:
            out["ctx"] = {k: str(v) for k, v in err["ctx"].items()}
        return out


def main():
    rows = []
    for s in INPUTS:
        rows.append({
            "input": s,
            "date": measure(D, s),
            "datetime": measure(DT, s),
            "time": measure(T, s),
            "date_2000_to_2030": measure(Bounded, s),
        })
    print(json.dumps({"pydantic": pydantic.VERSION, "mode": "strict, JSON string", "rows": rows},
                     ensure_ascii=False, indent=1))


main()
