"""Param: a DAG parameter's default and the part of its JSON schema the DAG uses (type, pattern, enum)."""
from __future__ import annotations

import re

_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "null": type(None)}


class Param:
    def __init__(self, default=None, description: str | None = None, **schema):
        self.value = default
        self.description = description
        self.schema = schema

    def resolve(self, value=None):
        """The value a run gets (the default unless one is given), checked as Airflow checks it."""
        value = self.value if value is None else value
        types = self.schema.get("type")
        if types is not None:
            names = types if isinstance(types, list) else [types]
            if not any(isinstance(value, _TYPES[n]) for n in names):
                raise ValueError(f"{value!r} is not of type {types}")
        if "pattern" in self.schema and isinstance(value, str) and not re.search(self.schema["pattern"], value):
            raise ValueError(f"{value!r} does not match {self.schema['pattern']!r}")
        if "enum" in self.schema and value not in self.schema["enum"]:
            raise ValueError(f"{value!r} is not one of {self.schema['enum']}")
        return value
