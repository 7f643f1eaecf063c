"""Loading the data folder: read files safely, load and check ``data/``, cite it.

- :mod:`.files`: safe reads of files, TOML included, with one-line errors (``DataError``, ``Problem``).
- :mod:`.csvrows`: the rows of a CSV file; :mod:`.fields`: what a valid row of each CSV file is.
- :mod:`.tables`: ``indicators.csv``, ``context.csv`` and ``sources.csv`` loaded, typed and looked up.
- :mod:`.folder`: the data folder and the ``DATA_DIR`` parameter (``use_data_dir``).
- :mod:`.validation`: checks a whole data folder; :mod:`.datapackage`: its Frictionless descriptor.
- :mod:`.citation` and :mod:`.provenance`: source lines and the fingerprint of the inputs.
"""
