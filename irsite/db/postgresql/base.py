"""Django's PostgreSQL backend with a health check that costs no round trip.

With CONN_HEALTH_CHECKS, Django makes sure a persistent connection still works before a
request first uses it, by running `SELECT 1`: a round trip to the server on every request,
a third of the statements of most public pages. A connection the server has closed, or is
about to close (a restart, a failover, `pg_terminate_backend`, an idle timeout), has the
server's farewell or the end of the stream waiting on its socket, where an idle connection
in good health has nothing to read. So the socket is asked first, with a system call; only
when something is waiting, or the connection is not idle, does `SELECT 1` decide.
"""

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        if connection.info.transaction_status == TransactionStatus.IDLE and not has_input(connection.fileno()):
            return True
        return super().is_usable()


def has_input(fd: int) -> bool:
    """Whether the socket `fd` has data, an end of stream or an error waiting."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))
