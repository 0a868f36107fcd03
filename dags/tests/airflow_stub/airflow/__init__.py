"""A stand-in for the few parts of Apache Airflow 2.x that dags/vpr_monthly.py imports; NOT Airflow.

Airflow cannot be installed where these tests run, so this package records what the DAG file
declares (the DAG, its tasks with their arguments, the dependencies, the params) for the tests to
check. It refuses arguments the real classes do not take, so a misspelt one fails here as it would
in Airflow; it runs nothing and renders no templates.
"""
from airflow.models.dag import DAG

__all__ = ["DAG"]
