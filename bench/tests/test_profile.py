"""Tests of bench/profile on a small hand-written event log with known answers."""
import importlib.machinery
import importlib.util
import io
import json
import pathlib

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "profile"


def load_profile():
    loader = importlib.machinery.SourceFileLoader("bench_profile", str(SCRIPT))
    spec = importlib.util.spec_from_loader("bench_profile", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


profile = load_profile()


def stage(stage_id, name, start, end, tasks, run_ms, spill=0):
    return {"Event": "SparkListenerStageCompleted", "Stage Info": {
        "Stage ID": stage_id, "Stage Attempt ID": 0, "Stage Name": name, "Number of Tasks": tasks,
        "Submission Time": start, "Completion Time": end, "Accumulables": [
            {"ID": 1, "Name": "internal.metrics.executorRunTime", "Value": run_ms},
            {"ID": 2, "Name": "internal.metrics.diskBytesSpilled", "Value": spill},
            {"ID": 3, "Name": "internal.metrics.shuffle.write.bytesWritten", "Value": 2048}]}}


def task(stage_id, launch, finish):
    return {"Event": "SparkListenerTaskEnd", "Stage ID": stage_id, "Stage Attempt ID": 0,
            "Task Info": {"Launch Time": launch, "Finish Time": finish}}


# 10 s of application: job 0 from 1 s to 3 s, nothing until job 1 from 8 s to 9 s.
EVENTS = [
    {"Event": "SparkListenerApplicationStart", "App Name": "VPR ingest", "Timestamp": 0},
    {"Event": "SparkListenerJobStart", "Job ID": 0, "Submission Time": 1000,
     "Properties": {"callSite.short": "count at IngestJob.java:112", "spark.job.description": "VPR ingest"}},
    {"Event": "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart", "executionId": 0,
     "description": "count at IngestJob.java:112", "time": 900},
    task(0, 1000, 1500), task(0, 1000, 1600), task(0, 1000, 3000),
    stage(0, "count at IngestJob.java:112", 1000, 3000, 3, 3100, spill=1024 * 1024),
    {"Event": "SparkListenerJobEnd", "Job ID": 0, "Completion Time": 3000},
    {"Event": "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd", "executionId": 0, "time": 3100},
    {"Event": "SparkListenerJobStart", "Job ID": 1, "Submission Time": 8000,
     "Properties": {"callSite.short": "execute at DeltaWrites.java:41"}},
    task(1, 8000, 9000),
    stage(1, "execute at DeltaWrites.java:41", 8000, 9000, 1, 1000),
    {"Event": "SparkListenerJobEnd", "Job ID": 1, "Completion Time": 9000},
    {"Event": "SparkListenerApplicationEnd", "Timestamp": 10000},
]


def summary(tmp_path, events, top=5):
    log = tmp_path / "app.events"
    log.write_text("\n".join(json.dumps(e) for e in events) + "\n", encoding="utf-8")
    p = profile.Profile()
    for event in profile.read_events(str(log)):
        p.add(event)
    out = io.StringIO()
    profile.report(p, top, out)
    return out.getvalue()


def test_splits_the_wall_time_into_spark_jobs_and_driver_only_time(tmp_path):
    text = summary(tmp_path, EVENTS)
    assert "10.0 s wall, 2 Spark jobs, 2 stages, 4 tasks" in text
    assert "a Spark job running: 3.0 s (30%); driver only: 7.0 s; inside SQL executions: 2.2 s" in text
    assert "task time over all stages: 4.1 s; spilled to disk: 1.0 MiB" in text


def test_names_the_longest_gap_by_the_jobs_around_it(tmp_path):
    text = summary(tmp_path, EVENTS)
    gaps = text.split("longest driver-only gaps")[1].splitlines()[1:]
    assert gaps[0].split() [:5] == ["5.0", "s", "at", "+3.0", "s:"]
    assert "after 'count at IngestJob.java:112', before 'execute at DeltaWrites.java:41'" in gaps[0]
    assert "1.0 s at +0.0 s: after '(start)'" in text


def test_reports_skew_as_longest_over_median_task(tmp_path):
    text = summary(tmp_path, EVENTS)
    line = next(l for l in text.splitlines() if l.endswith("0: count at IngestJob.java:112"))
    # tasks of 0.5, 0.6 and 2.0 s: 2.0 / 0.6
    assert line.split()[:4] == ["2.0", "3", "3.1", "3.3"]


def test_a_log_without_an_end_is_timed_to_its_last_event(tmp_path):
    text = summary(tmp_path, EVENTS[:-1])
    assert "9.0 s wall" in text


def test_a_compressed_log_is_refused_with_a_reason(tmp_path):
    log = tmp_path / "app.zstd"
    log.write_bytes(b"\x28\xb5\x2f\xfd binary")
    with pytest.raises(SystemExit, match="compressed"):
        list(profile.read_events(str(log)))


def test_union_and_gaps():
    assert profile.union_length([(0, 10), (5, 15), (20, 30)]) == 25
    assert profile.gaps([(2, 4), (6, 7)], 0, 10) == [(7, 10), (0, 2), (4, 6)]
