"""OpenSEND settings: one module, configured by OPENSEND_* environment variables.

| variable | meaning | default |
|---|---|---|
| OPENSEND_ENV | development, test or production | development |
| OPENSEND_SECRET_KEY | Django secret key | an insecure development key (refused in production) |
| OPENSEND_DEBUG | 1 to show Django's debug pages | 0 |
| OPENSEND_DATABASE_URL | postgres://user@host:5432/opensend | SQLite var/opensend.sqlite3 |
| OPENSEND_ALLOWED_HOSTS | comma-separated host names | 127.0.0.1,localhost |
| OPENSEND_DEMO_MODE | 1 lets staff sign in without a second factor | 1 outside production |
| OPENSEND_PORT | port for `opensend serve` | 8000 |
| OPENSEND_SITE_URL | the service's public address, for links in emails | http://127.0.0.1:8000 |
| OPENSEND_EMAIL_HOST | SMTP server (review reminders) | none: emails go to var/emails/ |
| OPENSEND_EMAIL_PORT, _USER, _PASSWORD | SMTP port and sign-in | 587, none |
| OPENSEND_EMAIL_FROM | sender address | opensend@localhost |
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OPENSEND_VAR_DIR", BASE_DIR / "var"))
DATA_DIR = BASE_DIR / "data"
NODE_MODULES = BASE_DIR / "node_modules"

DEVELOPMENT_SECRET_KEY = "opensend-development-key-not-for-production"


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


ENVIRONMENT = os.environ.get("OPENSEND_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"
SECRET_KEY = os.environ.get("OPENSEND_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = _flag("OPENSEND_DEBUG", False)
DEMO_MODE = _flag("OPENSEND_DEMO_MODE", not PRODUCTION)
SITE_URL = os.environ.get("OPENSEND_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Email: SMTP when a host is set; otherwise each email is written to a file under var/emails/,
# so nothing is sent by accident from a development or demo machine.
if os.environ.get("OPENSEND_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["OPENSEND_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("OPENSEND_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("OPENSEND_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("OPENSEND_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = EMAIL_PORT != 25
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "emails"
DEFAULT_FROM_EMAIL = os.environ.get("OPENSEND_EMAIL_FROM", "opensend@localhost")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("OPENSEND_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    "opensend.core",
    "opensend.accounts",
    "opensend.people",
    "opensend.casework",
    "opensend.returns",
    "opensend.imports",
    "opensend.directory",
    "opensend.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "opensend.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "opensend.directory.middleware.ShortlistCookieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opensend.urls"
WSGI_APPLICATION = "opensend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "opensend" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "opensend.core.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "opensend.core.context_processors.service",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("OPENSEND_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'opensend.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "opensend.accounts.backends.PasswordBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:signed-out"

# Sessions end after 30 minutes without a request (NCSC guidance for sensitive services).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "opensend.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# django-axes: lock an email address and IP pair after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "opensend.accounts.views.locked_out"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "OpenSEND"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/assets/"
STATIC_ROOT = VAR_DIR / "static"
# GOV.UK Frontend's stylesheet asks for /assets/fonts and /assets/images, so its assets folder and
# MoJ Frontend's sit at the root of STATIC_URL; their CSS and JavaScript under named prefixes.
STATICFILES_DIRS = [
    NODE_MODULES / "govuk-frontend" / "dist" / "govuk" / "assets",
    NODE_MODULES / "@ministryofjustice" / "frontend" / "moj" / "assets",
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("moj", NODE_MODULES / "@ministryofjustice" / "frontend" / "moj"),
    ("autocomplete", NODE_MODULES / "accessible-autocomplete" / "dist"),
    BASE_DIR / "opensend" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = ENVIRONMENT == "test"

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"axes": {"level": "ERROR"}},
}
