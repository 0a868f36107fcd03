"""DAG: a context manager that collects the operators created inside it."""
from __future__ import annotations

# Arguments of airflow.models.dag.DAG (2.4 and later) that a DAG file may pass.
_ACCEPTED = {
    "description", "schedule", "start_date", "end_date", "default_args", "params", "catchup",
    "max_active_runs", "max_active_tasks", "dagrun_timeout", "doc_md", "tags", "owner_links",
    "template_searchpath", "template_undefined", "user_defined_macros", "user_defined_filters",
    "render_template_as_native_obj", "is_paused_upon_creation", "on_success_callback",
    "on_failure_callback", "access_control", "jinja_environment_kwargs", "fail_stop",
}


class DAG:
    _current: list[DAG] = []

    def __init__(self, dag_id: str, **kwargs):
        unknown = set(kwargs) - _ACCEPTED
        if unknown:
            raise TypeError(f"DAG got unexpected arguments {sorted(unknown)}")
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.schedule = kwargs.get("schedule")
        self.start_date = kwargs.get("start_date")
        # Airflow's defaults when the file does not say (catchup_by_default = True, 16 runs).
        self.catchup = kwargs.get("catchup", True)
        self.max_active_runs = kwargs.get("max_active_runs", 16)
        self.default_args = dict(kwargs.get("default_args") or {})
        self.params = dict(kwargs.get("params") or {})
        self.tags = list(kwargs.get("tags") or [])
        self.task_dict = {}

    def __enter__(self) -> DAG:
        DAG._current.append(self)
        return self

    def __exit__(self, *exc) -> None:
        DAG._current.pop()

    @classmethod
    def current(cls) -> DAG | None:
        return cls._current[-1] if cls._current else None

    def add_task(self, task) -> None:
        if task.task_id in self.task_dict:
            raise ValueError(f"task id {task.task_id!r} has already been added to the DAG")
        self.task_dict[task.task_id] = task

    @property
    def tasks(self) -> list:
        return list(self.task_dict.values())

    @property
    def task_ids(self) -> list[str]:
        return list(self.task_dict)
