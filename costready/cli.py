"""The command line: `costready [--database URL] COMMAND` (heavy imports happen per command)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from costready.app.opening import organisation_to_open, scenario_to_open
from costready.i18n import _

if TYPE_CHECKING:
    from costready.compliance.readiness import Readiness
    from costready.costing.results import ScenarioResult
    from costready.invoicing.documents import Line
    from costready.organisation import Organisation
    from costready.problems import Problem
    from costready.storage.workspace import Workspace


#: `invoicing.payments.PaymentMethod`'s values, written out so parsing the command line loads
#: no domain module (a test holds the two together).
PAYMENT_METHODS = ("bank_transfer", "card", "cash", "cheque", "direct_debit", "other")


class CliError(Exception):
    """A failure to report on stderr with a non-zero exit."""


def parse(argv: list[str]) -> argparse.Namespace:
    """Read the arguments; no command means "open the window"."""
    parser = argparse.ArgumentParser(
        prog="costready",
        description=_(
            "Full-cost-recovery prices for community organisations. "
            "With no command, opens the window."
        ),
    )
    database_help = _(
        "any SQLAlchemy URL (default: $COSTREADY_DATABASE_URL, else SQLite in your data folder)"
    )
    debug_help = _("on a failure, print the Python traceback too (for a bug report)")
    parser.add_argument("--database", metavar="URL", default=None, help=database_help)
    parser.add_argument("--debug", action="store_true", help=debug_help)
    org_help = _(
        "the organisation invoicing commands work on (default: the only one in the workspace)"
    )
    parser.add_argument("--org", metavar="ID", default=None, help=org_help)
    # --database and --debug may also follow the command (costready list --database URL)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug_help)
    common.add_argument("--org", metavar="ID", default=argparse.SUPPRESS, help=org_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add = functools.partial(commands.add_parser, parents=[common])

    add("demo", help=_("load the sample organisation into the workspace"))
    add("list", help=_("list the organisations and scenarios in the workspace"))

    price = add("price", help=_("price a model file without touching a workspace"))
    price.add_argument("model", type=Path, metavar="MODEL.json")
    price.add_argument("--json", action="store_true", help=_("print JSON"))

    model = add("model", help=_("export or import a costing model file"))
    model_commands = model.add_subparsers(
        dest="model_command", metavar="export|import", required=True
    )
    export = model_commands.add_parser(
        "export", parents=[common], help=_("write a scenario to a model file")
    )
    _add_selection(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    imported = model_commands.add_parser(
        "import", parents=[common], help=_("read a model file into the workspace")
    )
    imported.add_argument("file", type=Path, metavar="FILE.json")
    imported.add_argument(
        "--organisation",
        metavar="ID|NAME",
        help=_("add the scenario to this organisation (default: a new organisation)"),
    )
    imported.add_argument(
        "--update-services",
        action="store_true",
        help=_(
            "let the file change the unit or description of the organisation's services, "
            "in every scenario that has them (without it, such an import is refused and says "
            "which scenarios it would touch)"
        ),
    )

    adopt = add("adopt", help=_("adopt a scenario's prices as the published price list"))
    _add_selection(adopt)
    adopt.add_argument(
        "--from",
        dest="effective_from",
        type=_day,
        required=True,
        metavar="DD/MM/YYYY",
        help=_("the date the prices apply from"),
    )
    adopt.add_argument(
        "--approved-by",
        required=True,
        metavar="WHO",
        help=_("who approved them, e.g. “Trustees' meeting”"),
    )
    adopt.add_argument(
        "--approved-on",
        type=_day,
        metavar="DD/MM/YYYY",
        help=_("when they were approved (default: today)"),
    )
    adopt.add_argument("--note", default="", help=_("a note kept with the price list"))
    adopt.add_argument(
        "--despite-warnings",
        action="store_true",
        help=_("adopt even though the prices carry warnings (such as pay below the legal minimum)"),
    )

    lists = add("price-lists", help=_("list the price lists adopted, and which is in force"))
    _add_organisation(lists)
    withdraw = add(
        "withdraw",
        help=_(
            "withdraw an adopted price list before its date: it is kept, marked withdrawn, "
            "and never takes effect"
        ),
    )
    _add_organisation(withdraw)
    which = withdraw.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--from",
        dest="effective_from",
        type=_day,
        metavar="DD/MM/YYYY",
        help=_("the date the price list was to apply from"),
    )
    which.add_argument(
        "--id",
        type=int,
        metavar="N",
        help=_("the price list's number (see: costready price-lists)"),
    )

    report = add("report", help=_("write a PDF (or, for evidence-pack, a ZIP)"))
    report.add_argument("kind", choices=["price-list", "costing", "readiness", "evidence-pack"])
    _add_selection(report)
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")

    checklist = add("checklist", help=_("list the compliance checklist items that apply"))
    checklist.add_argument("--organisation", metavar="ID|NAME", help=_("which organisation"))
    checklist.add_argument("--area", metavar="AREA", help=_("only this area (e.g. cqc, hmrc)"))
    checklist.add_argument(
        "--all",
        action="store_true",
        help=_("include items that do not apply, each with whether it applies and why"),
    )
    checklist.add_argument("--json", action="store_true", help=_("print JSON"))
    ready = add("readiness", help=_("readiness per area and overall, due soon and overdue"))
    ready.add_argument("--organisation", metavar="ID|NAME", help=_("which organisation"))
    ready.add_argument("--json", action="store_true", help=_("print JSON"))
    ready.add_argument(
        "--all-organisations",
        action="store_true",
        help=_("every organisation's readiness by area (the advisor view)"),
    )

    backup = add(
        "backup", help=_("copy the workspace to a dated backup beside it (the last 14 are kept)")
    )
    backup.add_argument("--list", action="store_true", help=_("list the backups instead"))
    restore = add(
        "restore", help=_("replace the workspace with a backup (the current one is kept aside)")
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    _add_org_commands(add, common)
    _add_scenario_commands(add, common)
    _add_export_command(add)
    _add_invoicing_commands(add, common)
    return _one_organisation_option(parser.parse_args(argv))


def _one_organisation_option(args: argparse.Namespace) -> argparse.Namespace:
    """--org (before or after any command) and a command's own --organisation name the same
    thing, so either serves every command."""
    org = getattr(args, "org", None)
    if org is not None and getattr(args, "organisation", "") is None:
        args.organisation = str(org)
    elif getattr(args, "organisation", None) is not None and org is None:
        args.org = args.organisation
    return args


def _add_org_commands(
    add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    org = add("org", help=_("rename, delete, export or import an organisation"))
    org_commands = org.add_subparsers(
        dest="org_command", metavar="rename|delete|export|import", required=True
    )
    _rename_and_delete(
        org_commands,
        common,
        "organisation",
        _("rename an organisation"),
        _(
            "delete an organisation with its scenarios, price lists and settings "
            "(a backup of the workspace is taken first)"
        ),
    )
    export = org_commands.add_parser(
        "export",
        parents=[common],
        help=_("write an organisation, its scenarios, price lists and settings to one file"),
    )
    _add_organisation(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    imported = org_commands.add_parser(
        "import",
        parents=[common],
        help=_("add the organisation in a file to the workspace (as a new organisation)"),
    )
    imported.add_argument("file", type=Path, metavar="FILE.json")


def _rename_and_delete(
    commands: Any,
    common: argparse.ArgumentParser,
    what: str,
    rename_help: str,
    delete_help: str,
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """`rename WHAT NEW_NAME` and `delete WHAT --yes` (organisations and scenarios alike)."""
    rename = commands.add_parser("rename", parents=[common], help=rename_help)
    rename.add_argument(what, metavar="ID|NAME")
    rename.add_argument("name", metavar="NEW_NAME")
    delete = commands.add_parser("delete", parents=[common], help=delete_help)
    delete.add_argument(what, metavar="ID|NAME")
    delete.add_argument("--yes", action="store_true", help=_("really delete it (required)"))
    return rename, delete


def _add_scenario_commands(
    add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    scenario = add("scenario", help=_("rename or delete a scenario"))
    scenario_commands = scenario.add_subparsers(
        dest="scenario_command", metavar="rename|delete", required=True
    )
    commands = _rename_and_delete(
        scenario_commands,
        common,
        "scenario",
        _("rename a scenario"),
        _(
            "delete a scenario (its published price lists are kept; a backup of the "
            "workspace is taken first)"
        ),
    )
    for command in commands:
        command.add_argument(
            "--organisation",
            metavar="ID|NAME",
            help=_("the scenario's organisation (default: the last one used)"),
        )


def _add_export_command(add: Callable[..., argparse.ArgumentParser]) -> None:
    export = add(
        "export",
        help=_("write the Prices table or every table of the costing report for a spreadsheet"),
    )
    export.add_argument("table", choices=["prices", "report"])
    _add_selection(export)
    export.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        default=None,
        help=_("csv or xlsx (default: from the file's extension)"),
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


def _export(args: argparse.Namespace) -> None:
    """The Prices table or the costing report's tables as CSV or XLSX (money as numbers)."""
    from costready.costing.engine import price_scenario
    from costready.reports.spreadsheet import Format, write_tables
    from costready.reports.tables import prices_table, report_tables

    chosen = args.format or args.output.suffix.lower().lstrip(".")
    if chosen not in ("csv", "xlsx"):
        raise CliError(_("say --format csv or --format xlsx (or name the file .csv or .xlsx)"))
    with _workspace(args) as workspace:
        org_id, scenario_id = _select(workspace, args)
        org = workspace.organisation(org_id)
        scenario = workspace.load_scenario(scenario_id)
        result = price_scenario(scenario)
        result.check_complete()  # a table with services missing would mislead its reader
        if args.table == "prices":
            tables = [prices_table(result, org.vat_registered, org.locale)]
        else:
            tables = report_tables(org, scenario, result)
        write_tables(args.output, tables, Format(chosen))
    print(_("Wrote {file}").format(file=args.output))


def _add_organisation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--organisation",
        metavar="ID|NAME",
        help=_("which organisation (default: the last one used)"),
    )


def _add_selection(parser: argparse.ArgumentParser) -> None:
    _add_organisation(parser)
    parser.add_argument(
        "--scenario",
        metavar="ID|NAME",
        help=_("which scenario (default: the adopted one, else the one for the latest period)"),
    )


def execute(args: argparse.Namespace) -> int:
    """Run the command; a failure is one plain line on stderr (each problem of a model on its
    own line) with exit status 1, never a traceback unless --debug asks for it."""
    _tolerant_streams()
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(_("costready: stopped"), file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so in one line; --debug shows where
        if getattr(args, "debug", False):
            traceback.print_exc()
        detail = _one_line(str(error)) or type(error).__name__
        print(
            _(
                "costready: could not finish that ({kind}: {detail}); run again with --debug "
                "for details"
            ).format(kind=type(error).__name__, detail=detail),
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    from costready.costing.results import CostingError
    from costready.invoicing.errors import InvoicingError
    from costready.storage.errors import StorageError

    handlers: dict[str, Callable[[argparse.Namespace], int | None]] = {
        "demo": _demo,
        "list": _list,
        "price": _price,
        "model": _model,
        "adopt": _adopt,
        "price-lists": _price_lists,
        "withdraw": _withdraw,
        "report": _report,
        "backup": _backup,
        "checklist": _checklist,
        "readiness": _readiness,
        "restore": _restore,
        "org": _org,
        "scenario": _scenario,
        "export": _export,
        "invoice": _invoice,
        "payments": _payments,
        "deliveries": _deliveries,
        "bill": _bill,
        "debtors": _debtors,
        "customers": _customers,
        "statement": _statement,
        "reminder": _reminder,
    }
    try:
        return handlers[args.command](args) or 0
    except CostingError as error:
        _print_problems(error.problems)
        return 1
    except InvoicingError as error:
        _print_problems(error.problems)
        return 1
    except BrokenPipeError:  # the reader went away (costready demo | head): nothing to say
        sys.stderr.close()
        return 0
    except OSError as error:  # a file that cannot be read or written: say which, plainly
        detail = error.strerror or str(error)
        if error.filename:
            message = _("cannot use the file {file}: {detail}").format(
                file=error.filename, detail=detail
            )
        else:
            message = detail
        print(_("costready: {error}").format(error=_one_line(message)), file=sys.stderr)
        return 1
    except (CliError, StorageError, ValueError) as error:
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(_("costready: {error}").format(error=_one_line(str(error))), file=sys.stderr)
        return 1


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(_one_line(f"{problem.path}: {problem.message}"), file=sys.stderr)


def _print_warnings(warnings: list[Problem]) -> None:
    """Warnings on stderr, each on its own line and named as a warning (they do not stop)."""
    for warning in warnings:
        line = _("warning: {path}: {message}").format(path=warning.path, message=warning.message)
        print(_one_line(line), file=sys.stderr)


def _one_line(text: str) -> str:
    """A message on one line of at most 500 characters (a name can be long; a line is read)."""
    line = " ".join(text.split())
    return line if len(line) <= 500 else line[:499] + "…"


def _tolerant_streams() -> None:
    """A message quoting text that cannot be encoded (a console that is not UTF-8) is printed
    with escapes, rather than failing while it reports something else."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or not a text stream
                reconfigure(errors="backslashreplace")


# Commands -----------------------------------------------------------------------------------


def _price(args: argparse.Namespace) -> int:
    """Print the prices; services that could not be priced are listed with the reason, and
    the exit status is then 1."""
    from costready.costing.engine import price_scenario
    from costready.costing.modelfile import load_model_file
    from costready.costing.vat import Supplier, vat_warnings

    model = load_model_file(args.model)
    result = price_scenario(model.scenario)
    supplier = Supplier.of(model.organisation)
    warnings = vat_warnings(supplier, model.scenario.services)
    if args.json:
        data = result_to_json(result, vat_registered=supplier.vat_registered)
        # the result's own (pay below the legal minimum...) and the VAT choices against the rule
        data["warnings"] += [{"path": w.path, "message": w.message} for w in warnings]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(_price_table(result))
    _print_warnings([*result.warnings, *warnings])
    _print_problems(result.problems)
    return 1 if result.unpriced else 0


def _demo(args: argparse.Namespace) -> None:
    from costready.app.sample import install_sample, sample_in
    from costready.costing.engine import price_scenario

    with _workspace(args) as workspace:
        already = sample_in(workspace) is not None
        organisation_id, scenario_id = install_sample(workspace)
        org = workspace.organisation(organisation_id)
        result = price_scenario(workspace.load_scenario(scenario_id))
    if already:
        message = _(
            "The sample organisation “{name}” is already in this workspace "
            "(organisation {org}, scenario {sc})."
        )
    else:
        message = _("Loaded the sample organisation “{name}” (organisation {org}, scenario {sc}).")
    print(message.format(name=org.name, org=organisation_id, sc=scenario_id))
    print(_price_table(result))


def _list(args: argparse.Namespace) -> None:
    with _workspace(args) as workspace:
        organisations = workspace.organisations()
        if not organisations:
            print(_("The workspace has no organisations yet. Try: costready demo"))
        for org in organisations:
            print(f"{org.id}\t{org.name}")
            for summary in workspace.scenarios(_stored_id(org)):
                mark = _(" (adopted)") if summary.adopted else ""
                print(f"\t{summary.id}\t{summary.name}{mark}")


def _model(args: argparse.Namespace) -> None:
    from costready.app.model_files import ServicesWouldChange, export_model, import_model
    from costready.costing.modelfile import load_model_file, save_model_file

    with _workspace(args) as workspace:
        if args.model_command == "export":
            org_id, scenario_id = _select(workspace, args)
            save_model_file(export_model(workspace, org_id, scenario_id), args.output)
            print(_("Wrote {file}").format(file=args.output))
            return
        model = load_model_file(args.file)  # validates the whole file before anything is written
        target = _find_organisation(workspace, args.organisation) if args.organisation else None
        try:
            org_id, scenario_id = import_model(
                workspace, model, target, update_services=args.update_services
            )
        except ServicesWouldChange as error:
            for problem in error.problems:
                print(f"{problem.path}: {problem.message}", file=sys.stderr)
            raise CliError(
                _(
                    "nothing was imported; to make these changes in every scenario that has "
                    "those services, run the import again with --update-services"
                )
            ) from error
        print(
            _("Imported “{name}” as scenario {sc} of organisation {org}.").format(
                name=model.scenario.name, sc=scenario_id, org=org_id
            )
        )


def _report(args: argparse.Namespace) -> int | None:
    if args.kind in ("readiness", "evidence-pack"):
        return _compliance_report(args)
    with _workspace(args) as workspace:
        org_id, scenario_id = _select(workspace, args)
        org = workspace.organisation(org_id)
        if args.kind == "costing":
            from costready.costing.engine import price_scenario
            from costready.reports.costing_report import write_costing_report

            scenario = workspace.load_scenario(scenario_id)
            result = price_scenario(scenario)
            result.check_complete()  # a costing report shows every service, or is not written
            write_costing_report(args.output, org, scenario, result)
        else:
            from costready.app.adoption import publication
            from costready.reports.price_list import write_publication

            published = publication(workspace, org_id, scenario_id)
            if published.draft:
                published.result.check_complete()  # a draft lists every service's price
            write_publication(args.output, org, published)
            if published.changed_since_adoption:
                print(
                    _(
                        "Note: the prices have changed since they were adopted; the price list "
                        "shows the adopted prices. Adopt again to publish the new ones."
                    ),
                    file=sys.stderr,
                )
    print(_("Wrote {file}").format(file=args.output))
    return None


def _compliance_report(args: argparse.Namespace) -> int:
    from costready.app.compliance import write_evidence_pack, write_readiness_report

    with _workspace(args) as workspace:
        org_id = _organisation_only(workspace, args)
        if args.kind == "readiness":
            write_readiness_report(workspace, org_id, args.output)
            problems: list[Problem] = []
        else:
            problems = write_evidence_pack(workspace, org_id, args.output)
    _print_problems(problems)
    print(_("Wrote {file}").format(file=args.output))
    return 1 if problems else 0


def _organisation_only(workspace: Workspace, args: argparse.Namespace) -> int:
    """The organisation from --organisation, else the one the window would open."""
    if args.organisation:
        return _find_organisation(workspace, args.organisation)
    organisations = workspace.organisations()
    if not organisations:
        raise CliError(_("the workspace has no organisations yet (try: costready demo)"))
    return organisation_to_open(workspace) or _stored_id(organisations[0])


def _checklist(args: argparse.Namespace) -> None:
    from costready.app.compliance import checklist
    from costready.compliance.applicability import STATE_LABELS
    from costready.compliance.definitions import AREA_LABELS, Area
    from costready.compliance.readiness import STATUS_LABELS

    if args.area and args.area not in {a.value for a in Area}:
        raise CliError(
            _("no area “{area}”; the areas are {areas}").format(
                area=args.area, areas=", ".join(a.value for a in Area)
            )
        )
    with _workspace(args) as workspace:
        view = checklist(workspace, _organisation_only(workspace, args))
    entries = [
        e
        for e in view.entries
        if (args.all or e.applicable) and (not args.area or e.item.area.value == args.area)
    ]
    if args.json:
        data = [
            {
                "id": e.item.id,
                "area": e.item.area.value,
                "title": e.item.text("title", view.today),
                "source": e.item.source,
                "checked": e.item.checked.isoformat() if e.item.checked else None,
                "verified": e.item.verified,
                "applies": e.applicability.state.value,
                "applicable": e.applicable,
                "why": e.applicability.why,
                "status": "done" if e.done(view.today) else e.progress.status.value,
                "renews_on": (r.isoformat() if (r := e.renews_on()) else None),
            }
            for e in entries
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    area = None
    for e in entries:
        if e.item.area is not area:
            area = e.item.area
            print(f"\n{_(AREA_LABELS[area])}")
        state = _(STATE_LABELS[e.applicability.state])
        status = _("Done") if e.done(view.today) else _(STATUS_LABELS[e.progress.status])
        print(f"  {e.item.id}\t{state}\t{status}\t{e.item.text('title', view.today)}")
        if args.all:
            print(f"  \t{e.applicability.why}")


def _readiness(args: argparse.Namespace) -> None:
    from costready.app.compliance import checklist
    from costready.compliance.definitions import AREA_LABELS
    from costready.reports.readiness import percent_text

    if args.all_organisations:
        _readiness_all(args)
        return
    with _workspace(args) as workspace:
        view = checklist(workspace, _organisation_only(workspace, args))
    areas = view.areas()
    if args.json:

        def figures(value: Readiness) -> dict:
            return {
                "done": value.done,
                "applicable": value.applicable,
                "percent": None if value.percent is None else _quantity(value.percent),
            }

        listed = {
            "due_soon": view.due_soon(),
            "overdue": view.overdue(),
        }
        data = {
            "organisation": view.organisation.name,
            "as_at": view.today.isoformat(),
            "overall": figures(view.overall),
            "areas": {area.value: figures(value) for area, value in areas.items()},
            **{
                key: [{"id": e.item.id, "renews_on": str(e.renews_on())} for e in entries]
                for key, entries in listed.items()
            },
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    print(
        _("{name}: readiness {value}").format(
            name=view.organisation.name, value=percent_text(view.overall)
        )
    )
    for area, value in areas.items():
        print(f"  {_(AREA_LABELS[area])}: {percent_text(value)}")
    for title, entries in ((_("Overdue"), view.overdue()), (_("Due soon"), view.due_soon())):
        for e in entries:
            renews = e.renews_on()
            day = format_date(renews) if renews else ""
            print(f"{title}: {e.item.id} {e.item.text('title', view.today)} ({day})")


def _readiness_figures(value: Readiness) -> dict:
    return {
        "done": value.done,
        "applicable": value.applicable,
        "percent": None if value.percent is None else _quantity(value.percent),
    }


def _readiness_all(args: argparse.Namespace) -> None:
    """The advisor view: each organisation's readiness overall and by area."""
    from costready.app.compliance import advisor_table
    from costready.compliance.definitions import AREA_LABELS
    from costready.reports.readiness import percent_text

    if args.organisation:
        raise CliError(_("--all-organisations and --organisation cannot be used together"))
    with _workspace(args) as workspace:
        rows = advisor_table(workspace)
    if args.json:
        data = [
            {
                "organisation": row.organisation.name,
                "id": row.organisation.id,
                "overall": _readiness_figures(row.overall),
                "areas": {a.value: _readiness_figures(v) for a, v in row.areas.items()},
                "due_soon": row.due_soon,
                "overdue": row.overdue,
            }
            for row in rows
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for row in rows:
        print(
            _("{name}: readiness {value} · {soon} due soon · {late} overdue").format(
                name=row.organisation.name,
                value=percent_text(row.overall),
                soon=row.due_soon,
                late=row.overdue,
            )
        )
        for area, value in row.areas.items():
            print(f"  {_(AREA_LABELS[area])}: {percent_text(value)}")


def _adopt(args: argparse.Namespace) -> int:
    from costready.app.adoption import UnconfirmedWarnings, adopt
    from costready.money import format_money

    with _workspace(args) as workspace:
        _org_id, scenario_id = _select(workspace, args)
        try:
            price_list = adopt(
                workspace,
                scenario_id,
                args.effective_from,
                args.approved_by,
                args.approved_on or date.today(),
                args.note,
                despite_warnings=args.despite_warnings,
            )
        except UnconfirmedWarnings as unconfirmed:
            _print_warnings(unconfirmed.problems)
            print(
                _(
                    "costready: not adopted: the prices carry the warnings above; check them, "
                    "then run again with --despite-warnings to adopt all the same"
                ),
                file=sys.stderr,
            )
            return 1
    print(
        _("Adopted “{scenario}”: prices from {day}.").format(
            scenario=price_list.scenario_name, day=format_date(price_list.effective_from)
        )
    )
    for service_id, price in price_list.prices.items():
        print(f"  {service_id}\t{format_money(price)}")
    return 0


def _price_lists(args: argparse.Namespace) -> None:
    today = date.today()
    with _workspace(args) as workspace:
        org_id = _chosen_organisation(workspace, args)
        lists = workspace.price_lists(org_id)
        current = workspace.current_price_list(org_id, today)
    if not lists:
        print(_("No prices adopted yet. Try: costready adopt --help"))
    for price_list in lists:
        if price_list.withdrawn_on is not None:
            status = _("withdrawn {day}").format(day=format_date(price_list.withdrawn_on))
        elif current is not None and price_list.id == current.id:
            status = _("in force")
        else:
            status = _("to come") if price_list.effective_from > today else ""
        day = format_date(price_list.effective_from)
        print(f"{price_list.id}\t{day}\t{price_list.scenario_name}\t{status}".rstrip())


def _withdraw(args: argparse.Namespace) -> None:
    from costready.app.price_lists import withdraw

    with _workspace(args) as workspace:
        org_id = _chosen_organisation(workspace, args)
        lists = workspace.price_lists(org_id)
        if args.id is not None:
            found = [p for p in lists if p.id == args.id]
        else:
            found = [
                p for p in lists if p.effective_from == args.effective_from and not p.withdrawn
            ]
        if not found:
            raise CliError(_("no such price list to withdraw (see: costready price-lists)"))
        if len(found) > 1:
            raise CliError(
                _(
                    "more than one price list is from that date; give its number with --id "
                    "(see: costready price-lists)"
                )
            )
        withdrawn = withdraw(workspace, org_id, found[0].id)
    print(
        _(
            "Withdrew the price list from {day} (“{scenario}”); it stays in the history, "
            "marked withdrawn."
        ).format(day=format_date(withdrawn.effective_from), scenario=withdrawn.scenario_name)
    )


def _backup(args: argparse.Namespace) -> None:
    from costready.app.backups import backup_now, list_backups

    if not args.list:
        print(_("Backed up the workspace to {file}").format(file=backup_now(args.database)))
        return
    backups = list_backups(args.database)
    if not backups:
        print(_("The workspace has no backups yet. Make one with: costready backup"))
    for backup in backups:
        print(f"{format_date(backup.taken.date())} {backup.taken:%H:%M:%S}\t{backup.path}")


def _restore(args: argparse.Namespace) -> None:
    from costready.app.backups import restore_backup

    restored = restore_backup(args.file, args.database)
    print(_("Restored the workspace from {file}.").format(file=restored.backup))
    if restored.aside is not None:
        print(_("The workspace as it was is kept as {file}").format(file=restored.aside))


def _org(args: argparse.Namespace) -> None:
    from costready.app import organisation_files, organisations
    from costready.costing.organisation_file import (
        load_organisation_file,
        save_organisation_file,
    )

    if args.org_command == "import":
        file = load_organisation_file(args.file)  # validated whole before anything is written
        with _workspace(args) as workspace:
            imported = organisation_files.import_organisation(workspace, file)
        print(
            _("Imported “{name}” as organisation {org}, with {count} scenarios.").format(
                name=imported.name, org=imported.organisation_id, count=len(imported.scenario_ids)
            )
        )
        renamed = imported.renamed_from(file)
        if renamed is not None:
            print(
                _("The workspace already had an organisation called “{name}”.").format(name=renamed)
            )
        return
    with _workspace(args) as workspace:
        if args.org_command == "export":
            org_id, _scenario_id = _select_organisation(workspace, args.organisation)
            save_organisation_file(
                organisation_files.export_organisation(workspace, org_id), args.output
            )
            print(_("Wrote {file}").format(file=args.output))
            return
        org_id = _find_organisation(workspace, args.organisation)
        if args.org_command == "rename":
            org = organisations.rename_organisation(workspace, org_id, args.name)
            print(_("Renamed organisation {org} to “{name}”.").format(org=org_id, name=org.name))
            return
        _require_yes(args, _("organisation"))
        deleted = organisations.delete_organisation(workspace, org_id)
    print(_("Deleted the organisation “{name}”.").format(name=deleted.name))
    _print_backup(deleted.backup)


def _scenario(args: argparse.Namespace) -> None:
    from costready.app import organisations

    with _workspace(args) as workspace:
        selected = argparse.Namespace(organisation=args.organisation, scenario=args.scenario)
        _org_id, scenario_id = _select(workspace, selected)
        if args.scenario_command == "rename":
            name = organisations.rename_scenario(workspace, scenario_id, args.name)
            print(_("Renamed scenario {sc} to “{name}”.").format(sc=scenario_id, name=name))
            return
        _require_yes(args, _("scenario"))
        deleted = organisations.delete_scenario(workspace, scenario_id)
    print(_("Deleted the scenario “{name}”; its price lists are kept.").format(name=deleted.name))
    _print_backup(deleted.backup)


def _require_yes(args: argparse.Namespace, what: str) -> None:
    if not args.yes:
        raise CliError(_("nothing was deleted; add --yes to delete the {what}").format(what=what))


def _print_backup(backup: Path | None) -> None:
    if backup is not None:
        print(_("A backup was taken first: {file}").format(file=backup))


def _select_organisation(workspace: Workspace, wanted: str | None) -> tuple[int, None]:
    """The organisation named, else the one the window would open."""
    if wanted:
        return _find_organisation(workspace, wanted), None
    chosen = organisation_to_open(workspace)
    if chosen is None:
        raise CliError(_("the workspace has no organisations yet (try: costready demo)"))
    return chosen, None


def _day(text: str) -> date:
    """A date typed as 01/04/2027 (UK order) or 2027-04-01."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        _("“{text}” is not a date; use dd/mm/yyyy, such as 01/04/2027").format(text=text)
    )


def format_date(day: date) -> str:
    """dd/mm/yyyy, the UK order."""
    return day.strftime("%d/%m/%Y")


# Helpers ------------------------------------------------------------------------------------


@contextmanager
def _workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    from costready.storage.workspace import Workspace

    workspace = Workspace.open(args.database)
    try:
        yield workspace
    finally:
        workspace.close()


def _find_organisation(workspace: Workspace, wanted: str) -> int:
    """An organisation by its number, or by a name only one organisation has."""
    organisations = workspace.organisations()
    by_id = [o for o in organisations if str(o.id) == wanted]
    by_name = [o for o in organisations if o.name.casefold() == wanted.strip().casefold()]
    found = by_id or by_name
    if not found:
        raise CliError(_("no organisation “{name}” in this workspace").format(name=wanted))
    if len(found) > 1:
        raise CliError(
            _(
                "more than one organisation is called “{name}”; give its number "
                "instead (see: costready list)"
            ).format(name=wanted)
        )
    return _stored_id(found[0])


def _stored_id(org: Organisation) -> int:
    """The database id of an organisation read from the workspace (always saved, so set)."""
    assert org.id is not None, "an organisation read from the workspace has an id"
    return org.id


def _chosen_organisation(workspace: Workspace, args: argparse.Namespace) -> int:
    """The organisation --organisation names, else the one the window would open."""
    if args.organisation:
        return _find_organisation(workspace, args.organisation)
    organisations = workspace.organisations()
    if not organisations:
        raise CliError(_("the workspace has no organisations yet (try: costready demo)"))
    return organisation_to_open(workspace) or _stored_id(organisations[0])


def _select(workspace: Workspace, args: argparse.Namespace) -> tuple[int, int]:
    """(organisation id, scenario id) from --organisation/--scenario or the sensible default."""
    org_id = _chosen_organisation(workspace, args)
    scenarios = workspace.scenarios(org_id)
    if not scenarios:
        raise CliError(_("the organisation has no scenarios yet"))
    if args.scenario:
        found = [s for s in scenarios if str(s.id) == args.scenario] or [
            s for s in scenarios if s.name == args.scenario
        ]
        if not found:
            raise CliError(
                _("no scenario “{name}” in this organisation").format(name=args.scenario)
            )
        if len(found) > 1:
            raise CliError(
                _(
                    "more than one scenario is called “{name}”; give its number "
                    "instead (see: costready list)"
                ).format(name=args.scenario)
            )
        return org_id, found[0].id
    chosen = scenario_to_open(workspace, org_id)  # the window's rule: both act on the same one
    assert chosen is not None, "an organisation with scenarios has one to start with"
    return org_id, chosen


def _amount(value: Decimal) -> str:
    """An amount for JSON, as every screen shows it: half-up to the penny ("500.03")."""
    from costready.money import to_penny

    return str(to_penny(value))


def _exact_amount(value: Decimal) -> str:
    """A figure rounded in the next step (a price before rounding), four places half-up, as
    the screen and the costing report show it ("27.3457")."""
    from costready.money import to_four_places

    return str(to_four_places(value))


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")


def result_to_json(result: ScenarioResult, vat_registered: bool = True) -> dict:
    """`price --json`: services with every figure, posts and totals; amounts as strings.
    No price including VAT when the organisation is not VAT registered."""
    services = []
    for s in result.services:
        services.append(
            {
                "id": s.id,
                "name": s.name,
                "unit": s.unit,
                "planned_units": _quantity(s.planned_units),
                "direct_staff": _amount(s.direct_staff),
                "direct_staff_lines": {k: _amount(v) for k, v in s.direct_staff_lines.items()},
                "direct_other": _amount(s.direct_other),
                "direct_other_lines": {k: _amount(v) for k, v in s.direct_other_lines.items()},
                "overheads": {k: _amount(v) for k, v in s.overheads.items()},
                "full_cost": _amount(s.full_cost),
                "unit_cost": _amount(s.unit_cost),
                "surplus_convention": s.surplus_convention.value,
                "surplus_value": _quantity(s.surplus_value),
                "price_before_rounding": _exact_amount(s.price_before_rounding),
                "price": _amount(s.price),
                "vat": s.vat.value,
                **({"price_inc_vat": _amount(s.price_inc_vat)} if vat_registered else {}),
                "surplus_per_unit": _amount(s.surplus_per_unit),
                "surplus_at_planned_volume": _amount(s.surplus_at_planned_volume),
                "break_even_units": None
                if s.break_even_units is None
                else _quantity(s.break_even_units),
                "sensitivity": [
                    {
                        "change": _quantity(p.change),
                        "units": _quantity(p.units),
                        "unit_cost": _amount(p.unit_cost),
                        "surplus": _amount(p.surplus),
                    }
                    for p in s.sensitivity
                ],
            }
        )
    unpriced = {
        "unpriced": [
            {
                "id": s.id,
                "name": s.name,
                "unit": s.unit,
                "problems": [{"path": p.path, "message": p.message} for p in s.problems],
            }
            for s in result.unpriced
        ]
    }
    return {
        "scenario": result.scenario_name,
        "tax_year": result.tax_year,
        "services": services,
        **(unpriced if result.unpriced else {}),
        "warnings": [{"path": w.path, "message": w.message} for w in result.warnings],
        "staff": [
            {"id": p.post_id, "role": p.role, "annual_cost": _amount(p.annual_cost)}
            for p in result.posts
        ],
        "totals": {
            "total_cost": _amount(result.total_cost),
            "full_cost": _amount(result.total_full_cost),
            "income": _amount(result.total_income),
            "surplus": _amount(result.total_surplus),
        },
    }


def _price_table(result: ScenarioResult) -> str:
    from costready.costing.explain import surplus_words, units_text
    from costready.money import format_money

    header = (
        _("Service"),
        _("Unit"),
        _("Planned units"),
        _("Full cost"),
        _("Unit cost"),
        _("Price"),
        _("Surplus"),
    )
    rows = [header] + [
        (
            s.name,
            s.unit,
            units_text(s.planned_units),
            format_money(s.full_cost),
            format_money(s.unit_cost),
            format_money(s.price),
            surplus_words(s.surplus_convention, s.surplus_value),
        )
        for s in result.services
    ]
    rows += [
        (s.name, s.unit, "", "", "", _("not priced"), s.problems[0].message if s.problems else "")
        for s in result.unpriced
    ]
    rows.append((_("Total"), "", "", format_money(result.total_full_cost), "", "", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:-1], widths[2:-1], strict=True)]
        cells.append(row[-1])
        lines.append("  ".join(cells))
    return "\n".join(lines)


# Invoicing ------------------------------------------------------------------------------------


def _add_invoicing_commands(
    add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    invoice = add("invoice", help=_("list, show or issue invoices and credit notes"))
    invoice_commands = invoice.add_subparsers(
        dest="invoice_command", metavar="list|show|issue|credit|copy|pdf|ubl|csv", required=True
    )
    listed = invoice_commands.add_parser(
        "list", parents=[common], help=_("list invoices and credit notes, drafts first")
    )
    listed.add_argument("--json", action="store_true", help=_("print JSON"))
    listed.add_argument(
        "--status",
        choices=["draft", "issued", "part_paid", "paid", "overdue", "credited"],
        help=_("only documents with this status"),
    )
    show = invoice_commands.add_parser(
        "show", parents=[common], help=_("show one invoice or credit note")
    )
    show.add_argument("document", metavar="NUMBER|ID")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    issue = invoice_commands.add_parser(
        "issue", parents=[common], help=_("issue a draft (its number is given now)")
    )
    issue.add_argument("document", metavar="ID", help=_("the draft's id (see invoice list)"))
    issue.add_argument("--date", type=_day, metavar="DD/MM/YYYY", help=_("default: today"))
    credit = invoice_commands.add_parser(
        "credit",
        parents=[common],
        help=_("issue a credit note against an issued invoice (default: all that is left)"),
    )
    credit.add_argument("document", metavar="NUMBER|ID", help=_("the invoice it corrects"))
    credit.add_argument("--reason", required=True, help=_("why, as the credit note says"))
    credit.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="N=QUANTITY",
        help=_("credit QUANTITY of the invoice's line N (from 1); repeat for more lines"),
    )
    credit.add_argument("--date", type=_day, metavar="DD/MM/YYYY", help=_("default: today"))
    copied = invoice_commands.add_parser(
        "copy",
        parents=[common],
        help=_("a new draft like an invoice: its customer, lines at today's prices, references"),
    )
    copied.add_argument("document", metavar="NUMBER|ID")
    _add_invoice_file_commands(invoice_commands, common)

    pay = add("payments", help=_("record a payment against an invoice"))
    pay_commands = pay.add_subparsers(
        dest="payments_command", metavar="record|remittance|csv", required=True
    )
    record = pay_commands.add_parser(
        "record", parents=[common], help=_("record money received against an invoice")
    )
    record.add_argument("document", metavar="NUMBER|ID")
    record.add_argument("--amount", required=True, metavar="POUNDS")
    record.add_argument("--date", type=_day, metavar="DD/MM/YYYY", help=_("default: today"))
    record.add_argument("--method", default="bank_transfer", choices=PAYMENT_METHODS)
    record.add_argument("--reference", default="", help=_("the payer's reference"))
    remit = pay_commands.add_parser(
        "remittance",
        parents=[common],
        help=_(
            "one payment that pays several invoices of a customer, oldest due first; "
            "the rest becomes their credit"
        ),
    )
    remit.add_argument("--customer", required=True, metavar="NAME|ID")
    remit.add_argument("--amount", required=True, metavar="POUNDS")
    remit.add_argument("--date", type=_day, metavar="DD/MM/YYYY", help=_("default: today"))
    remit.add_argument("--method", default="bank_transfer", choices=PAYMENT_METHODS)
    remit.add_argument("--reference", default="", help=_("the payer's reference"))
    paid_csv = pay_commands.add_parser(
        "csv", parents=[common], help=_("write every payment received as CSV")
    )
    paid_csv.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")

    deliveries = add("deliveries", help=_("record units delivered, one at a time or from a CSV"))
    delivery_commands = deliveries.add_subparsers(
        dest="deliveries_command", metavar="add|import", required=True
    )
    added = delivery_commands.add_parser("add", parents=[common], help=_("record one delivery"))
    added.add_argument("--service", required=True, metavar="SERVICE_ID")
    added.add_argument("--date", required=True, type=_day, metavar="DD/MM/YYYY")
    added.add_argument("--quantity", required=True, metavar="UNITS")
    added.add_argument("--customer", required=True, metavar="ID|NAME")
    added.add_argument("--worker", default="")
    added.add_argument(
        "--person-ref", default="", help=_("a reference for the person supported, never a name")
    )
    added.add_argument("--po", default="", metavar="PURCHASE_ORDER")
    added.add_argument("--agreement", default="")
    imported = delivery_commands.add_parser(
        "import",
        parents=[common],
        help=_("add every delivery in a CSV file, or none when any row is wrong"),
    )
    imported.add_argument("file", type=Path, metavar="FILE.csv")

    bill = add(
        "bill", help=_("turn unbilled deliveries in a period into draft invoices (or issue them)")
    )
    bill.add_argument("--from", dest="date_from", required=True, type=_day, metavar="DD/MM/YYYY")
    bill.add_argument("--to", dest="date_to", required=True, type=_day, metavar="DD/MM/YYYY")
    bill.add_argument("--issue", action="store_true", help=_("issue the invoices too"))

    debtors = add("debtors", help=_("what each customer owes, by days overdue"))
    debtors.add_argument("--json", action="store_true", help=_("print JSON"))
    debtors.add_argument("--pdf", type=Path, metavar="FILE.pdf", help=_("write the PDF"))
    debtors.add_argument("--csv", type=Path, metavar="FILE.csv", help=_("write the CSV"))
    _add_letter_commands(add)

    customers = add("customers", help=_("list or add customers"))
    customer_commands = customers.add_subparsers(
        dest="customers_command", metavar="list|add", required=True
    )
    shown = customer_commands.add_parser("list", parents=[common], help=_("list the customers"))
    shown.add_argument("--json", action="store_true", help=_("print JSON"))
    new = customer_commands.add_parser("add", parents=[common], help=_("add a customer"))
    new.add_argument("name")
    new.add_argument(
        "--kind",
        default="organisation",
        choices=["local_authority", "nhs_body", "organisation", "individual"],
    )
    new.add_argument(
        "--funding",
        choices=["direct_payment", "personal_budget", "individual_service_fund", "self_funder"],
        help=_("how an individual pays"),
    )
    new.add_argument("--address", default="", help=_("billing address (\\n between lines)"))
    new.add_argument("--email", default="")
    new.add_argument("--terms", type=int, metavar="DAYS", help=_("payment terms in days"))
    new.add_argument("--po-required", action="store_true")
    new.add_argument("--peppol-scheme", default="", metavar="NNNN")
    new.add_argument("--peppol-id", default="")


def _invoicing_org(workspace: Workspace, args: argparse.Namespace) -> int:
    """--org, else the only organisation; more than one without --org is an error that
    lists them."""
    organisations = workspace.organisations()
    wanted = getattr(args, "org", None)
    if wanted:
        return _find_organisation(workspace, wanted)
    if not organisations:
        raise CliError(_("the workspace has no organisations yet (try: costready demo)"))
    if len(organisations) > 1:
        listed = "; ".join(f"{org.id} {org.name}" for org in organisations)
        raise CliError(
            _("the workspace has several organisations; choose one with --org ID ({list})").format(
                list=listed
            )
        )
    return _stored_id(organisations[0])


def _document_id(workspace: Workspace, org_id: int, wanted: str) -> int:
    """A document by its number (INV-0001) or its id."""
    from costready.app.invoices import find_document

    found = find_document(workspace, org_id, wanted)
    if found is None:
        raise CliError(
            _("no invoice or credit note “{name}” in this organisation").format(name=wanted)
        )
    return found


def _invoice(args: argparse.Namespace) -> None:
    from costready.app import invoices
    from costready.invoicing.listing import InvoiceFilter
    from costready.invoicing.status import Status

    today = date.today()
    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        if args.invoice_command in ("pdf", "ubl", "csv"):
            _invoice_file(workspace, org_id, args)
            return
        if args.invoice_command == "list":
            filt = InvoiceFilter(status=Status(args.status) if args.status else None)
            rows = invoices.document_rows(workspace, org_id, filt, today, 0, 10**9)
            _print_rows(rows, args.json)
            return
        doc_id = _document_id(workspace, org_id, args.document)
        if args.invoice_command == "copy":
            draft = invoices.copy_as_draft(workspace, doc_id)
            print(
                _("Copied {wanted} as draft {id}: check it, then issue it.").format(
                    wanted=args.document, id=draft.id
                )
            )
            return
        if args.invoice_command == "credit":
            lines = _credit_lines(workspace, doc_id, args.line, today) if args.line else None
            note = invoices.credit(workspace, doc_id, lines, args.reason, args.date)
            from costready.money import format_money

            total = invoices.document_view(workspace, note.id or 0, today).totals.gross
            print(
                _("Issued credit note {number} for {total}, correcting {invoice}.").format(
                    number=note.number, total=format_money(total), invoice=note.credits_number
                )
            )
            return
        if args.invoice_command == "issue":
            issued = invoices.issue(workspace, doc_id, args.date)
            print(
                _("Issued {number}, due {due}.").format(
                    number=issued.number, due=format_date(issued.due_date or today)
                )
            )
            return
        view = invoices.document_view(workspace, doc_id, today)
    _print_view(view, args.json)


def _credit_lines(
    workspace: Workspace, invoice_id: int, asked: list[str], today: date
) -> tuple[Line, ...]:
    """The credit note's lines from "N=QUANTITY" (N from 1), checked against what is left."""
    from costready.app import invoices
    from costready.invoicing.credits import left_to_credit
    from costready.invoicing.documents import part_credit_lines
    from costready.invoicing.errors import InvoicingError

    view = invoices.document_view(workspace, invoice_id, today)
    quantities: dict[int, Decimal] = {}
    for text in asked:
        number, _sep, quantity = text.partition("=")
        try:
            index, amount = int(number) - 1, Decimal(quantity)
        except (ValueError, ArithmeticError):
            raise CliError(
                _("--line “{text}”: give the line's number and a quantity, such as 2=1.5").format(
                    text=text
                )
            ) from None
        if not 0 <= index < len(view.document.lines):
            raise CliError(
                _("--line “{text}”: {number} has lines 1 to {count}").format(
                    text=text, number=view.document.number, count=len(view.document.lines)
                )
            )
        quantities[index] = quantities.get(index, Decimal(0)) + amount
    left = left_to_credit(view.document, view.credit_notes)
    lines, problems = part_credit_lines(view.document, quantities, left)
    if problems:
        raise InvoicingError(problems)
    return lines


def _print_rows(rows: list, as_json: bool) -> None:
    from costready.invoicing.status import STATUS_LABELS

    if as_json:
        print(json.dumps([_row_json(row) for row in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        print(_("No invoices yet."))
    for row in rows:
        when = format_date(row.issue_date) if row.issue_date else ""
        number = _("Draft") if row.number == "Draft" else row.number
        shown = _(STATUS_LABELS[row.status])
        print(
            f"{number:<16} {when:<10} {shown:<9} {_amount(row.total):>12} "
            f"{_amount(row.balance):>12}  {row.customer_name} [{row.id}]"
        )


def _row_json(row: object) -> dict:
    from costready.invoicing.listing import InvoiceRow

    assert isinstance(row, InvoiceRow)
    return {
        "id": row.id,
        "number": None if row.number == "Draft" else row.number,
        "kind": row.kind.value,
        "status": row.status.value,
        "customer": row.customer_name,
        "issue_date": row.issue_date.isoformat() if row.issue_date else None,
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "total": _amount(row.total),
        "balance": _amount(row.balance),
    }


def _print_view(view: object, as_json: bool) -> None:
    from costready.app.invoices import DocumentView

    assert isinstance(view, DocumentView)
    document = view.document
    lines = [
        {
            "description": line.description,
            "quantity": _quantity(line.quantity),
            "unit": line.unit,
            "unit_price": _amount(line.unit_price),
            "vat": line.treatment.value,
            "net": _amount(net),
        }
        for line, net in zip(document.lines, view.totals.line_nets, strict=True)
    ]
    data: dict[str, object] = {
        "id": document.id,
        "number": document.number,
        "kind": document.kind.value,
        "status": view.status.value,
        "customer": view.customer.name,
        "issue_date": document.issue_date.isoformat() if document.issue_date else None,
        "due_date": document.due_date.isoformat() if document.due_date else None,
        "purchase_order": document.purchase_order,
        "lines": lines,
        "net": _amount(view.totals.net),
        "vat": _amount(view.totals.vat),
        "total": _amount(view.totals.gross),
        "paid": _amount(view.paid),
        "credited": _amount(view.credited),
        "balance": _amount(view.balance),
        "payment_link": view.payment_link,
    }
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from costready.invoicing.status import STATUS_LABELS

    shown = _(STATUS_LABELS[view.status])
    print(f"{document.number or _('Draft')}  {view.customer.name}  ({shown})")
    for line in lines:
        print(
            f"  {line['description']}: {line['quantity']} {line['unit']} x "
            f"£{line['unit_price']} = £{line['net']}"
        )
    for name in ("net", "vat", "total", "paid", "credited", "balance"):
        print(f"  {name}: £{data[name]}")


def _payments(args: argparse.Namespace) -> None:
    from costready.app.payments import record_payment
    from costready.invoicing.payments import Payment, PaymentMethod
    from costready.money import MoneyError, parse_money

    if args.payments_command == "csv":
        from costready.app.invoice_files import save_payments_csv

        with _workspace(args) as workspace:
            save_payments_csv(workspace, _invoicing_org(workspace, args), args.output)
        print(_("Wrote {file}").format(file=args.output))
        return
    try:
        amount = parse_money(args.amount, "amount")
    except MoneyError as error:
        raise CliError(str(error)) from error
    if args.payments_command == "remittance":
        _remittance(args, amount)
        return
    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        doc_id = _document_id(workspace, org_id, args.document)
        payment = Payment(
            args.date or date.today(), amount, PaymentMethod(args.method), args.reference
        )
        result = record_payment(workspace, doc_id, payment)
    print(_("Recorded £{applied} against the invoice.").format(applied=_amount(result.applied)))
    if result.to_customer_credit:
        print(
            _("£{extra} is more than was owed and is now the customer's credit.").format(
                extra=_amount(result.to_customer_credit)
            )
        )


def _remittance(args: argparse.Namespace, amount: Decimal) -> None:
    from costready.app import invoices
    from costready.app.payments import record_remittance
    from costready.invoicing.payments import Payment, PaymentMethod
    from costready.money import format_money

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        customer_id = _customer_id(invoices.customers(workspace, org_id), args.customer)
        today = date.today()
        payment = Payment(args.date or today, amount, PaymentMethod(args.method), args.reference)
        result = record_remittance(workspace, customer_id, payment, today=today)
        for doc_id, part in result.applied.items():
            number = invoices.document_view(workspace, doc_id, today).document.number
            print(
                _("Recorded {amount} against {number}.").format(
                    amount=format_money(part), number=number
                )
            )
    if result.to_customer_credit:
        print(
            _("{extra} is more than was owed and is now the customer's credit.").format(
                extra=format_money(result.to_customer_credit)
            )
        )


def _deliveries(args: argparse.Namespace) -> None:
    from costready.app import deliveries, invoices
    from costready.invoicing.billing import Delivery
    from costready.money import MoneyError, parse_number

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        if args.deliveries_command == "import":
            count = deliveries.import_deliveries(
                workspace, org_id, args.file.read_text(encoding="utf-8-sig")
            )
            print(_("Added {count} deliveries.").format(count=count))
            return
        try:
            quantity = parse_number(args.quantity, "quantity")
        except MoneyError as error:
            raise CliError(str(error)) from error
        customer_id = _customer_id(invoices.customers(workspace, org_id), args.customer)
        added = deliveries.add_delivery(
            workspace,
            org_id,
            Delivery(
                service_key=args.service,
                day=args.date,
                quantity=quantity,
                customer_id=customer_id,
                worker=args.worker,
                person_ref=args.person_ref,
                purchase_order=args.po,
                agreement=args.agreement,
            ),
        )
    print(_("Recorded delivery {id}.").format(id=added.id))


def _customer_id(customers: list, wanted: str) -> int:
    for customer in customers:
        if str(customer.id) == wanted or customer.name.casefold() == wanted.casefold():
            return int(customer.id)
    raise CliError(_("no customer “{name}” in this organisation").format(name=wanted))


def _bill(args: argparse.Namespace) -> int:
    from costready.app.deliveries import bill_period

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        result = bill_period(workspace, org_id, args.date_from, args.date_to, issue=args.issue)
    for document in result.documents:
        print(
            _("Issued {number}").format(number=document.number)
            if document.is_issued
            else _("Draft {id}").format(id=document.id)
        )
    if not result.documents:
        print(_("Nothing to bill in that period."))
    _print_problems(result.problems)
    return 1 if result.problems else 0


def _debtors(args: argparse.Namespace) -> None:
    from costready.app.payments import aged_debtors
    from costready.invoicing.aged_debt import Bucket, aged_totals

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        if args.pdf or args.csv:
            _debtor_files(workspace, org_id, args)
            return
        rows = aged_debtors(workspace, org_id, date.today())
    if args.json:
        out = [
            {
                "customer_id": row.customer_id,
                "customer": row.name,
                **{bucket.value: _amount(row.buckets[bucket]) for bucket in Bucket},
                "total": _amount(row.total),
            }
            for row in rows
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    if not rows:
        print(_("Nobody owes anything."))
        return
    heads = " ".join(f"{bucket.value:>12}" for bucket in Bucket)
    print(f"{_('Customer'):<30} {heads} {_('Total'):>12}")
    for row in [*rows, aged_totals(rows)]:
        cells = " ".join(f"{_amount(row.buckets[bucket]):>12}" for bucket in Bucket)
        name = row.name or _("Total")
        print(f"{name[:30]:<30} {cells} {_amount(row.total):>12}")


def _customers(args: argparse.Namespace) -> None:
    from costready.app import invoices
    from costready.invoicing.customers import Customer, CustomerKind, Funding

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        if args.customers_command == "list":
            found = invoices.customers(workspace, org_id)
            if args.json:
                print(
                    json.dumps(
                        [{"id": c.id, "name": c.name, "kind": c.kind.value} for c in found],
                        indent=2,
                        ensure_ascii=False,
                    )
                )
            elif not found:
                print(_("No customers yet."))
            for customer in found if not args.json else []:
                print(f"{customer.id:>5}  {customer.name}  ({customer.kind.value})")
            return
        saved = invoices.save_customer(
            workspace,
            org_id,
            Customer(
                name=args.name,
                kind=CustomerKind(args.kind),
                funding=Funding(args.funding) if args.funding else None,
                billing_address=args.address.replace("\\n", "\n"),
                email=args.email,
                payment_terms_days=args.terms,
                po_required=args.po_required,
                peppol_scheme=args.peppol_scheme,
                peppol_id=args.peppol_id,
            ),
        )
    print(_("Added customer {id}.").format(id=saved.id))


# Invoicing's files ---------------------------------------------------------------------------


def _add_invoice_file_commands(
    invoice_commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    pdf = invoice_commands.add_parser(
        "pdf", parents=[common], help=_("write an issued invoice or credit note as PDF")
    )
    pdf.add_argument("document", metavar="NUMBER|ID")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    ubl = invoice_commands.add_parser(
        "ubl",
        parents=[common],
        help=_("write an e-invoice (UBL 2.1, Peppol BIS 3.0); what is missing is listed"),
    )
    ubl.add_argument("document", metavar="NUMBER|ID")
    ubl.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xml")
    listed = invoice_commands.add_parser(
        "csv", parents=[common], help=_("write every issued invoice and credit note as CSV")
    )
    listed.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")


def _add_letter_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    statement = add("statement", help=_("write a customer's statement as PDF"))
    statement.add_argument("customer", metavar="ID|NAME")
    statement.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    reminder = add("reminder", help=_("write a reminder letter for an overdue invoice"))
    reminder.add_argument("document", metavar="NUMBER|ID")
    reminder.add_argument("--level", choices=["first", "second", "final"], default="first")
    reminder.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    reminder.add_argument(
        "--reference-rate",
        metavar="PERCENT",
        help=_(
            "the Bank of England base rate for late-payment interest (4.0 for 4%%), when "
            "the rules file does not hold it"
        ),
    )


def _invoice_file(workspace: Workspace, org_id: int, args: argparse.Namespace) -> None:
    from costready.app import invoice_files

    if args.invoice_command == "csv":
        invoice_files.save_documents_csv(workspace, org_id, args.output)
    else:
        doc_id = _document_id(workspace, org_id, args.document)
        if args.invoice_command == "pdf":
            invoice_files.save_document_pdf(workspace, doc_id, args.output, date.today())
        else:
            invoice_files.save_ubl(workspace, doc_id, args.output)
    print(_("Wrote {file}").format(file=args.output))


def _debtor_files(workspace: Workspace, org_id: int, args: argparse.Namespace) -> None:
    from costready.app import invoice_files

    if args.pdf:
        invoice_files.save_aged_debt_pdf(workspace, org_id, args.pdf, date.today())
        print(_("Wrote {file}").format(file=args.pdf))
    if args.csv:
        invoice_files.save_aged_debt_csv(workspace, org_id, args.csv, date.today())
        print(_("Wrote {file}").format(file=args.csv))


def _statement(args: argparse.Namespace) -> None:
    from costready.app import invoice_files, invoices

    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        customer_id = _customer_id(invoices.customers(workspace, org_id), args.customer)
        invoice_files.save_statement_pdf(workspace, customer_id, args.output, date.today())
    print(_("Wrote {file}").format(file=args.output))


def _reminder(args: argparse.Namespace) -> None:
    from costready.app import invoice_files
    from costready.money import MoneyError, parse_number

    rate = None
    if args.reference_rate is not None:
        try:
            rate = parse_number(args.reference_rate, "reference-rate") / 100
        except MoneyError as error:
            raise CliError(str(error)) from error
        if not 0 <= rate < 1:
            raise CliError(_("reference-rate: give the rate in per cent, such as 4.0"))
    with _workspace(args) as workspace:
        org_id = _invoicing_org(workspace, args)
        doc_id = _document_id(workspace, org_id, args.document)
        note = invoice_files.save_reminder_pdf(
            workspace, doc_id, args.level, args.output, date.today(), rate
        )
    if note.message:
        print(_("costready: warning: {message}").format(message=note.message), file=sys.stderr)
    print(_("Wrote {file}").format(file=args.output))
