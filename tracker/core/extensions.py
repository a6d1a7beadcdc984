"""Extensions, created unbound and bound to the app in create_app."""

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_bootstrap import Bootstrap5
from flask_caching import Cache
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from tracker.core.models import Base

db = SQLAlchemy(model_class=Base)
# The base of every model: Flask-SQLAlchemy's model class, built at run time on our Base,
# which type checkers see.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
bootstrap = Bootstrap5()
# Rendered pages shared by readers of one audience (tracker.thread.cache).
cache = Cache()
