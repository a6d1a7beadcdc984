"""Outgoing mail: written to the outbox table, then delivered by SMTP or to the log."""

import logging
import smtplib
from datetime import datetime
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from tracker.core.extensions import Model, db
from tracker.core.models import real_utcnow, utcnow

log = logging.getLogger(__name__)


class OutboxMessage(Model):
    """Every mail the app sends is written here first; SMTP delivers it when configured."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)


def queue_mail(recipient: str, subject: str, body: str) -> OutboxMessage:
    """Add a message to the outbox; the caller's commit makes it durable."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    db.session.add(message)
    return message


def deliver(message: OutboxMessage) -> None:
    """Send one outbox message now (SMTP when configured, else the log)."""
    config = current_app.config
    message.attempts += 1
    if not config.get("MAIL_SERVER"):
        log.info("mail to %s: %s\n%s", message.recipient, message.subject, message.body)
        message.sent_at = real_utcnow()
        return
    email = EmailMessage()
    email["From"] = config["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email.set_content(message.body)
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(email)
    except (OSError, smtplib.SMTPException):
        log.exception("could not deliver mail %s to %s", message.id, message.recipient)
        return
    message.sent_at = real_utcnow()


MAX_ATTEMPTS = 5


def deliver_pending(limit: int = 500) -> int:
    """Retry the outbox's unsent messages (oldest first); the caller commits. How many went."""
    waiting = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    for message in waiting:
        deliver(message)
    return sum(1 for message in waiting if message.sent_at is not None)
