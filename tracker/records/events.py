"""What happens in the workspace, told to whoever listens: blinker signals the services send
inside their transaction (the receivers add to it; the sender commits).

The features that react (notifications now; follows and alerts later) connect to them, so
the feature where a change happens never imports the features that react to it.
"""

from blinker import Namespace

events = Namespace()

# Sender: the Action. Keywords: kind (a NotificationKind), actor (User), recipients (user
# ids), to_status (an ActionStatus, for moves).
action_changed = events.signal("action-changed")

# Sender: the record (an ArchivableMixin). Keywords: actor (User or None). Sent once the
# record and what hangs on it are archived (or restored), before the commit: the drafts
# re-align around an archived or restored draft.
record_archived = events.signal("record-archived")
record_restored = events.signal("record-restored")
