"""Hostile model files: the example model with values an attacker would try, as file bytes.

Shared by the bounded fuzz test (tests/cli/test_fuzz.py, driven by hypothesis) and the full run
(bench/fuzz_models.py, driven by a seeded random.Random), so both try the same things.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import random
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLE = json.loads((FIXTURES / "example-model.json").read_text(encoding="utf-8"))

#: Numbers as text (a JSON string), each refused or read exactly.
NUMBER_TEXTS = [
    "1e30",
    "1E+5",
    "-1e30",
    "1e-999999999",
    "1e999999999",
    "1e+308",
    "NaN",
    "nan",
    "sNaN",
    "Infinity",
    "-Infinity",
    "99999999999999999999999999",
    "1000000000.01",
    "0.000000000000001",
    "-0",
    "-1",
    "0",
    "1,000",
    " 12 ",
    "",
    "0x10",
    "1_000",
    "١٢٣",
    "1" * 5000,
    "0." + "0" * 4000 + "1",
]
#: JSON number literals written straight into the file (json.dumps would not write them).
RAW_LITERALS = [
    "1e30",
    "1E+5",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999999999",
    "1e-999999999",
    "1" * 5000,
    "-0.0e-0",
    "12.5",
    "0",
]
#: Values of the wrong type.
WRONG_TYPES: list[Any] = [None, True, False, [], {}, [1, 2], {"a": "1"}, 0, -1, 10**400, "x"]
#: Text: long, unicode, invisible and invalid.
TEXTS = [
    "x" * 201,
    "x" * 2_001,
    "ŵ" * 100_000,
    "Cymdeithas Gŵyl Tŷ",
    "Łódź",
    "中文服务",
    "مرحبا",
    "😀" * 50,
    "\u0000",
    "a\ud800b",
    "\u202eevil",
    "\t\n\r",
    "<b>bold</b> & <script>",
    "overhead:management",
    "pool:x",
]
DEPTHS = [10, 63, 65, 200, 5_000]


def hostile_model(rng: random.Random) -> bytes:
    """The bytes of one hostile model file (mostly the example with a few values changed)."""
    roll = rng.random()
    if roll < 0.06:
        return _hostile_bytes(rng)
    data = json.loads(json.dumps(EXAMPLE))
    raws: list[str] = []
    for _ in range(rng.randint(1, 3)):
        _mutate(data, rng, raws)
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5 or _has_surrogate(data))
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(_placeholder(index)), raw, 1)
    return text.encode("utf-8", "surrogatepass")


def _placeholder(index: int) -> str:
    return f"__raw_{index}__"


def _has_surrogate(data: Any) -> bool:
    return "\\ud8" in json.dumps(data)


def _paths(data: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _mutate(data: dict, rng: random.Random, raws: list[str]) -> None:
    path = rng.choice(_paths(data)[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    key = path[-1]
    action = rng.random()
    if action < 0.05 and isinstance(parent, dict):
        del parent[key]
        return
    if action < 0.08 and isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[key])))  # a duplicate item
        return
    if action < 0.1 and isinstance(parent, dict):
        parent[rng.choice(TEXTS[:8])] = rng.choice(NUMBER_TEXTS)  # an unknown key
        return
    parent[key] = _hostile_value(rng, raws)


def _hostile_value(rng: random.Random, raws: list[str]) -> Any:
    kind = rng.random()
    if kind < 0.4:
        return rng.choice(NUMBER_TEXTS)
    if kind < 0.6:
        raws.append(rng.choice(RAW_LITERALS))
        return _placeholder(len(raws) - 1)
    if kind < 0.75:
        return rng.choice(WRONG_TYPES)
    if kind < 0.93:
        return rng.choice(TEXTS)
    depth = rng.choice(DEPTHS)
    raws.append("[" * depth + "]" * depth)
    return _placeholder(len(raws) - 1)


def _hostile_bytes(rng: random.Random) -> bytes:
    text = json.dumps(EXAMPLE, ensure_ascii=False).replace("Example", "£ Gŵyl")
    choice = rng.randrange(8)
    if choice == 0:
        return codecs.BOM_UTF8 + text.encode("utf-8")  # Notepad's UTF-8: accepted
    if choice == 1:
        return text.encode("utf-16")
    if choice == 2:
        return text.encode("latin-1", "replace")
    if choice == 3:
        return text.encode("utf-8")[: rng.randrange(len(text))]  # cut short
    if choice == 4:
        return rng.randbytes(rng.randrange(1, 2_000))
    if choice == 5:
        depth = rng.choice(DEPTHS)
        return ("[" * depth + "]" * depth).encode()
    if choice == 6:
        return b""
    return json.dumps(rng.choice([None, [], "text", 12, {"services": {}}])).encode()


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """`costready ARGV` in this process: (exit status, stdout, stderr). An exception escaping
    main() is not caught here: the caller counts it as a traceback."""
    import io

    from costready.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def snapshot(database: str) -> dict[str, int]:
    """Rows in every table of a SQLite workspace (a fresh one has none): what an import may add
    to. Read with sqlite3, so it costs the same however many imports went before."""
    import sqlite3

    path = database.removeprefix("sqlite:///")
    if not Path(path).exists():
        return {}
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }


def scenario_count(state: dict[str, int]) -> int:
    return state.get("scenario", 0)
