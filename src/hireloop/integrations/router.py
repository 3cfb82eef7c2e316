"""/api/v1/webhook-subscriptions, /webhook-deliveries, /webhook-event-types, /import-mappings and /imports"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, get_settings_dep, requires
from hireloop.api.schemas import PageOut
from hireloop.config import Settings
from hireloop.errors import TooLarge
from hireloop.integrations import events, imports, service
from hireloop.integrations import repository as repo
from hireloop.integrations.idempotency import IdempotencyHeader, run_create
from hireloop.integrations.importing.plan import DEFAULT_MAX_BYTES
from hireloop.integrations.schemas import (
    AttemptOut, DeliveryDetail, DeliveryOut, EventTypeOut, ImportOut, MappingOut, MappingSave, SubscriptionCreate,
    SubscriptionCreated, SubscriptionOut, SubscriptionUpdate,
)

router = APIRouter()
Hooks = Annotated[Actor, Depends(requires(Perm.WEBHOOKS_MANAGE))]
Importer = Annotated[Actor, Depends(requires(Perm.IMPORTS_RUN))]
Config = Annotated[Settings, Depends(get_settings_dep)]
Limit = Annotated[int, Query(ge=1, le=200)]
IMPORT_ERRORS: dict[int | str, dict[str, str]] = {
    413: {"description": "The file is larger than the limit"},
    422: {"description": "The file has errors (details.issues is the validation report); nothing was written"},
}


# Webhooks --------------------------------------------------------------------------------------------------------

@router.get("/webhook-event-types", response_model=list[EventTypeOut], tags=["webhooks"])
def event_types(actor: Hooks) -> list[EventTypeOut]:
    """The event types a subscription can ask for."""
    return [EventTypeOut(type=t, description=d) for t, d in events.EVENT_TYPES.items()]


@router.get("/webhook-subscriptions", response_model=PageOut[SubscriptionOut], tags=["webhooks"])
def list_subscriptions(uow: UoW, actor: Hooks, limit: Limit = 50, cursor: str | None = None) -> PageOut[SubscriptionOut]:
    """Webhook subscriptions of your organization (secrets are never shown again)."""
    page = service.subscriptions_page(uow.session, actor, limit=limit, cursor=cursor)
    return PageOut(items=[SubscriptionOut.model_validate(s) for s in page.items], next_cursor=page.next_cursor)


@router.post("/webhook-subscriptions", response_model=SubscriptionCreated, status_code=201, tags=["webhooks"])
def create_subscription(uow: UoW, actor: Hooks, settings: Config, data: SubscriptionCreate,
                        idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Subscribe a URL to event types; the signing secret (whsec_...) is in this response only."""
    def create() -> dict:
        sub, secret = service.create_subscription(uow.session, actor, data=data,
                                                  allowed_cidrs=settings.webhook_allowed_cidrs)
        out = SubscriptionCreated(**SubscriptionOut.model_validate(sub).model_dump(), secret=secret)
        return out.model_dump(mode="json")

    return run_create(uow, actor, key=idempotency_key, scope="webhook-subscriptions",
                      payload=data.model_dump(mode="json"), create=create)


@router.get("/webhook-subscriptions/{subscription_id}", response_model=SubscriptionOut, tags=["webhooks"])
def get_subscription(uow: UoW, actor: Hooks, subscription_id: uuid.UUID) -> SubscriptionOut:
    """One webhook subscription, with its status and why it was disabled, if it was."""
    return SubscriptionOut.model_validate(service.get_subscription(uow.session, actor, subscription_id))


@router.patch("/webhook-subscriptions/{subscription_id}", response_model=SubscriptionOut, tags=["webhooks"])
def update_subscription(uow: UoW, actor: Hooks, settings: Config, subscription_id: uuid.UUID,
                        data: SubscriptionUpdate) -> SubscriptionOut:
    """Change a subscription; status 'active' re-enables one that a 410 answer disabled."""
    sub = service.update_subscription(uow.session, actor, subscription_id, data=data,
                                      allowed_cidrs=settings.webhook_allowed_cidrs)
    out = SubscriptionOut.model_validate(sub)
    uow.commit()
    return out


@router.post("/webhook-subscriptions/{subscription_id}/rotate-secret", response_model=SubscriptionCreated,
             tags=["webhooks"])
def rotate_secret(uow: UoW, actor: Hooks, subscription_id: uuid.UUID) -> SubscriptionCreated:
    """A new signing secret, shown once; for 24 hours deliveries carry signatures with the old and the new one."""
    sub, secret = service.rotate_secret(uow.session, actor, subscription_id)
    out = SubscriptionCreated(**SubscriptionOut.model_validate(sub).model_dump(), secret=secret)
    uow.commit()
    return out


@router.delete("/webhook-subscriptions/{subscription_id}", response_model=SubscriptionOut, tags=["webhooks"])
def delete_subscription(uow: UoW, actor: Hooks, subscription_id: uuid.UUID) -> SubscriptionOut:
    """Delete a subscription; queued deliveries to it are cancelled."""
    out = SubscriptionOut.model_validate(service.delete_subscription(uow.session, actor, subscription_id))
    uow.commit()
    return out


def _delivery_out(d, event) -> DeliveryOut:  # noqa: ANN001
    return DeliveryOut.model_validate(d).model_copy(update={"event_type": event.event_type if event else "",
                                                            "msg_id": event.msg_id if event else ""})


@router.get("/webhook-deliveries", response_model=PageOut[DeliveryOut], tags=["webhooks"])
def list_deliveries(uow: UoW, actor: Hooks, subscription_id: uuid.UUID | None = None, status: str | None = None,
                    limit: Limit = 50, cursor: str | None = None) -> PageOut[DeliveryOut]:
    """The delivery log: every event sent to every subscription, with attempts and the last answer."""
    page, evs = service.deliveries_page(uow.session, actor, subscription_id=subscription_id, status=status,
                                        limit=limit, cursor=cursor)
    return PageOut(items=[_delivery_out(d, evs.get(d.event_id)) for d in page.items], next_cursor=page.next_cursor)


@router.get("/webhook-deliveries/{delivery_id}", response_model=DeliveryDetail, tags=["webhooks"])
def get_delivery(uow: UoW, actor: Hooks, delivery_id: uuid.UUID) -> DeliveryDetail:
    """One delivery with the body sent and every attempt (status code, start of the answer, error)."""
    detail = service.delivery_detail(uow.session, actor, delivery_id)
    base = _delivery_out(detail["delivery"], detail["event"])
    return DeliveryDetail(**base.model_dump(), payload=detail["payload"],
                          attempt_log=[AttemptOut.model_validate(a) for a in detail["attempts"]])


@router.post("/webhook-deliveries/{delivery_id}/replay", response_model=DeliveryOut, status_code=202, tags=["webhooks"])
def replay_delivery(uow: UoW, actor: Hooks, delivery_id: uuid.UUID) -> DeliveryOut:
    """Send the delivery's event again (same webhook-id, new signature); answers the new delivery."""
    new = service.replay(uow.session, actor, delivery_id)
    out = _delivery_out(new, repo.event(uow.session, actor.org_id, new.event_id))
    uow.commit()
    return out


# Imports ---------------------------------------------------------------------------------------------------------

@router.get("/import-mappings", response_model=list[MappingOut], tags=["imports"])
def list_mappings(uow: UoW, actor: Importer) -> list[MappingOut]:
    """Column mappings saved per source system (built-in presets such as ibm_hr_attrition are not listed)."""
    return [MappingOut.model_validate(m) for m in repo.mappings(uow.session, actor.org_id)]


@router.post("/import-mappings", response_model=MappingOut, tags=["imports"])
def save_mapping(uow: UoW, actor: Importer, data: MappingSave) -> MappingOut:
    """Save the column mapping of a source under its name (an existing one of that name is replaced)."""
    out = MappingOut.model_validate(imports.save_mapping(uow.session, actor, name=data.name, mapping=data.mapping))
    uow.commit()
    return out


@router.delete("/import-mappings/{mapping_id}", response_model=MappingOut, tags=["imports"])
def delete_mapping(uow: UoW, actor: Importer, mapping_id: uuid.UUID) -> MappingOut:
    """Delete a saved column mapping."""
    out = MappingOut.model_validate(imports.delete_mapping(uow.session, actor, mapping_id))
    uow.commit()
    return out


@router.post("/imports", response_model=ImportOut, responses=IMPORT_ERRORS, tags=["imports"])
def upload_import(
    uow: UoW, actor: Importer, file: Annotated[UploadFile, File(description="CSV or XLSX export")],
    mapping: Annotated[str, Form(min_length=1, max_length=120, description="A saved mapping's name or a preset")],
    dry_run: Annotated[bool, Form(description="Only check the file; write nothing")] = True,
) -> ImportOut:
    """Import an HR export: a dry run answers the validation report; an apply is all or nothing."""
    # A plain (threadpool) endpoint: applying an import takes seconds and must not block the event loop.
    data = file.file.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        raise TooLarge(f"The file is larger than {DEFAULT_MAX_BYTES // (1024 * 1024)} MB; split it into smaller files.")
    outcome = imports.run_import(uow.session, actor, file_bytes=data, filename=file.filename or "upload.csv",
                                 mapping_name=mapping, dry_run=dry_run)
    out = ImportOut(**outcome.to_dict())
    if outcome.applied:
        uow.commit()
    return out
