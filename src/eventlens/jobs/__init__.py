"""Work that combines the pipeline with the store: ingesting files (files), a Dask cluster run
(cluster), watching feeds (watch) and exports (export)."""
