"""deploy/k8s, checked offline (issue #12, point 2): no cluster runs here, so the kustomizations
are built as kustomize would (resources, namespace, labels, images, generated ConfigMaps,
JSON patches), every core object is validated against the Kubernetes schemas
(kubernetes-validate, strict: an unknown or misspelt field fails), the CloudNativePG objects
are checked for the fields this deployment relies on, and every name one object gives another
(Service selectors, ports, probes, ConfigMaps, Secret keys, the autoscaler's target, the
Ingress backend) is checked to exist."""

from __future__ import annotations

import copy
import re

import kubernetes_validate
import pytest
import yaml

from web.api_v3 import nginx
from web.settings import ROOT

K8S = ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.37.0"
# The Secrets made outside the repository (deploy/k8s/README.md), with their keys.
SECRETS = {
    "okv3-secrets": {"DATABASE_URL", "OK_AUTHENTICATOR_URL", "AUTHENTICATOR_PASSWORD", "ANALYTICS_PASSWORD",
                     "METABASE_DB_PASSWORD", "OK_JWT_SECRET", "OK_SECRET_KEY", "OK_METRICS_TOKEN", "SENTRY_DSN",
                     "OK_SMTP_USER", "OK_SMTP_PASSWORD"},
    "okv3-db-superuser": {"username", "password"},
    "okv3-backup-s3": {"ACCESS_KEY_ID", "SECRET_ACCESS_KEY"},
    "okv3-tls": {"tls.crt", "tls.key"},
}


def _json_patch(target: dict, operations: list[dict]) -> None:
    for op in operations:
        *parents, last = [int(p) if p.isdigit() else p for p in op["path"].strip("/").split("/")]
        node = target
        for part in parents:
            node = node[part]
        assert op["op"] in ("replace", "add"), op
        if op["op"] == "replace":
            assert last in node if isinstance(node, dict) else last < len(node), f"nothing at {op['path']}"
        node[last] = op["value"]


def build(folder) -> list[dict]:
    """What `kustomize build folder` gives, for the features these files use."""
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    known = {"apiVersion", "kind", "namespace", "labels", "resources", "configMapGenerator", "images", "patches"}
    assert set(kustomization) <= known, set(kustomization) - known
    objects: list[dict] = []
    for resource in kustomization.get("resources", []):
        path = (folder / resource).resolve()
        if path.is_dir():
            objects += build(path)
        else:
            objects += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    for generator in kustomization.get("configMapGenerator", []):
        data = {}
        for item in generator["files"]:
            key, _, name = item.partition("=")
            data[key if name else key] = (folder / (name or key)).read_text()
        objects.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": generator["name"]}, "data": data})
    for obj in objects:
        if "namespace" in kustomization and obj["kind"] != "Namespace":
            obj["metadata"]["namespace"] = kustomization["namespace"]
        for label in kustomization.get("labels", []):
            obj["metadata"].setdefault("labels", {}).update(label["pairs"])
    for image in kustomization.get("images", []):
        for obj in objects:
            for container in _containers(obj):
                name, _, _ = container["image"].partition(":")
                if name == image["name"]:
                    container["image"] = f"{name}:{image['newTag']}"
    for patch in kustomization.get("patches", []):
        matched = [o for o in objects if o["kind"] == patch["target"]["kind"]
                   and o["metadata"]["name"] == patch["target"]["name"]]
        assert len(matched) == 1, f"a patch's target does not exist: {patch['target']}"
        _json_patch(matched[0], yaml.safe_load(patch["patch"]))
    return objects


def _containers(obj: dict) -> list[dict]:
    spec = obj.get("spec", {})
    pod = spec.get("template", {}).get("spec", {})
    return pod.get("containers", [])


@pytest.fixture(params=["base", "overlays/production"])
def objects(request):
    return copy.deepcopy(build(K8S / request.param))


def test_every_core_object_is_valid_kubernetes(objects):
    for obj in objects:
        if obj["apiVersion"].startswith("postgresql.cnpg.io/"):
            continue
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


def test_the_cloudnativepg_cluster_has_a_replica_and_backups(objects):
    (cluster,) = [o for o in objects if o["kind"] == "Cluster"]
    (scheduled,) = [o for o in objects if o["kind"] == "ScheduledBackup"]
    assert cluster["apiVersion"] == scheduled["apiVersion"] == "postgresql.cnpg.io/v1"
    spec = cluster["spec"]
    assert spec["instances"] >= 2, "a primary and at least one replica"
    assert re.fullmatch(r"\d+Gi", spec["storage"]["size"])
    assert "pg_stat_statements" in spec["postgresql"]["shared_preload_libraries"]
    store = spec["backup"]["barmanObjectStore"]
    assert store["destinationPath"].startswith("s3://") and re.fullmatch(r"\d+d", spec["backup"]["retentionPolicy"])
    for credential in ("accessKeyId", "secretAccessKey"):
        ref = store["s3Credentials"][credential]
        assert ref["key"] in SECRETS[ref["name"]]
    assert spec["superuserSecret"]["name"] in SECRETS and spec["bootstrap"]["initdb"]["database"] == "ok"
    assert scheduled["spec"]["cluster"]["name"] == cluster["metadata"]["name"]
    assert len(scheduled["spec"]["schedule"].split()) == 6, "CloudNativePG's cron has seconds first"


def test_every_name_one_object_gives_another_exists(objects):
    by_kind: dict[str, dict[str, dict]] = {}
    for obj in objects:
        by_kind.setdefault(obj["kind"], {})[obj["metadata"]["name"]] = obj
    assert {o["metadata"].get("namespace") for o in objects if o["kind"] != "Namespace"} == {"okv3"}
    assert set(by_kind["Deployment"]) == {"web", "worker", "postgrest", "nginx", "metabase"}
    assert set(by_kind["Job"]) == {"okv3-migrate"}
    pods = [o["spec"]["template"] for o in objects if o["kind"] in ("Deployment", "Job")]
    for name, service in by_kind["Service"].items():
        selected = [p for p in pods if service["spec"]["selector"].items() <= p["metadata"]["labels"].items()]
        assert len(selected) == 1, f"Service {name} selects {len(selected)} pod templates"
        ports = {port["name"] for c in selected[0]["spec"]["containers"] for port in c.get("ports", [])}
        assert {p["targetPort"] for p in service["spec"]["ports"]} <= ports, name
    for pod in pods:
        for container in pod["spec"]["containers"]:
            for source in container.get("envFrom", []):
                if "configMapRef" in source:
                    assert source["configMapRef"]["name"] in by_kind["ConfigMap"]
                else:
                    assert source["secretRef"]["name"] in SECRETS
            for variable in container.get("env", []):
                ref = variable.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    assert ref["key"] in SECRETS[ref["name"]], (container["name"], ref)
        for volume in pod["spec"].get("volumes", []):
            if "configMap" in volume:
                assert volume["configMap"]["name"] in by_kind["ConfigMap"]
    web = by_kind["Deployment"]["web"]["spec"]["template"]["spec"]["containers"][0]
    assert web["readinessProbe"]["httpGet"]["path"] == web["livenessProbe"]["httpGet"]["path"] == "/healthz"
    hpa = by_kind["HorizontalPodAutoscaler"]["web"]["spec"]
    assert hpa["scaleTargetRef"]["name"] in by_kind["Deployment"] and hpa["minReplicas"] < hpa["maxReplicas"]
    for rule in by_kind["Ingress"]["okv3"]["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            assert path["backend"]["service"]["name"] in by_kind["Service"]
    assert all(t["secretName"] in SECRETS for t in by_kind["Ingress"]["okv3"]["spec"]["tls"])
    postgrest = {e["name"]: e.get("value") for e in
                 by_kind["Deployment"]["postgrest"]["spec"]["template"]["spec"]["containers"][0]["env"]}
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["postgrest"]["environment"]
    for name in ("PGRST_DB_SCHEMAS", "PGRST_DB_ANON_ROLE", "PGRST_DB_PRE_REQUEST", "PGRST_DB_CHANNEL"):
        assert postgrest[name] == compose[name], f"{name}: as in docker-compose (tests/py/test_compose.py)"


def test_nginx_conf_is_the_generated_one_for_the_cluster():
    text = (K8S / "base" / "nginx.conf").read_text()
    assert text == nginx.render(**nginx.KUBERNETES), \
        "run: python -m web.api_v3.nginx kubernetes > deploy/k8s/base/nginx.conf"
    namespace = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())["namespace"]
    assert f"postgrest.{namespace}.svc.cluster.local:3000" in text and f"web.{namespace}.svc.cluster.local:5000" in text


def test_the_overlay_changes_what_it_says():
    base = {(o["kind"], o["metadata"]["name"]): o for o in build(K8S / "base")}
    production = {(o["kind"], o["metadata"]["name"]): o for o in build(K8S / "overlays" / "production")}
    assert base.keys() == production.keys()
    assert production[("Cluster", "okv3-db")]["spec"]["instances"] == 3
    assert production[("Deployment", "web")]["spec"]["template"]["spec"]["containers"][0]["image"] == \
        "ghcr.io/okpy/okv3:2026.11"
    assert production[("Ingress", "okv3")]["spec"]["rules"][0]["host"] == "okpy.org"
