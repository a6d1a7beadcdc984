"""The 193 UN member states (short English names, alphabetical) and the UN agencies and
offices most relevant to the Global Compact for Migration, as the workspace lists them
(the data lives with the text engine, which redacts these names)."""

from tracker.text.redaction import member_states, un_agencies

UN_MEMBER_STATES = tuple(name for _iso, name in member_states())
UN_AGENCIES = un_agencies()
