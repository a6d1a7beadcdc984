"""What happens in the workspace, told to whoever listens: blinker signals the services send
inside their transaction (the receivers add to it; the sender commits).

The features that react (notifications, follows, alerts) connect to them, so
the feature where a change happens never imports the features that react to it.
"""

from blinker import Namespace

events = Namespace()

# Sender: the Action. Keywords: kind (a NotificationKind), actor (User), recipients (user
# ids), to_status (an ActionStatus, for moves).
action_changed = events.signal("action-changed")

# Sender: the new Action. Keywords: actor (User). Sent once it has an id.
action_created = events.signal("action-created")

# Sender: the Report. Keywords: step ("submit", "return", "accept", "recall", "reopen"),
# actor (User), comment (the reviewer's or rapporteur's words, "" when none).
report_changed = events.signal("report-changed")

# Sender: the new Draft, its paragraphs aligned and its reflections carried forward (flushed).
# Keywords: actor (User or None).
draft_added = events.signal("draft-added")

# Sender: the Draft. Keywords: alerts (the Alerts stored for it, flushed), actor (User or
# None). Sent after `draft_added`'s receivers compared each carried ask.
alerts_raised = events.signal("alerts-raised")

# Sender: a government's position, recorded for a negotiation round. Keywords: actor (User),
# act_id (int), key_message_id (int or None), summary (a short line naming the government,
# the paragraph and the position, shown as given). Followers of the ACT and of the key
# message are told.
position_recorded = events.signal("position-recorded")

# Sender: the record (an ArchivableMixin). Keywords: actor (User or None). Sent once the
# record and what hangs on it are archived (or restored), before the commit: the drafts
# re-align around an archived or restored draft.
record_archived = events.signal("record-archived")
record_restored = events.signal("record-restored")
