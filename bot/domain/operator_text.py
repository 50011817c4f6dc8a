"""Every sentence the `rapport` command says to the operator, reviewed in one place."""

from __future__ import annotations

# Database problems at start: one line each, with the fix.
DB_REFUSED = (
    "cannot connect to PostgreSQL at {where}: connection refused. Is the server running there, "
    "and are the host and port in DATABASE_URL right?"
)
DB_UNKNOWN_HOST = "cannot find the database host {host!r}: check the host name in DATABASE_URL."
DB_MISSING = (
    "the database {name!r} does not exist on {where}: create it (createdb {name}) or fix "
    "the database name in DATABASE_URL."
)
DB_AUTH = "PostgreSQL at {where} refused the login: check the user and password in DATABASE_URL."
DB_UNREACHABLE = "cannot use the database at {where}: {reason}. Check DATABASE_URL."
SQLITE_NO_DIRECTORY = (
    "cannot open the SQLite database {path}: the directory {directory} does not exist. "
    "Create it, or point DATABASE_URL elsewhere."
)
SQLITE_READ_ONLY = (
    "cannot write the SQLite database {path}: {directory} is not writable by this user. "
    "Fix its permissions, or point DATABASE_URL at a writable place."
)
SQLITE_CANNOT_OPEN = "cannot open the SQLite database {path}: {reason}. Check DATABASE_URL."
NOT_MIGRATED = (
    "the database at {where} has no Rapport tables yet: run `rapport migrate` first "
    "(with the same DATABASE_URL)."
)
NO_SQLITE_FILE = (
    "there is no database at {path}: run `rapport migrate` first, or set DATABASE_URL "
    "to the database you meant."
)
OLD_SCHEMA = (
    "the database at {where} has an older schema ({current}, newest {head}): run "
    "`rapport migrate` first."
)

# Output paths.
NO_DIRECTORY = "cannot write {path}: the directory {directory} does not exist. Create it first."
NOT_A_DIRECTORY = "{path} is a file; --out takes a directory (created if missing)."
NOT_WRITABLE = (
    "cannot write in {path}: it is not writable by this user ({reason}). Fix its "
    "permissions, or choose a directory this user can write to."
)
CANNOT_CREATE = (
    "cannot create the directory {path}: {directory} is not writable by this user "
    "({reason}). Fix its permissions, or choose a directory this user can write to."
)
CANNOT_WRITE = "cannot write {path}: {reason}."
OUT_EXISTS = "{path} already exists; add --force to replace it, or choose another name."
OUT_IS_A_LINK = "{path} is a symbolic link; Rapport never writes through one. Give the real path."

# Export.
NO_SUCH_ENGAGEMENT = 'there is no engagement called "{name}". The engagements are: {names}.'
NO_ENGAGEMENTS = 'there is no engagement called "{name}": this database has none yet.'

# Simulate.
SIMULATION_EXISTS = (
    'the database at {where} already holds "{name}" in {team}: give another --database '
    "(a new SQLite file is simplest)."
)

# The Slack token, checked with auth.test at start.
TOKEN_OK = "Slack token OK: workspace {team} ({team_id}), bot user {user} ({user_id})."
TOKEN_REFUSED = (
    "Slack refused SLACK_BOT_TOKEN ({error}): copy the Bot User OAuth Token (xoxb-…) again "
    "from your app's OAuth & Permissions page. To start without checking (offline), set "
    "SLACK_CHECK_TOKEN=no."
)
SLACK_UNREACHABLE = (
    "cannot reach Slack at {url} to check SLACK_BOT_TOKEN ({reason}). Check the network and "
    "SLACK_API_URL, or set SLACK_CHECK_TOKEN=no to start without checking."
)
TOKEN_CHECK_SKIPPED = "SLACK_CHECK_TOKEN=no: starting without checking the Slack token."
TWO_MODES = (
    "SLACK_BOT_TOKEN and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are both set: choose one mode. "
    "Single-workspace: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. Distributed (installed in "
    "several workspaces): SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET, "
    "without SLACK_BOT_TOKEN."
)
BAD_SECRET_KEY = (
    "RAPPORT_SECRET_KEY is not a Fernet key (32 url-safe base64-encoded bytes). Make one with "
    "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`."
)
SECRET_KEY_DISTRIBUTED = (
    "RAPPORT_SECRET_KEY is not set: two-workspace mode stores each workspace's Slack tokens "
    "and seals them and every comment with it. Make one with `python -c 'from "
    "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`."
)
SECRET_KEY_POSTGRES = (
    "RAPPORT_SECRET_KEY is not set: with PostgreSQL, comments are sealed with a key the "
    "database does not hold. Make one with `python -c 'from cryptography.fernet import "
    "Fernet; print(Fernet.generate_key().decode())'` and keep it apart from the backups."
)
KEY_FILE_CREATED = (
    "RAPPORT_SECRET_KEY is not set: comments are sealed with a new key in {path} (owner "
    "only). Keep that file apart from the database's backups; without it no comment can "
    "be read."
)
KEY_FILE_USED = "RAPPORT_SECRET_KEY is not set: comments are sealed with the key in {path}."
KEY_FILE_UNUSABLE = (
    "RAPPORT_SECRET_KEY is not set and the key file {path} beside the database cannot be "
    "read or created; set RAPPORT_SECRET_KEY or fix the file."
)
KEY_MISMATCH = (
    "{reason}: RAPPORT_SECRET_KEY is not the key they were sealed with. Set it to that key "
    "(during a rotation: the new key first, then the old ones, comma-separated)."
)
SEALED_PLAINTEXT = "Sealed {comments} and {tokens} stored in clear."
SEALED_COMMENTS = ("{count} comment", "{count} comments")
SEALED_TOKENS = ("{count} Slack token", "{count} Slack tokens")
ROTATE_NEEDS_KEYS = (
    "rotate-key needs RAPPORT_SECRET_KEY with the new key first, then the old ones, "
    "comma-separated (on SQLite the old one is in the key file beside the database)."
)
ROTATED = (
    "Re-sealed {comments} and {tokens} with the first key of "
    "RAPPORT_SECRET_KEY. The other keys may now be removed from it."
)
TOKENS_IN_PLAINTEXT = (
    "RAPPORT_SECRET_KEY is not set: Slack tokens are stored in the database unencrypted. "
    "Set it to a Fernet key to encrypt them."
)
DISTRIBUTED_READY = "Distributed mode: {installations} stored; install at {path}."
DISTRIBUTED_INSTALLATIONS = ("{count} workspace installation", "{count} workspace installations")
SOCKET_MODE_SINGLE = (
    "Socket Mode (rapport run) serves one workspace with SLACK_BOT_TOKEN; with "
    "SLACK_CLIENT_ID/SLACK_CLIENT_SECRET run rapport web (it serves /slack/install) and "
    "rapport clock."
)

# Long-running processes that cannot begin serving.
PORT_IN_USE = (
    "cannot listen on {host}:{port}: the port is already in use (another rapport web, or "
    "another program). Stop that, or choose another port with --port or PORT."
)
CANNOT_LISTEN = (
    "cannot listen on {host}:{port}: {reason}. Check --host or HOST, and --port or PORT."
)
SOCKET_MODE_REFUSED = (
    "Slack refused to open a Socket Mode connection ({error}): check SLACK_APP_TOKEN, an "
    "app-level token (xapp-…) with connections:write, and that Socket Mode is on in the app."
)
SOCKET_MODE_UNREACHABLE = (
    "cannot reach Slack at {url} to open a Socket Mode connection ({reason}): rapport run "
    "needs Slack, even with SLACK_CHECK_TOKEN=no. Check the network and SLACK_API_URL."
)
# Sentiment of comments in other languages (`rapport score`, `rapport export`).
UNSCORED_LANGUAGE = "no sentiment scorer for {name} ({code}): the rating alone counts"
EXPORT_UNSCORED = (
    "sentiment_unscored counts a pulse's answers whose comment is in a language without a "
    "sentiment scorer ({languages} have one): they are stored unscored and their rating alone "
    "counts; empty when fewer than the anonymity minimum."
)
WORKER_WITHOUT_QUEUE = (
    "rapport worker takes its jobs from the queue in PostgreSQL: set JOB_QUEUE=postgres (and a "
    "PostgreSQL DATABASE_URL) for the web, clock and worker processes alike. Without it, the "
    "clock and web send by themselves and no worker is needed."
)
