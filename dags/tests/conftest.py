"""Puts the stand-in `airflow` package (airflow_stub/) and the DAG folder first on sys.path."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DAGS = TESTS.parent
sys.path.insert(0, str(TESTS / "airflow_stub"))


@pytest.fixture
def load_dag():
    """Executes dags/<name>.py afresh (as the scheduler parses it) and returns the module."""

    def load(name: str = "vpr_monthly"):
        spec = importlib.util.spec_from_file_location(name, DAGS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
