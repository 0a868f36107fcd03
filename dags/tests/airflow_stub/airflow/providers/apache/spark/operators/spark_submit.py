"""SparkSubmitOperator (apache-airflow-providers-apache-spark 4.x): its arguments, recorded."""
from __future__ import annotations

from airflow.models.baseoperator import BaseOperator

# The operator's own arguments and defaults (provider 4.x), beside BaseOperator's.
_DEFAULTS = {
    "application": "", "conf": None, "conn_id": "spark_default", "files": None, "py_files": None,
    "archives": None, "driver_class_path": None, "jars": None, "java_class": None, "packages": None,
    "exclude_packages": None, "repositories": None, "total_executor_cores": None, "executor_cores": None,
    "executor_memory": None, "driver_memory": None, "keytab": None, "principal": None, "proxy_user": None,
    "name": "arrow-spark", "num_executors": None, "status_poll_interval": 1, "application_args": None,
    "env_vars": None, "verbose": False, "spark_binary": None, "properties_file": None, "yarn_queue": None,
    "deploy_mode": None, "use_krb5ccache": False,
}


class SparkSubmitOperator(BaseOperator):
    # Jinja renders these fields, and only these, before the task runs.
    template_fields = (
        "application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
        "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
        "env_vars", "properties_file",
    )

    def __init__(self, **kwargs):
        own = {k: kwargs.pop(k) for k in list(kwargs) if k in _DEFAULTS}
        super().__init__(**kwargs)
        self.submit_args = {**_DEFAULTS, **own}
        for name, value in self.submit_args.items():
            setattr(self, name, value)
