"""The monthly DAG as Airflow would load it, against the stand-in airflow package (conftest.py).

Checked here: the DAG's schedule and run policy, its parameter, the task graph, each task's
spark-submit arguments, and the job command lines after Jinja rendering. With VPR_DAG_ARGS_OUT set,
the rendered command lines are written there as JSON; AirflowDagTest (mvn test) gives each to the
real command line parser with --dry-run.
"""
from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

REPO = Path(__file__).resolve().parents[2]
JOBS_IN_ORDER = ["ingest", "indicators", "detect", "publish"]


def test_schedule_and_run_policy(load_dag):
    dag = load_dag().dag
    assert dag.dag_id == "vpr_monthly"
    assert dag.schedule == "@monthly"
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.start_date.tzinfo is not None
    assert dag.default_args["retries"] >= 1
    assert dag.default_args["retry_delay"] >= timedelta(minutes=1)
    for task in dag.tasks:
        assert task.retries == dag.default_args["retries"]
        assert task.retry_delay == dag.default_args["retry_delay"]


def test_year_parameter_takes_what_the_command_line_takes(load_dag):
    year = load_dag().dag.params["year"]
    assert year.resolve() == "all"
    assert year.resolve("2025") == "2025"
    for bad in ["25", "20255", "2025 ", "", "last", 2025]:
        with pytest.raises(ValueError):
            year.resolve(bad)


def test_tasks_are_the_jobs_in_a_chain(load_dag):
    module = load_dag()
    dag = module.dag
    assert module.JOBS == JOBS_IN_ORDER
    assert dag.task_ids == JOBS_IN_ORDER
    tasks = dag.task_dict
    for before, after in zip(JOBS_IN_ORDER, JOBS_IN_ORDER[1:]):
        assert tasks[before].downstream_task_ids == {after}
        assert tasks[after].upstream_task_ids == {before}
    assert tasks[JOBS_IN_ORDER[0]].upstream_task_ids == set()
    assert tasks[JOBS_IN_ORDER[-1]].downstream_task_ids == set()


def test_every_task_submits_the_jobs_jar(load_dag):
    module = load_dag()
    for task in module.dag.tasks:
        assert isinstance(task, SparkSubmitOperator)
        assert task.java_class == "ru.vpr.cli.VprMain"
        assert task.application == module.JAR
        assert task.conn_id == "spark_default"
        assert task.name == f"vpr-{task.task_id}"
        assert task.conf["spark.sql.extensions"] == "io.delta.sql.DeltaSparkSessionExtension"
        assert task.conf["spark.sql.catalog.spark_catalog"] == "org.apache.spark.sql.delta.catalog.DeltaCatalog"


def test_spark_connection_comes_from_the_environment(load_dag, monkeypatch):
    monkeypatch.setenv("VPR_SPARK_CONN_ID", "spark_yarn")
    assert {t.conn_id for t in load_dag().dag.tasks} == {"spark_yarn"}


def test_templates_are_only_in_templated_fields(load_dag):
    for task in load_dag().dag.tasks:
        for name, value in task.submit_args.items():
            if "{{" in json.dumps(value, default=str):
                assert name in task.template_fields, f"{task.task_id}.{name} is never rendered"


class Variables:
    """`var.value` of Airflow's template context: get(name, default) reads an Airflow Variable."""

    def __init__(self, values: dict[str, str]):
        self.values = values

    def get(self, name, default=None):
        return self.values.get(name, default)


def render(task, year, variables):
    """The task's templated fields as Airflow renders them (StrictUndefined, Airflow's default)."""
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    # Only what the DAG uses: a template that needs more fails here until it is added.
    context = {"params": {"year": task.dag.params["year"].resolve(year)}, "var": {"value": Variables(variables)}}

    def walk(value):
        if isinstance(value, str):
            return env.from_string(value).render(context)
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return {name: walk(getattr(task, name)) for name in task.template_fields}


def test_defaults_render_to_the_documented_paths(load_dag):
    for task in load_dag().dag.tasks:
        rendered = render(task, None, {})
        assert rendered["application"] == "/opt/vpr/vpr-jobs.jar"
        assert rendered["application_args"] == [task.task_id, "--conf", "/opt/vpr/conf/cluster.conf", "--year", "all"]


# Variables as a deployment would set them, pointing at this repository's configuration files so
# that the command line can load them; one scenario per conf file the README names for a cluster.
SCENARIOS = [
    ("cluster, one year", "2025", {"vpr_jobs_jar": "hdfs:///vpr/jars/vpr-jobs.jar", "vpr_conf_file": str(REPO / "conf" / "cluster.conf")}),
    ("s3, every year", None, {"vpr_conf_file": str(REPO / "conf" / "s3.conf")}),
]


def test_rendered_job_command_lines(load_dag):
    records = []
    for scenario, year, variables in SCENARIOS:
        for task in load_dag().dag.tasks:
            rendered = render(task, year, variables)
            assert rendered["application"] == variables.get("vpr_jobs_jar", "/opt/vpr/vpr-jobs.jar")
            args = rendered["application_args"]
            assert args == [task.task_id, "--conf", variables["vpr_conf_file"], "--year", year or "all"]
            records.append({"scenario": scenario, "task_id": task.task_id, "application": rendered["application"],
                            "java_class": task.java_class, "conf": rendered["conf"], "args": args})
    out = os.environ.get("VPR_DAG_ARGS_OUT")
    if out:
        Path(out).write_text(json.dumps(records, indent=2), encoding="utf-8")


def test_the_stand_in_refuses_what_airflow_refuses():
    from airflow import DAG

    with pytest.raises(TypeError):
        DAG("x", schedule_intervall="@monthly")
    with DAG("x"):
        with pytest.raises(TypeError):
            SparkSubmitOperator(task_id="t", java_clas="ru.vpr.cli.VprMain")
        SparkSubmitOperator(task_id="u")
        with pytest.raises(ValueError):
            SparkSubmitOperator(task_id="u")
