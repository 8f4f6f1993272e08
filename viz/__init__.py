"""Diagrams people can explore and print.

``viz.views`` turns the model into a neutral ``Diagram`` (organisation diagram, collaboration network,
ego view, with highlight overlays from ``viz.highlight``); ``viz.request`` parses a diagram request the same
way for the CLI and the API; ``viz.html`` renders a diagram as one offline interactive page, ``viz.static``
as SVG, PNG or A4 PDF (``viz.printout``, ``viz.page``), and ``viz.sheet`` prints one page per forum. Styling
lives in one table, ``viz.style``. Import the submodule you need: ``import viz`` loads nothing.
"""
