# Certificates the impact academy issues are written to a fresh directory.
from tests.certificates.conftest import certificate_files  # noqa: F401
