"""The extraction stages, one module per step, in the order the pipeline runs them:
clean -> nlp -> cues -> merge -> arguments (numbers) -> detect (+ rerank) -> dates -> record.

Stages import only the records (types), the taxonomy, the errors, geo (for place names) and
each other; never the store, jobs, api or cli."""
