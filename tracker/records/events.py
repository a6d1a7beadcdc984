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
