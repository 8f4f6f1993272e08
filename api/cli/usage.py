"""Commands named and mistakes said in Danish first: click knows English names and says mistakes in English only.

»samarbejdskort path Skive« answered »Missing argument 'B'.«, »gaps Randersklyngen« »Got unexpected extra
argument«. The group re-raises each usage error with the Danish words before click's English ones, so typer
prints it as before (the usage line, the hint to ``--help``, exit 2). The help screens themselves stay
click's.
"""

from __future__ import annotations

from typing import Any

import click
from typer.core import TyperGroup

from api.cli import command_name

__all__ = ["DanishUsageGroup", "in_danish"]


class _Said(click.UsageError):
    """A usage error already given its Danish words (a nested group must not add them twice)."""


class DanishUsageGroup(TyperGroup):
    """The command group: a command may be named in Danish (``api.cli.DANISH``: »kontakt«, »huller«), and a usage
    error of any command is given its Danish words (``in_danish``)."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, command_name(cmd_name))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _Said:
            raise
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _Said(f"{in_danish(exc)} / {exc.format_message()}", ctx=exc.ctx) from None


def in_danish(exc: click.UsageError) -> str:
    """What was wrong, in Danish: the missing argument or option, the unknown option, the bad value, the words
    too many, or the command that does not exist."""
    if isinstance(exc, click.MissingParameter):
        what = "argumentet" if isinstance(exc.param, click.Argument) else "tilvalget"
        name = exc.param.human_readable_name if exc.param else ""
        return f"mangler {what} {name}".rstrip()
    if isinstance(exc, click.NoSuchOption):
        near = f" (mente du {' eller '.join(sorted(exc.possibilities))}?)" if exc.possibilities else ""
        return f"ukendt tilvalg {exc.option_name}{near}"
    if isinstance(exc, click.BadParameter):
        name = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else "en parameter"
        return f"ugyldig værdi for {name}"
    message = exc.format_message()
    if message.startswith("Got unexpected extra argument"):
        return "for mange ord efter kommandoen (sæt anførselstegn om et navn med mellemrum)"
    if message.startswith("No such command"):
        return "ukendt kommando – se samarbejdskort --help"
    return "forkert brug af kommandoen"
