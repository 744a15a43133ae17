"""Command groups (子命令) of the luoshi command line, one module each, each a Typer app that
``luoshi/cli.py`` mounts: :mod:`.air` as ``luoshi air``, :mod:`.water` as ``luoshi water``.

They parse options, call the library and write its results; every error they meet is a
:class:`~luoshi.errors.LuoshiError`, shown by the one handler in ``luoshi/cli.py``.
"""
