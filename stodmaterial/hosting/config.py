"""The operator's settings for the hosted service, read from a YAML file whose path is given on the
command line (`--config`, or STODMATERIAL_HOSTING_CONFIG). The file belongs on the server, for
example /etc/stodmaterial/hosting.yml, never in the repository: it names the server's own paths.

Every path is absolute and is written into nginx's configuration, so only plain characters are
accepted. The folders must not overlap: credentials never lie under a folder that nginx serves.
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant.model import invalid
from stodmaterial.yamlsource import load_yaml

CONFIG_ENV = "STODMATERIAL_HOSTING_CONFIG"
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._/+@-]*$")
HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
GROUP = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


def _path(value: str) -> str:
    text = str(value).strip()
    if not SAFE_PATH.match(text) or any(part in (".", "..") for part in text.split("/")):
        raise invalid(
            f"'{text}' är ingen tillåten sökväg.",
            "Skriv en absolut sökväg (som börjar med /) med bara bokstäver a–z, siffror och . _ - + @, t.ex. /srv/stodmaterial/webbplatser.",
        )
    return os.path.normpath(text)


def _hostname(value: str) -> str:
    value = value.strip().lower()
    if not HOSTNAME.match(value):
        raise invalid(f"'{value}' är inget giltigt värdnamn.", "Skriv bara värdnamnet, t.ex. stodmaterial.skr.se (utan https:// och /).")
    return value


def _address(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        raise invalid(f"'{value}' är ingen IP-adress.", "Skriv t.ex. 0.0.0.0 (alla IPv4-adresser), :: (alla IPv6-adresser) eller 127.0.0.1.")


def _network(value: str) -> str:
    try:
        return str(ipaddress.ip_network(value.strip(), strict=False))
    except ValueError:
        raise invalid(f"'{value}' är inget nät.", "Skriv t.ex. 192.0.2.0/24 eller 2001:db8::/32.")


def _group(value: str) -> str:
    if not GROUP.match(value):
        raise invalid(f"'{value}' är inget gruppnamn.", "Skriv gruppen som nginx körs som, i Debian www-data.")
    return value


SafePath = Annotated[str, AfterValidator(_path)]
Hostname = Annotated[str, AfterValidator(_hostname)]
Address = Annotated[str, AfterValidator(_address)]
Network = Annotated[str, AfterValidator(_network)]
Group = Annotated[str, AfterValidator(_group)]
Port = Annotated[int, Field(ge=1, le=65535)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RateLimit(_Strict):
    requests_per_second: int = Field(50, ge=1, le=10_000, description="tillåtna förfrågningar per sekund och IP-adress, t.ex. 50")
    exempt: list[Network] = Field(default_factory=list, description="nät som aldrig begränsas, t.ex. [192.0.2.0/24]")


class HostingConfig(_Strict):
    server_name: Hostname = Field(description="värdnamnet i certifikatet, t.ex. stodmaterial.skr.se")
    listen: list[Address] = Field(default_factory=lambda: ["0.0.0.0", "::"], min_length=1, description="adresser att lyssna på")
    https_port: Port = 443
    http_port: Port | None = Field(80, description="porten som skickar vidare till https, eller null")
    tls_certificate: SafePath = Field(description="certifikatkedjan, t.ex. /etc/letsencrypt/live/stodmaterial.skr.se/fullchain.pem")
    tls_certificate_key: SafePath = Field(description="certifikatets privata nyckel, t.ex. /etc/letsencrypt/live/stodmaterial.skr.se/privkey.pem")
    site_root: SafePath = Field(description="mappen där `stodmaterial build --all --out` lägger en mapp per organisation")
    credentials_dir: SafePath = Field(description="mappen med inloggningsfilerna, utanför webbplatserna och utanför git")
    credentials_group: Group | None = Field("www-data", description="gruppen som nginx arbetsprocesser körs som, eller null")
    output_dir: SafePath = Field(description="mappen där `stodmaterial hosting` skriver nginx-konfigurationen")
    log_dir: SafePath = "/var/log/nginx"
    access_log: bool = False
    acme_webroot: SafePath | None = None
    hsts_max_age: int = Field(31_536_000, ge=0, le=63_072_000)
    rate_limit: RateLimit = Field(default_factory=RateLimit)

    @model_validator(mode="after")
    def _separate(self) -> "HostingConfig":
        served = {"site_root": self.site_root, "output_dir": self.output_dir}
        if self.acme_webroot:
            served["acme_webroot"] = self.acme_webroot
        credentials = Path(self.credentials_dir)
        for name, folder in served.items():
            folder = Path(folder)
            if credentials.is_relative_to(folder) or folder.is_relative_to(credentials):
                raise invalid(
                    f"credentials_dir ({credentials}) och {name} ({folder}) ligger i varandra.",
                    "Lägg inloggningsfilerna i en egen mapp utanför allt som nginx visar, t.ex. /etc/stodmaterial/inloggning.",
                )
        site, output = Path(self.site_root), Path(self.output_dir)
        if site.is_relative_to(output) or output.is_relative_to(site):
            raise invalid(
                f"site_root ({site}) och output_dir ({output}) ligger i varandra.",
                "Använd två skilda mappar, t.ex. /srv/stodmaterial/webbplatser och /etc/stodmaterial/nginx.",
            )
        return self

    # Paths as Path objects (the fields hold normalised text, which is what nginx reads).
    @property
    def sites(self) -> Path:
        return Path(self.site_root)

    @property
    def credentials(self) -> Path:
        return Path(self.credentials_dir)

    @property
    def output(self) -> Path:
        return Path(self.output_dir)

    @property
    def https_origin(self) -> str:
        port = "" if self.https_port == 443 else f":{self.https_port}"
        return f"https://{self.server_name}{port}"


def config_path(option: str | None, environ: dict[str, str] | None = None) -> Path | None:
    value = option or (environ if environ is not None else os.environ).get(CONFIG_ENV, "")
    return Path(value).expanduser().resolve() if value.strip() else None


def load_hosting_config(path: Path) -> HostingConfig:
    """Read and validate the settings file. Raises ProblemError naming each mistake and its line."""
    if not path.is_file():
        raise ProblemError([Problem(path, "inställningsfilen finns inte.", "Skapa den utifrån exemplet i DRIFT.md och ange sökvägen med --config.")])
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise ProblemError([Problem(path, "filen innehåller inga inställningar.", "Se exemplet i DRIFT.md.", 1)])
    try:
        return HostingConfig.model_validate(doc.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            location = tuple(p for p in item["loc"] if p not in ("function-after",))
            name = ".".join(str(p) for p in location) or "filen"
            ctx = item.get("ctx") or {}
            if item["type"] == "stodmaterial":
                message, fix = f"{name}: {ctx['message']}", ctx["fix"]
            elif item["type"] == "extra_forbidden":
                message, fix = f"okänd inställning '{name}'.", f"Tillåtna inställningar: {', '.join(HostingConfig.model_fields)}."
            elif item["type"] == "missing":
                field = HostingConfig.model_fields.get(str(location[-1]))
                message, fix = f"inställningen '{name}' saknas.", f"Lägg till {location[-1]}: med {field.description if field and field.description else 'ett värde'}."
            else:
                message, fix = f"{name}: {item['msg']}.", "Se exemplet i DRIFT.md."
            problems.append(Problem(path, message, fix, doc.line_of(location)))
        raise ProblemError(problems)


def check_outside_repository(config: HostingConfig, repo_root: Path) -> None:
    """Credentials and generated configuration never live in the repository (and so never in git)."""
    root = repo_root.resolve()
    problems = []
    for name, folder in (("credentials_dir", config.credentials), ("output_dir", config.output)):
        if folder.resolve().is_relative_to(root):
            problems.append(Problem(folder, f"{name} ligger i repot ({root}).",
                                    "Lägg mappen på servern utanför repot, t.ex. under /etc/stodmaterial/."))
    if problems:
        raise ProblemError(problems)
