"""Turns a libpq URI (postgresql://user:pass@host:port/db?opts) into the app's JDBC URL, user and password,
one per line, for SPRING_DATASOURCE_URL/USERNAME/PASSWORD."""
import sys
from urllib.parse import unquote, urlsplit

url = urlsplit(sys.argv[1])
if url.scheme not in ("postgresql", "postgres"):
    sys.exit("DB_URL must look like postgresql://user:password@host:5432/dbname")
host = url.hostname or "localhost"
if ":" in host:
    host = f"[{host}]"
port = url.port or 5432
db = url.path.lstrip("/") or (url.username or "postgres")
jdbc = f"jdbc:postgresql://{host}:{port}/{db}" + (f"?{url.query}" if url.query else "")
print(jdbc)
print(unquote(url.username or "postgres"))
print(unquote(url.password or ""))
