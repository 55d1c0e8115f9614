"""What the core's HTTP layer needs from QGIS: the proxy, the cache folder, API keys."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings


def qgis_proxies() -> dict[str, str] | None:
    """``requests`` proxies from QGIS's network settings (Settings > Options > Network)."""
    settings = QgsSettings()
    if str(settings.value("proxy/proxyEnabled", False)).lower() not in ("true", "1"):
        return None
    host = str(settings.value("proxy/proxyHost", "") or "")
    if not host:
        return None
    port = str(settings.value("proxy/proxyPort", "") or "")
    user = str(settings.value("proxy/proxyUser", "") or "")
    password = str(settings.value("proxy/proxyPassword", "") or "")
    credentials = f"{quote(user)}:{quote(password)}@" if user else ""
    url = f"http://{credentials}{host}{':' + port if port else ''}"
    return {"http": url, "https": url}


def cache_dir() -> Path:
    """``<QGIS settings dir>/tanker_watch/``: downloaded lists and other caches."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "tanker_watch"


def sanctions_cache() -> Path:
    """Where downloaded sanctions lists are cached (they replace the bundled snapshot's lists)."""
    return cache_dir() / "sanctions"


def api_key(authcfg: str) -> str | None:
    """The key stored in QGIS's authentication manager under ``authcfg`` (never in plain settings).

    Accepts an "API header" config (its first header value) or a basic config (its password).
    """
    if not authcfg:
        return None
    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
        return None
    for key in ("password", "apikey", "key"):
        value = config.config(key, "")
        if value:
            return value
    headers = [v for k, v in config.configMap().items() if k not in ("username", "realm")]
    return headers[0] if headers else None
