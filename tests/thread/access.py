"""Routes of the thread: the dashboard, the ACTs and each ACT's page and brief, a session's
page, a key message's page, the matrix."""

from tests.access import CIVIL_SOCIETY, HIDDEN_FROM_OBSERVERS, Route

# Who to lobby is civil society's own strategy.
LOBBY = {"allowed": CIVIL_SOCIETY}

ROUTES = [
    Route("thread.root", lambda w: "/", public=True),
    Route("thread.dashboard", lambda w: "/dashboard"),
    Route("thread.acts", lambda w: "/acts"),
    Route("thread.act", lambda w: f"/acts/{w.act.number}"),
    Route("thread.act_sessions", lambda w: f"/acts/{w.act.number}/sessions"),
    Route("thread.session", lambda w: f"/sessions/{w.group_session.id}"),
    Route("thread.brief", lambda w: f"/acts/{w.act.number}/brief"),
    Route("thread.brief_markdown", lambda w: f"/acts/{w.act.number}/brief.md"),
    Route("thread.matrix", lambda w: "/drafts/matrix"),
    Route("thread.matrix", lambda w: f"/drafts/matrix?act={w.act.number}"),
    Route(
        "thread.message",
        lambda w: f"/messages/{w.key_message.id}",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("thread.message", lambda w: f"/messages/{w.shared_key_message.id}"),
    Route("thread.governments", lambda w: "/governments"),
    Route("thread.government", lambda w: f"/governments/{w.government.id}"),
    Route("thread.government", lambda w: f"/governments/{w.group.id}"),
    Route("thread.lobby", lambda w: f"/acts/{w.act.number}/lobby", **LOBBY),
    Route(
        "thread.lobby", lambda w: f"/acts/{w.act.number}/lobby?message={w.key_message.id}", **LOBBY
    ),
    Route("thread.lobby_csv", lambda w: f"/acts/{w.act.number}/lobby.csv", **LOBBY),
    Route("thread.lobby_markdown", lambda w: f"/acts/{w.act.number}/lobby.md", **LOBBY),
]
