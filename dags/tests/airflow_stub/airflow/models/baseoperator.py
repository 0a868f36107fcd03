"""BaseOperator: records its arguments, takes default_args from its DAG, and keeps >> / << edges."""
from __future__ import annotations

from airflow.models.dag import DAG

# BaseOperator arguments a DAG file may pass or put in default_args, with Airflow's defaults.
_BASE_DEFAULTS = {
    "owner": "airflow", "retries": 0, "retry_delay": None, "retry_exponential_backoff": False,
    "max_retry_delay": None, "depends_on_past": False, "wait_for_downstream": False,
    "email": None, "email_on_failure": True, "email_on_retry": True, "execution_timeout": None,
    "trigger_rule": "all_success", "pool": None, "queue": None, "priority_weight": 1,
    "doc_md": None, "params": None, "on_failure_callback": None, "on_retry_callback": None,
    "on_success_callback": None,
}


class BaseOperator:
    template_fields: tuple[str, ...] = ()

    def __init__(self, *, task_id: str, dag: DAG | None = None, **kwargs):
        unknown = set(kwargs) - set(_BASE_DEFAULTS)
        if unknown:
            raise TypeError(f"{type(self).__name__} {task_id!r} got unexpected arguments {sorted(unknown)}")
        self.dag = dag or DAG.current()
        if self.dag is None:
            raise RuntimeError(f"task {task_id!r} was created outside a DAG")
        self.task_id = task_id
        # As in Airflow: an argument given to the operator wins over default_args, which win over the default.
        for name, default in _BASE_DEFAULTS.items():
            setattr(self, name, kwargs.get(name, self.dag.default_args.get(name, default)))
        self.upstream_task_ids: set[str] = set()
        self.downstream_task_ids: set[str] = set()
        self.dag.add_task(self)

    def set_downstream(self, others) -> None:
        for other in others if isinstance(others, (list, tuple)) else [others]:
            self.downstream_task_ids.add(other.task_id)
            other.upstream_task_ids.add(self.task_id)

    def set_upstream(self, others) -> None:
        for other in others if isinstance(others, (list, tuple)) else [others]:
            other.set_downstream(self)

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        self.set_upstream(other)
        return other

    def __rrshift__(self, other):
        self.set_upstream(other)
        return self

    def __rlshift__(self, other):
        self.set_downstream(other)
        return self
