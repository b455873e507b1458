"""A throw-away PostgreSQL cluster for tests: initdb in a temp folder, a server listening only on
a Unix socket there, removed afterwards. Needs Debian's ``postgresql`` package (``.ci/run`` and
``make test`` install it); where its binaries are absent the PostgreSQL tests skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


def find_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class Cluster:
    def __init__(self):
        self.initdb, self.pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        self.dir = Path(tempfile.mkdtemp(prefix="hearsay-pg-"))
        self.data, self.sock = self.dir / "data", self.dir
        self.user = None
        if os.geteuid() == 0:   # PostgreSQL refuses to run as root: run it as the package's user
            self.user = "postgres"
            shutil.chown(self.dir, user=self.user)
            os.chmod(self.dir, 0o755)

    def _run(self, *cmd: str) -> None:
        if self.user:
            cmd = ("runuser", "-u", self.user, "--", *cmd)
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(self.initdb, "-D", str(self.data), "-A", "trust", "-U", "hearsay", "--no-sync", "-E", "UTF8")
        opts = f"-k {self.sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://hearsay@/{database}?host={self.sock}"

    def new_database(self) -> str:
        """A fresh, empty database on the cluster; its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=str(self.sock), user="hearsay", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
