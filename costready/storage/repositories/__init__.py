"""Repositories: each turns one kind of record's rows into domain values and back.

The pattern, for every repository here and every one invoicing and compliance add:

- one module per kind of record, holding one small class built on a `Session`;
- it takes the session of a unit of work and never makes, commits or rolls back one (the unit
  of work, `costready.storage.unit_of_work`, does that for the whole user action);
- it takes and returns domain values only (rows stay inside, converted by `storage.convert`
  on the way in and `storage.from_rows` on the way out);
- a missing record is a StorageError naming it; data it cannot store is InvalidData, refused
  before anything is written.

A new repository is added to `UnitOfWork` as one more attribute.
"""

from costready.storage.repositories.customers import CustomerRepository
from costready.storage.repositories.deliveries import DeliveryRepository
from costready.storage.repositories.invoices import InvoiceRepository
from costready.storage.repositories.organisations import OrganisationRepository
from costready.storage.repositories.payments import PaymentRepository
from costready.storage.repositories.price_lists import PriceListRepository
from costready.storage.repositories.scenarios import ScenarioRepository
from costready.storage.repositories.settings import SettingRepository

__all__ = [
    "CustomerRepository",
    "DeliveryRepository",
    "InvoiceRepository",
    "OrganisationRepository",
    "PaymentRepository",
    "PriceListRepository",
    "ScenarioRepository",
    "SettingRepository",
]
