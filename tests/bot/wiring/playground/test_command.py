"""`rapport playground`'s own errors: one line, and nothing left behind."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path


def test_a_port_in_use_is_one_line_and_no_folder_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        options = ["--no-browser", "--port", str(port), "--folder", str(folder)]
        result = subprocess.run(
            [sys.executable, "-m", "bot", "playground", *options],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"rapport playground: cannot serve the page on 127.0.0.1:{port}: Address already in use. "
        "Choose another with --port (0: any free port)."
    ]
    assert not folder.exists()
