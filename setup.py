"""Kept only for scrapyd-deploy: scrapyd-client 2.0.3 builds eggs with `python setup.py bdist_egg`
and, when this file is missing, writes its own (named "project") into the working tree.
All metadata, packages and data files come from pyproject.toml."""

from setuptools import setup

setup()
