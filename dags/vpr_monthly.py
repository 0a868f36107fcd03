"""
### VPR monthly pipeline

Runs the VPR Spark jobs in order, one `spark-submit` of `vpr-jobs.jar` each:
`ingest` (new and changed forms from the landing zone), `indicators`, `detect`, `publish`.
Every job is idempotent, so a retry or a re-run of a month leaves the same tables.

Settings (README, section Airflow):

* Airflow Variables `vpr_jobs_jar` (default `/opt/vpr/vpr-jobs.jar`) and `vpr_conf_file` (default
  `/opt/vpr/conf/cluster.conf`), read when a task runs; `AIRFLOW_VAR_VPR_JOBS_JAR` and
  `AIRFLOW_VAR_VPR_CONF_FILE` in the environment set them too;
* the Spark connection: `spark_default`, or the one named by `VPR_SPARK_CONN_ID` in the
  scheduler's environment;
* parameter `year`: `all` (default) recomputes every year, `YYYY` only that one (trigger with config).
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.models.param import Param
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# The jobs in the order they run, each `vpr <job>` under spark-submit and each after the one before.
# Adding a job is one more name at the end of this list.
JOBS = ["ingest", "indicators", "detect", "publish"]

MAIN_CLASS = "ru.vpr.cli.VprMain"


def variable(name: str, default: str) -> str:
    """An Airflow Variable read when the task runs: a Variable.get here would hit the database at every parse."""
    return "{{ var.value.get('%s', '%s') }}" % (name, default)


JAR = variable("vpr_jobs_jar", "/opt/vpr/vpr-jobs.jar")
# Read by the driver: in client mode (the default) a file on the Airflow worker.
CONF_FILE = variable("vpr_conf_file", "/opt/vpr/conf/cluster.conf")
YEAR = "{{ params.year }}"
# Not a templated field of the operator, so it is fixed when the file is parsed.
SPARK_CONN_ID = os.environ.get("VPR_SPARK_CONN_ID", "spark_default")

# Delta's SQL extension and catalog. The jobs set both when spark-submit does not; given here, they
# also win over a cluster's spark-defaults.conf that names another extension or catalog.
SPARK_CONF = {
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
}


def job_args(job: str) -> list[str]:
    """The job's command line, as the README's spark-submit lines give it."""
    return [job, "--conf", CONF_FILE, "--year", YEAR]


with DAG(
    dag_id="vpr_monthly",
    description="VPR results: ingest, indicators, detect, publish (spark-submit of vpr-jobs.jar)",
    schedule="@monthly",
    start_date=datetime(2025, 1, 1, tzinfo=timezone.utc),
    # A run recomputes from everything ingested so far: missed months need no catching up.
    catchup=False,
    # Two runs at once would write the same tables.
    max_active_runs=1,
    default_args={
        "owner": "vpr",
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
    },
    params={
        "year": Param(
            "all",
            type="string",
            pattern="^(all|[0-9]{4})$",
            title="Year",
            description="all: every year in the tables (ingest reads every new or changed form); YYYY: that year only.",
        ),
    },
    tags=["vpr", "spark"],
    doc_md=__doc__,
) as dag:
    previous = None
    for job in JOBS:
        task = SparkSubmitOperator(
            task_id=job,
            application=JAR,
            java_class=MAIN_CLASS,
            conn_id=SPARK_CONN_ID,
            name=f"vpr-{job}",
            conf=SPARK_CONF,
            application_args=job_args(job),
        )
        if previous is not None:
            previous >> task
        previous = task
